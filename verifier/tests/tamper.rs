//! The tamper suite: the administrator edits every table of the store as SQL allows,
//! with CHECK constraints ignored, foreign keys off, indexes dropped, the schema rewritten
//! and triggers added. After each edit, through a store opened afresh and through one
//! that was already open, no check grants more than before: each edit is ignored in the
//! deny direction or reported as damage (an error, exit 2 at the command line).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use common::{fixture, keyring, lic, t, Fixture};
use license_verifier::{Error, LicenseStore};
use rusqlite::Connection;

const NOW: &str = "2026-06-01T00:00:00Z";
const USERS: [&str; 6] = ["alice", "bob", "carol", "mallory", "trent", "eve"];

/// A store whose active license LIC-2 has 2 seats of sales-premium (held by alice and
/// bob) and lacks quote-management; LIC-1, imported before it, had 10 seats and the
/// module. carol may log in but holds no seat; mallory, trent and eve are users the
/// edits try to give access.
fn store() -> Fixture {
    let f = fixture();
    let now = t("2026-02-01T00:00:00Z");
    f.store.import(lic().sign().as_bytes(), false, now).unwrap();
    let smaller = lic()
        .serial(2)
        .seats("sales-premium", 2)
        .without("quote-management");
    f.store
        .import(smaller.sign().as_bytes(), false, now)
        .unwrap();
    for user in USERS {
        f.store.add_user(user, true, now).unwrap();
    }
    f.store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    f.store
        .assign_seat("bob", "sales-premium", false, now)
        .unwrap();
    f
}

/// Everything the store grants at `now`: per-user web-client access, each system
/// license, each free seat, and whether the product is usable. `Err`: the store reports
/// damage, which every check then answers with.
fn grants(store: &LicenseStore, now: DateTime<Utc>) -> Result<BTreeSet<String>, Error> {
    let mut out = BTreeSet::new();
    for user in USERS {
        if store
            .check_capability("web-client", Some(user), now)?
            .allowed
        {
            out.insert(format!("web-client {user}"));
        }
    }
    let catalog = license_catalog::builtin();
    for entry in &catalog.system_licenses {
        if store.check_system(&entry.code, now)?.allowed {
            out.insert(format!("system {}", entry.code));
        }
    }
    for entry in &catalog.user_plans {
        let free = store.check_seats(&entry.code, now)?.seats_free;
        out.extend((1..=free).map(|i| format!("free seat {i} of {}", entry.code)));
    }
    if store.status(now)?.usable {
        out.insert("usable".into());
    }
    Ok(out)
}

/// Applies `edit` with every safeguard SQL offers turned off, then checks that neither a
/// fresh store nor the store already open grants more than before.
fn assert_no_grant_grows(name: &str, edit: &str) {
    let f = store();
    let now = t(NOW);
    let before = grants(&f.store, now).unwrap();
    assert!(before.contains("web-client alice") && !before.contains("web-client carol"));
    let conn = Connection::open(&f.path).unwrap();
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; PRAGMA writable_schema = ON;",
    )
    .unwrap();
    conn.execute_batch(edit)
        .unwrap_or_else(|e| panic!("{name}: the edit failed: {e}"));
    drop(conn);
    let already_open = grants(&f.store, now);
    let reopened = LicenseStore::open(&f.path, keyring()).and_then(|s| grants(&s, now));
    for (how, after) in [("already open", already_open), ("reopened", reopened)] {
        match after {
            Ok(after) => {
                let grown: Vec<_> = after.difference(&before).collect();
                assert!(grown.is_empty(), "{name} ({how}): grants grew: {grown:?}");
            }
            Err(e) => assert!(
                matches!(e, Error::DamagedStore(_)),
                "{name} ({how}): not a damage report: {e}"
            ),
        }
    }
}

/// A seat row for `user` of sales-premium at `seq`.
fn seat(user: &str, seq: i64) -> String {
    format!("INSERT INTO seats (user, plan, seq, assigned_at) VALUES ('{user}', 'sales-premium', {seq}, '2026-02-01T00:00:00Z');")
}

/// Rebuilds `seats` without its UNIQUE (plan, seq) and CHECK, keeping its rows; with
/// `keep_text`, the stored schema text is then rewritten to the original one.
fn seats_without_constraints(keep_text: bool) -> String {
    let mut sql = String::from(
        "CREATE TABLE seats_x (user TEXT NOT NULL, plan TEXT NOT NULL, seq INTEGER NOT NULL, assigned_at TEXT NOT NULL) STRICT;
         INSERT INTO seats_x SELECT * FROM seats;
         DROP TABLE seats;
         ALTER TABLE seats_x RENAME TO seats;",
    );
    if keep_text {
        sql.push_str(
            "UPDATE sqlite_master SET sql = (SELECT 'CREATE TABLE seats (
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    plan TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (user, plan),
    UNIQUE (plan, seq)
) STRICT') WHERE name = 'seats';",
        );
    }
    sql
}

#[test]
fn seats_at_positions_below_one_grant_nothing() {
    for seq in [0, -1, -1000] {
        let edit = format!("{}{}", seat("mallory", seq), seat("trent", seq - 1));
        assert_no_grant_grows(&format!("seat at {seq}"), &edit);
    }
}

