//! The server's state and routes: a pool of open stores, the token and the sessions.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, Utc};
use license_format::Trust;
use license_verifier::LicenseStore;

use crate::auth::{RateLimit, Sessions};
use crate::{api, auth, guard, pages, Config, Error};

/// Largest request body: a license file (1 MiB, FORMAT.md) as a form or upload, with
/// room for the form's other fields. Anything larger is refused before it is read.
pub const MAX_BODY_BYTES: usize = license_format::constants::MAX_LICENSE_FILE_BYTES + 64 * 1024;

/// Open stores kept for reuse: one per worker is enough, more only hold file handles.
const POOL_SIZE: usize = 8;

/// Why a request's question had no answer.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The library refused or failed: said as the command line says it.
    Store(license_verifier::Error),
    /// The worker stopped (a panic): said without detail.
    Internal,
}

/// What every request shares.
pub(crate) struct App {
    store: PathBuf,
    trust: Trust,
    pool: Mutex<Vec<(LicenseStore, Option<FileId>)>>,
    /// Set once a question found the store not writable: the console is read-only.
    read_only: AtomicBool,
    pub(crate) token: String,
    pub(crate) bound: SocketAddr,
    pub(crate) hostname: String,
    clock: fn() -> DateTime<Utc>,
    pub(crate) sessions: Sessions,
    pub(crate) failures: RateLimit,
}

impl App {
    pub(crate) fn new(config: Config, token: String, bound: SocketAddr) -> Result<App, Error> {
        let id = file_id(&config.store);
        let read_only = !may_write(&config.store);
        let store = (LicenseStore::open(&config.store, config.trust.clone())?, id);
        let app = App {
            store: config.store,
            trust: config.trust,
            read_only: AtomicBool::new(read_only),
            pool: Mutex::new(Vec::new()),
            token,
            bound,
            hostname: config.hostname,
            clock: config.clock,
            sessions: Sessions::default(),
            failures: RateLimit::default(),
        };
        // One question at start, so that a store this process cannot write is known
        // before the first page offers a form.
        let _ = store.0.status((app.clock)());
        app.give_back(store);
        Ok(app)
    }

    /// Whether the console listens beyond this machine (then every page says it
    /// belongs behind TLS).
    pub(crate) fn remote(&self) -> bool {
        !self.bound.ip().is_loopback()
    }

    /// Whether the store was found not writable by this process.
    pub(crate) fn read_only(&self) -> bool {
        self.read_only.load(Ordering::Relaxed)
    }

    /// An open store: a pooled one while the file at the store's path is still the
    /// one it opened, else a new one. A store file replaced under the server (a
    /// restored backup, a move) is therefore opened again, and checked again, as the
    /// command line would.
    fn take(&self) -> Result<(LicenseStore, Option<FileId>), license_verifier::Error> {
        let now_at_path = file_id(&self.store);
        let pooled = self.pool.lock().map(|mut p| p.pop()).unwrap_or(None);
        match pooled {
            Some((store, id)) if id.is_some() && id == now_at_path => Ok((store, id)),
            Some(_) => {
                if let Ok(mut pool) = self.pool.lock() {
                    pool.clear();
                }
                self.open()
            }
            None => self.open(),
        }
    }

    fn open(&self) -> Result<(LicenseStore, Option<FileId>), license_verifier::Error> {
        let id = file_id(&self.store);
        Ok((LicenseStore::open(&self.store, self.trust.clone())?, id))
    }

    fn give_back(&self, (store, id): (LicenseStore, Option<FileId>)) {
        if store.unwritable() {
            self.read_only.store(true, Ordering::Relaxed);
        }
        if let Ok(mut pool) = self.pool.lock() {
            if pool.len() < POOL_SIZE {
                pool.push((store, id));
            }
        }
    }

    /// Runs `f` on an open store, off the async workers (SQLite blocks), at the clock's
    /// time of this request.
    pub(crate) async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T, Failure>
    where
        T: Send + 'static,
        F: FnOnce(&LicenseStore, DateTime<Utc>) -> Result<T, license_verifier::Error>
            + Send
            + 'static,
    {
        let app = Arc::clone(self);
        let job = tokio::task::spawn_blocking(move || {
            let store = app.take()?;
            let out = f(&store.0, (app.clock)());
            app.give_back(store);
            out
        });
        match job.await {
            Ok(out) => out.map_err(Failure::Store),
            Err(_) => Err(Failure::Internal),
        }
    }
}

/// Whether this process may open the store's file for writing. A question writes only
/// when it has something to write, so the library's own flag may come late: a page
/// must not offer a form that cannot work.
fn may_write(path: &std::path::Path) -> bool {
    std::fs::OpenOptions::new().write(true).open(path).is_ok()
}

/// Which file a path names: device and inode on Unix. Elsewhere `None`, and a pooled
/// store is never reused (each request opens the store, as the command line does).
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(path: &std::path::Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &std::path::Path) -> Option<FileId> {
    None
}

/// Every route, behind the host check and the security headers; all but the login,
/// the style sheet and the language switch behind a session or the token.
pub(crate) fn router(app: Arc<App>) -> Router {
    let protected = Router::new()
        .route("/", get(pages::home))
        .route("/licenses", get(pages::licenses::page))
        .route("/licenses/{code}", get(pages::detail::page))
        .route("/import", get(pages::import::form))
        .route("/import/preview", post(pages::import::preview))
        .route("/import/confirm", post(pages::import::confirm))
        .route("/users", get(pages::users::page))
        .route("/users/add", post(pages::users::add))
        .route("/users/login", post(pages::users::login))
        .route("/users/remove", post(pages::users::remove))
        .route("/seats/assign", post(pages::users::assign))
        .route("/seats/release", post(pages::users::release))
        .route("/activation", get(pages::activation::page))
        .route("/activation/request", get(pages::activation::request))
        .route(
            "/activation/clock-reset",
            get(pages::activation::clock_reset),
        )
        .route("/events", get(pages::events::page))
        .route("/logout", post(pages::logout))
        .nest("/api/v1", api::router())
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&app),
            auth::require,
        ));
    Router::new()
        .route("/login", get(pages::login::page))
        .route("/lang/{lang}", get(pages::switch_language))
        .route("/style.css", get(pages::style))
        .merge(protected)
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(guard::headers))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&app),
            guard::host,
        ))
        .with_state(app)
}
