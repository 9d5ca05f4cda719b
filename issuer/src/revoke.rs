//! Revocation lists (FORMAT.md §17): the vendor's signed, cumulative list of withdrawn
//! licenses and keys. Each list holds every revocation this ledger made so far, and its
//! serial is the ledger's last one plus one, taken in the transaction that records it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SubsecRound as _, Utc};
use license_format::time::{format_rfc3339, parse_rfc3339};
use license_format::{DocumentKind, KeyId, RevocationList, RevokedKey, RevokedLicense};
use sha2::{Digest as _, Sha256};

use crate::certify::Destination;
use crate::ledger::{Ledger, LedgerTx, ListRecord, RevocationRecord, RevokedKind};
use crate::output::{check_replace, commit_with_file};
use crate::{Error, Issuer, KeyRole, Result};

/// What to revoke, and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RevokeRequest {
    /// License ids this ledger issued.
    pub licenses: Vec<String>,
    /// Key ids (16 lowercase hex digits).
    pub keys: Vec<String>,
    /// The vendor's words, shown to customers; a name (FORMAT.md §1.4 rule 8).
    pub reason: Option<String>,
}

/// A signed, self-checked, recorded revocation list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedList {
    /// The payload as signed: every revocation so far.
    pub list: RevocationList,
    /// The signing key's id.
    pub kid: KeyId,
    /// The armored list.
    pub text: String,
    /// SHA-256 of `text`, lowercase hex.
    pub sha256: String,
    /// The revocations this list is the first to hold.
    pub added: Vec<RevocationRecord>,
    /// Ids asked for that an earlier list revoked already: their first entry stays.
    pub already: Vec<RevocationRecord>,
    /// The file written, if any.
    pub out: Option<PathBuf>,
}

/// The default file name of the list with `serial`.
pub fn default_name(serial: u64) -> PathBuf {
    PathBuf::from(format!("revocation-list-{serial}.revocation"))
}

impl Issuer {
    /// Signs the next revocation list: every revocation so far and those of `request`,
    /// issued at `now`; records it and writes it (whole, never over an existing file
    /// unless `force`) before the record commits. An id revoked before keeps its first
    /// entry and is reported in [`IssuedList::already`].
    ///
    /// # Errors
    /// [`Error::NothingToRevoke`], [`Error::RevokeKeyId`], [`Error::RevokeReason`],
    /// [`Error::RevokesOwnKey`], [`Error::UnknownLicense`], as
    /// [`Issuer::check_signing`], [`Error::Exists`], [`Error::SelfCheck`],
    /// [`Error::Ledger`], [`Error::Io`]. On any error nothing is recorded or written.
    pub fn revoke(
        &self,
        ledger: &mut Ledger,
        request: &RevokeRequest,
        now: DateTime<Utc>,
        out: Destination<'_>,
        force: bool,
    ) -> Result<IssuedList> {
        let now = now.trunc_subsecs(0);
        self.check_request(request, now)?;
        if let Destination::File(path) = out {
            check_replace(path, force)?;
        }
        let ledger_path = ledger.path().to_owned();
        let tx = ledger.begin()?;
        self.check_signing(&tx, DocumentKind::RevocationList, now)?;
        check_issued(&tx, &request.licenses, &ledger_path)?;
        // Taken inside the transaction, which holds the write lock until it commits:
        // two revokes at once queue, and never sign the same serial.
        let serial = tx.last_list_serial()? + 1;
        let path = out.resolve(|| default_name(serial), force)?;
        let before = tx.revocations()?;
        let (added, already) = split(request, &before, serial, now);
        let list = self.list(serial, now, before.iter().chain(&added))?;
        let bytes = list.to_bytes();
        let text = self.sign_kind(DocumentKind::RevocationList, &bytes)?;
        self.read_back(DocumentKind::RevocationList, &text, &bytes)?;
        let sha256 = hex::encode(Sha256::digest(text.as_bytes()));
        let record = ListRecord {
            serial,
            issued_at: format_rfc3339(&now),
            kid: self.key_id().to_string(),
            sha256: sha256.clone(),
            text: text.clone(),
        };
        tx.insert_list(&record, &added)?;
        commit_with_file(tx, path.as_deref(), &text, force)?;
        Ok(IssuedList {
            list,
            kid: self.key_id(),
            text,
            sha256,
            added,
            already,
            out: path,
        })
    }

