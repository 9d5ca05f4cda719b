//! `certify`, and `--cert` on `issue`, `batch` and `clock-reset`, through the binary:
//! files signed under a certificate verify where only the root is trusted, and a
//! certificate that does not fit is refused before anything is signed or recorded.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;

use common::trust::{certified, certify, example_keys, kid, root_trust};
use common::{Env, ORDER};
use license_format::time::parse_rfc3339;
use license_format::ClockResetRequest;
use license_format::{verify_certificate, verify_clock_reset_trusted, verify_license_trusted};

fn env() -> Env {
    let env = Env::new();
    example_keys(&env);
    env.write("order.json", ORDER);
    env
}

fn catalog() -> &'static license_format::Catalog {
    license_catalog::builtin()
}

fn certificates(env: &Env) -> Vec<serde_json::Value> {
    let out = env.run(&["ledger", "certificates", "--json"]).code(0);
    out.json()["certificates"].as_array().unwrap().clone()
}

#[test]
fn certify_signs_records_and_names_the_file_by_the_key() {
    let env = env();
    let issuing = kid(&env, "issuing");
    let root = kid(&env, "root");
    let out = certify(
        &env,
        &["--valid-from", "2026-01-01", "--valid-until", "2030-12-31"],
    )
    .code(0)
    .stdout_has(&format!("certified key {issuing} with root {root}"))
    .stdout_has(&format!("written to {issuing}.cert"));
    drop(out);
    let text = fs::read(env.path(&format!("{issuing}.cert"))).unwrap();
    let verified = verify_certificate(&text, &root_trust(&env), catalog()).unwrap();
    let c = &verified.certificate;
    assert_eq!(verified.root.to_string(), root);
    assert_eq!(c.usage, ["license-file", "clock-reset", "revocation-list"]);
    assert_eq!(c.valid_from, parse_rfc3339("2026-01-01T00:00:00Z").unwrap());
    assert_eq!(
        c.valid_until,
        parse_rfc3339("2031-01-01T00:00:00Z").unwrap()
    );
    assert_eq!(c.issuer, "Example Vendor AS");
    let recorded = certificates(&env);
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0]["root_kid"], root.as_str());
    assert_eq!(recorded[0]["kid"], issuing.as_str());
    // The same file again is never replaced silently, and nothing more is recorded.
    certify(&env, &["--valid-until", "2030-12-31"])
        .code(2)
        .stderr_has(&format!("{issuing}.cert exists"));
    assert_eq!(certificates(&env).len(), 1);
    let narrow = certify(
        &env,
        &[
            "--valid-until",
            "2030-12-31",
            "--usage",
            "revocation-list,license-file",
            "--out",
            "-",
        ],
    )
    .code(0);
    let verified = verify_certificate(narrow.stdout().as_bytes(), &root_trust(&env), catalog());
    assert_eq!(
        verified.unwrap().certificate.usage,
        ["license-file", "revocation-list"]
    );
    let cert = format!("{issuing}.cert");
    env.run(&["inspect", &cert, "--trust", "root.pub"])
        .code(0)
        .stdout_has(&format!("certified key: {issuing}"))
        .stdout_has(&format!("signature:     valid (key {root})"))
        .stdout_has("may sign:      license-file, clock-reset, revocation-list")
        .stdout_has(
            "window:        documents issued from 2026-01-01T00:00:00Z until 2031-01-01T00:00:00Z",
        );
    env.run(&["inspect", &cert]).code(0).stdout_has(&format!(
        "not checked: give --trust ROOT.pub (signed by root key {root})"
    ));
    env.run(&["inspect", &cert, "--trust", "vendor.pub"])
        .code(1)
        .stdout_has(&format!("unknown key {root}"));
    env.run(&["ledger", "certificates"])
        .code(0)
        .stdout_has(&format!(
            "key {issuing}  root {root}  may sign license-file, revocation-list"
        ));
}

