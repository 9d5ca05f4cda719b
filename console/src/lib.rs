//! The administrator's web console: the Licenses screen of an installation in a browser,
//! with import, users and seats, activation and the system events, in English and Dutch,
//! and a JSON API under `/api/v1/` that answers as `license-verifier --json` does.
//!
//! A library, so that `license-verifier serve` and tests start the same server: it
//! prints nothing and reads the wall clock only through [`Config::clock`]. Bind with
//! [`Console::bind`], show [`Console::login_url`], then [`Console::run`].
//!
//! Security (docs/SECURITY.md §12): one secret token per server, exchanged for an
//! HttpOnly SameSite=Strict session cookie; a CSRF token in every form; the `Host`
//! header checked against the bound address (DNS rebinding); a Content-Security-Policy
//! without scripts; every value escaped by the templates; wrong tokens rate-limited;
//! bounded bodies; no store path or internal detail in any response.

mod api;
mod app;
mod auth;
mod guard;
mod pages;
mod words;

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use license_format::Trust;

pub use app::MAX_BODY_BYTES;

/// The address `serve` listens on when none is given.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8421";

/// Fewest bytes of a token read from a token file: as strong as the 128 random bits of
/// a generated one, written as hex.
pub const MIN_TOKEN_CHARS: usize = 32;

/// What the console serves and how.
#[derive(Debug, Clone)]
pub struct Config {
    /// The installation's license store.
    pub store: PathBuf,
    /// The keys license files must be signed with, directly or through a key
    /// certificate under a root.
    pub trust: Trust,
    /// Where to listen.
    pub listen: SocketAddr,
    /// Whether a non-loopback address is allowed (it belongs behind TLS).
    pub allow_remote: bool,
    /// The secret of the login URL and the API; `None` draws 128 random bits.
    pub token: Option<String>,
    /// This host's name, for activation requests.
    pub hostname: String,
    /// The wall clock; the server asks it once per request.
    pub clock: fn() -> DateTime<Utc>,
}

/// Why the console cannot start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A non-loopback address without `allow_remote`.
    #[error(
        "{addr} is not a loopback address; the console would be reachable from other machines"
    )]
    RemoteNotAllowed {
        /// The address asked for.
        addr: SocketAddr,
    },
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// A given token is too short or not printable ASCII.
    #[error("the token must be at least {MIN_TOKEN_CHARS} printable ASCII characters")]
    WeakToken,
    /// The system's random source failed.
    #[error("the system's random source failed: {0}")]
    Random(String),
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] license_verifier::Error),
}

impl Error {
    /// A stable code for front ends (docs/JSON.md).
    pub fn code(&self) -> &'static str {
        match self {
            Error::RemoteNotAllowed { .. } => "remote-not-allowed",
            Error::Listen { .. } => "cannot-listen",
            Error::WeakToken => "weak-token",
            Error::Random(_) => "no-randomness",
            Error::Store(e) => e.code(),
        }
    }
}

/// A console bound to its address, not yet serving.
pub struct Console {
    listener: TcpListener,
    app: Arc<app::App>,
}

impl Console {
    /// Checks the address, opens the store once (so that a missing or damaged store is
    /// said at once), draws or checks the token and binds.
    ///
    /// # Errors
    /// [`Error`]: the address, the token, the randomness or the store.
    pub fn bind(config: Config) -> Result<Console, Error> {
        if !config.listen.ip().is_loopback() && !config.allow_remote {
            return Err(Error::RemoteNotAllowed {
                addr: config.listen,
            });
        }
        let token = match &config.token {
            Some(t) => auth::checked_token(t)?,
            None => auth::random_hex(16)?,
        };
        let listener = TcpListener::bind(config.listen).map_err(|source| Error::Listen {
            addr: config.listen,
            source,
        })?;
        let bound = listener.local_addr().map_err(|source| Error::Listen {
            addr: config.listen,
            source,
        })?;
        let app = app::App::new(config, token, bound)?;
        Ok(Console {
            listener,
            app: Arc::new(app),
        })
    }

    /// The address bound (the port chosen when 0 was asked for).
    pub fn address(&self) -> SocketAddr {
        self.app.bound
    }

    /// Whether the console listens beyond this machine.
    pub fn is_remote(&self) -> bool {
        !self.app.bound.ip().is_loopback()
    }

    /// `http://ADDR/login?token=TOKEN`: the URL to open.
    pub fn login_url(&self) -> String {
        format!("http://{}/login?token={}", self.app.bound, self.app.token)
    }

    /// Serves until the process ends, on a runtime of its own.
    ///
    /// # Errors
    /// The runtime or the listener failed.
    pub fn run(self) -> std::io::Result<()> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_io()
            .build()?;
        runtime.block_on(async move {
            self.listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(self.listener)?;
            let router = app::router(self.app);
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
        })
    }
}
