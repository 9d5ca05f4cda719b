//! The clock reset end to end, through both binaries, as the customer's administrator and
//! the vendor's staff do it: a clock once set ahead locks the product out; a request goes
//! to the vendor; the vendor's signed reset comes back and is imported; it works once;
//! a reset kept while the mark moved on is stale; another installation cannot use it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

use util::{day, order, Scene, WEB};

/// A licensed installation (`store`) whose clock was set two years ahead once: its
/// mark stands there, as a store's own questions at that clock would have left it.
fn locked_out(s: &Scene, store: &str) {
    s.verifier_at(store, &["init"]).code(0);
    let key = s.example_key("vendor.key");
    let key = key.to_string_lossy().into_owned();
    let req = format!("{store}.request.json");
    s.verifier_at(store, &["request", "--out", &req]).code(0);
    let lic = format!("{store}.lic");
    s.issue(
        std::path::Path::new(&key),
        &order(WEB, r#"{"sales-premium": 2}"#, &day(-10), &day(300)),
        Some(&req),
        &lic,
    )
    .code(0);
    s.verifier_at(store, &["import", &lic]).code(0);
    let ahead =
        license_format::time::format_rfc3339(&(chrono::Utc::now() + chrono::Duration::days(730)));
    let conn = rusqlite::Connection::open(s.path(store)).unwrap();
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'high_water'",
        [&ahead],
    )
    .unwrap();
    s.verifier_at(store, &["status"])
        .code(1)
        .says("ask the vendor for a clock reset")
        .says("license-verifier request --clock-reset --out FILE");
}

/// The vendor answers `request` with the example key `key` into `out`, recorded in
/// `ledger`.
fn vendor_reset(s: &Scene, key: &str, request: &str, out: &str, ledger: &str) {
    let key = s.example_key(key);
    s.issuer(&[
        "clock-reset",
        "--key",
        key.to_str().unwrap(),
        "--request",
        request,
        "--out",
        out,
        "--ledger",
        ledger,
    ])
    .code(0);
}

#[test]
fn a_clock_once_set_ahead_is_reset_by_the_vendor_once() {
    let s = Scene::new();
    locked_out(&s, "a.db");
    s.verifier_at(
        "a.db",
        &["request", "--clock-reset", "--out", "reset-request.json"],
    )
    .code(0)
    .says("wrote the clock-reset request");
    vendor_reset(
        &s,
        "vendor.key",
        "reset-request.json",
        "a.reset",
        "license-ledger.db",
    );
    let applied = s
        .verifier_at("a.db", &["--json", "import", "a.reset"])
        .code(0);
    assert!(
        applied.json()["mark_after"].is_string(),
        "{}",
        applied.stdout
    );
    s.verifier_at("a.db", &["status"]).code(0);
    s.verifier_at("a.db", &["check", "system", "superoffice-server"])
        .code(0);
    // Replay: used once.
    s.verifier_at("a.db", &["import", "a.reset"])
        .code(1)
        .says("no clock reset is pending");
    // The vendor's ledger keeps it.
    s.issuer(&["ledger", "list"]).code(0);
    // Another installation cannot use it.
    locked_out(&s, "b.db");
    s.verifier_at(
        "b.db",
        &["request", "--clock-reset", "--out", "b-request.json"],
    )
    .code(0);
    s.verifier_at("b.db", &["import", "a.reset"])
        .code(1)
        .says("is for installation");
    s.verifier_at("b.db", &["status"]).code(1);
}

#[test]
fn a_reset_kept_while_the_mark_moved_on_is_stale_and_an_unknown_key_is_an_error() {
    let s = Scene::new();
    locked_out(&s, "a.db");
    s.verifier_at("a.db", &["request", "--clock-reset", "--out", "req.json"])
        .code(0);
    vendor_reset(&s, "vendor.key", "req.json", "a.reset", "license-ledger.db");
    vendor_reset(
        &s,
        "vendor-next.key",
        "req.json",
        "next.reset",
        "other-ledger.db",
    );
    // The clock went ahead again in the meantime: the mark moved.
    let later =
        license_format::time::format_rfc3339(&(chrono::Utc::now() + chrono::Duration::days(800)));
    let conn = rusqlite::Connection::open(s.path("a.db")).unwrap();
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'high_water'",
        [&later],
    )
    .unwrap();
    drop(conn);
    s.verifier_at("a.db", &["import", "a.reset"])
        .code(1)
        .says("the reset is stale");
    // Signed by a key this installation does not trust.
    let mut strict = Scene::new();
    strict.trust.truncate(1);
    let strict_store = s.path("a.db").to_string_lossy().into_owned();
    let next_reset = s.path("next.reset").to_string_lossy().into_owned();
    strict
        .verifier_at(&strict_store, &["import", &next_reset])
        .code(2)
        .says("unknown key");
}
