//! `clock-reset` through the binary, and the warning for signing with an example key.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;

use common::{Env, Outcome, BATCH, ORDER};
use license_format::time::parse_rfc3339;
use license_format::{verify_clock_reset, ClockResetRequest, KeyId};
use license_issuer::Ledger;

fn request(nonce_byte: u8) -> ClockResetRequest {
    ClockResetRequest::new(
        license_catalog::builtin().product.clone(),
        "inst-1".into(),
        ClockResetRequest::nonce_from_bytes(&[nonce_byte; 16]),
        Some(parse_rfc3339("2031-03-14T09:26:53Z").unwrap()),
        parse_rfc3339("2026-11-28T16:40:00Z").unwrap(),
        "crm01.example.com".into(),
    )
}

/// `clock-reset --key vendor.key` followed by `args`, with an issuer name.
fn clock_reset(env: &Env, args: &[&str]) -> Outcome {
    Outcome::of(
        env.issuer_cmd()
            .args(["clock-reset", "--key", "vendor.key"])
            .args(args),
    )
}

/// An env with a fresh key and `req.json` holding a clock-reset request.
fn env_with_request() -> Env {
    let env = Env::new();
    env.keygen();
    env.write("req.json", &request(0x42).to_json());
    env
}

#[test]
fn a_request_becomes_a_clock_reset_that_verifies_and_is_recorded() {
    let env = env_with_request();
    clock_reset(&env, &["--request", "req.json", "--out", "r.reset"])
        .code(0)
        .stdout_has(
            "clock reset for installation inst-1 (crm01.example.com): its clock mark becomes 20",
        )
        .stdout_has("import it on the installation: license-verifier import r.reset");
    let text = fs::read(env.path("r.reset")).unwrap();
    let verified = verify_clock_reset(&text, &env.keyring(), license_catalog::builtin()).unwrap();
    let r = verified.reset;
    assert_eq!(
        (r.installation_id.as_str(), r.issuer.as_str()),
        ("inst-1", "Example Vendor AS")
    );
    assert_eq!(r.nonce, request(0x42).nonce);
    assert_eq!(r.request_mark, request(0x42).mark);
    let rows = Ledger::open_existing(&env.path("license-ledger.db"))
        .unwrap()
        .clock_resets()
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].nonce, r.nonce);
    assert_eq!(rows[0].text.as_bytes(), text.as_slice());
    assert_eq!(rows[0].kid, verified.kid.to_string());
}

#[test]
fn the_same_request_again_gets_the_identical_file() {
    let env = env_with_request();
    clock_reset(&env, &["--request", "req.json", "--out", "a.reset"]).code(0);
    clock_reset(&env, &["--request", "req.json", "--out", "b.reset"])
        .code(0)
        .stdout_has("(issued before for this request: the same file again)");
    assert_eq!(
        fs::read(env.path("a.reset")).unwrap(),
        fs::read(env.path("b.reset")).unwrap()
    );
    let v = clock_reset(&env, &["--request", "req.json", "--json"])
        .code(0)
        .json();
    assert_eq!(
        (v["resent"].as_bool(), v["installation_id"].as_str()),
        (Some(true), Some("inst-1"))
    );
    assert_eq!(
        v["clock_reset_file"].as_str().unwrap().as_bytes(),
        fs::read(env.path("a.reset")).unwrap()
    );
    let stdout = clock_reset(&env, &["--request", "req.json", "--out", "-"])
        .code(0)
        .stdout();
    assert_eq!(stdout.as_bytes(), fs::read(env.path("a.reset")).unwrap());
    clock_reset(&env, &["--request", "req.json", "--out", "a.reset"])
        .code(2)
        .stderr_has("a.reset exists: refusing to overwrite it; pass --force to replace it");
    let ledger = Ledger::open_existing(&env.path("license-ledger.db")).unwrap();
    assert_eq!(ledger.clock_resets().unwrap().len(), 1);
}

