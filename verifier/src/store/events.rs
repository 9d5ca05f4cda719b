//! The system events log: imports and refusals, seat and user changes, clock warnings
//! and state changes.

use chrono::{DateTime, Utc};
use license_format::time::{format_rfc3339, parse_rfc3339};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::{meta, Ctx, LicenseStore};
use crate::{Error, Result};

/// The kinds the events log records (docs/JSON.md).
pub const EVENT_KINDS: [&str; 13] = [
    "init",
    "import",
    "import-refused",
    "seat-assigned",
    "seat-released",
    "seat-refused",
    "user-added",
    "user-login",
    "user-removed",
    "clock",
    "clock-reset-requested",
    "clock-reset",
    "state",
];

/// One logged event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Its number, increasing.
    pub id: i64,
    /// The effective time it happened.
    #[serde(with = "crate::json_time")]
    pub at: DateTime<Utc>,
    /// What kind: `init`, `import`, `import-refused`, `seat-assigned`, `seat-released`,
    /// `seat-refused`, `user-added`, `user-login`, `user-removed`, `clock`, `state`.
    pub kind: String,
    /// What happened, in words.
    pub message: String,
}

/// Appends an event.
pub(crate) fn log(conn: &Connection, at: DateTime<Utc>, kind: &str, message: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO events (at, kind, message) VALUES (?1, ?2, ?3)",
        params![format_rfc3339(&at), kind, message],
    )?;
    Ok(())
}

/// The key under which the last recorded state is kept: the license and its state.
fn state_key(ctx: &Ctx) -> Option<String> {
    let license = ctx.license.as_ref()?;
    Some(format!(
        "{} {}",
        license.license_id(),
        license.state_at(ctx.now).name()
    ))
}

/// Whether the license's state differs from the last one recorded.
pub(crate) fn state_changed(conn: &Connection, ctx: &Ctx) -> Result<bool> {
    let Some(key) = state_key(ctx) else {
        return Ok(false);
    };
    Ok(meta::get(conn, "last_state")?.as_deref() != Some(key.as_str()))
}

/// Logs an event when the license's state differs from the last one recorded.
pub(crate) fn note_state_change(conn: &Connection, ctx: &Ctx) -> Result<()> {
    let (Some(key), Some(license)) = (state_key(ctx), &ctx.license) else {
        return Ok(());
    };
    if !state_changed(conn, ctx)? {
        return Ok(());
    }
    meta::set(conn, "last_state", &key)?;
    let state = license.state_at(ctx.now);
    log(
        conn,
        ctx.now,
        "state",
        &format!("license {} is {state}", license.license_id()),
    )
}

impl LicenseStore {
    /// The latest `limit` events, newest first.
    ///
    /// # Errors
    /// [`Error::Sqlite`] or [`Error::DamagedStore`].
    pub fn events(&self, limit: u32, now: DateTime<Utc>) -> Result<Vec<Event>> {
        self.events_where(limit, &[], None, now)
    }

    /// The latest `limit` events of the given kinds (all kinds when empty) at or after
    /// `since`, newest first.
    ///
    /// # Errors
    /// [`Error::Sqlite`] or [`Error::DamagedStore`].
    pub fn events_where(
        &self,
        limit: u32,
        kinds: &[String],
        since: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Event>> {
        // Kinds as one JSON array, so that any number of them is one parameter.
        let kinds = serde_json::to_string(kinds).unwrap_or_else(|_| "[]".into());
        let since = since.map(|t| format_rfc3339(&t));
        self.read(now, |tx, _| {
            let mut stmt = tx.prepare(
                "SELECT id, at, kind, message FROM events
                 WHERE (json_array_length(?2) = 0 OR kind IN (SELECT value FROM json_each(?2)))
                   AND (?3 IS NULL OR at >= ?3)
                 ORDER BY id DESC LIMIT ?1",
            )?;
            let rows = stmt.query_map(params![limit, kinds, since], |r| {
                Ok((r.get(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?))
            })?;
            rows.map(|row| {
                let (id, at, kind, message) = row?;
                let at = parse_rfc3339(&at)
                    .map_err(|e| Error::DamagedStore(format!("events[{id}].at: {e}")))?;
                Ok(Event {
                    id,
                    at,
                    kind,
                    message,
                })
            })
            .collect()
        })
    }

    /// Records a refusal in its own transaction, after the refused operation's
    /// transaction was rolled back: the event and nothing else (the mark does not move).
    /// Best effort: a store that cannot be written now keeps no record, and the refusal
    /// stands as it is, with its own exit status.
    pub(crate) fn log_alone(&self, now: DateTime<Utc>, kind: &str, message: &str) {
        let record = || -> Result<()> {
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let at = super::clock::mark(&tx)?.map_or(now, |mark| mark.max(now));
            log(&tx, at, kind, message)?;
            tx.commit()?;
            Ok(())
        };
        let _ = record();
    }
}
