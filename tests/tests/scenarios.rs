//! Key rotation, anti-rollback, and files for another installation, another product, or
//! any installation, through the real binaries.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod util;

use util::{day, order, Scene, WEB};

fn plans(seats: u32) -> String {
    format!(r#"{{"sales-premium": {seats}}}"#)
}

#[test]
fn key_rotation_keeps_old_files_while_both_keys_are_trusted() {
    let mut s = Scene::new();
    s.issuer(&["keygen", "--out-dir", "keys", "--name", "vendor"])
        .code(0);
    let next = s
        .issuer(&["keygen", "--out-dir", "keys", "--name", "vendor-next"])
        .code(0);
    let next_kid = next
        .stdout
        .split_whitespace()
        .find(|w| w.len() == 16)
        .unwrap()
        .to_owned();
    let o = order(WEB, &plans(2), &day(-1), &day(365));
    s.issue(&s.path("keys/vendor.key"), &o, None, "old.lic")
        .code(0);
    s.issue(&s.path("keys/vendor-next.key"), &o, None, "new.lic")
        .code(0);
    let old_kid = s.issuer(&["inspect", "old.lic", "--json"]).code(0).json()["kid"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(old_kid, next_kid);

    s.trust = vec!["keys/vendor.pub".into(), "keys/vendor-next.pub".into()];
    s.verifier(&["verify", "old.lic"]).code(0);
    s.verifier(&["verify", "new.lic"]).code(0);
    let new = s.verifier(&["--json", "verify", "new.lic"]).code(0).json();
    assert_eq!(
        new["kid"],
        next_kid.as_str(),
        "new files are signed by vendor-next"
    );

    s.trust = vec!["keys/vendor-next.pub".into()];
    s.verifier(&["verify", "new.lic"]).code(0);
    s.verifier(&["verify", "old.lic"])
        .code(2)
        .says(&format!("unknown key {old_kid}"));
}

#[test]
fn an_older_serial_is_refused_and_the_store_is_unchanged() {
    let s = Scene::new();
    s.verifier(&["init"]).code(0);
    s.verifier(&["request", "--out", "request.json"]).code(0);
    let key = s.example_key("vendor.key");
    for (serial, seats) in [(1, 2), (2, 3), (3, 4)] {
        let o = order(WEB, &plans(seats), &day(-1), &day(365));
        s.issue(&key, &o, Some("request.json"), &format!("s{serial}.lic"))
            .code(0)
            .says(&format!("serial {serial}"));
    }
    s.verifier(&["import", "s3.lic"]).code(0);
    s.verifier(&["users", "add", "alice"]).code(0);
    s.verifier(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    let before = s.snapshot("license-store.db");

    s.verifier(&["import", "s2.lic"]).code(1).says("serial 2");
    s.verifier(&["import", "s1.lic", "--dry-run"]).code(1);
    assert_eq!(
        s.snapshot("license-store.db"),
        before,
        "a refused import changed the store"
    );

    // Nothing deleted, the same file again: already active, and nothing changes.
    s.verifier(&["import", "s3.lic"])
        .code(0)
        .says("already active");
    assert_eq!(s.snapshot("license-store.db"), before);
    // The refusals are in the events.
    let events = s.verifier(&["events"]).code(0);
    assert!(events.stdout.contains("refused"), "{}", events.stdout);
}

#[test]
fn a_file_for_another_installation_is_refused() {
    let s = Scene::new();
    s.verifier_at("a.db", &["init"]).code(0);
    s.verifier_at("b.db", &["init"]).code(0);
    s.verifier_at("a.db", &["request", "--out", "a.json"])
        .code(0);
    let o = order(WEB, &plans(2), &day(-1), &day(365));
    s.issue(&s.example_key("vendor.key"), &o, Some("a.json"), "a.lic")
        .code(0);
    let before = s.snapshot("b.db");
    s.verifier_at("b.db", &["import", "a.lic"])
        .code(1)
        .says("installation");
    assert_eq!(s.snapshot("b.db"), before);
    s.verifier_at("a.db", &["import", "a.lic"]).code(0);
    // verify, stateless, says the same when told which installation asks.
    let b_id = s.verifier_at("b.db", &["--json", "status"]).json()["installation_id"]
        .as_str()
        .unwrap()
        .to_owned();
    s.verifier(&["verify", "a.lic", "--installation-id", &b_id])
        .code(1);
}

#[test]
fn an_unbound_file_activates_any_installation() {
    let s = Scene::new();
    let o = order(WEB, &plans(2), &day(-1), &day(365));
    s.issue(&s.example_key("vendor.key"), &o, None, "any.lic")
        .code(0);
    for store in ["one.db", "two.db"] {
        s.verifier_at(store, &["init"]).code(0);
        s.verifier_at(store, &["import", "any.lic"]).code(0);
        s.verifier_at(store, &["status"]).code(0).says("active");
    }
}

#[test]
fn a_file_for_another_product_is_refused() {
    let s = Scene::new();
    s.verifier(&["init"]).code(0);
    let key = license_format::signing_key_from_pem(
        &std::fs::read_to_string(s.example_key("vendor.key")).unwrap(),
    )
    .unwrap();
    let payload = serde_json::json!({
        "license_id": "LIC-000001", "serial": 1, "product": "superoffice-hr",
        "issued_at": "2026-11-01T00:00:00Z", "issuer": "Example Vendor AS",
        "customer": {"id": "C-1001", "name": "Acme AS"}, "installation_id": null,
        "valid_from": "2026-11-01T00:00:00Z", "valid_until": null, "grace_days": 14,
        "system_licenses": [{"code": "superoffice-server", "valid_until": null}], "user_plans": []
    });
    s.write(
        "hr.lic",
        &license_format::sign_payload(&serde_json::to_vec(&payload).unwrap(), &key),
    );
    s.verifier(&["verify", "hr.lic"])
        .code(2)
        .says("superoffice-hr");
    let before = s.snapshot("license-store.db");
    s.verifier(&["import", "hr.lic"])
        .code(2)
        .says("superoffice-hr");
    assert_eq!(s.snapshot("license-store.db"), before);
}
