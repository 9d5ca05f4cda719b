//! The `license-verifier` command line, through the built binary: exit codes and words.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{current, days_from_now, Lic};
use predicates::str::contains;
use serde_json::{json, Value};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("license-store.db")
    }

    /// The binary, run in the temp dir, with the store given through the environment.
    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("license-verifier").unwrap();
        cmd.current_dir(self.dir.path())
            .env("LICENSE_STORE", self.store())
            .env_remove("RUST_LOG");
        cmd
    }

    fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.cmd().args(args).assert()
    }

    fn json(&self, args: &[&str], code: i32) -> Value {
        let out = self
            .cmd()
            .arg("--json")
            .args(args)
            .assert()
            .code(code)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn license(&self, name: &str, lic: &Lic) -> String {
        self.file(name, &lic.sign())
    }

    /// An initialised store with the current license active and users alice and bob.
    fn licensed(lic: &Lic) -> Self {
        let env = Env::new();
        env.run(&["init"]).code(0);
        let file = env.license("lic1.lic", lic);
        env.run(&["import", &file]).code(0);
        env.run(&["users", "add", "alice"]).code(0);
        env.run(&["users", "add", "bob"]).code(0);
        env
    }
}

fn keys(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../keys-example")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn help_documents_the_exit_codes_and_usage_errors_exit_2() {
    let env = Env::new();
    env.run(&["--help"])
        .code(0)
        .stdout(contains("Exit status:"))
        .stdout(contains("a clean no"));
    env.run(&["frobnicate"])
        .code(2)
        .stderr(contains("unrecognized subcommand"));
    env.run(&["--lang", "fr", "list"])
        .code(2)
        .stderr(contains("use en or nl"));
}

#[test]
fn verify_never_opens_a_store_and_answers_with_exit_codes() {
    let env = Env::new();
    let file = env.license("a.lic", &current());
    env.run(&["verify", &file])
        .code(0)
        .stdout(contains("valid: license LIC-1 serial 1 for Acme (C-1)"))
        .stderr(contains("warning: trusting the example keys"));
    assert!(!env.store().exists(), "verify created a store");
    let v = env.json(&["verify", &file], 0);
    assert_eq!(
        (
            v["valid"].clone(),
            v["state"].clone(),
            v["license_id"].clone()
        ),
        (json!(true), json!("active"), json!("LIC-1"))
    );
    let late = days_from_now(400);
    env.run(&["verify", &file, "--at", &late])
        .code(1)
        .stdout(contains("not valid"))
        .stdout(contains("expired on"));
    let early = days_from_now(-40);
    assert_eq!(
        env.json(&["verify", &file, "--at", &early], 1)["state"],
        "not-yet-valid"
    );
    env.run(&["verify", &file, "--at", "yesterday"])
        .code(2)
        .stderr(contains("--at: \"yesterday\" is not an RFC 3339 timestamp"));
    let bound = env.license("b.lic", &current().set("installation_id", json!("abc")));
    env.run(&["verify", &bound, "--installation-id", "abc"])
        .code(0);
    env.run(&["verify", &bound, "--installation-id", "xyz"])
        .code(1)
        .stdout(contains(
            "is for installation abc, not this installation xyz",
        ));
    let forged = env.file(
        "f.lic",
        &common::forge(&current().seats("sales-premium", 900), &current()),
    );
    env.run(&["verify", &forged])
        .code(2)
        .stderr(contains("license-verifier: error: bad signature"))
        .stderr(contains("hint:"));
    let garbage = env.file("g.lic", "hello");
    env.run(&["verify", &garbage])
        .code(2)
        .stderr(contains("error: armor"));
    env.run(&["verify", "missing.lic"])
        .code(2)
        .stderr(contains("cannot read license file missing.lic"));
    let other = env.license("o.lic", &current().set("product", json!("other")));
    env.run(&["verify", &other])
        .code(2)
        .stderr(contains("the license is for product \"other\""));
    assert!(!env.store().exists());
}

#[test]
fn trust_replaces_the_built_in_keys() {
    let env = Env::new();
    let file = env.license("a.lic", &current());
    let next = keys("vendor-next.pub");
    env.run(&["--trust", &next, "verify", &file])
        .code(2)
        .stderr(contains("unknown key"))
        .stderr(contains(
            "hint: pass the vendor's public key file with --trust PUB",
        ))
        .stderr(contains("example keys").not());
    env.run(&[
        "--trust",
        &next,
        "--trust",
        &keys("vendor.pub"),
        "verify",
        &file,
    ])
    .code(0);
    env.run(&["--trust", "nope.pub", "verify", &file])
        .code(2)
        .stderr(contains("cannot read public key file nope.pub"));
    let bad = env.file(
        "bad.pub",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
    );
    env.run(&["--trust", &bad, "verify", &file])
        .code(2)
        .stderr(contains("bad.pub: key:"));
}

