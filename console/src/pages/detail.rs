//! One module or plan: what it enables, its dates and grace, and for a plan its holders
//! in order, with the seat count below which each would lose access.

use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use license_verifier::store::LicenseDetail;
use license_verifier::text as said;
use maud::{html, Markup};

use super::licenses::seat_bar;
use super::{banner, d, failed, layout, when, Ctx};
use crate::words::{n, t};

/// Holders shown on one page; a plan of 100,000 seats lists its first ones and says
/// how many more there are.
const MAX_HOLDERS: usize = 500;

pub(crate) async fn page(ctx: Ctx, Path(code): Path<String>) -> Response {
    let lang = ctx.lang;
    let got = ctx
        .app
        .with_store(move |store, now| {
            let detail = store.show(&code, lang, now)?;
            // The term's start and grace are the license's: every grant shares them.
            let term = store
                .active_detail(now)?
                .map(|a| (a.file.valid_from, a.file.grace_days));
            Ok((detail, term, banner(store, lang, now)))
        })
        .await;
    match got {
        Ok((detail, term, banner)) => {
            let title = detail.row.name.clone();
            layout(&ctx, &title, &banner, None, content(&ctx, &detail, term)).into_response()
        }
        Err(e) => failed(&ctx, e),
    }
}

fn content(ctx: &Ctx, detail: &LicenseDetail, term: Option<(DateTime<Utc>, u32)>) -> Markup {
    let lang = ctx.lang;
    let r = &detail.row;
    let kind = match r.kind {
        "system" => "kind-system",
        "user-plan" => "kind-user-plan",
        _ => "kind-legacy",
    };
    html! {
        p.back { a href="/licenses" { (ctx.t("console-back")) } }
        dl.header {
            dt { (ctx.t("field-code")) } dd { code { (r.code) } }
            dt { (ctx.t("field-kind")) } dd { (ctx.t(kind)) }
            dt { (ctx.t("field-description")) } dd.description { (detail.description) }
            @if !detail.enables.is_empty() {
                dt { (ctx.t("field-enables")) } dd { (detail.enables.join(", ")) }
            }
            dt { (ctx.t("field-state")) } dd.state { (said::grant_state(lang, r.state.as_ref())) }
            @if let (Some(_), Some((from, grace))) = (r.state, term) {
                dt { (ctx.t("field-valid-from")) } dd { (from.format("%Y-%m-%d")) }
                dt { (ctx.t("field-last-day")) } dd { (said::last_day(lang, &r.valid_until)) }
                dt { (ctx.t("field-grace")) } dd { (t(lang, "console-grace-days", &[("days", n(grace))])) }
            }
            @if let (Some(used), Some(total)) = (r.seats_used, r.seats_total) {
                dt { (ctx.t("field-seats")) } dd { (seat_bar(ctx, used, total)) }
            }
        }
        @if r.seats_total.is_some() {
            h2 { (ctx.t("console-holders")) }
            @if detail.holders.is_empty() {
                p { (ctx.t("console-no-holders")) }
            } @else {
                p.hint { (ctx.t("console-holders-hint")) }
                table.holders {
                    thead { tr {
                        th { "#" }
                        th { (ctx.t("field-user")) }
                        th { (ctx.t("field-assigned")) }
                        th { (ctx.t("console-cut")) }
                    } }
                    tbody {
                        @for h in detail.holders.iter().take(MAX_HOLDERS) {
                            tr class=[(!h.counted).then_some("over")] {
                                td { (h.rank) }
                                td.user { (d(&h.user)) }
                                td { (when(&h.assigned_at)) }
                                td {
                                    @if h.counted {
                                        (t(lang, "console-loses-below", &[("seats", n(h.rank as f64))]))
                                    } @else {
                                        (ctx.t("show-over"))
                                    }
                                }
                            }
                        }
                    }
                }
                @if detail.holders.len() > MAX_HOLDERS {
                    p { (t(lang, "console-more", &[("count", n((detail.holders.len() - MAX_HOLDERS) as f64))])) }
                }
            }
        }
    }
}
