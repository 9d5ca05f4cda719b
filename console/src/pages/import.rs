//! Import: a license file uploaded or pasted (e-mail text around it allowed), a preview
//! with exactly the lines `import --dry-run` prints, then a confirmation that applies
//! it, with an explicit tick when the customer changes. A clock-reset response goes
//! the same way.

use axum::extract::Multipart;
use axum::response::{IntoResponse, Response};
use axum::Form;
use license_format::{document_kind, DocumentKind};
use license_verifier::store::ImportOptions;
use license_verifier::text as said;
use maud::{html, Markup};
use serde::Deserialize;

use super::{banner, csrf_refused, failed, layout, Ctx, Notice};
use crate::app::Failure;

pub(crate) async fn form(ctx: Ctx) -> Response {
    show(&ctx, None, upload_form(&ctx)).await
}

/// The page with `content` and the banner.
async fn show(ctx: &Ctx, notice: Option<Notice>, content: Markup) -> Response {
    let lang = ctx.lang;
    let banner = ctx
        .app
        .with_store(move |store, now| Ok(banner(store, lang, now)))
        .await
        .unwrap_or_default();
    let title = ctx.t("nav-import");
    layout(ctx, &title, &banner, notice.as_ref(), content).into_response()
}

fn upload_form(ctx: &Ctx) -> Markup {
    html! {
        @if ctx.read_only {
            p { (ctx.t("console-read-only-form")) }
        } @else {
            form.import method="post" action="/import/preview" enctype="multipart/form-data" {
                (ctx.csrf_field())
                p {
                    label for="file" { (ctx.t("console-import-file")) }
                    input #file type="file" name="file";
                }
                p {
                    label for="text" { (ctx.t("console-import-text")) }
                    textarea #text name="text" rows="10" cols="72" {}
                }
                button #preview type="submit" { (ctx.t("console-preview")) }
            }
        }
    }
}

/// The uploaded file, else the pasted text, and the CSRF field.
async fn read_upload(mut form: Multipart) -> Option<(Vec<u8>, String)> {
    let (mut file, mut text, mut csrf) = (Vec::new(), Vec::new(), String::new());
    while let Ok(Some(field)) = form.next_field().await {
        let name = field.name().unwrap_or("").to_owned();
        let bytes = field.bytes().await.ok()?;
        match name.as_str() {
            "file" => file = bytes.to_vec(),
            "text" => text = bytes.to_vec(),
            "csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
            _ => {}
        }
    }
    let chosen = if file.is_empty() { text } else { file };
    Some((chosen, csrf))
}

pub(crate) async fn preview(ctx: Ctx, form: Multipart) -> Response {
    let Some((bytes, csrf)) = read_upload(form).await else {
        let notice = Notice::Refused(ctx.t("console-upload-failed"));
        return show(&ctx, Some(notice), upload_form(&ctx)).await;
    };
    if !ctx.csrf_ok(&csrf) {
        return csrf_refused(&ctx);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let notice = Notice::Refused(ctx.t("console-import-empty"));
        return show(&ctx, Some(notice), upload_form(&ctx)).await;
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if document_kind(&bytes) == Some(DocumentKind::ClockReset) {
        let notice = Notice::Done(vec![ctx.t("console-clock-reset-preview")]);
        return show(&ctx, Some(notice), confirm_form(&ctx, &text, false)).await;
    }
    let lang = ctx.lang;
    if document_kind(&bytes) == Some(DocumentKind::RevocationList) {
        let report = ctx
            .app
            .with_store(move |store, now| store.import_revocation_list(&bytes, true, now))
            .await;
        return match report {
            Ok(report) => {
                let lines = said::revocation_lines(lang, &report);
                let content = html! {
                    pre.preview { @for l in &lines { (l) "\n" } }
                    (confirm_form(&ctx, &text, false))
                };
                show(&ctx, None, content).await
            }
            Err(e) => refused(&ctx, e).await,
        };
    }
    let report = ctx
        .app
        .with_store(move |store, now| {
            store.import_with(&bytes, ImportOptions::default().dry_run(true), now)
        })
        .await;
    match report {
        Ok(report) => {
            let lines = said::import_lines(lang, &report);
            let customer_changes = report.changes.customer_changes;
            let content = html! {
                pre.preview { @for l in &lines { (l) "\n" } }
                (confirm_form(&ctx, &text, customer_changes))
            };
            show(&ctx, None, content).await
        }
        Err(e) => refused(&ctx, e).await,
    }
}

/// The confirmation: the same text again (the server checks it again), and the tick
/// for a change of customer.
fn confirm_form(ctx: &Ctx, text: &str, customer_changes: bool) -> Markup {
    html! {
        form.confirm method="post" action="/import/confirm" {
            (ctx.csrf_field())
            input type="hidden" name="text" value=(text);
            @if customer_changes {
                p.warning {
                    input #confirm_customer type="checkbox" name="confirm_customer" value="yes" required;
                    " "
                    label for="confirm_customer" { (ctx.t("console-confirm-customer")) }
                }
            }
            button #confirm type="submit" { (ctx.t("console-confirm")) }
            " "
            a href="/import" { (ctx.t("console-cancel")) }
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct Confirm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
    confirm_customer: Option<String>,
}

pub(crate) async fn confirm(ctx: Ctx, Form(form): Form<Confirm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return csrf_refused(&ctx);
    }
    let lang = ctx.lang;
    let bytes = form.text.into_bytes();
    if document_kind(&bytes) == Some(DocumentKind::ClockReset) {
        let done = ctx
            .app
            .with_store(move |store, now| store.import_clock_reset(&bytes, now))
            .await;
        return match done {
            Ok(_) => {
                let notice = Notice::Done(vec![ctx.t("console-clock-reset-done")]);
                show(&ctx, Some(notice), upload_form(&ctx)).await
            }
            Err(e) => refused(&ctx, e).await,
        };
    }
    if document_kind(&bytes) == Some(DocumentKind::RevocationList) {
        let done = ctx
            .app
            .with_store(move |store, now| store.import_revocation_list(&bytes, false, now))
            .await;
        return match done {
            Ok(report) => {
                let notice = Notice::Done(said::revocation_lines(lang, &report));
                let link = html! { p { a href="/licenses" { (ctx.t("nav-licenses")) } } };
                show(&ctx, Some(notice), link).await
            }
            Err(e) => refused(&ctx, e).await,
        };
    }
    let confirmed = form.confirm_customer.is_some();
    let report = ctx
        .app
        .with_store(move |store, now| {
            let options = ImportOptions::default().confirm_customer_change(confirmed);
            store.import_with(&bytes, options, now)
        })
        .await;
    match report {
        Ok(report) => {
            let notice = Notice::Done(said::import_lines(lang, &report));
            show(
                &ctx,
                Some(notice),
                html! { p { a href="/licenses" { (ctx.t("nav-licenses")) } } },
            )
            .await
        }
        Err(e) => refused(&ctx, e).await,
    }
}

/// A refusal, in the command line's words, above a fresh form: never an error page.
async fn refused(ctx: &Ctx, e: Failure) -> Response {
    match e {
        Failure::Store(e) => {
            let notice = Notice::Refused(crate::api::error_text(ctx.lang, &e));
            show(ctx, Some(notice), upload_form(ctx)).await
        }
        Failure::Internal => failed(ctx, Failure::Internal),
    }
}
