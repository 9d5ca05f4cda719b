//! The store's file identity and schema: `PRAGMA application_id` marks the file as ours,
//! `PRAGMA user_version` counts the migrations applied. A file that is not ours is
//! refused before anything is written to it.

use std::path::Path;

use rusqlite::{Connection, ErrorCode};

use crate::{Error, Result};

/// `PRAGMA application_id` of a license store: "LicV" in ASCII.
pub const APPLICATION_ID: i64 = 0x4c69_6356;

/// The migrations, in order; `user_version` is how many have been applied. Never edit
/// one that has shipped: append a new one.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE licenses (
    id INTEGER PRIMARY KEY,
    license_id TEXT NOT NULL,
    serial INTEGER NOT NULL,
    customer_id TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    text BLOB NOT NULL,
    imported_at TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX licenses_one_active ON licenses(active) WHERE active = 1;
CREATE INDEX licenses_by_customer ON licenses(customer_id, serial);
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    login INTEGER NOT NULL CHECK (login IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE seats (
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    plan TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (user, plan)
) STRICT;
CREATE INDEX seats_by_plan ON seats(plan, seq, user);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL
) STRICT;
"#];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// What an opened file turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Identity {
    /// An empty database: ours to create.
    Empty,
    /// A license store.
    Ours,
}

/// Reads the file's identity without writing.
pub(crate) fn identify(conn: &Connection, path: &Path) -> Result<Identity> {
    let foreign = |reason: String| Error::ForeignStore {
        path: path.to_owned(),
        reason,
    };
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::NotADatabase => {
                foreign("not an SQLite database".into())
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::DatabaseCorrupt => {
                Error::DamagedStore(format!(
                    "{} is corrupt; restore it from a backup",
                    path.display()
                ))
            }
            other => Error::Sqlite(other),
        })?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    match app_id {
        APPLICATION_ID if version > SCHEMA_VERSION => Err(Error::NewerStore {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        }),
        APPLICATION_ID => Ok(Identity::Ours),
        0 if objects == 0 && version == 0 => Ok(Identity::Empty),
        0 => Err(foreign(format!(
            "an SQLite database of another program, with {objects} schema objects"
        ))),
        other => Err(foreign(format!(
            "an SQLite database with application id {other:#x}"
        ))),
    }
}

/// Applies the migrations not yet applied; the caller holds a write transaction.
pub(crate) fn migrate(conn: &Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_empty_ours_foreign_and_newer() {
        let path = Path::new("mem");
        let conn = Connection::open_in_memory().unwrap();
        assert_eq!(identify(&conn, path).unwrap(), Identity::Empty);
        migrate(&conn).unwrap();
        assert_eq!(identify(&conn, path).unwrap(), Identity::Ours);
        migrate(&conn).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        assert!(matches!(
            identify(&conn, path),
            Err(Error::NewerStore { .. })
        ));
        conn.pragma_update(None, "application_id", 7).unwrap();
        let err = identify(&conn, path).unwrap_err();
        assert!(err.to_string().contains("application id 0x7"), "{err}");
    }
}
