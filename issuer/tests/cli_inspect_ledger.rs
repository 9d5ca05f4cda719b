//! `inspect`, `ledger list`, `ledger show` and `--help` through the binary.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;

use common::{Env, Outcome, ORDER};

fn issued(env: &Env) {
    env.keygen();
    env.write("order.json", ORDER);
    env.write(
        "other.json",
        &ORDER
            .replace("C-1001", "C-2002")
            .replace("Acme AS", "Beta BV"),
    );
    env.issue(&["--order", "order.json", "--out", "a.lic"])
        .code(0);
    env.issue(&["--order", "other.json", "--out", "b.lic"])
        .code(0);
}

#[test]
fn inspect_shows_the_license_and_checks_the_signature() {
    let env = Env::new();
    issued(&env);
    let mut out = env
        .run(&["inspect", "a.lic", "--trust", "vendor.pub"])
        .code(0);
    for part in [
        "license:      LIC-000001 (serial 1)",
        "signature:    valid",
        "customer:     Acme AS (C-1001)",
        "valid until:  2027-11-30 (grace 14 days)",
        "plan:         sales-premium x10",
    ] {
        out = out.stdout_has(part);
    }
    env.run(&["inspect", "a.lic"])
        .code(0)
        .stdout_has("signature:    not checked: give --trust VENDOR.pub");
    let v = env
        .run(&["inspect", "a.lic", "--json", "--trust", "vendor.pub"])
        .code(0)
        .json();
    assert_eq!(
        (v["signature"].as_str(), v["payload"]["license_id"].as_str()),
        (Some("valid"), Some("LIC-000001"))
    );
    // The state at the clock, judged as the verifier judges it (FORMAT.md §7).
    let p: license_format::Payload = serde_json::from_value(v["payload"].clone()).unwrap();
    let now = license_format::State::of_term(
        p.valid_from,
        p.valid_until,
        p.grace_days,
        chrono::Utc::now(),
    );
    assert_eq!(v["state"].as_str(), Some(now.name()), "{v}");
}

#[test]
fn inspect_says_where_the_term_stands_now() {
    let env = Env::new();
    env.keygen();
    let day = |days: i64| {
        (chrono::Utc::now() + chrono::Duration::days(days))
            .format("%Y-%m-%d")
            .to_string()
    };
    let order = |from: &str, until: &str| {
        format!(
            r#"{{"customer": {{"id": "C-1", "name": "Acme"}}, "valid_from": "{from}",
                "valid_until": "{until}", "grace_days": 14,
                "system_licenses": ["superoffice-server"], "user_plans": {{}}}}"#
        )
    };
    for (name, from, until, state, words) in [
        (
            "later",
            day(400),
            day(800),
            "not-yet-valid",
            "state now:    not yet valid (from ",
        ),
        ("now", day(-10), day(100), "active", "state now:    active"),
        (
            "grace",
            day(-100),
            day(-3),
            "grace",
            "state now:    in its grace period until ",
        ),
        (
            "past",
            day(-100),
            day(-30),
            "expired",
            "state now:    expired since ",
        ),
    ] {
        env.write(&format!("{name}.json"), &order(&from, &until));
        env.issue(&[
            "--order",
            &format!("{name}.json"),
            "--out",
            &format!("{name}.lic"),
            "--unbound",
        ])
        .code(0);
        env.run(&["inspect", &format!("{name}.lic")])
            .code(0)
            .stdout_has(words);
        let v = env
            .run(&["inspect", &format!("{name}.lic"), "--json"])
            .code(0)
            .json();
        assert_eq!(v["state"].as_str(), Some(state), "{v}");
        let nl = env
            .run(&["inspect", &format!("{name}.lic"), "--lang", "nl"])
            .code(0)
            .stdout();
        assert!(nl.contains("status nu:"), "{nl}");
    }
}