#[test]
fn an_existing_seat_moved_below_one_grants_nothing() {
    assert_no_grant_grows(
        "alice at 0, mallory at 1",
        &format!(
            "UPDATE seats SET seq = 0 WHERE user = 'alice'; {}",
            seat("mallory", 3)
        ),
    );
}

#[test]
fn seats_beyond_the_licensed_count_grant_nothing() {
    let edit = format!("{}{}", seat("mallory", 3), seat("trent", 2_000_000));
    assert_no_grant_grows("seats beyond the count", &edit);
}

#[test]
fn shared_positions_grant_one_user_at_most() {
    for keep_text in [false, true] {
        let edit = format!(
            "{}{}{}",
            seats_without_constraints(keep_text),
            seat("mallory", 1),
            seat("trent", 2)
        );
        assert_no_grant_grows(&format!("shared positions (text kept: {keep_text})"), &edit);
    }
}

#[test]
fn a_dropped_index_or_a_trigger_is_damage() {
    assert_no_grant_grows(
        "autoindex row deleted",
        "DELETE FROM sqlite_master WHERE type = 'index' AND tbl_name = 'seats';",
    );
    assert_no_grant_grows(
        "trigger",
        "CREATE TRIGGER keep_mark AFTER UPDATE ON meta BEGIN
             UPDATE meta SET value = '2026-01-01T00:00:00.000000Z' WHERE key = 'high_water';
         END;",
    );
}

#[test]
fn seats_of_other_plans_or_unknown_users_grant_nothing() {
    assert_no_grant_grows(
        "a seat of an unlicensed plan, a seat of a user that does not exist",
        "INSERT INTO seats VALUES ('mallory', 'sales-essentials', 1, 'x');
         INSERT INTO seats VALUES ('nobody', 'sales-premium', 3, 'x');
         UPDATE seats SET plan = 'service-premium' WHERE user = 'bob';",
    );
}

#[test]
fn edited_login_values_grant_nothing() {
    assert_no_grant_grows(
        "login values other than 0 and 1",
        "UPDATE users SET login = 7 WHERE name = 'alice'; UPDATE users SET login = -1 WHERE name = 'bob';",
    );
}

#[test]
fn a_users_table_rebuilt_without_its_types_grants_nothing() {
    assert_no_grant_grows(
        "users without STRICT and CHECK, login 'yes'",
        "CREATE TABLE users_x (name TEXT PRIMARY KEY, login, created_at TEXT NOT NULL);
         INSERT INTO users_x SELECT * FROM users;
         DROP TABLE users;
         ALTER TABLE users_x RENAME TO users;
         UPDATE users SET login = 'yes' WHERE name IN ('alice', 'carol');",
    );
}

#[test]
fn the_licenses_table_cannot_bring_back_an_older_license() {
    for (name, edit) in [
        (
            "older license marked active",
            "UPDATE licenses SET active = 0; UPDATE licenses SET active = 1 WHERE license_id = 'LIC-1';",
        ),
        (
            "two licenses marked active",
            "DROP INDEX licenses_one_active; UPDATE licenses SET active = 1;",
        ),
        ("no license marked active", "UPDATE licenses SET active = 0;"),
        (
            "active row's id and serial columns edited",
            "UPDATE licenses SET serial = 1, license_id = 'LIC-1' WHERE active = 1;",
        ),
        (
            "the older row renumbered as the latest",
            "UPDATE licenses SET active = 0; UPDATE licenses SET id = 99, active = 1 WHERE license_id = 'LIC-1';
             UPDATE licenses SET id = 98 WHERE license_id = 'LIC-2';",
        ),
        (
            "active text damaged",
            "UPDATE licenses SET text = CAST('-----BEGIN LICENSE FILE-----' AS BLOB) WHERE active = 1;",
        ),
        ("active value out of range", "UPDATE licenses SET active = 2;"),
    ] {
        assert_no_grant_grows(name, edit);
    }
}

#[test]
fn edited_history_columns_do_not_let_an_older_file_in() {
    let f = store();
    let conn = Connection::open(&f.path).unwrap();
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON;
         UPDATE licenses SET serial = 0, customer_id = 'someone-else', digest = 'x' || id;",
    )
    .unwrap();
    drop(conn);
    let err = f
        .store
        .import(lic().sign().as_bytes(), false, t(NOW))
        .unwrap_err();
    assert!(matches!(err, Error::OlderSerial { latest: 2, .. }), "{err}");
}

#[test]
fn meta_and_events_edits_grant_nothing() {
    assert_no_grant_grows(
        "meta: installation id, pending clock reset, state; events deleted",
        "UPDATE meta SET value = '00000000000000000000000000000000' WHERE key = 'installation_id';
         INSERT OR REPLACE INTO meta VALUES ('clock_reset_pending', '{}');
         UPDATE meta SET value = 'x' WHERE key = 'last_state';
         DELETE FROM events;",
    );
}

#[test]
fn a_store_without_edits_grants_what_the_license_says() {
    let f = store();
    let g = grants(&f.store, t(NOW)).unwrap();
    let want: BTreeSet<String> = [
        "web-client alice",
        "web-client bob",
        "system superoffice-server",
        "system online-web-services",
        "free seat 1 of service-essentials",
        "free seat 2 of service-essentials",
        "usable",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(g, want);
}
