//! Signing and verifying whole license files (FORMAT.md §5).

use ed25519_dalek::{Signature, VerifyingKey};

use crate::{dearmor, signed_message_as, Catalog, DocumentKind, Envelope, Error, KeyId, Keyring};
use crate::{Payload, Result};

/// A license file whose signature holds and whose payload obeys every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedFile {
    /// The id of the key that signed it.
    pub kid: KeyId,
    /// The claims, parsed from exactly the signed bytes.
    pub payload: Payload,
    /// The signed payload bytes, as received.
    pub payload_bytes: Vec<u8>,
}

/// The message an Ed25519 signature covers: `"license-file/v1" || 0x00 || payload`.
/// The license-file case of [`signed_message_as`].
pub fn signed_message(payload: &[u8]) -> Vec<u8> {
    signed_message_as(DocumentKind::LicenseFile, payload)
}

/// Checks one Ed25519 signature strictly: non-canonical S, small-order R and
/// small-order keys are refused. This is the only function that accepts a signature.
///
/// # Errors
/// [`Error::BadSignature`], with no detail on purpose.
pub fn verify_signature(key: &VerifyingKey, message: &[u8], sig: &[u8; 64]) -> Result<()> {
    let signature = Signature::from_bytes(sig);
    key.verify_strict(message, &signature)
        .map_err(|_| Error::BadSignature)
}

/// Verifies a license file against the trusted keys and the product's catalog, in the
/// fixed order: size, armor, envelope, format, alg, kid, signature, then the payload,
/// parsed from the very bytes that were verified. No clock is read: whether the license
/// is in its term is the caller's question.
///
/// # Errors
/// Every variant of [`Error`] that concerns a license file, the first one met in that
/// order.
pub fn verify_license(input: &[u8], keyring: &Keyring, catalog: &Catalog) -> Result<VerifiedFile> {
    let envelope = Envelope::parse(&dearmor(input)?)?;
    let key = keyring
        .get(&envelope.kid)
        .ok_or(Error::UnknownKey { kid: envelope.kid })?;
    verify_signature(key, &signed_message(&envelope.payload), &envelope.sig)?;
    let payload = Payload::parse(&envelope.payload, catalog)?;
    Ok(VerifiedFile {
        kid: envelope.kid,
        payload,
        payload_bytes: envelope.payload,
    })
}

/// Signs payload bytes and returns the armored license file text.
///
/// The caller is expected to have checked the payload with [`Payload::validate`]; the
/// bytes are signed exactly as given.
/// The license-file case of [`crate::sign_document`].
#[cfg(feature = "signing")]
pub fn sign_payload(payload: &[u8], key: &ed25519_dalek::SigningKey) -> String {
    crate::sign_document(DocumentKind::LicenseFile, payload, key)
}
