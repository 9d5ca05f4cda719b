//! Users and seats: add and remove users, switch login rights, assign, move and release
//! seats. Each action answers with the command line's words, a refusal included, above
//! the same page.

use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use axum::Form;
use chrono::{DateTime, Utc};
use license_verifier::store::{SeatRow, UserRow};
use license_verifier::LicenseStore;
use maud::{html, Markup};
use serde::Deserialize;

use super::{banner, csrf_refused, d, failed, layout, when, Ctx, Notice};
use crate::app::Failure;
use crate::words::{n, t};
use license_verifier::text as said;

/// Users listed at once; a filter finds the rest.
const MAX_LISTED: usize = 500;

#[derive(Deserialize, Default)]
pub(crate) struct Filter {
    #[serde(default)]
    q: String,
}

/// What the page shows.
struct Data {
    users: Vec<UserRow>,
    matching: usize,
    seats: Vec<SeatRow>,
    banner: Vec<String>,
}

fn data(
    store: &LicenseStore,
    lang: license_format::Lang,
    q: &str,
    now: DateTime<Utc>,
) -> Result<Data, license_verifier::Error> {
    let all = store.users(now)?;
    let matching: Vec<UserRow> = all
        .into_iter()
        .filter(|u| q.is_empty() || u.name.contains(q))
        .collect();
    let count = matching.len();
    let seats = store
        .seats(None, now)?
        .into_iter()
        .filter(|r| q.is_empty() || r.user.contains(q))
        .take(MAX_LISTED)
        .collect();
    Ok(Data {
        users: matching.into_iter().take(MAX_LISTED).collect(),
        matching: count,
        seats,
        banner: banner(store, lang, now),
    })
}

pub(crate) async fn page(ctx: Ctx, Query(f): Query<Filter>) -> Response {
    render(&ctx, f.q, None).await
}

async fn render(ctx: &Ctx, q: String, notice: Option<Notice>) -> Response {
    let lang = ctx.lang;
    let filter = q.clone();
    match ctx
        .app
        .with_store(move |store, now| data(store, lang, &filter, now))
        .await
    {
        Ok(data) => {
            let title = ctx.t("nav-users");
            let content = content(ctx, &q, &data);
            layout(ctx, &title, &data.banner, notice.as_ref(), content).into_response()
        }
        Err(e) => failed(ctx, e),
    }
}

fn plan_codes() -> Vec<&'static str> {
    license_catalog::builtin()
        .user_plans
        .iter()
        .map(|e| e.code.as_str())
        .collect()
}

