//! The Licenses screen: the help page's tab, a header for the active license, then the
//! system licenses, the user plans and the legacy licenses, each linked to its details.

use axum::response::{IntoResponse, Response};
use license_verifier::store::{LicenseRow, LicensesScreen};
use license_verifier::text as said;
use maud::{html, Markup};

use super::{banner, d, encode, failed, layout, Ctx};
use crate::words::{n, t};

pub(crate) async fn page(ctx: Ctx) -> Response {
    let lang = ctx.lang;
    let got = ctx
        .app
        .with_store(move |store, now| {
            Ok((store.licenses_screen(lang, now)?, banner(store, lang, now)))
        })
        .await;
    match got {
        Ok((screen, banner)) => {
            let title = ctx.t("nav-licenses");
            layout(&ctx, &title, &banner, None, content(&ctx, &screen)).into_response()
        }
        Err(e) => failed(&ctx, e),
    }
}

fn content(ctx: &Ctx, screen: &LicensesScreen) -> Markup {
    let lang = ctx.lang;
    html! {
        nav.tabs { span.tab.current { "SuperOffice" } }
        @match &screen.header {
            Some(h) => {
                dl.header {
                    dt { (ctx.t("field-customer")) } dd.customer { (d(&h.customer.name)) " (" (d(&h.customer.id)) ")" }
                    dt { (ctx.t("field-license")) } dd.license-id { (d(&h.license_id)) }
                    dt { (ctx.t("field-serial")) } dd { (h.serial) }
                    dt { (ctx.t("field-issuer")) } dd { (d(&h.issuer)) }
                    dt { (ctx.t("field-state")) } dd { (said::state(lang, Some(&h.state))) }
                    dt { (ctx.t("field-last-day")) } dd { (said::last_day(lang, &h.valid_until)) }
                }
            }
            None => { p.none { (ctx.t("console-no-license")) } }
        }
        p.hint { (ctx.t("console-licenses-hint")) }
        @for (kind, title) in [("system", "list-system"), ("user-plan", "list-plans"), ("legacy", "list-legacy")] {
            section.kind {
                h2 { (ctx.t(title)) }
                table {
                    thead { tr {
                        th { (ctx.t("field-name")) }
                        th { (ctx.t("field-state")) }
                        th { (ctx.t("field-last-day")) }
                        @if kind != "system" { th { (ctx.t("field-seats")) } }
                    } }
                    tbody {
                        @for r in screen.rows.iter().filter(|r| r.kind == kind) {
                            (row(ctx, r, kind != "system"))
                        }
                    }
                }
            }
        }
    }
}

fn row(ctx: &Ctx, r: &LicenseRow, seats: bool) -> Markup {
    let lang = ctx.lang;
    let last_day = if r.state.is_some() {
        said::last_day(lang, &r.valid_until)
    } else {
        String::new()
    };
    html! {
        tr {
            td { a.license href={ "/licenses/" (encode(&r.code)) } { (r.name) } }
            td { (said::grant_state(lang, r.state.as_ref())) }
            td { (last_day) }
            @if seats {
                td {
                    // A plan the license does not grant and nobody holds has no seats to show.
                    @if r.state.is_some() || r.seats_used.unwrap_or(0) > 0 {
                        (seat_bar(ctx, r.seats_used.unwrap_or(0), r.seats_total.unwrap_or(0)))
                    }
                }
            }
        }
    }
}

/// Seats used and free as a bar (a `meter`, so no style is computed in the page) and
/// in words.
pub(crate) fn seat_bar(ctx: &Ctx, used: u64, total: u32) -> Markup {
    let free = u64::from(total).saturating_sub(used);
    let words = t(
        ctx.lang,
        "console-seats",
        &[
            ("used", n(used as f64)),
            ("total", n(total)),
            ("free", n(free as f64)),
        ],
    );
    html! {
        meter min="0" max=(total.max(1)) value=(used.min(u64::from(total))) title=(words) {}
        " " span.seats { (words) }
    }
}
