//! The issuer: a signing key and the vendor's name, turning checked orders into signed,
//! self-verified license files.

use std::fmt;
use std::path::Path;

use chrono::{DateTime, SubsecRound as _, Utc};
use license_format::{
    dearmor, sign_payload, verify_license, DocumentKind, Envelope, KeyId, Keyring, Payload,
    SigningKey,
};
use sha2::{Digest as _, Sha256};

use crate::certified::SigningCertificate;
use crate::ledger::{license_id, Ledger, LedgerTx};
use crate::output::{holds, PendingFile, PlacedFile};
use crate::{BoundOrder, Error, Order, Result, SelfCheckProblem};

/// A signed license file, checked by verifying it, ready to be recorded and written; or
/// one the ledger held already for the same order id.
#[derive(Debug, Clone, PartialEq)]
pub struct Issued {
    /// The claims as signed.
    pub payload: Payload,
    /// The signing key's id.
    pub kid: KeyId,
    /// The armored license file.
    pub text: String,
    /// SHA-256 of `text`, lowercase hex.
    pub sha256: String,
    /// The order id it was issued for, if the order gave one.
    pub order_id: Option<String>,
    /// Whether the ledger held this license already for the order id: nothing new was
    /// signed or recorded.
    pub already_issued: bool,
}

impl Issued {
    /// The license the ledger recorded for `order_id`, read back from its file text.
    fn recorded(text: String, order_id: &str) -> Result<Issued> {
        // The vendor's own ledger: its files are read, not verified, as the key that
        // signed one may have been replaced since.
        let envelope = Envelope::parse(&dearmor(text.as_bytes())?)?;
        let payload = Payload::parse(&envelope.payload, license_catalog::builtin())?;
        Ok(Issued {
            payload,
            kid: envelope.kid,
            sha256: hex::encode(Sha256::digest(text.as_bytes())),
            text,
            order_id: Some(order_id.to_owned()),
            already_issued: true,
        })
    }
}

/// How [`Issuer::issue_with`] delivers a license and whether it may return one issued
/// before.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IssueOptions<'a> {
    /// Write the license file here, whole or not at all.
    pub out: Option<&'a Path>,
    /// Replace a file at `out` that holds something else.
    pub force: bool,
    /// Sign a new license (a new serial) even when the order's `order_id` was issued
    /// before.
    pub reissue: bool,
}

/// Signs licenses with one key under one vendor name.
///
/// The key is wiped from memory when the issuer is dropped (ed25519-dalek's
/// `SigningKey` zeroizes itself); `Debug` shows only the key id.
pub struct Issuer {
    key: SigningKey,
    kid: KeyId,
    name: String,
    certificate: Option<SigningCertificate>,
}

