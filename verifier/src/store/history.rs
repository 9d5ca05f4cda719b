//! Every license imported, oldest first, with when and what each one changed against
//! the one before it: the Licenses screen's history.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use license_format::time::parse_rfc3339;
use license_format::{dearmor, Customer, Envelope, Payload};
use serde::Serialize;

use super::import::SeatChange;
use super::LicenseStore;
use crate::{Error, Result};

/// One license imported into the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HistoryEntry {
    /// The license's id.
    pub license_id: String,
    /// Its serial.
    pub serial: u64,
    /// Its customer.
    pub customer: Customer,
    /// When it was imported (the store's effective time then).
    #[serde(with = "crate::json_time")]
    pub imported_at: DateTime<Utc>,
    /// Whether it is the active license.
    pub active: bool,
    /// The end of its term. In JSON: `ends_at` and `last_day`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end")]
    pub valid_until: Option<DateTime<Utc>>,
    /// System licenses it added against the license before it.
    pub modules_gained: Vec<String>,
    /// System licenses it dropped.
    pub modules_lost: Vec<String>,
    /// Plans whose seat count it changed.
    pub seats: Vec<SeatChange>,
    /// Whether it moved the end of the term.
    pub expiry_moves: bool,
    /// Whether it is another customer's than the license before it.
    pub customer_changes: bool,
}

/// The payload of a stored file, read without its signature: the file was verified when
/// it was imported, and a key since retired must not hide it from the history.
fn stored_payload(license_id: &str, text: &[u8]) -> Result<Payload> {
    let damaged = || {
        Error::DamagedStore(crate::Damage::UnreadableHistory {
            license_id: license_id.to_owned(),
        })
    };
    let envelope =
        Envelope::parse(&dearmor(text).map_err(|_| damaged())?).map_err(|_| damaged())?;
    Payload::parse(&envelope.payload, license_catalog::builtin()).map_err(|_| damaged())
}

/// What `new` changed against `old` (nothing before the first license).
fn entry(
    new: &Payload,
    old: Option<&Payload>,
    imported_at: DateTime<Utc>,
    active: bool,
) -> HistoryEntry {
    let modules = |p: Option<&Payload>| -> BTreeSet<String> {
        p.map(|p| p.system_licenses.iter().map(|g| g.code.clone()).collect())
            .unwrap_or_default()
    };
    let plans = |p: Option<&Payload>| -> BTreeMap<String, u32> {
        p.map(|p| {
            p.user_plans
                .iter()
                .map(|g| (g.code.clone(), g.seats))
                .collect()
        })
        .unwrap_or_default()
    };
    let (before, after) = (modules(old), modules(Some(new)));
    let (seats_before, seats_after) = (plans(old), plans(Some(new)));
    let codes: BTreeSet<&String> = seats_before.keys().chain(seats_after.keys()).collect();
    let seats = codes
        .into_iter()
        .filter_map(|plan| {
            let from = seats_before.get(plan).copied().unwrap_or(0);
            let to = seats_after.get(plan).copied().unwrap_or(0);
            (from != to).then(|| SeatChange {
                plan: plan.clone(),
                from,
                to,
            })
        })
        .collect();
    HistoryEntry {
        license_id: new.license_id.clone(),
        serial: new.serial,
        customer: new.customer.clone(),
        imported_at,
        active,
        valid_until: new.valid_until,
        modules_gained: after.difference(&before).cloned().collect(),
        modules_lost: before.difference(&after).cloned().collect(),
        seats,
        expiry_moves: old.is_some_and(|o| o.valid_until != new.valid_until),
        customer_changes: old.is_some_and(|o| o.customer.id != new.customer.id),
    }
}

impl LicenseStore {
    /// Every license imported, oldest first, with what each changed.
    ///
    /// # Errors
    /// [`Error::DamagedStore`] when a stored file can no longer be read, or a store error.
    pub fn history(&self, now: DateTime<Utc>) -> Result<Vec<HistoryEntry>> {
        self.read(now, |tx, _| {
            let mut stmt = tx.prepare(
                "SELECT license_id, text, imported_at, active FROM licenses ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Vec<u8>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut out = Vec::new();
            let mut previous: Option<Payload> = None;
            for (license_id, text, imported_at, active) in rows {
                let payload = stored_payload(&license_id, &text)?;
                let imported_at = parse_rfc3339(&imported_at).map_err(|_| {
                    Error::DamagedStore(crate::Damage::BadImportTime {
                        license_id: license_id.clone(),
                    })
                })?;
                out.push(entry(&payload, previous.as_ref(), imported_at, active == 1));
                previous = Some(payload);
            }
            Ok(out)
        })
    }
}
