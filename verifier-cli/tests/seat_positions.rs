//! Seat positions: each holder's place in its plan is stored (dense 1..H, unique per
//! plan), kept dense by release, removal and `--move`, migrated from schema 1, and safe
//! against an edited database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{fixture, keyring, lic, t, Fixture};
use license_verifier::{Error, LicenseStore};
use predicates::str::contains;

/// A store with LIC-1 active (sales-premium 10 seats, service-essentials 2) and users
/// u1..u{n}, each holding a seat of sales-premium in that order.
fn holders(n: usize) -> Fixture {
    let f = fixture();
    let now = t("2026-02-01T00:00:00Z");
    f.store.import(lic().sign().as_bytes(), false, now).unwrap();
    for i in 1..=n {
        let user = format!("u{i}");
        f.store.add_user(&user, true, now).unwrap();
        f.store
            .assign_seat(&user, "sales-premium", false, now)
            .unwrap();
    }
    f
}

fn now() -> chrono::DateTime<chrono::Utc> {
    t("2026-02-02T00:00:00Z")
}

/// (user, rank, counted) of a plan's holders, as `seats list` shows them.
fn ranks(store: &LicenseStore, plan: &str) -> Vec<(String, u64, bool)> {
    store
        .seats(Some(plan), now())
        .unwrap()
        .into_iter()
        .map(|s| (s.user, s.rank, s.counted))
        .collect()
}

fn expect(users: &[&str], counted: u64) -> Vec<(String, u64, bool)> {
    users
        .iter()
        .zip(1u64..)
        .map(|(u, r)| ((*u).to_owned(), r, r <= counted))
        .collect()
}

/// The raw (plan, seq) rows of the seats table, by user.
fn raw(path: &Path) -> Vec<(String, String, i64)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT user, plan, seq FROM seats ORDER BY plan, seq")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// The reasons web-client access is refused, each as "PLAN: USER is holder RANK of
/// SEATS licensed seats" (the only reason these tests meet), or its code.
fn web_client(store: &LicenseStore, user: &str) -> Vec<String> {
    store
        .check_capability("web-client", Some(user), now())
        .unwrap()
        .reasons
        .iter()
        .map(|r| match r {
            license_verifier::Reason::BeyondLicensedSeats {
                plan,
                user,
                rank,
                seats,
            } => format!("{plan}: {user} is holder {rank} of {seats} licensed seats"),
            other => other.code().to_owned(),
        })
        .collect()
}

/// Cuts sales-premium to 3 seats (u4 and later are over the count) and adds 5 seats of
/// legacy-windows-users, a plan held beside the exclusive ones.
fn downgrade(f: &Fixture) {
    let file = lic()
        .serial(2)
        .seats("sales-premium", 3)
        .seats("legacy-windows-users", 5)
        .sign();
    f.store.import(file.as_bytes(), false, now()).unwrap();
}

#[test]
fn releasing_in_the_middle_moves_later_holders_up() {
    let f = holders(5);
    downgrade(&f);
    assert_eq!(
        web_client(&f.store, "u5"),
        ["sales-premium: u5 is holder 5 of 3 licensed seats"]
    );
    f.store.release_seat("u2", "sales-premium", now()).unwrap();
    assert_eq!(
        ranks(&f.store, "sales-premium"),
        expect(&["u1", "u3", "u4", "u5"], 3)
    );
    // u4 moved into the count; u5 is still over it, one place earlier.
    assert!(web_client(&f.store, "u4").is_empty());
    assert_eq!(
        web_client(&f.store, "u5"),
        ["sales-premium: u5 is holder 4 of 3 licensed seats"]
    );
    // The first and the last holder: positions stay dense either way.
    f.store.release_seat("u5", "sales-premium", now()).unwrap();
    f.store.release_seat("u1", "sales-premium", now()).unwrap();
    assert_eq!(ranks(&f.store, "sales-premium"), expect(&["u3", "u4"], 3));
    let check = f.store.check_seats("sales-premium", now()).unwrap();
    assert_eq!((check.seats_used, check.seats_free), (2, 1));
    // A new holder takes the next position.
    f.store
        .assign_seat("u1", "sales-premium", false, now())
        .unwrap();
    assert_eq!(
        ranks(&f.store, "sales-premium"),
        expect(&["u3", "u4", "u1"], 3)
    );
    assert_eq!(
        f.store
            .assign_seat("u2", "sales-premium", false, now())
            .unwrap_err()
            .to_string(),
        Error::NoFreeSeat {
            plan: "sales-premium".into(),
            seats: 3
        }
        .to_string()
    );
}