impl fmt::Debug for Issuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Issuer")
            .field("kid", &self.kid)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Issuer {
    /// An issuer signing with `key` under the display name `name`.
    ///
    /// # Errors
    /// [`Error::MissingIssuerName`] for an empty name; [`Error::Format`] for a weak key.
    pub fn new(key: SigningKey, name: &str) -> Result<Issuer> {
        if name.trim().is_empty() {
            return Err(Error::MissingIssuerName);
        }
        let mut keyring = Keyring::new();
        keyring.add(key.verifying_key())?;
        // Once per issuer, the whole path an installation takes: a key that does not
        // verify its own signatures is refused before it signs a license.
        let probe = sign_payload(b"{}", &key);
        match verify_license(probe.as_bytes(), &keyring, license_catalog::builtin()) {
            Err(license_format::Error::Payload(_)) => {}
            Err(e) => return Err(format_check(e)),
            Ok(_) => return Err(self_check(SelfCheckProblem::NotAsSigned)),
        }
        Ok(Issuer {
            kid: KeyId::of(&key.verifying_key()),
            key,
            name: name.to_owned(),
            certificate: None,
        })
    }

    /// The issuer signing every document with `certificate` in its envelope (FORMAT.md
    /// §3.1), so that installations trusting only the root accept it.
    ///
    /// # Errors
    /// [`Error::Certificate`] for the certificate of another key.
    pub fn with_certificate(mut self, certificate: SigningCertificate) -> Result<Issuer> {
        certificate.check_key(self.kid)?;
        self.certificate = Some(certificate);
        Ok(self)
    }

    /// The certificate the issuer signs with, if any.
    pub fn signing_certificate(&self) -> Option<&SigningCertificate> {
        self.certificate.as_ref()
    }

    /// The id of the signing key.
    pub fn key_id(&self) -> KeyId {
        self.kid
    }

    /// The signing key, for the other kinds of document this issuer signs.
    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.key
    }

    /// Whether the key is one of the published example keys of `keys-example/`, which
    /// anyone can sign with and installations must never trust: a front end warns.
    pub fn uses_example_key(&self) -> bool {
        crate::example_keys::is_example_key(self.kid)
    }

    /// The vendor's display name written into every payload.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The payload for an order under the given license number and serial.
    pub fn payload(
        &self,
        order: &Order,
        installation_id: Option<&str>,
        seq: u64,
        serial: u64,
        now: DateTime<Utc>,
    ) -> Payload {
        Payload {
            license_id: license_id(seq),
            serial,
            product: license_catalog::builtin().product.clone(),
            issued_at: now.trunc_subsecs(0),
            issuer: self.name.clone(),
            customer: order.customer.clone(),
            installation_id: installation_id.map(str::to_owned),
            valid_from: order.valid_from.trunc_subsecs(0),
            valid_until: order.valid_until,
            grace_days: order.grace_days,
            system_licenses: order.system_licenses.clone(),
            user_plans: order.user_plans.clone(),
            extensions: None,
        }
    }

    /// Validates the payload against the catalog, signs it (with the certificate, if the
    /// issuer has one), and checks the result before
    /// anyone records or sends it.
    ///
    /// The check costs about one more signature, not a verification (two and a half):
    /// Ed25519 signing is deterministic, so signing twice and comparing catches a fault
    /// in either computation, which matters because one faulty signature can reveal the
    /// key; and reading the file back (armor, envelope, payload) catches a writer that
    /// does not say what was meant. That the key signs what its public key verifies is
    /// checked once, in [`Issuer::new`].
    ///
    /// # Errors
    /// [`Error::Format`] for a payload that breaks a rule, [`Error::SelfCheck`] if the
    /// two signatures differ or the file does not read back into the same payload.
    pub fn sign(&self, payload: Payload) -> Result<Issued> {
        payload.validate(license_catalog::builtin())?;
        let bytes = payload.to_bytes();
        let text = self.sign_kind(DocumentKind::LicenseFile, &bytes)?;
        let envelope = dearmor(text.as_bytes())
            .and_then(|e| Envelope::parse(&e))
            .map_err(format_check)?;
        if envelope.kid != self.kid || envelope.payload != bytes {
            return Err(self_check(SelfCheckProblem::NotAsSigned));
        }
        // A payload the reader refuses although `validate` passed breaks a rule of the
        // format that the types do not show: the order's fault, not the machine's, so it
        // is a format error (a refused line in a batch), not a self-check failure.
        if Payload::parse(&envelope.payload, license_catalog::builtin())? != payload {
            return Err(self_check(SelfCheckProblem::NotAsSigned));
        }
        let sha256 = hex::encode(Sha256::digest(text.as_bytes()));
        Ok(Issued {
            payload,
            kid: self.kid,
            text,
            sha256,
            order_id: None,
            already_issued: false,
        })
    }

    /// Issues one license as [`Issuer::issue_with`] does, writing `out` (if given) and
    /// replacing a file there.
    ///
    /// # Errors
    /// As [`Issuer::issue_with`].
    pub fn issue(
        &self,
        ledger: &mut Ledger,
        bound: &BoundOrder,
        now: DateTime<Utc>,
        out: Option<&Path>,
    ) -> Result<Issued> {
        let options = IssueOptions {
            out,
            force: true,
            reissue: false,
        };
        self.issue_with(ledger, bound, now, &options, &mut |_| Ok(()))
    }

    /// Issues one license: takes the next license id and serial inside an IMMEDIATE
    /// ledger transaction, signs, records, and delivers it before the transaction
    /// commits: `options.out` is written whole and put in place, and `deliver` (the
    /// caller's own output, e.g. standard output, flushed) is called. If any of them
    /// fails, nothing is recorded. An order whose `order_id` the ledger holds gets that
    /// license back, delivered again, unless `options.reissue` asks for a new one; an
    /// order id issued to another customer is refused, with or without a reissue.
    ///
    /// # Errors
    /// As [`Issuer::sign`], [`Error::Ledger`], [`Error::Exists`], [`Error::Io`],
    /// [`Error::Order`] with
    /// [`OrderProblem::OrderIdOfOtherCustomer`](crate::OrderProblem::OrderIdOfOtherCustomer)
    /// for an order id issued to another customer, or the error `deliver` returns; on any
    /// error nothing is recorded and `out` is not written.
    pub fn issue_with(
        &self,
        ledger: &mut Ledger,
        bound: &BoundOrder,
        now: DateTime<Utc>,
        options: &IssueOptions<'_>,
        deliver: &mut dyn FnMut(&Issued) -> Result<()>,
    ) -> Result<Issued> {
        let tx = ledger.begin()?;
        if let Some(issued) = self.issued_before(&tx, bound, options)? {
            // Nothing to record: only the delivery, which rewrites `out` if it differs.
            self.deliver(&issued, options, deliver)?;
            return Ok(issued);
        }
        if let Some(out) = options.out {
            // Before signing: a key's passphrase is never spent on a refused file.
            crate::output::check_replace(out, options.force)?;
        }
        self.check_signing(&tx, DocumentKind::LicenseFile, now)?;
        let installation = bound.installation_id.as_deref();
        let seq = tx.last_seq()? + 1;
        let serial = tx.last_serial(&bound.order.customer.id, installation)? + 1;
        let mut issued = self.sign(self.payload(&bound.order, installation, seq, serial, now))?;
        issued.order_id.clone_from(&bound.order.order_id);
        tx.insert(seq, &issued)?;
        let placed = self.deliver(&issued, options, deliver)?;
        if let Err(e) = tx.commit() {
            if let Some(placed) = placed {
                placed.remove();
            }
            return Err(e);
        }
        Ok(issued)
    }

    /// The license recorded for the order's id, unless a new one is asked for; an order
    /// id issued to another customer is refused either way.
    fn issued_before(
        &self,
        tx: &LedgerTx<'_>,
        bound: &BoundOrder,
        options: &IssueOptions<'_>,
    ) -> Result<Option<Issued>> {
        let Some(order_id) = &bound.order.order_id else {
            return Ok(None);
        };
        let Some((license_id, issued_to, _)) = tx.license_of_order(order_id)? else {
            return Ok(None);
        };
        bound.order.check_order_id_owner(&license_id, &issued_to)?;
        if options.reissue {
            return Ok(None);
        }
        check_not_revoked(tx, order_id, &license_id)?;
        tx.file_of_order(order_id)?
            .map(|text| Issued::recorded(text, order_id))
            .transpose()
    }
}

