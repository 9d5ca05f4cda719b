//! `issue` through the binary: success paths, every refusal, and racing issuers.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::collections::HashSet;
use std::fs;

use common::{Env, Outcome, ORDER};
use license_format::time::parse_rfc3339;

/// Runs `issue` expecting status 2 and returns stderr; checks nothing was recorded.
fn refused(env: &Env, order: &str, extra: &[&str]) -> String {
    env.write("o.json", order);
    let mut args = vec!["--order", "o.json", "--out", "x.lic"];
    args.extend_from_slice(extra);
    let err = env.issue(&args).code(2).stderr();
    assert!(env.ledger().is_empty(), "a refused issue records nothing");
    assert!(
        !env.path("x.lic").exists(),
        "a refused issue writes nothing"
    );
    err
}

#[test]
fn issues_a_file_that_verifies_and_is_recorded() {
    let env = Env::with_key_and_order();
    env.issue(&["--order", "order.json", "--out", "acme.lic"])
        .code(0)
        .stdout_has("issued LIC-000001 (serial 1) for Acme AS (C-1001), bound to inst-1");
    let p = env.verify(&env.path("acme.lic")).payload;
    assert_eq!(
        (p.license_id.as_str(), p.serial, p.issuer.as_str()),
        ("LIC-000001", 1, "Example Vendor AS")
    );
    assert_eq!(p.installation_id.as_deref(), Some("inst-1"));
    assert_eq!(p.valid_from, parse_rfc3339("2026-12-01T00:00:00Z").unwrap());
    assert_eq!(
        p.valid_until,
        Some(parse_rfc3339("2027-12-01T00:00:00Z").unwrap())
    );
    assert_eq!(
        p.system_licenses[2].valid_until,
        Some(parse_rfc3339("2027-06-01T00:00:00Z").unwrap())
    );
    let ledger = env.ledger();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0]["license_id"], "LIC-000001");
    assert_eq!(ledger[0]["valid_until"], "2027-12-01T00:00:00Z");
}

#[test]
fn without_out_the_file_goes_to_stdout_and_json_carries_it() {
    let env = Env::with_key_and_order();
    let text = env.issue(&["--order", "order.json"]).code(0).stdout();
    let path = env.write("stdout.lic", &text);
    assert_eq!(env.verify(&path).payload.serial, 1);
    let v = env
        .issue(&["--order", "order.json", "--json", "--issuer", "Flag Name"])
        .code(0)
        .json();
    assert_eq!(
        (v["license_id"].as_str(), v["serial"].as_u64()),
        (Some("LIC-000002"), Some(2))
    );
    let path = env.write("json.lic", v["license_file"].as_str().unwrap());
    assert_eq!(env.verify(&path).payload.issuer, "Flag Name");
}

#[test]
fn a_missing_issuer_name_is_an_error() {
    let env = Env::with_key_and_order();
    env.run(&["issue", "--key", "vendor.key", "--order", "order.json"])
        .code(2)
        .stderr_has(
            "license-issuer: error: no issuer name: give --issuer NAME or set LICENSE_ISSUER_NAME",
        );
    assert!(!env.path("license-ledger.db").exists());
}

#[test]
fn order_mistakes_name_file_field_and_fix() {
    let env = Env::with_key_and_order();
    let cases = [
        (ORDER.replace("sales-premium", "sales-premum"), "o.json: user_plans.sales-premum: unknown user plan \"sales-premum\": did you mean \"sales-premium\"?"),
        (ORDER.replace("\"sales-premium\": 10", "\"sales-premium\": 0"), "o.json: user_plans.sales-premium: seats must be at least 1"),
        (ORDER.replace("2027-05-31", "2028-05-31"), "o.json: system_licenses[2].valid_until: the grant ends 2028-06-01T00:00:00Z, it outlives the license"),
        (ORDER.replace("\"2027-11-30\"", "\"2026-06-30\""), "o.json: valid_until: the license ends 2026-07-01T00:00:00Z before it starts at valid_from 2026-12-01T00:00:00Z: set valid_until after valid_from"),
        (ORDER.replace("\"grace_days\"", "\"grace\""), "o.json: grace: unknown member: remove it"),
        (ORDER.replace("\"online-web-services\"", "\"superoffice-server\""), "o.json: system_licenses[1]: \"superoffice-server\" is given twice: give each code once"),
        (ORDER.replace("\"sales-essentials\"", "\"sales-premium\""), "o.json: user_plans.sales-premium: \"sales-premium\" is given twice"),
        ("{\"customer\": ".into(), "o.json: not a JSON order"),
    ];
    for (order, expected) in cases {
        let err = refused(&env, &order, &[]);
        assert!(
            err.contains(&format!("license-issuer: error: {expected}")),
            "expected {expected:?} in {err}"
        );
        assert!(
            err.contains("hint: nothing was issued or recorded"),
            "{err}"
        );
    }
}