#[test]
fn releasing_every_holder_of_a_long_plan_keeps_positions_dense() {
    let f = holders(10);
    for i in [4, 1, 10, 7, 2] {
        f.store
            .release_seat(&format!("u{i}"), "sales-premium", now())
            .unwrap();
    }
    assert_eq!(
        ranks(&f.store, "sales-premium"),
        expect(&["u3", "u5", "u6", "u8", "u9"], 10)
    );
    let seqs: Vec<i64> = raw(&f.path).iter().map(|r| r.2).collect();
    assert_eq!(seqs, [1, 2, 3, 4, 5]);
}

#[test]
fn removing_a_user_and_moving_plans_move_later_holders_up() {
    let f = holders(5);
    downgrade(&f);
    f.store.remove_user("u1", now()).unwrap();
    assert_eq!(
        ranks(&f.store, "sales-premium"),
        expect(&["u2", "u3", "u4", "u5"], 3)
    );
    assert!(web_client(&f.store, "u4").is_empty());
    // u3 moves to service-essentials: its sales-premium seat is released in place.
    let moved = f
        .store
        .assign_seat("u3", "service-essentials", true, now())
        .unwrap();
    assert_eq!(moved.released, ["sales-premium"]);
    assert_eq!(
        ranks(&f.store, "sales-premium"),
        expect(&["u2", "u4", "u5"], 3)
    );
    assert!(web_client(&f.store, "u5").is_empty());
    assert_eq!(ranks(&f.store, "service-essentials"), expect(&["u3"], 2));
    // A user holding seats of two plans: both plans close up.
    for user in ["u2", "u4"] {
        f.store
            .assign_seat(user, "legacy-windows-users", false, now())
            .unwrap();
    }
    assert_eq!(
        f.store.remove_user("u2", now()).unwrap(),
        ["sales-premium", "legacy-windows-users"]
    );
    assert_eq!(ranks(&f.store, "sales-premium"), expect(&["u4", "u5"], 3));
    assert_eq!(ranks(&f.store, "legacy-windows-users"), expect(&["u4"], 5));
}

#[test]
fn holders_inserted_by_editing_the_database_grant_nothing() {
    let f = holders(10);
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    for i in 1..=5 {
        let user = format!("x{i}");
        conn.execute(
            "INSERT INTO users (name, login, created_at) VALUES (?1, 1, '2026-02-01T00:00:00Z')",
            [&user],
        )
        .unwrap();
        // A position within the count is taken: the schema refuses a second holder there.
        let err = conn
            .execute(
                "INSERT INTO seats (user, plan, seq, assigned_at) VALUES (?1, 'sales-premium', ?2, 'x')",
                rusqlite::params![user, i],
            )
            .unwrap_err();
        assert!(err.to_string().contains("UNIQUE"), "{err}");
        for bad in [0, -1] {
            let err = conn
                .execute(
                    "INSERT INTO seats (user, plan, seq, assigned_at) VALUES (?1, 'sales-premium', ?2, 'x')",
                    rusqlite::params![user, bad],
                )
                .unwrap_err();
            assert!(err.to_string().contains("CHECK"), "{err}");
        }
        conn.execute(
            "INSERT INTO seats (user, plan, seq, assigned_at) VALUES (?1, 'sales-premium', ?2, 'x')",
            rusqlite::params![user, 10 + i * 2],
        )
        .unwrap();
    }
    for i in 1..=5 {
        let user = format!("x{i}");
        let reasons = web_client(&f.store, &user);
        assert_eq!(
            reasons,
            [format!(
                "sales-premium: {user} is holder {} of 10 licensed seats",
                10 + i * 2
            )]
        );
    }
    // The genuine holders keep their access; the count only refuses more.
    assert!(web_client(&f.store, "u10").is_empty());
    let check = f.store.check_seats("sales-premium", now()).unwrap();
    assert!(!check.decision.allowed);
    assert_eq!(check.seats_free, 0);
    let status = f.store.status(now()).unwrap();
    assert!(
        status.warnings.iter().any(|w| *w
            == license_verifier::Warning::PlanOverfull {
                plan: "sales-premium".into(),
                holders: 20,
                seats: 10
            }),
        "{:?}",
        status.warnings
    );
    // Moving a holder down into the count needs a free position: there is none.
    let err = conn
        .execute(
            "UPDATE seats SET seq = 3 WHERE user = 'x1' AND plan = 'sales-premium'",
            [],
        )
        .unwrap_err();
    assert!(err.to_string().contains("UNIQUE"), "{err}");
    // A gap made by deleting a row only denies: positions are not reused.
    conn.execute("DELETE FROM seats WHERE user = 'u3'", [])
        .unwrap();
    f.store.add_user("late", true, now()).unwrap();
    assert!(matches!(
        f.store.assign_seat("late", "sales-premium", false, now()),
        Err(Error::NoFreeSeat { .. })
    ));
}

