//! Anti-rollback by sequence (FORMAT.md §7.3): serials count per (customer id,
//! installation id or none); across sequences a file must not be older than the active
//! license; a change of customer is reported. Through the library with explicit instants,
//! and through the built binary with exact exit codes and words.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use assert_cmd::Command;
use common::{days_from_now, fixture, lic, snapshot, t, Fixture, Lic};
use license_verifier::store::{EventDetail, ImportOptions, ImportOutcome};
use license_verifier::Error;
use predicates::str::contains;
use serde_json::{json, Value};

const NOW: &str = "2026-02-10T00:00:00Z";

/// A file of customer C-1001 Acme AS, issued at `issued`.
fn acme(id: &str, serial: u64, issued: &str) -> Lic {
    lic()
        .set("customer", json!({"id": "C-1001", "name": "Acme AS"}))
        .set("serial", json!(serial))
        .set("license_id", json!(id))
        .set("issued_at", json!(issued))
}

/// Acme's file bound to `installation`.
fn acme_bound(installation: &str, id: &str, serial: u64, issued: &str) -> Lic {
    acme(id, serial, issued).set("installation_id", json!(installation))
}

fn import(f: &Fixture, file: &Lic, dry_run: bool) -> license_verifier::Result<ImportOutcome> {
    f.store
        .import(file.sign().as_bytes(), dry_run, t(NOW))
        .map(|r| r.outcome)
}

fn active_id(f: &Fixture) -> String {
    let license = f.store.active_license(t(NOW)).unwrap().unwrap();
    license.license_id().to_owned()
}

/// The import is refused, dry run and real, with `expect` in the message and as a
/// refusal (exit 1); the store is unchanged but for the event that logs it.
fn refused(f: &Fixture, file: &Lic, expect: &str) -> Error {
    let before = snapshot(&f.path);
    let mut last = None;
    for dry_run in [true, false] {
        let err = import(f, file, dry_run).unwrap_err();
        assert!(err.to_string().contains(expect), "{err}");
        assert!(err.is_refusal(), "{err}");
        last = Some(err);
    }
    assert_eq!(
        snapshot(&f.path),
        before,
        "refused import changed the store"
    );
    let event = &f.store.events(1, t(NOW)).unwrap()[0];
    assert_eq!(event.kind, "import-refused");
    let last = last.unwrap();
    match &event.detail {
        EventDetail::ImportRefused {
            dry_run: false,
            error,
            details,
        } => {
            assert_eq!(error, last.code());
            assert_eq!(details, &last.details());
        }
        other => panic!("not the refusal: {other:?}"),
    }
    last
}

/// A store with Acme's bound files serial 1 and 2 imported, serial 2 active.
fn bound_serial_2_active() -> (Fixture, String) {
    let f = fixture();
    let id = f.store.installation_id().to_owned();
    for (serial, issued) in [(1, "2026-01-05T00:00:00Z"), (2, "2026-01-10T00:00:00Z")] {
        let file = acme_bound(&id, &format!("B-{serial}"), serial, issued);
        assert_eq!(import(&f, &file, false).unwrap(), ImportOutcome::Activated);
    }
    assert_eq!(active_id(&f), "B-2");
    (f, id)
}

#[test]
fn an_unbound_file_numbered_in_its_own_sequence_imports_after_a_bound_one() {
    let (f, _) = bound_serial_2_active();
    // The vendor issues an unbound file: serial 1 of the (C-1001, none) sequence.
    let u1 = acme("U-1", 1, "2026-01-20T00:00:00Z");
    assert_eq!(import(&f, &u1, true).unwrap(), ImportOutcome::DryRun);
    assert_eq!(active_id(&f), "B-2");
    assert_eq!(import(&f, &u1, false).unwrap(), ImportOutcome::Activated);
    assert_eq!(active_id(&f), "U-1");
    assert_eq!(
        import(&f, &u1, false).unwrap(),
        ImportOutcome::AlreadyActive
    );
    // The unbound sequence goes on; the bound one as well, each by its own serials.
    let u2 = acme("U-2", 2, "2026-01-25T00:00:00Z");
    assert_eq!(import(&f, &u2, false).unwrap(), ImportOutcome::Activated);
    let b3 = acme_bound(f.store.installation_id(), "B-3", 3, "2026-01-30T00:00:00Z");
    assert_eq!(import(&f, &b3, false).unwrap(), ImportOutcome::Activated);
}

