//! The one error type of this crate.

use crate::problem::{
    ArmorProblem, Base64Problem, EnvelopeProblem, JsonProblem, KeyProblem, PayloadProblem,
    RequestProblem,
};
use crate::time::format_rfc3339;
use crate::KeyId;
use chrono::{DateTime, Utc};

/// Everything that can be wrong with a signed document (a license file, a clock-reset
/// document, a key certificate, a revocation list), the chain of trust behind it, a
/// request or a key.
///
/// Variants up to and including [`Error::BadSignature`] are reported in the fixed order
/// of FORMAT.md §5; a payload is never examined before its signature holds.
#[derive(Debug, thiserror::Error, PartialEq, Eq, Clone)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the format allows; nothing of it was parsed.
    #[error("{what} is {size} bytes, over the limit of {limit} bytes: this is not a {what}")]
    TooLarge {
        /// What was being read: "license file", "activation request", "key file".
        what: &'static str,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The armor is missing, doubled, unterminated or holds a foreign character.
    #[error("armor: {0}")]
    Armor(ArmorProblem),
    /// The armored body is not valid base64.
    #[error("armor: the body is not valid base64 ({0}): the file was damaged in transit; ask for it again")]
    Base64(Base64Problem),
    /// The envelope is not the JSON object of FORMAT.md §3.
    #[error("envelope: {0}")]
    Envelope(EnvelopeProblem),
    /// The envelope names a format version this verifier does not know.
    #[error("unsupported format {found:?}: this verifier reads {}; update the product to read newer files", known_formats())]
    UnsupportedFormat {
        /// The `format` member as found.
        found: String,
    },
    /// The document is of another known kind than the one asked for: its armor label or
    /// its envelope's `format` names that kind (FORMAT.md §13).
    #[error("this is a {found} document, not a {expected} document: import it as what it is")]
    WrongDocumentKind {
        /// The `format` of the kind that was asked for, e.g. `license-file/v1`.
        expected: &'static str,
        /// The `format` of the kind found, e.g. `clock-reset/v1`.
        found: &'static str,
    },
    /// The envelope names a signature algorithm other than Ed25519.
    #[error("unsupported algorithm {found:?}: license files are signed with \"ed25519\"")]
    UnsupportedAlgorithm {
        /// The `alg` member as found.
        found: String,
    },
    /// The `kid` member is not 16 lowercase hex digits.
    #[error("envelope: kid {found:?} is not a key id (16 lowercase hex digits)")]
    MalformedKeyId {
        /// The `kid` member as found.
        found: String,
    },
    /// The file is signed by a key that the keyring does not hold.
    #[error("unknown key {kid}: the file is signed by a key this installation does not trust; trust the vendor's public key with that id, or ask the vendor for a file signed by a trusted key")]
    UnknownKey {
        /// The key id the file names.
        kid: KeyId,
    },
    /// The signature does not hold for the payload under the named key. Deliberately
    /// opaque: which check failed tells a forger nothing useful and a user nothing
    /// actionable.
    #[error("bad signature: the file was altered after signing or was not made by the vendor")]
    BadSignature,
    /// The signed payload is not well-formed JSON of the shape of FORMAT.md §6.
    #[error("payload: {0}")]
    Payload(JsonProblem),
    /// A catalog a product supplied is not a catalog (FORMAT.md §10).
    #[error("catalog: {0}")]
    Catalog(JsonProblem),
    /// A payload member holds a value the format forbids.
    #[error("payload: {field}: {problem}")]
    InvalidPayload {
        /// Path of the member, e.g. `user_plans[1].seats`.
        field: String,
        /// What is wrong.
        problem: PayloadProblem,
    },
    /// The file was issued for another product.
    #[error("the license is for product {found:?}, not {expected:?}: ask the vendor for a {expected} license")]
    WrongProduct {
        /// This catalog's product id.
        expected: String,
        /// The payload's product id.
        found: String,
    },
    /// An activation request is malformed.
    #[error("activation request: {0}")]
    Request(RequestProblem),
    /// A clock-reset request is malformed (FORMAT.md §14).
    #[error("clock-reset request: {0}")]
    ClockResetRequest(RequestProblem),
    /// A PEM key or keyring cannot be read.
    #[error("key: {0}")]
    Key(KeyProblem),
    /// A public key is of small order: any signature "verifies" under it.
    #[error("key {kid} is a weak (small-order) public key and can never be trusted")]
    WeakKey {
        /// The weak key's id.
        kid: KeyId,
    },
    /// A document without a certificate is signed by a root key: roots are trusted to
    /// certify issuing keys, never to sign a document themselves (FORMAT.md §18).
    #[error("the file is signed directly by root key {kid}: a root key only certifies issuing keys; ask the vendor for a file signed by an issuing key")]
    SignedByRoot {
        /// The root key's id.
        kid: KeyId,
    },
    /// A key certificate is signed by a key that is not a trusted root: an unknown key,
    /// or a key trusted only to sign documents (FORMAT.md §18).
    #[error("the certificate is signed by key {kid}, which is not a trusted root key: trust the vendor's root key, or ask the vendor for a certificate signed by it")]
    CertificateNotByRoot {
        /// The id of the key that signed the certificate.
        kid: KeyId,
    },
    /// The certificate a document carries does not verify under its root. As opaque as
    /// [`Error::BadSignature`], but naming the link that failed.
    #[error("bad signature on the certificate: it was altered after signing or was not made with the vendor's root key")]
    CertificateBadSignature,
    /// The payload of the certificate a document carries is not well-formed JSON of the
    /// shape of FORMAT.md §16.2. (A value that breaks a rule is
    /// [`Error::InvalidPayload`], its field under `cert.`.)
    #[error("certificate payload: {0}")]
    CertificatePayload(JsonProblem),
    /// The certificate was issued for another product.
    #[error("the certificate is for product {found:?}, not {expected:?}: ask the vendor for a {expected} certificate")]
    CertificateWrongProduct {
        /// This catalog's product id.
        expected: String,
        /// The certificate's product id.
        found: String,
    },
    /// The document is signed by another key than the one its certificate certifies.
    #[error("the file is signed by key {kid}, but its certificate is for key {certified}: the file and the certificate do not belong together")]
    CertificateOtherKey {
        /// The id of the key that signed the document.
        kid: KeyId,
        /// The id of the key the certificate certifies.
        certified: KeyId,
    },
    /// The certificate does not permit its key to sign documents of this kind.
    #[error("the certificate of key {kid} does not permit it to sign a {}: ask the vendor for one signed by a key certified for that", document.noun())]
    CertificateUsage {
        /// The certified key's id.
        kid: KeyId,
        /// The kind of the document.
        document: crate::DocumentKind,
    },
    /// The document's `issued_at` lies outside its certificate's validity window.
    #[error("the file was issued at {}, outside the certificate of key {kid}, valid from {} until {}: ask the vendor for a file signed under a current certificate", format_rfc3339(issued_at), format_rfc3339(valid_from), format_rfc3339(valid_until))]
    CertificateWindow {
        /// The certified key's id.
        kid: KeyId,
        /// The document's `issued_at`.
        issued_at: DateTime<Utc>,
        /// The certificate's `valid_from`, inclusive.
        valid_from: DateTime<Utc>,
        /// The certificate's `valid_until`, exclusive.
        valid_until: DateTime<Utc>,
    },
}

