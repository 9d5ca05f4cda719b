//! Every command's `--json` output validates against its schema in docs/schema/, in both
//! languages, for yes, a clean no and an error: what a script author reads is what the
//! schemas promise (docs/JSON.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{current, days_from_now, revocation_list, Env};
use license_format::{
    sign_document, signing_key_from_pem, ClockReset, ClockResetRequest, DocumentKind,
};
use serde_json::{json, Value};

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/schema")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Runs `args` with `--json` and `--lang`, expects `exit`, and validates stdout against
/// `verifier-NAME.json` (or error.json when the output is an error).
fn check(env: &Env, lang: &str, name: &str, args: &[&str], exit: i32) -> Value {
    let out = env
        .cmd()
        .args(["--json", "--lang", lang])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let value: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {:?}", out.stdout));
    let file = if name == "error" {
        "error".to_owned()
    } else {
        format!("verifier-{name}")
    };
    let validator = schema(&file);
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{lang} {args:?} against {file}.json:\n{}\n{value:#}",
        errors.join("\n")
    );
    value
}

/// The vendor's clock reset answering `request` (JSON text), signed with the example key.
fn reset_for(request: &[u8]) -> String {
    let request = ClockResetRequest::parse(request).unwrap();
    let doc = ClockReset {
        product: request.product.clone(),
        installation_id: request.installation_id.clone(),
        nonce: request.nonce.clone(),
        request_mark: request.mark,
        request_clock: request.clock,
        issued_at: request.clock,
        issuer: "Example Vendor".into(),
    };
    let key = signing_key_from_pem(include_str!("../../keys-example/vendor.key")).unwrap();
    sign_document(DocumentKind::ClockReset, &doc.to_bytes(), &key)
}