#[test]
fn inspect_says_no_for_a_foreign_key_or_a_forged_file() {
    let env = Env::new();
    issued(&env);
    env.run(&["keygen", "--out-dir", ".", "--name", "other"])
        .code(0);
    env.run(&["inspect", "a.lic", "--trust", "other.pub"])
        .code(1)
        .stdout_has("signature:    unknown key");
    // Re-sign someone else's payload under the real key id: the signature cannot hold.
    let real = fs::read_to_string(env.path("a.lic")).unwrap();
    let envelope =
        license_format::Envelope::parse(&license_format::dearmor(real.as_bytes()).unwrap())
            .unwrap();
    let mut payload = envelope.payload.clone();
    // The plan's seat count, not the first "10" anywhere: at 10 past the hour that is
    // the issue time, and a broken timestamp is refused before the signature is checked.
    let seats = b"\"seats\":10";
    let pos = payload
        .windows(seats.len())
        .position(|w| w == seats)
        .unwrap()
        + seats.len()
        - 2;
    payload[pos..pos + 2].copy_from_slice(b"99");
    let forged = license_format::Envelope {
        payload,
        ..envelope
    };
    env.write("forged.lic", &license_format::armor(&forged.to_bytes()));
    env.run(&["inspect", "forged.lic", "--trust", "vendor.pub"])
        .code(1)
        .stdout_has("signature:    BAD");
    env.write("junk.lic", "hello");
    env.run(&["inspect", "junk.lic"])
        .code(2)
        .stderr_has("license-issuer: error: armor:");
    env.run(&["inspect", "a.lic", "--trust", "a.lic"])
        .code(2)
        .stderr_has("a.lic: key: no -----BEGIN PUBLIC KEY----- block found");
}

#[test]
fn ledger_list_and_show() {
    let env = Env::new();
    issued(&env);
    env.run(&["ledger", "list"])
        .code(0)
        .stdout_has("LIC-000001  serial 1  Acme AS (C-1001)  installation inst-1")
        // The term by its last day, as the order wrote it.
        .stdout_has("  until 2027-11-30  ")
        .stdout_has("LIC-000002  serial 1  Beta BV (C-2002)");
    let v: Vec<serde_json::Value> = serde_json::from_value(
        env.run(&["ledger", "list", "--customer", "C-2002", "--json"])
            .code(0)
            .json()["licenses"]
            .clone(),
    )
    .unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["license_id"], "LIC-000002");
    assert!(v[0].get("file_text").is_none());
    let out = env.run(&["ledger", "list", "--customer", "C-404"]).code(0);
    assert_eq!(out.stdout(), "no licenses recorded for customer C-404\n");
    let text = env
        .run(&["ledger", "show", "LIC-000001"])
        .code(0)
        .stdout_has("customer:     Acme AS (C-1001)")
        .stdout_has("key id:")
        .stdout();
    assert!(
        text.ends_with(&fs::read_to_string(env.path("a.lic")).unwrap()),
        "show ends with the file, whole"
    );
    let v = env
        .run(&["ledger", "show", "LIC-000001", "--json"])
        .code(0)
        .json();
    assert_eq!(
        v["file_text"].as_str(),
        Some(fs::read_to_string(env.path("a.lic")).unwrap().as_str())
    );
    env.run(&["ledger", "show", "LIC-000099"])
        .code(1)
        .stderr_has("no license LIC-000099 in license-ledger.db");
}

#[test]
fn ledger_refuses_missing_and_foreign_files() {
    let env = Env::new();
    env.run(&["ledger", "list"])
        .code(2)
        .stderr_has("license-ledger.db: no ledger here: issue a license first");
    assert!(!env.path("license-ledger.db").exists());
    env.write("x.db", &"text ".repeat(100));
    Outcome::of(
        env.cmd()
            .env("LICENSE_LEDGER", "x.db")
            .args(["ledger", "show", "LIC-000001"]),
    )
    .code(2)
    .stderr_has("x.db: is not a readable SQLite database");
}

#[test]
fn help_states_the_date_rule_and_exit_codes() {
    let env = Env::new();
    for args in [
        vec!["--help"],
        vec!["issue", "--help"],
        vec!["batch", "--help"],
    ] {
        env.run(&args)
            .code(0)
            .stdout_has("valid_until \"2027-11-30\" ends at 2027-12-01T00:00:00Z")
            .stdout_has("Exit status:")
            .stdout_has("2  an error");
    }
    env.run(&["issue", "--bogus"]).code(2);
}
