//! Kinds of signed document (FORMAT.md §13): each kind has its own `format` name, armor
//! label and signature prefix, so that a document of one kind is never accepted as
//! another.

use crate::constants::{
    ARMOR_BEGIN, ARMOR_END, CLOCK_RESET_ARMOR_BEGIN, CLOCK_RESET_ARMOR_END, CLOCK_RESET_FORMAT_V1,
    CLOCK_RESET_SIGNATURE_CONTEXT, FORMAT_V1, KEY_CERTIFICATE_ARMOR_BEGIN,
    KEY_CERTIFICATE_ARMOR_END, KEY_CERTIFICATE_FORMAT_V1, KEY_CERTIFICATE_SIGNATURE_CONTEXT,
    MAX_CLOCK_RESET_BYTES, MAX_KEY_CERTIFICATE_BYTES, MAX_LICENSE_FILE_BYTES,
    MAX_REVOCATION_LIST_BYTES, REVOCATION_LIST_ARMOR_BEGIN, REVOCATION_LIST_ARMOR_END,
    REVOCATION_LIST_FORMAT_V1, REVOCATION_LIST_SIGNATURE_CONTEXT, SIGNATURE_CONTEXT,
};

/// A kind of signed document: what its envelope's `format` names and its armor label
/// says (FORMAT.md §13).
///
/// ```
/// use license_format::DocumentKind;
///
/// let kind = DocumentKind::ClockReset;
/// assert_eq!(kind.format(), "clock-reset/v1");
/// assert_eq!(kind.signature_context(), b"clock-reset/v1\0");
/// assert_eq!(DocumentKind::from_format("license-file/v1"), Some(DocumentKind::LicenseFile));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DocumentKind {
    /// A license file, `license-file/v1` (FORMAT.md §2-§6).
    LicenseFile,
    /// A clock-reset document, `clock-reset/v1` (FORMAT.md §15).
    ClockReset,
    /// A key certificate, `key-certificate/v1`: a root key vouches for an issuing key
    /// (FORMAT.md §16).
    KeyCertificate,
    /// A revocation list, `revocation-list/v1` (FORMAT.md §17).
    RevocationList,
}

