//! What exactly is wrong inside an [`Error`](crate::Error) that names a part of a
//! document (the armor, its base64, the envelope, the payload, a request, a key): typed
//! data with a stable code, so that a front end says it in its own language (message
//! `problem-format-ERRORCODE-PROBLEM`, or `problem-format-PROBLEM` for the JSON and text
//! problems that several errors share; `license-i18n` renders them) and a script matches
//! on it. The `Display` texts are English, for Rust developers and logs.

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use crate::constants::{NONCE_BYTES, REQUEST_FORMAT_V1};
use crate::time::{format_rfc3339, TimestampProblem};
use crate::{DocumentKind, LicenseKind};

/// Why the armor cannot be read ([`Error::Armor`](crate::Error::Armor)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArmorProblem {
    /// The input has no BEGIN line of the kind asked for (nor of another kind).
    #[error("no {} found: the input has no {} line; give the {} the vendor sent", kind.short_noun(), kind.armor_begin(), kind.noun())]
    NoBlock {
        /// The kind of document asked for.
        kind: DocumentKind,
    },
    /// A second BEGIN line.
    #[error("line {line}: a second {} line: a file holds exactly one {}; split it into one file per {}", kind.armor_begin(), kind.short_noun(), kind.short_noun())]
    SecondBlock {
        /// The kind of document.
        kind: DocumentKind,
        /// The second BEGIN line's number, from 1.
        line: usize,
    },
    /// A BEGIN line without an END line after it.
    #[error("{} without {}: the file is cut short; copy the whole file", kind.armor_begin(), kind.armor_end())]
    Unterminated {
        /// The kind of document.
        kind: DocumentKind,
    },
    /// A byte in the body that is neither base64 nor whitespace.
    #[error("line {line}: character {} is not allowed in the body (only base64 and whitespace): the file was damaged; ask for it again", describe_byte(*byte))]
    ForeignCharacter {
        /// The line's number, from 1.
        line: usize,
        /// The byte.
        byte: u8,
    },
}

/// The code of a kind of document in data: its format without the version,
/// `license-file`, `clock-reset`, `key-certificate` or `revocation-list`.
fn document_code(kind: DocumentKind) -> &'static str {
    kind.code()
}

/// A byte as a message shows it: `'x'` for printable ASCII, else `0xNN`.
fn describe_byte(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("{:?}", b as char)
    } else {
        format!("0x{b:02x}")
    }
}

impl ArmorProblem {
    /// A stable code, lowercase kebab-case: the `problem` of the error's details.
    pub fn code(&self) -> &'static str {
        match self {
            ArmorProblem::NoBlock { .. } => "no-block",
            ArmorProblem::SecondBlock { .. } => "second-block",
            ArmorProblem::Unterminated { .. } => "unterminated",
            ArmorProblem::ForeignCharacter { .. } => "foreign-character",
        }
    }

    /// The problem's data: `document` (`license-file` or `clock-reset`),
    /// `begin_line`, `end_line` (the markers), `line` (from 1), `character` (`'x'` or
    /// `0xNN`).
    pub fn details(&self) -> Map<String, Value> {
        let markers = |k: &DocumentKind| json!({"document": document_code(*k), "begin_line": k.armor_begin(), "end_line": k.armor_end()});
        object(match self {
            ArmorProblem::NoBlock { kind } | ArmorProblem::Unterminated { kind } => markers(kind),
            ArmorProblem::SecondBlock { kind, line } => {
                let mut map = object(markers(kind));
                map.insert("line".into(), (*line).into());
                Value::Object(map)
            }
            ArmorProblem::ForeignCharacter { line, byte } => {
                json!({"line": line, "character": describe_byte(*byte)})
            }
        })
    }
}

/// Why an armor body is not base64 ([`Error::Base64`](crate::Error::Base64)): the
/// decoder's findings, offsets in the body without whitespace, from 0.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Base64Problem {
    /// A symbol outside the alphabet, or padding in the wrong place.
    #[error("Invalid symbol {byte}, offset {offset}.")]
    InvalidByte {
        /// Where.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// A length that no base64 text has.
    #[error("Invalid input length: {length}")]
    InvalidLength {
        /// The number of base64 symbols.
        length: usize,
    },
    /// A last symbol with bits set that encode nothing.
    #[error("Invalid last symbol {byte}, offset {offset}.")]
    InvalidLastSymbol {
        /// Where.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// Missing or extra padding.
    #[error("Invalid padding")]
    InvalidPadding,
}

impl Base64Problem {
    /// A stable code, lowercase kebab-case.
    pub fn code(&self) -> &'static str {
        match self {
            Base64Problem::InvalidByte { .. } => "invalid-byte",
            Base64Problem::InvalidLength { .. } => "invalid-length",
            Base64Problem::InvalidLastSymbol { .. } => "invalid-last-symbol",
            Base64Problem::InvalidPadding => "invalid-padding",
        }
    }

    /// The problem's data: `offset`, `byte`, `length` (numbers).
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            Base64Problem::InvalidByte { offset, byte }
            | Base64Problem::InvalidLastSymbol { offset, byte } => {
                json!({"offset": offset, "byte": byte})
            }
            Base64Problem::InvalidLength { length } => json!({ "length": length }),
            Base64Problem::InvalidPadding => json!({}),
        })
    }
}

