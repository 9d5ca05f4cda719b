//! Activation by file import: verify, product, binding, anti-rollback, usability; then
//! the changes the new license makes, and activation in one transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use license_format::{dearmor, Customer, Envelope};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::events::{EventDetail, LostSeat};
use super::{clock, events, seats, Ctx, LicenseStore};
use crate::{verify_trusted, Error, Result, VerifiedLicense};

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ImportOutcome {
    /// The license is now the active one.
    Activated,
    /// The identical license was already active; nothing changed.
    AlreadyActive,
    /// A dry run: it would be activated; nothing changed.
    DryRun,
}

/// A plan whose seat count changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SeatChange {
    /// The plan.
    pub plan: String,
    /// Seats before (0: not licensed).
    pub from: u32,
    /// Seats after (0: not licensed).
    pub to: u32,
}

/// A user who loses access through the new license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LostAccess {
    /// The user.
    pub user: String,
    /// The plan.
    pub plan: String,
    /// The user's place among the plan's holders.
    pub rank: u64,
    /// The plan's seats under the new license (0: the plan is gone).
    pub seats: u32,
}

/// What the new license changes compared with the active one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Changes {
    /// System licenses the new license adds.
    pub modules_gained: Vec<String>,
    /// System licenses the new license drops.
    pub modules_lost: Vec<String>,
    /// Plans whose seat count changes, including plans added or dropped.
    pub seats: Vec<SeatChange>,
    /// Users over their plan's new count.
    pub users_losing_access: Vec<LostAccess>,
    /// The license's end before, when it moves (`null`: perpetual). In JSON:
    /// `ends_at_before` and `last_day_before`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end_before")]
    pub valid_until_before: Option<DateTime<Utc>>,
    /// The license's end after. In JSON: `ends_at_after` and `last_day_after`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end_after")]
    pub valid_until_after: Option<DateTime<Utc>>,
    /// Whether the end moves.
    pub expiry_moves: bool,
    /// The active license's customer (`null`: no license is active).
    pub customer_before: Option<Customer>,
    /// The new license's customer.
    pub customer_after: Option<Customer>,
    /// Whether the customer changes: the new license is another customer's (by id).
    pub customer_changes: bool,
}

/// The report of `import`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ImportReport {
    /// What happened.
    pub outcome: ImportOutcome,
    /// The imported license's id.
    pub license_id: String,
    /// Its serial.
    pub serial: u64,
    /// Its customer's id.
    pub customer: String,
    /// Its end (`null`: perpetual). In JSON: `ends_at` and `last_day`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end")]
    pub valid_until: Option<DateTime<Utc>>,
    /// The license it replaces.
    pub previous: Option<String>,
    /// What changes.
    pub changes: Changes,
}

/// How to import: a dry run, and whether a change of customer is confirmed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImportOptions {
    /// Report what would change; change nothing.
    pub dry_run: bool,
    /// The administrator confirmed that the file may replace another customer's license.
    pub confirm_customer_change: bool,
}

impl ImportOptions {
    /// A dry run (or not).
    pub fn dry_run(mut self, yes: bool) -> Self {
        self.dry_run = yes;
        self
    }

    /// Confirms (or not) a change of customer.
    pub fn confirm_customer_change(mut self, yes: bool) -> Self {
        self.confirm_customer_change = yes;
        self
    }
}

impl LicenseStore {
    /// Imports a license file. With `dry_run`, reports the same and changes nothing.
    /// A file of another customer than the active license's is refused
    /// ([`Error::CustomerChange`]); [`LicenseStore::import_with`] can confirm it.
    ///
    /// # Errors
    /// As [`LicenseStore::import_with`].
    pub fn import(&self, bytes: &[u8], dry_run: bool, now: DateTime<Utc>) -> Result<ImportReport> {
        self.import_with(bytes, ImportOptions::default().dry_run(dry_run), now)
    }

