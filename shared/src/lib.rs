//! License file format v1: the armor, the signed envelope, the payload, keys and the
//! product catalog, and the other kinds of signed document (the clock reset, the key
//! certificate, the revocation list) with the chain of trust from root keys, exactly as
//! `docs/FORMAT.md` specifies them.
//!
//! This crate is pure: no files, no clock, no randomness, no printing. Callers pass
//! bytes and instants in. Signing and private keys are behind the `signing` feature, so
//! that a verifier compiles no PKCS#8 code.
//!
//! ```
//! use license_format::{verify_license, Catalog, Keyring};
//!
//! // The product supplies its catalog (SuperOffice CRM's is the crate license-catalog).
//! let catalog = Catalog::from_json(include_str!("../../catalog/catalog.json")).unwrap();
//! let keyring = Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
//! let file = include_bytes!("../../tests/vectors/valid-basic.lic");
//! let verified = verify_license(file, &keyring, &catalog).unwrap();
//! assert_eq!(verified.payload.product, "superoffice-crm");
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod armor;
pub mod catalog;
mod certificate;
pub mod constants;
mod document;
mod envelope;
mod error;
mod json;
mod keys;
mod license;
mod payload;
mod pem;
pub mod problem;
mod request;
mod reset;
mod reset_request;
mod revocation;
pub mod state;
pub mod text;
pub mod time;
mod trust;

pub use armor::{armor, armor_as, dearmor, dearmor_as};
pub use catalog::{Capability, Catalog, CatalogEntry, Lang, LicenseKind};
pub use certificate::{verify_certificate, KeyCertificate, VerifiedCertificate, USAGES};
pub use document::{document_kind, signed_message_as, DocumentKind};
#[cfg(feature = "signing")]
pub use document::{sign_certified, sign_document};
pub use envelope::Envelope;
pub use error::Error;
#[cfg(feature = "signing")]
pub use keys::{signing_key_from_pem, signing_key_to_pem};
pub use keys::{verifying_key_from_pem, verifying_key_to_pem};
pub use keys::{KeyId, Keyring, TrustedKey};
#[cfg(feature = "signing")]
pub use license::sign_payload;
pub use license::{
    signed_message, verify_license, verify_license_trusted, verify_signature, VerifiedFile,
};
pub use payload::{Customer, Payload, PlanGrant, SystemGrant};
pub use problem::{
    ArmorProblem, Base64Problem, EnvelopeProblem, JsonProblem, KeyProblem, PayloadProblem,
    RequestProblem, TextProblem,
};
pub use request::ActivationRequest;
pub use reset::{verify_clock_reset, verify_clock_reset_trusted, ClockReset, VerifiedClockReset};
pub use reset_request::ClockResetRequest;
pub use revocation::{
    verify_revocation_list, RevocationList, RevokedKey, RevokedLicense, VerifiedRevocationList,
};
pub use state::State;
pub use trust::Trust;

#[cfg(feature = "signing")]
pub use ed25519_dalek::SigningKey;
/// Re-exported so that callers name the same key types as this crate.
pub use ed25519_dalek::{Signature, VerifyingKey};

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