impl From<base64::DecodeError> for Base64Problem {
    fn from(e: base64::DecodeError) -> Self {
        match e {
            base64::DecodeError::InvalidByte(offset, byte) => {
                Base64Problem::InvalidByte { offset, byte }
            }
            base64::DecodeError::InvalidLength(length) => Base64Problem::InvalidLength { length },
            base64::DecodeError::InvalidLastSymbol(offset, byte) => {
                Base64Problem::InvalidLastSymbol { offset, byte }
            }
            base64::DecodeError::InvalidPadding => Base64Problem::InvalidPadding,
        }
    }
}

/// Why a JSON document does not have the shape of its kind (the envelope, a payload, a
/// request). Lines and columns count from 1, columns in bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonProblem {
    /// Not JSON, or JSON whose value has the wrong type. `detail` is the JSON parser's
    /// own words (English, serde_json's): the one place where they remain.
    #[error("{detail} at line {line} column {column}")]
    NotJson {
        /// The line.
        line: usize,
        /// The column.
        column: usize,
        /// serde_json's message, without the position.
        detail: String,
    },
    /// A member the document must have.
    #[error("missing field `{member}` at line {line} column {column}")]
    MissingMember {
        /// Its name.
        member: String,
        /// The line.
        line: usize,
        /// The column.
        column: usize,
    },
    /// A member the object may not hold.
    #[error("unknown field `{member}` at line {line} column {column}")]
    UnknownMember {
        /// Its name, as found.
        member: String,
        /// The line.
        line: usize,
        /// The column.
        column: usize,
    },
    /// A member given twice in one object.
    #[error("duplicate field `{member}` at line {line} column {column}")]
    DuplicateMember {
        /// Its name.
        member: String,
        /// The line.
        line: usize,
        /// The column.
        column: usize,
    },
    /// A timestamp member that is not an RFC 3339 timestamp of the format.
    #[error("{value:?} is not an RFC 3339 timestamp like 2026-12-01T00:00:00Z ({reason}) at line {line} column {column}")]
    NotATimestamp {
        /// The text found.
        value: String,
        /// What is wrong with it.
        reason: TimestampProblem,
        /// The line.
        line: usize,
        /// The column.
        column: usize,
    },
}

impl JsonProblem {
    /// A stable code, lowercase kebab-case.
    pub fn code(&self) -> &'static str {
        match self {
            JsonProblem::NotJson { .. } => "not-json",
            JsonProblem::MissingMember { .. } => "missing-member",
            JsonProblem::UnknownMember { .. } => "unknown-member",
            JsonProblem::DuplicateMember { .. } => "duplicate-member",
            JsonProblem::NotATimestamp { .. } => "not-a-timestamp",
        }
    }

    /// The problem's data: `line`, `column` (numbers), and `detail`, `member`, or
    /// `value` and `reason` (a code of [`TimestampProblem`]).
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            JsonProblem::NotJson {
                line,
                column,
                detail,
            } => json!({"line": line, "column": column, "detail": detail}),
            JsonProblem::MissingMember {
                member,
                line,
                column,
            }
            | JsonProblem::UnknownMember {
                member,
                line,
                column,
            }
            | JsonProblem::DuplicateMember {
                member,
                line,
                column,
            } => json!({"member": member, "line": line, "column": column}),
            JsonProblem::NotATimestamp {
                value,
                reason,
                line,
                column,
            } => json!({"value": value, "reason": reason.code(), "line": line, "column": column}),
        })
    }
}

/// What is wrong with an id, a name or a hostname (FORMAT.md §1.4 rule 8).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextProblem {
    /// Empty or blank.
    #[error("must not be empty")]
    Empty,
    /// Longer than the format allows.
    #[error("is {length} bytes, over the limit of {max} bytes")]
    TooLong {
        /// Its length in bytes.
        length: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// An id holding a control character.
    #[error("{value:?} holds a control character: it was damaged or edited")]
    ControlCharacter {
        /// The id.
        value: String,
    },
    /// An id holding a character outside printable ASCII, or a space.
    #[error("{value:?} holds {character:?}: an id is printable ASCII without spaces")]
    NotPrintableAscii {
        /// The id.
        value: String,
        /// The first such character.
        character: char,
    },
    /// A name or hostname holding a control, line-break or bidi character.
    #[error("{} holds U+{:04X}, a control, line-break or bidirectional-override character", crate::text::escape_for_display(value), u32::from(*character))]
    ForbiddenCharacter {
        /// The text.
        value: String,
        /// The first such character.
        character: char,
    },
}

