//! The HTML pages: one layout (navigation, language switch, banner, read-only notice)
//! around each page's content. Every value goes through maud's escaping, so a customer
//! name with markup is shown as the text it is.

pub(crate) mod activation;
pub(crate) mod detail;
pub(crate) mod events;
pub(crate) mod import;
pub(crate) mod licenses;
pub(crate) mod login;
pub(crate) mod users;

use std::sync::Arc;

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use license_format::Lang;
use license_verifier::text as said;
use license_verifier::LicenseStore;
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;

use crate::app::{App, Failure};
use crate::auth::{Caller, SESSION_COOKIE};
use crate::words::{self, t};

/// What a page knows of its request: the language, the session's CSRF token and
/// whether the store can be written.
pub(crate) struct Ctx {
    pub(crate) lang: Lang,
    pub(crate) csrf: String,
    pub(crate) read_only: bool,
    pub(crate) path: String,
    pub(crate) app: Arc<App>,
}

impl FromRequestParts<Arc<App>> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Ctx, Response> {
        let csrf = match parts.extensions.get::<Caller>() {
            Some(Caller::Browser { session, .. }) => session.csrf.clone(),
            Some(Caller::Program) => String::new(),
            None => return Err(Redirect::to("/login").into_response()),
        };
        let path = parts
            .uri
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        Ok(Ctx {
            lang: words::language(&parts.headers),
            csrf,
            read_only: app.read_only(),
            path,
            app: Arc::clone(app),
        })
    }
}

impl Ctx {
    pub(crate) fn t(&self, id: &str) -> String {
        t(self.lang, id, &[])
    }

    /// Whether a form's CSRF token is this session's.
    pub(crate) fn csrf_ok(&self, given: &str) -> bool {
        !self.csrf.is_empty() && crate::auth::same_secret(given, &self.csrf)
    }

    /// The hidden CSRF field of every form.
    pub(crate) fn csrf_field(&self) -> Markup {
        html! { input type="hidden" name="csrf" value=(self.csrf); }
    }
}

/// A notice above a page's content: what an action did, or why it was refused.
pub(crate) enum Notice {
    Done(Vec<String>),
    Refused(String),
}

/// The banner of every page: the license, a module or a plan in grace, ending within
/// 30 days or expired (the startup check's warnings), or no license at all.
pub(crate) fn banner(store: &LicenseStore, lang: Lang, now: DateTime<Utc>) -> Vec<String> {
    match store.status(now) {
        Ok(status) => {
            let mut lines: Vec<String> = status
                .warnings
                .iter()
                .map(|w| said::warning(lang, w))
                .collect();
            if status.state.is_none() {
                lines.insert(0, said::state(lang, None));
            }
            lines
        }
        Err(e) => vec![crate::api::error_text(lang, &e)],
    }
}

/// A whole page.
pub(crate) fn layout(
    ctx: &Ctx,
    title: &str,
    banner: &[String],
    notice: Option<&Notice>,
    content: Markup,
) -> Html<String> {
    let nav = [
        ("/licenses", "nav-licenses"),
        ("/users", "nav-users"),
        ("/import", "nav-import"),
        ("/activation", "nav-activation"),
        ("/events", "nav-events"),
    ];
    let back = encode(&ctx.path);
    let markup = html! {
        (DOCTYPE)
        html lang=(words::tag(ctx.lang)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — " (ctx.t("console-title")) }
                link rel="stylesheet" href="/style.css";
            }
            body {
                header {
                    span.product { (ctx.t("console-title")) }
                    nav {
                        @for (href, id) in nav {
                            a href=(href) class=[ctx.path.starts_with(href).then_some("current")] { (ctx.t(id)) }
                        }
                    }
                    span.lang {
                        a href={ "/lang/en?back=" (back) } lang="en" { "English" }
                        " · "
                        a href={ "/lang/nl?back=" (back) } lang="nl" { "Nederlands" }
                    }
                    @if !ctx.csrf.is_empty() {
                        form.logout method="post" action="/logout" {
                            (ctx.csrf_field())
                            button type="submit" { (ctx.t("console-logout")) }
                        }
                    }
                }
                @if ctx.app.remote() {
                    p.readonly role="status" { (ctx.t("console-remote")) }
                }
                @if ctx.read_only {
                    p.readonly role="status" { (ctx.t("console-read-only")) }
                }
                @if !banner.is_empty() {
                    section.banner role="alert" {
                        @for line in banner { p { (line) } }
                    }
                }
                main {
                    h1 { (title) }
                    @match notice {
                        Some(Notice::Done(lines)) => {
                            div.notice.done role="status" { @for l in lines { p { (l) } } }
                        }
                        Some(Notice::Refused(why)) => {
                            div.notice.refused role="alert" { p { (why) } }
                        }
                        None => {}
                    }
                    (content)
                }
            }
        }
    };
    Html(markup.into_string())
}

