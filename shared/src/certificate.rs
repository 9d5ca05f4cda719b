//! The key certificate (FORMAT.md §16): a root key's signed statement that an issuing
//! key may sign documents of some kinds for one product, for a window of time.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Serialize};

use crate::{json, text, time, verify_signature};
use crate::{
    Catalog, DocumentKind, Envelope, Error, KeyId, Keyring, PayloadProblem, Result, Trust,
};

/// The kinds a certificate may permit, by [`DocumentKind::code`]: never
/// `key-certificate`, since a root certifies issuing keys directly (FORMAT.md §16.2).
pub const USAGES: [DocumentKind; 3] = [
    DocumentKind::LicenseFile,
    DocumentKind::ClockReset,
    DocumentKind::RevocationList,
];

/// The signed payload of a key certificate. A value parsed by
/// [`KeyCertificate::parse`] satisfies every rule of FORMAT.md §16.2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyCertificate {
    /// The catalog's product id.
    pub product: String,
    /// The certified key's id (FORMAT.md §4), 16 lowercase hex digits.
    pub kid: String,
    /// The certified key: standard base64 of its 32 raw bytes (FORMAT.md §9.2's `A`).
    pub key: String,
    /// The kinds of document the key may sign, by code: `license-file`, `clock-reset`,
    /// `revocation-list`.
    pub usage: Vec<String>,
    /// Start of the window, inclusive: documents issued at or after it.
    #[serde(with = "time::required")]
    pub valid_from: DateTime<Utc>,
    /// End of the window, exclusive: documents issued before it.
    #[serde(with = "time::required")]
    pub valid_until: DateTime<Utc>,
    /// When the root signed it.
    #[serde(with = "time::required")]
    pub issued_at: DateTime<Utc>,
    /// The vendor's display name.
    pub issuer: String,
}

impl KeyCertificate {
    /// The payload of a certificate for `key`, its `kid` derived: what a writer signs.
    pub fn for_key(
        product: &str,
        key: &VerifyingKey,
        usage: &[DocumentKind],
        window: (DateTime<Utc>, DateTime<Utc>),
        issued_at: DateTime<Utc>,
        issuer: &str,
    ) -> Self {
        KeyCertificate {
            product: product.to_owned(),
            kid: KeyId::of(key).to_string(),
            key: STANDARD.encode(key.as_bytes()),
            usage: usage.iter().map(|k| k.code().to_owned()).collect(),
            valid_from: window.0,
            valid_until: window.1,
            issued_at,
            issuer: issuer.to_owned(),
        }
    }

    /// Parses payload bytes strictly and checks every rule against `catalog`.
    ///
    /// # Errors
    /// [`Error::Payload`] for malformed JSON, unknown, missing or duplicated members;
    /// [`Error::CertificateWrongProduct`]; [`Error::InvalidPayload`] for a broken rule.
    pub fn parse(bytes: &[u8], catalog: &Catalog) -> Result<(Self, VerifyingKey)> {
        let cert: KeyCertificate = json::from_slice(bytes).map_err(Error::Payload)?;
        let key = cert.validate(catalog)?;
        Ok((cert, key))
    }

    /// Checks the rules of FORMAT.md §16.2 that the types alone do not hold, and
    /// returns the certified key.
    ///
    /// # Errors
    /// [`Error::CertificateWrongProduct`] or [`Error::InvalidPayload`], naming the member.
    pub fn validate(&self, catalog: &Catalog) -> Result<VerifyingKey> {
        if self.product != catalog.product {
            return Err(Error::CertificateWrongProduct {
                expected: catalog.product.clone(),
                found: self.product.clone(),
            });
        }
        let found: KeyId = self.kid.parse().map_err(|_| {
            invalid(
                "kid",
                PayloadProblem::MalformedKeyId {
                    value: self.kid.clone(),
                },
            )
        })?;
        let key =
            decode_key(&self.key).ok_or_else(|| invalid("key", PayloadProblem::MalformedKey))?;
        if KeyId::of(&key) != found {
            return Err(invalid(
                "kid",
                PayloadProblem::KeyIdMismatch {
                    kid: KeyId::of(&key).to_string(),
                    found: self.kid.clone(),
                },
            ));
        }
        self.check_usage()?;
        if self.valid_until <= self.valid_from {
            return Err(invalid("valid_until", PayloadProblem::NotAfterStart));
        }
        text::check_name(&self.issuer).map_err(|p| invalid("issuer", PayloadProblem::Text(p)))?;
        Ok(key)
    }

