//! The signed envelope inside the armor (FORMAT.md §3), whose `format` names the kind
//! of document (FORMAT.md §13), and the signing key's certificate that it may carry
//! (FORMAT.md §3.1).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};

use crate::constants::ALG_ED25519;
use crate::{json, DocumentKind, EnvelopeProblem, Error, KeyId, Result};

/// A decoded envelope: which key signed which payload bytes, and the signature.
///
/// `format` and `alg` have been checked when a value of this type exists. A certificate
/// the envelope carries is not part of this value: [`Envelope::parse_certified`] returns
/// it beside.
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
    /// The signing key's certificate: when present an object, never `null`, so that a
    /// file has one spelling of "no certificate" (FORMAT.md §3.1).
    #[serde(
        borrow,
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    cert: Option<CertWire<'a>>,
}

/// An embedded certificate's envelope: the five members, and no `cert` of its own.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct CertWire<'a> {
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

/// A member that, when given, holds a value: `null` is refused as the wrong type.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> std::result::Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

#[derive(Deserialize)]
struct FormatOnly {
    format: Option<serde_json::Value>,
}

/// The member names of an embedded certificate's envelope, for its refusals.
const CERT_MEMBERS: [&str; 2] = ["cert.payload", "cert.sig"];

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
    /// be `kind`'s), `alg`, `kid`, then the encoding of `payload` and `sig`. An embedded
    /// certificate is checked as [`Envelope::parse_certified`] does, then left out: this
    /// reads what was signed, and decides no trust (the `verify_*` functions do).
    ///
    /// # Errors
    /// [`Error::Envelope`]; [`Error::WrongDocumentKind`] when `format` names another
    /// known kind, [`Error::UnsupportedFormat`] when it names none;
    /// [`Error::UnsupportedAlgorithm`] or [`Error::MalformedKeyId`].
    pub fn parse_as(bytes: &[u8], kind: DocumentKind) -> Result<Self> {
        Envelope::parse_certified(bytes, kind).map(|(envelope, _)| envelope)
    }

    /// As [`Envelope::parse_as`], and returns the envelope of the certificate that the
    /// envelope carries in its `cert` member, if any (FORMAT.md §3.1). That envelope is
    /// checked in the same order, after the document's own, with `format`
    /// `key-certificate/v1`; a key certificate carries no certificate.
    ///
    /// # Errors
    /// As [`Envelope::parse_as`], for either envelope, and
    /// [`EnvelopeProblem::CertificateInCertificate`].
    pub fn parse_certified(bytes: &[u8], kind: DocumentKind) -> Result<(Self, Option<Self>)> {
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
        if kind == DocumentKind::KeyCertificate && wire.cert.is_some() {
            return Err(Error::Envelope(EnvelopeProblem::CertificateInCertificate));
        }
        let envelope = decode(
            kind,
            [&wire.format, &wire.alg, &wire.kid, &wire.payload, &wire.sig],
            ["payload", "sig"],
        )?;
        let cert = match &wire.cert {
            Some(c) => Some(decode(
                DocumentKind::KeyCertificate,
                [&c.format, &c.alg, &c.kid, &c.payload, &c.sig],
                CERT_MEMBERS,
            )?),
            None => None,
        };
        Ok((envelope, cert))
    }

    /// Serializes the envelope of a license file: [`Envelope::to_bytes_as`] with
    /// [`DocumentKind::LicenseFile`].
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_as(DocumentKind::LicenseFile)
    }

    /// Serializes the envelope as compact JSON with `kind`'s `format`, members in the
    /// order of FORMAT.md §3.
    pub fn to_bytes_as(&self, kind: DocumentKind) -> Vec<u8> {
        self.to_bytes_certified(kind, None)
    }

    /// As [`Envelope::to_bytes_as`], with `cert`, the envelope of the signing key's
    /// certificate, as the last member (FORMAT.md §3.1). The caller checks that `cert`
    /// certifies this envelope's key.
    pub fn to_bytes_certified(&self, kind: DocumentKind, cert: Option<&Envelope>) -> Vec<u8> {
        let [format, alg, kid, payload, sig] = self.members(kind);
        let wire = Wire {
            format,
            alg,
            kid,
            payload,
            sig,
            cert: cert.map(|c| {
                let [format, alg, kid, payload, sig] = c.members(DocumentKind::KeyCertificate);
                CertWire {
                    format,
                    alg,
                    kid,
                    payload,
                    sig,
                }
            }),
        };
        // Serializing a struct of strings cannot fail.
        serde_json::to_vec(&wire).unwrap_or_default()
    }

    fn members(&self, kind: DocumentKind) -> [Cow<'static, str>; 5] {
        [
            kind.format().into(),
            ALG_ED25519.into(),
            self.kid.to_string().into(),
            STANDARD.encode(&self.payload).into(),
            STANDARD.encode(self.sig).into(),
        ]
    }
}

/// Checks the five members of an envelope of `kind` in the order of FORMAT.md §5.3 steps
/// 4 to 7; `names` are how refusals name `payload` and `sig`.
fn decode(kind: DocumentKind, members: [&str; 5], names: [&'static str; 2]) -> Result<Envelope> {
    let [format, alg, kid, payload, sig] = members;
    if format != kind.format() {
        return Err(format_error(kind, format.to_owned()));
    }
    if alg != ALG_ED25519 {
        return Err(Error::UnsupportedAlgorithm {
            found: alg.to_owned(),
        });
    }
    let kid: KeyId = kid.parse()?;
    let payload = decode_member(names[0], payload)?;
    let sig = decode_member(names[1], sig)?;
    let sig: [u8; 64] = sig.try_into().map_err(|v: Vec<u8>| {
        Error::Envelope(EnvelopeProblem::SignatureLength { length: v.len() })
    })?;
    Ok(Envelope { kid, payload, sig })
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
