//! The clock-reset document (FORMAT.md §15): the vendor's signed answer to a clock-reset
//! request, which lets an installation set its clock high-water mark to the vendor's
//! time.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::constants::NONCE_BYTES;
use crate::trust::{chain_kids, verify_signed, TrustRef};
use crate::{json, time, VerifiedCertificate};
use crate::{Catalog, DocumentKind, Error, KeyId, Keyring, Result, Trust};
use crate::{PayloadProblem, RequestProblem, TextProblem};

/// The signed payload of a clock-reset document. A value parsed by
/// [`ClockReset::parse`] satisfies every rule of FORMAT.md §15.2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockReset {
    /// The catalog's product id.
    pub product: String,
    /// The installation whose mark is reset, copied from the request.
    pub installation_id: String,
    /// The request's nonce, 32 lowercase hex digits.
    pub nonce: String,
    /// The request's `mark`: the installation's high-water mark when it asked; `None`
    /// for none. The member must be present, as `null` then.
    #[serde(with = "time::optional")]
    pub request_mark: Option<DateTime<Utc>>,
    /// The request's `clock`: the installation's system clock when it asked.
    #[serde(with = "time::required")]
    pub request_clock: DateTime<Utc>,
    /// The vendor's time at signing: the installation's new mark.
    #[serde(with = "time::required")]
    pub issued_at: DateTime<Utc>,
    /// The vendor's display name.
    pub issuer: String,
}

impl ClockReset {
    /// Parses payload bytes strictly and checks every rule against `catalog`, including
    /// the product id.
    ///
    /// # Errors
    /// [`Error::Payload`] for malformed JSON, unknown, missing or duplicated members;
    /// [`Error::WrongProduct`]; [`Error::InvalidPayload`] for a broken rule.
    pub fn parse(bytes: &[u8], catalog: &Catalog) -> Result<Self> {
        let reset: ClockReset = json::from_slice(bytes).map_err(Error::Payload)?;
        reset.validate(catalog)?;
        Ok(reset)
    }

    /// Checks the rules of FORMAT.md §15.2 that the types alone do not hold.
    ///
    /// # Errors
    /// [`Error::WrongProduct`] or [`Error::InvalidPayload`], naming the member.
    pub fn validate(&self, catalog: &Catalog) -> Result<()> {
        if self.product != catalog.product {
            return Err(Error::WrongProduct {
                expected: catalog.product.clone(),
                found: self.product.clone(),
            });
        }
        let invalid = |field: &'static str| {
            move |problem: PayloadProblem| Error::InvalidPayload {
                field: field.to_owned(),
                problem,
            }
        };
        crate::text::check_id(&self.installation_id)
            .map_err(PayloadProblem::Text)
            .map_err(invalid("installation_id"))?;
        if !is_nonce(&self.nonce) {
            return Err(invalid("nonce")(PayloadProblem::MalformedNonce {
                value: self.nonce.clone(),
            }));
        }
        crate::text::check_name(&self.issuer)
            .map_err(PayloadProblem::Text)
            .map_err(invalid("issuer"))
    }

    /// Serializes the payload as compact JSON, members in the order of FORMAT.md §15.2,
    /// as writers emit it.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Strings and timestamps always serialize.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// A clock-reset document whose signature holds and whose payload obeys every rule.
/// Whether the installation asked for it is the caller's question (FORMAT.md §15.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedClockReset {
    /// The id of the key that signed it.
    pub kid: KeyId,
    /// The payload, parsed from exactly the signed bytes.
    pub reset: ClockReset,
    /// The signed payload bytes, as received.
    pub payload_bytes: Vec<u8>,
    /// The certificate through which `kid` is trusted (FORMAT.md §18); `None` when
    /// `kid` is trusted directly.
    pub certificate: Option<VerifiedCertificate>,
}

impl VerifiedClockReset {
    /// The ids of the keys the document's trust rests on, for a revocation check: the
    /// signing key and, through a certificate, its root.
    pub fn kids(&self) -> Vec<KeyId> {
        chain_kids(self.kid, self.certificate.as_ref())
    }
}

/// Verifies a clock-reset document against the trusted keys and the built-in catalog,
/// in the fixed order of FORMAT.md §15.3: size, armor (`CLOCK RESET`), envelope
/// (`format` must be `clock-reset/v1`), alg, kid, signature over
/// `"clock-reset/v1" || 0x00 || payload`, then the payload, parsed from the very bytes
/// that were verified. No clock is read.
///
/// # Errors
/// The first refusal met in that order: [`Error::TooLarge`], [`Error::Armor`],
/// [`Error::Base64`], [`Error::WrongDocumentKind`] (a license file, in either armor),
/// [`Error::Envelope`], [`Error::UnsupportedFormat`], [`Error::UnsupportedAlgorithm`],
/// [`Error::MalformedKeyId`], [`Error::UnknownKey`], [`Error::BadSignature`],
/// [`Error::Payload`], [`Error::InvalidPayload`] or [`Error::WrongProduct`].
pub fn verify_clock_reset(
    input: &[u8],
    keyring: &Keyring,
    catalog: &Catalog,
) -> Result<VerifiedClockReset> {
    let roots = Keyring::new();
    let trust = TrustRef {
        keys: keyring,
        roots: &roots,
    };
    verify_clock_reset_with(input, trust, catalog)
}

/// Verifies a clock-reset document as [`verify_clock_reset`] does, its signer trusted
/// directly or through the certificate it carries, which must permit `clock-reset`
/// (FORMAT.md §18).
///
/// # Errors
/// As [`verify_clock_reset`], and the refusals of the chain, as
/// [`crate::verify_license_trusted`].
pub fn verify_clock_reset_trusted(
    input: &[u8],
    trust: &Trust,
    catalog: &Catalog,
) -> Result<VerifiedClockReset> {
    verify_clock_reset_with(input, trust.into(), catalog)
}

fn verify_clock_reset_with(
    input: &[u8],
    trust: TrustRef<'_>,
    catalog: &Catalog,
) -> Result<VerifiedClockReset> {
    let signed = verify_signed(DocumentKind::ClockReset, input, trust, catalog)?;
    let reset = ClockReset::parse(&signed.payload, catalog)?;
    signed.check_window(reset.issued_at)?;
    Ok(VerifiedClockReset {
        kid: signed.kid,
        reset,
        payload_bytes: signed.payload,
        certificate: signed.certificate,
    })
}

/// A nonce is exactly 32 lowercase hex digits: one spelling per value, so that an
/// installation and a ledger compare nonces as strings (FORMAT.md §14).
pub(crate) fn is_nonce(nonce: &str) -> bool {
    nonce.len() == NONCE_BYTES * 2
        && nonce
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// An installation id is an id of FORMAT.md §1.4 rule 8: printable ASCII, so that it
/// shows and compares as written (FORMAT.md §14).
pub(crate) fn check_installation_id(id: &str) -> std::result::Result<(), RequestProblem> {
    crate::text::check_id(id).map_err(|problem| member("installation_id", problem))
}

/// A request member's text problem.
pub(crate) fn member(member: &'static str, problem: TextProblem) -> RequestProblem {
    RequestProblem::Member { member, problem }
}

#[cfg(test)]
#[path = "reset_tests.rs"]
pub(crate) mod tests;
