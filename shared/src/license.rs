//! Signing and verifying whole license files (FORMAT.md §5).

use ed25519_dalek::{Signature, VerifyingKey};

use crate::trust::{chain_kids, verify_signed, TrustRef};
use crate::{signed_message_as, Catalog, DocumentKind, Error, KeyId, Keyring, Trust};
use crate::{Payload, Result, VerifiedCertificate};

/// A license file whose signature holds and whose payload obeys every rule.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedFile {
    /// The id of the key that signed it.
    pub kid: KeyId,
    /// The claims, parsed from exactly the signed bytes.
    pub payload: Payload,
    /// The signed payload bytes, as received.
    pub payload_bytes: Vec<u8>,
    /// The certificate through which `kid` is trusted (FORMAT.md §18); `None` when
    /// `kid` is trusted directly.
    pub certificate: Option<VerifiedCertificate>,
}

impl VerifiedFile {
    /// The ids of the keys the file's trust rests on, for a revocation check
    /// (FORMAT.md §17.4): the signing key and, through a certificate, its root.
    pub fn kids(&self) -> Vec<KeyId> {
        chain_kids(self.kid, self.certificate.as_ref())
    }
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
///
/// The keyring's keys are trusted directly and no key is a root: a file that carries a
/// certificate is refused ([`Error::CertificateNotByRoot`]). [`verify_license_trusted`]
/// also trusts root keys.
pub fn verify_license(input: &[u8], keyring: &Keyring, catalog: &Catalog) -> Result<VerifiedFile> {
    let roots = Keyring::new();
    let trust = TrustRef {
        keys: keyring,
        roots: &roots,
    };
    verify_license_with(input, trust, catalog)
}

/// Verifies a license file as [`verify_license`] does, its signer trusted directly or
/// through the certificate the file carries (FORMAT.md §18): the certificate verifies
/// under a trusted root, names this product, certifies the file's key for license
/// files, and its window holds the file's `issued_at`. No clock is read.
///
/// # Errors
/// As [`verify_license`], and the refusals of the chain: [`Error::SignedByRoot`],
/// [`Error::CertificateNotByRoot`], [`Error::CertificateBadSignature`],
/// [`Error::CertificatePayload`], [`Error::InvalidPayload`] (a `cert.` field),
/// [`Error::CertificateWrongProduct`], [`Error::CertificateOtherKey`],
/// [`Error::CertificateUsage`], [`Error::CertificateWindow`].
pub fn verify_license_trusted(
    input: &[u8],
    trust: &Trust,
    catalog: &Catalog,
) -> Result<VerifiedFile> {
    verify_license_with(input, trust.into(), catalog)
}

fn verify_license_with(
    input: &[u8],
    trust: TrustRef<'_>,
    catalog: &Catalog,
) -> Result<VerifiedFile> {
    let signed = verify_signed(DocumentKind::LicenseFile, input, trust, catalog)?;
    let payload = Payload::parse(&signed.payload, catalog)?;
    signed.check_window(payload.issued_at)?;
    Ok(VerifiedFile {
        kid: signed.kid,
        payload,
        payload_bytes: signed.payload,
        certificate: signed.certificate,
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