/// The `format` values this crate reads, quoted, for messages: `"a", "b" and "c"`.
fn known_formats() -> String {
    let quoted: Vec<String> = crate::DocumentKind::ALL
        .iter()
        .map(|k| format!("{:?}", k.format()))
        .collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl Error {
    /// A stable machine code for this error, lowercase kebab-case: what a front end
    /// matches on and shows beside its own words (docs/JSON.md).
    pub fn code(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } => "too-large",
            Error::Armor { .. } => "armor",
            Error::Base64 { .. } => "base64",
            Error::Envelope { .. } => "envelope",
            Error::UnsupportedFormat { .. } => "unsupported-format",
            Error::WrongDocumentKind { .. } => "wrong-document-kind",
            Error::UnsupportedAlgorithm { .. } => "unsupported-algorithm",
            Error::MalformedKeyId { .. } => "malformed-key-id",
            Error::UnknownKey { .. } => "unknown-key",
            Error::BadSignature => "bad-signature",
            Error::Payload { .. } => "payload",
            Error::Catalog { .. } => "catalog",
            Error::InvalidPayload { .. } => "invalid-payload",
            Error::WrongProduct { .. } => "wrong-product",
            Error::Request { .. } => "request",
            Error::ClockResetRequest { .. } => "clock-reset-request",
            Error::Key { .. } => "key",
            Error::WeakKey { .. } => "weak-key",
            Error::SignedByRoot { .. } => "signed-by-root",
            Error::CertificateNotByRoot { .. } => "certificate-not-by-root",
            Error::CertificateBadSignature => "certificate-bad-signature",
            Error::CertificatePayload { .. } => "certificate-payload",
            Error::CertificateWrongProduct { .. } => "certificate-wrong-product",
            Error::CertificateOtherKey { .. } => "certificate-other-key",
            Error::CertificateUsage { .. } => "certificate-usage",
            Error::CertificateWindow { .. } => "certificate-window",
        }
    }

    /// The variant's data, for a front end's words and its JSON: the arguments of its
    /// message `error-CODE` (`license-i18n`'s shared files). Members, by code:
    ///
    /// | code | members |
    /// |---|---|
    /// | `too-large` | `what` (a code: `license-file`, `activation-request`, `key-file`, `clock-reset-request`), `size`, `limit` (bytes, numbers) |
    /// | `armor` | `problem` (a code of [`ArmorProblem`]) and its data |
    /// | `base64` | `problem` (a code of [`Base64Problem`]) and its data |
    /// | `envelope` | `problem` (a code of [`EnvelopeProblem`], or of [`JsonProblem`]) and its data |
    /// | `payload`, `catalog` | `problem` (a code of [`JsonProblem`]) and its data |
    /// | `request`, `clock-reset-request` | `problem` (a code of [`RequestProblem`], or of [`JsonProblem`] or [`TextProblem`](crate::problem::TextProblem)) and its data |
    /// | `key` | `problem` (a code of [`KeyProblem`]) and its data |
    /// | `unsupported-format` | `found`, `known` (the formats read, quoted, joined by ", " and a last " and ") |
    /// | `wrong-document-kind` | `expected`, `found` (formats such as `license-file/v1`) |
    /// | `unsupported-algorithm`, `malformed-key-id` | `found` |
    /// | `unknown-key`, `weak-key`, `signed-by-root`, `certificate-not-by-root` | `kid` (16 hex digits) |
    /// | `bad-signature`, `certificate-bad-signature` | none |
    /// | `certificate-payload` | `problem` (a code of [`JsonProblem`]) and its data |
    /// | `certificate-wrong-product` | `expected`, `found` |
    /// | `certificate-other-key` | `kid` (the document's signer), `certified` (the certificate's key) |
    /// | `certificate-usage` | `kid`, `document` (a kind: `license-file`, `clock-reset`, `revocation-list`) |
    /// | `certificate-window` | `kid`, `issued_at`, `valid_from`, `valid_until` (RFC 3339) |
    /// | `invalid-payload` | `field`, `problem` (a code of [`PayloadProblem`], or of [`TextProblem`](crate::problem::TextProblem)) and its data |
    /// | `wrong-product` | `expected`, `found` |
    ///
    /// A problem's data sit beside `problem`, under the names its `details` gives; no
    /// member is named `code` or `text`, which a front end's JSON adds.
    ///
    /// ```
    /// use license_format::Error;
    /// let e = Error::WrongProduct { expected: "crm".into(), found: "hr".into() };
    /// assert_eq!(e.details()["found"], "hr");
    /// ```
    pub fn details(&self) -> serde_json::Map<String, serde_json::Value> {
        use serde_json::json;
        let value = match self {
            Error::TooLarge { what, size, limit } => {
                json!({"what": what.replace(' ', "-"), "size": size, "limit": limit})
            }
            Error::Armor(p) => return with_problem(json!({}), p.code(), p.details()),
            Error::Base64(p) => return with_problem(json!({}), p.code(), p.details()),
            Error::Envelope(p) => return with_problem(json!({}), p.code(), p.details()),
            Error::Payload(p) | Error::Catalog(p) | Error::CertificatePayload(p) => {
                return with_problem(json!({}), p.code(), p.details())
            }
            Error::Request(p) | Error::ClockResetRequest(p) => {
                return with_problem(json!({}), p.code(), p.details())
            }
            Error::Key(p) => return with_problem(json!({}), p.code(), p.details()),
            Error::UnsupportedFormat { found } => json!({"found": found, "known": known_formats()}),
            Error::WrongDocumentKind { expected, found } => {
                json!({"expected": expected, "found": found})
            }
            Error::UnsupportedAlgorithm { found } | Error::MalformedKeyId { found } => {
                json!({ "found": found })
            }
            Error::UnknownKey { kid }
            | Error::WeakKey { kid }
            | Error::SignedByRoot { kid }
            | Error::CertificateNotByRoot { kid } => json!({"kid": kid.to_string()}),
            Error::BadSignature | Error::CertificateBadSignature => json!({}),
            Error::CertificateWrongProduct { expected, found } => {
                json!({"expected": expected, "found": found})
            }
            Error::CertificateOtherKey { kid, certified } => {
                json!({"kid": kid.to_string(), "certified": certified.to_string()})
            }
            Error::CertificateUsage { kid, document } => {
                json!({"kid": kid.to_string(), "document": document.code()})
            }
            Error::CertificateWindow {
                kid,
                issued_at,
                valid_from,
                valid_until,
            } => json!({"kid": kid.to_string(), "issued_at": format_rfc3339(issued_at),
                "valid_from": format_rfc3339(valid_from), "valid_until": format_rfc3339(valid_until)}),
            Error::InvalidPayload { field, problem } => {
                return with_problem(json!({ "field": field }), problem.code(), problem.details())
            }
            Error::WrongProduct { expected, found } => {
                json!({"expected": expected, "found": found})
            }
        };
        match value {
            serde_json::Value::Object(map) => map,
            // Every arm above builds an object.
            _ => serde_json::Map::new(),
        }
    }
}

