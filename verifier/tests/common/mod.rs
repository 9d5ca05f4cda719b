//! Helpers for the verifier's tests: license files signed with the example keys, a store
//! on disk. The command line's and the console's tests use them too (by `#[path]`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use license_format::{sign_payload, signing_key_from_pem, time::parse_rfc3339, Keyring};
use license_verifier::LicenseStore;
use serde_json::{json, Value};

/// An instant from RFC 3339 text.
pub fn t(text: &str) -> DateTime<Utc> {
    parse_rfc3339(text).unwrap()
}

/// The example keys, as the default build trusts them.
pub fn keyring() -> Keyring {
    let mut ring = Keyring::from_pem(include_str!("../../../keys-example/vendor.pub")).unwrap();
    ring.add_pem(include_str!("../../../keys-example/vendor-next.pub"))
        .unwrap();
    ring
}

/// A license payload under construction.
#[derive(Clone)]
pub struct Lic(pub Value);

/// A license for customer C-1: 2026 (grace 14 days), server, web services, quotes and
/// 10 seats of sales-premium, 2 of service-essentials; unbound.
pub fn lic() -> Lic {
    Lic(json!({
        "license_id": "LIC-1",
        "serial": 1,
        "product": "superoffice-crm",
        "issued_at": "2025-12-15T00:00:00Z",
        "issuer": "Example Vendor",
        "customer": {"id": "C-1", "name": "Acme"},
        "installation_id": null,
        "valid_from": "2026-01-01T00:00:00Z",
        "valid_until": "2027-01-01T00:00:00Z",
        "grace_days": 14,
        "system_licenses": [
            {"code": "superoffice-server", "valid_until": null},
            {"code": "online-web-services", "valid_until": null},
            {"code": "quote-management", "valid_until": null}
        ],
        "user_plans": [
            {"code": "sales-premium", "seats": 10, "valid_until": null},
            {"code": "service-essentials", "seats": 2, "valid_until": null}
        ]
    }))
}

impl Lic {
    /// Sets a top-level member.
    pub fn set(mut self, key: &str, value: Value) -> Self {
        self.0[key] = value;
        self
    }

    /// Sets id and serial together.
    pub fn serial(self, serial: u64) -> Self {
        self.set("serial", json!(serial))
            .set("license_id", json!(format!("LIC-{serial}")))
    }

    /// Sets the seats of one plan, adding it when absent.
    pub fn seats(mut self, plan: &str, seats: u32) -> Self {
        let plans = self.0["user_plans"].as_array_mut().unwrap();
        plans.retain(|p| p["code"] != plan);
        plans.push(json!({"code": plan, "seats": seats, "valid_until": null}));
        self
    }

    /// Drops a system license or plan.
    pub fn without(mut self, code: &str) -> Self {
        for list in ["system_licenses", "user_plans"] {
            self.0[list]
                .as_array_mut()
                .unwrap()
                .retain(|p| p["code"] != code);
        }
        self
    }

    /// The payload bytes.
    pub fn bytes(&self) -> Vec<u8> {
        serde_json::to_vec(&self.0).unwrap()
    }

    /// The license file, signed with the example vendor key.
    pub fn sign(&self) -> String {
        let key = signing_key_from_pem(include_str!("../../../keys-example/vendor.key")).unwrap();
        sign_payload(&self.bytes(), &key)
    }

    /// The license file, signed with the example next vendor key.
    pub fn sign_next(&self) -> String {
        let key =
            signing_key_from_pem(include_str!("../../../keys-example/vendor-next.key")).unwrap();
        sign_payload(&self.bytes(), &key)
    }
}

/// The licenses, users and seats of a store, as text: equal snapshots mean nothing
/// that grants access changed.
pub fn snapshot(path: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = String::new();
    for sql in [
        "SELECT license_id, serial, active, hex(text) FROM licenses ORDER BY id",
        "SELECT name, login FROM users ORDER BY name",
        "SELECT user, plan, seq FROM seats ORDER BY plan, seq",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            out.push_str(&row.unwrap().join("|"));
            out.push('\n');
        }
        out.push_str("--\n");
    }
    out
}

/// A forgery: `claims` under the genuine signature of `genuine` (same key id).
pub fn forge(claims: &Lic, genuine: &Lic) -> String {
    let signed = license_format::dearmor(genuine.sign().as_bytes()).unwrap();
    let mut envelope = license_format::Envelope::parse(&signed).unwrap();
    envelope.payload = claims.bytes();
    license_format::armor(&envelope.to_bytes())
}

/// An instant `days` from the real clock, as RFC 3339 text (CLI tests run at real time).
pub fn days_from_now(days: i64) -> String {
    license_format::time::format_rfc3339(&(Utc::now() + chrono::Duration::days(days)))
}

/// A license like [`lic`] whose term runs from 30 days ago to a year from now.
pub fn current() -> Lic {
    lic()
        .set("issued_at", json!(days_from_now(-31)))
        .set("valid_from", json!(days_from_now(-30)))
        .set("valid_until", json!(days_from_now(365)))
}

/// A store on disk for library tests, in its own temporary directory.
pub struct Fixture {
    /// Keeps the temporary directory alive.
    pub _dir: tempfile::TempDir,
    /// The store file.
    pub path: PathBuf,
    /// The open store.
    pub store: LicenseStore,
}

/// A new store, created at 2026-02-01.
pub fn fixture() -> Fixture {
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
pub fn licensed() -> Fixture {
    let f = fixture();
    let now = t("2026-02-01T00:00:00Z");
    f.store.import(lic().sign().as_bytes(), false, now).unwrap();
    f.store.add_user("alice", true, now).unwrap();
    f.store.add_user("bob", true, now).unwrap();
    f.store.add_user("dave", false, now).unwrap();
    f
}

/// A revocation list of `serial`, signed with the example vendor key, revoking the
/// licenses `licenses` (id and reason) and the keys `kids`, revoked on 2026-03-01.
pub fn revocation_list(serial: u64, licenses: &[(&str, Option<&str>)], kids: &[&str]) -> String {
    let at = "2026-03-01T00:00:00Z";
    let mut licenses: Vec<Value> = licenses
        .iter()
        .map(|(id, reason)| json!({"license_id": id, "revoked_at": at, "reason": reason}))
        .collect();
    licenses.sort_by(|a, b| a["license_id"].as_str().cmp(&b["license_id"].as_str()));
    let keys: Vec<Value> = kids
        .iter()
        .map(|kid| json!({"kid": kid, "revoked_at": at, "reason": null}))
        .collect();
    let payload = json!({
        "product": "superoffice-crm",
        "serial": serial,
        "issued_at": "2026-03-01T00:00:00Z",
        "issuer": "Example Vendor",
        "licenses": licenses,
        "keys": keys,
    });
    let key = signing_key_from_pem(include_str!("../../../keys-example/vendor.key")).unwrap();
    license_format::sign_document(
        license_format::DocumentKind::RevocationList,
        &serde_json::to_vec(&payload).unwrap(),
        &key,
    )
}

/// The id of the example vendor key, which signs [`Lic::sign`]'s files.
pub fn vendor_kid() -> String {
    let key = signing_key_from_pem(include_str!("../../../keys-example/vendor.key")).unwrap();
    license_format::KeyId::of(&key.verifying_key()).to_string()
}