impl TextProblem {
    /// A stable code, lowercase kebab-case.
    pub fn code(&self) -> &'static str {
        match self {
            TextProblem::Empty => "empty",
            TextProblem::TooLong { .. } => "too-long",
            TextProblem::ControlCharacter { .. } => "control-character",
            TextProblem::NotPrintableAscii { .. } => "not-printable-ascii",
            TextProblem::ForbiddenCharacter { .. } => "forbidden-character",
        }
    }

    /// The problem's data: `length`, `max` (numbers), `value`, `character` (the
    /// character itself), `codepoint` (`U+XXXX`).
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            TextProblem::Empty => json!({}),
            TextProblem::TooLong { length, max } => json!({"length": length, "max": max}),
            TextProblem::ControlCharacter { value } => json!({ "value": value }),
            TextProblem::NotPrintableAscii { value, character } => {
                json!({"value": value, "character": character.to_string()})
            }
            TextProblem::ForbiddenCharacter { value, character } => json!({
                "value": value,
                "codepoint": format!("U+{:04X}", u32::from(*character)),
            }),
        })
    }
}

/// What is wrong with the envelope ([`Error::Envelope`](crate::Error::Envelope)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EnvelopeProblem {
    /// Not the JSON object of FORMAT.md §3.
    #[error(transparent)]
    Json(JsonProblem),
    /// `payload` or `sig` is not standard base64.
    #[error("{member} is not standard base64")]
    NotBase64 {
        /// `payload` or `sig`.
        member: &'static str,
    },
    /// `sig` does not decode to 64 bytes.
    #[error("sig is {length} bytes, an Ed25519 signature is 64")]
    SignatureLength {
        /// The decoded length.
        length: usize,
    },
    /// A key certificate's envelope carrying a certificate of its own: a root signs
    /// certificates directly, so there is no chain to carry (FORMAT.md §3.1).
    #[error("a key certificate carries no cert member: a root key signs it directly")]
    CertificateInCertificate,
}

impl EnvelopeProblem {
    /// A stable code, lowercase kebab-case; a JSON problem's own code.
    pub fn code(&self) -> &'static str {
        match self {
            EnvelopeProblem::Json(p) => p.code(),
            EnvelopeProblem::NotBase64 { .. } => "not-base64",
            EnvelopeProblem::SignatureLength { .. } => "signature-length",
            EnvelopeProblem::CertificateInCertificate => "certificate-in-certificate",
        }
    }

    /// The problem's data: a JSON problem's, `member`, or `length`.
    pub fn details(&self) -> Map<String, Value> {
        match self {
            EnvelopeProblem::Json(p) => p.details(),
            EnvelopeProblem::NotBase64 { member } => object(json!({ "member": member })),
            EnvelopeProblem::SignatureLength { length } => object(json!({ "length": length })),
            EnvelopeProblem::CertificateInCertificate => Map::new(),
        }
    }
}

