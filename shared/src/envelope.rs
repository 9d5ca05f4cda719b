//! The signed envelope inside the armor (FORMAT.md §3), whose `format` names the kind
//! of document (FORMAT.md §13).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::constants::ALG_ED25519;
use crate::{json, DocumentKind, EnvelopeProblem, Error, KeyId, Result};

/// A decoded envelope: which key signed which payload bytes, and the signature.
///
/// `format` and `alg` have been checked when a value of this type exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The signing key's id.
    pub kid: KeyId,
    /// The payload bytes exactly as signed.
    pub payload: Vec<u8>,
    /// The 64-byte Ed25519 signature.
    pub sig: [u8; 64],
}

/// The envelope as JSON. Members borrow from the input when they hold no escapes, which
/// base64 and well-formed ids never do: this runs on every verification.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Wire<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    #[serde(borrow)]
    alg: Cow<'a, str>,
    #[serde(borrow)]
    kid: Cow<'a, str>,
    #[serde(borrow)]
    payload: Cow<'a, str>,
    #[serde(borrow)]
    sig: Cow<'a, str>,
}

#[derive(Deserialize)]
struct FormatOnly {
    format: Option<serde_json::Value>,
}

impl Envelope {
    /// Parses the envelope of a license file: [`Envelope::parse_as`] with
    /// [`DocumentKind::LicenseFile`].
    ///
    /// # Errors
    /// As [`Envelope::parse_as`].
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        Envelope::parse_as(bytes, DocumentKind::LicenseFile)
    }

    /// Parses envelope bytes in the order of FORMAT.md §5.3: shape, `format` (which must
    /// be `kind`'s), `alg`, `kid`, then the encoding of `payload` and `sig`.
    ///
    /// # Errors
    /// [`Error::Envelope`]; [`Error::WrongDocumentKind`] when `format` names another
    /// known kind, [`Error::UnsupportedFormat`] when it names none;
    /// [`Error::UnsupportedAlgorithm`] or [`Error::MalformedKeyId`].
    pub fn parse_as(bytes: &[u8], kind: DocumentKind) -> Result<Self> {
        let wire: Wire = json::from_slice(bytes).map_err(|e| {
            // A newer format may have other members; name the version, not the member.
            match serde_json::from_slice::<FormatOnly>(bytes) {
                Ok(FormatOnly { format: Some(f) }) if f != kind.format() => format_error(
                    kind,
                    f.as_str().map_or_else(|| f.to_string(), str::to_owned),
                ),
                _ => Error::Envelope(EnvelopeProblem::Json(e)),
            }
        })?;
        if wire.format != kind.format() {
            return Err(format_error(kind, wire.format.into_owned()));
        }
        if wire.alg != ALG_ED25519 {
            return Err(Error::UnsupportedAlgorithm {
                found: wire.alg.into_owned(),
            });
        }
        let kid: KeyId = wire.kid.parse()?;
        let payload = decode_member("payload", &wire.payload)?;
        let sig = decode_member("sig", &wire.sig)?;
        let sig: [u8; 64] = sig.try_into().map_err(|v: Vec<u8>| {
            Error::Envelope(EnvelopeProblem::SignatureLength { length: v.len() })
        })?;
        Ok(Envelope { kid, payload, sig })
    }

    /// Serializes the envelope of a license file: [`Envelope::to_bytes_as`] with
    /// [`DocumentKind::LicenseFile`].
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_as(DocumentKind::LicenseFile)
    }

    /// Serializes the envelope as compact JSON with `kind`'s `format`, members in the
    /// order of FORMAT.md §3.
    pub fn to_bytes_as(&self, kind: DocumentKind) -> Vec<u8> {
        let wire = Wire {
            format: kind.format().into(),
            alg: ALG_ED25519.into(),
            kid: self.kid.to_string().into(),
            payload: STANDARD.encode(&self.payload).into(),
            sig: STANDARD.encode(self.sig).into(),
        };
        // Serializing a struct of strings cannot fail.
        serde_json::to_vec(&wire).unwrap_or_default()
    }
}

/// The refusal for a `format` that is not `kind`'s: another known kind is named as such
/// (FORMAT.md §13), anything else is unsupported.
fn format_error(kind: DocumentKind, found: String) -> Error {
    match DocumentKind::from_format(&found) {
        Some(other) => Error::WrongDocumentKind {
            expected: kind.format(),
            found: other.format(),
        },
        None => Error::UnsupportedFormat { found },
    }
}

fn decode_member(member: &'static str, text: &str) -> Result<Vec<u8>> {
    STANDARD
        .decode(text)
        .map_err(|_| Error::Envelope(EnvelopeProblem::NotBase64 { member }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope() -> Envelope {
        Envelope {
            kid: "0123456789abcdef".parse().unwrap(),
            payload: b"{}".to_vec(),
            sig: [9; 64],
        }
    }

    #[test]
    fn each_kind_round_trips_and_refuses_the_other() {
        let reset = DocumentKind::ClockReset;
        let bytes = envelope().to_bytes_as(reset);
        assert!(bytes.starts_with(br#"{"format":"clock-reset/v1","alg":"ed25519""#));
        assert_eq!(Envelope::parse_as(&bytes, reset).unwrap(), envelope());
        let err = Envelope::parse(&bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            "this is a clock-reset/v1 document, not a license-file/v1 document: import it as what it is"
        );
        let err = Envelope::parse_as(&envelope().to_bytes(), reset).unwrap_err();
        assert!(matches!(
            err,
            Error::WrongDocumentKind {
                expected: "clock-reset/v1",
                found: "license-file/v1"
            }
        ));
    }

    #[test]
    fn unknown_formats_stay_unsupported_even_with_other_members() {
        let text = String::from_utf8(envelope().to_bytes_as(DocumentKind::ClockReset)).unwrap();
        let v2 = text.replace("clock-reset/v1", "clock-reset/v2");
        let err = Envelope::parse_as(v2.as_bytes(), DocumentKind::ClockReset).unwrap_err();
        assert!(matches!(err, Error::UnsupportedFormat { found } if found == "clock-reset/v2"));
        let extra = text.replacen('{', r#"{"note":1,"#, 1);
        let err = Envelope::parse(extra.as_bytes()).unwrap_err();
        assert!(matches!(err, Error::WrongDocumentKind { .. }), "{err}");
    }
}
