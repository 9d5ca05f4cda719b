//! The store through the library, with explicit instants.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{keyring, lic, snapshot, t};
use license_verifier::{Error, LicenseStore, State};
use serde_json::json;

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    store: LicenseStore,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let store = LicenseStore::create(&path, keyring(), t("2026-02-01T00:00:00Z")).unwrap();
    Fixture {
        _dir: dir,
        path,
        store,
    }
}

/// A store with LIC-1 active and users alice, bob (login) and dave (no login).
fn licensed() -> Fixture {
    let f = fixture();
    let now = t("2026-02-01T00:00:00Z");
    f.store.import(lic().sign().as_bytes(), false, now).unwrap();
    f.store.add_user("alice", true, now).unwrap();
    f.store.add_user("bob", true, now).unwrap();
    f.store.add_user("dave", false, now).unwrap();
    f
}

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
fn states_through_the_store_follow_the_effective_time() {
    let f = licensed();
    let state = |now: &str| f.store.status(t(now)).unwrap();
    assert_eq!(
        state("2026-06-01T00:00:00Z").state.map(|s| s.name()),
        Some("active")
    );
    let active = state("2026-06-01T00:00:00Z");
    assert_eq!(active.days_left, Some(214));
    assert!(active.warnings.is_empty(), "{:?}", active.warnings);
    let soon = state("2026-12-15T00:00:00Z");
    assert_eq!(soon.days_left, Some(17));
    assert_eq!(
        soon.warnings,
        ["license LIC-1 ends in 17 days (then 14 days of grace); ask the vendor for a renewal"]
    );
    let grace = state("2027-01-05T00:00:00Z");
    assert_eq!(
        grace.state,
        Some(State::Grace {
            until: t("2027-01-15T00:00:00Z"),
            days_left: 10
        })
    );
    assert_eq!(grace.days_left, Some(10));
    assert!(grace.usable);
    assert!(
        grace.warnings.iter().any(|w| w.contains("grace period")),
        "{:?}",
        grace.warnings
    );
    let expired = state("2027-01-15T00:00:00Z");
    assert_eq!(expired.state.map(|s| s.name()), Some("expired"));
    assert!(!expired.usable);
}

#[test]
fn setting_the_clock_back_never_extends_a_license() {
    let f = licensed();
    assert_eq!(
        f.store
            .status(t("2027-02-01T00:00:00Z"))
            .unwrap()
            .state
            .map(|s| s.name()),
        Some("expired")
    );
    // The clock is set back into the term: the high-water mark still says expired.
    let back = f.store.status(t("2026-06-01T00:00:00Z")).unwrap();
    assert_eq!(back.state.map(|s| s.name()), Some("expired"));
    assert_eq!(back.effective_time, t("2027-02-01T00:00:00Z"));
    assert!(
        back.warnings
            .iter()
            .any(|w| w.contains("behind the latest time")),
        "{:?}",
        back.warnings
    );
    let d = f
        .store
        .check_system("superoffice-server", t("2026-06-01T00:00:00Z"))
        .unwrap();
    assert!(!d.allowed);
    assert_eq!(d.reasons, ["license LIC-1 expired on 2027-01-15"]);
    let events = f.store.events(50, t("2026-06-01T00:00:00Z")).unwrap();
    assert_eq!(
        events.iter().filter(|e| e.kind == "clock").count(),
        1,
        "logged once per mark"
    );
    // Less than 24 hours behind is no warning.
    assert!(f
        .store
        .status(t("2027-01-31T12:00:00Z"))
        .unwrap()
        .warnings
        .iter()
        .all(|w| !w.contains("behind")));
}

#[test]
fn the_license_issue_date_bounds_the_effective_time() {
    let f = fixture();
    f.store
        .import(lic().sign().as_bytes(), false, t("2026-02-01T00:00:00Z"))
        .unwrap();
    // A clock before issued_at (2025-12-15) cannot make the license look not yet valid.
    drop(f.store);
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    conn.execute("DELETE FROM meta WHERE key = 'high_water'", [])
        .unwrap();
    let store = LicenseStore::open(&f.path, keyring()).unwrap();
    let status = store.status(t("2025-06-01T00:00:00Z")).unwrap();
    assert_eq!(status.effective_time, t("2025-12-15T00:00:00Z"));
}

