//! The store's file identity and schema: `PRAGMA application_id` marks the file as ours,
//! `PRAGMA user_version` counts the migrations applied. A file that is not ours is
//! refused before anything is written to it.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OptionalExtension};

use crate::{Error, Result};

/// `PRAGMA application_id` of a license store: "LicV" in ASCII.
pub const APPLICATION_ID: i64 = 0x4c69_6356;

/// The `seats` table as migration 2 creates it, byte for byte as `sqlite_master.sql`
/// keeps it: the access decisions rely on `UNIQUE (plan, seq)` and `CHECK (seq >= 1)`,
/// so every open compares the stored text with this one.
macro_rules! seats_table {
    () => {
        "CREATE TABLE seats (
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    plan TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (user, plan),
    UNIQUE (plan, seq)
) STRICT"
    };
}

/// The expected `sqlite_master.sql` of the `seats` table.
const SEATS_TABLE: &str = seats_table!();

/// The migrations, in order; `user_version` is how many have been applied. Never edit
/// one that has shipped: append a new one.
const MIGRATIONS: &[&str] = &[
    r#"
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
"#,
    // 2: `seq` becomes each holder's dense position within its plan (1..H in assignment
    // order, unique per plan), so a rank and a plan's holder count are index look-ups
    // instead of counts. The old global order is kept: numbered per plan by old seq.
    concat!(
        "ALTER TABLE seats RENAME TO seats_v1;\n",
        seats_table!(),
        ";
INSERT INTO seats (user, plan, seq, assigned_at)
    SELECT user, plan, ROW_NUMBER() OVER (PARTITION BY plan ORDER BY seq, user), assigned_at
    FROM seats_v1 ORDER BY seq;
DROP TABLE seats_v1;
"
    ),
    // 3: the revocation lists imported (FORMAT.md §17.4); the latest row is the one
    // held, its text re-verified on every operation.
    r#"
CREATE TABLE revocation_lists (
    id INTEGER PRIMARY KEY,
    serial INTEGER NOT NULL,
    kid TEXT NOT NULL,
    text BLOB NOT NULL,
    imported_at TEXT NOT NULL
) STRICT;
"#,
];

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
                Error::DamagedStore(crate::Damage::Corrupt {
                    path: path.to_owned(),
                })
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

/// The installation id of a store that needs no write before use: every migration
/// applied and the rollback journal in use. `None`: [`migrate`] must run first.
pub(crate) fn ready_id(conn: &Connection) -> Result<Option<String>> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version != SCHEMA_VERSION {
        return Ok(None);
    }
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
    if mode.eq_ignore_ascii_case("wal") {
        return Ok(None);
    }
    super::meta::get(conn, "installation_id")
}

/// A number that changes whenever any connection changes the schema.
pub(crate) fn version_stamp(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("PRAGMA schema_version")?
        .query_row([], |r| r.get(0))?)
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

/// Refuses a store whose `seats` table is not the one this build made: the access
/// decisions count on its `UNIQUE (plan, seq)` and `CHECK (seq >= 1)` constraints, so a
/// store without them is damaged, not trusted. Cheap: a few schema rows, once per open.
pub(crate) fn check_seats_schema(conn: &Connection) -> Result<()> {
    let damaged = Error::DamagedStore;
    let sql: Option<String> = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'seats'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    match sql {
        None => return Err(damaged(crate::Damage::SeatsTableMissing)),
        Some(sql) if sql != SEATS_TABLE => return Err(damaged(crate::Damage::SeatsTableAltered)),
        Some(_) => {}
    }
    // The table text promises the unique index; make sure the index itself is stored
    // (a schema rewritten by hand could drop its row and keep the text).
    let unique_plan_seq: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_index_list('seats') l
         JOIN sqlite_master m ON m.type = 'index' AND m.name = l.name AND m.tbl_name = 'seats'
         WHERE l.\"unique\" = 1 AND l.partial = 0
           AND (SELECT group_concat(name, ',') FROM
                  (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = 'plan,seq'",
        [],
        |r| r.get(0),
    )?;
    if unique_plan_seq == 0 {
        return Err(damaged(crate::Damage::SeatsIndexLost));
    }
    no_triggers(conn)
}

/// Refuses a store with a trigger: this program never creates one, and a trigger could
/// undo what the store writes (hold the mark back, re-insert a released seat).
fn no_triggers(conn: &Connection) -> Result<()> {
    let trigger: Option<String> = conn
        .query_row(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    match trigger {
        Some(name) => Err(Error::DamagedStore(crate::Damage::Trigger { name })),
        None => Ok(()),
    }
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

    #[test]
    fn migration_2_numbers_seats_per_plan_in_the_old_order() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO users VALUES ('a', 1, 'x'), ('b', 1, 'x'), ('c', 0, 'x');
             INSERT INTO seats VALUES ('b', 'p', 2, 'x'), ('a', 'q', 4, 'x'), ('c', 'p', 7, 'x'),
                 ('a', 'p', 11, 'x'), ('c', 'q', 12, 'x');",
        )
        .unwrap();
        migrate(&conn).unwrap();
        check_seats_schema(&conn).unwrap();
        let mut stmt = conn
            .prepare("SELECT plan, seq, user FROM seats ORDER BY plan, seq")
            .unwrap();
        let rows: Vec<(String, i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let want = [
            ("p", 1, "b"),
            ("p", 2, "c"),
            ("p", 3, "a"),
            ("q", 1, "a"),
            ("q", 2, "c"),
        ];
        assert_eq!(rows, want.map(|(p, s, u)| (p.to_owned(), s, u.to_owned())));
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        // The foreign key still holds: removing a user removes its seats.
        conn.execute("DELETE FROM users WHERE name = 'c'", [])
            .unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM seats", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 3);
    }

    #[test]
    fn a_new_store_has_the_expected_seats_schema() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn).unwrap();
        check_seats_schema(&conn).unwrap();
        conn.execute_batch("DROP TABLE seats").unwrap();
        let err = check_seats_schema(&conn).unwrap_err();
        assert!(err.to_string().contains("table seats is missing"), "{err}");
    }
}