/// A page that could not be built: the error in words, inside the layout.
pub(crate) fn failed(ctx: &Ctx, failure: Failure) -> Response {
    let text = match &failure {
        Failure::Store(e) => crate::api::error_text(ctx.lang, e),
        Failure::Internal => ctx.t("console-internal"),
    };
    let status = match failure {
        Failure::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        Failure::Store(_) => StatusCode::OK,
    };
    let title = ctx.t("console-problem");
    let page = layout(ctx, &title, &[], Some(&Notice::Refused(text)), html! {});
    (status, page).into_response()
}

/// A value from a file or the store, safe to show: control characters and bidi
/// overrides escaped (FORMAT.md §1.4's display rule); the markup is maud's to escape.
pub(crate) fn d(text: &str) -> std::borrow::Cow<'_, str> {
    license_format::text::escape_for_display(text)
}

/// A stored instant (RFC 3339) as people read it, to the minute; a value that is not one
/// (a row written by hand) as the escaped text it is.
pub(crate) fn when(stored: &str) -> String {
    match license_format::time::parse_rfc3339(stored) {
        Ok(t) => t.format("%Y-%m-%d %H:%M UTC").to_string(),
        Err(_) => d(stored).into_owned(),
    }
}

/// Percent-encodes a path for a query value.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `/`: the Licenses screen.
pub(crate) async fn home() -> Redirect {
    Redirect::to("/licenses")
}

#[derive(Deserialize)]
pub(crate) struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// Ends the session.
pub(crate) async fn logout(
    State(app): State<Arc<App>>,
    ctx: Ctx,
    headers: HeaderMap,
    axum::Form(form): axum::Form<CsrfForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return csrf_refused(&ctx);
    }
    if let Some(id) = crate::auth::cookie(&headers, SESSION_COOKIE) {
        app.sessions.end(id);
    }
    (
        [(
            header::SET_COOKIE,
            format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
        )],
        Redirect::to("/login"),
    )
        .into_response()
}

/// A form without this session's CSRF token: refused, nothing done.
pub(crate) fn csrf_refused(ctx: &Ctx) -> Response {
    let title = ctx.t("console-problem");
    let notice = Notice::Refused(ctx.t("console-csrf"));
    (
        StatusCode::FORBIDDEN,
        layout(ctx, &title, &[], Some(&notice), html! {}),
    )
        .into_response()
}

#[derive(Deserialize)]
pub(crate) struct Back {
    back: Option<String>,
}

/// `/lang/{en|nl}?back=PATH`: remembers the language and returns to the page. Only a
/// path of this console is followed (never `//host` or a scheme).
pub(crate) async fn switch_language(Path(lang): Path<String>, Query(q): Query<Back>) -> Response {
    let Ok(lang) = lang.parse::<Lang>() else {
        return not_found().await.into_response();
    };
    let back = q
        .back
        .filter(|b| is_own_path(b))
        .unwrap_or_else(|| "/licenses".to_owned());
    (
        [(
            header::SET_COOKIE,
            format!(
                "{}={}; Path=/; SameSite=Strict; Max-Age=31536000",
                words::LANG_COOKIE,
                words::tag(lang)
            ),
        )],
        Redirect::to(&back),
    )
        .into_response()
}

/// A path of this console: `/` and printable ASCII without whitespace or backslashes, never
/// `//` (another host); a browser drops tabs and newlines from a URL, which would make
/// `/\t/evil.example` another host.
fn is_own_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

/// The style sheet: the only style a page may use (CSP).
pub(crate) async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../static/style.css"),
    )
        .into_response()
}

/// Any other path.
pub(crate) async fn not_found() -> (StatusCode, &'static str) {
    (StatusCode::NOT_FOUND, "not found\n")
}

#[cfg(test)]
mod tests {
    use super::is_own_path;

    #[test]
    fn the_language_switch_returns_only_to_this_console() {
        for ok in [
            "/licenses",
            "/events?kind=import&since=2026-01-01",
            "/licenses/sales-premium",
        ] {
            assert!(is_own_path(ok), "{ok}");
        }
        for bad in [
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "https://evil.example",
            "",
            "licenses",
            "/a b",
            "/\n/x",
        ] {
            assert!(!is_own_path(bad), "{bad:?}");
        }
    }
}