    /// The checks that need no ledger: something to revoke, well-formed key ids, a
    /// reason that is a name, and not the list's own keys.
    fn check_request(&self, request: &RevokeRequest, now: DateTime<Utc>) -> Result<()> {
        if request.licenses.is_empty() && request.keys.is_empty() {
            return Err(Error::NothingToRevoke);
        }
        for value in &request.keys {
            let kid: KeyId = value.parse().map_err(|_| Error::RevokeKeyId {
                value: value.clone(),
            })?;
            if kid == self.key_id() {
                let kid = kid.to_string();
                return Err(Error::RevokesOwnKey {
                    kid,
                    role: KeyRole::Signing,
                });
            }
            if self.signing_certificate().is_some_and(|c| c.root() == kid) {
                let kid = kid.to_string();
                return Err(Error::RevokesOwnKey {
                    kid,
                    role: KeyRole::Root,
                });
            }
        }
        if let Some(reason) = &request.reason {
            check_reason(reason, now)?;
        }
        Ok(())
    }

    /// The list payload holding `entries`, sorted as FORMAT.md §17.2 requires.
    fn list<'a>(
        &self,
        serial: u64,
        now: DateTime<Utc>,
        entries: impl Iterator<Item = &'a RevocationRecord>,
    ) -> Result<RevocationList> {
        let mut list = RevocationList {
            product: license_catalog::builtin().product.clone(),
            serial,
            issued_at: now,
            issuer: self.name().to_owned(),
            licenses: Vec::new(),
            keys: Vec::new(),
        };
        for r in entries {
            // Written by this program from `now`; a row edited by hand reads as now.
            let revoked_at = parse_rfc3339(&r.revoked_at).unwrap_or(now);
            let reason = r.reason.clone();
            match r.kind {
                RevokedKind::License => list.licenses.push(RevokedLicense {
                    license_id: r.id.clone(),
                    revoked_at,
                    reason,
                }),
                RevokedKind::Key => list.keys.push(RevokedKey {
                    kid: r.id.clone(),
                    revoked_at,
                    reason,
                }),
            }
        }
        // Ids compare as bytes (FORMAT.md §17.2), which is how `str` orders.
        list.licenses
            .sort_by(|a, b| a.license_id.cmp(&b.license_id));
        list.keys.sort_by(|a, b| a.kid.cmp(&b.kid));
        list.validate(license_catalog::builtin())?;
        Ok(list)
    }
}

/// Refuses a license id this ledger never issued: a typo would revoke nothing.
fn check_issued(tx: &LedgerTx<'_>, licenses: &[String], ledger_path: &Path) -> Result<()> {
    for license_id in licenses {
        if !tx.has_license(license_id)? {
            return Err(Error::UnknownLicense {
                license_id: license_id.clone(),
                path: ledger_path.to_owned(),
            });
        }
    }
    Ok(())
}

/// The requested ids split into those new to the ledger (recorded with this list) and
/// those an earlier list revoked already.
fn split(
    request: &RevokeRequest,
    before: &[RevocationRecord],
    serial: u64,
    now: DateTime<Utc>,
) -> (Vec<RevocationRecord>, Vec<RevocationRecord>) {
    let licenses = request.licenses.iter().map(|id| (RevokedKind::License, id));
    let keys = request.keys.iter().map(|id| (RevokedKind::Key, id));
    let asked: BTreeSet<(&str, &String)> = licenses
        .chain(keys)
        .map(|(kind, id)| (kind.code(), id))
        .collect();
    let (mut added, mut already) = (Vec::new(), Vec::new());
    for (code, id) in asked {
        let kind = if code == "key" {
            RevokedKind::Key
        } else {
            RevokedKind::License
        };
        match before.iter().find(|r| r.kind == kind && &r.id == id) {
            Some(first) => already.push(first.clone()),
            None => added.push(RevocationRecord {
                kind,
                id: id.clone(),
                revoked_at: format_rfc3339(&now),
                reason: request.reason.clone(),
                serial,
            }),
        }
    }
    (added, already)
}

/// Checks a reason by the format's own rule for names, as an installation will read it.
fn check_reason(reason: &str, now: DateTime<Utc>) -> Result<()> {
    let probe = RevocationList {
        product: license_catalog::builtin().product.clone(),
        serial: 1,
        issued_at: now,
        issuer: "probe".into(),
        licenses: vec![RevokedLicense {
            license_id: "probe".into(),
            revoked_at: now,
            reason: Some(reason.to_owned()),
        }],
        keys: Vec::new(),
    };
    probe
        .validate(license_catalog::builtin())
        .map_err(|cause| Error::RevokeReason { cause })
}