impl DocumentKind {
    /// Every kind this crate reads, in a fixed order.
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::LicenseFile,
        DocumentKind::ClockReset,
        DocumentKind::KeyCertificate,
        DocumentKind::RevocationList,
    ];

    /// The envelope's `format` value: `license-file/v1`, `clock-reset/v1`.
    pub fn format(&self) -> &'static str {
        match self {
            DocumentKind::LicenseFile => FORMAT_V1,
            DocumentKind::ClockReset => CLOCK_RESET_FORMAT_V1,
            DocumentKind::KeyCertificate => KEY_CERTIFICATE_FORMAT_V1,
            DocumentKind::RevocationList => REVOCATION_LIST_FORMAT_V1,
        }
    }

    /// The kind whose `format` value is `format`, if this crate knows one.
    pub fn from_format(format: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.format() == format)
    }

    /// The armor's BEGIN line, e.g. `-----BEGIN CLOCK RESET-----`.
    pub fn armor_begin(&self) -> &'static str {
        match self {
            DocumentKind::LicenseFile => ARMOR_BEGIN,
            DocumentKind::ClockReset => CLOCK_RESET_ARMOR_BEGIN,
            DocumentKind::KeyCertificate => KEY_CERTIFICATE_ARMOR_BEGIN,
            DocumentKind::RevocationList => REVOCATION_LIST_ARMOR_BEGIN,
        }
    }

    /// The armor's END line, e.g. `-----END CLOCK RESET-----`.
    pub fn armor_end(&self) -> &'static str {
        match self {
            DocumentKind::LicenseFile => ARMOR_END,
            DocumentKind::ClockReset => CLOCK_RESET_ARMOR_END,
            DocumentKind::KeyCertificate => KEY_CERTIFICATE_ARMOR_END,
            DocumentKind::RevocationList => REVOCATION_LIST_ARMOR_END,
        }
    }

    /// The prefix of every signed message of this kind: the format name and a zero byte.
    pub fn signature_context(&self) -> &'static [u8] {
        match self {
            DocumentKind::LicenseFile => SIGNATURE_CONTEXT,
            DocumentKind::ClockReset => CLOCK_RESET_SIGNATURE_CONTEXT,
            DocumentKind::KeyCertificate => KEY_CERTIFICATE_SIGNATURE_CONTEXT,
            DocumentKind::RevocationList => REVOCATION_LIST_SIGNATURE_CONTEXT,
        }
    }

    /// The largest input of this kind, checked before anything is parsed; a reader
    /// should read at most one byte more.
    pub fn max_bytes(&self) -> usize {
        match self {
            DocumentKind::LicenseFile => MAX_LICENSE_FILE_BYTES,
            DocumentKind::ClockReset => MAX_CLOCK_RESET_BYTES,
            DocumentKind::KeyCertificate => MAX_KEY_CERTIFICATE_BYTES,
            DocumentKind::RevocationList => MAX_REVOCATION_LIST_BYTES,
        }
    }

    /// The kind's name without its version: `license-file`, `clock-reset`,
    /// `key-certificate`, `revocation-list`. A certificate's `usage` lists kinds by
    /// this name (FORMAT.md §16), and error data name kinds by it.
    pub fn code(&self) -> &'static str {
        let format = self.format();
        format.split_once('/').map_or(format, |(code, _)| code)
    }

    /// What a person calls a file of this kind: "license file", "clock-reset file".
    pub fn noun(&self) -> &'static str {
        match self {
            DocumentKind::LicenseFile => "license file",
            DocumentKind::ClockReset => "clock-reset file",
            DocumentKind::KeyCertificate => "key-certificate file",
            DocumentKind::RevocationList => "revocation-list file",
        }
    }

    /// What one document of this kind is called in armor messages.
    pub(crate) fn short_noun(&self) -> &'static str {
        match self {
            DocumentKind::LicenseFile => "license",
            DocumentKind::ClockReset => "clock reset",
            DocumentKind::KeyCertificate => "key certificate",
            DocumentKind::RevocationList => "revocation list",
        }
    }

    /// A dense index, for per-kind tables.
    pub(crate) fn index(&self) -> usize {
        match self {
            DocumentKind::LicenseFile => 0,
            DocumentKind::ClockReset => 1,
            DocumentKind::KeyCertificate => 2,
            DocumentKind::RevocationList => 3,
        }
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.format())
    }
}

/// Which kind of document `input` holds: the first kind, in [`DocumentKind::ALL`]
/// order, whose BEGIN line appears as a whole line (FORMAT.md §2.2 step 3). Nothing is
/// decoded or verified; the answer only says which verification to run.
///
/// ```
/// use license_format::{document_kind, DocumentKind};
///
/// assert_eq!(document_kind(b"note\n-----BEGIN CLOCK RESET-----\nAA==\n"), Some(DocumentKind::ClockReset));
/// assert_eq!(document_kind(b"x-----BEGIN LICENSE FILE-----\n"), None);
/// ```
pub fn document_kind(input: &[u8]) -> Option<DocumentKind> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    DocumentKind::ALL
        .into_iter()
        .find(|kind| crate::armor::has_begin_line(input, *kind))
}

/// The message a signature of `kind` covers: `kind.format() || 0x00 || payload`
/// (FORMAT.md §5.1, §13).
pub fn signed_message_as(kind: DocumentKind, payload: &[u8]) -> Vec<u8> {
    let context = kind.signature_context();
    let mut message = Vec::with_capacity(context.len() + payload.len());
    message.extend_from_slice(context);
    message.extend_from_slice(payload);
    message
}

