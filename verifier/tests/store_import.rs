//! Importing through the library, with explicit instants: the changes reported, the
//! history kept, and refusals that change nothing and are logged.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{lic, licensed, snapshot, t, Fixture};
use license_verifier::store::EventDetail;
use license_verifier::LicenseStore;
use serde_json::json;

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
        [license_verifier::Reason::BeyondLicensedSeats {
            plan: "sales-premium".into(),
            user: "bob".into(),
            rank: 2,
            seats: 1
        }]
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
    let err = f.store.import(file.as_bytes(), false, now).unwrap_err();
    assert!(
        matches!(&last.detail, EventDetail::ImportRefused { error, .. } if error == err.code()),
        "{last:?}"
    );
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
