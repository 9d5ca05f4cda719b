//! Signing under a key certificate (FORMAT.md §3.1, §18): the certificate an issuing
//! key signs with, checked against each document before it is signed, and the one
//! signing path of every kind of document, which carries that certificate when there is
//! one and checks what it signed.

use std::path::Path;

use chrono::{DateTime, SubsecRound as _, Utc};
use license_format::constants::MAX_KEY_CERTIFICATE_BYTES;
use license_format::{
    dearmor_as, sign_certified, sign_document, signed_message_as, verify_certificate,
    verify_clock_reset_trusted, verify_license_trusted, verify_revocation_list, verify_signature,
};
use license_format::{DocumentKind, Envelope, KeyCertificate, KeyId, Keyring, Trust};

use crate::input::read_named;
use crate::ledger::LedgerTx;
use crate::trust_problem::{CertificateProblem, KeyRole};
use crate::{Error, Issuer, Result, SelfCheckProblem};

/// A key certificate to sign with, read and checked as far as the issuer can: it parses,
/// it is for this product and self-consistent (FORMAT.md §16.2), and, when the root's
/// public key is given, its signature holds under that root. Whether it fits a document
/// (its key, usage and window) is checked before each signing.
#[derive(Debug, Clone)]
pub struct SigningCertificate {
    source_name: String,
    bytes: Vec<u8>,
    root: KeyId,
    certificate: KeyCertificate,
    /// The root's public key, when given: documents signed under the certificate are
    /// then verified through it, as an installation will.
    roots: Option<Keyring>,
}

impl SigningCertificate {
    /// Reads a certificate file (`-`: standard input); `roots`, if given, holds the
    /// root's public key, which the certificate's signature must verify under.
    ///
    /// # Errors
    /// [`Error::Io`], [`Error::TooLarge`], or [`Error::Certificate`] with
    /// [`CertificateProblem::Format`] naming what the format reader refused.
    pub fn read(path: &Path, roots: Option<Keyring>) -> Result<SigningCertificate> {
        let (name, bytes) = read_named(path, "key certificate", MAX_KEY_CERTIFICATE_BYTES)?;
        SigningCertificate::parse(bytes, &name, roots)
    }

    /// As [`SigningCertificate::read`], from the file's bytes; `source_name` names it
    /// in errors.
    ///
    /// # Errors
    /// [`Error::Certificate`] with [`CertificateProblem::Format`].
    pub fn parse(
        bytes: Vec<u8>,
        source_name: &str,
        roots: Option<Keyring>,
    ) -> Result<SigningCertificate> {
        let refused = |cause| Error::Certificate {
            source_name: source_name.to_owned(),
            problem: CertificateProblem::Format { cause },
        };
        let kind = DocumentKind::KeyCertificate;
        let catalog = license_catalog::builtin();
        let envelope = dearmor_as(kind, &bytes)
            .and_then(|e| Envelope::parse_as(&e, kind))
            .map_err(refused)?;
        if let Some(roots) = &roots {
            let trust = Trust::new(Keyring::new(), roots.clone());
            verify_certificate(&bytes, &trust, catalog).map_err(refused)?;
        }
        let (certificate, _) =
            KeyCertificate::parse(&envelope.payload, catalog).map_err(refused)?;
        Ok(SigningCertificate {
            source_name: source_name.to_owned(),
            bytes,
            root: envelope.kid,
            certificate,
            roots,
        })
    }

    /// The id of the root that signed the certificate.
    pub fn root(&self) -> KeyId {
        self.root
    }

    /// The certificate's payload.
    pub fn certificate(&self) -> &KeyCertificate {
        &self.certificate
    }

    fn refused(&self, problem: CertificateProblem) -> Error {
        Error::Certificate {
            source_name: self.source_name.clone(),
            problem,
        }
    }

    /// Refuses a certificate of another key than `kid`.
    pub(crate) fn check_key(&self, kid: KeyId) -> Result<()> {
        if self.certificate.kid == kid.to_string() {
            return Ok(());
        }
        Err(self.refused(CertificateProblem::OtherKey {
            kid: kid.to_string(),
            certified: self.certificate.kid.clone(),
        }))
    }

    /// Refuses a document of `kind` issued at `at` that the certificate does not permit
    /// or whose `issued_at` lies outside its window: installations would refuse it.
    fn check_document(&self, kind: DocumentKind, at: DateTime<Utc>) -> Result<()> {
        let c = &self.certificate;
        if !c.permits(kind) {
            let (kid, document) = (c.kid.clone(), kind.code());
            return Err(self.refused(CertificateProblem::Usage { kid, document }));
        }
        if !c.covers(at) {
            return Err(self.refused(CertificateProblem::Window {
                at,
                valid_from: c.valid_from,
                valid_until: c.valid_until,
            }));
        }
        Ok(())
    }
}