/// Rebuilds the seats table as `sql` says, keeping its rows.
fn rebuild_seats(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!(
        "BEGIN;
         ALTER TABLE seats RENAME TO seats_old;
         {sql};
         INSERT INTO seats (user, plan, seq, assigned_at) SELECT user, plan, seq, assigned_at FROM seats_old;
         DROP TABLE seats_old;
         COMMIT;"
    ))
    .unwrap();
}

#[test]
fn a_seats_table_without_its_constraints_is_a_damaged_store() {
    for weaker in [
        // No unique position per plan.
        "CREATE TABLE seats (user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE, plan TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1), assigned_at TEXT NOT NULL, PRIMARY KEY (user, plan)) STRICT",
        // No lower bound.
        "CREATE TABLE seats (user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE, plan TEXT NOT NULL, seq INTEGER NOT NULL, assigned_at TEXT NOT NULL, PRIMARY KEY (user, plan), UNIQUE (plan, seq)) STRICT",
    ] {
        let f = holders(2);
        drop(f.store);
        rebuild_seats(&f.path, weaker);
        let err = LicenseStore::open(&f.path, keyring()).unwrap_err();
        assert!(matches!(err, Error::DamagedStore(_)), "{err}");
        assert!(err.to_string().contains("table seats was altered"), "{err}");
        let bin = assert_cmd::cargo::cargo_bin("license-verifier");
        Command::new(bin)
            .args(["--store"])
            .arg(&f.path)
            .args(["check", "capability", "web-client", "--user", "u1"])
            .assert()
            .code(2)
            .stderr(contains("the license store is damaged"))
            .stderr(contains("table seats was altered"));
    }
}

#[test]
fn a_seats_table_whose_unique_index_was_removed_is_a_damaged_store() {
    let f = holders(2);
    drop(f.store);
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    let index: String = conn
        .query_row(
            "SELECT name FROM pragma_index_list('seats') WHERE origin = 'u'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // The index cannot be dropped by SQL; only by rewriting the schema by hand.
    assert!(conn.execute_batch(&format!("DROP INDEX {index}")).is_err());
    conn.execute_batch(&format!(
        "PRAGMA writable_schema = ON; DELETE FROM sqlite_master WHERE name = '{index}'; PRAGMA writable_schema = OFF;"
    ))
    .unwrap();
    drop(conn);
    let err = LicenseStore::open(&f.path, keyring()).unwrap_err();
    assert!(matches!(err, Error::DamagedStore(_)), "{err}");
    assert!(
        err.to_string()
            .contains("table seats lost its unique index on (plan, seq)"),
        "{err}"
    );
}

/// The seats table exactly as schema 1 (the first release) created it.
const V1_SEATS: &str = "CREATE TABLE seats (
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    plan TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (user, plan)
) STRICT;
CREATE INDEX seats_by_plan ON seats(plan, seq, user)";

#[test]
fn a_schema_1_store_is_migrated_keeping_the_assignment_order() {
    let f = holders(0);
    let at = t("2026-02-01T00:00:00Z");
    for user in ["a", "b", "c", "d", "e"] {
        f.store.add_user(user, true, at).unwrap();
    }
    drop(f.store);
    // Schema 1 numbered seats across all plans: interleave two plans, with gaps. It had
    // no table of revocation lists (schema 3) either.
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    conn.execute_batch(&format!(
        "DROP TABLE seats; DROP TABLE revocation_lists; {V1_SEATS};
         INSERT INTO seats VALUES ('c', 'sales-premium', 3, 'x'), ('a', 'service-essentials', 5, 'x'),
             ('b', 'sales-premium', 8, 'x'), ('d', 'service-essentials', 9, 'x'),
             ('e', 'service-essentials', 12, 'x'), ('a', 'legacy-windows-users', 20, 'x');
         PRAGMA user_version = 1;"
    ))
    .unwrap();
    drop(conn);
    let store = LicenseStore::open(&f.path, keyring()).unwrap();
    assert_eq!(ranks(&store, "sales-premium"), expect(&["c", "b"], 10));
    assert_eq!(
        ranks(&store, "service-essentials"),
        expect(&["a", "d", "e"], 2)
    );
    assert_eq!(
        web_client(&store, "e"),
        ["service-essentials: e is holder 3 of 2 licensed seats"]
    );
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, license_verifier::store::SCHEMA_VERSION);
    let leftovers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE 'seats_%' AND name NOT LIKE 'sqlite_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(leftovers, 0);
    assert_eq!(
        raw(&f.path),
        [
            ("a".into(), "legacy-windows-users".into(), 1),
            ("c".into(), "sales-premium".into(), 1),
            ("b".into(), "sales-premium".into(), 2),
            ("a".into(), "service-essentials".into(), 1),
            ("d".into(), "service-essentials".into(), 2),
            ("e".into(), "service-essentials".into(), 3),
        ]
    );
    // Opening again changes nothing.
    drop(store);
    LicenseStore::open(&f.path, keyring()).unwrap();
    assert_eq!(raw(&f.path).len(), 6);
}