    fn check_usage(&self) -> Result<()> {
        if self.usage.is_empty() {
            return Err(invalid("usage", PayloadProblem::NoUsage));
        }
        for (i, value) in self.usage.iter().enumerate() {
            let field = format!("usage[{i}]");
            if !USAGES.iter().any(|k| k.code() == value) {
                let value = value.clone();
                return Err(invalid(&field, PayloadProblem::UnknownUsage { value }));
            }
            if self.usage[..i].contains(value) {
                let value = value.clone();
                return Err(invalid(&field, PayloadProblem::UsageTwice { value }));
            }
        }
        Ok(())
    }

    /// Whether the certificate permits its key to sign documents of `kind`.
    pub fn permits(&self, kind: DocumentKind) -> bool {
        self.usage.iter().any(|u| u == kind.code())
    }

    /// Whether `at` lies in the window: `valid_from <= at < valid_until`.
    pub fn covers(&self, at: DateTime<Utc>) -> bool {
        self.valid_from <= at && at < self.valid_until
    }

    /// Serializes the payload as compact JSON, members in the order of FORMAT.md §16.2,
    /// as writers emit it.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Strings, arrays of strings and timestamps always serialize.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// 32 bytes of standard base64 that are a curve point of full order: the only keys a
/// verifier may trust (FORMAT.md §5.2 check 4, §9.3).
fn decode_key(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = STANDARD.decode(text).ok()?.try_into().ok()?;
    let key = VerifyingKey::from_bytes(&bytes).ok()?;
    (!key.is_weak()).then_some(key)
}

fn invalid(field: &str, problem: PayloadProblem) -> Error {
    Error::InvalidPayload {
        field: field.to_owned(),
        problem,
    }
}

/// A key certificate whose signature holds under a trusted root and whose payload obeys
/// every rule: the issuing key it certifies may sign what `certificate.usage` permits,
/// for documents issued inside its window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedCertificate {
    /// The id of the root key that signed the certificate.
    pub root: KeyId,
    /// The certified key's id.
    pub kid: KeyId,
    /// The certified key.
    pub key: VerifyingKey,
    /// The payload, parsed from exactly the signed bytes.
    pub certificate: KeyCertificate,
    /// The signed payload bytes, as received.
    pub payload_bytes: Vec<u8>,
}

/// Verifies a key certificate given alone (armor `KEY CERTIFICATE`) against the
/// trusted roots and the catalog, in the order of FORMAT.md §16.3. No clock is read.
///
/// # Errors
/// The first refusal met in that order: [`Error::TooLarge`], [`Error::Armor`],
/// [`Error::Base64`], [`Error::WrongDocumentKind`], [`Error::Envelope`],
/// [`Error::UnsupportedFormat`], [`Error::UnsupportedAlgorithm`],
/// [`Error::MalformedKeyId`], [`Error::CertificateNotByRoot`], [`Error::BadSignature`],
/// [`Error::Payload`], [`Error::InvalidPayload`] or [`Error::CertificateWrongProduct`].
pub fn verify_certificate(
    input: &[u8],
    trust: &Trust,
    catalog: &Catalog,
) -> Result<VerifiedCertificate> {
    let kind = DocumentKind::KeyCertificate;
    let envelope = Envelope::parse_as(&crate::dearmor_as(kind, input)?, kind)?;
    verify_certificate_envelope(envelope, trust.roots(), catalog)
}

/// Steps 8 to 10 of FORMAT.md §16.3 on a parsed envelope: the root, the signature, the
/// payload.
pub(crate) fn verify_certificate_envelope(
    envelope: Envelope,
    roots: &Keyring,
    catalog: &Catalog,
) -> Result<VerifiedCertificate> {
    let root = roots
        .get(&envelope.kid)
        .ok_or(Error::CertificateNotByRoot { kid: envelope.kid })?;
    let message = crate::signed_message_as(DocumentKind::KeyCertificate, &envelope.payload);
    verify_signature(root, &message, &envelope.sig)?;
    let (certificate, key) = KeyCertificate::parse(&envelope.payload, catalog)?;
    Ok(VerifiedCertificate {
        root: envelope.kid,
        kid: KeyId::of(&key),
        key,
        certificate,
        payload_bytes: envelope.payload,
    })
}

/// The refusals of a certificate carried inside another document, named as the
/// certificate's (FORMAT.md §18): its signature, its payload's shape, its fields under
/// `cert.`.
pub(crate) fn embedded(error: Error) -> Error {
    match error {
        Error::BadSignature => Error::CertificateBadSignature,
        Error::Payload(p) => Error::CertificatePayload(p),
        Error::InvalidPayload { field, problem } => Error::InvalidPayload {
            field: format!("cert.{field}"),
            problem,
        },
        other => other,
    }
}

#[cfg(test)]
#[path = "certificate_tests.rs"]
mod tests;
