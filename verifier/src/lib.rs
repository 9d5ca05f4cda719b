//! The installation's side of the license system: verify a license file offline, keep
//! the installation's state in a [`LicenseStore`], and answer access questions with
//! [`Decision`]s that say why not.
//!
//! The library never prints, exits or reads the clock: every question takes the instant
//! `now` from the caller.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use license_verifier::{LicenseStore, State};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let keyring = license_verifier::trusted::default_keyring().unwrap();
//! let now = Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap();
//! let store = LicenseStore::create(&dir.path().join("store.db"), keyring, now).unwrap();
//! // A fresh installation has no license: the product runs unlicensed or refuses.
//! let status = store.status(now).unwrap();
//! assert_eq!(status.state, None);
//! assert!(!store.check_system("superoffice-server", now).unwrap().allowed);
//! # let _ = State::Active { until: None };
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod check;
mod damage;
mod decision;
mod error;
mod error_details;
mod json_time;
mod reason;
mod revocation;
mod state;
pub mod store;
#[cfg(feature = "text")]
pub mod text;
pub mod trusted;
mod verify;
mod warning;

pub use check::{check_file, FileCheck, GrantCheck};
pub use damage::Damage;
pub use decision::{decide_capability, decide_seats, decide_system, Decision, UserFacts};
pub use error::{CodeKind, Error, Result};
pub use license_format::{Catalog, Keyring, Lang, Trust};
pub use reason::Reason;
pub use revocation::{Revocation, RevokedBy};
pub use state::{end_day, State};
pub use store::LicenseStore;
pub use verify::{verify, verify_trusted, VerifiedLicense};
pub use warning::Warning;

/// The error of [`verify`]: the crate's one error type.
pub type VerifyError = Error;
