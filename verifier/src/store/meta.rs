//! The `meta` table: one value per key (installation id, high-water mark, last state).

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use rand_core::{OsRng, RngCore};
use rusqlite::{params, Connection, OptionalExtension};

use crate::verify::hex;
use crate::Result;

/// The value stored under `key`.
pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

/// Stores `value` under `key`.
pub(crate) fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Removes `key`.
pub(crate) fn delete(conn: &Connection, key: &str) -> Result<()> {
    conn.execute("DELETE FROM meta WHERE key = ?1", [key])?;
    Ok(())
}

/// Makes the installation id: 128 random bits from the operating system, in hex.
pub(crate) fn create_installation(conn: &Connection, now: DateTime<Utc>) -> Result<String> {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    let id = hex(&bytes);
    set(conn, "installation_id", &id)?;
    set(conn, "created_at", &format_rfc3339(&now))?;
    let detail = super::events::EventDetail::StoreCreated {
        installation_id: id.clone(),
    };
    super::events::log(conn, now, &detail)?;
    Ok(id)
}
