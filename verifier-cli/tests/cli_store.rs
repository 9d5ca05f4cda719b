//! The store's life on the command line, through the built binary: `init`, `request`,
//! `import`, `status`, `events` and a damaged store, with exit codes and words.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{current, days_from_now, Env};
use predicates::str::contains;
use serde_json::json;

#[test]
fn init_is_idempotent_and_never_overwrites_a_foreign_file() {
    let env = Env::new();
    let first = env.json(&["init"], 0);
    assert_eq!(first["created"], true);
    let id = first["installation_id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 32);
    env.run(&["init"])
        .code(0)
        .stdout(contains("already exists"))
        .stdout(contains(id.as_str()));
    let foreign = env.file(
        "notes.db",
        "precious notes, not a database at all, long enough to be a header",
    );
    env.run(&["--store", &foreign, "init"])
        .code(2)
        .stderr(contains("is not a license store (not an SQLite database)"));
    env.run(&["--store", &foreign, "status"])
        .code(2)
        .stderr(contains("is not a license store"));
    assert!(std::fs::read_to_string(&foreign)
        .unwrap()
        .starts_with("precious notes"));
    env.run(&["--store", "no/such/dir/s.db", "init"])
        .code(2)
        .stderr(contains("cannot open the license store no/such/dir/s.db"));
    env.run(&["--store", "none.db", "status"])
        .code(2)
        .stderr(contains("no license store at none.db"))
        .stderr(contains("hint: create it with `license-verifier init`"));
}

#[test]
fn request_writes_the_activation_request() {
    let env = Env::new();
    env.run(&["request"])
        .code(2)
        .stderr(contains("no license store"));
    let id = env.json(&["init"], 0)["installation_id"]
        .as_str()
        .unwrap()
        .to_owned();
    env.run(&["request", "--out", "req.json"])
        .code(0)
        .stdout(contains("send it to the vendor"));
    let text = std::fs::read(env.dir.path().join("req.json")).unwrap();
    let req = license_format::ActivationRequest::parse(&text).unwrap();
    assert_eq!(req.installation_id, id);
    let shown = env.json(&["request"], 0);
    assert_eq!(shown["format"], "activation-request/v1");
    assert_eq!(shown["installation_id"], id.as_str());
}

#[test]
fn import_activates_and_refuses_with_exit_codes() {
    let env = Env::new();
    env.run(&["init"]).code(0);
    let one = env.license("one.lic", &current());
    env.run(&["import", "--dry-run", &one])
        .code(0)
        .stdout(contains("dry run, nothing changed"))
        .stdout(contains("+ module superoffice-server"));
    env.run(&["status"]).code(1).stdout(contains("unlicensed"));
    env.run(&["import", &one])
        .code(0)
        .stdout(contains("activated: license LIC-1 serial 1"));
    env.run(&["import", &one])
        .code(0)
        .stdout(contains("already active"));
    let two = env.license(
        "two.lic",
        &current()
            .serial(2)
            .seats("sales-premium", 4)
            .without("quote-management"),
    );
    let report = env.json(&["import", &two], 0);
    assert_eq!(report["outcome"], "activated");
    assert_eq!(
        report["changes"]["modules_lost"],
        json!(["quote-management"])
    );
    assert_eq!(
        report["changes"]["seats"][0],
        json!({"plan": "sales-premium", "from": 10, "to": 4})
    );
    env.run(&["import", &one])
        .code(1)
        .stderr(contains("has serial 1, not above serial 2"));
    let changed = env.license("two-b.lic", &current().serial(2).seats("sales-premium", 5));
    env.run(&["import", &changed]).code(1).stderr(contains(
        "serial 2 in the sequence of customer C-1 for unbound files was already imported with other content",
    ));
    let other = env.license(
        "other.lic",
        &current()
            .serial(3)
            .set("installation_id", json!("feedfeed")),
    );
    env.run(&["import", &other])
        .code(1)
        .stderr(contains("is for installation feedfeed"));
    let forged = env.file(
        "forged.lic",
        &common::forge(&current().serial(9), &current().serial(8)),
    );
    env.run(&["import", &forged])
        .code(2)
        .stderr(contains("bad signature"));
    let product = env.license("p.lic", &current().serial(9).set("product", json!("x")));
    env.run(&["import", &product])
        .code(2)
        .stderr(contains("for product \"x\""));
    let expired = current()
        .serial(9)
        .set("valid_until", json!(days_from_now(-20)))
        .set("grace_days", json!(0));
    let expired = env.license("e.lic", &expired);
    env.run(&["import", &expired])
        .code(1)
        .stderr(contains("expired on"));
    assert_eq!(env.json(&["status"], 0)["license_id"], "LIC-2");
    let events = env.json(&["events", "--limit", "50"], 0);
    let refused = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "import-refused")
        .count();
    assert_eq!(refused, 6);
}

#[test]
fn status_reports_state_and_warnings() {
    let env = Env::new();
    env.run(&["init"]).code(0);
    let s = env.json(&["status"], 1);
    assert_eq!(s["state"], "unlicensed");
    let grace = current().set("valid_until", json!(days_from_now(-2)));
    env.run(&["import", &env.license("g.lic", &grace)]).code(0);
    let s = env.json(&["status"], 0);
    assert_eq!(
        (
            s["state"].clone(),
            s["license_id"].clone(),
            s["serial"].clone()
        ),
        (json!("grace"), json!("LIC-1"), json!(1))
    );
    assert!(s["ends_at"].is_string() && s["last_day"].is_string());
    assert!(
        s["warnings"][0]["text"]
            .as_str()
            .unwrap()
            .contains("grace period"),
        "{s}"
    );
    env.run(&["status"])
        .code(0)
        .stdout(contains("state: grace until"))
        .stdout(contains("warning: license LIC-1 has ended"));
}

#[test]
fn events_show_what_happened() {
    let env = Env::licensed(&current());
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    let events = env.json(&["events", "--limit", "2"], 0)["events"].clone();
    assert_eq!(events.as_array().unwrap().len(), 2);
    assert_eq!(events[0]["kind"], "seat-assigned");
    assert_eq!(events[1]["kind"], "user-added");
    env.run(&["events"])
        .code(0)
        .stdout(contains("license LIC-1 serial 1 activated"))
        .stdout(contains("store created"));
}

#[test]
fn an_edited_store_is_a_clear_error() {
    let env = Env::licensed(&current());
    let conn = rusqlite::Connection::open(env.store()).unwrap();
    conn.execute("UPDATE licenses SET license_id = 'LIC-X'", [])
        .unwrap();
    drop(conn);
    env.run(&["status"])
        .code(2)
        .stderr(contains("the license store is damaged"));
    env.run(&["check", "system", "superoffice-server"])
        .code(2)
        .stderr(contains("damaged"));
}