/// Refuses to hand out again the license issued for `order_id` when the ledger has
/// revoked it, or the key that signed it.
pub(crate) fn check_not_revoked(tx: &LedgerTx<'_>, order_id: &str, license_id: &str) -> Result<()> {
    match tx.issued_revocation(license_id)? {
        Some(r) => Err(Error::IssuedRevoked {
            order_id: order_id.to_owned(),
            license_id: license_id.to_owned(),
            by: r.kind.code(),
            id: r.id,
            serial: r.serial,
            revoked_at: r.revoked_at,
        }),
        None => Ok(()),
    }
}

impl Issuer {
    /// Writes `out` under a temporary name, calls `deliver`, then puts `out` in place:
    /// a failed delivery leaves no file, and a failed rename calls for no retraction of
    /// what `deliver` wrote, as the caller then reports the error and records nothing.
    fn deliver(
        &self,
        issued: &Issued,
        options: &IssueOptions<'_>,
        deliver: &mut dyn FnMut(&Issued) -> Result<()>,
    ) -> Result<Option<PlacedFile>> {
        let text = issued.text.as_bytes();
        let out = options.out.filter(|out| !holds(out, text));
        let pending = out.map(|out| PendingFile::create(out, text)).transpose()?;
        deliver(issued)?;
        pending.map(|p| p.persist(options.force)).transpose()
    }
}