#[test]
fn an_older_file_of_another_sequence_is_refused() {
    let f = fixture();
    let id = f.store.installation_id().to_owned();
    let u1 = acme("U-1", 1, "2026-01-05T00:00:00Z");
    let u2 = acme("U-2", 2, "2026-01-15T00:00:00Z");
    import(&f, &u1, false).unwrap();
    import(
        &f,
        &acme_bound(&id, "B-1", 1, "2026-01-20T00:00:00Z"),
        false,
    )
    .unwrap();
    // u2 is new in its own sequence (serial 2 > 1) but older than the active bound file.
    let err = refused(
        &f,
        &u2,
        "license U-2 was issued at 2026-01-15T00:00:00Z, before the active license B-1 (issued at 2026-01-20T00:00:00Z) of another sequence",
    );
    assert!(matches!(err, Error::OlderThanActive { .. }), "{err:?}");
    assert!(
        err.to_string()
            .ends_with("ask the vendor for a current license file"),
        "{err}"
    );
    // The old unbound file itself is below its sequence's highest serial.
    refused(
        &f,
        &u1,
        "license U-1 has serial 1, not above serial 1 already imported in the sequence of customer C-1001 for unbound files",
    );
    assert_eq!(active_id(&f), "B-1");
    // Issued at the same instant is not older: a later unbound file is accepted.
    let u3 = acme("U-3", 3, "2026-01-20T00:00:00Z");
    assert_eq!(import(&f, &u3, false).unwrap(), ImportOutcome::Activated);
}

#[test]
fn rollback_within_a_sequence_is_still_refused() {
    let (f, id) = bound_serial_2_active();
    let b1 = acme_bound(&id, "B-1", 1, "2026-01-05T00:00:00Z");
    let err = refused(
        &f,
        &b1,
        &format!("license B-1 has serial 1, not above serial 2 already imported in the sequence of customer C-1001 for installation {id}: it is older than a file imported before; import the newest license file of that sequence, or ask the vendor for a current one"),
    );
    assert!(
        matches!(err, Error::OlderSerial { latest: 2, .. }),
        "{err:?}"
    );
    // The highest serial ever imported counts, not only the active license's: after
    // switching to an unbound file, bound serial 1 and 2 stay refused.
    import(&f, &acme("U-1", 1, "2026-01-20T00:00:00Z"), false).unwrap();
    refused(&f, &b1, "has serial 1, not above serial 2");
    refused(
        &f,
        &acme_bound(&id, "B-2", 2, "2026-01-10T00:00:00Z"),
        "has serial 2, not above serial 2",
    );
}

#[test]
fn the_same_serial_with_other_content_is_refused_within_its_sequence_only() {
    let (f, id) = bound_serial_2_active();
    let other = acme_bound(&id, "B-2", 2, "2026-01-10T00:00:00Z").seats("sales-premium", 500);
    let err = refused(
        &f,
        &other,
        &format!("serial 2 in the sequence of customer C-1001 for installation {id} was already imported with other content: this file is not the one the vendor issued under that serial"),
    );
    assert!(matches!(err, Error::SerialConflict { .. }), "{err:?}");
    // Serial 2 of the unbound sequence is another file altogether.
    let u2 = acme("U-2", 2, "2026-01-20T00:00:00Z");
    assert_eq!(import(&f, &u2, false).unwrap(), ImportOutcome::Activated);
}

#[test]
fn the_identical_file_again_is_already_active_and_changes_nothing() {
    let (f, id) = bound_serial_2_active();
    let before = snapshot(&f.path);
    let b2 = acme_bound(&id, "B-2", 2, "2026-01-10T00:00:00Z");
    for dry_run in [true, false] {
        assert_eq!(
            import(&f, &b2, dry_run).unwrap(),
            ImportOutcome::AlreadyActive
        );
    }
    assert_eq!(snapshot(&f.path), before);
}

