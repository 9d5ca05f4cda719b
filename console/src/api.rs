//! `/api/v1/`: the command line's questions and actions over HTTP, answering with the
//! same JSON as `license-verifier --json` (docs/JSON.md, docs/schema/) plus `result`:
//! `yes`, `no` or `error`, the exit status's meaning. A yes and a clean no are HTTP 200.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use license_format::{document_kind, DocumentKind, Lang};
use license_verifier::store::{ImportOptions, EVENT_KINDS};
use license_verifier::text::{self as said, json};
use license_verifier::{Error, LicenseStore};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::app::{App, Failure};
use crate::auth::Caller;
use crate::words::{self, t};

/// Most events one answer holds.
pub(crate) const MAX_EVENTS: u32 = 10_000;

pub(crate) fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/status", get(status))
        .route("/list", get(list))
        .route("/show", get(show_active))
        .route("/show/{code}", get(show))
        .route("/history", get(history))
        .route("/check/system/{code}", get(check_system))
        .route("/check/capability/{cap}", get(check_capability))
        .route("/check/seats/{plan}", get(check_seats))
        .route("/users", get(users).post(add_user))
        .route("/users/login", post(set_login))
        .route("/users/remove", post(remove_user))
        .route("/seats", get(seats))
        .route("/seats/assign", post(assign))
        .route("/seats/release", post(release))
        .route("/events", get(events))
        .route("/import", post(import))
}

/// An error's words for a page or an answer, with the store's path left out: a
/// response never tells where the store lives.
pub(crate) fn error_text(lang: Lang, e: &Error) -> String {
    said::error(lang, e.code(), &details(lang, e))
}

fn details(lang: Lang, e: &Error) -> serde_json::Map<String, Value> {
    let mut details = e.details();
    if details.contains_key("path") {
        details.insert("path".into(), t(lang, "console-the-store", &[]).into());
    }
    details
}

