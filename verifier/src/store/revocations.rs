//! The revocation list an installation holds (FORMAT.md §17.4): the newest list it
//! imported, re-verified on every operation like the active license, or the list built
//! into the program, whichever supersedes the other. A license it withdraws is
//! [`crate::State::Revoked`]; a document signed by a key it withdraws is refused.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use license_format::{verify_revocation_list, KeyId, Trust, VerifiedRevocationList};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::events::{self, EventDetail};
use super::{Ctx, LicenseStore};
use crate::revocation::key_revocation;
use crate::{Damage, Error, Result, Revocation};

/// A verified list, shared between the store's cache and the operations that use it.
pub(crate) type HeldList = Arc<VerifiedRevocationList>;

/// What importing a revocation list did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ListOutcome {
    /// The list is now the one the installation holds.
    Imported,
    /// A dry run: it would be imported; nothing changed.
    DryRun,
}

/// The report of importing a revocation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RevocationImport {
    /// What happened.
    pub outcome: ListOutcome,
    /// The list's serial.
    pub serial: u64,
    /// The serial of the list held before (`null`: none).
    pub previous_serial: Option<u64>,
    /// When the vendor signed it.
    #[serde(with = "crate::json_time")]
    pub issued_at: DateTime<Utc>,
    /// Who signed it (the vendor's display name).
    pub issuer: String,
    /// The signing key's id.
    #[serde(serialize_with = "crate::json_time::key_id")]
    pub kid: KeyId,
    /// How many licenses it revokes.
    pub licenses: usize,
    /// How many keys it revokes.
    pub keys: usize,
    /// The active license's id (`null`: none is active).
    pub active_license: Option<String>,
    /// Why the active license is withdrawn under this list (`null`: it is not).
    pub revokes_active: Option<Revocation>,
}

/// Whether `by` withdraws a key that `list`'s own trust rests on.
fn revokes_signer(by: &VerifiedRevocationList, list: &VerifiedRevocationList) -> bool {
    first_revoked(by, list).is_some()
}

/// The first key of `list`'s chain (signer, then root) that `by` withdraws.
fn first_revoked(by: &VerifiedRevocationList, list: &VerifiedRevocationList) -> Option<Revocation> {
    list.kids().iter().find_map(|kid| key_revocation(by, kid))
}

/// Whether `new` replaces `old`: a higher serial, or the withdrawal of a key `old` was
/// signed under. The second case is how the vendor recovers from a stolen issuing key
/// whose thief signed a list with the highest serial there is: the vendor's next list
/// revokes that key, and the thief's list then counts for nothing.
fn supersedes(new: &VerifiedRevocationList, old: &VerifiedRevocationList) -> bool {
    revokes_signer(new, old) || (new.list.serial > old.list.serial && !revokes_signer(old, new))
}

/// The list that counts, of the one built in and the one imported.
pub(crate) fn effective(built_in: Option<&HeldList>, stored: Option<HeldList>) -> Option<HeldList> {
    match (built_in, stored) {
        (Some(b), Some(s)) if !supersedes(&s, b) => Some(Arc::clone(b)),
        (_, Some(s)) => Some(s),
        (b, None) => b.cloned(),
    }
}

/// Verifies a list under `trust` and refuses one that withdraws a key its own trust
/// rests on (FORMAT.md §17.4 step 3).
pub(crate) fn verify_list(bytes: &[u8], trust: &Trust) -> Result<VerifiedRevocationList> {
    let list = verify_revocation_list(bytes, trust, license_catalog::builtin())?;
    if let Some(revocation) = first_revoked(&list, &list) {
        return Err(Error::SignerRevoked {
            document: "revocation-list",
            revocation,
        });
    }
    Ok(list)
}

/// The imported list as this store last verified it, and what identifies the moment.
#[derive(Debug)]
pub(crate) struct Checked {
    /// `PRAGMA data_version` then: it moves when another connection commits.
    data_version: i64,
    /// The row's id.
    id: i64,
    /// The row's text, exactly as verified.
    text: Vec<u8>,
    /// The list.
    list: HeldList,
}

/// The latest imported row's id, without its text (`None`: no list imported).
fn latest_id(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT max(id) FROM revocation_lists")?
        .query_row([], |r| r.get(0))?)
}