/// A payload member holding a value the format forbids
/// ([`Error::InvalidPayload`](crate::Error::InvalidPayload)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PayloadProblem {
    /// An id or name that breaks the string rules.
    #[error(transparent)]
    Text(TextProblem),
    /// A number outside its range.
    #[error("must be between {min} and {max}")]
    OutOfRange {
        /// The number found.
        value: u64,
        /// The least allowed.
        min: u64,
        /// The largest allowed.
        max: u64,
    },
    /// `grace_days` over its limit.
    #[error("{days} is over the limit of {max} days")]
    TooManyDays {
        /// The days found.
        days: u32,
        /// The limit.
        max: u32,
    },
    /// The license's `valid_until` is not after its `valid_from`.
    #[error("must be after valid_from")]
    NotAfterStart,
    /// A grant's `valid_until` is not after the license's `valid_from`.
    #[error("must be after the license's valid_from")]
    GrantNotAfterStart,
    /// A grant ending after the license.
    #[error(
        "{} outlives the license, which ends {}",
        format_rfc3339(ends_at),
        format_rfc3339(license_ends_at)
    )]
    OutlivesLicense {
        /// The grant's exclusive end.
        ends_at: DateTime<Utc>,
        /// The license's exclusive end.
        license_ends_at: DateTime<Utc>,
    },
    /// A catalog code listed under the other kind of license.
    #[error("{catalog_code:?} is a {kind}, not a {expected}")]
    OtherKind {
        /// The code.
        catalog_code: String,
        /// The kind the catalog gives it.
        kind: LicenseKind,
        /// The kind of the list it is in.
        expected: LicenseKind,
    },
    /// A code the catalog does not hold.
    #[error("unknown {kind} {catalog_code:?}{}", suggestion.as_ref().map(|s| format!("; did you mean {s:?}?")).unwrap_or_default())]
    UnknownCode {
        /// The code.
        catalog_code: String,
        /// The kind of the list it is in.
        kind: LicenseKind,
        /// The nearest code of that kind, if one is near.
        suggestion: Option<String>,
    },
    /// A code listed twice.
    #[error("{catalog_code:?} is given twice; give each code once")]
    CodeTwice {
        /// The code.
        catalog_code: String,
    },
    /// A nonce that is not 32 lowercase hex digits.
    #[error("nonce {value:?} is not {} lowercase hex digits (128 bits): the request was damaged or edited; ask the installation for a new request", NONCE_BYTES * 2)]
    MalformedNonce {
        /// The nonce found.
        value: String,
    },
    /// A key id in a payload that is not 16 lowercase hex digits (FORMAT.md §4).
    #[error("{value:?} is not a key id (16 lowercase hex digits)")]
    MalformedKeyId {
        /// The text found.
        value: String,
    },
    /// A certificate's `key` that is not the base64 of an Ed25519 public key a verifier
    /// may trust: not 32 bytes, not a curve point, or of small order (FORMAT.md §16.2).
    #[error("is not the base64 of a 32-byte Ed25519 public key of full order")]
    MalformedKey,
    /// A certificate whose `kid` is not the id of its `key` (FORMAT.md §16.2).
    #[error("{found} is not the id of the certified key, which is {kid}")]
    KeyIdMismatch {
        /// The id of the `key` member, as FORMAT.md §4 derives it.
        kid: String,
        /// The `kid` member as found.
        found: String,
    },
    /// A `usage` entry that names no kind a certificate can permit (FORMAT.md §16.2).
    #[error("{value:?} is not a usage: license-file, clock-reset or revocation-list")]
    UnknownUsage {
        /// The entry found.
        value: String,
    },
    /// A `usage` entry given twice.
    #[error("{value:?} is given twice; give each usage once")]
    UsageTwice {
        /// The entry.
        value: String,
    },
    /// An empty `usage`: a certificate that permits nothing is an issuing mistake.
    #[error("must name at least one kind of document")]
    NoUsage,
    /// A revocation list entry not strictly after the one before it: the lists are
    /// sorted by byte value, each entry once (FORMAT.md §17.2).
    #[error("{value:?} is not after the entry before it: the list is sorted by byte value, each entry once")]
    NotAscending {
        /// The entry's id.
        value: String,
    },
}

/// The code of a license kind in data: `system` or `plan`, as the issuer gives it.
fn kind_code(kind: LicenseKind) -> &'static str {
    match kind {
        LicenseKind::System => "system",
        LicenseKind::UserPlan => "plan",
    }
}

impl PayloadProblem {
    /// A stable code, lowercase kebab-case; a text problem's own code.
    pub fn code(&self) -> &'static str {
        match self {
            PayloadProblem::Text(p) => p.code(),
            PayloadProblem::OutOfRange { .. } => "out-of-range",
            PayloadProblem::TooManyDays { .. } => "too-many-days",
            PayloadProblem::NotAfterStart => "not-after-start",
            PayloadProblem::GrantNotAfterStart => "grant-not-after-start",
            PayloadProblem::OutlivesLicense { .. } => "outlives-license",
            PayloadProblem::OtherKind { .. } => "other-kind",
            PayloadProblem::UnknownCode { .. } => "unknown-code",
            PayloadProblem::CodeTwice { .. } => "code-twice",
            PayloadProblem::MalformedNonce { .. } => "malformed-nonce",
            PayloadProblem::MalformedKeyId { .. } => "malformed-key-id",
            PayloadProblem::MalformedKey => "malformed-key",
            PayloadProblem::KeyIdMismatch { .. } => "key-id-mismatch",
            PayloadProblem::UnknownUsage { .. } => "unknown-usage",
            PayloadProblem::UsageTwice { .. } => "usage-twice",
            PayloadProblem::NoUsage => "no-usage",
            PayloadProblem::NotAscending { .. } => "not-ascending",
        }
    }

    /// The problem's data: a text problem's; `value`, `min`, `max`; `days`, `max`;
    /// `ends_at`, `license_ends_at` (RFC 3339); `catalog_code`, `kind`, `expected`
    /// (`system` or `plan`), `suggestion` (`null` for none); `value` (a nonce, a key id,
    /// a usage, an entry of a revocation list); `kid`, `found` (key ids).
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            PayloadProblem::Text(p) => return p.details(),
            PayloadProblem::OutOfRange { value, min, max } => {
                json!({"value": value, "min": min, "max": max})
            }
            PayloadProblem::TooManyDays { days, max } => json!({"days": days, "max": max}),
            PayloadProblem::NotAfterStart | PayloadProblem::GrantNotAfterStart => json!({}),
            PayloadProblem::OutlivesLicense {
                ends_at,
                license_ends_at,
            } => json!({"ends_at": format_rfc3339(ends_at),
                "license_ends_at": format_rfc3339(license_ends_at)}),
            PayloadProblem::OtherKind {
                catalog_code,
                kind,
                expected,
            } => json!({"catalog_code": catalog_code, "kind": kind_code(*kind),
                "expected": kind_code(*expected)}),
            PayloadProblem::UnknownCode {
                catalog_code,
                kind,
                suggestion,
            } => json!({"catalog_code": catalog_code, "kind": kind_code(*kind),
                "suggestion": suggestion}),
            PayloadProblem::CodeTwice { catalog_code } => json!({ "catalog_code": catalog_code }),
            PayloadProblem::MalformedNonce { value }
            | PayloadProblem::MalformedKeyId { value }
            | PayloadProblem::UnknownUsage { value }
            | PayloadProblem::UsageTwice { value }
            | PayloadProblem::NotAscending { value } => json!({ "value": value }),
            PayloadProblem::MalformedKey | PayloadProblem::NoUsage => json!({}),
            PayloadProblem::KeyIdMismatch { kid, found } => json!({"kid": kid, "found": found}),
        })
    }
}

