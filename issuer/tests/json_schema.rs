//! Every command's `--json` output, in both languages, in success, no and error cases,
//! validates against its schema in docs/schema/; errors against error.json.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::path::Path;

use common::{Env, Outcome, BATCH, ORDER};
use license_format::time::parse_rfc3339;
use license_format::ClockResetRequest;
use serde_json::Value;

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/schema")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[track_caller]
fn valid(name: &str, out: &Outcome, expected_exit: i32) -> Value {
    assert_eq!(
        out.output.status.code(),
        Some(expected_exit),
        "{name}: {}",
        out.stderr()
    );
    let value = out.json();
    let errors: Vec<String> = schema(name)
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}\n{value:#}");
    value
}

fn request() -> String {
    ClockResetRequest::new(
        license_catalog::builtin().product.clone(),
        "inst-1".into(),
        ClockResetRequest::nonce_from_bytes(&[7; 16]),
        None,
        parse_rfc3339("2026-11-28T16:40:00Z").unwrap(),
        "crm01.example.com".into(),
    )
    .to_json()
}

/// Runs `args` with `--lang LANG` and `--json`, as the issuer.
fn run(env: &Env, lang: &str, args: &[&str]) -> Outcome {
    Outcome::of(
        env.issuer_cmd()
            .args(["--lang", lang])
            .args(args)
            .arg("--json"),
    )
}

fn every_command_in(lang: &str) {
    let env = Env::new();
    let keygen = run(&env, lang, &["keygen", "--out-dir", "."]);
    valid("issuer-keygen.json", &keygen, 0);
    valid(
        "error.json",
        &run(&env, lang, &["keygen", "--out-dir", "."]),
        2,
    );
    env.write("order.json", ORDER);
    let issue = ["issue", "--key", "vendor.key", "--order", "order.json"];
    let issued = valid("issuer-issue.json", &run(&env, lang, &issue), 0);
    assert!(issued["license_file"].is_string());
    let mut to_file = issue.to_vec();
    to_file.extend(["--out", "a.lic"]);
    let issued = valid("issuer-issue.json", &run(&env, lang, &to_file), 0);
    assert_eq!(issued["last_day"], "2027-11-30");
    assert_eq!(issued["ends_at"], "2027-12-01T00:00:00Z");
    valid("error.json", &run(&env, lang, &to_file), 2);
    env.write(
        "late.json",
        &ORDER
            .replace("2027-11-30", "2020-01-31")
            .replace("2026-12-01", "2020-01-01")
            .replace("2027-05-31", "2020-01-31"),
    );
    let late = [
        "issue",
        "--key",
        "vendor.key",
        "--order",
        "late.json",
        "--out",
        "late.lic",
    ];
    let late = valid("issuer-issue.json", &run(&env, lang, &late), 0);
    assert_eq!(late["warnings"][0]["code"], "term-ended", "{late}");
    valid(
        "error.json",
        &run(
            &env,
            lang,
            &["issue", "--key", "vendor.key", "--order", "none.json"],
        ),
        2,
    );

    env.write(
        "orders.jsonl",
        &format!("{}\n{{}}\n", ORDER.replace('\n', " ")),
    );
    let report = valid("issuer-batch.json", &run(&env, lang, &BATCH), 1);
    assert_eq!(report["refusals"][0]["error"]["code"], "order", "{report}");
    assert_eq!(report["lines"][0]["customer_id"], "C-1001", "{report}");
    assert_eq!(report["lines"][1]["error"]["code"], "order", "{report}");
    valid(
        "error.json",
        &run(
            &env,
            lang,
            &[
                "batch",
                "--key",
                "vendor.key",
                "--orders",
                "none.jsonl",
                "--out-dir",
                "out",
            ],
        ),
        2,
    );

    let inspected = valid(
        "issuer-inspect.json",
        &run(&env, lang, &["inspect", "a.lic", "--trust", "vendor.pub"]),
        0,
    );
    assert_eq!(
        inspected["grants"][2]["last_day"], "2027-05-31",
        "{inspected}"
    );
    valid(
        "issuer-inspect.json",
        &run(&env, lang, &["inspect", "a.lic"]),
        0,
    );
    let other = Env::new();
    other.keygen();
    let other_pub = other.path("vendor.pub");
    let other_pub = other_pub.to_str().unwrap();
    valid(
        "issuer-inspect.json",
        &run(&env, lang, &["inspect", "a.lic", "--trust", other_pub]),
        1,
    );
    valid(
        "error.json",
        &run(&env, lang, &["inspect", "order.json"]),
        2,
    );

    let list = valid(
        "issuer-ledger-list.json",
        &run(&env, lang, &["ledger", "list"]),
        0,
    );
    assert_eq!(list["licenses"][1]["last_day"], "2027-11-30");
    valid(
        "issuer-ledger-list.json",
        &run(&env, lang, &["ledger", "list", "--customer", "nobody"]),
        0,
    );
    valid(
        "error.json",
        &run(&env, lang, &["ledger", "list", "--ledger", "none.db"]),
        2,
    );
    valid(
        "issuer-ledger-show.json",
        &run(&env, lang, &["ledger", "show", "LIC-000001"]),
        0,
    );
    let no = valid(
        "error.json",
        &run(&env, lang, &["ledger", "show", "LIC-000099"]),
        1,
    );
    assert_eq!(no["refused"], true);

    env.write("req.json", &request());
    let reset = [
        "clock-reset",
        "--key",
        "vendor.key",
        "--request",
        "req.json",
    ];
    valid("issuer-clock-reset.json", &run(&env, lang, &reset), 0);
    let mut to_file = reset.to_vec();
    to_file.extend(["--out", "r.reset"]);
    valid("issuer-clock-reset.json", &run(&env, lang, &to_file), 0);
    valid(
        "error.json",
        &run(
            &env,
            lang,
            &[
                "clock-reset",
                "--key",
                "vendor.key",
                "--request",
                "order.json",
            ],
        ),
        2,
    );

    let usage = valid(
        "error.json",
        &run(&env, lang, &["ledger", "list", "--bogus"]),
        2,
    );
    assert_eq!(usage["error"]["code"], "usage");
    trust_commands_in(&env, lang);
}