#[test]
fn a_change_of_customer_is_reported_in_the_dry_run_and_the_import() {
    let (f, _) = bound_serial_2_active();
    let other = lic()
        .set("customer", json!({"id": "C-2002", "name": "Other BV"}))
        .set("license_id", json!("O-1"))
        .set("issued_at", json!("2026-01-20T00:00:00Z"));
    let before = snapshot(&f.path);
    let dry = f
        .store
        .import(other.sign().as_bytes(), true, t(NOW))
        .unwrap();
    assert_eq!(snapshot(&f.path), before, "--dry-run changed the store");
    let c = &dry.changes;
    assert!(c.customer_changes);
    let before_c = c.customer_before.as_ref().unwrap();
    let after_c = c.customer_after.as_ref().unwrap();
    assert_eq!(
        (before_c.id.as_str(), before_c.name.as_str()),
        ("C-1001", "Acme AS")
    );
    assert_eq!(
        (after_c.id.as_str(), after_c.name.as_str()),
        ("C-2002", "Other BV")
    );
    // Without a confirmation the change of customer is refused, and nothing changes.
    let refused = f
        .store
        .import(other.sign().as_bytes(), false, t(NOW))
        .unwrap_err();
    assert!(refused.is_refusal(), "{refused}");
    assert!(
        refused
            .to_string()
            .contains("is for customer C-2002 (Other BV), not for the active license's customer C-1001 (Acme AS)"),
        "{refused}"
    );
    let confirmed = ImportOptions::default().confirm_customer_change(true);
    let real = f
        .store
        .import_with(other.sign().as_bytes(), confirmed, t(NOW))
        .unwrap();
    assert_eq!(real.changes, dry.changes);
    let events = f.store.events(5, t(NOW)).unwrap();
    let event = events.iter().find(|e| e.kind == "import").unwrap();
    match &event.detail {
        EventDetail::LicenseActivated {
            license_id,
            replaces,
            customer_before,
            customer_id,
            ..
        } => {
            assert_eq!(license_id, "O-1");
            assert_eq!(replaces.as_deref(), Some("B-2"));
            assert_eq!(customer_before.as_deref(), Some("C-1001"));
            assert_eq!(customer_id, "C-2002");
        }
        other => panic!("not the activation: {other:?}"),
    }
    // The same customer again: no change reported.
    let next = other
        .set("serial", json!(2))
        .set("license_id", json!("O-2"));
    let same = f
        .store
        .import(next.sign().as_bytes(), true, t(NOW))
        .unwrap();
    assert!(!same.changes.customer_changes);
}

// Through the built binary.

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    /// An initialised store; returns it with its installation id.
    fn init() -> (Self, String) {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        let out = env.cmd().args(["--json", "init"]).assert().code(0);
        let init: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let id = init["installation_id"].as_str().unwrap().to_owned();
        (env, id)
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("license-verifier").unwrap();
        cmd.current_dir(self.dir.path())
            .env("LICENSE_STORE", self.dir.path().join("license-store.db"));
        cmd
    }

    fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.cmd().args(args).assert()
    }

    fn license(&self, name: &str, lic: &Lic) -> String {
        std::fs::write(self.dir.path().join(name), lic.sign()).unwrap();
        name.to_owned()
    }

    fn snapshot(&self) -> String {
        snapshot(&self.dir.path().join("license-store.db"))
    }
}

/// Acme's file with a term around the real clock, issued `issued_days` from now.
fn acme_now(id: &str, serial: u64, issued_days: i64) -> Lic {
    acme(id, serial, &days_from_now(issued_days))
        .set("valid_from", json!(days_from_now(-60)))
        .set("valid_until", json!(days_from_now(365)))
}