/// An answer: the JSON with `result` beside it, HTTP 200 for exit 0 and 1.
fn answer(exit: u8, mut body: Value) -> Response {
    let result = match exit {
        0 => "yes",
        1 => "no",
        _ => "error",
    };
    if let Some(map) = body.as_object_mut() {
        map.insert("result".into(), result.into());
    }
    let status = if exit <= 1 {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    (status, Json(body)).into_response()
}

/// An error as the command line's JSON error; store trouble is the server's (500), the
/// rest the request's (400), a refusal by the license rules a clean no (200).
pub(crate) fn failure(lang: Lang, failure: Failure) -> Response {
    let e = match failure {
        Failure::Store(e) => e,
        Failure::Internal => {
            let body = json::error(lang, "internal", &Default::default(), 2);
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                lang,
                body,
                "console-internal",
            );
        }
    };
    let exit = json::exit_of(&e);
    let body = json::error(lang, e.code(), &details(lang, &e), exit);
    let server_side = matches!(
        e.code(),
        "no-store"
            | "cannot-open"
            | "cannot-write"
            | "foreign-store"
            | "newer-store"
            | "not-a-file"
            | "damaged-store"
            | "untrusted-stored-license"
            | "sqlite"
    );
    if server_side {
        let mut body = body;
        body["result"] = "error".into();
        return (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response();
    }
    answer(exit, body)
}

fn error_response(status: StatusCode, lang: Lang, mut body: Value, id: &str) -> Response {
    body["error"]["text"] = t(lang, id, &[]).into();
    body["result"] = "error".into();
    (status, Json(body)).into_response()
}

/// A request the API cannot take (bad JSON, a bad parameter), as an error answer.
fn bad_request(code: &str, text: String) -> Response {
    let body = json!({
        "error": { "code": code, "text": text },
        "refused": false,
        "exit": 2,
        "result": "error",
    });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Runs a question and answers with its exit status and JSON.
async fn ask<F>(app: &Arc<App>, lang: Lang, f: F) -> Response
where
    F: FnOnce(&LicenseStore, DateTime<Utc>, Lang) -> Result<(u8, Value), Error> + Send + 'static,
{
    match app.with_store(move |store, now| f(store, now, lang)).await {
        Ok((exit, body)) => answer(exit, body),
        Err(e) => failure(lang, e),
    }
}

async fn status(State(app): State<Arc<App>>, h: HeaderMap) -> Response {
    ask(&app, words::language(&h), |store, now, lang| {
        let a = json::status(lang, &store.status(now)?);
        Ok((a.exit, a.json))
    })
    .await
}

async fn list(State(app): State<Arc<App>>, h: HeaderMap) -> Response {
    ask(&app, words::language(&h), |store, now, lang| {
        Ok((0, to_json(&store.licenses_screen(lang, now)?)))
    })
    .await
}

async fn show_active(State(app): State<Arc<App>>, h: HeaderMap) -> Response {
    ask(&app, words::language(&h), |store, now, lang| {
        let active = store.active_detail(now)?.ok_or(Error::NoLicense)?;
        Ok((
            0,
            json::with_texts(lang, to_json(&active), &active.file.reasons),
        ))
    })
    .await
}

async fn show(State(app): State<Arc<App>>, h: HeaderMap, Path(code): Path<String>) -> Response {
    ask(&app, words::language(&h), move |store, now, lang| {
        Ok((0, to_json(&store.show(&code, lang, now)?)))
    })
    .await
}

async fn history(State(app): State<Arc<App>>, h: HeaderMap) -> Response {
    ask(&app, words::language(&h), |store, now, _| {
        Ok((0, json!({ "licenses": store.history(now)? })))
    })
    .await
}

async fn check_system(
    State(app): State<Arc<App>>,
    h: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    ask(&app, words::language(&h), move |store, now, lang| {
        let a = json::decision(lang, &store.check_system(&code, now)?);
        Ok((a.exit, a.json))
    })
    .await
}

#[derive(Deserialize)]
struct UserQuery {
    user: Option<String>,
}

async fn check_capability(
    State(app): State<Arc<App>>,
    h: HeaderMap,
    Path(cap): Path<String>,
    Query(q): Query<UserQuery>,
) -> Response {
    ask(&app, words::language(&h), move |store, now, lang| {
        let d = store.check_capability(&cap, q.user.as_deref(), now)?;
        let a = json::decision(lang, &d);
        Ok((a.exit, a.json))
    })
    .await
}

async fn check_seats(
    State(app): State<Arc<App>>,
    h: HeaderMap,
    Path(plan): Path<String>,
) -> Response {
    ask(&app, words::language(&h), move |store, now, lang| {
        let a = json::seat_check(lang, &store.check_seats(&plan, now)?);
        Ok((a.exit, a.json))
    })
    .await
}

async fn users(State(app): State<Arc<App>>, h: HeaderMap) -> Response {
    ask(&app, words::language(&h), |store, now, _| {
        Ok((0, json!({ "users": store.users(now)? })))
    })
    .await
}

#[derive(Deserialize)]
struct PlanQuery {
    plan: Option<String>,
}

async fn seats(State(app): State<Arc<App>>, h: HeaderMap, Query(q): Query<PlanQuery>) -> Response {
    ask(&app, words::language(&h), move |store, now, _| {
        Ok((0, json!({ "seats": store.seats(q.plan.as_deref(), now)? })))
    })
    .await
}

#[derive(Deserialize)]
struct EventQuery {
    /// Kinds, separated by commas.
    kind: Option<String>,
    /// A day (`YYYY-MM-DD`, from its start in UTC) or an RFC 3339 instant.
    since: Option<String>,
    limit: Option<u32>,
}

/// The event kinds asked for, each one the store knows.
pub(crate) fn event_kinds(given: Option<&str>) -> Result<Vec<String>, String> {
    let kinds: Vec<String> = given
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect();
    match kinds.iter().find(|k| !EVENT_KINDS.contains(&k.as_str())) {
        Some(unknown) => Err(unknown.clone()),
        None => Ok(kinds),
    }
}

/// A day from its start in UTC, or an RFC 3339 instant.
pub(crate) fn instant(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(day.and_time(NaiveTime::MIN).and_utc());
    }
    license_format::time::parse_rfc3339(text).ok()
}

async fn events(
    State(app): State<Arc<App>>,
    h: HeaderMap,
    Query(q): Query<EventQuery>,
) -> Response {
    let lang = words::language(&h);
    let kinds = match event_kinds(q.kind.as_deref()) {
        Ok(k) => k,
        Err(unknown) => {
            let kinds = EVENT_KINDS.join(", ");
            let args = [("kind", words::s(&unknown)), ("kinds", words::s(&kinds))];
            return bad_request("usage", t(lang, "console-unknown-kind", &args));
        }
    };
    let since = match q.since.as_deref().filter(|s| !s.is_empty()) {
        Some(text) => match instant(text) {
            Some(at) => Some(at),
            None => {
                let args = [("value", words::s(text))];
                return bad_request("usage", t(lang, "console-bad-since", &args));
            }
        },
        None => None,
    };
    let limit = q.limit.unwrap_or(50).min(MAX_EVENTS);
    ask(&app, lang, move |store, now, lang| {
        let events = store.events_where(limit, &kinds, since, now)?;
        let mut body = json!({ "events": events });
        if let Some(list) = body["events"].as_array_mut() {
            for (item, event) in list.iter_mut().zip(&events) {
                item["text"] = said::event(lang, &event.detail).into();
            }
        }
        Ok((0, body))
    })
    .await
}

/// Writes come from programs holding the token: a browser's session cookie is ambient
/// and its forms carry CSRF tokens, so the API's writes do not take it.
fn program_only(caller: &Caller, lang: Lang) -> Option<Response> {
    match caller {
        Caller::Program => None,
        Caller::Browser { .. } => {
            let body = json!({
                "error": { "code": "token-required", "text": t(lang, "console-api-token", &[]) },
                "refused": false, "exit": 2, "result": "error",
            });
            Some((StatusCode::FORBIDDEN, Json(body)).into_response())
        }
    }
}

// The error is the answer itself, returned at once by the handler: no need to box it.
#[allow(clippy::result_large_err)]
fn parse<T: serde::de::DeserializeOwned>(lang: Lang, body: &[u8]) -> Result<T, Response> {
    serde_json::from_slice(body).map_err(|e| {
        let args = [("reason", words::s(e.to_string()))];
        bad_request("bad-json", t(lang, "console-bad-json", &args))
    })
}

/// A write: only with the token, its body the JSON `T`, then `f` on the store.
async fn write<T, F>(app: &Arc<App>, caller: &Caller, h: &HeaderMap, body: &[u8], f: F) -> Response
where
    T: serde::de::DeserializeOwned + Send + 'static,
    F: FnOnce(&LicenseStore, DateTime<Utc>, T) -> Result<Value, Error> + Send + 'static,
{
    let lang = words::language(h);
    if let Some(r) = program_only(caller, lang) {
        return r;
    }
    match parse::<T>(lang, body) {
        Ok(input) => {
            ask(app, lang, move |store, now, _| {
                Ok((0, f(store, now, input)?))
            })
            .await
        }
        Err(r) => r,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    name: String,
    #[serde(default = "yes")]
    login: bool,
}

fn yes() -> bool {
    true
}

async fn add_user(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    write(&app, &caller, &h, &body, |store, now, u: NewUser| {
        store.add_user(&u.name, u.login, now)?;
        Ok(json!({ "user": u.name, "login": u.login }))
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Login {
    name: String,
    login: bool,
}

async fn set_login(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    write(&app, &caller, &h, &body, |store, now, l: Login| {
        let changed = store.set_login(&l.name, l.login, now)?;
        Ok(json!({ "user": l.name, "login": l.login, "changed": changed }))
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Name {
    name: String,
}

async fn remove_user(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    write(&app, &caller, &h, &body, |store, now, n: Name| {
        let released = store.remove_user(&n.name, now)?;
        Ok(json!({ "user": n.name, "released": released }))
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Seat {
    user: String,
    plan: String,
    #[serde(default, rename = "move")]
    move_seat: bool,
}

async fn assign(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    write(&app, &caller, &h, &body, |store, now, s: Seat| {
        Ok(to_json(&store.assign_seat(
            &s.user,
            &s.plan,
            s.move_seat,
            now,
        )?))
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Release {
    user: String,
    plan: String,
}

async fn release(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    write(&app, &caller, &h, &body, |store, now, s: Release| {
        store.release_seat(&s.user, &s.plan, now)?;
        Ok(json!({ "user": s.user, "plan": s.plan, "released": true }))
    })
    .await
}

#[derive(Deserialize)]
struct ImportQuery {
    #[serde(default)]
    dry_run: bool,
    #[serde(default)]
    confirm_customer_change: bool,
}

/// The body is the license file (or a clock-reset response) as it came, e-mail text
/// around it allowed.
async fn import(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Caller>,
    h: HeaderMap,
    Query(q): Query<ImportQuery>,
    body: Bytes,
) -> Response {
    let lang = words::language(&h);
    if let Some(r) = program_only(&caller, lang) {
        return r;
    }
    if document_kind(&body) == Some(DocumentKind::RevocationList) {
        return ask(&app, lang, move |store, now, _| {
            Ok((
                0,
                to_json(&store.import_revocation_list(&body, q.dry_run, now)?),
            ))
        })
        .await;
    }
    if document_kind(&body) == Some(DocumentKind::ClockReset) {
        if q.dry_run {
            return bad_request("usage", t(lang, "error-usage-dry-run-reset", &[]));
        }
        return ask(&app, lang, move |store, now, _| {
            Ok((0, to_json(&store.import_clock_reset(&body, now)?)))
        })
        .await;
    }
    ask(&app, lang, move |store, now, _| {
        let options = ImportOptions::default()
            .dry_run(q.dry_run)
            .confirm_customer_change(q.confirm_customer_change);
        Ok((0, to_json(&store.import_with(&body, options, now)?)))
    })
    .await
}