#[test]
fn binding_rules() {
    let env = Env::with_key_and_order();
    let unbound = ORDER.replace("\"installation_id\": \"inst-1\",", "");
    let err = refused(&env, &unbound, &[]);
    assert!(err.contains("o.json: installation_id: the order names no installation: give installation_id in the order or an activation request with --request, or say --unbound"), "{err}");
    let err = refused(&env, ORDER, &["--unbound"]);
    assert!(
        err.contains("--unbound was said but the license would be bound to \"inst-1\""),
        "{err}"
    );
    let request = |installation: &str, product: &str| {
        format!(
            r#"{{"format":"activation-request/v1","product":"{product}","installation_id":"{installation}","hostname":"h","created_at":"2026-11-29T10:00:00Z"}}"#
        )
    };
    env.write("other.json", &request("inst-9", "superoffice-crm"));
    let err = refused(&env, ORDER, &["--request", "other.json"]);
    assert!(err.contains("other.json: the request is from installation \"inst-9\" but o.json names installation_id \"inst-1\""), "{err}");
    env.write("product.json", &request("inst-1", "other-product"));
    let err = refused(&env, &unbound, &["--request", "product.json"]);
    assert!(err.contains("product.json: the request is for product \"other-product\", this issuer licenses \"superoffice-crm\""), "{err}");
    env.write("broken.json", "{\"format\": 1}");
    assert!(refused(&env, &unbound, &["--request", "broken.json"])
        .contains("broken.json: activation request:"));

    env.write("req.json", &request("inst-7", "superoffice-crm"));
    env.write("u.json", &unbound);
    env.issue(&[
        "--order",
        "u.json",
        "--request",
        "req.json",
        "--out",
        "r.lic",
    ])
    .code(0);
    assert_eq!(
        env.verify(&env.path("r.lic"))
            .payload
            .installation_id
            .as_deref(),
        Some("inst-7")
    );
    env.issue(&["--order", "u.json", "--unbound", "--out", "u.lic"])
        .code(0);
    assert_eq!(env.verify(&env.path("u.lic")).payload.installation_id, None);
}

#[test]
fn ledger_path_from_flag_and_environment() {
    let env = Env::with_key_and_order();
    let args = ["--order", "order.json", "--out", "a.lic", "--force"];
    env.issue(&[&args[..], &["--ledger", "flag.db"]].concat())
        .code(0);
    Outcome::of(
        env.issuer_cmd()
            .env("LICENSE_LEDGER", "env.db")
            .args(["issue", "--key", "vendor.key"])
            .args(args),
    )
    .code(0);
    assert!(env.path("flag.db").exists() && env.path("env.db").exists());
    assert!(!env.path("license-ledger.db").exists());
    let foreign = env.write("foreign.db", &"not a database at all ".repeat(50));
    env.issue(&[&args[..], &["--ledger", "foreign.db"]].concat())
        .code(2)
        .stderr_has("foreign.db: is not a readable SQLite database");
    assert_eq!(
        fs::read_to_string(foreign).unwrap(),
        "not a database at all ".repeat(50)
    );
}

/// Issuers at once on one new ledger never hand out the same id or serial.
#[test]
fn racing_issuers_get_distinct_ids_and_serials() {
    let env = Env::with_key_and_order();
    env.run(&["ledger", "list"]).code(2); // no ledger yet: both racers create it
    const EACH: usize = 6;
    const RACERS: usize = 3;
    let bin = assert_cmd::cargo::cargo_bin("license-issuer");
    let racer = |n: usize| {
        let out = env.path(&format!("r{n}"));
        fs::create_dir(&out).unwrap();
        let mut child = std::process::Command::new("sh");
        let script = format!(
            "for i in $(seq 1 {EACH}); do \"{}\" issue --key vendor.key --order order.json --out r{n}/$i.lic || exit 1; done",
            bin.display()
        );
        child
            .current_dir(env.dir.path())
            .env("LICENSE_ISSUER_NAME", "V")
            .env_remove("LICENSE_LEDGER")
            .arg("-c")
            .arg(script);
        child.stdout(std::process::Stdio::null()).spawn().unwrap()
    };
    let mut children: Vec<_> = (1..=RACERS).map(racer).collect();
    for child in &mut children {
        assert!(
            child.wait().unwrap().success(),
            "an issuer failed while racing"
        );
    }
    let mut ids = HashSet::new();
    let mut serials = HashSet::new();
    for n in 1..=RACERS {
        for i in 1..=EACH {
            let p = env.verify(&env.path(&format!("r{n}/{i}.lic"))).payload;
            assert!(
                ids.insert(p.license_id.clone()),
                "duplicate id {}",
                p.license_id
            );
            assert!(serials.insert(p.serial), "duplicate serial {}", p.serial);
        }
    }
    assert_eq!(serials, (1..=(RACERS * EACH) as u64).collect());
    assert_eq!(env.ledger().len(), RACERS * EACH);
}

#[test]
fn a_directory_as_out_is_refused_before_anything_is_recorded() {
    let env = Env::with_key_and_order();
    fs::create_dir(env.path("dir")).unwrap();
    env.issue(&["--order", "order.json", "--out", "dir"])
        .code(2)
        .stderr_has("dir: is a directory: give a file name for the license");
    assert!(env.ledger().is_empty());
}