#[test]
fn a_request_pasted_from_an_e_mail_is_found() {
    let env = env_with_request();
    let quoted: String = request(0x42)
        .to_json()
        .lines()
        .map(|l| format!("> {l}\r\n"))
        .collect();
    let mail =
        format!("\u{feff}Hello,\r\n\r\nour clock was wrong:\r\n\r\n{quoted}\r\n-- \r\nAcme IT\r\n");
    env.write("mail.txt", &mail);
    clock_reset(&env, &["--request", "mail.txt", "--out", "r.reset"])
        .code(0)
        .stdout_has("clock reset for installation inst-1");
    let twice = format!("{mail}\n{}", request(0x43).to_json());
    env.write("two.txt", &twice);
    clock_reset(&env, &["--request", "two.txt"])
        .code(2)
        .stderr_has("two.txt: clock-reset request:");
}

#[test]
fn a_request_that_is_not_a_clock_reset_request_is_named() {
    let env = env_with_request();
    env.write("order.json", ORDER);
    let activation = license_format::ActivationRequest::new(
        license_catalog::builtin().product.clone(),
        "inst-1".into(),
        "host".into(),
        parse_rfc3339("2026-11-29T09:00:00Z").unwrap(),
    );
    env.write("activation.json", &activation.to_json());
    clock_reset(&env, &["--request", "activation.json"])
        .code(2)
        .stderr_has("license-issuer: error: activation.json: clock-reset request: this is an activation request (activation-request/v1), not a clock-reset request; give the clock-reset request the installation wrote")
        .stderr_has("hint: nothing was issued or recorded");
    env.issue(&["--order", "order.json", "--out", "acme.lic"])
        .code(0);
    clock_reset(&env, &["--request", "acme.lic"])
        .code(2)
        .stderr_has(
            "acme.lic: clock-reset request: this is a license file, not a clock-reset request",
        );
    let nonce = request(0x42).nonce;
    let short = request(0x42).to_json().replace(&nonce, &nonce[..30]);
    env.write("short.json", &short);
    clock_reset(&env, &["--request", "short.json"])
        .code(2)
        .stderr_has("short.json: clock-reset request: nonce \"");
    let other = request(0x42)
        .to_json()
        .replace("superoffice-crm", "superoffice-hr");
    env.write("other.json", &other);
    clock_reset(&env, &["--request", "other.json"])
        .code(2)
        .stderr_has("other.json: the request is for product \"superoffice-hr\"");
    let ledger = Ledger::open_existing(&env.path("license-ledger.db")).unwrap();
    assert!(ledger.clock_resets().unwrap().is_empty());
}

/// `keys-example/vendor.key`, copied as `vendor.key` with the mode a key needs.
fn example_key_env() -> (Env, KeyId) {
    let env = Env::new();
    let pem = include_str!("../../keys-example/vendor.key");
    let path = env.write("vendor.key", pem);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let key = license_format::signing_key_from_pem(pem).unwrap();
    (env, KeyId::of(&key.verifying_key()))
}

#[test]
fn signing_with_an_example_key_warns_every_time() {
    let (env, kid) = example_key_env();
    let warning = format!(
        "license-issuer: warning: signing with example key {kid} of keys-example/, which anyone can sign with: installations must never trust it"
    );
    env.write("order.json", ORDER);
    env.write("req.json", &request(1).to_json());
    env.write("orders.jsonl", &ORDER.replace('\n', " "));
    env.issue(&["--order", "order.json", "--out", "a.lic"])
        .code(0)
        .stderr_has(&warning);
    clock_reset(&env, &["--request", "req.json", "--out", "r.reset"])
        .code(0)
        .stderr_has(&warning);
    Outcome::of(env.issuer_cmd().args(BATCH))
        .code(0)
        .stderr_has(&warning);
}

#[test]
fn a_key_of_ones_own_gives_no_warning() {
    let env = env_with_request();
    let err = clock_reset(&env, &["--request", "req.json"])
        .code(0)
        .stderr();
    assert!(!err.contains("warning"), "{err}");
}