#[test]
fn certify_refuses_what_no_installation_could_use_and_records_nothing() {
    let env = env();
    let until = ["--valid-until", "2030-12-31"];
    let cases: [(&[&str], &str); 5] = [
        (
            &["--valid-from", "2031-01-01"],
            "is empty: give a --valid-until after --valid-from",
        ),
        (
            &["--usage", "license-file,key-certificate"],
            "--usage: unknown usage \"key-certificate\": use license-file, clock-reset or revocation-list",
        ),
        (
            &["--valid-from", "1.1.2026"],
            "--valid-from: \"1.1.2026\" is not a date like 2027-11-30",
        ),
        (&["--key", "issuing.key"], "issuing.key"),
        (&["--out", "missing/x.cert"], "the directory missing does not exist"),
    ];
    for (args, words) in cases {
        let mut all = until.to_vec();
        all.extend(args);
        let out = if args.first() == Some(&"--key") {
            let base = ["certify", "--root", "root.key"];
            env.run_as_issuer(&[&base[..], &all].concat())
        } else {
            certify(&env, &all)
        };
        out.code(2).stderr_has(words);
    }
    let same = ["certify", "--root", "root.key", "--key", "root.pub"];
    env.run_as_issuer(&[&same[..], &until].concat())
        .code(2)
        .stderr_has(&format!(
            "the root key and the key to certify are the same key {}",
            kid(&env, "root")
        ));
    let dutch = [
        &[
            "--lang",
            "nl",
            "certify",
            "--root",
            "root.key",
            "--key",
            "issuing.pub",
        ][..],
        &until,
        &["--usage", "x"],
    ]
    .concat();
    env.run_as_issuer(&dutch)
        .code(2)
        .stderr_has("fout: --usage: onbekend gebruik \"x\": gebruik license-file, clock-reset of revocation-list");
    // An encrypted root with no passphrase to open it.
    let mut cmd = env.cmd();
    cmd.env("LICENSE_ISSUER_PASSPHRASE", "correct horse");
    let made = cmd.args(["keygen", "--out-dir", ".", "--name", "sealed", "--encrypt"]);
    common::Outcome::of(made).code(0);
    env.run_as_issuer(&[
        "certify",
        "--root",
        "sealed.key",
        "--key",
        "issuing.pub",
        "--valid-until",
        "2030-12-31",
    ])
    .code(2)
    .stderr_has("the key is encrypted and no terminal is attached");
    assert!(env.dir.path().read_dir().unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".cert")));
    let ledger = env.path("license-ledger.db");
    assert!(!ledger.exists() || certificates(&env).is_empty());
}

#[test]
fn files_signed_with_cert_verify_where_only_the_root_is_trusted() {
    let env = env();
    let cert = certified(&env);
    let root = kid(&env, "root");
    let signing = ["--key", "issuing.key", "--cert", cert.as_str()];
    let issue = [
        &["issue"][..],
        &signing,
        &["--order", "order.json", "--out", "a.lic"],
    ]
    .concat();
    env.run_as_issuer(&issue).code(0);
    let trust = root_trust(&env);
    let verified =
        verify_license_trusted(&fs::read(env.path("a.lic")).unwrap(), &trust, catalog()).unwrap();
    assert_eq!(verified.certificate.unwrap().root.to_string(), root);
    // With the root's public key, the certificate and each file are checked through it.
    let checked = [
        &["issue"][..],
        &signing,
        &[
            "--root-pub",
            "root.pub",
            "--order",
            "order.json",
            "--out",
            "b.lic",
        ],
    ]
    .concat();
    env.run_as_issuer(&checked).code(0);
    let wrong_root = [
        &["issue"][..],
        &signing,
        &["--root-pub", "vendor.pub", "--order", "order.json"],
    ]
    .concat();
    env.run_as_issuer(&wrong_root)
        .code(2)
        .stderr_has("which is not a trusted root key");

    env.write("orders.jsonl", &format!("{}\n", ORDER.replace('\n', " ")));
    let batch = [
        &["batch"][..],
        &signing,
        &["--orders", "orders.jsonl", "--out-dir", "out"],
    ]
    .concat();
    env.run_as_issuer(&batch).code(0);
    let file = fs::read(env.path("out/LIC-000003.lic")).unwrap();
    verify_license_trusted(&file, &trust, catalog()).unwrap();

    env.write("req.json", &reset_request());
    let reset = [
        &["clock-reset"][..],
        &signing,
        &["--request", "req.json", "--out", "r.reset"],
    ]
    .concat();
    env.run_as_issuer(&reset).code(0);
    let file = fs::read(env.path("r.reset")).unwrap();
    verify_clock_reset_trusted(&file, &trust, catalog()).unwrap();

    env.run(&["inspect", "a.lic", "--trust", "root.pub"])
        .code(0)
        .stdout_has(&format!("certificate:  root {root} certifies the key for license-file, clock-reset, revocation-list issued from 2026-01-01T00:00:00Z until 2100-01-01T00:00:00Z"));
    let inspected = env
        .run(&["inspect", "a.lic", "--trust", "root.pub", "--json"])
        .code(0)
        .json();
    assert_eq!(inspected["signature"], "valid");
    assert_eq!(inspected["certificate"]["root_kid"], root.as_str());
}

