//! The stores and files the C, Python and Rust tests (and the benchmark) ask about,
//! made in one directory with the example keys: see `scenarios.tsv`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{Duration, Utc};
use license_format::{sign_payload, signing_key_from_pem, time::format_rfc3339};
use license_verifier::LicenseStore;
use serde_json::{json, Value};

const VENDOR_KEY: &str = include_str!("../../../keys-example/vendor.key");

/// A license for customer C-1 from 30 days ago to a year ahead, at the real clock:
/// server, web services, 1 seat of sales-premium and 2 of service-essentials.
pub fn payload(serial: u64, from_days: i64, until_days: i64) -> Value {
    let day = |d: i64| format_rfc3339(&(Utc::now() + Duration::days(d)));
    json!({
        "license_id": format!("LIC-{serial}"), "serial": serial, "product": "superoffice-crm",
        "issued_at": day(from_days - 1), "issuer": "Example Vendor",
        "customer": {"id": "C-1", "name": "Acme"}, "installation_id": null,
        "valid_from": day(from_days), "valid_until": day(until_days), "grace_days": 14,
        "system_licenses": [{"code": "superoffice-server", "valid_until": null},
                            {"code": "online-web-services", "valid_until": null}],
        "user_plans": [{"code": "sales-premium", "seats": 1, "valid_until": null},
                       {"code": "service-essentials", "seats": 2, "valid_until": null}]
    })
}

/// The license file of a payload, signed with the example vendor key.
pub fn sign(payload: &Value) -> String {
    let key = signing_key_from_pem(VENDOR_KEY).unwrap();
    sign_payload(&serde_json::to_vec(payload).unwrap(), &key)
}

/// `claims` under the genuine signature of another payload: a forgery.
pub fn forge(claims: &Value, genuine: &Value) -> String {
    let signed = license_format::dearmor(sign(genuine).as_bytes()).unwrap();
    let mut envelope = license_format::Envelope::parse(&signed).unwrap();
    envelope.payload = serde_json::to_vec(claims).unwrap();
    license_format::armor(&envelope.to_bytes())
}

/// A revocation list of serial 1 that withdraws LIC-1, signed with the example vendor
/// key.
pub fn revoking_list() -> String {
    let list = json!({
        "product": "superoffice-crm", "serial": 1, "issued_at": "2026-03-01T00:00:00Z",
        "issuer": "Example Vendor",
        "licenses": [{"license_id": "LIC-1", "revoked_at": "2026-03-01T00:00:00Z",
                      "reason": "order refunded"}],
        "keys": []
    });
    let key = signing_key_from_pem(VENDOR_KEY).unwrap();
    let kind = license_format::DocumentKind::RevocationList;
    license_format::sign_document(kind, &serde_json::to_vec(&list).unwrap(), &key)
}

/// The license `payload` signed by the example issuing key, carrying its certificate by
/// the example root (FORMAT.md §16), valid for documents issued within 400 days of now.
pub fn sign_certified(payload: &Value) -> String {
    use license_format::{DocumentKind, KeyCertificate};
    let example = |name: &str| {
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../keys-example")
                .join(name),
        )
        .unwrap()
    };
    let root = signing_key_from_pem(&example("root-example.key")).unwrap();
    let issuing = signing_key_from_pem(&example("issuing-example.key")).unwrap();
    let now = Utc::now();
    let window = (now - Duration::days(400), now + Duration::days(400));
    let cert = KeyCertificate::for_key(
        "superoffice-crm",
        &issuing.verifying_key(),
        &[DocumentKind::LicenseFile],
        window,
        now,
        "Example Vendor",
    );
    let cert = license_format::sign_document(DocumentKind::KeyCertificate, &cert.to_bytes(), &root);
    let bytes = serde_json::to_vec(payload).unwrap();
    license_format::sign_certified(DocumentKind::LicenseFile, &bytes, &issuing, cert.as_bytes())
        .unwrap()
}

/// Makes, in `dir`: `licensed.db` (the license; users alice, holding the one
/// sales-premium seat, and bob, with login and no seat), `revoked.db` (the same license,
/// withdrawn by a revocation list), `certified.db` (the license signed by the example
/// issuing key, carrying its certificate by `root-example.pub`), `empty.db` (no license),
/// `genuine.lic`, `expired.lic`, `forged.lic` (more seats under a genuine signature),
/// `vendor.pub`, `vendor-next.pub` and `root-example.pub` (the example keys). `missing.db`
/// is not made.
pub fn fixtures(dir: &Path) -> PathBuf {
    let now = Utc::now();
    let ring = license_verifier::trusted::default_keyring().unwrap();
    let genuine = payload(1, -30, 365);
    std::fs::write(dir.join("genuine.lic"), sign(&genuine)).unwrap();
    std::fs::write(dir.join("expired.lic"), sign(&payload(2, -400, -100))).unwrap();
    let mut claims = genuine.clone();
    claims["user_plans"][0]["seats"] = json!(1000);
    std::fs::write(dir.join("forged.lic"), forge(&claims, &genuine)).unwrap();
    for key in ["vendor.pub", "vendor-next.pub", "root-example.pub"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../keys-example")
            .join(key);
        std::fs::copy(from, dir.join(key)).unwrap();
    }
    LicenseStore::create(&dir.join("empty.db"), ring.clone(), now).unwrap();
    let roots = license_verifier::trusted::default_roots().unwrap();
    let trust = license_format::Trust::new(ring.clone(), roots);
    let certified = LicenseStore::create(&dir.join("certified.db"), trust, now).unwrap();
    certified
        .import(sign_certified(&genuine).as_bytes(), false, now)
        .unwrap();
    let revoked = LicenseStore::create(&dir.join("revoked.db"), ring.clone(), now).unwrap();
    revoked
        .import(sign(&genuine).as_bytes(), false, now)
        .unwrap();
    revoked
        .import_revocation_list(revoking_list().as_bytes(), false, now)
        .unwrap();
    let store = LicenseStore::create(&dir.join("licensed.db"), ring, now).unwrap();
    store.import(sign(&genuine).as_bytes(), false, now).unwrap();
    store.add_user("alice", true, now).unwrap();
    store.add_user("bob", true, now).unwrap();
    store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    dir.join("licensed.db")
}