#[test]
fn a_clock_once_far_ahead_is_recovered_by_importing_a_newer_license() {
    let f = licensed();
    assert!(!f.store.status(t("2030-01-01T00:00:00Z")).unwrap().usable);
    assert!(!f.store.status(t("2026-03-01T00:00:00Z")).unwrap().usable);
    let newer = lic()
        .serial(2)
        .set("issued_at", json!("2026-02-28T00:00:00Z"));
    f.store
        .import(newer.sign().as_bytes(), false, t("2026-03-01T00:00:00Z"))
        .unwrap();
    let status = f.store.status(t("2026-03-01T00:00:00Z")).unwrap();
    assert!(status.usable, "{status:?}");
    assert_eq!(status.effective_time, t("2026-03-01T00:00:00Z"));
}

#[test]
fn import_reports_the_changes_and_keeps_the_history() {
    let f = licensed();
    let now = t("2026-02-02T00:00:00Z");
    for user in ["alice", "bob"] {
        f.store
            .assign_seat(user, "sales-premium", false, now)
            .unwrap();
    }
    let next = lic()
        .serial(2)
        .seats("sales-premium", 1)
        .without("quote-management")
        .set("system_licenses", json!([{"code": "superoffice-server", "valid_until": null}, {"code": "online-web-services", "valid_until": null}, {"code": "customer-centre", "valid_until": null}]))
        .set("valid_until", json!("2028-01-01T00:00:00Z"));
    let dry = f.store.import(next.sign().as_bytes(), true, now).unwrap();
    assert_eq!(format!("{:?}", dry.outcome), "DryRun");
    assert_eq!(
        f.store.active_license(now).unwrap().unwrap().license_id(),
        "LIC-1"
    );
    let report = f.store.import(next.sign().as_bytes(), false, now).unwrap();
    assert_eq!(report.changes, dry.changes);
    let c = &report.changes;
    assert_eq!(c.modules_gained, ["customer-centre"]);
    assert_eq!(c.modules_lost, ["quote-management"]);
    assert_eq!(c.seats.len(), 1);
    assert_eq!(
        (c.seats[0].plan.as_str(), c.seats[0].from, c.seats[0].to),
        ("sales-premium", 10, 1)
    );
    assert_eq!(c.users_losing_access.len(), 1);
    assert_eq!(
        (
            c.users_losing_access[0].user.as_str(),
            c.users_losing_access[0].rank
        ),
        ("bob", 2)
    );
    assert!(c.expiry_moves);
    assert_eq!(report.previous.as_deref(), Some("LIC-1"));
    // Nobody's assignment is deleted; bob is over the count and denied.
    assert_eq!(f.store.seats(Some("sales-premium"), now).unwrap().len(), 2);
    let d = f
        .store
        .check_capability("web-client", Some("bob"), now)
        .unwrap();
    assert_eq!(
        d.reasons,
        ["sales-premium: bob is holder 2 of 1 licensed seats"]
    );
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    let history: i64 = conn
        .query_row("SELECT count(*) FROM licenses WHERE active = 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(history, 1);
    let again = f.store.import(next.sign().as_bytes(), false, now).unwrap();
    assert_eq!(format!("{:?}", again.outcome), "AlreadyActive");
}

fn refused(f: &Fixture, file: String, expect: &str) {
    let now = t("2026-02-03T00:00:00Z");
    let before = snapshot(&f.path);
    for dry_run in [true, false] {
        let err = f.store.import(file.as_bytes(), dry_run, now).unwrap_err();
        assert!(err.to_string().contains(expect), "{err}");
    }
    assert_eq!(
        snapshot(&f.path),
        before,
        "refused import changed the store"
    );
    let last = &f.store.events(1, now).unwrap()[0];
    assert_eq!(last.kind, "import-refused");
    assert!(last.message.contains(expect), "{}", last.message);
}

#[test]
fn refused_imports_leave_the_store_unchanged_and_are_logged() {
    let f = licensed();
    f.store
        .assign_seat("alice", "sales-premium", false, t("2026-02-02T00:00:00Z"))
        .unwrap();
    let other = lic()
        .serial(5)
        .set("installation_id", json!("0123456789abcdef0123456789abcdef"));
    refused(
        &f,
        other.sign(),
        "is for installation 0123456789abcdef0123456789abcdef",
    );
    refused(
        &f,
        lic().serial(1).set("grace_days", json!(3)).sign(),
        "serial 1 in the sequence of customer C-1 for unbound files was already imported with other content",
    );
    refused(
        &f,
        lic()
            .serial(9)
            .set("valid_until", json!("2026-01-10T00:00:00Z"))
            .set("grace_days", json!(0))
            .sign(),
        "expired on 2026-01-10",
    );
    refused(
        &f,
        lic()
            .serial(9)
            .set("valid_from", json!("2026-05-01T00:00:00Z"))
            .sign(),
        "is not valid before 2026-05-01",
    );
    refused(
        &f,
        lic()
            .serial(9)
            .set("product", json!("other-product"))
            .sign(),
        "not \"superoffice-crm\"",
    );
    refused(
        &f,
        common::forge(
            &lic().serial(9).seats("sales-premium", 500),
            &lic().serial(9),
        ),
        "bad signature",
    );
    refused(&f, "garbage".into(), "armor");
    // Rollback rules once a bound file of the same customer (another sequence) is active.
    let id = f.store.installation_id().to_owned();
    let bound = lic()
        .serial(3)
        .set("installation_id", json!(id))
        .set("issued_at", json!("2026-01-20T00:00:00Z"));
    f.store
        .import(bound.sign().as_bytes(), false, t("2026-02-02T00:00:00Z"))
        .unwrap();
    refused(
        &f,
        lic().serial(2).sign(),
        "license LIC-2 was issued at 2025-12-15T00:00:00Z, before the active license LIC-3 (issued at 2026-01-20T00:00:00Z)",
    );
    refused(
        &f,
        lic().sign(),
        "has serial 1, not above serial 1 already imported in the sequence of customer C-1 for unbound files",
    );
    refused(
        &f,
        bound.clone().serial(2).sign(),
        &format!("has serial 2, not above serial 3 already imported in the sequence of customer C-1 for installation {id}"),
    );
}

#[test]
fn an_unknown_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let only_next =
        license_verifier::Keyring::from_pem(include_str!("../../keys-example/vendor-next.pub"))
            .unwrap();
    let store = LicenseStore::create(
        &dir.path().join("s.db"),
        only_next,
        t("2026-02-01T00:00:00Z"),
    )
    .unwrap();
    let err = store
        .import(lic().sign().as_bytes(), false, t("2026-02-01T00:00:00Z"))
        .unwrap_err();
    assert!(err.to_string().starts_with("unknown key"), "{err}");
    assert!(!err.is_refusal());
    store
        .import(
            lic().sign_next().as_bytes(),
            false,
            t("2026-02-01T00:00:00Z"),
        )
        .unwrap();
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

#[test]
fn seat_refusals_change_nothing() {
    let f = licensed();
    let now = t("2026-02-02T00:00:00Z");
    f.store.add_user("carol", true, now).unwrap();
    f.store.add_user("erin", true, now).unwrap();
    f.store
        .assign_seat("alice", "service-essentials", false, now)
        .unwrap();
    f.store
        .assign_seat("bob", "service-essentials", false, now)
        .unwrap();
    let before = snapshot(&f.path);
    let cases: [(&str, &str, &str); 3] = [
        (
            "carol",
            "service-essentials",
            "no free seat of service-essentials: all 2 licensed seats are held",
        ),
        (
            "carol",
            "marketing-premium",
            "marketing-premium is not licensed",
        ),
        (
            "alice",
            "sales-premium",
            "user alice already holds service-essentials",
        ),
    ];
    for (user, plan, expect) in cases {
        let err = f.store.assign_seat(user, plan, false, now).unwrap_err();
        assert!(err.is_refusal(), "{err}");
        assert!(err.to_string().contains(expect), "{err}");
    }
    assert!(matches!(
        f.store.assign_seat("zed", "sales-premium", false, now),
        Err(Error::UnknownUser(_))
    ));
    assert!(matches!(
        f.store.assign_seat("alice", "sales-premum", false, now),
        Err(Error::UnknownCode { .. })
    ));
    assert_eq!(snapshot(&f.path), before);
    assert_eq!(f.store.events(1, now).unwrap()[0].kind, "seat-refused");
    let moved = f
        .store
        .assign_seat("alice", "sales-premium", true, now)
        .unwrap();
    assert_eq!(moved.released, ["service-essentials"]);
    assert_eq!(f.store.users(now).unwrap()[0].plans, ["sales-premium"]);
    // The freed seat can be taken now.
    f.store
        .assign_seat("carol", "service-essentials", false, now)
        .unwrap();
    let again = f
        .store
        .assign_seat("carol", "service-essentials", false, now)
        .unwrap();
    assert!(again.already_held);
    // A non-exclusive plan is held beside an exclusive one.
    let legacy = lic().serial(2).seats("legacy-windows-users", 3);
    f.store
        .import(legacy.sign().as_bytes(), false, now)
        .unwrap();
    f.store
        .assign_seat("carol", "legacy-windows-users", false, now)
        .unwrap();
}

#[test]
fn users_add_login_remove() {
    let f = licensed();
    let now = t("2026-02-02T00:00:00Z");
    assert!(matches!(
        f.store.add_user("alice", true, now),
        Err(Error::UserExists(_))
    ));
    assert!(matches!(
        f.store.add_user(" x", true, now),
        Err(Error::InvalidUserName(_))
    ));
    assert!(matches!(
        f.store.add_user("", true, now),
        Err(Error::InvalidUserName(_))
    ));
    assert!(f.store.set_login("dave", true, now).unwrap());
    assert!(!f.store.set_login("dave", true, now).unwrap());
    f.store
        .assign_seat("dave", "sales-premium", false, now)
        .unwrap();
    assert_eq!(f.store.remove_user("dave", now).unwrap(), ["sales-premium"]);
    assert!(f.store.seats(None, now).unwrap().is_empty());
    assert!(matches!(
        f.store.remove_user("dave", now),
        Err(Error::UnknownUser(_))
    ));
    let names: Vec<String> = f
        .store
        .users(now)
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(names, ["alice", "bob"]);
    let kinds: Vec<String> = f
        .store
        .events(3, now)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["user-removed", "seat-assigned", "user-login"]);
}