fn reset_request() -> String {
    ClockResetRequest::new(
        catalog().product.clone(),
        "inst-1".into(),
        ClockResetRequest::nonce_from_bytes(&[9; 16]),
        None,
        parse_rfc3339("2026-11-28T16:40:00Z").unwrap(),
        "crm01.example.com".into(),
    )
    .to_json()
}

/// Runs `command` signed with `key` and `cert`, writing `out`, and checks that it is
/// refused with `words` and that nothing was written or recorded.
fn refused(env: &Env, command: &str, key: &str, cert: &str, words: &str) {
    let mut args = vec![command, "--key", key, "--cert", cert];
    match command {
        "issue" => args.extend(["--order", "order.json", "--out", "x.out"]),
        "clock-reset" => args.extend(["--request", "req.json", "--out", "x.out"]),
        _ => args.extend(["--orders", "orders.jsonl", "--out-dir", "x.out"]),
    }
    env.run_as_issuer(&args).code(2).stderr_has(words);
    assert!(!env.path("x.out").exists(), "{command} {cert}");
    if env.path("license-ledger.db").exists() {
        assert!(env.ledger().is_empty(), "{command} {cert}");
        let resets = env.run(&["ledger", "list", "--json"]).code(0).json();
        assert_eq!(resets["licenses"].as_array().unwrap().len(), 0);
    }
}

#[test]
fn a_certificate_that_does_not_fit_is_refused_before_signing() {
    let env = env();
    env.write("req.json", &reset_request());
    env.write("orders.jsonl", &format!("{}\n", ORDER.replace('\n', " ")));
    let issuing = kid(&env, "issuing");
    let cert = certified(&env);
    let other = format!(
        "is the certificate of key {issuing}, not of the signing key {}",
        kid(&env, "vendor")
    );
    certify(
        &env,
        &[
            "--valid-from",
            "2020-01-01",
            "--valid-until",
            "2020-12-31",
            "--out",
            "old.cert",
        ],
    )
    .code(0);
    certify(
        &env,
        &[
            "--valid-until",
            "2099-12-31",
            "--usage",
            "clock-reset",
            "--out",
            "reset.cert",
        ],
    )
    .code(0);
    let vectors = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/");
    let wrong_product = format!("{vectors}invalid-certificate-wrong-product.cert");
    let license_only = format!("{vectors}valid-certificate.cert");
    for command in ["issue", "batch", "clock-reset"] {
        refused(&env, command, "vendor.key", &cert, &other);
        refused(
            &env,
            command,
            "issuing.key",
            "old.cert",
            "covers documents issued from 2020-01-01T00:00:00Z until 2021-01-01T00:00:00Z, not now",
        );
        refused(
            &env,
            command,
            "issuing.key",
            &wrong_product,
            "the certificate is for product \"superoffice-hr\"",
        );
        refused(&env, command, "issuing.key", "order.json", "order.json: ");
    }
    for command in ["issue", "batch"] {
        refused(&env, command, "issuing.key", "reset.cert", &format!("does not permit key {issuing} to sign license files: certify the key again with --usage license-file"));
    }
    refused(
        &env,
        "clock-reset",
        "issuing.key",
        &license_only,
        &format!("does not permit key {issuing} to sign clock resets"),
    );
}
