//! The system events log: imports and refusals, seat and user changes, clock warnings
//! and state changes.

use chrono::{DateTime, Utc};
use license_format::time::{format_rfc3339, parse_rfc3339};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{meta, Ctx, LicenseStore};
use crate::{Error, Result};

/// The kinds the events log records (docs/JSON.md); each [`EventDetail`] has one.
pub const EVENT_KINDS: [&str; 14] = [
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
    "revocation-list",
    "state",
];

/// One logged event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Event {
    /// Its number, increasing.
    pub id: i64,
    /// The effective time it happened.
    #[serde(with = "crate::json_time")]
    pub at: DateTime<Utc>,
    /// Its kind, one of [`EVENT_KINDS`]: what `--kind` filters on.
    pub kind: String,
    /// What happened, as data. In JSON its `code` and members sit beside `kind`.
    #[serde(flatten)]
    pub detail: EventDetail,
}

/// A user who loses access through an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LostSeat {
    /// The user.
    pub user: String,
    /// The plan.
    pub plan: String,
}

/// What an event records, as data: stored as JSON in the log, rendered by the front end.
/// The code of each variant is its kebab-case name (docs/JSON.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EventDetail {
    /// The store was created (kind `init`).
    StoreCreated {
        /// The new installation id.
        installation_id: String,
    },
    /// A license was activated (kind `import`).
    LicenseActivated {
        /// Its id.
        license_id: String,
        /// Its serial.
        serial: u64,
        /// Its customer id.
        customer_id: String,
        /// The license it replaced.
        replaces: Option<String>,
        /// The previous customer id, when the customer changed.
        customer_before: Option<String>,
        /// Every user who lost access through it.
        users_losing_access: Vec<LostSeat>,
    },
    /// The active license's damaged text was restored from its file (kind `import`).
    LicenseRestored {
        /// Its id.
        license_id: String,
    },
    /// An import (or its dry run) was refused (kind `import-refused`).
    ImportRefused {
        /// Whether it was a dry run.
        dry_run: bool,
        /// The refusal's code ([`crate::Error::code`]).
        error: String,
        /// The refusal's data ([`crate::Error::details`]).
        details: Map<String, Value>,
    },
    /// A clock-reset file was refused (kind `import-refused`).
    ClockResetRefused {
        /// The refusal's code.
        error: String,
        /// The refusal's data.
        details: Map<String, Value>,
    },
    /// A seat was assigned (kind `seat-assigned`).
    SeatAssigned {
        /// The user.
        user: String,
        /// The plan.
        plan: String,
        /// The plans whose seats were released in the same step.
        moved_from: Vec<String>,
    },
    /// A seat was released (kind `seat-released`).
    SeatReleased {
        /// The user.
        user: String,
        /// The plan.
        plan: String,
    },
    /// A seat was refused (kind `seat-refused`).
    SeatRefused {
        /// The user.
        user: String,
        /// The plan.
        plan: String,
        /// The refusal's code.
        error: String,
        /// The refusal's data.
        details: Map<String, Value>,
    },
    /// A user was added (kind `user-added`).
    UserAdded {
        /// The user.
        user: String,
        /// With login rights.
        login: bool,
    },
    /// A user's login rights changed (kind `user-login`).
    LoginChanged {
        /// The user.
        user: String,
        /// The rights now.
        login: bool,
    },
    /// A user was removed (kind `user-removed`).
    UserRemoved {
        /// The user.
        user: String,
        /// The plans whose seats were released.
        released: Vec<String>,
    },
    /// The system clock was found far behind the latest time seen (kind `clock`).
    ClockBehind {
        /// The system clock.
        clock: DateTime<Utc>,
        /// The latest time seen.
        mark: DateTime<Utc>,
        /// Whole hours behind.
        hours: i64,
    },
    /// A clock reset was requested (kind `clock-reset-requested`).
    ClockResetRequested {
        /// The request's nonce.
        nonce: String,
        /// The system clock.
        clock: DateTime<Utc>,
        /// The latest time seen.
        mark: Option<DateTime<Utc>>,
    },
    /// A clock reset was applied (kind `clock-reset`).
    ClockReset {
        /// Who signed it.
        issuer: String,
        /// The key that signed it.
        kid: String,
        /// The request it answered.
        nonce: String,
        /// The latest time seen before.
        mark_before: Option<DateTime<Utc>>,
        /// The latest time seen after.
        mark_after: DateTime<Utc>,
    },
    /// A revocation list was imported (kind `revocation-list`).
    RevocationListImported {
        /// Its serial.
        serial: u64,
        /// The key that signed it.
        kid: String,
        /// How many licenses it revokes.
        licenses: usize,
        /// How many keys it revokes.
        keys: usize,
        /// The active license, when the list withdraws it.
        revokes_active: Option<String>,
    },
    /// The license's state changed (kind `state`).
    StateChanged {
        /// The license.
        license_id: String,
        /// The state's code (`active`, `grace`, `expired`, `not-yet-valid`, `revoked`).
        state: String,
        /// Whole days left, in grace.
        days_left: Option<i64>,
    },
    /// An event this version cannot read as data: written as text by an earlier version,
    /// or edited. Its stored text, as it is.
    Text {
        /// The stored text.
        text: String,
    },
}