/// Signs payload bytes as a document of `kind` and returns its armored text.
///
/// The bytes are signed exactly as given; the caller checks them first.
#[cfg(feature = "signing")]
pub fn sign_document(
    kind: DocumentKind,
    payload: &[u8],
    key: &ed25519_dalek::SigningKey,
) -> String {
    use ed25519_dalek::Signer as _;
    let signature = key.sign(&signed_message_as(kind, payload));
    let envelope = crate::Envelope {
        kid: crate::KeyId::of(&key.verifying_key()),
        payload: payload.to_vec(),
        sig: signature.to_bytes(),
    };
    crate::armor_as(kind, &envelope.to_bytes_as(kind))
}

/// Signs payload bytes as a document of `kind` and returns its armored text, carrying
/// `certificate` (an armored key certificate, FORMAT.md §16) in its envelope's `cert`
/// member (FORMAT.md §3.1).
///
/// # Errors
/// The certificate's armor or envelope refusals, [`crate::Error::CertificatePayload`]
/// for a payload that is not a certificate's, and [`crate::Error::CertificateOtherKey`]
/// for the certificate of another key than `key`: a file that no verifier would accept.
/// Whether a trusted root signed the certificate is the verifier's question.
#[cfg(feature = "signing")]
pub fn sign_certified(
    kind: DocumentKind,
    payload: &[u8],
    key: &ed25519_dalek::SigningKey,
    certificate: &[u8],
) -> crate::Result<String> {
    use ed25519_dalek::Signer as _;
    let cert_kind = DocumentKind::KeyCertificate;
    let cert = crate::Envelope::parse_as(&crate::dearmor_as(cert_kind, certificate)?, cert_kind)?;
    let kid = crate::KeyId::of(&key.verifying_key());
    let certified: crate::KeyCertificate =
        crate::json::from_slice(&cert.payload).map_err(crate::Error::CertificatePayload)?;
    if certified.kid != kid.to_string() {
        return Err(crate::Error::CertificateOtherKey {
            kid,
            certified: certified.kid.parse()?,
        });
    }
    let signature = key.sign(&signed_message_as(kind, payload));
    let envelope = crate::Envelope {
        kid,
        payload: payload.to_vec(),
        sig: signature.to_bytes(),
    };
    Ok(crate::armor_as(
        kind,
        &envelope.to_bytes_certified(kind, Some(&cert)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_named_consistently() {
        for (i, kind) in DocumentKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.index(), i);
            let mut context = kind.format().as_bytes().to_vec();
            context.push(0);
            assert_eq!(kind.signature_context(), context.as_slice());
            assert_eq!(DocumentKind::from_format(kind.format()), Some(kind));
            let label = kind.armor_begin().trim_start_matches("-----BEGIN ");
            assert_eq!(kind.armor_end(), format!("-----END {label}"));
        }
        assert_eq!(DocumentKind::from_format("license-file/v2"), None);
    }

    #[test]
    fn kind_is_found_only_on_a_whole_line() {
        let reset = "\u{feff}mail\r\n  -----BEGIN CLOCK RESET-----  \r\nAA==\r\n";
        assert_eq!(
            document_kind(reset.as_bytes()),
            Some(DocumentKind::ClockReset)
        );
        assert_eq!(
            document_kind(b"-----BEGIN LICENSE FILE-----"),
            Some(DocumentKind::LicenseFile)
        );
        assert_eq!(document_kind(b"a -----BEGIN CLOCK RESET-----\n"), None);
        assert_eq!(document_kind(b"{\"format\":\"clock-reset/v1\"}"), None);
    }

    #[test]
    fn messages_differ_by_their_prefix_only() {
        let license = signed_message_as(DocumentKind::LicenseFile, b"{}");
        let reset = signed_message_as(DocumentKind::ClockReset, b"{}");
        assert_eq!(license, crate::signed_message(b"{}"));
        assert!(reset.starts_with(b"clock-reset/v1\0") && reset.ends_with(b"{}"));
    }
}
