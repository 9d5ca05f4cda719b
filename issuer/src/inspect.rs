//! Reading a license file, a key certificate or a revocation list for a person: what it
//! says, and whether its signature holds against the keys given.

use chrono::{DateTime, Utc};
use license_format::{dearmor, dearmor_as, document_kind, verify_certificate};
use license_format::{verify_license_trusted, verify_revocation_list, RevocationList};
use license_format::{
    DocumentKind, Envelope, Error as FormatError, KeyCertificate, Keyring, Payload, State, Trust,
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
        let trust = trust_for(keyring, cert.is_some());
        status(verify_license_trusted(bytes, &trust, catalog))?
    };
    let certificate = carried(cert)?;
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

/// The keys given to check a document: the signing keys of a document signed directly,
/// the roots of one that carries a certificate (a root never signs documents itself).
fn trust_for(keyring: &Keyring, certified: bool) -> Trust {
    if certified {
        Trust::new(Keyring::new(), keyring.clone())
    } else {
        Trust::direct(keyring.clone())
    }
}

/// A verification's outcome as a status; refusals other than the key and the signature
/// are errors, as the file is not what it claims to be.
fn status<T>(verified: license_format::Result<T>) -> Result<SignatureStatus> {
    match verified {
        Ok(_) => Ok(SignatureStatus::Valid),
        Err(FormatError::UnknownKey { .. } | FormatError::CertificateNotByRoot { .. }) => {
            Ok(SignatureStatus::UnknownKey)
        }
        Err(FormatError::BadSignature | FormatError::CertificateBadSignature) => {
            Ok(SignatureStatus::Bad)
        }
        Err(other) => Err(other.into()),
    }
}

fn carried(cert: Option<Envelope>) -> Result<Option<CarriedCertificate>> {
    let Some(cert) = cert else { return Ok(None) };
    Ok(Some(CarriedCertificate {
        root: cert.kid.to_string(),
        certificate: KeyCertificate::parse(&cert.payload, license_catalog::builtin())?.0,
    }))
}

/// A decoded key certificate (FORMAT.md §16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CertificateInspection {
    /// The id of the root key that signed it.
    pub root: String,
    /// The signature check's outcome, the `keyring` given being the roots.
    pub signature: SignatureStatus,
    /// The payload. Trust it only when `signature` is [`SignatureStatus::Valid`].
    pub certificate: KeyCertificate,
}

/// A decoded revocation list (FORMAT.md §17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ListInspection {
    /// The key id the list names.
    pub kid: String,
    /// The signature check's outcome.
    pub signature: SignatureStatus,
    /// The key certificate the list carries, if any.
    pub certificate: Option<CarriedCertificate>,
    /// The payload. Trust it only when `signature` is [`SignatureStatus::Valid`].
    pub list: RevocationList,
}

/// Any document `inspect` shows, decoded. Exhaustive: a front end shows each kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Inspected {
    /// A license file.
    License(Box<Inspection>),
    /// A key certificate.
    Certificate(CertificateInspection),
    /// A revocation list.
    RevocationList(ListInspection),
}

/// Decodes a license file, a key certificate or a revocation list, by its armor label,
/// as [`inspect`] does a license file. A clock-reset document, or text with no known
/// label, is read as a license file, whose refusal names what was found.
///
/// # Errors
/// [`crate::Error::Format`] for a document that breaks the format's rules.
pub fn inspect_document(bytes: &[u8], keyring: &Keyring, now: DateTime<Utc>) -> Result<Inspected> {
    let catalog = license_catalog::builtin();
    match document_kind(bytes) {
        Some(kind @ DocumentKind::KeyCertificate) => {
            let envelope = Envelope::parse_as(&dearmor_as(kind, bytes)?, kind)?;
            let signature = if keyring.is_empty() {
                SignatureStatus::NotChecked
            } else {
                status(verify_certificate(
                    bytes,
                    &trust_for(keyring, true),
                    catalog,
                ))?
            };
            Ok(Inspected::Certificate(CertificateInspection {
                root: envelope.kid.to_string(),
                signature,
                certificate: KeyCertificate::parse(&envelope.payload, catalog)?.0,
            }))
        }
        Some(kind @ DocumentKind::RevocationList) => {
            let (envelope, cert) = Envelope::parse_certified(&dearmor_as(kind, bytes)?, kind)?;
            let signature = if keyring.is_empty() {
                SignatureStatus::NotChecked
            } else {
                let trust = trust_for(keyring, cert.is_some());
                status(verify_revocation_list(bytes, &trust, catalog))?
            };
            Ok(Inspected::RevocationList(ListInspection {
                kid: envelope.kid.to_string(),
                signature,
                certificate: carried(cert)?,
                list: RevocationList::parse(&envelope.payload, catalog)?,
            }))
        }
        _ => Ok(Inspected::License(Box::new(inspect(bytes, keyring, now)?))),
    }
}
