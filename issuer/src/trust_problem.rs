//! What stands in the way of signing under a key certificate, or with a key that a
//! revocation list withdrew: typed data with a stable code, as
//! [`RequestProblem`](crate::RequestProblem) is for requests.

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use serde_json::{json, Map, Value};

use crate::problem::{cause, object};

/// Which part a key plays where a revocation or a certificate names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyRole {
    /// The key that signs the document.
    Signing,
    /// The root key that certified the signing key.
    Root,
    /// The key a certificate is being made for.
    Certified,
}

impl KeyRole {
    /// A stable code: `signing`, `root` or `certified`.
    pub fn code(&self) -> &'static str {
        match self {
            KeyRole::Signing => "signing",
            KeyRole::Root => "root",
            KeyRole::Certified => "certified",
        }
    }
}

impl std::fmt::Display for KeyRole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Why the certificate given to sign with (`--cert`) cannot be used
/// ([`Error::Certificate`](crate::Error::Certificate)). Each is a file that no
/// installation would accept, so nothing is signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateProblem {
    /// The file is not a key certificate of this product, or (with the root's public
    /// key given) its signature does not hold under that root.
    #[error("{cause}; give the certificate `license-issuer certify` wrote for this key")]
    Format {
        /// What the format reader found.
        cause: license_format::Error,
    },
    /// The certificate is for another key than the signing key.
    #[error("is the certificate of key {certified}, not of the signing key {kid}: give the certificate of this key")]
    OtherKey {
        /// The signing key's id.
        kid: String,
        /// The certified key's id.
        certified: String,
    },
    /// The certificate does not permit its key to sign this kind of document.
    #[error("does not permit key {kid} to sign a {document}: certify the key again with --usage {document}")]
    Usage {
        /// The certified key's id.
        kid: String,
        /// The kind's code (`license-file`, `clock-reset`, `revocation-list`).
        document: &'static str,
    },
    /// The document's `issued_at` (now) lies outside the certificate's window.
    #[error("covers documents issued from {} until {}, not at {}: certify the key for a window that holds today", format_rfc3339(valid_from), format_rfc3339(valid_until), format_rfc3339(at))]
    Window {
        /// The document's `issued_at`.
        at: DateTime<Utc>,
        /// Start of the window, inclusive.
        valid_from: DateTime<Utc>,
        /// End of the window, exclusive.
        valid_until: DateTime<Utc>,
    },
}

impl CertificateProblem {
    /// A stable code, lowercase kebab-case: the `problem` of the error's details.
    pub fn code(&self) -> &'static str {
        match self {
            CertificateProblem::Format { .. } => "format",
            CertificateProblem::OtherKey { .. } => "other-key",
            CertificateProblem::Usage { .. } => "usage",
            CertificateProblem::Window { .. } => "window",
        }
    }

    /// The problem's data, beside `problem` in the error's details; instants are RFC
    /// 3339 text.
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            CertificateProblem::Format { cause: e } => json!({ "cause": cause(e) }),
            CertificateProblem::OtherKey { kid, certified } => {
                json!({"kid": kid, "certified": certified})
            }
            CertificateProblem::Usage { kid, document } => {
                json!({"kid": kid, "document": document})
            }
            CertificateProblem::Window {
                at,
                valid_from,
                valid_until,
            } => json!({
                "at": format_rfc3339(at),
                "valid_from": format_rfc3339(valid_from),
                "valid_until": format_rfc3339(valid_until),
            }),
        })
    }
}