    /// Imports a license file. The file is judged at the latest of `now`, the store's
    /// high-water mark and its own issue time, and the mark never goes back. A refusal
    /// changes nothing but the events log, where it is recorded.
    ///
    /// # Errors
    /// [`Error::Format`] (malformed, forged, unknown key, other product),
    /// [`Error::WrongInstallation`], [`Error::OlderSerial`], [`Error::SerialConflict`],
    /// [`Error::OlderThanActive`], [`Error::Revoked`], [`Error::Expired`],
    /// [`Error::NotYetValid`], [`Error::CustomerChange`], or a store error.
    pub fn import_with(
        &self,
        bytes: &[u8],
        options: ImportOptions,
        now: DateTime<Utc>,
    ) -> Result<ImportReport> {
        let dry_run = options.dry_run;
        let result = verify_trusted(bytes, &self.trust).and_then(|new| {
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let ctx = self.begin(&tx, now)?;
            clock::advance(&tx, &ctx)?;
            let new = new.judged_by(ctx.revocations.as_deref());
            let report = self.import_in(&tx, &ctx, bytes, &new, options)?;
            if report.outcome == ImportOutcome::Activated {
                tx.commit()?;
            }
            Ok(report)
        });
        let result = result.map_err(|e| self.unwritable_error(e));
        self.log_import_refusal(now, dry_run, &result);
        result
    }

    /// Records a refused import (or dry run) of a license or a revocation list in the
    /// events log. A store that cannot be read or written records nothing.
    pub(crate) fn log_import_refusal<T>(
        &self,
        now: DateTime<Utc>,
        dry_run: bool,
        result: &Result<T>,
    ) {
        match result {
            Err(Error::Sqlite(_) | Error::DamagedStore(_) | Error::CannotWrite { .. }) | Ok(_) => {}
            Err(e) => {
                let (error, details) = EventDetail::refusal(e);
                let detail = EventDetail::ImportRefused {
                    dry_run,
                    error,
                    details,
                };
                self.log_alone(now, &detail);
            }
        }
    }

    fn import_in(
        &self,
        tx: &Connection,
        ctx: &Ctx,
        bytes: &[u8],
        new: &VerifiedLicense,
        options: ImportOptions,
    ) -> Result<ImportReport> {
        let dry_run = options.dry_run;
        new.check_installation(&self.installation_id)?;
        if let Some(revocation) = new.revocation() {
            return Err(Error::Revoked {
                license_id: new.license_id().to_owned(),
                revocation: revocation.clone(),
            });
        }
        let old = ctx.license.as_ref();
        let p = new.payload();
        let mut report = ImportReport {
            outcome: ImportOutcome::AlreadyActive,
            license_id: p.license_id.clone(),
            serial: p.serial,
            customer: p.customer.id.clone(),
            valid_until: p.valid_until,
            previous: old.map(|l| l.license_id().to_owned()),
            changes: Changes::default(),
        };
        if ctx.license().is_err()
            && active_payload_digest(tx)?.as_deref() == Some(new.digest().as_str())
        {
            report.outcome = if dry_run {
                ImportOutcome::DryRun
            } else {
                ImportOutcome::Activated
            };
            if !dry_run {
                restore(tx, new, bytes, ctx.now)?;
            }
            return Ok(report);
        }
        if anti_rollback(tx, old, new)? == Rollback::AlreadyActive {
            return Ok(report);
        }
        // Judged at the effective time, never earlier: a clock set back cannot revive
        // a term that the mark has already seen end.
        let anchor = ctx.now.max(p.issued_at);
        new.check_usable_at(anchor)?;
        report.changes = changes(tx, old, new, anchor)?;
        if dry_run {
            report.outcome = ImportOutcome::DryRun;
            return Ok(report);
        }
        if report.changes.customer_changes && !options.confirm_customer_change {
            let who = |c: &Customer| format!("{} ({})", c.id, c.name);
            return Err(Error::CustomerChange {
                license_id: p.license_id.clone(),
                before: report
                    .changes
                    .customer_before
                    .as_ref()
                    .map(who)
                    .unwrap_or_default(),
                after: who(&p.customer),
            });
        }
        report.outcome = ImportOutcome::Activated;
        activate(tx, new, bytes, anchor)?;
        let customer_before = match (
            &report.changes.customer_before,
            report.changes.customer_changes,
        ) {
            (Some(before), true) => Some(before.id.clone()),
            _ => None,
        };
        let lost = report.changes.users_losing_access.iter();
        let detail = EventDetail::LicenseActivated {
            license_id: p.license_id.clone(),
            serial: p.serial,
            customer_id: p.customer.id.clone(),
            replaces: report.previous.clone(),
            customer_before,
            users_losing_access: lost
                .map(|l| LostSeat {
                    user: l.user.clone(),
                    plan: l.plan.clone(),
                })
                .collect(),
        };
        events::log(tx, anchor, &detail)?;
        Ok(report)
    }
}

