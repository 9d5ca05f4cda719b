//! Activation by file import: verify, product, binding, anti-rollback, usability; then
//! the changes the new license makes, and activation in one transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use license_format::{dearmor, Customer, Envelope};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::{clock, events, seats, Ctx, LicenseStore};
use crate::{verify, Error, Result, VerifiedLicense};

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
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
pub struct Changes {
    /// System licenses the new license adds.
    pub modules_gained: Vec<String>,
    /// System licenses the new license drops.
    pub modules_lost: Vec<String>,
    /// Plans whose seat count changes, including plans added or dropped.
    pub seats: Vec<SeatChange>,
    /// Users over their plan's new count.
    pub users_losing_access: Vec<LostAccess>,
    /// The license's end before, when it moves (`null`: perpetual).
    #[serde(with = "crate::json_time::optional")]
    pub valid_until_before: Option<DateTime<Utc>>,
    /// The license's end after.
    #[serde(with = "crate::json_time::optional")]
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
pub struct ImportReport {
    /// What happened.
    pub outcome: ImportOutcome,
    /// The imported license's id.
    pub license_id: String,
    /// Its serial.
    pub serial: u64,
    /// Its customer's id.
    pub customer: String,
    /// Its end (`null`: perpetual).
    #[serde(with = "crate::json_time::optional")]
    pub valid_until: Option<DateTime<Utc>>,
    /// The license it replaces.
    pub previous: Option<String>,
    /// What changes.
    pub changes: Changes,
}

impl LicenseStore {
    /// Imports a license file. With `dry_run`, reports the same and changes nothing.
    /// A refusal changes nothing but the events log, where it is recorded.
    ///
    /// # Errors
    /// [`Error::Format`] (malformed, forged, unknown key, other product),
    /// [`Error::WrongInstallation`], [`Error::OlderSerial`], [`Error::SerialConflict`],
    /// [`Error::OlderThanActive`], [`Error::Expired`], [`Error::NotYetValid`], or a store
    /// error.
    pub fn import(&self, bytes: &[u8], dry_run: bool, now: DateTime<Utc>) -> Result<ImportReport> {
        let result = verify(bytes, &self.keyring).and_then(|new| {
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let ctx = self.begin(&tx, now)?;
            let report = self.import_in(&tx, &ctx, bytes, &new, dry_run)?;
            if report.outcome == ImportOutcome::Activated {
                tx.commit()?;
            }
            Ok(report)
        });
        match &result {
            Err(Error::Sqlite(_) | Error::DamagedStore(_)) | Ok(_) => {}
            Err(e) => {
                let what = if dry_run {
                    "dry run of import"
                } else {
                    "import"
                };
                self.log_alone(now, "import-refused", &format!("{what} refused: {e}"))?;
            }
        }
        result
    }

    fn import_in(
        &self,
        tx: &Connection,
        ctx: &Ctx,
        bytes: &[u8],
        new: &VerifiedLicense,
        dry_run: bool,
    ) -> Result<ImportReport> {
        new.check_installation(&self.installation_id)?;
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
        if ctx.license().is_err() && active_digest(tx)?.as_deref() == Some(new.digest().as_str()) {
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
        // A newer license re-anchors the clock: a mark once set far ahead is recovered.
        let anchor = ctx.clock.max(p.issued_at);
        new.check_usable_at(anchor)?;
        report.changes = changes(tx, old, new, anchor)?;
        if dry_run {
            report.outcome = ImportOutcome::DryRun;
            return Ok(report);
        }
        report.outcome = ImportOutcome::Activated;
        activate(tx, new, bytes, anchor)?;
        let replaced = report
            .previous
            .as_ref()
            .map(|id| format!(", replacing {id}"))
            .unwrap_or_default();
        let customer = match (
            &report.changes.customer_before,
            report.changes.customer_changes,
        ) {
            (Some(before), true) => {
                format!("; customer changes from {} to {}", before.id, p.customer.id)
            }
            _ => String::new(),
        };
        events::log(
            tx,
            anchor,
            "import",
            &format!(
                "license {} serial {} activated{replaced}{customer}",
                p.license_id, p.serial
            ),
        )?;
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
    events::log(
        tx,
        now,
        "import",
        &format!("license {} restored from its file", p.license_id),
    )
}

fn active_digest(tx: &Connection) -> Result<Option<String>> {
    use rusqlite::OptionalExtension as _;
    Ok(tx
        .query_row("SELECT digest FROM licenses WHERE active = 1", [], |r| {
            r.get(0)
        })
        .optional()?)
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
    let earlier = imported_in_sequence(tx, &p.customer.id, p.installation_id.as_deref())?;
    if earlier
        .iter()
        .any(|(serial, d)| *serial == p.serial && *d != digest)
    {
        return Err(Error::SerialConflict {
            serial: p.serial,
            customer: p.customer.id.clone(),
            installation_id: p.installation_id.clone(),
        });
    }
    if let Some(latest) = earlier.iter().map(|(serial, _)| *serial).max() {
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
    if let Some(a) = active.map(VerifiedLicense::payload) {
        let same_sequence =
            a.customer.id == p.customer.id && a.installation_id == p.installation_id;
        if !same_sequence && p.issued_at < a.issued_at {
            return Err(Error::OlderThanActive {
                license_id: p.license_id.clone(),
                issued_at: p.issued_at,
                active_id: a.license_id.clone(),
                active_issued_at: a.issued_at,
            });
        }
    }
    Ok(Rollback::Newer)
}

/// (serial, digest) of every file imported before in the sequence (`customer`,
/// `installation_id`). The installation id is read from each stored file: the rows were
/// verified when imported, and a key since retired must not hide them, so the signature
/// is not checked again here.
fn imported_in_sequence(
    tx: &Connection,
    customer: &str,
    installation_id: Option<&str>,
) -> Result<Vec<(u64, String)>> {
    let mut stmt =
        tx.prepare("SELECT license_id, serial, digest, text FROM licenses WHERE customer_id = ?1")?;
    let mut rows = stmt.query([customer])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        let license_id: String = row.get(0)?;
        let text: Vec<u8> = row.get(3)?;
        let damaged = || {
            Error::DamagedStore(format!(
                "the imported license {license_id} in its history can no longer be read: the store was altered; restore it from a backup"
            ))
        };
        let serial = u64::try_from(row.get::<_, i64>(1)?).map_err(|_| damaged())?;
        if stored_installation_id(&text)
            .ok_or_else(damaged)?
            .as_deref()
            == installation_id
        {
            found.push((serial, row.get(2)?));
        }
    }
    Ok(found)
}

/// The `installation_id` of a stored license file (`Some(None)`: unbound), or `None`
/// when the text is not a license file any more.
fn stored_installation_id(text: &[u8]) -> Option<Option<String>> {
    let envelope = Envelope::parse(&dearmor(text).ok()?).ok()?;
    let payload: serde_json::Value = serde_json::from_slice(&envelope.payload).ok()?;
    match payload.get("installation_id")? {
        serde_json::Value::Null => Some(None),
        serde_json::Value::String(id) => Some(Some(id.clone())),
        _ => None,
    }
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
    clock::set_mark(tx, anchor)
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
