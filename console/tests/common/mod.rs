//! Helpers for the console's tests and benchmark: license files signed with the example
//! keys, a store on disk with one of them active, and the console started in-process.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveTime, Utc};
use license_console::{Config, Console};
use license_format::time::format_rfc3339;
use license_format::{sign_payload, signing_key_from_pem, Keyring};
use license_verifier::LicenseStore;
use serde_json::{json, Value};

/// The example keys, as the default build trusts them.
pub fn keyring() -> Keyring {
    let mut ring = Keyring::from_pem(include_str!("../../../keys-example/vendor.pub")).unwrap();
    ring.add_pem(include_str!("../../../keys-example/vendor-next.pub"))
        .unwrap();
    ring
}

/// The start (UTC) of the day `days` from today, as RFC 3339 text: the console reads
/// the real clock, so the licenses are current against it, and a term of whole days
/// reads as an administrator sees it.
fn days_from_now(days: i64) -> String {
    let today = Utc::now().date_naive().and_time(NaiveTime::MIN).and_utc();
    format_rfc3339(&(today + Duration::days(days)))
}

/// A license for customer C-1 (Acme) whose term runs from 30 days ago to a year from now,
/// with the server and web services and `seats` of each plan given.
pub fn license(serial: u64, seats: &[(&str, u32)]) -> Value {
    let plans: Vec<Value> = seats
        .iter()
        .map(|(code, n)| json!({"code": code, "seats": n, "valid_until": null}))
        .collect();
    json!({
        "license_id": format!("LIC-{serial}"),
        "serial": serial,
        "product": "superoffice-crm",
        "issued_at": days_from_now(-31),
        "issuer": "Example Vendor",
        "customer": {"id": "C-1", "name": "Acme"},
        "installation_id": null,
        "valid_from": days_from_now(-30),
        "valid_until": days_from_now(366),
        "grace_days": 14,
        "system_licenses": [
            {"code": "superoffice-server", "valid_until": null},
            {"code": "online-web-services", "valid_until": null}
        ],
        "user_plans": plans
    })
}

/// The license file of `payload`, signed with the example vendor key.
pub fn sign(payload: &Value) -> String {
    let key = signing_key_from_pem(include_str!("../../../keys-example/vendor.key")).unwrap();
    sign_payload(&serde_json::to_vec(payload).unwrap(), &key)
}

/// A new store at `path` with `payload` imported, at the real clock's time.
pub fn store_with(path: &Path, payload: &Value) -> LicenseStore {
    let store = LicenseStore::create(path, keyring(), Utc::now()).unwrap();
    store
        .import(sign(payload).as_bytes(), false, Utc::now())
        .unwrap();
    store
}

/// The console over the store at `path`, on a free loopback port, serving on a thread
/// of its own for the rest of the process: its login URL.
pub fn start_console(path: PathBuf) -> String {
    let config = Config {
        store: path,
        keyring: keyring(),
        listen: "127.0.0.1:0".parse().unwrap(),
        allow_remote: false,
        token: None,
        hostname: "console-test".to_owned(),
        clock: Utc::now,
    };
    let console = Console::bind(config).unwrap();
    let url = console.login_url();
    std::thread::spawn(move || console.run().unwrap());
    url
}
