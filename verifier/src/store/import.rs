//! Activation by file import: verify, product, binding, anti-rollback, usability; then
//! the changes the new license makes, and activation in one transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
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
    /// [`Error::Expired`], [`Error::NotYetValid`], or a store error.
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
        if old.is_some_and(|l| l.digest() == new.digest()) {
            return Ok(report);
        }
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
        check_serial(tx, new)?;
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
        events::log(
            tx,
            anchor,
            "import",
            &format!(
                "license {} serial {} activated{replaced}",
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

/// Anti-rollback: the serial must be above every serial imported for the customer, and
/// a serial seen before must not come back with other content.
fn check_serial(tx: &Connection, new: &VerifiedLicense) -> Result<()> {
    let customer = &new.payload().customer.id;
    let serial = i64::try_from(new.serial()).unwrap_or(i64::MAX);
    let conflict: i64 = tx.query_row(
        "SELECT count(*) FROM licenses WHERE customer_id = ?1 AND serial = ?2 AND digest <> ?3",
        params![customer, serial, new.digest()],
        |r| r.get(0),
    )?;
    if conflict > 0 {
        return Err(Error::SerialConflict {
            serial: new.serial(),
            customer: customer.clone(),
        });
    }
    let latest: Option<i64> = tx.query_row(
        "SELECT max(serial) FROM licenses WHERE customer_id = ?1",
        [customer],
        |r| r.get(0),
    )?;
    match latest {
        Some(latest) if latest >= serial => Err(Error::OlderSerial {
            license_id: new.license_id().to_owned(),
            serial: new.serial(),
            latest: u64::try_from(latest).unwrap_or(0),
            customer: customer.clone(),
        }),
        _ => Ok(()),
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
