//! `inspect`, `ledger list`, `ledger show` and `--help` through the binary.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;

use common::{stderr, stdout, Env, ORDER};

fn issued(env: &Env) {
    env.keygen();
    env.write("order.json", ORDER);
    env.write(
        "other.json",
        &ORDER
            .replace("C-1001", "C-2002")
            .replace("Acme AS", "Beta BV"),
    );
    let issue = |order: &str, out: &str| {
        env.issuer_cmd()
            .args([
                "issue",
                "--key",
                "vendor.key",
                "--order",
                order,
                "--out",
                out,
            ])
            .assert()
            .code(0);
    };
    issue("order.json", "a.lic");
    issue("other.json", "b.lic");
}

#[test]
fn inspect_shows_the_license_and_checks_the_signature() {
    let env = Env::new();
    issued(&env);
    let out = env
        .cmd()
        .args(["inspect", "a.lic", "--trust", "vendor.pub"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let text = stdout(&out);
    for part in [
        "license:      LIC-000001 (serial 1)",
        "signature:    valid",
        "customer:     Acme AS (C-1001)",
        "valid until:  2027-12-01T00:00:00Z (grace 14 days)",
        "plan:         sales-premium x10",
    ] {
        assert!(text.contains(part), "{part} missing from {text}");
    }
    let out = env
        .cmd()
        .args(["inspect", "a.lic"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert!(stdout(&out).contains("signature:    not checked: give --trust VENDOR.pub"));
    let out = env
        .cmd()
        .args(["inspect", "a.lic", "--json", "--trust", "vendor.pub"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["signature"].as_str(), v["payload"]["license_id"].as_str()),
        (Some("valid"), Some("LIC-000001"))
    );
}

#[test]
fn inspect_says_no_for_a_foreign_key_or_a_forged_file() {
    let env = Env::new();
    issued(&env);
    env.cmd()
        .args(["keygen", "--out-dir", ".", "--name", "other"])
        .assert()
        .code(0);
    let out = env
        .cmd()
        .args(["inspect", "a.lic", "--trust", "other.pub"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        stdout(&out).contains("signature:    unknown key"),
        "{}",
        stdout(&out)
    );
    // Re-sign someone else's payload under the real key id: the signature cannot hold.
    let real = fs::read_to_string(env.path("a.lic")).unwrap();
    let envelope =
        license_format::Envelope::parse(&license_format::dearmor(real.as_bytes()).unwrap())
            .unwrap();
    let mut payload = envelope.payload.clone();
    let pos = payload.windows(2).position(|w| w == b"10").unwrap();
    payload[pos..pos + 2].copy_from_slice(b"99");
    let forged = license_format::Envelope {
        payload,
        ..envelope
    };
    env.write("forged.lic", &license_format::armor(&forged.to_bytes()));
    let out = env
        .cmd()
        .args(["inspect", "forged.lic", "--trust", "vendor.pub"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        stdout(&out).contains("signature:    BAD"),
        "{}",
        stdout(&out)
    );
    env.write("junk.lic", "hello");
    let out = env
        .cmd()
        .args(["inspect", "junk.lic"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        stderr(&out).contains("license-issuer: error: armor:"),
        "{}",
        stderr(&out)
    );
    let out = env
        .cmd()
        .args(["inspect", "a.lic", "--trust", "a.lic"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        stderr(&out).contains("a.lic: key: no -----BEGIN PUBLIC KEY----- block found"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ledger_list_and_show() {
    let env = Env::new();
    issued(&env);
    let out = env
        .cmd()
        .args(["ledger", "list"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let text = stdout(&out);
    assert!(
        text.contains("LIC-000001  serial 1  Acme AS (C-1001)  installation inst-1"),
        "{text}"
    );
    assert!(
        text.contains("LIC-000002  serial 1  Beta BV (C-2002)"),
        "{text}"
    );
    let out = env
        .cmd()
        .args(["ledger", "list", "--customer", "C-2002", "--json"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let v: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["license_id"], "LIC-000002");
    assert!(v[0].get("file_text").is_none());
    let out = env
        .cmd()
        .args(["ledger", "list", "--customer", "C-404"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "no licenses recorded for customer C-404\n");
    let out = env
        .cmd()
        .args(["ledger", "show", "LIC-000001"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let text = stdout(&out);
    assert!(
        text.contains("customer:     Acme AS (C-1001)") && text.contains("key id:"),
        "{text}"
    );
    assert!(
        text.ends_with(&fs::read_to_string(env.path("a.lic")).unwrap()),
        "show ends with the file, whole"
    );
    let out = env
        .cmd()
        .args(["ledger", "show", "LIC-000001", "--json"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["file_text"].as_str(),
        Some(fs::read_to_string(env.path("a.lic")).unwrap().as_str())
    );
    let out = env
        .cmd()
        .args(["ledger", "show", "LIC-000099"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        stderr(&out).contains("no license LIC-000099 in license-ledger.db"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ledger_refuses_missing_and_foreign_files() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["ledger", "list"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        stderr(&out).contains("license-ledger.db: no ledger here: issue a license first"),
        "{}",
        stderr(&out)
    );
    assert!(!env.path("license-ledger.db").exists());
    env.write("x.db", &"text ".repeat(100));
    let out = env
        .cmd()
        .env("LICENSE_LEDGER", "x.db")
        .args(["ledger", "show", "LIC-000001"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        stderr(&out).contains("x.db: is not a readable SQLite database"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_states_the_date_rule_and_exit_codes() {
    let env = Env::new();
    for args in [
        vec!["--help"],
        vec!["issue", "--help"],
        vec!["batch", "--help"],
    ] {
        let out = env.cmd().args(&args).assert().code(0).get_output().clone();
        let text = stdout(&out);
        assert!(
            text.contains("valid_until \"2027-11-30\" ends at 2027-12-01T00:00:00Z"),
            "{args:?}: {text}"
        );
        assert!(
            text.contains("Exit status:") && text.contains("2  an error"),
            "{args:?}: {text}"
        );
    }
    env.cmd().args(["issue", "--bogus"]).assert().code(2);
}