/// A license whose term (grace included) has already ended at `now`, or ends within
/// it: installations will refuse the file or run it with warnings. Issuing such a file is
/// allowed (a replacement for a lapsed one, a test), but never silently.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TermWarning {
    /// The term and its grace have ended: installations refuse the file.
    Ended {
        /// The license.
        license_id: String,
        /// The exclusive end of the term.
        ends_at: DateTime<Utc>,
        /// The exclusive end of the grace period.
        grace_ends_at: DateTime<Utc>,
    },
    /// The term has ended and the grace runs: installations run it with warnings.
    InGrace {
        /// The license.
        license_id: String,
        /// The exclusive end of the term.
        ends_at: DateTime<Utc>,
        /// The exclusive end of the grace period.
        grace_ends_at: DateTime<Utc>,
    },
}

impl TermWarning {
    /// A stable code, lowercase kebab-case: `term-ended` or `term-in-grace`.
    pub fn code(&self) -> &'static str {
        match self {
            TermWarning::Ended { .. } => "term-ended",
            TermWarning::InGrace { .. } => "term-in-grace",
        }
    }
}

/// Whether the term of `payload` has ended at `now` (see [`TermWarning`]).
pub fn term_warning(payload: &Payload, now: DateTime<Utc>) -> Option<TermWarning> {
    let ends_at = payload.valid_until?;
    let grace_ends_at = ends_at + chrono::Duration::days(i64::from(payload.grace_days));
    let license_id = payload.license_id.clone();
    if grace_ends_at <= now {
        Some(TermWarning::Ended {
            license_id,
            ends_at,
            grace_ends_at,
        })
    } else if ends_at <= now {
        Some(TermWarning::InGrace {
            license_id,
            ends_at,
            grace_ends_at,
        })
    } else {
        None
    }
}

fn self_check(problem: SelfCheckProblem) -> Error {
    Error::SelfCheck(problem)
}

