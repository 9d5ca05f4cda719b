//! `/api/v1/` answers as `license-verifier --json` does: every response validates
//! against the command's schema in docs/schema/ (with `result` beside it), yes and a
//! clean no are HTTP 200, errors follow error.json.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;

use serde_json::Value;
use support::common::current;
use support::{Resp, Server};

fn validate(name: &str, value: &Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/schema")
        .join(format!("{name}.json"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: {}\n{value:#}",
        errors.join("\n")
    );
}

/// The response's status and `result`, and its JSON valid against `schema`.
fn check(r: Resp, status: u16, result: &str, schema: &str) -> Value {
    assert_eq!(r.status, status, "{}", r.body);
    let value = r.json();
    assert_eq!(value["result"], result, "{value:#}");
    validate(schema, &value);
    value
}

#[test]
fn every_question_answers_in_its_schema() {
    let s = Server::start(
        Some(&current().seats("sales-premium", 1)),
        &["alice", "bob"],
    );
    let y = |path: &str, schema: &str| check(s.api("GET", path, ""), 200, "yes", schema);
    y("/api/v1/status", "verifier-status");
    y("/api/v1/list", "verifier-list");
    y("/api/v1/show", "verifier-show");
    y("/api/v1/show/sales-premium", "verifier-show-code");
    y("/api/v1/history", "verifier-history");
    y("/api/v1/check/system/superoffice-server", "verifier-check");
    y("/api/v1/users", "verifier-users-list");
    y(
        "/api/v1/events?kind=import,init&since=2020-01-01&limit=5",
        "verifier-events",
    );

    let w =
        |path: &str, body: &str, schema: &str| check(s.api("POST", path, body), 200, "yes", schema);
    w(
        "/api/v1/users",
        r#"{"name":"carol","login":false}"#,
        "verifier-users-add",
    );
    w(
        "/api/v1/users/login",
        r#"{"name":"carol","login":true}"#,
        "verifier-users-login",
    );
    w(
        "/api/v1/seats/assign",
        r#"{"user":"alice","plan":"sales-premium"}"#,
        "verifier-seats-assign",
    );
    y("/api/v1/seats?plan=sales-premium", "verifier-seats-list");
    y(
        "/api/v1/check/capability/web-client?user=alice",
        "verifier-check",
    );

    // Clean noes: 200 with result "no".
    let n = |path: &str, schema: &str| check(s.api("GET", path, ""), 200, "no", schema);
    n(
        "/api/v1/check/capability/web-client?user=bob",
        "verifier-check",
    );
    n("/api/v1/check/seats/sales-premium", "verifier-check-seats");
    n(
        "/api/v1/check/system/exchange-synchronizer",
        "verifier-check",
    );
    let full = check(
        s.api(
            "POST",
            "/api/v1/seats/assign",
            r#"{"user":"bob","plan":"sales-premium"}"#,
        ),
        200,
        "no",
        "error",
    );
    assert_eq!(full["error"]["code"], "no-free-seat");
    assert_eq!(full["exit"], 1);
    assert!(
        full["error"]["text"]
            .as_str()
            .unwrap()
            .contains("no free seat"),
        "{full}"
    );

    w(
        "/api/v1/seats/release",
        r#"{"user":"alice","plan":"sales-premium"}"#,
        "verifier-seats-release",
    );
    w(
        "/api/v1/users/remove",
        r#"{"name":"carol"}"#,
        "verifier-users-remove",
    );

    // Errors: the request's are 400, with the command line's error object.
    let e = |r: Resp| check(r, 400, "error", "error");
    let unknown = e(s.api("GET", "/api/v1/check/system/exchange-sync", ""));
    assert_eq!(unknown["error"]["code"], "unknown-code");
    e(s.api("GET", "/api/v1/events?kind=nonsense", ""));
    e(s.api("POST", "/api/v1/users", r#"{"name":"x","admin":true}"#));
    e(s.api("POST", "/api/v1/users", "[]"));
    e(s.api("POST", "/api/v1/import", "not a license"));
}

#[test]
fn import_previews_and_applies_as_the_command_line_does() {
    // One license value: `current()` reads the clock, and the same serial signed at
    // another second is another file (a serial conflict, not an older serial).
    let first = current();
    let s = Server::start(Some(&first), &[]);
    let newer = first.clone().serial(2).seats("sales-premium", 7).sign();
    let mail = format!("Hello,\r\n\r\nhere is your license:\r\n\r\n{newer}\r\n-- \r\nVendor\r\n");
    let dry = check(
        s.api("POST", "/api/v1/import?dry_run=true", &mail),
        200,
        "yes",
        "verifier-import",
    );
    assert_eq!(dry["outcome"], "dry-run", "{dry}");
    assert_eq!(s.api("GET", "/api/v1/status", "").json()["serial"], 1);
    let done = check(
        s.api("POST", "/api/v1/import", &mail),
        200,
        "yes",
        "verifier-import",
    );
    assert_eq!(done["serial"], 2, "{done}");
    assert_eq!(s.api("GET", "/api/v1/status", "").json()["serial"], 2);
    let older = check(
        s.api("POST", "/api/v1/import", &current().sign()),
        200,
        "no",
        "error",
    );
    assert_eq!(older["error"]["code"], "older-serial", "{older}");

    // Another customer's file needs the confirmation.
    let other = current().serial(3).set(
        "customer",
        serde_json::json!({"id": "C-2", "name": "Other"}),
    );
    let refused = s.api("POST", "/api/v1/import", &other.sign());
    let refused = check(refused, 200, "no", "error");
    assert_eq!(refused["error"]["code"], "customer-change", "{refused}");
    let confirmed = s.api(
        "POST",
        "/api/v1/import?confirm_customer_change=true",
        &other.sign(),
    );
    check(confirmed, 200, "yes", "verifier-import");
}

#[test]
fn the_language_follows_accept_language() {
    let s = Server::start(Some(&current()), &["bob"]);
    let auth = format!("Bearer {}", s.token);
    let ask = |lang: &str| {
        s.get(
            "/api/v1/check/capability/web-client?user=bob",
            &[("Authorization", &auth), ("Accept-Language", lang)],
        )
        .json()
    };
    let nl = ask("nl-NL,nl;q=0.9");
    let en = ask("en-GB");
    assert_eq!(nl["reasons"][0]["code"], en["reasons"][0]["code"]);
    assert_ne!(nl["reasons"][0]["text"], en["reasons"][0]["text"]);
    assert!(
        nl["reasons"][0]["text"]
            .as_str()
            .unwrap()
            .contains("gebruiker"),
        "{nl}"
    );
}

#[test]
fn a_revocation_list_through_the_api_answers_in_its_schema() {
    let s = Server::start(Some(&current()), &[]);
    let list = support::common::revocation_list(2, &[("LIC-1", None)], &[]);
    let dry = check(
        s.api("POST", "/api/v1/import?dry_run=true", &list),
        200,
        "yes",
        "verifier-import-revocation-list",
    );
    assert_eq!(dry["outcome"], "dry-run");
    check(
        s.api("POST", "/api/v1/import", &list),
        200,
        "yes",
        "verifier-import-revocation-list",
    );
    let status = check(
        s.api("GET", "/api/v1/status", ""),
        200,
        "no",
        "verifier-status",
    );
    assert_eq!(status["state"], "revoked");
    let refused = s.api("POST", "/api/v1/import", &list);
    assert_eq!(refused.json()["error"]["code"], "older-revocation-list");
}