impl Issuer {
    /// Refuses to sign a document of `kind` at `now` that no installation would accept:
    /// one the certificate does not permit or cover, or with a key this ledger revoked
    /// (the signing key, or the root of its certificate). Called before anything is
    /// signed or recorded.
    ///
    /// # Errors
    /// [`Error::Certificate`], [`Error::KeyRevoked`], [`Error::Ledger`].
    pub fn check_signing(
        &self,
        tx: &LedgerTx<'_>,
        kind: DocumentKind,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if let Some(cert) = self.signing_certificate() {
            cert.check_document(kind, now.trunc_subsecs(0))?;
        }
        check_not_revoked(tx, self.key_id(), KeyRole::Signing)?;
        if let Some(cert) = self.signing_certificate() {
            check_not_revoked(tx, cert.root(), KeyRole::Root)?;
        }
        Ok(())
    }

    /// Signs payload bytes as a document of `kind`, with the certificate when the issuer
    /// has one, and checks the result: two signatures must agree (a faulty one can reveal
    /// the key), the certified text must carry exactly that signature and the
    /// certificate, and with the root's key known the text must verify through it.
    ///
    /// # Errors
    /// [`Error::SelfCheck`].
    pub(crate) fn sign_kind(&self, kind: DocumentKind, bytes: &[u8]) -> Result<String> {
        let plain = sign_document(kind, bytes, self.signing_key());
        if sign_document(kind, bytes, self.signing_key()) != plain {
            return Err(self_check(SelfCheckProblem::SignaturesDiffer));
        }
        let Some(cert) = self.signing_certificate() else {
            return Ok(plain);
        };
        let text =
            sign_certified(kind, bytes, self.signing_key(), &cert.bytes).map_err(format_check)?;
        let read = |text: &str| {
            dearmor_as(kind, text.as_bytes())
                .and_then(|e| Envelope::parse_certified(&e, kind))
                .map_err(format_check)
        };
        let (signed, carried) = read(&text)?;
        let cert_kind = DocumentKind::KeyCertificate;
        let own = dearmor_as(cert_kind, &cert.bytes)
            .and_then(|e| Envelope::parse_as(&e, cert_kind))
            .map_err(format_check)?;
        if signed != read(&plain)?.0 || carried.as_ref() != Some(&own) {
            return Err(self_check(SelfCheckProblem::NotAsSigned));
        }
        if let Some(roots) = &cert.roots {
            verify_through(kind, &text, Trust::new(Keyring::new(), roots.clone()))?;
        }
        Ok(text)
    }

    /// Reads a signed document back: its envelope names this key, carries `bytes`, and
    /// its signature holds under this key.
    ///
    /// # Errors
    /// [`Error::SelfCheck`].
    pub(crate) fn read_back(&self, kind: DocumentKind, text: &str, bytes: &[u8]) -> Result<()> {
        let envelope = dearmor_as(kind, text.as_bytes())
            .and_then(|e| Envelope::parse_as(&e, kind))
            .map_err(format_check)?;
        let message = signed_message_as(kind, &envelope.payload);
        verify_signature(&self.signing_key().verifying_key(), &message, &envelope.sig)
            .map_err(format_check)?;
        if envelope.kid != self.key_id() || envelope.payload != bytes {
            return Err(self_check(SelfCheckProblem::NotAsSigned));
        }
        Ok(())
    }
}

/// The whole verification an installation trusting only the root runs.
fn verify_through(kind: DocumentKind, text: &str, trust: Trust) -> Result<()> {
    let catalog = license_catalog::builtin();
    let input = text.as_bytes();
    let verified = match kind {
        DocumentKind::LicenseFile => verify_license_trusted(input, &trust, catalog).map(drop),
        DocumentKind::ClockReset => verify_clock_reset_trusted(input, &trust, catalog).map(drop),
        _ => verify_revocation_list(input, &trust, catalog).map(drop),
    };
    verified.map_err(format_check)
}

/// Refuses a key this ledger revoked.
pub(crate) fn check_not_revoked(tx: &LedgerTx<'_>, kid: KeyId, role: KeyRole) -> Result<()> {
    match tx.key_revocation(&kid.to_string())? {
        None => Ok(()),
        Some(r) => Err(Error::KeyRevoked {
            kid: r.id,
            role,
            serial: r.serial,
            revoked_at: r.revoked_at,
        }),
    }
}

fn self_check(problem: SelfCheckProblem) -> Error {
    Error::SelfCheck(problem)
}

fn format_check(e: license_format::Error) -> Error {
    Error::SelfCheck(SelfCheckProblem::Format(e))
}