fn format_check(e: license_format::Error) -> Error {
    Error::SelfCheck(SelfCheckProblem::Format(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_format::time::parse_rfc3339;

    const SEED: [u8; 32] = [7u8; 32];

    fn issuer() -> Issuer {
        Issuer::new(SigningKey::from_bytes(&SEED), "Vendor AS").unwrap()
    }

    fn bound() -> BoundOrder {
        let now = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let text = br#"{"customer":{"id":"C-1","name":"Acme"},"valid_until":"2027-11-30",
            "system_licenses":["superoffice-server"],"user_plans":{"sales-premium":3}}"#;
        BoundOrder {
            order: Order::parse(text, "o.json", now).unwrap(),
            installation_id: Some("inst-1".into()),
        }
    }

    #[test]
    fn debug_shows_no_key_bytes() {
        let shown = format!("{:?}", issuer());
        assert!(
            shown.contains("Vendor AS") && shown.contains("kid"),
            "{shown}"
        );
        let seed_hex = hex::encode(SEED);
        assert!(
            !shown.contains(&seed_hex) && !shown.contains("7, 7, 7") && !shown.contains("0707"),
            "{shown}"
        );
    }

    #[test]
    fn fractional_seconds_in_orders_sign_cleanly() {
        let now = parse_rfc3339("2026-11-29T10:00:00.5Z").unwrap();
        let text = br#"{"customer":{"id":"C","name":"N"},"valid_from":"2026-12-01T08:00:00.9+01:00",
            "valid_until":"2027-01-01T00:00:00.25Z","system_licenses":[{"code":"system","valid_until":"2026-12-24T12:00:00.5Z"}]}"#;
        let order = Order::parse(text, "o.json", now).unwrap();
        let issued = issuer()
            .sign(issuer().payload(&order, None, 1, 1, now))
            .unwrap();
        assert_eq!(
            issued.payload.valid_from,
            parse_rfc3339("2026-12-01T07:00:00Z").unwrap()
        );
        let defaulted = Order::parse(
            br#"{"customer":{"id":"C","name":"N"},"system_licenses":["system"]}"#,
            "o",
            now,
        )
        .unwrap();
        assert!(issuer()
            .sign(issuer().payload(&defaulted, None, 1, 1, now))
            .is_ok());
    }

    #[test]
    fn issuer_name_is_required() {
        assert!(matches!(
            Issuer::new(SigningKey::from_bytes(&SEED), " "),
            Err(Error::MissingIssuerName)
        ));
    }

    #[test]
    fn signed_file_verifies_and_matches_the_order() {
        let now = parse_rfc3339("2026-11-29T10:00:00.75Z").unwrap();
        let issuer = issuer();
        let issued = issuer
            .sign(issuer.payload(&bound().order, Some("inst-1"), 42, 3, now))
            .unwrap();
        let ring = Keyring::from_pem(&license_format::verifying_key_to_pem(
            &SigningKey::from_bytes(&SEED).verifying_key(),
        ))
        .unwrap();
        let verified =
            verify_license(issued.text.as_bytes(), &ring, license_catalog::builtin()).unwrap();
        assert_eq!(verified.payload, issued.payload);
        assert_eq!(verified.payload.license_id, "LIC-000042");
        assert_eq!(verified.payload.serial, 3);
        assert_eq!(verified.payload.issuer, "Vendor AS");
        assert_eq!(
            verified.payload.issued_at,
            parse_rfc3339("2026-11-29T10:00:00Z").unwrap()
        );
        assert_eq!(issued.sha256.len(), 64);
        assert_eq!(issued.sha256, issued.sha256.to_lowercase());
    }

    #[test]
    fn issue_takes_ids_and_serials_from_the_ledger() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
        let now = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let issuer = issuer();
        let mut other = bound();
        other.installation_id = Some("inst-2".into());
        let out = dir.path().join("a.lic");
        let a = issuer
            .issue(&mut ledger, &bound(), now, Some(&out))
            .unwrap();
        let b = issuer.issue(&mut ledger, &bound(), now, None).unwrap();
        let c = issuer.issue(&mut ledger, &other, now, None).unwrap();
        let ids: Vec<_> = [&a, &b, &c]
            .iter()
            .map(|i| (i.payload.license_id.clone(), i.payload.serial))
            .collect();
        assert_eq!(
            ids,
            [
                ("LIC-000001".into(), 1),
                ("LIC-000002".into(), 2),
                ("LIC-000003".into(), 1)
            ]
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), a.text);
        let shown = ledger.show("LIC-000002").unwrap().unwrap();
        assert_eq!(shown.file_text.as_deref(), Some(b.text.as_str()));
        assert_eq!(shown.sha256, b.sha256);
    }

    #[test]
    fn a_refused_issue_records_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
        let now = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let out = dir.path().join("missing-dir").join("a.lic");
        assert!(matches!(
            issuer().issue(&mut ledger, &bound(), now, Some(&out)),
            Err(Error::NoSuchDirectory { .. })
        ));
        let err = issuer()
            .issue(&mut ledger, &bound(), now, Some(dir.path()))
            .unwrap_err();
        assert!(
            err.to_string().contains("is a directory: give a file name"),
            "{err}"
        );
        assert!(ledger.list(None).unwrap().is_empty());
    }

    #[test]
    fn an_order_id_of_another_customer_is_refused_also_as_a_reissue() {
        let dir = tempfile::tempdir().unwrap();
        let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
        let now = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
        let issuer = issuer();
        let mut ordered = bound();
        ordered.order.order_id = Some("PO-9".into());
        issuer.issue(&mut ledger, &ordered, now, None).unwrap();
        let mut other = ordered.clone();
        other.order.customer.id = "C-2".into();
        for reissue in [false, true] {
            let options = IssueOptions {
                reissue,
                ..IssueOptions::default()
            };
            let err = issuer
                .issue_with(&mut ledger, &other, now, &options, &mut |_| Ok(()))
                .unwrap_err();
            let Error::Order { field, problem, .. } = &err else {
                panic!("{err:?}")
            };
            assert_eq!(field, "order_id");
            assert_eq!(
                **problem,
                crate::OrderProblem::OrderIdOfOtherCustomer {
                    order_id: "PO-9".into(),
                    license_id: "LIC-000001".into(),
                    issued_to: "C-1".into(),
                    customer_id: "C-2".into(),
                }
            );
        }
        let reissued = IssueOptions {
            reissue: true,
            ..IssueOptions::default()
        };
        let again = issuer
            .issue_with(&mut ledger, &ordered, now, &reissued, &mut |_| Ok(()))
            .unwrap();
        assert_eq!(again.payload.serial, 2);
        assert_eq!(ledger.list(None).unwrap().len(), 2);
    }
}
