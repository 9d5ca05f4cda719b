//! The login: the token from the URL `serve` printed, exchanged for a session cookie;
//! without one, a form that asks for it (a GET form, so the token never sits in a
//! stored POST body).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use license_format::Lang;
use maud::{html, DOCTYPE};
use serde::Deserialize;

use crate::app::App;
use crate::auth::{same_secret, session_cookie, too_many};
use crate::words::{self, t};

#[derive(Deserialize)]
pub(crate) struct LoginQuery {
    token: Option<String>,
}

pub(crate) async fn page(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(q): Query<LoginQuery>,
) -> Response {
    let lang = words::language(&headers);
    let Some(token) = q.token.filter(|t| !t.is_empty()) else {
        return form(lang, None).into_response();
    };
    if !app.failures.allowed(peer.ip()) {
        return too_many();
    }
    if !same_secret(token.trim(), &app.token) {
        app.failures.failed(peer.ip());
        let page = form(lang, Some(t(lang, "console-wrong-token", &[])));
        return (StatusCode::UNAUTHORIZED, page).into_response();
    }
    match app.sessions.create() {
        Ok(id) => (
            [(header::SET_COOKIE, session_cookie(&id))],
            Redirect::to("/licenses"),
        )
            .into_response(),
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            t(lang, "console-internal", &[]),
        )
            .into_response(),
    }
}

fn form(lang: Lang, problem: Option<String>) -> Html<String> {
    let markup = html! {
        (DOCTYPE)
        html lang=(words::tag(lang)) {
            head {
                meta charset="utf-8";
                title { (t(lang, "console-login", &[])) " — " (t(lang, "console-title", &[])) }
                link rel="stylesheet" href="/style.css";
            }
            body.login {
                main {
                    h1 { (t(lang, "console-title", &[])) }
                    @if let Some(p) = problem { p.notice.refused role="alert" { (p) } }
                    p { (t(lang, "console-login-hint", &[])) }
                    form method="get" action="/login" {
                        label for="token" { (t(lang, "console-token", &[])) }
                        input #token type="password" name="token" autocomplete="off" required;
                        button type="submit" { (t(lang, "console-login", &[])) }
                    }
                }
            }
        }
    };
    Html(markup.into_string())
}