use predicates::prelude::PredicateBooleanExt as _;

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
        .stderr(contains(
            "no license store at none.db: create it with `license-verifier init`",
        ));
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
    assert!(s["valid_until"].is_string());
    assert!(
        s["warnings"][0].as_str().unwrap().contains("grace period"),
        "{s}"
    );
    env.run(&["status"])
        .code(0)
        .stdout(contains("state: grace until"))
        .stdout(contains("warning: license LIC-1 has ended"));
}

#[test]
fn list_and_show_are_the_licenses_screen() {
    let env = Env::licensed(&current());
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(0);
    let rows = env.json(&["list"], 0)["rows"].as_array().unwrap().clone();
    assert_eq!(rows.len(), 16);
    let sales = rows.iter().find(|r| r["code"] == "sales-premium").unwrap();
    assert_eq!(
        (
            sales["kind"].clone(),
            sales["status"].clone(),
            sales["seats_total"].clone(),
            sales["seats_used"].clone()
        ),
        (json!("user-plan"), json!("active"), json!(10), json!(1))
    );
    assert!(sales["valid_until"].is_string());
    let legacy = rows
        .iter()
        .find(|r| r["code"] == "legacy-windows-users")
        .unwrap();
    assert_eq!(
        (legacy["kind"].clone(), legacy["status"].clone()),
        (json!("legacy"), json!("not licensed"))
    );
    // Not a terminal: counts, no bar.
    env.run(&["list"])
        .code(0)
        .stdout(contains("1/10 seats"))
        .stdout(contains("[#").not())
        .stdout(contains("System licenses"));
    env.run(&["--lang", "nl", "list"])
        .code(0)
        .stdout(contains("Verkoopoffertebeheer"));
    env.run(&["show", "sales-premium"])
        .code(0)
        .stdout(contains("seats: 1 of 10 used"))
        .stdout(contains("1. alice"));
    env.run(&["--lang", "nl", "show", "quote-management"])
        .code(0)
        .stdout(contains("Maakt het gebruik van offertes mogelijk."));
    env.run(&["show", "sales-premum"]).code(2).stderr(contains(
        "unknown license \"sales-premum\" (did you mean sales-premium?)",
    ));
}

#[test]
fn users_commands() {
    let env = Env::licensed(&current());
    env.run(&["users", "add", "carol", "--no-login"])
        .code(0)
        .stdout(contains("without login rights"));
    let before = common::snapshot(&env.store());
    env.run(&["users", "add", " carol"])
        .code(2)
        .stderr(contains("is not allowed"));
    env.run(&["users", "remove", "zed"])
        .code(2)
        .stderr(contains("no user zed"));
    env.run(&["users", "add", "carol"])
        .code(2)
        .stderr(contains("user carol already exists"));
    assert_eq!(common::snapshot(&env.store()), before);
    env.run(&["users", "login", "carol", "on"]).code(0);
    env.run(&["users", "login", "zed", "on"])
        .code(2)
        .stderr(contains("no user zed"));
    env.run(&["users", "login", "carol", "maybe"]).code(2);
    let users = env.json(&["users", "list"], 0)["users"].clone();
    assert_eq!(users.as_array().unwrap().len(), 3);
    assert_eq!(
        users[2],
        json!({"name": "carol", "login": true, "plans": []})
    );
    env.run(&["seats", "assign", "carol", "sales-premium"])
        .code(0);
    env.run(&["users", "remove", "carol"])
        .code(0)
        .stdout(contains("released sales-premium"));
    env.run(&["users", "remove", "carol"])
        .code(2)
        .stderr(contains("no user carol"));
}