#[test]
fn list_and_show_describe_every_license() {
    let f = licensed();
    let now = t("2026-02-02T00:00:00Z");
    f.store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    let rows = f.store.licenses(license_verifier::Lang::Nl, now).unwrap();
    assert_eq!(rows.len(), 16);
    let quote = rows.iter().find(|r| r.code == "quote-management").unwrap();
    assert_eq!(
        (quote.name.as_str(), quote.kind, quote.status.as_str()),
        ("Verkoopoffertebeheer", "system", "active")
    );
    let sales = rows.iter().find(|r| r.code == "sales-premium").unwrap();
    assert_eq!((sales.seats_total, sales.seats_used), (Some(10), Some(1)));
    assert_eq!(
        rows.iter()
            .find(|r| r.code == "legacy-windows-site")
            .unwrap()
            .status,
        "not licensed"
    );
    let grace = f
        .store
        .licenses(license_verifier::Lang::En, t("2027-01-02T00:00:00Z"))
        .unwrap();
    assert_eq!(
        grace
            .iter()
            .find(|r| r.code == "sales-premium")
            .unwrap()
            .status,
        // Grace ends at 2027-01-15T00:00:00Z, exclusive: the 14th is its last day.
        "grace until 2027-01-14"
    );
    let detail = f
        .store
        .show(
            "sales-premium",
            license_verifier::Lang::En,
            t("2027-01-02T00:00:00Z"),
        )
        .unwrap();
    assert_eq!(detail.holders.len(), 1);
    assert_eq!(detail.enables, ["web-client"]);
    assert!(matches!(
        f.store.show("nope", license_verifier::Lang::En, now),
        Err(Error::UnknownCode { .. })
    ));
}