fn content(ctx: &Ctx, q: &str, data: &Data) -> Markup {
    let lang = ctx.lang;
    let writable = !ctx.read_only;
    html! {
        form.filter method="get" action="/users" {
            label for="q" { (ctx.t("console-filter")) }
            input #q type="search" name="q" value=(q);
            button type="submit" { (ctx.t("console-find")) }
        }
        @if writable {
            section.actions {
                h2 { (ctx.t("console-add-user")) }
                form method="post" action="/users/add" {
                    (ctx.csrf_field())
                    label for="new-user" { (ctx.t("field-user")) }
                    input #new-user type="text" name="name" required maxlength="128";
                    input #new-login type="checkbox" name="login" value="yes" checked;
                    label for="new-login" { (ctx.t("users-login")) }
                    button #add-user type="submit" { (ctx.t("console-add")) }
                }
                h2 { (ctx.t("console-assign")) }
                form method="post" action="/seats/assign" {
                    (ctx.csrf_field())
                    label for="seat-user" { (ctx.t("field-user")) }
                    input #seat-user type="text" name="user" required maxlength="128";
                    label for="seat-plan" { (ctx.t("field-plan")) }
                    select #seat-plan name="plan" {
                        @for code in plan_codes() { option value=(code) { (code) } }
                    }
                    input #seat-move type="checkbox" name="move" value="yes";
                    label for="seat-move" { (ctx.t("console-move")) }
                    button #assign type="submit" { (ctx.t("console-assign-button")) }
                }
            }
        }
        h2 { (ctx.t("nav-users")) }
        @if data.users.is_empty() {
            p { (ctx.t("users-none")) }
        } @else {
            table.users {
                thead { tr {
                    th { (ctx.t("field-user")) }
                    th { (ctx.t("field-login")) }
                    th { (ctx.t("field-plans")) }
                    @if writable { th { (ctx.t("console-actions")) } }
                } }
                tbody {
                    @for u in &data.users {
                        tr {
                            td.user { (d(&u.name)) }
                            td { (ctx.t(if u.login { "console-yes" } else { "console-no" })) }
                            td { (u.plans.join(", ")) }
                            @if writable { td { (user_actions(ctx, u)) } }
                        }
                    }
                }
            }
            @if data.matching > data.users.len() {
                p { (t(lang, "console-more", &[("count", n((data.matching - data.users.len()) as f64))])) }
            }
        }
        h2 { (ctx.t("console-seats-title")) }
        @if data.seats.is_empty() {
            p { (ctx.t("seats-none")) }
        } @else {
            table.seats {
                thead { tr {
                    th { (ctx.t("field-plan")) } th { "#" } th { (ctx.t("field-user")) } th { (ctx.t("field-assigned")) }
                    @if writable { th { (ctx.t("console-actions")) } }
                } }
                tbody {
                    @for r in &data.seats {
                        tr class=[(!r.counted).then_some("over")] {
                            td { (r.plan) } td { (r.rank) } td.user { (d(&r.user)) }
                            td { (when(&r.assigned_at)) @if !r.counted { " " (ctx.t("seats-over")) } }
                            @if writable {
                                td {
                                    form.inline method="post" action="/seats/release" {
                                        (ctx.csrf_field())
                                        input type="hidden" name="user" value=(r.user);
                                        input type="hidden" name="plan" value=(r.plan);
                                        button type="submit" { (ctx.t("console-release")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn user_actions(ctx: &Ctx, u: &UserRow) -> Markup {
    let (to, label) = if u.login {
        ("off", "console-login-off")
    } else {
        ("on", "console-login-on")
    };
    html! {
        form.inline method="post" action="/users/login" {
            (ctx.csrf_field())
            input type="hidden" name="name" value=(u.name);
            input type="hidden" name="login" value=(to);
            button type="submit" { (ctx.t(label)) }
        }
        form.inline method="post" action="/users/remove" {
            (ctx.csrf_field())
            input type="hidden" name="name" value=(u.name);
            button type="submit" { (ctx.t("console-remove")) }
        }
    }
}

#[derive(Deserialize)]
pub(crate) struct UserForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    login: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct SeatForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    plan: String,
    #[serde(rename = "move")]
    move_seat: Option<String>,
}

/// Runs an action and shows the page with what it did or why it was refused.
async fn act<F>(ctx: Ctx, csrf: &str, f: F) -> Response
where
    F: FnOnce(&LicenseStore, DateTime<Utc>) -> Result<String, license_verifier::Error>
        + Send
        + 'static,
{
    if !ctx.csrf_ok(csrf) {
        return csrf_refused(&ctx);
    }
    let notice = match ctx.app.with_store(f).await {
        Ok(done) => Notice::Done(vec![done]),
        Err(Failure::Store(e)) => Notice::Refused(crate::api::error_text(ctx.lang, &e)),
        Err(Failure::Internal) => return failed(&ctx, Failure::Internal),
    };
    render(&ctx, String::new(), Some(notice)).await
}

pub(crate) async fn add(ctx: Ctx, Form(f): Form<UserForm>) -> Response {
    let (lang, login) = (ctx.lang, f.login.is_some());
    let csrf = f.csrf.clone();
    act(ctx, &csrf, move |store, now| {
        store.add_user(&f.name, login, now)?;
        Ok(said::user_added(lang, &f.name, login))
    })
    .await
}

pub(crate) async fn login(ctx: Ctx, Form(f): Form<UserForm>) -> Response {
    let lang = ctx.lang;
    let on = f.login.as_deref() == Some("on");
    let csrf = f.csrf.clone();
    act(ctx, &csrf, move |store, now| {
        let changed = store.set_login(&f.name, on, now)?;
        Ok(said::login_set(lang, &f.name, on, changed))
    })
    .await
}

pub(crate) async fn remove(ctx: Ctx, Form(f): Form<UserForm>) -> Response {
    let lang = ctx.lang;
    let csrf = f.csrf.clone();
    act(ctx, &csrf, move |store, now| {
        let released = store.remove_user(&f.name, now)?;
        Ok(said::user_removed(lang, &f.name, &released))
    })
    .await
}

pub(crate) async fn assign(ctx: Ctx, Form(f): Form<SeatForm>) -> Response {
    let lang = ctx.lang;
    let csrf = f.csrf.clone();
    act(ctx, &csrf, move |store, now| {
        let r = store.assign_seat(&f.user, &f.plan, f.move_seat.is_some(), now)?;
        Ok(said::seat_assigned(lang, &r))
    })
    .await
}

pub(crate) async fn release(ctx: Ctx, Form(f): Form<SeatForm>) -> Response {
    let lang = ctx.lang;
    let csrf = f.csrf.clone();
    act(ctx, &csrf, move |store, now| {
        store.release_seat(&f.user, &f.plan, now)?;
        Ok(said::seat_released(lang, &f.user, &f.plan))
    })
    .await
}
