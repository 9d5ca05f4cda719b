//! The findings of the hardening review, each as the attacker or the honest
//! administrator met it: seats beyond the plan through SQL, an import under a clock set
//! back, a store the process cannot write, a change of trusted keys, another customer's
//! file, grace that went unsaid, and `/dev/null` as a store. (The clock reset, the example
//! keys and the tamper suite have files of their own.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{current, fixture, keyring, lic, licensed, t, Env};
use license_format::Keyring;
use license_verifier::store::EventDetail;
use license_verifier::{Error, LicenseStore, Reason};
use predicates::str::contains;
use rusqlite::Connection;
use serde_json::json;

/// Finding 1: rows at positions 0 and below, written with the CHECK ignored, gave every
/// such user web-client access while `check seats` said "2 of 2".
#[test]
fn seats_inserted_below_position_one_grant_nothing_and_are_reported() {
    let env = Env::licensed(&current().seats("sales-premium", 2));
    for user in ["carol", "mallory", "trent"] {
        env.run(&["users", "add", user]).code(0);
    }
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    env.run(&["seats", "assign", "bob", "sales-premium"])
        .code(0);
    let conn = Connection::open(env.store()).unwrap();
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON;
         INSERT INTO seats VALUES ('carol', 'sales-premium', 0, 'x');
         INSERT INTO seats VALUES ('mallory', 'sales-premium', -1, 'x');
         INSERT INTO seats VALUES ('trent', 'sales-premium', -7, 'x');",
    )
    .unwrap();
    drop(conn);
    for user in ["carol", "mallory", "trent"] {
        env.run(&["check", "capability", "web-client", "--user", user])
            .code(2)
            .stderr(contains(
                "table seats: plan sales-premium has a seat of user",
            ));
    }
    env.run(&["status"]).code(2).stderr(contains(
        "table seats: plan sales-premium has a seat of user trent at position -7, below 1",
    ));
    env.run(&["check", "seats", "sales-premium"])
        .code(2)
        .stderr(contains("table seats"));
    // Releasing an edited row deletes it alone; the genuine holders keep their places.
    for user in ["carol", "mallory", "trent"] {
        env.run(&["seats", "release", user, "sales-premium"])
            .code(0);
    }
    env.run(&["status"]).code(0);
    env.run(&["check", "capability", "web-client", "--user", "bob"])
        .code(0);
}

/// Finding 2: with the mark at 2027-06-01 and the clock set back to 2026-12-10, another
/// genuine file of the same term was judged at the clock, activated, and the mark set
/// back, reviving an expired term.
#[test]
fn an_import_under_a_clock_set_back_revives_nothing_and_keeps_the_mark() {
    let f = licensed();
    let mark = t("2027-06-01T00:00:00Z");
    assert!(!f.store.status(mark).unwrap().usable);
    let back = t("2026-12-10T00:00:00Z");
    let later_serial = lic().serial(2);
    let unbound_sibling = lic()
        .serial(3)
        .set("installation_id", json!(f.store.installation_id()));
    for file in [later_serial, unbound_sibling] {
        let err = f
            .store
            .import(file.sign().as_bytes(), false, back)
            .unwrap_err();
        assert!(
            matches!(err, Error::Expired { until, .. } if until == t("2027-01-15T00:00:00Z")),
            "{err}"
        );
        let dry = f.store.import(file.sign().as_bytes(), true, back);
        assert!(matches!(dry, Err(Error::Expired { .. })), "{dry:?}");
    }
    let status = f.store.status(back).unwrap();
    assert!(!status.usable);
    assert_eq!(status.effective_time, mark, "the mark went down");
    let d = f.store.check_system("superoffice-server", back).unwrap();
    assert!(!d.allowed);
}

