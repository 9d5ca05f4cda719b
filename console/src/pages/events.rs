//! The system events, newest first, filtered by kind and by the day they start from.

use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use license_verifier::store::EVENT_KINDS;
use license_verifier::text as said;
use maud::html;
use serde::Deserialize;

use super::{banner, failed, layout, Ctx, Notice};
use crate::api::{event_kinds, instant, MAX_EVENTS};
use crate::words::{s, t};

#[derive(Deserialize, Default)]
pub(crate) struct Filter {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    since: String,
    limit: Option<u32>,
}

pub(crate) async fn page(ctx: Ctx, Query(f): Query<Filter>) -> Response {
    let lang = ctx.lang;
    let mut problem = None;
    let kinds = event_kinds(Some(&f.kind)).unwrap_or_else(|unknown| {
        let kinds = EVENT_KINDS.join(", ");
        problem = Some(t(
            lang,
            "console-unknown-kind",
            &[("kind", s(&unknown)), ("kinds", s(&kinds))],
        ));
        Vec::new()
    });
    let since = match f.since.trim() {
        "" => None,
        text => instant(text).or_else(|| {
            problem = Some(t(lang, "console-bad-since", &[("value", s(text))]));
            None
        }),
    };
    let limit = f.limit.unwrap_or(200).min(MAX_EVENTS);
    let got = ctx
        .app
        .with_store(move |store, now| {
            Ok((
                store.events_where(limit, &kinds, since, now)?,
                banner(store, lang, now),
            ))
        })
        .await;
    let (events, banner) = match got {
        Ok(v) => v,
        Err(e) => return failed(&ctx, e),
    };
    let title = ctx.t("nav-events");
    let content = html! {
        form.filter method="get" action="/events" {
            label for="kind" { (ctx.t("field-kind")) }
            select #kind name="kind" {
                option value="" { (ctx.t("console-all-kinds")) }
                @for k in EVENT_KINDS {
                    option value=(k) selected[f.kind == k] { (kind_word(lang, k)) }
                }
            }
            label for="since" { (ctx.t("console-since")) }
            input #since type="date" name="since" value=(f.since);
            button type="submit" { (ctx.t("console-find")) }
        }
        @if events.is_empty() {
            p { (ctx.t("console-no-events")) }
        } @else {
            table.events {
                thead { tr { th { (ctx.t("field-when")) } th { (ctx.t("field-kind")) } th { (ctx.t("field-event")) } } }
                tbody {
                    @for e in &events {
                        tr {
                            td { (e.at.format("%Y-%m-%d %H:%M:%S UTC")) }
                            td { (kind_word(lang, &e.kind)) }
                            td { (said::event(lang, &e.detail)) }
                        }
                    }
                }
            }
        }
    };
    let notice = problem.map(Notice::Refused);
    layout(&ctx, &title, &banner, notice.as_ref(), content).into_response()
}

/// An event kind in words (`event-kind-CODE`); a kind this console does not know (a
/// newer store's) as its code.
fn kind_word(lang: license_format::Lang, kind: &str) -> String {
    let id = format!("event-kind-{kind}");
    if crate::words::WORDS.has(&id) {
        t(lang, &id, &[])
    } else {
        kind.to_owned()
    }
}

#[cfg(test)]
mod tests {
    /// Every kind the store writes has its words in both languages.
    #[test]
    fn every_event_kind_has_words() {
        for kind in license_verifier::store::EVENT_KINDS {
            assert!(
                crate::words::WORDS.has(&format!("event-kind-{kind}")),
                "{kind}"
            );
        }
    }
}