/// `certify`, `revoke`, `ledger revocations` and `ledger certificates`, and `inspect`
/// of a file that carries a certificate.
fn trust_commands_in(env: &Env, lang: &str) {
    let revocations = ["ledger", "revocations"];
    let listed = valid(
        "issuer-ledger-revocations.json",
        &run(env, lang, &revocations),
        0,
    );
    assert_eq!(listed["lists"], serde_json::json!([]));
    valid(
        "issuer-ledger-certificates.json",
        &run(env, lang, &["ledger", "certificates"]),
        0,
    );
    common::trust::example_keys(env);
    let certify = [
        "certify",
        "--root",
        "root.key",
        "--key",
        "issuing.pub",
        "--valid-from",
        "2026-01-01",
        "--valid-until",
        "2099-12-31",
    ];
    let made = valid("issuer-certify.json", &run(env, lang, &certify), 0);
    let cert = made["out"].as_str().unwrap().to_owned();
    let to_stdout = [&certify[..], &["--out", "-"]].concat();
    let made = valid("issuer-certify.json", &run(env, lang, &to_stdout), 0);
    assert!(made["certificate"].is_string());
    valid("error.json", &run(env, lang, &certify), 2);
    let certified = valid(
        "issuer-ledger-certificates.json",
        &run(env, lang, &["ledger", "certificates"]),
        0,
    );
    assert_eq!(certified["certificates"].as_array().unwrap().len(), 2);
    let issue = [
        "issue",
        "--key",
        "issuing.key",
        "--cert",
        &cert,
        "--order",
        "order.json",
        "--out",
        "c.lic",
    ];
    valid("issuer-issue.json", &run(env, lang, &issue), 0);
    let inspected = valid(
        "issuer-inspect.json",
        &run(env, lang, &["inspect", "c.lic", "--trust", "root.pub"]),
        0,
    );
    assert_eq!(inspected["certificate"]["usage"][2], "revocation-list");
    let revoke = [
        "revoke",
        "--key",
        "vendor.key",
        "--license",
        "LIC-000001",
        "--reason",
        "refund",
    ];
    let revoked = valid("issuer-revoke.json", &run(env, lang, &revoke), 0);
    assert_eq!(revoked["added"][0]["id"], "LIC-000001");
    let again = [&revoke[..], &["--out", "-"]].concat();
    let again = valid("issuer-revoke.json", &run(env, lang, &again), 0);
    assert_eq!(again["already_revoked"][0]["serial"], 1);
    assert!(again["revocation_list"].is_string());
    valid(
        "error.json",
        &run(env, lang, &["revoke", "--key", "vendor.key"]),
        2,
    );
    let listed = valid(
        "issuer-ledger-revocations.json",
        &run(env, lang, &revocations),
        0,
    );
    assert_eq!(listed["lists"].as_array().unwrap().len(), 2);
}

#[test]
fn english_outputs_validate() {
    every_command_in("en");
}

#[test]
fn dutch_outputs_validate() {
    every_command_in("nl");
}

#[test]
fn the_schemas_are_closed_where_the_shape_is() {
    for name in [
        "issuer-keygen.json",
        "issuer-issue.json",
        "issuer-ledger-show.json",
        "issuer-certify.json",
        "issuer-revoke.json",
        "issuer-ledger-revocations.json",
        "issuer-ledger-certificates.json",
        "error.json",
    ] {
        let mut extra = serde_json::json!({"surprise": 1});
        if name == "error.json" {
            extra = serde_json::json!({"error": {"code": "x", "text": "y"}, "refused": false, "exit": 2, "surprise": 1});
        }
        assert!(
            !schema(name).is_valid(&extra),
            "{name} takes unknown members"
        );
    }
}
