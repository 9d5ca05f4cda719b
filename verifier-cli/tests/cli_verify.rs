//! The command line where no store is needed, through the built binary: help and usage
//! errors, `verify` and `--trust`, with exit codes and words.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{current, days_from_now, Env};
use predicates::prelude::PredicateBooleanExt as _;
use predicates::str::contains;
use serde_json::json;

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