#[test]
fn cli_imports_an_unbound_file_after_a_bound_one_and_refuses_rollbacks() {
    let (env, id) = Env::init();
    for serial in [1, 2] {
        let name = format!("b{serial}.lic");
        let file = acme_now(&format!("B-{serial}"), serial, -50 + serial as i64)
            .set("installation_id", json!(id));
        env.license(&name, &file);
        env.run(&["import", &name]).code(0);
    }
    // The reproduction: unbound serial 1 after bound serial 2 is a genuine file.
    env.license("u1.lic", &acme_now("U-1", 1, -20));
    env.run(&["import", "u1.lic"])
        .code(0)
        .stdout(contains(
            "activated: license U-1 serial 1 (customer C-1001)",
        ))
        .stdout(contains("replaces: B-2"));
    env.run(&["import", "u1.lic"])
        .code(0)
        .stdout(contains("already active: license U-1"));
    // A newer bound file, then an older unbound one: refused across sequences.
    env.license(
        "b3.lic",
        &acme_now("B-3", 3, -10).set("installation_id", json!(id)),
    );
    env.run(&["import", "b3.lic"]).code(0);
    env.license("u2.lic", &acme_now("U-2", 2, -15));
    let before = env.snapshot();
    for args in [
        &["import", "u2.lic", "--dry-run"][..],
        &["import", "u2.lic"][..],
    ] {
        env.run(args)
            .code(1)
            .stderr(contains(
                "license-verifier: error: license U-2 was issued at",
            ))
            .stderr(contains("before the active license B-3"))
            .stderr(contains("ask the vendor for a current license file"));
    }
    // Same sequence: an older serial, and the same serial with other content.
    env.run(&["import", "b2.lic"])
        .code(1)
        .stderr(contains(format!(
            "license B-2 has serial 2, not above serial 3 already imported in the sequence of customer C-1001 for installation {id}"
        )));
    env.license(
        "b3-other.lic",
        &acme_now("B-3", 3, -10)
            .set("installation_id", json!(id))
            .seats("sales-premium", 999),
    );
    env.run(&["import", "b3-other.lic"]).code(1).stderr(contains(format!(
        "serial 3 in the sequence of customer C-1001 for installation {id} was already imported with other content"
    )));
    env.run(&["import", "b3.lic"])
        .code(0)
        .stdout(contains("already active"));
    assert_eq!(env.snapshot(), before, "a refused import changed the store");
}

#[test]
fn cli_dry_run_and_import_show_a_change_of_customer() {
    let (env, _) = Env::init();
    env.license("acme.lic", &acme_now("A-1", 1, -20));
    env.run(&["import", "acme.lic"]).code(0);
    let other =
        acme_now("O-1", 1, -10).set("customer", json!({"id": "C-2002", "name": "Other BV"}));
    env.license("other.lic", &other);
    let before = env.snapshot();
    env.run(&["import", "other.lic", "--dry-run"])
        .code(0)
        .stdout(contains(
            "dry run, nothing changed; would activate: license O-1",
        ))
        .stdout(contains(
            "customer changes: C-1001 Acme AS -> C-2002 Other BV",
        ));
    assert_eq!(env.snapshot(), before, "--dry-run changed the store");
    let out = env
        .run(&["--json", "import", "other.lic", "--dry-run"])
        .code(0);
    let dry: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(dry["outcome"], "dry-run");
    assert_eq!(dry["customer"], "C-2002");
    assert_eq!(dry["changes"]["customer_changes"], true);
    assert_eq!(
        dry["changes"]["customer_before"],
        json!({"id": "C-1001", "name": "Acme AS"})
    );
    assert_eq!(
        dry["changes"]["customer_after"],
        json!({"id": "C-2002", "name": "Other BV"})
    );
    env.run(&["import", "other.lic"])
        .code(1)
        .stderr(contains("confirm the change of customer"))
        .stderr(contains(
            "hint: check the change with --dry-run; pass --force",
        ));
    assert_eq!(env.snapshot(), before, "a refused import changed the store");
    env.run(&["import", "other.lic", "--force"])
        .code(0)
        .stdout(contains("activated: license O-1"))
        .stdout(contains(
            "customer changes: C-1001 Acme AS -> C-2002 Other BV",
        ));
    // A renewal for the same customer says nothing about customers.
    env.license(
        "other2.lic",
        &other
            .set("serial", json!(2))
            .set("license_id", json!("O-2")),
    );
    let out = env.run(&["import", "other2.lic"]).code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!text.contains("customer changes"), "{text}");
}
