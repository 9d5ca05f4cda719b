//! Activation: this installation's id, its activation request to send to the vendor,
//! and the clock-reset request when the store's clock mark is ahead of the clock.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::html;

use super::{banner, failed, layout, Ctx, Notice};
use crate::app::Failure;

pub(crate) async fn page(ctx: Ctx) -> Response {
    let lang = ctx.lang;
    let got = ctx
        .app
        .with_store(move |store, now| {
            Ok((store.installation_id().to_owned(), banner(store, lang, now)))
        })
        .await;
    let (id, banner) = match got {
        Ok(v) => v,
        Err(e) => return failed(&ctx, e),
    };
    let title = ctx.t("nav-activation");
    let content = html! {
        dl.header {
            dt { (ctx.t("field-installation")) } dd { code { (id) } }
        }
        p { (ctx.t("console-activation-hint")) }
        p { a.button #download-request href="/activation/request" download="activation-request.json" { (ctx.t("console-download-request")) } }
        p { (ctx.t("console-clock-reset-hint")) }
        p { a.button #download-reset href="/activation/clock-reset" download="clock-reset-request.json" { (ctx.t("console-download-reset")) } }
        p { a href="/import" { (ctx.t("console-then-import")) } }
    };
    layout(&ctx, &title, &banner, None, content).into_response()
}

fn download(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The activation request, as `license-verifier request` writes it.
pub(crate) async fn request(ctx: Ctx) -> Response {
    let host = ctx.app.hostname.clone();
    match ctx
        .app
        .with_store(move |store, now| Ok(store.activation_request(&host, now).to_json()))
        .await
    {
        Ok(body) => download("activation-request.json", body),
        Err(e) => failed(&ctx, e),
    }
}

/// The clock-reset request, as `license-verifier request --clock-reset` writes it; when
/// none is needed, the reason on the activation page.
pub(crate) async fn clock_reset(ctx: Ctx) -> Response {
    let host = ctx.app.hostname.clone();
    let got = ctx
        .app
        .with_store(move |store, now| Ok(store.clock_reset_request(&host, now)?.to_json()))
        .await;
    match got {
        Ok(body) => download("clock-reset-request.json", body),
        Err(Failure::Store(e)) => {
            let notice = Notice::Refused(crate::api::error_text(ctx.lang, &e));
            let title = ctx.t("nav-activation");
            layout(
                &ctx,
                &title,
                &[],
                Some(&notice),
                html! { p { a href="/activation" { (ctx.t("console-back")) } } },
            )
            .into_response()
        }
        Err(e) => failed(&ctx, e),
    }
}
