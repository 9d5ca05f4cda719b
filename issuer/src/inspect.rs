//! Reading a license file for a person: its claims, and whether its signature holds
//! against the keys given.

use std::fmt::Write as _;

use license_format::time::{format_rfc3339, last_day};
use license_format::{
    dearmor, verify_license, Catalog, Envelope, Error as FormatError, Keyring, Payload,
};
use serde::Serialize;

use crate::Result;

/// What the signature check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureStatus {
    /// The signature holds under a given key.
    Valid,
    /// No key was given, so nothing was checked.
    NotChecked,
    /// None of the given keys has the file's key id.
    UnknownKey,
    /// The signature does not hold: the file was altered or forged.
    Bad,
}

/// A decoded license file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inspection {
    /// The key id the file names.
    pub kid: String,
    /// The signature check's outcome.
    pub signature: SignatureStatus,
    /// The claims. Trust them only when `signature` is [`SignatureStatus::Valid`].
    pub payload: Payload,
}

/// Decodes a license file and checks its signature against `keyring` (an empty keyring
/// checks nothing).
///
/// # Errors
/// [`crate::Error::Format`] for a file that is not a license file or whose payload
/// breaks the format's rules.
pub fn inspect(bytes: &[u8], keyring: &Keyring) -> Result<Inspection> {
    let envelope = Envelope::parse(&dearmor(bytes)?)?;
    let signature = if keyring.is_empty() {
        SignatureStatus::NotChecked
    } else {
        match verify_license(bytes, keyring) {
            Ok(_) => SignatureStatus::Valid,
            Err(FormatError::UnknownKey { .. }) => SignatureStatus::UnknownKey,
            Err(FormatError::BadSignature) => SignatureStatus::Bad,
            Err(other) => return Err(other.into()),
        }
    };
    // For display only: the claims of an unverified file are shown, labelled as such.
    let payload = Payload::parse(&envelope.payload, Catalog::builtin())?;
    Ok(Inspection {
        kid: envelope.kid.to_string(),
        signature,
        payload,
    })
}

impl SignatureStatus {
    /// A sentence for people.
    pub fn describe(self, kid: &str) -> String {
        match self {
            SignatureStatus::Valid => format!("valid (key {kid})"),
            SignatureStatus::NotChecked => {
                format!("not checked: give --trust VENDOR.pub (signed by key {kid})")
            }
            SignatureStatus::UnknownKey => {
                format!("unknown key {kid}: none of the --trust keys signed this file")
            }
            SignatureStatus::Bad => {
                format!("BAD: the file was altered after signing or not made by key {kid}")
            }
        }
    }
}

impl Inspection {
    /// The inspection as text for people, one fact per line.
    pub fn to_text(&self) -> String {
        let p = &self.payload;
        // A term is shown by its last day, as the order wrote it (FORMAT.md §7.1).
        let time = |t: &Option<_>| {
            t.as_ref()
                .map_or_else(|| "perpetual".to_owned(), |t| last_day(t).to_string())
        };
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = writeln!(out, "license:      {} (serial {})", p.license_id, p.serial);
        let _ = writeln!(out, "signature:    {}", self.signature.describe(&self.kid));
        let _ = writeln!(out, "product:      {}", p.product);
        let _ = writeln!(out, "issuer:       {}", p.issuer);
        let _ = writeln!(out, "customer:     {} ({})", p.customer.name, p.customer.id);
        let _ = writeln!(
            out,
            "installation: {}",
            p.installation_id.as_deref().unwrap_or("any (unbound)")
        );
        let _ = writeln!(out, "issued at:    {}", format_rfc3339(&p.issued_at));
        let _ = writeln!(out, "valid from:   {}", format_rfc3339(&p.valid_from));
        let _ = writeln!(
            out,
            "valid until:  {} (grace {} days)",
            time(&p.valid_until),
            p.grace_days
        );
        for g in &p.system_licenses {
            let _ = writeln!(
                out,
                "system:       {} until {}",
                g.code,
                time(&p.grant_end(g.valid_until))
            );
        }
        for g in &p.user_plans {
            let _ = writeln!(
                out,
                "plan:         {} x{} until {}",
                g.code,
                g.seats,
                time(&p.grant_end(g.valid_until))
            );
        }
        out
    }
}
