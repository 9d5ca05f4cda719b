use super::*;
use std::fs;

fn unusable(path: &Path) -> LedgerProblem {
    match Ledger::open(path).unwrap_err() {
        Error::LedgerUnusable { problem, .. } => problem,
        other => panic!("{other:?}"),
    }
}

#[test]
fn new_ledger_is_initialised_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    drop(Ledger::open(&path).unwrap());
    let mut ledger = Ledger::open(&path).unwrap();
    let tx = ledger.begin().unwrap();
    assert_eq!(tx.last_seq().unwrap(), 0);
    assert_eq!(tx.last_serial("C", None).unwrap(), 0);
    drop(tx);
    let conn = Connection::open(&path).unwrap();
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (app, version, mode.as_str()),
        (APPLICATION_ID, MIGRATIONS.len() as i64, "wal")
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_reported_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let content =
        b"these are my notes, not a database, and they are long enough to be a header".repeat(20);
    fs::write(&path, &content).unwrap();
    let problem = unusable(&path);
    assert!(
        matches!(problem, LedgerProblem::NotSqlite { .. }),
        "{problem:?}"
    );
    assert_eq!(fs::read(&path).unwrap(), content);
}

#[test]
fn a_foreign_database_is_reported_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let before = fs::read(&path).unwrap();
    assert_eq!(unusable(&path), LedgerProblem::OtherProgram);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "application_id", 7)
        .unwrap();
    let before_app = fs::read(&path).unwrap();
    assert_ne!(before, before_app);
    assert_eq!(
        unusable(&path),
        LedgerProblem::OtherApplicationId { application_id: 7 }
    );
    assert_eq!(fs::read(&path).unwrap(), before_app);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    drop(Ledger::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    assert_eq!(
        unusable(&path),
        LedgerProblem::Newer {
            schema: 99,
            known: MIGRATIONS.len()
        }
    );
}

#[test]
fn reading_a_missing_ledger_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.db");
    let err = Ledger::open_existing(&path).unwrap_err();
    assert!(err.to_string().contains("none.db: no ledger here"), "{err}");
    assert!(!path.exists());
}

#[test]
fn uncommitted_transactions_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let mut ledger = Ledger::open(&path).unwrap();
    let issued = a_signed_license();
    {
        let tx = ledger.begin().unwrap();
        tx.insert(1, &issued).unwrap();
        assert!(tx.insert(1, &issued).is_err(), "a license id is unique");
    }
    assert!(ledger.list(None).unwrap().is_empty());
    let tx = ledger.begin().unwrap();
    tx.insert(1, &issued).unwrap();
    tx.commit().unwrap();
    let listed = ledger.list(Some("C")).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].file_text, None);
    assert_eq!(listed[0].installation_id, None);
    assert!(ledger.list(Some("D")).unwrap().is_empty());
    let read_only = Ledger::open_existing(&path).unwrap();
    assert_eq!(
        read_only
            .show("LIC-000001")
            .unwrap()
            .unwrap()
            .file_text
            .as_deref(),
        Some(issued.text.as_str())
    );
    assert_eq!(read_only.show("LIC-000002").unwrap(), None);
}

#[test]
fn a_ledger_from_before_clock_resets_is_read_as_is_and_migrated_on_issue() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(MIGRATIONS[0]).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    drop(conn);
    assert!(Ledger::open_existing(&path)
        .unwrap()
        .list(None)
        .unwrap()
        .is_empty());
    let ledger = Ledger::open(&path).unwrap();
    assert!(ledger.clock_resets().unwrap().is_empty());
    let version: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, MIGRATIONS.len() as i64);
}

#[test]
fn damaged_and_read_only_files_are_said_as_such() {
    use rusqlite::ffi;
    let sqlite = |code| rusqlite::Error::SqliteFailure(ffi::Error::new(code), None);
    let problem = |code| match file_error(Path::new("l.db"), sqlite(code)) {
        Error::LedgerUnusable { problem, .. } => problem.code(),
        other => other.code(),
    };
    // Running as root, as CI does, a read-only file cannot be made: the mapping is
    // checked on SQLite's own codes.
    assert_eq!(problem(ffi::SQLITE_READONLY), "read-only");
    assert_eq!(problem(ffi::SQLITE_CANTOPEN), "read-only");
    assert_eq!(problem(ffi::SQLITE_CORRUPT), "damaged");
    assert_eq!(problem(ffi::SQLITE_NOTADB), "not-sqlite");
    assert_eq!(problem(ffi::SQLITE_BUSY), "ledger");
}

/// A ledger of schema 3 (before certificates and revocations) holding one license.
fn ledger_of_schema_3(path: &Path) -> crate::Issued {
    let conn = Connection::open(path).unwrap();
    for sql in &MIGRATIONS[..3] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", 3).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    drop(conn);
    let issued = a_signed_license();
    // Recorded as license-issuer 3 recorded it: no table of this schema is touched.
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO licenses (seq, license_id, serial, customer_id, customer_name, product,
            issued_at, valid_from, key_id, sha256, file_text)
         VALUES (1, 'LIC-000001', 1, 'C', 'N', 'superoffice-crm', 'x', 'x', 'k', 's', ?1)",
        [&issued.text],
    )
    .unwrap();
    issued
}

#[test]
fn a_ledger_from_before_revocations_is_read_as_is_and_upgraded_keeping_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    let issued = ledger_of_schema_3(&path);
    let read = Ledger::open_existing(&path).unwrap();
    assert!(read.revocations().unwrap().is_empty());
    assert!(read.revocation_lists().unwrap().is_empty());
    assert!(read.certificates().unwrap().is_empty());
    drop(read);
    let mut ledger = Ledger::open(&path).unwrap();
    let shown = ledger.show("LIC-000001").unwrap().unwrap();
    assert_eq!(shown.file_text.as_deref(), Some(issued.text.as_str()));
    let tx = ledger.begin().unwrap();
    assert_eq!(tx.last_list_serial().unwrap(), 0);
    assert!(tx.has_license("LIC-000001").unwrap());
    let list = ListRecord {
        serial: 1,
        issued_at: "2026-12-01T00:00:00Z".into(),
        kid: "0123456789abcdef".into(),
        sha256: "00".into(),
        text: "list".into(),
    };
    let revoked = RevocationRecord {
        kind: RevokedKind::License,
        id: "LIC-000001".into(),
        revoked_at: "2026-12-01T00:00:00Z".into(),
        reason: None,
        serial: 1,
    };
    tx.insert_list(&list, std::slice::from_ref(&revoked))
        .unwrap();
    // A serial is taken once: a second list under it cannot be recorded.
    assert!(tx.insert_list(&list, &[]).is_err());
    tx.commit().unwrap();
    assert_eq!(ledger.revocations().unwrap(), [revoked]);
    let version: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, MIGRATIONS.len() as i64);
}

/// A license signed with a fresh key, as `issue` signs it: sequence 1, serial 1, unbound.
fn a_signed_license() -> crate::issuer::Issued {
    let issuer = crate::Issuer::new(crate::keyfile::generate_signing_key(), "V").unwrap();
    let now = license_format::time::parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
    let order = crate::Order::parse(
        br#"{"customer":{"id":"C","name":"N"},"system_licenses":["system"]}"#,
        "o",
        now,
    )
    .unwrap();
    issuer
        .sign(issuer.payload(&order, None, 1, 1, now))
        .unwrap()
}