/// What is wrong with an activation or clock-reset request
/// ([`Error::Request`](crate::Error::Request),
/// [`Error::ClockResetRequest`](crate::Error::ClockResetRequest)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestProblem {
    /// Not the JSON object of the request.
    #[error(transparent)]
    Json(JsonProblem),
    /// The `format` member names something else.
    #[error("format {found} is not {expected:?}: this is not the request expected")]
    WrongFormat {
        /// The member as found, as JSON (a string with its quotes).
        found: String,
        /// The format of the request expected.
        expected: &'static str,
    },
    /// An activation request given for a clock-reset request.
    #[error("this is an activation request ({REQUEST_FORMAT_V1}), not a clock-reset request")]
    IsActivationRequest,
    /// A signed document given for a request.
    #[error("this is a {}, not a clock-reset request", kind.noun())]
    IsDocument {
        /// Its kind.
        kind: DocumentKind,
    },
    /// `installation_id` or `hostname` breaks the string rules.
    #[error("{member} {problem}")]
    Member {
        /// `installation_id` or `hostname`.
        member: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
    /// A nonce that is not 32 lowercase hex digits.
    #[error("nonce {value:?} is not {} lowercase hex digits (128 bits): the request was damaged or edited; ask the installation for a new request", NONCE_BYTES * 2)]
    MalformedNonce {
        /// The nonce found.
        value: String,
    },
}

impl RequestProblem {
    /// A stable code, lowercase kebab-case; a JSON or text problem's own code.
    pub fn code(&self) -> &'static str {
        match self {
            RequestProblem::Json(p) => p.code(),
            RequestProblem::WrongFormat { .. } => "wrong-format",
            RequestProblem::IsActivationRequest => "is-activation-request",
            RequestProblem::IsDocument { .. } => "is-document",
            RequestProblem::Member { problem, .. } => problem.code(),
            RequestProblem::MalformedNonce { .. } => "malformed-nonce",
        }
    }

    /// The problem's data: a JSON problem's; `found` (JSON text), `expected`; `document` (`license-file` or
    /// `clock-reset`); `member` with a text problem's data; `value` (a nonce).
    pub fn details(&self) -> Map<String, Value> {
        match self {
            RequestProblem::Json(p) => p.details(),
            RequestProblem::WrongFormat { found, expected } => {
                object(json!({"found": found, "expected": expected}))
            }
            RequestProblem::IsActivationRequest => Map::new(),
            RequestProblem::IsDocument { kind } => {
                object(json!({ "document": document_code(*kind) }))
            }
            RequestProblem::Member { member, problem } => {
                let mut map = problem.details();
                map.insert("member".into(), (*member).into());
                map
            }
            RequestProblem::MalformedNonce { value } => object(json!({ "value": value })),
        }
    }
}