#[test]
fn every_command_validates_against_its_schema_in_both_languages() {
    for lang in ["en", "nl"] {
        let fresh = Env::new();
        check(&fresh, lang, "init", &["init"], 0);
        check(&fresh, lang, "status", &["status"], 1);
        check(&fresh, lang, "list", &["list"], 0);
        check(&fresh, lang, "error", &["show"], 1);
        check(&fresh, lang, "history", &["history"], 0);
        check(&fresh, lang, "request", &["request"], 0);
        check(&fresh, lang, "error", &["request", "--clock-reset"], 1);
        let out = fresh.dir.path().join("request.json");
        let out = out.to_str().unwrap();
        check(
            &fresh,
            lang,
            "request-written",
            &["request", "--out", out],
            0,
        );
        check(
            &fresh,
            lang,
            "check",
            &["check", "system", "superoffice-server"],
            1,
        );

        let lic = current();
        let env = Env::licensed(&lic);
        let file = env.license("same.lic", &lic);
        let expired = env.license(
            "old.lic",
            &lic.clone()
                .set("valid_until", json!(days_from_now(-20)))
                .set("grace_days", json!(0)),
        );
        let garbage = env.file("garbage.lic", "not a license");
        check(&env, lang, "verify", &["verify", &file], 0);
        check(&env, lang, "verify", &["verify", &expired], 1);
        check(&env, lang, "error", &["verify", &garbage], 2);
        let next = env.license("next.lic", &lic.clone().serial(2).seats("sales-premium", 1));
        check(&env, lang, "import", &["import", &next, "--dry-run"], 0);
        check(&env, lang, "import", &["import", &file], 0);
        check(&env, lang, "error", &["import", &garbage], 2);
        check(
            &env,
            lang,
            "users-add",
            &["users", "add", "carol", "--no-login"],
            0,
        );
        check(
            &env,
            lang,
            "users-login",
            &["users", "login", "carol", "on"],
            0,
        );
        check(&env, lang, "error", &["users", "login", "zed", "on"], 2);
        check(&env, lang, "users-list", &["users", "list"], 0);
        let assign = ["seats", "assign", "alice", "sales-premium"];
        check(&env, lang, "seats-assign", &assign, 0);
        check(
            &env,
            lang,
            "seats-assign",
            &["seats", "assign", "bob", "sales-premium"],
            0,
        );
        check(&env, lang, "seats-list", &["seats", "list"], 0);
        check(
            &env,
            lang,
            "check",
            &["check", "capability", "web-client", "--user", "alice"],
            0,
        );
        check(
            &env,
            lang,
            "check",
            &["check", "capability", "web-client", "--user", "carol"],
            1,
        );
        check(
            &env,
            lang,
            "check",
            &["check", "system", "sales-intelligence"],
            1,
        );
        check(
            &env,
            lang,
            "error",
            &["check", "system", "sales-premium"],
            2,
        );
        check(
            &env,
            lang,
            "check-seats",
            &["check", "seats", "sales-premium"],
            0,
        );
        check(
            &env,
            lang,
            "check-seats",
            &["check", "seats", "marketing-premium"],
            1,
        );
        check(&env, lang, "status", &["status"], 0);
        check(&env, lang, "list", &["list"], 0);
        check(&env, lang, "show", &["show"], 0);
        check(&env, lang, "show-code", &["show", "sales-premium"], 0);
        check(&env, lang, "error", &["show", "sales-premum"], 2);
        check(&env, lang, "history", &["history"], 0);
        // The cut to one seat leaves bob out: the report names him.
        let cut = check(&env, lang, "import", &["import", &next], 0);
        assert_eq!(cut["changes"]["users_losing_access"][0]["user"], "bob");
        check(&env, lang, "error", &["import", &file], 1);
        check(
            &env,
            lang,
            "seats-release",
            &["seats", "release", "alice", "sales-premium"],
            0,
        );
        check(
            &env,
            lang,
            "error",
            &["seats", "release", "alice", "sales-premium"],
            2,
        );
        check(&env, lang, "users-remove", &["users", "remove", "carol"], 0);
        let events = check(&env, lang, "events", &["events", "--limit", "100"], 0);
        assert!(events["events"].as_array().unwrap().len() > 8);
        check(&env, lang, "error", &["events", "--kind", "imports"], 2);
        check(&env, lang, "error", &["frobnicate"], 2);

        // A clock set ahead once: a license issued two days from now moves the store's
        // latest time there; the reset brings it back.
        let ahead = lic
            .clone()
            .serial(3)
            .set("issued_at", json!(days_from_now(2)));
        let ahead = env.license("ahead.lic", &ahead);
        check(&env, lang, "import", &["import", &ahead], 0);
        let request = env
            .cmd()
            .args(["request", "--clock-reset"])
            .output()
            .unwrap();
        assert!(request.status.success(), "{request:?}");
        let reset = env.file("reset.lic", &reset_for(&request.stdout));
        check(&env, lang, "error", &["import", &reset, "--dry-run"], 2);
        check(&env, lang, "import-clock-reset", &["import", &reset], 0);
        check(&env, lang, "error", &["import", &reset], 1);

        // A revocation list withdraws the active license: every answer says so.
        let status = check(&env, lang, "status", &["status"], 0);
        let active = status["license_id"].as_str().unwrap().to_owned();
        let list = revocation_list(1, &[(active.as_str(), Some("order refunded"))], &[]);
        let list = env.file("list.revocation", &list);
        let dry = check(
            &env,
            lang,
            "import-revocation-list",
            &["import", &list, "--dry-run"],
            0,
        );
        assert_eq!(dry["revokes_active"]["by"], "license");
        check(&env, lang, "import-revocation-list", &["import", &list], 0);
        let status = check(&env, lang, "status", &["status"], 1);
        assert_eq!(
            (&status["state"], &status["revocation"]["reason"]),
            (&json!("revoked"), &json!("order refunded"))
        );
        let screen = check(&env, lang, "list", &["list"], 0);
        assert_eq!(screen["header"]["revocation"]["list_serial"], 1);
        check(&env, lang, "show", &["show"], 0);
        check(&env, lang, "show-code", &["show", "sales-premium"], 0);
        let no = check(
            &env,
            lang,
            "check",
            &["check", "system", "superoffice-server"],
            1,
        );
        assert_eq!(no["reasons"][0]["code"], "license-revoked");
        check(&env, lang, "error", &["import", &list], 1);
        check(
            &env,
            lang,
            "events",
            &["events", "--kind", "revocation-list"],
            0,
        );
    }
}
