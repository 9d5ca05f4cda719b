//! Key certificates (FORMAT.md §16): a root key's signed statement that an issuing key
//! may sign some kinds of document for this product, for documents issued inside a
//! window. The root signs them offline; the ledger records each one.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SubsecRound as _, Utc};
use license_format::time::format_rfc3339;
use license_format::{sign_document, verify_certificate, DocumentKind, KeyCertificate};
use license_format::{KeyId, Keyring, Trust, VerifyingKey, USAGES};
use sha2::{Digest as _, Sha256};

use crate::certified::check_not_revoked;
use crate::ledger::{CertificateRecord, Ledger};
use crate::output::{check_replace, commit_with_file};
use crate::{Error, Issuer, KeyRole, Result, SelfCheckProblem};

/// Where a signed document goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination<'a> {
    /// Nowhere: the caller delivers the text (e.g. on standard output).
    Caller,
    /// This file.
    File(&'a Path),
    /// The document's default file name, in the current directory.
    Named,
}

impl Destination<'_> {
    /// The file to write, `default` for [`Destination::Named`]; refused when it exists
    /// and `force` is not given (checked again, whole, when the file is put in place).
    ///
    /// # Errors
    /// [`Error::Exists`].
    pub fn resolve(
        self,
        default: impl FnOnce() -> PathBuf,
        force: bool,
    ) -> Result<Option<PathBuf>> {
        let path = match self {
            Destination::Caller => return Ok(None),
            Destination::File(p) => p.to_owned(),
            Destination::Named => default(),
        };
        check_replace(&path, force)?;
        Ok(Some(path))
    }
}

/// What a certificate is to say: the key, the window and what it may sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertifyRequest {
    /// The issuing key to certify.
    pub key: VerifyingKey,
    /// Start of the window, inclusive; `None`: now.
    pub valid_from: Option<DateTime<Utc>>,
    /// End of the window, exclusive.
    pub valid_until: DateTime<Utc>,
    /// The kinds the key may sign.
    pub usage: Vec<DocumentKind>,
}

/// A signed, self-checked, recorded key certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedCertificate {
    /// The payload as signed.
    pub certificate: KeyCertificate,
    /// The root key's id.
    pub root: KeyId,
    /// The armored certificate.
    pub text: String,
    /// SHA-256 of `text`, lowercase hex.
    pub sha256: String,
    /// The file written, if any.
    pub out: Option<PathBuf>,
}

/// The usages named by their codes (`license-file`, `clock-reset`, `revocation-list`),
/// each once, in the order FORMAT.md §16.2 has writers emit them; none given: all three.
///
/// # Errors
/// [`Error::UnknownUsage`] for any other name.
pub fn parse_usage(names: &[String]) -> Result<Vec<DocumentKind>> {
    if let Some(value) = names
        .iter()
        .find(|n| !USAGES.iter().any(|k| k.code() == n.as_str()))
    {
        return Err(Error::UnknownUsage {
            value: value.clone(),
        });
    }
    let given = |k: &DocumentKind| names.is_empty() || names.iter().any(|n| n == k.code());
    Ok(USAGES.into_iter().filter(given).collect())
}

/// The default file name of a certificate: the certified key's id, `.cert`.
pub fn default_name(kid: &str) -> PathBuf {
    PathBuf::from(format!("{kid}.cert"))
}

impl Issuer {
    /// Signs, as a root, a certificate for `request.key`, checks it as an installation
    /// would, records it and writes it (whole, never over an existing file unless
    /// `force`) before the record commits.
    ///
    /// # Errors
    /// [`Error::CertifySameKey`] when the key is this root; [`Error::CertifyWindow`] for
    /// an empty window; [`Error::KeyRevoked`] for a key this ledger revoked;
    /// [`Error::Exists`]; [`Error::SelfCheck`]; [`Error::Ledger`]; [`Error::Io`]. On any
    /// error nothing is recorded or written.
    pub fn certify(
        &self,
        ledger: &mut Ledger,
        request: &CertifyRequest,
        now: DateTime<Utc>,
        out: Destination<'_>,
        force: bool,
    ) -> Result<IssuedCertificate> {
        let kid = KeyId::of(&request.key);
        if kid == self.key_id() {
            return Err(Error::CertifySameKey {
                kid: kid.to_string(),
            });
        }
        let now = now.trunc_subsecs(0);
        let valid_from = request.valid_from.unwrap_or(now);
        if request.valid_until <= valid_from {
            return Err(Error::CertifyWindow {
                valid_from,
                valid_until: request.valid_until,
            });
        }
        let path = out.resolve(|| default_name(&kid.to_string()), force)?;
        let tx = ledger.begin()?;
        check_not_revoked(&tx, self.key_id(), KeyRole::Signing)?;
        check_not_revoked(&tx, kid, KeyRole::Certified)?;
        let window = (valid_from, request.valid_until);
        let payload = KeyCertificate::for_key(
            &license_catalog::builtin().product,
            &request.key,
            &request.usage,
            window,
            now,
            self.name(),
        );
        let mut issued = self.sign_certificate(payload)?;
        tx.insert_certificate(&record(&issued))?;
        commit_with_file(tx, path.as_deref(), &issued.text, force)?;
        issued.out = path;
        Ok(issued)
    }

    /// Signs a certificate and checks it before anyone records or sends it: two
    /// signatures agree, and it verifies under this root as an installation verifies it.
    fn sign_certificate(&self, payload: KeyCertificate) -> Result<IssuedCertificate> {
        let catalog = license_catalog::builtin();
        payload.validate(catalog)?;
        let bytes = payload.to_bytes();
        let kind = DocumentKind::KeyCertificate;
        let text = sign_document(kind, &bytes, self.signing_key());
        if sign_document(kind, &bytes, self.signing_key()) != text {
            return Err(Error::SelfCheck(SelfCheckProblem::SignaturesDiffer));
        }
        let mut roots = Keyring::new();
        roots.add(self.signing_key().verifying_key())?;
        let trust = Trust::new(Keyring::new(), roots);
        let verified = verify_certificate(text.as_bytes(), &trust, catalog)
            .map_err(|e| Error::SelfCheck(SelfCheckProblem::Format(e)))?;
        if verified.certificate != payload || verified.payload_bytes != bytes {
            return Err(Error::SelfCheck(SelfCheckProblem::NotAsSigned));
        }
        Ok(IssuedCertificate {
            certificate: payload,
            root: self.key_id(),
            sha256: hex::encode(Sha256::digest(text.as_bytes())),
            text,
            out: None,
        })
    }
}

fn record(issued: &IssuedCertificate) -> CertificateRecord {
    let c = &issued.certificate;
    CertificateRecord {
        kid: c.kid.clone(),
        root_kid: issued.root.to_string(),
        product: c.product.clone(),
        usage: c.usage.clone(),
        valid_from: format_rfc3339(&c.valid_from),
        valid_until: format_rfc3339(&c.valid_until),
        issued_at: format_rfc3339(&c.issued_at),
        sha256: issued.sha256.clone(),
        text: issued.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usages_are_checked_and_put_in_writer_order() {
        let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(parse_usage(&[]).unwrap(), USAGES.to_vec());
        assert_eq!(
            parse_usage(&names(&["revocation-list", "license-file", "license-file"])).unwrap(),
            [DocumentKind::LicenseFile, DocumentKind::RevocationList]
        );
        assert!(matches!(
            parse_usage(&names(&["key-certificate"])),
            Err(Error::UnknownUsage { value }) if value == "key-certificate"
        ));
    }
}