/// Finding 3: every read needed write access, so a product running as a user who may
/// only read could not even ask `status`.
#[test]
#[cfg(unix)]
fn a_store_the_process_cannot_write_still_answers_every_question() {
    let env = Env::licensed(&current());
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    // The mark an hour old, as when the product last ran an hour ago: each question
    // would advance it, and cannot.
    let conn = Connection::open(env.store()).unwrap();
    conn.execute(
        "UPDATE meta SET value = strftime('%Y-%m-%dT%H:%M:%S.000000Z', 'now', '-1 hour') WHERE key = 'high_water'",
        [],
    )
    .unwrap();
    drop(conn);
    let reader = ReadOnly::new(&env);
    for args in [
        &["status"][..],
        &["check", "capability", "web-client", "--user", "alice"],
        &["check", "system", "superoffice-server"],
        &["check", "seats", "sales-premium"],
        &["list"],
        &["show", "sales-premium"],
        &["users", "list"],
        &["seats", "list"],
        &["events"],
    ] {
        let out = reader.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let stderr = text(&out.stderr);
        assert_eq!(
            stderr.matches("cannot write the license store").count(),
            1,
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("was not advanced"), "{stderr}");
    }
    let out = reader.run(&["check", "capability", "web-client", "--user", "bob"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let out = reader.run(&["users", "add", "carol"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("cannot write the license store"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run this as a user who may write"),
        "{stderr}"
    );
}

/// Reads take no write lock: a question is answered while another process holds the
/// store's write lock (before, it waited 10 seconds and failed "database is locked").
#[test]
fn a_question_is_answered_while_another_process_holds_the_write_lock() {
    let f = licensed();
    let now = t("2026-06-01T00:00:00Z");
    f.store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    let writer = Connection::open(&f.path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let later = t("2026-06-02T00:00:00Z");
    let d = f
        .store
        .check_capability("web-client", Some("alice"), later)
        .unwrap();
    assert!(d.allowed);
    assert!(f.store.status(later).unwrap().usable);
    // Busy is not unwritable: the mark is simply advanced by a later question.
    assert!(!f.store.unwritable());
    writer.execute_batch("ROLLBACK").unwrap();
    let other = LicenseStore::open(&f.path, keyring()).unwrap();
    assert_eq!(other.status(later).unwrap().effective_time, later);
}

/// Finding 6: a license signed by a key the build no longer trusts was reported as a
/// damaged store, with advice to import the file again.
#[test]
fn a_stored_license_under_an_untrusted_key_is_named_as_such() {
    let f = licensed();
    let now = t("2026-06-01T00:00:00Z");
    drop(f.store);
    let next_only = Keyring::from_pem(include_str!("../../keys-example/vendor-next.pub")).unwrap();
    let store = LicenseStore::open(&f.path, next_only).unwrap();
    let err = store.status(now).unwrap_err();
    let kid = license_verifier::verify(lic().sign().as_bytes(), &keyring())
        .unwrap()
        .kid();
    assert!(
        matches!(&err, Error::UntrustedStoredLicense { license_id, kid: k } if license_id == "LIC-1" && *k == kid),
        "{err}"
    );
    assert!(
        err.to_string().contains(&format!(
            "is signed by key {kid}, which this program does not trust"
        )),
        "{err}"
    );
    // The genuine license, signed again by a trusted key, is taken back at once.
    let report = store
        .import(lic().sign_next().as_bytes(), false, now)
        .unwrap();
    assert_eq!(
        report.outcome,
        license_verifier::store::ImportOutcome::Activated
    );
    assert!(store.status(now).unwrap().usable);
}

#[test]
fn the_command_line_names_the_untrusted_key_and_the_fix() {
    let env = Env::licensed(&current());
    let next = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../keys-example/vendor-next.pub"
    );
    env.run(&["--trust", next, "status"])
        .code(2)
        .stderr(contains("which this program does not trust"))
        .stderr(contains(
            "hint: pass the vendor's public key file with --trust PUB",
        ));
    let vendor = concat!(env!("CARGO_MANIFEST_DIR"), "/../keys-example/vendor.pub");
    env.run(&["--trust", vendor, "--trust", next, "status"])
        .code(0);
}

/// Finding 7's log: the import event names every user who lost access.
#[test]
fn the_import_event_names_every_user_who_loses_access() {
    let f = licensed();
    let now = t("2026-06-01T00:00:00Z");
    f.store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    f.store
        .assign_seat("bob", "sales-premium", false, now)
        .unwrap();
    let cut = lic().serial(2).seats("sales-premium", 1);
    let report = f.store.import(cut.sign().as_bytes(), false, now).unwrap();
    assert_eq!(report.changes.users_losing_access.len(), 1);
    let events = f.store.events(3, now).unwrap();
    let import = events.iter().find(|e| e.kind == "import").unwrap();
    match &import.detail {
        EventDetail::LicenseActivated {
            license_id,
            replaces,
            users_losing_access,
            ..
        } => {
            assert_eq!(license_id, "LIC-2");
            assert_eq!(replaces.as_deref(), Some("LIC-1"));
            let lost: Vec<(&str, &str)> = users_losing_access
                .iter()
                .map(|l| (l.user.as_str(), l.plan.as_str()))
                .collect();
            assert_eq!(lost, [("bob", "sales-premium")]);
        }
        other => panic!("not the activation: {other:?}"),
    }
}

/// Finding 8: in grace, `check` said yes with no reason, and `status` said nothing of a
/// plan ending soon.
#[test]
fn grace_and_coming_ends_are_said() {
    let f = licensed();
    let in_grace = t("2027-01-05T00:00:00Z");
    f.store
        .assign_seat("alice", "sales-premium", false, t("2026-06-01T00:00:00Z"))
        .unwrap();
    let status = f.store.status(t("2026-12-15T00:00:00Z")).unwrap();
    assert!(
        status
            .warnings
            .contains(&license_verifier::Warning::UsersLoseAccess {
                plan: "sales-premium".into(),
                stops_at: t("2027-01-15T00:00:00Z"),
                users: vec!["alice".into()],
                users_total: 1
            }),
        "{:?}",
        status.warnings
    );
    let ending = status
        .endings
        .iter()
        .find(|e| e.code == "sales-premium")
        .unwrap();
    assert_eq!(
        (ending.users.as_slice(), ending.days_left),
        (&["alice".to_owned()][..], 31)
    );
    let d = f
        .store
        .check_capability("web-client", Some("alice"), in_grace)
        .unwrap();
    assert!(d.allowed);
    assert_eq!(
        d.reasons,
        [Reason::LicenseInGrace {
            license_id: "LIC-1".into(),
            until: t("2027-01-15T00:00:00Z"),
            days_left: 10
        }]
    );
    assert!(d.reasons[0].is_warning());
}

#[test]
fn a_plan_ending_before_the_license_is_warned_and_carried_in_check() {
    let f = fixture();
    let now = t("2026-02-01T00:00:00Z");
    let short = lic().set(
        "user_plans",
        json!([{"code": "sales-premium", "seats": 10, "valid_until": "2026-07-01T00:00:00Z"}]),
    );
    f.store.import(short.sign().as_bytes(), false, now).unwrap();
    f.store.add_user("alice", true, now).unwrap();
    f.store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    let soon = f.store.status(t("2026-06-20T00:00:00Z")).unwrap();
    assert!(
        soon.warnings
            .contains(&license_verifier::Warning::GrantEndsSoon {
                license_code: "sales-premium".into(),
                plan: true,
                stops_at: t("2026-07-15T00:00:00Z"),
                days_left: 25
            }),
        "{:?}",
        soon.warnings
    );
    let grace = t("2026-07-03T00:00:00Z");
    let d = f
        .store
        .check_capability("web-client", Some("alice"), grace)
        .unwrap();
    assert!(d.allowed);
    assert_eq!(
        d.reasons,
        [Reason::GrantInGrace {
            license_code: "sales-premium".into(),
            until: t("2026-07-15T00:00:00Z"),
            days_left: 12
        }]
    );
    let seats = f.store.check_seats("sales-premium", grace).unwrap();
    assert_eq!(seats.decision.reasons.len(), 1);
}

#[test]
fn check_in_grace_carries_the_warning_in_text_and_json() {
    let grace = current()
        .set("valid_from", json!(common::days_from_now(-60)))
        .set("valid_until", json!(common::days_from_now(-2)));
    let env = Env::licensed(&grace);
    let json = env.json(&["check", "system", "superoffice-server"], 0);
    assert_eq!(json["allowed"], true);
    assert_eq!(json["state"], "grace");
    assert_eq!(json["reasons"][0]["code"], "license-in-grace");
    assert!(json["reasons"][0]["text"]
        .as_str()
        .unwrap()
        .contains("grace period until"));
    env.run(&["check", "system", "superoffice-server"])
        .code(0)
        .stdout(contains(
            "yes\n  warning: license LIC-1 has ended and is in its grace period",
        ));
}

/// Finding 9: `--store /dev/null init` made `/dev/null-journal`.
#[test]
fn only_a_regular_file_is_a_store() {
    let env = Env::new();
    env.run(&["--store", "/dev/null", "init"])
        .code(2)
        .stderr(contains(
            "/dev/null is not a regular file, not a license store",
        ));
    env.run(&["--store", "/dev/null", "status"]).code(2);
    let dir = env.dir.path().join("a-directory");
    std::fs::create_dir(&dir).unwrap();
    env.run(&["--store", dir.to_str().unwrap(), "init"])
        .code(2)
        .stderr(contains("is a directory, not a license store"));
    let journal = env.dir.path().join("a-directory-journal");
    assert!(!journal.exists());
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The verifier run by a user who may read the store but not write it or its directory:
/// as root, the binary and the store are run as `nobody` through setpriv; otherwise the
/// file and directory lose their write bits.
#[cfg(unix)]
struct ReadOnly {
    bin: std::path::PathBuf,
    store: std::path::PathBuf,
    as_root: bool,
    _bin_dir: tempfile::TempDir,
}

#[cfg(unix)]
impl ReadOnly {
    fn new(env: &Env) -> Self {
        use std::os::unix::fs::PermissionsExt as _;
        let as_root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .map(|o| text(&o.stdout).trim() == "0")
            .unwrap();
        let bin_dir = tempfile::tempdir().unwrap();
        let bin = bin_dir.path().join("license-verifier");
        std::fs::copy(env!("CARGO_BIN_EXE_license-verifier"), &bin).unwrap();
        for path in [bin_dir.path(), env.dir.path()] {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let store = env.store();
        let mode = if as_root { 0o644 } else { 0o444 };
        std::fs::set_permissions(&store, std::fs::Permissions::from_mode(mode)).unwrap();
        if !as_root {
            std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o555))
                .unwrap();
        }
        ReadOnly {
            bin,
            store,
            as_root,
            _bin_dir: bin_dir,
        }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        let mut cmd = if self.as_root {
            // setpriv is util-linux; without it the test fails rather than passing silently.
            let mut cmd = std::process::Command::new("setpriv");
            cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&self.bin);
            cmd
        } else {
            std::process::Command::new(&self.bin)
        };
        cmd.arg("--store").arg(&self.store).args(args);
        cmd.current_dir("/")
            .output()
            .expect("run setpriv (util-linux) or the verifier")
    }
}

#[cfg(unix)]
impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt as _;
        if let Some(dir) = self.store.parent() {
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
        }
    }
}

/// A question writes only when there is something to write (the mark behind the clock,
/// a new state): asked again at the same instant it only reads.
#[test]
fn questions_advance_the_mark_and_note_the_state_once() {
    let f = licensed();
    let now = t("2026-06-01T00:00:00Z");
    let before = f.store.events(100, now).unwrap().len();
    for _ in 0..3 {
        assert!(f.store.status(now).unwrap().usable);
    }
    assert!(!f.store.unwritable());
    let events = f.store.events(100, now).unwrap();
    assert_eq!(events.len(), before, "{events:?}");
    let conn = Connection::open(&f.path).unwrap();
    let mark: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'high_water'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(mark, "2026-06-01T00:00:00.000000Z");
}

/// A refused change records the refusal and nothing else: not even the mark moves.
#[test]
fn a_refused_import_changes_nothing_but_the_events_log() {
    let f = licensed();
    let mark = |f: &common::Fixture| -> String {
        Connection::open(&f.path)
            .unwrap()
            .query_row("SELECT value FROM meta WHERE key = 'high_water'", [], |r| {
                r.get(0)
            })
            .unwrap()
    };
    let before = (mark(&f), common::snapshot(&f.path));
    let forged = common::forge(&lic().seats("sales-premium", 99), &lic());
    let later = t("2026-06-01T00:00:00Z");
    assert!(f.store.import(forged.as_bytes(), false, later).is_err());
    assert!(f.store.import(lic().sign().as_bytes(), true, later).is_ok());
    assert_eq!((mark(&f), common::snapshot(&f.path)), before);
    let events = f.store.events(1, t("2026-02-01T00:00:00Z")).unwrap();
    assert_eq!(events[0].kind, "import-refused");
}