/// Why a key or a keyring cannot be read ([`Error::Key`](crate::Error::Key)); lines
/// count from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyProblem {
    /// The text holds no `PUBLIC KEY` block.
    #[error("no -----BEGIN PUBLIC KEY----- block found: give the vendor's .pub file")]
    NoPublicKey,
    /// A `BEGIN PUBLIC KEY` line without its END line.
    #[error(
        "-----BEGIN PUBLIC KEY----- without -----END PUBLIC KEY-----: the key file is cut short"
    )]
    Unterminated,
    /// Another PEM marker inside a `PUBLIC KEY` block.
    #[error("line {line}: {marker} inside a PUBLIC KEY block: the key file is damaged")]
    MarkerInBlock {
        /// The line.
        line: usize,
        /// The marker line, trimmed.
        marker: String,
    },
    /// A private key beside public keys.
    #[error("line {line}: {marker}: a private key does not belong in a keyring; remove it, and keep it secret")]
    PrivateKeyInKeyring {
        /// The line.
        line: usize,
        /// The marker line, trimmed.
        marker: String,
    },
    /// Another kind of PEM block beside public keys.
    #[error("line {line}: {marker}: a keyring holds PUBLIC KEY blocks only")]
    ForeignBlock {
        /// The line.
        line: usize,
        /// The marker line, trimmed.
        marker: String,
    },
    /// A block whose base64 is not wrapped as RFC 7468 says.
    #[error("line {line}: a PUBLIC KEY block's base64 is on lines of {width} characters, the last one shorter, no blank line")]
    Wrapping {
        /// The block's END line.
        line: usize,
        /// The width of every line but the last.
        width: usize,
    },
    /// A block that is not base64.
    #[error("line {line}: a PUBLIC KEY block is not valid base64")]
    NotBase64 {
        /// The block's END line.
        line: usize,
    },
    /// An Ed25519 key block whose key is not 32 bytes.
    #[error("line {line}: a PUBLIC KEY block is not an Ed25519 key of 32 bytes")]
    KeyLength {
        /// The block's END line.
        line: usize,
    },
    /// A block holding another algorithm's key.
    #[error("line {line}: a PUBLIC KEY block is not an Ed25519 SubjectPublicKeyInfo (OID 1.3.101.112, no parameters)")]
    NotEd25519 {
        /// The block's END line.
        line: usize,
    },
    /// 32 bytes that are not a point of the curve.
    #[error("a PUBLIC KEY block holds 32 bytes that are not an Ed25519 point")]
    NotAPoint,
    /// More than one key where one is expected.
    #[error("the text holds {count} public keys where one is expected")]
    NotOneKey {
        /// The keys found.
        count: usize,
    },
    /// A private key encrypted with a passphrase.
    #[error("the private key is encrypted: decrypt it with its passphrase first")]
    EncryptedPrivateKey,
    /// Text that is not an unencrypted Ed25519 PKCS#8 private key.
    #[error("not an Ed25519 private key in PKCS#8 PEM")]
    NotAPrivateKey,
}

impl KeyProblem {
    /// A stable code, lowercase kebab-case.
    pub fn code(&self) -> &'static str {
        match self {
            KeyProblem::NoPublicKey => "no-public-key",
            KeyProblem::Unterminated => "unterminated",
            KeyProblem::MarkerInBlock { .. } => "marker-in-block",
            KeyProblem::PrivateKeyInKeyring { .. } => "private-key-in-keyring",
            KeyProblem::ForeignBlock { .. } => "foreign-block",
            KeyProblem::Wrapping { .. } => "wrapping",
            KeyProblem::NotBase64 { .. } => "not-base64",
            KeyProblem::KeyLength { .. } => "key-length",
            KeyProblem::NotEd25519 { .. } => "not-ed25519",
            KeyProblem::NotAPoint => "not-a-point",
            KeyProblem::NotOneKey { .. } => "not-one-key",
            KeyProblem::EncryptedPrivateKey => "encrypted-private-key",
            KeyProblem::NotAPrivateKey => "not-a-private-key",
        }
    }

    /// The problem's data: `line`, `marker`, `width`, `count`.
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            KeyProblem::MarkerInBlock { line, marker }
            | KeyProblem::PrivateKeyInKeyring { line, marker }
            | KeyProblem::ForeignBlock { line, marker } => {
                json!({"line": line, "marker": marker})
            }
            KeyProblem::Wrapping { line, width } => json!({"line": line, "width": width}),
            KeyProblem::NotBase64 { line }
            | KeyProblem::KeyLength { line }
            | KeyProblem::NotEd25519 { line } => json!({ "line": line }),
            KeyProblem::NotOneKey { count } => json!({ "count": count }),
            KeyProblem::NoPublicKey
            | KeyProblem::Unterminated
            | KeyProblem::NotAPoint
            | KeyProblem::EncryptedPrivateKey
            | KeyProblem::NotAPrivateKey => json!({}),
        })
    }
}

