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
use license_format::Keyring;
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
    keyring: Keyring,
    pool: Mutex<Vec<LicenseStore>>,
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
        let store = LicenseStore::open(&config.store, config.keyring.clone())?;
        let app = App {
            store: config.store,
            keyring: config.keyring,
            read_only: AtomicBool::new(false),
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
        let _ = store.status((app.clock)());
        app.give_back(store);
        Ok(app)
    }

    /// Whether the store was found not writable by this process.
    pub(crate) fn read_only(&self) -> bool {
        self.read_only.load(Ordering::Relaxed)
    }

    fn take(&self) -> Result<LicenseStore, license_verifier::Error> {
        let pooled = self.pool.lock().map(|mut p| p.pop()).unwrap_or(None);
        match pooled {
            Some(store) => Ok(store),
            None => LicenseStore::open(&self.store, self.keyring.clone()),
        }
    }

    fn give_back(&self, store: LicenseStore) {
        if store.unwritable() {
            self.read_only.store(true, Ordering::Relaxed);
        }
        if let Ok(mut pool) = self.pool.lock() {
            if pool.len() < POOL_SIZE {
                pool.push(store);
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
            let out = f(&store, (app.clock)());
            app.give_back(store);
            out
        });
        match job.await {
            Ok(out) => out.map_err(Failure::Store),
            Err(_) => Err(Failure::Internal),
        }
    }
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