/// The row `id`: its serial column and its text.
fn row(conn: &Connection, id: i64) -> Result<(i64, Vec<u8>)> {
    Ok(conn
        .prepare_cached("SELECT serial, text FROM revocation_lists WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// The `kid` of an armored list's envelope, as written (empty when it cannot be read).
fn signer(text: &[u8]) -> String {
    license_format::dearmor_as(license_format::DocumentKind::RevocationList, text)
        .ok()
        .and_then(|e| {
            license_format::Envelope::parse_as(&e, license_format::DocumentKind::RevocationList)
                .ok()
        })
        .map(|e| e.kid.to_string())
        .unwrap_or_default()
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "data_version", |r| r.get(0))?)
}

impl LicenseStore {
    /// The list imported last, re-verified. A question reads its text again only when
    /// another connection wrote to the store since this one looked (a list may be up to
    /// 1 MiB), and verifies it again only when the text changed, so a question costs no
    /// signature check for it; an edit by any other process is seen at the next
    /// operation.
    pub(crate) fn stored_list(&self, conn: &Connection) -> Result<Option<HeldList>> {
        let Some(id) = latest_id(conn)? else {
            return Ok(None);
        };
        let version = data_version(conn)?;
        if let Some(c) = &*self.list_checked.borrow() {
            if (c.data_version, c.id) == (version, id) {
                return Ok(Some(Arc::clone(&c.list)));
            }
        }
        let (serial, text) = row(conn, id)?;
        if let Some(c) = &mut *self.list_checked.borrow_mut() {
            if c.text == text {
                (c.data_version, c.id) = (version, id);
                return Ok(Some(Arc::clone(&c.list)));
            }
        }
        let damaged = |error: &str| {
            Error::DamagedStore(Damage::RevocationListUnverified {
                serial,
                error: error.to_owned(),
            })
        };
        let list = verify_list(&text, &self.trust).map_err(|e| match e.code() {
            // The trust changed, not the store: say so, as for the active license.
            "unknown-key" | "certificate-not-by-root" => Error::UntrustedStoredList {
                serial,
                kid: signer(&text),
            },
            code => damaged(code),
        })?;
        if i64::try_from(list.list.serial).ok() != Some(serial) {
            return Err(damaged("serial-mismatch"));
        }
        let list = Arc::new(list);
        *self.list_checked.borrow_mut() = Some(Checked {
            data_version: version,
            id,
            text,
            list: Arc::clone(&list),
        });
        Ok(Some(list))
    }

    /// The list that counts now: the imported one or the one built in.
    pub(crate) fn held_list(&self, conn: &Connection) -> Result<Option<HeldList>> {
        Ok(effective(
            self.built_in_list.as_ref(),
            self.stored_list(conn)?,
        ))
    }

    /// Imports a revocation list from the vendor (FORMAT.md §17.4): verified under the
    /// trusted keys, not signed by a key it or the held list withdraws, and newer than
    /// the held list. A list imported over one that no longer verifies (a damaged store)
    /// replaces it, judged against the list built in. Licenses it withdraws turn [`crate::State::Revoked`] from then on.
    /// With `dry_run`, reports the same and changes nothing. A refusal changes nothing
    /// but the events log.
    ///
    /// # Errors
    /// [`Error::Format`] (malformed, forged, unknown key, another kind or product, a
    /// broken chain of trust), [`Error::SignerRevoked`], [`Error::OlderRevocationList`],
    /// or a store error.
    pub fn import_revocation_list(
        &self,
        bytes: &[u8],
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<RevocationImport> {
        let result = verify_list(bytes, &self.trust).and_then(|new| {
            self.write(now, |tx, ctx| {
                let report = self.list_report(ctx, &new, dry_run)?;
                if !dry_run {
                    insert(tx, &new, bytes, ctx.now)?;
                    events::log(tx, ctx.now, &imported_event(&report))?;
                }
                Ok(report)
            })
        });
        let result = result.map_err(|e| self.unwritable_error(e));
        self.log_import_refusal(now, dry_run, &result);
        result
    }

    /// Judges `new` against the held list and says what importing it changes.
    fn list_report(
        &self,
        ctx: &Ctx,
        new: &VerifiedRevocationList,
        dry_run: bool,
    ) -> Result<RevocationImport> {
        let held = ctx.revocations.as_deref();
        if let Some(revocation) = held.and_then(|h| first_revoked(h, new)) {
            return Err(Error::SignerRevoked {
                document: "revocation-list",
                revocation,
            });
        }
        if let Some(h) = held.filter(|h| !supersedes(new, h)) {
            return Err(Error::OlderRevocationList {
                serial: new.list.serial,
                held: h.list.serial,
            });
        }
        // A store whose list no longer verifies is mended by a newer one: the report then
        // says nothing of a license the damage keeps from being read.
        let active = ctx.license().ok().flatten();
        let list = &new.list;
        Ok(RevocationImport {
            outcome: if dry_run {
                ListOutcome::DryRun
            } else {
                ListOutcome::Imported
            },
            serial: list.serial,
            previous_serial: held.map(|h| h.list.serial),
            issued_at: list.issued_at,
            issuer: list.issuer.clone(),
            kid: new.kid,
            licenses: list.licenses.len(),
            keys: list.keys.len(),
            active_license: active.map(|l| l.license_id().to_owned()),
            revokes_active: active
                .and_then(|l| l.clone().judged_by(Some(new)).revocation().cloned()),
        })
    }

    /// Refuses a document signed under a key the held list withdraws.
    pub(crate) fn check_signer(
        &self,
        ctx: &Ctx,
        document: &'static str,
        kids: &[KeyId],
    ) -> Result<()> {
        let Some(held) = ctx.revocations.as_deref() else {
            return Ok(());
        };
        match kids.iter().find_map(|kid| key_revocation(held, kid)) {
            Some(revocation) => Err(Error::SignerRevoked {
                document,
                revocation,
            }),
            None => Ok(()),
        }
    }
}

fn insert(
    tx: &Connection,
    list: &VerifiedRevocationList,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO revocation_lists (serial, kid, text, imported_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            i64::try_from(list.list.serial).unwrap_or(i64::MAX),
            list.kid.to_string(),
            bytes,
            format_rfc3339(&now)
        ],
    )?;
    Ok(())
}

fn imported_event(report: &RevocationImport) -> EventDetail {
    EventDetail::RevocationListImported {
        serial: report.serial,
        kid: report.kid.to_string(),
        licenses: report.licenses,
        keys: report.keys,
        revokes_active: report
            .revokes_active
            .as_ref()
            .and(report.active_license.clone()),
    }
}
