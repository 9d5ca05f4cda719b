//! Creating and opening the store through the library: the installation id, files that
//! are not a store, a newer schema and an edited database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fixture, keyring, licensed, t};
use license_verifier::{Error, LicenseStore};

#[test]
fn create_is_idempotent_and_the_installation_id_is_kept() {
    let f = fixture();
    assert!(f.store.newly_created());
    let id = f.store.installation_id().to_owned();
    assert_eq!(id.len(), 32);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    let again = LicenseStore::create(&f.path, keyring(), t("2026-03-01T00:00:00Z")).unwrap();
    assert!(!again.newly_created());
    assert_eq!(again.installation_id(), id);
    let other = LicenseStore::create(
        &f.path.with_file_name("b.db"),
        keyring(),
        t("2026-03-01T00:00:00Z"),
    )
    .unwrap();
    assert_ne!(other.installation_id(), id);
}

#[test]
fn open_refuses_missing_foreign_and_garbage_files_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    assert!(matches!(
        LicenseStore::open(&missing, keyring()),
        Err(Error::NoStore { .. })
    ));
    assert!(!missing.exists());

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "this is not a database, but it is long enough to be read as a header....",
    )
    .unwrap();
    let before = std::fs::read(&text).unwrap();
    for result in [
        LicenseStore::open(&text, keyring()),
        LicenseStore::create(&text, keyring(), t("2026-01-01T00:00:00Z")),
    ] {
        let err = result.unwrap_err();
        assert!(matches!(err, Error::ForeignStore { .. }), "{err}");
        assert!(err.to_string().contains("not an SQLite database"), "{err}");
    }
    assert_eq!(std::fs::read(&text).unwrap(), before);

    let foreign = dir.path().join("other.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE x (a); INSERT INTO x VALUES (1);")
        .unwrap();
    let before = std::fs::read(&foreign).unwrap();
    let err = LicenseStore::create(&foreign, keyring(), t("2026-01-01T00:00:00Z")).unwrap_err();
    assert!(err.to_string().contains("another program"), "{err}");
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
}

#[test]
fn a_newer_schema_is_refused() {
    let f = fixture();
    drop(f.store);
    rusqlite::Connection::open(&f.path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = LicenseStore::open(&f.path, keyring()).unwrap_err();
    assert!(matches!(err, Error::NewerStore { found: 99, .. }), "{err}");
}

#[test]
fn an_edited_database_grants_nothing() {
    let f = licensed();
    let now = t("2026-02-02T00:00:00Z");
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    // Swap in a payload with more seats but keep the old signature.
    let text: Vec<u8> = conn
        .query_row("SELECT text FROM licenses WHERE active = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let tampered = String::from_utf8(text).unwrap().replacen("eyJ", "eyK", 2);
    conn.execute(
        "UPDATE licenses SET text = ?1 WHERE active = 1",
        [tampered.as_bytes()],
    )
    .unwrap();
    let err = f.store.status(now).unwrap_err();
    assert!(matches!(err, Error::DamagedStore(_)), "{err}");
    assert!(err.to_string().contains("no longer verifies"), "{err}");
    assert!(f.store.check_system("superoffice-server", now).is_err());
    // Recovering: the genuine file imports again over the damaged one.
    conn.execute("UPDATE licenses SET serial = 7 WHERE active = 1", [])
        .unwrap();
    let err = f.store.status(now).unwrap_err();
    assert!(err.to_string().contains("damaged"), "{err}");
}