impl EventDetail {
    /// Its stable code: the variant's name in kebab-case (docs/JSON.md).
    pub fn code(&self) -> &'static str {
        match self {
            EventDetail::StoreCreated { .. } => "store-created",
            EventDetail::LicenseActivated { .. } => "license-activated",
            EventDetail::LicenseRestored { .. } => "license-restored",
            EventDetail::ImportRefused { .. } => "import-refused",
            EventDetail::ClockResetRefused { .. } => "clock-reset-refused",
            EventDetail::SeatAssigned { .. } => "seat-assigned",
            EventDetail::SeatReleased { .. } => "seat-released",
            EventDetail::SeatRefused { .. } => "seat-refused",
            EventDetail::UserAdded { .. } => "user-added",
            EventDetail::LoginChanged { .. } => "login-changed",
            EventDetail::UserRemoved { .. } => "user-removed",
            EventDetail::ClockBehind { .. } => "clock-behind",
            EventDetail::ClockResetRequested { .. } => "clock-reset-requested",
            EventDetail::ClockReset { .. } => "clock-reset",
            EventDetail::RevocationListImported { .. } => "revocation-list-imported",
            EventDetail::StateChanged { .. } => "state-changed",
            EventDetail::Text { .. } => "text",
        }
    }

    /// The kind of event it is, one of [`EVENT_KINDS`].
    pub fn kind(&self) -> &'static str {
        match self {
            EventDetail::StoreCreated { .. } => "init",
            EventDetail::LicenseActivated { .. } | EventDetail::LicenseRestored { .. } => "import",
            EventDetail::ImportRefused { .. } | EventDetail::ClockResetRefused { .. } => {
                "import-refused"
            }
            EventDetail::SeatAssigned { .. } => "seat-assigned",
            EventDetail::SeatReleased { .. } => "seat-released",
            EventDetail::SeatRefused { .. } => "seat-refused",
            EventDetail::UserAdded { .. } => "user-added",
            EventDetail::LoginChanged { .. } => "user-login",
            EventDetail::UserRemoved { .. } => "user-removed",
            EventDetail::ClockBehind { .. } => "clock",
            EventDetail::ClockResetRequested { .. } => "clock-reset-requested",
            EventDetail::ClockReset { .. } => "clock-reset",
            EventDetail::RevocationListImported { .. } => "revocation-list",
            EventDetail::StateChanged { .. } => "state",
            EventDetail::Text { .. } => "text",
        }
    }

    /// A refusal of `error` in an import, a dry run or a seat.
    pub(crate) fn refusal(error: &Error) -> (String, Map<String, Value>) {
        (error.code().to_owned(), error.details())
    }
}

/// Appends an event.
pub(crate) fn log(conn: &Connection, at: DateTime<Utc>, detail: &EventDetail) -> Result<()> {
    let data = serde_json::to_string(detail).unwrap_or_default();
    conn.execute(
        "INSERT INTO events (at, kind, message) VALUES (?1, ?2, ?3)",
        params![format_rfc3339(&at), detail.kind(), data],
    )?;
    Ok(())
}

/// An event's stored data: its JSON, or, when it is not JSON this version reads, the
/// text as it is.
fn stored_detail(message: String) -> EventDetail {
    match serde_json::from_str(&message) {
        Ok(EventDetail::Text { .. }) | Err(_) => EventDetail::Text { text: message },
        Ok(detail) => detail,
    }
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
        &EventDetail::StateChanged {
            license_id: license.license_id().to_owned(),
            state: state.name().to_owned(),
            days_left: match state {
                crate::State::Grace { days_left, .. } => Some(days_left),
                _ => None,
            },
        },
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
                    .map_err(|_| Error::DamagedStore(crate::Damage::BadEventTime { id }))?;
                Ok(Event {
                    id,
                    at,
                    kind,
                    detail: stored_detail(message),
                })
            })
            .collect()
        })
    }

    /// Records a refusal in its own transaction, after the refused operation's
    /// transaction was rolled back: the event and nothing else (the mark does not move).
    /// Best effort: a store that cannot be written now keeps no record, and the refusal
    /// stands as it is, with its own exit status.
    pub(crate) fn log_alone(&self, now: DateTime<Utc>, detail: &EventDetail) {
        let record = || -> Result<()> {
            let tx = rusqlite::Transaction::new_unchecked(
                &self.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            let at = super::clock::mark(&tx)?.map_or(now, |mark| mark.max(now));
            log(&tx, at, detail)?;
            tx.commit()?;
            Ok(())
        };
        let _ = record();
    }
}
