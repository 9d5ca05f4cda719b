//! Reading a license file for a person: its claims, and whether its signature holds
//! against the keys given.

use chrono::{DateTime, Utc};
use license_format::{
    dearmor, verify_license, Envelope, Error as FormatError, Keyring, Payload, State,
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
}

/// Decodes a license file, checks its signature against `keyring` (an empty keyring
/// checks nothing) and says where its term stands at `now`.
///
/// # Errors
/// [`crate::Error::Format`] for a file that is not a license file or whose payload
/// breaks the format's rules.
pub fn inspect(bytes: &[u8], keyring: &Keyring, now: DateTime<Utc>) -> Result<Inspection> {
    let envelope = Envelope::parse(&dearmor(bytes)?)?;
    let signature = if keyring.is_empty() {
        SignatureStatus::NotChecked
    } else {
        match verify_license(bytes, keyring, license_catalog::builtin()) {
            Ok(_) => SignatureStatus::Valid,
            Err(FormatError::UnknownKey { .. }) => SignatureStatus::UnknownKey,
            Err(FormatError::BadSignature) => SignatureStatus::Bad,
            Err(other) => return Err(other.into()),
        }
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
    })
}
