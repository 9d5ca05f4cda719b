//! Who may use the console: the token, sessions with their CSRF tokens, and the limit
//! on wrong tokens.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use rand_core::{OsRng, RngCore as _};
use sha2::{Digest as _, Sha256};

use crate::app::App;
use crate::{Error, MIN_TOKEN_CHARS};

/// The session cookie's name.
pub(crate) const SESSION_COOKIE: &str = "lv_session";

/// Wrong tokens allowed from one address within [`FAILURE_WINDOW`]; then every attempt
/// from it is refused, right or wrong, until the window has passed.
pub(crate) const MAX_FAILURES: u32 = 5;
pub(crate) const FAILURE_WINDOW: Duration = Duration::from_secs(60);

/// Sessions kept at once; the oldest goes first. An administrator has a few browsers.
const MAX_SESSIONS: usize = 256;

/// `bytes` random bytes from the system's source, as lowercase hex.
pub(crate) fn random_hex(bytes: usize) -> Result<String, Error> {
    let mut buf = vec![0u8; bytes];
    OsRng
        .try_fill_bytes(&mut buf)
        .map_err(|e| Error::Random(e.to_string()))?;
    Ok(hex::encode(buf))
}

/// A token from a file: trimmed, long enough and printable ASCII (it goes into a URL
/// and a header).
pub(crate) fn checked_token(text: &str) -> Result<String, Error> {
    let token = text.trim();
    let printable = token
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'&' && b != b'#');
    if token.len() < MIN_TOKEN_CHARS || !printable {
        return Err(Error::WeakToken);
    }
    Ok(token.to_owned())
}

/// Equal without telling, by the time taken, how much of a guess was right: the
/// digests are compared whole.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    let (x, y) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    x.iter()
        .zip(y.iter())
        .fold(0u8, |acc, (p, q)| acc | (p ^ q))
        == 0
}

/// One browser's session: its CSRF token for the forms it is shown.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub(crate) csrf: String,
}

/// Sessions by id, each with its creation number (the oldest goes first when full).
type SessionMap = HashMap<String, (u64, Session)>;

/// The sessions of this server's life.
#[derive(Default)]
pub(crate) struct Sessions {
    map: Mutex<(SessionMap, u64)>,
}

impl Sessions {
    /// A new session: its id (the cookie's value).
    pub(crate) fn create(&self) -> Result<String, Error> {
        let id = random_hex(32)?;
        let csrf = random_hex(32)?;
        if let Ok(mut guard) = self.map.lock() {
            let (map, counter) = &mut *guard;
            *counter += 1;
            if map.len() >= MAX_SESSIONS {
                let oldest = map
                    .iter()
                    .min_by_key(|(_, (n, _))| *n)
                    .map(|(k, _)| k.clone());
                if let Some(k) = oldest {
                    map.remove(&k);
                }
            }
            map.insert(id.clone(), (*counter, Session { csrf }));
        }
        Ok(id)
    }

    pub(crate) fn get(&self, id: &str) -> Option<Session> {
        let guard = self.map.lock().ok()?;
        guard.0.get(id).map(|(_, s)| s.clone())
    }

    pub(crate) fn end(&self, id: &str) {
        if let Ok(mut guard) = self.map.lock() {
            guard.0.remove(id);
        }
    }
}

/// Wrong tokens per address. Monotonic time (not the wall clock the licenses are
/// judged by), so that setting the clock back does not reopen the window.
#[derive(Default)]
pub(crate) struct RateLimit {
    map: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl RateLimit {
    /// Whether `ip` may try a token now.
    pub(crate) fn allowed(&self, ip: IpAddr) -> bool {
        let Ok(map) = self.map.lock() else {
            return false;
        };
        match map.get(&ip) {
            Some((since, n)) => *n < MAX_FAILURES || since.elapsed() >= FAILURE_WINDOW,
            None => true,
        }
    }

    /// Counts a wrong token from `ip`.
    pub(crate) fn failed(&self, ip: IpAddr) {
        if let Ok(mut map) = self.map.lock() {
            // Bounded: an address space's worth of entries is pruned of stale ones.
            if map.len() > 10_000 {
                map.retain(|_, (since, _)| since.elapsed() < FAILURE_WINDOW);
            }
            let entry = map.entry(ip).or_insert((Instant::now(), 0));
            if entry.0.elapsed() >= FAILURE_WINDOW {
                *entry = (Instant::now(), 0);
            }
            entry.1 += 1;
        }
    }
}

/// A cookie's value from the request's `Cookie` headers.
pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// `Set-Cookie` for a new session: never readable by scripts, never sent cross-site.
pub(crate) fn session_cookie(id: &str) -> String {
    format!("{SESSION_COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict")
}

/// How a request proved itself.
#[derive(Debug, Clone)]
pub(crate) enum Caller {
    /// A browser with a session cookie.
    Browser { session: Session },
    /// A program with `Authorization: Bearer TOKEN`.
    Program,
}

/// The request's caller, or why it has none (`None`: no credentials at all; `Some(Err)`:
/// a wrong bearer token).
fn caller(app: &App, headers: &HeaderMap) -> Option<Result<Caller, ()>> {
    if let Some(auth) = headers.get(header::AUTHORIZATION) {
        let given = auth.to_str().ok().and_then(|v| v.strip_prefix("Bearer "));
        return Some(match given {
            Some(token) if same_secret(token.trim(), &app.token) => Ok(Caller::Program),
            _ => Err(()),
        });
    }
    let id = cookie(headers, SESSION_COOKIE)?;
    let session = app.sessions.get(id)?;
    Some(Ok(Caller::Browser { session }))
}

/// Lets a request through with its [`Caller`] as an extension, or answers 401 (the
/// API), 429 (too many wrong tokens) or a redirect to the login page (pages).
pub(crate) async fn require(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    mut request: Request,
    next: Next,
) -> Response {
    let api = request.uri().path().starts_with("/api/");
    // Judged before the token is compared: during a lockout even the right token is
    // refused, so that guessing on gains nothing.
    let tries_token = request.headers().contains_key(header::AUTHORIZATION);
    if tries_token && !app.failures.allowed(peer.ip()) {
        return too_many();
    }
    match caller(&app, request.headers()) {
        Some(Ok(who)) => {
            request.extensions_mut().insert(who);
            next.run(request).await
        }
        Some(Err(())) => {
            app.failures.failed(peer.ip());
            unauthorized(api)
        }
        None if api => unauthorized(true),
        None => Redirect::to("/login").into_response(),
    }
}

pub(crate) fn too_many() -> Response {
    let secs = FAILURE_WINDOW.as_secs().to_string();
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, secs)],
        "too many wrong tokens; wait a minute\n",
    )
        .into_response()
}

fn unauthorized(api: bool) -> Response {
    if api {
        let body = serde_json::json!({
            "error": { "code": "unauthorized", "text": "a valid token is needed: Authorization: Bearer TOKEN" },
            "refused": false,
            "exit": 2,
            "result": "error",
        });
        (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            axum::Json(body),
        )
            .into_response()
    } else {
        Redirect::to("/login").into_response()
    }
}
