//! The vendor's side of the license system: signing keys, orders, activation requests,
//! the issuance ledger, batch issuing and clock resets.
//!
//! An [`Issuer`] owns the vendor's signing key. It turns a checked [`Order`], bound to an
//! installation ([`BoundOrder`]), into a signed license file that it verifies before the
//! [`Ledger`] records it. The `license-issuer` binary is a thin layer over this crate.
//!
//! ```
//! use license_format::time::parse_rfc3339;
//! use license_issuer::keyfile::generate_signing_key;
//! use license_issuer::{BoundOrder, Issuer, Ledger, Order};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let mut ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap();
//! let issuer = Issuer::new(generate_signing_key(), "Example Vendor").unwrap();
//! let now = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
//! let order = Order::parse(
//!     br#"{"customer": {"id": "C-1001", "name": "Acme AS"}, "installation_id": "inst-1",
//!          "valid_until": "2027-11-30", "system_licenses": ["superoffice-server"],
//!          "user_plans": {"sales-premium": 10}}"#,
//!     "order.json",
//!     now,
//! )
//! .unwrap();
//! let bound = BoundOrder { installation_id: order.installation_id.clone(), order };
//! let issued = issuer.issue(&mut ledger, &bound, now, None).unwrap();
//! assert_eq!(issued.payload.license_id, "LIC-000001");
//! assert!(issued.text.starts_with("-----BEGIN LICENSE FILE-----"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod batch;
mod binding;
mod certified;
pub mod certify;
pub mod dates;
mod error;
pub mod example_keys;
mod file_problem;
pub mod input;
pub mod inspect;
mod issuer;
pub mod keyfile;
pub mod ledger;
mod mail;
mod order;
mod output;
mod problem;
mod reset;
pub mod revoke;
mod trust_problem;

pub use batch::{run_batch, BatchEvent, BatchOptions, BatchReport};
pub use binding::{bind, read_bound_order, read_request, BoundOrder};
pub use certified::SigningCertificate;
pub use error::{Error, PassphraseProblem, Result};
pub use file_problem::{KeyFileProblem, LedgerProblem, RequestProblem};
pub use issuer::{term_warning, IssueOptions, Issued, Issuer, TermWarning};
pub use ledger::{Ledger, LedgerRecord, ResetRecord};
pub use order::{Order, DEFAULT_GRACE_DAYS};
pub use output::check_replace;
pub use problem::{Expected, JsonKind, OrderProblem, SelfCheckProblem, SyntaxProblem};
pub use reset::{read_clock_reset_request, IssuedReset};
pub use trust_problem::{CertificateProblem, KeyRole};
