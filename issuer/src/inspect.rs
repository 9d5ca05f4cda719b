//! Reading a license file for a person: its claims, and whether its signature holds
//! against the keys given.

use chrono::{DateTime, Utc};
use license_format::{
    dearmor, verify_license, verify_license_trusted, DocumentKind, Envelope, Error as FormatError,
    KeyCertificate, Keyring, Payload, State, Trust,
};
use serde::Serialize;

use crate::Result;

/// What the signature check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SignatureStatus {
    /// The signature holds under a given key.
    Valid,
    /// No key was given, so nothing was checked.
    NotChecked,
    /// None of the given keys has the file's key id.
    UnknownKey,
    /// The signature does not hold: the file was altered or forged.
    Bad,
}

/// A decoded license file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Inspection {
    /// The key id the file names.
    pub kid: String,
    /// The signature check's outcome.
    pub signature: SignatureStatus,
    /// The claims. Trust them only when `signature` is [`SignatureStatus::Valid`].
    pub payload: Payload,
    /// Where the license's term stands at the instant asked (FORMAT.md §7), as an
    /// installation would judge it by a clock at that instant.
    pub state: State,
    /// The key certificate the file carries (FORMAT.md §3.1), if any.
    pub certificate: Option<CarriedCertificate>,
}

/// What the certificate a file carries says, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CarriedCertificate {
    /// The id of the root that signed the certificate.
    pub root: String,
    /// The payload: the certified key, its usage and its window.
    pub certificate: KeyCertificate,
}

/// Decodes a license file, checks its signature against `keyring` (an empty keyring
/// checks nothing; for a file that carries a certificate, the keyring holds the roots it
/// may chain to) and says where its term stands at `now`.
///
/// # Errors
/// [`crate::Error::Format`] for a file that is not a license file or whose payload
/// breaks the format's rules.
pub fn inspect(bytes: &[u8], keyring: &Keyring, now: DateTime<Utc>) -> Result<Inspection> {
    let catalog = license_catalog::builtin();
    let (envelope, cert) = Envelope::parse_certified(&dearmor(bytes)?, DocumentKind::LicenseFile)?;
    let signature = if keyring.is_empty() {
        SignatureStatus::NotChecked
    } else {
        let verified = match &cert {
            None => verify_license(bytes, keyring, catalog),
            Some(_) => {
                let trust = Trust::new(Keyring::new(), keyring.clone());
                verify_license_trusted(bytes, &trust, catalog)
            }
        };
        match verified {
            Ok(_) => SignatureStatus::Valid,
            Err(FormatError::UnknownKey { .. } | FormatError::CertificateNotByRoot { .. }) => {
                SignatureStatus::UnknownKey
            }
            Err(FormatError::BadSignature | FormatError::CertificateBadSignature) => {
                SignatureStatus::Bad
            }
            Err(other) => return Err(other.into()),
        }
    };
    let certificate = match cert {
        Some(cert) => Some(CarriedCertificate {
            root: cert.kid.to_string(),
            certificate: KeyCertificate::parse(&cert.payload, catalog)?.0,
        }),
        None => None,
    };
    // For display only: the claims of an unverified file are shown, labelled as such.
    let payload = Payload::parse(&envelope.payload, license_catalog::builtin())?;
    let state = State::of_term(
        payload.valid_from,
        payload.valid_until,
        payload.grace_days,
        now,
    );
    Ok(Inspection {
        kid: envelope.kid.to_string(),
        signature,
        payload,
        state,
        certificate,
    })
}