/// An error's own members, `problem` (a code) and the problem's data.
fn with_problem(
    base: serde_json::Value,
    code: &str,
    data: serde_json::Map<String, serde_json::Value>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut map = match base {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    map.insert("problem".into(), code.into());
    map.extend(data);
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kid() -> KeyId {
        "0123456789abcdef".parse().unwrap()
    }

    #[test]
    fn every_variant_gives_its_data() {
        let text = |s: &str| s.to_owned();
        let table: Vec<(Error, serde_json::Value)> = vec![
            (
                Error::TooLarge {
                    what: "license file",
                    size: 9,
                    limit: 8,
                },
                json!({"what": "license-file", "size": 9, "limit": 8}),
            ),
            (
                Error::Armor(ArmorProblem::SecondBlock {
                    kind: crate::DocumentKind::LicenseFile,
                    line: 8,
                }),
                json!({"problem": "second-block", "document": "license-file", "line": 8,
                    "begin_line": "-----BEGIN LICENSE FILE-----",
                    "end_line": "-----END LICENSE FILE-----"}),
            ),
            (
                Error::Base64(Base64Problem::InvalidByte {
                    offset: 3,
                    byte: 61,
                }),
                json!({"problem": "invalid-byte", "offset": 3, "byte": 61}),
            ),
            (
                Error::Envelope(EnvelopeProblem::Json(JsonProblem::MissingMember {
                    member: text("kid"),
                    line: 1,
                    column: 9,
                })),
                json!({"problem": "missing-member", "member": "kid", "line": 1, "column": 9}),
            ),
            (
                Error::UnsupportedFormat {
                    found: text("x/v9"),
                },
                json!({"found": "x/v9", "known": known_formats()}),
            ),
            (
                Error::WrongDocumentKind {
                    expected: "license-file/v1",
                    found: "clock-reset/v1",
                },
                json!({"expected": "license-file/v1", "found": "clock-reset/v1"}),
            ),
            (
                Error::UnsupportedAlgorithm { found: text("rsa") },
                json!({"found": "rsa"}),
            ),
            (
                Error::MalformedKeyId { found: text("AB") },
                json!({"found": "AB"}),
            ),
            (
                Error::UnknownKey { kid: kid() },
                json!({"kid": "0123456789abcdef"}),
            ),
            (Error::BadSignature, json!({})),
            (
                Error::Payload(JsonProblem::NotJson {
                    line: 1,
                    column: 2,
                    detail: text("expected value"),
                }),
                json!({"problem": "not-json", "line": 1, "column": 2, "detail": "expected value"}),
            ),
            (
                Error::InvalidPayload {
                    field: text("user_plans[0].code"),
                    problem: PayloadProblem::UnknownCode {
                        catalog_code: text("x"),
                        kind: crate::LicenseKind::UserPlan,
                        suggestion: None,
                    },
                },
                json!({"field": "user_plans[0].code", "problem": "unknown-code",
                    "catalog_code": "x", "kind": "plan", "suggestion": null}),
            ),
            (
                Error::WrongProduct {
                    expected: text("a"),
                    found: text("b"),
                },
                json!({"expected": "a", "found": "b"}),
            ),
            (
                Error::Request(RequestProblem::Member {
                    member: "hostname",
                    problem: crate::TextProblem::TooLong {
                        length: 300,
                        max: 255,
                    },
                }),
                json!({"problem": "too-long", "member": "hostname", "length": 300, "max": 255}),
            ),
            (
                Error::ClockResetRequest(RequestProblem::IsActivationRequest),
                json!({"problem": "is-activation-request"}),
            ),
            (
                Error::Key(KeyProblem::NotOneKey { count: 2 }),
                json!({"problem": "not-one-key", "count": 2}),
            ),
            (
                Error::WeakKey { kid: kid() },
                json!({"kid": "0123456789abcdef"}),
            ),
            (
                Error::SignedByRoot { kid: kid() },
                json!({"kid": "0123456789abcdef"}),
            ),
            (
                Error::CertificateNotByRoot { kid: kid() },
                json!({"kid": "0123456789abcdef"}),
            ),
            (Error::CertificateBadSignature, json!({})),
            (
                Error::CertificatePayload(JsonProblem::UnknownMember {
                    member: text("note"),
                    line: 1,
                    column: 5,
                }),
                json!({"problem": "unknown-member", "member": "note", "line": 1, "column": 5}),
            ),
            (
                Error::CertificateWrongProduct {
                    expected: text("a"),
                    found: text("b"),
                },
                json!({"expected": "a", "found": "b"}),
            ),
            (
                Error::CertificateOtherKey {
                    kid: kid(),
                    certified: "fedcba9876543210".parse().unwrap(),
                },
                json!({"kid": "0123456789abcdef", "certified": "fedcba9876543210"}),
            ),
            (
                Error::CertificateUsage {
                    kid: kid(),
                    document: crate::DocumentKind::RevocationList,
                },
                json!({"kid": "0123456789abcdef", "document": "revocation-list"}),
            ),
            (
                Error::CertificateWindow {
                    kid: kid(),
                    issued_at: crate::time::parse_rfc3339("2028-01-01T00:00:00Z").unwrap(),
                    valid_from: crate::time::parse_rfc3339("2026-01-01T00:00:00Z").unwrap(),
                    valid_until: crate::time::parse_rfc3339("2027-01-01T00:00:00Z").unwrap(),
                },
                json!({"kid": "0123456789abcdef", "issued_at": "2028-01-01T00:00:00Z",
                    "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2027-01-01T00:00:00Z"}),
            ),
        ];
        assert_eq!(table.len(), 25, "one row per variant");
        let _ = text;
        for (error, expected) in table {
            assert_eq!(
                serde_json::Value::Object(error.details()),
                expected,
                "{}",
                error.code()
            );
        }
    }
}