/// Restores the text of the damaged active license from its genuine file.
fn restore(tx: &Connection, new: &VerifiedLicense, bytes: &[u8], now: DateTime<Utc>) -> Result<()> {
    let p = new.payload();
    let serial = i64::try_from(p.serial).unwrap_or(i64::MAX);
    tx.execute(
        "UPDATE licenses SET text = ?1, license_id = ?2, serial = ?3 WHERE active = 1",
        params![bytes, p.license_id, serial],
    )?;
    let detail = EventDetail::LicenseRestored {
        license_id: p.license_id.clone(),
    };
    events::log(tx, now, &detail)
}

/// The digest of the payload inside the active row's text, read from the text itself:
/// the `digest` column could have been edited to name another genuine file.
fn active_payload_digest(tx: &Connection) -> Result<Option<String>> {
    use rusqlite::OptionalExtension as _;
    let text: Option<Vec<u8>> = tx
        .query_row("SELECT text FROM licenses WHERE active = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(text.and_then(|t| stored_facts(&t)).map(|f| f.digest))
}

/// What anti-rollback found: the file is the active one, or newer than what was imported.
#[derive(Debug, PartialEq, Eq)]
enum Rollback {
    /// The identical file is active; nothing to do.
    AlreadyActive,
    /// The file may be activated.
    Newer,
}

/// Anti-rollback, all its rules in one place (FORMAT.md §7.3). A file's sequence is
/// (customer id, installation id or none): the issuer numbers serials per sequence, so
/// serials are compared only within one. Within the file's sequence, against every file
/// imported before: the same serial must carry the same content, and the serial must be
/// above the highest. Across sequences, serials say nothing, so a file of another
/// sequence than the active license's must not have been issued before it: otherwise an
/// old unbound file could replace a newer bound one.
fn anti_rollback(
    tx: &Connection,
    active: Option<&VerifiedLicense>,
    new: &VerifiedLicense,
) -> Result<Rollback> {
    let digest = new.digest();
    if active.is_some_and(|l| l.digest() == digest) {
        return Ok(Rollback::AlreadyActive);
    }
    let p = new.payload();
    let history = history(tx)?;
    let (earlier, others): (Vec<&StoredFacts>, Vec<&StoredFacts>) = history
        .iter()
        .partition(|f| f.customer == p.customer.id && f.installation_id == p.installation_id);
    if earlier
        .iter()
        .any(|f| f.serial == p.serial && f.digest != digest)
    {
        return Err(Error::SerialConflict {
            serial: p.serial,
            customer: p.customer.id.clone(),
            installation_id: p.installation_id.clone(),
        });
    }
    if let Some(latest) = earlier.iter().map(|f| f.serial).max() {
        if latest >= p.serial {
            return Err(Error::OlderSerial {
                license_id: p.license_id.clone(),
                serial: p.serial,
                latest,
                customer: p.customer.id.clone(),
                installation_id: p.installation_id.clone(),
            });
        }
    }
    // Across sequences serials say nothing, so the issue time decides, against every
    // stored file of another sequence (the active one is the newest of them in a store
    // that was not edited).
    if let Some(newest) = others.into_iter().max_by_key(|f| f.issued_at) {
        if p.issued_at < newest.issued_at {
            return Err(Error::OlderThanActive {
                license_id: p.license_id.clone(),
                issued_at: p.issued_at,
                active_id: newest.license_id.clone(),
                active_issued_at: newest.issued_at,
            });
        }
    }
    Ok(Rollback::Newer)
}

/// The facts of every file imported before, read from each stored file, never from the
/// columns beside it, which an administrator could edit to hide a newer file. The
/// signature is not checked again: the rows were verified when imported, and a key since
/// retired must not hide them.
pub(crate) fn history(tx: &Connection) -> Result<Vec<StoredFacts>> {
    let mut stmt = tx.prepare("SELECT license_id, text FROM licenses")?;
    let mut rows = stmt.query([])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        let license_id: String = row.get(0)?;
        let text: Vec<u8> = row.get(1)?;
        found.push(stored_facts(&text).ok_or_else(|| {
            Error::DamagedStore(crate::Damage::UnreadableHistory {
                license_id: license_id.clone(),
            })
        })?);
    }
    Ok(found)
}