#[test]
fn seats_commands_and_refusals() {
    let env = Env::licensed(&current());
    env.run(&["users", "add", "carol"]).code(0);
    env.run(&["seats", "assign", "alice", "service-essentials"])
        .code(0)
        .stdout(contains("1 of 2 seats used"));
    env.run(&["seats", "assign", "bob", "service-essentials"])
        .code(0);
    let before = common::snapshot(&env.store());
    env.run(&["seats", "assign", "carol", "service-essentials"])
        .code(1)
        .stderr(contains("no free seat of service-essentials"));
    env.run(&["seats", "assign", "carol", "marketing-premium"])
        .code(1)
        .stderr(contains("marketing-premium is not licensed"));
    env.run(&["seats", "assign", "alice", "sales-premium"])
        .code(1)
        .stderr(contains("user alice already holds service-essentials"))
        .stderr(contains("--move"));
    env.run(&["seats", "assign", "alice", "sales-premum"])
        .code(2)
        .stderr(contains("did you mean sales-premium?"));
    env.run(&["seats", "assign", "zed", "sales-premium"])
        .code(2)
        .stderr(contains("no user zed"));
    env.run(&["seats", "release", "carol", "sales-premium"])
        .code(2)
        .stderr(contains("holds no seat of sales-premium"));
    assert_eq!(common::snapshot(&env.store()), before);
    env.run(&["seats", "assign", "alice", "sales-premium", "--move"])
        .code(0)
        .stdout(contains("moved from service-essentials"));
    env.run(&["seats", "assign", "carol", "service-essentials"])
        .code(0);
    let seats = env.json(&["seats", "list", "service-essentials"], 0)["seats"].clone();
    let holders: Vec<&str> = seats
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["user"].as_str().unwrap())
        .collect();
    assert_eq!(holders, ["bob", "carol"]);
    env.run(&["seats", "release", "bob", "service-essentials"])
        .code(0);
    env.run(&["seats", "list"])
        .code(0)
        .stdout(contains("alice"))
        .stdout(contains("carol"));
}

#[test]
fn check_commands_answer_yes_or_no() {
    let env = Env::licensed(&current().without("online-web-services"));
    env.run(&["check", "system", "superoffice-server"])
        .code(0)
        .stdout(contains("yes"));
    let d = env.json(&["check", "system", "online-web-services"], 1);
    assert_eq!(d["allowed"], false);
    assert_eq!(
        d["reasons"],
        json!(["missing system license online-web-services"])
    );
    env.run(&["check", "system", "sales-premium"])
        .code(2)
        .stderr(contains("unknown system license"));
    env.run(&["check", "capability", "quotes"]).code(0);
    env.run(&["check", "capability", "web-client"])
        .code(2)
        .stderr(contains("give --user NAME"));
    env.run(&["users", "login", "alice", "off"]).code(0);
    env.run(&["check", "capability", "web-client", "--user", "alice"])
        .code(1)
        .stdout(contains("user alice has no login rights"))
        .stdout(contains(
            "user alice holds no seat of an Essential or Premium plan",
        ));
    env.run(&["check", "seats", "service-essentials"])
        .code(0)
        .stdout(contains("2 free"));
    env.run(&["seats", "assign", "alice", "service-essentials"])
        .code(0);
    env.run(&["seats", "assign", "bob", "service-essentials"])
        .code(0);
    let c = env.json(&["check", "seats", "service-essentials"], 1);
    assert_eq!(
        (
            c["allowed"].clone(),
            c["seats_used"].clone(),
            c["seats_free"].clone()
        ),
        (json!(false), json!(2), json!(0))
    );
    // With the module and a seat, web access is allowed.
    let full = env.license("full.lic", &current().serial(2));
    env.run(&["import", &full]).code(0);
    env.run(&["check", "capability", "web-client", "--user", "bob"])
        .code(0)
        .stdout(contains("yes"));
}

#[test]
fn errors_are_json_too_with_json() {
    let env = Env::licensed(&current());
    let refused = env.json(&["seats", "assign", "zed", "sales-premium"], 2);
    assert_eq!(refused["refused"], false);
    assert!(refused["error"].as_str().unwrap().contains("no user zed"));
    env.run(&["users", "add", "carol"]).code(0);
    env.run(&["seats", "assign", "alice", "service-essentials"])
        .code(0);
    env.run(&["seats", "assign", "bob", "service-essentials"])
        .code(0);
    let full = env.json(&["seats", "assign", "carol", "service-essentials"], 1);
    assert_eq!(full["refused"], true);
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

#[test]
fn concurrent_processes_never_exceed_the_seats() {
    let env = Env::licensed(&current());
    let users: Vec<String> = (0..8).map(|i| format!("p{i}")).collect();
    for u in &users {
        env.run(&["users", "add", u]).code(0);
    }
    let bin = assert_cmd::cargo::cargo_bin("license-verifier");
    let children: Vec<_> = users
        .iter()
        .map(|u| {
            std::process::Command::new(&bin)
                .args([
                    "--store",
                    env.store().to_str().unwrap(),
                    "seats",
                    "assign",
                    u,
                    "service-essentials",
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<i32> = children
        .into_iter()
        .map(|mut c| c.wait().unwrap().code().unwrap())
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == 0).count(), 2, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 1).count(), 6, "{codes:?}");
    assert_eq!(
        env.json(&["check", "seats", "service-essentials"], 1)["seats_used"],
        2
    );
}