/// A JSON object's members; every caller builds an object.
fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// One error for every problem of every variant that has problems, and one of each
/// other variant: for the tests of the front ends' words (every message exists in every
/// language, with all its arguments). Not part of the API.
#[doc(hidden)]
pub fn every_error() -> Vec<crate::Error> {
    use crate::Error;
    let kind = DocumentKind::LicenseFile;
    let (line, column) = (3, 14);
    let json = || {
        vec![
            JsonProblem::NotJson {
                line,
                column,
                detail: "expected value".into(),
            },
            JsonProblem::MissingMember {
                member: "kid".into(),
                line,
                column,
            },
            JsonProblem::UnknownMember {
                member: "note".into(),
                line,
                column,
            },
            JsonProblem::DuplicateMember {
                member: "sig".into(),
                line,
                column,
            },
            JsonProblem::NotATimestamp {
                value: "2026-12-01".into(),
                reason: TimestampProblem::Shape,
                line,
                column,
            },
        ]
    };
    let text = || {
        vec![
            TextProblem::Empty,
            TextProblem::TooLong {
                length: 300,
                max: 128,
            },
            TextProblem::ControlCharacter {
                value: "a\u{7}".into(),
            },
            TextProblem::NotPrintableAscii {
                value: "C 1".into(),
                character: ' ',
            },
            TextProblem::ForbiddenCharacter {
                value: "a\u{202E}".into(),
                character: '\u{202E}',
            },
        ]
    };
    let marker = || "-----BEGIN PRIVATE KEY-----".to_owned();
    let t = |s: &str| crate::time::parse_rfc3339(s).unwrap_or_default();
    let mut all = vec![
        Error::Armor(ArmorProblem::NoBlock { kind }),
        Error::Armor(ArmorProblem::SecondBlock { kind, line }),
        Error::Armor(ArmorProblem::Unterminated {
            kind: DocumentKind::ClockReset,
        }),
        Error::Armor(ArmorProblem::ForeignCharacter { line, byte: 0xc3 }),
        Error::Base64(Base64Problem::InvalidByte {
            offset: 7,
            byte: 61,
        }),
        Error::Base64(Base64Problem::InvalidLength { length: 5 }),
        Error::Base64(Base64Problem::InvalidLastSymbol {
            offset: 7,
            byte: 66,
        }),
        Error::Base64(Base64Problem::InvalidPadding),
        Error::Envelope(EnvelopeProblem::NotBase64 { member: "sig" }),
        Error::Envelope(EnvelopeProblem::SignatureLength { length: 63 }),
        Error::Envelope(EnvelopeProblem::CertificateInCertificate),
        Error::Armor(ArmorProblem::NoBlock {
            kind: DocumentKind::KeyCertificate,
        }),
        Error::Armor(ArmorProblem::Unterminated {
            kind: DocumentKind::RevocationList,
        }),
        Error::Request(RequestProblem::WrongFormat {
            found: "\"x/v1\"".into(),
            expected: crate::constants::REQUEST_FORMAT_V1,
        }),
        Error::ClockResetRequest(RequestProblem::WrongFormat {
            found: "\"x/v1\"".into(),
            expected: crate::constants::CLOCK_RESET_REQUEST_FORMAT_V1,
        }),
        Error::ClockResetRequest(RequestProblem::IsActivationRequest),
        Error::ClockResetRequest(RequestProblem::IsDocument { kind }),
        Error::ClockResetRequest(RequestProblem::MalformedNonce { value: "AB".into() }),
    ];
    for p in json() {
        all.push(Error::Envelope(EnvelopeProblem::Json(p.clone())));
        all.push(Error::CertificatePayload(p.clone()));
        all.push(Error::Payload(p.clone()));
        all.push(Error::Request(RequestProblem::Json(p.clone())));
        all.push(Error::ClockResetRequest(RequestProblem::Json(p)));
    }
    for p in text() {
        let field = "customer.name".to_owned();
        all.push(Error::InvalidPayload {
            field,
            problem: PayloadProblem::Text(p.clone()),
        });
        all.push(Error::Request(RequestProblem::Member {
            member: "hostname",
            problem: p.clone(),
        }));
        all.push(Error::ClockResetRequest(RequestProblem::Member {
            member: "installation_id",
            problem: p,
        }));
    }
    let payload = [
        PayloadProblem::OutOfRange {
            value: 0,
            min: 1,
            max: 100_000,
        },
        PayloadProblem::TooManyDays {
            days: 400,
            max: 365,
        },
        PayloadProblem::NotAfterStart,
        PayloadProblem::GrantNotAfterStart,
        PayloadProblem::OutlivesLicense {
            ends_at: t("2028-01-01T00:00:00Z"),
            license_ends_at: t("2027-01-01T00:00:00Z"),
        },
        PayloadProblem::OtherKind {
            catalog_code: "crm-base".into(),
            kind: LicenseKind::System,
            expected: LicenseKind::UserPlan,
        },
        PayloadProblem::UnknownCode {
            catalog_code: "sales-premum".into(),
            kind: LicenseKind::UserPlan,
            suggestion: Some("sales-premium".into()),
        },
        PayloadProblem::UnknownCode {
            catalog_code: "zzz".into(),
            kind: LicenseKind::System,
            suggestion: None,
        },
        PayloadProblem::CodeTwice {
            catalog_code: "crm-base".into(),
        },
        PayloadProblem::MalformedNonce { value: "AB".into() },
        PayloadProblem::MalformedKeyId { value: "AB".into() },
        PayloadProblem::MalformedKey,
        PayloadProblem::KeyIdMismatch {
            kid: "0123456789abcdef".into(),
            found: "fedcba9876543210".into(),
        },
        PayloadProblem::UnknownUsage {
            value: "key-certificate".into(),
        },
        PayloadProblem::UsageTwice {
            value: "license-file".into(),
        },
        PayloadProblem::NoUsage,
        PayloadProblem::NotAscending {
            value: "LIC-000007".into(),
        },
    ];
    for problem in payload {
        all.push(Error::InvalidPayload {
            field: "user_plans[1].seats".into(),
            problem,
        });
    }
    let keys = [
        KeyProblem::NoPublicKey,
        KeyProblem::Unterminated,
        KeyProblem::MarkerInBlock {
            line,
            marker: marker(),
        },
        KeyProblem::PrivateKeyInKeyring {
            line,
            marker: marker(),
        },
        KeyProblem::ForeignBlock {
            line,
            marker: "-----BEGIN CERTIFICATE-----".into(),
        },
        KeyProblem::Wrapping { line, width: 64 },
        KeyProblem::NotBase64 { line },
        KeyProblem::KeyLength { line },
        KeyProblem::NotEd25519 { line },
        KeyProblem::NotAPoint,
        KeyProblem::NotOneKey { count: 2 },
        KeyProblem::EncryptedPrivateKey,
        KeyProblem::NotAPrivateKey,
    ];
    all.extend(keys.into_iter().map(Error::Key));
    let kid = crate::KeyId::of(&ed25519_dalek::VerifyingKey::default());
    all.extend([
        Error::TooLarge {
            what: "key file",
            size: 9,
            limit: 8,
        },
        Error::UnsupportedFormat { found: "x".into() },
        Error::WrongDocumentKind {
            expected: "license-file/v1",
            found: "clock-reset/v1",
        },
        Error::UnsupportedAlgorithm {
            found: "rsa".into(),
        },
        Error::MalformedKeyId { found: "AB".into() },
        Error::UnknownKey { kid },
        Error::BadSignature,
        Error::WrongProduct {
            expected: "a".into(),
            found: "b".into(),
        },
        Error::WeakKey { kid },
        Error::SignedByRoot { kid },
        Error::CertificateNotByRoot { kid },
        Error::CertificateBadSignature,
        Error::CertificateWrongProduct {
            expected: "a".into(),
            found: "b".into(),
        },
        Error::CertificateOtherKey {
            kid,
            certified: kid,
        },
        Error::CertificateUsage {
            kid,
            document: DocumentKind::ClockReset,
        },
        Error::CertificateWindow {
            kid,
            issued_at: t("2028-01-01T00:00:00Z"),
            valid_from: t("2026-01-01T00:00:00Z"),
            valid_until: t("2027-01-01T00:00:00Z"),
        },
        Error::TooLarge {
            what: DocumentKind::RevocationList.noun(),
            size: 9,
            limit: 8,
        },
    ]);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_data_beside_their_code() {
        let all = every_error();
        let mut seen = std::collections::BTreeSet::new();
        for e in &all {
            let details = e.details();
            for name in ["code", "text"] {
                assert!(!details.contains_key(name), "{}: {details:?}", e.code());
            }
            if details.contains_key("detail") {
                assert_eq!(details["problem"], "not-json", "{}", e.code());
            }
            let problem = details.get("problem").and_then(Value::as_str);
            seen.insert((e.code(), problem.unwrap_or_default().to_owned()));
        }
        // One row per problem of every variant (the unknown code twice: with and
        // without a suggestion) and one per other variant: adding a problem means
        // adding it to `every_error`, and so to the front ends' tests.
        // The armor problems of the two new kinds and the second too-large repeat a
        // (code, problem) pair on purpose: their words differ by document.
        assert_eq!(seen.len(), all.len() - 4);
        assert_eq!(
            all.len(),
            4 + 4 + 2 + 1 + 2 + 5 + 5 * 5 + 3 * 5 + 17 + 13 + 9 + 8
        );
    }
}