/// What anti-rollback needs of a stored license file.
pub(crate) struct StoredFacts {
    pub license_id: String,
    pub issued_at: DateTime<Utc>,
    pub customer: String,
    pub installation_id: Option<String>,
    pub serial: u64,
    pub digest: String,
}

/// The facts of a stored license file, or `None` when the text is not a license file
/// any more.
fn stored_facts(text: &[u8]) -> Option<StoredFacts> {
    use sha2::{Digest as _, Sha256};
    let envelope = Envelope::parse(&dearmor(text).ok()?).ok()?;
    let payload: serde_json::Value = serde_json::from_slice(&envelope.payload).ok()?;
    let installation_id = match payload.get("installation_id")? {
        serde_json::Value::Null => None,
        serde_json::Value::String(id) => Some(id.clone()),
        _ => return None,
    };
    let text_of = |key: &str| payload.get(key)?.as_str().map(str::to_owned);
    Some(StoredFacts {
        license_id: text_of("license_id")?,
        issued_at: license_format::time::parse_rfc3339(&text_of("issued_at")?).ok()?,
        customer: payload.get("customer")?.get("id")?.as_str()?.to_owned(),
        installation_id,
        serial: payload.get("serial")?.as_u64()?,
        digest: crate::verify::hex(&Sha256::digest(&envelope.payload)),
    })
}

fn activate(
    tx: &Connection,
    new: &VerifiedLicense,
    bytes: &[u8],
    anchor: DateTime<Utc>,
) -> Result<()> {
    let p = new.payload();
    tx.execute("UPDATE licenses SET active = 0 WHERE active = 1", [])?;
    tx.execute(
        "INSERT INTO licenses (license_id, serial, customer_id, digest, text, imported_at, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
        params![
            p.license_id,
            i64::try_from(p.serial).unwrap_or(i64::MAX),
            p.customer.id,
            new.digest(),
            bytes,
            format_rfc3339(&anchor)
        ],
    )?;
    clock::raise_mark(tx, anchor)
}

fn changes(
    tx: &Connection,
    old: Option<&VerifiedLicense>,
    new: &VerifiedLicense,
    at: DateTime<Utc>,
) -> Result<Changes> {
    let modules = |l: Option<&VerifiedLicense>| -> BTreeSet<String> {
        l.map(|l| {
            l.payload()
                .system_licenses
                .iter()
                .map(|g| g.code.clone())
                .collect()
        })
        .unwrap_or_default()
    };
    let (before, after) = (modules(old), modules(Some(new)));
    let mut c = Changes {
        modules_gained: after.difference(&before).cloned().collect(),
        modules_lost: before.difference(&after).cloned().collect(),
        valid_until_before: old.and_then(|l| l.payload().valid_until),
        valid_until_after: new.payload().valid_until,
        ..Changes::default()
    };
    c.expiry_moves = old.is_some_and(|_| c.valid_until_before != c.valid_until_after);
    c.customer_before = old.map(|l| l.payload().customer.clone());
    c.customer_after = Some(new.payload().customer.clone());
    c.customer_changes = c
        .customer_before
        .as_ref()
        .is_some_and(|before| before.id != new.payload().customer.id);
    for entry in &new.catalog().user_plans {
        let plan = entry.code.as_str();
        let from = old.and_then(|l| l.seats(plan)).unwrap_or(0);
        let to = new.seats(plan).unwrap_or(0);
        if from != to {
            c.seats.push(SeatChange {
                plan: plan.to_owned(),
                from,
                to,
            });
        }
        // Those counted before and over the new count: positions to+1 ..= counted_before.
        let counted_before = seats::counted_seats(old, plan, at);
        for held in seats::holders(tx, plan, u64::from(to) + 1..=counted_before)? {
            c.users_losing_access.push(LostAccess {
                user: held.user,
                plan: plan.to_owned(),
                rank: held.rank,
                seats: to,
            });
        }
    }
    Ok(c)
}
