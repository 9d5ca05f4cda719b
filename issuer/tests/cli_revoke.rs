//! `revoke` and `ledger revocations` through the binary: cumulative, sorted lists with
//! rising serials that verify, and the refusals that keep a list from being useless.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;

use common::trust::{certified, certify, example_keys, kid, root_trust};
use common::{Env, Outcome, ORDER};
use license_format::{verify_revocation_list, Keyring, RevocationList, Trust};

/// Example keys, and three licenses signed with `vendor.key`.
fn env() -> Env {
    let env = Env::new();
    example_keys(&env);
    env.write("order.json", ORDER);
    for _ in 0..3 {
        env.issue(&["--order", "order.json", "--out", "-"]).code(0);
    }
    env
}

fn revoke(env: &Env, key: &str, args: &[&str]) -> Outcome {
    env.run_as_issuer(&[&["revoke", "--key", key][..], args].concat())
}

/// The list in `file`, verified as an installation that trusts `vendor.pub` verifies it.
fn list(env: &Env, file: &str) -> RevocationList {
    let keys = Keyring::from_pem(&fs::read_to_string(env.path("vendor.pub")).unwrap()).unwrap();
    let text = fs::read(env.path(file)).unwrap();
    let trust = Trust::direct(keys);
    verify_revocation_list(&text, &trust, license_catalog::builtin())
        .unwrap()
        .list
}

fn revocations(env: &Env) -> serde_json::Value {
    env.run(&["ledger", "revocations", "--json"]).code(0).json()
}

#[test]
fn each_list_holds_every_revocation_so_far_sorted_under_a_higher_serial() {
    let env = env();
    revoke(
        &env,
        "vendor.key",
        &["--license", "LIC-000002", "--reason", "order refunded"],
    )
    .code(0)
    .stdout_has("revocation list 1: 1 license and 0 keys revoked in all; new: LIC-000002")
    .stdout_has("written to revocation-list-1.revocation");
    let first = list(&env, "revocation-list-1.revocation");
    assert_eq!(first.serial, 1);
    assert_eq!(first.licenses[0].reason.as_deref(), Some("order refunded"));
    revoke(
        &env,
        "vendor.key",
        &[
            "--key-id",
            "fedcba9876543210",
            "--license",
            "LIC-000001",
            "--key-id",
            "0123456789abcdef",
        ],
    )
    .code(0);
    let second = list(&env, "revocation-list-2.revocation");
    assert_eq!(second.serial, 2);
    let ids: Vec<_> = second
        .licenses
        .iter()
        .map(|l| l.license_id.as_str())
        .collect();
    assert_eq!(ids, ["LIC-000001", "LIC-000002"]);
    let kids: Vec<_> = second.keys.iter().map(|k| k.kid.as_str()).collect();
    assert_eq!(kids, ["0123456789abcdef", "fedcba9876543210"]);
    assert_eq!(
        second.licenses[1], first.licenses[0],
        "the first entry stays"
    );
    assert_eq!(second.licenses[0].reason, None);
    // Asked again: said, not refused, and the first entry stays.
    revoke(
        &env,
        "vendor.key",
        &[
            "--license",
            "LIC-000002",
            "--reason",
            "again",
            "--out",
            "third.revocation",
        ],
    )
    .code(0)
    .stderr_has("note: license LIC-000002 was revoked before, in list 1 on ")
    .stdout_has("nothing new");
    let third = list(&env, "third.revocation");
    assert_eq!(
        (third.serial, third.licenses.clone()),
        (3, second.licenses.clone())
    );
    // An existing file is never replaced silently, and the refusal takes no serial.
    revoke(
        &env,
        "vendor.key",
        &["--license", "LIC-000003", "--out", "third.revocation"],
    )
    .code(2)
    .stderr_has("third.revocation exists");
    env.run(&[
        "inspect",
        "revocation-list-2.revocation",
        "--trust",
        "vendor.pub",
    ])
    .code(0)
    .stdout_has("revocation list: serial 2")
    .stdout_has("signature:       valid")
    .stdout_has("revoked license: LIC-000002 since ")
    .stdout_has(": order refunded")
    .stdout_has("revoked key:     0123456789abcdef since ");
    env.run(&["ledger", "show", "LIC-000002"])
        .code(0)
        .stdout_has("revoked:      in list 1 on ")
        .stdout_has(": order refunded");
    let shown = env
        .run(&["ledger", "show", "LIC-000002", "--json"])
        .code(0)
        .json();
    assert_eq!(shown["revoked"]["serial"], 1);
    let shown = env
        .run(&["ledger", "show", "LIC-000003", "--json"])
        .code(0)
        .json();
    assert!(shown["revoked"].is_null());
    let recorded = revocations(&env);
    assert_eq!(recorded["lists"].as_array().unwrap().len(), 3);
    let entries = recorded["revocations"].as_array().unwrap();
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0]["id"], "LIC-000002");
    assert_eq!(entries[0]["serial"], 1);
    assert_eq!(entries[0]["reason"], "order refunded");
    env.run(&["ledger", "revocations"])
        .code(0)
        .stdout_has("license LIC-000002  revoked ")
        .stdout_has("  in list 1  reason: order refunded")
        .stdout_has("key 0123456789abcdef  revoked ")
        .stdout_has("list 3  signed ");
    env.run(&["--lang", "nl", "ledger", "revocations"])
        .code(0)
        .stdout_has("licentie LIC-000002  ingetrokken ");
}

#[test]
fn refusals_name_the_problem_and_record_nothing() {
    let env = env();
    let vendor = kid(&env, "vendor");
    let cases: [(&[&str], &str); 6] = [
        (&[], "nothing to revoke: give --license LICENSE_ID or --key-id KID"),
        (
            &["--license", "LIC-000009"],
            "--license LIC-000009: the ledger license-ledger.db never issued this license: check the id with `license-issuer ledger list`",
        ),
        (
            &["--key-id", "0123456789ABCDEF"],
            "--key-id \"0123456789ABCDEF\": not a key id: give 16 lowercase hex digits",
        ),
        (
            &["--license", "LIC-000001", "--reason", "refunded\u{1}"],
            "--reason: refunded\\u{0001} holds U+0001, a control, line-break or bidirectional-override character: give the reason as one line of plain text",
        ),
        (
            &["--license", "LIC-000001", "--reason", "evil\u{202e}txt"],
            "holds U+202E",
        ),
        (&["--key-id", vendor.as_str()], ""),
    ];
    for (args, words) in cases {
        revoke(&env, "vendor.key", args).code(2).stderr_has(words);
    }
    revoke(&env, "vendor.key", &["--key-id", &vendor])
        .code(2)
        .stderr_has(&format!(
            "the list would revoke its own signing key {vendor}, and every installation would then refuse it: sign the list with another key"
        ));
    let cert = certified(&env);
    let root = kid(&env, "root");
    revoke(&env, "issuing.key", &["--cert", &cert, "--key-id", &root])
        .code(2)
        .stderr_has(&format!(
            "the list would revoke the root key {root} of its own certificate"
        ));
    certify(
        &env,
        &[
            "--valid-until",
            "2099-12-31",
            "--usage",
            "license-file",
            "--out",
            "lic.cert",
        ],
    )
    .code(0);
    revoke(
        &env,
        "issuing.key",
        &["--cert", "lic.cert", "--license", "LIC-000001"],
    )
    .code(2)
    .stderr_has("to sign revocation lists: certify the key again with --usage revocation-list");
    let recorded = revocations(&env);
    assert!(
        recorded["lists"].as_array().unwrap().is_empty(),
        "{recorded}"
    );
    assert!(!env.path("revocation-list-1.revocation").exists());
}

#[test]
fn a_certified_list_verifies_under_the_root() {
    let env = env();
    let cert = certified(&env);
    revoke(
        &env,
        "issuing.key",
        &[
            "--cert",
            &cert,
            "--license",
            "LIC-000003",
            "--out",
            "l.revocation",
        ],
    )
    .code(0);
    let text = fs::read(env.path("l.revocation")).unwrap();
    let verified =
        verify_revocation_list(&text, &root_trust(&env), license_catalog::builtin()).unwrap();
    assert_eq!(verified.list.licenses[0].license_id, "LIC-000003");
    assert_eq!(
        verified.certificate.unwrap().root.to_string(),
        kid(&env, "root")
    );
}

#[test]
fn a_revoked_key_signs_nothing_more() {
    let env = env();
    let vendor = kid(&env, "vendor");
    revoke(
        &env,
        "issuing.key",
        &["--key-id", &vendor, "--reason", "laptop stolen"],
    )
    .code(0);
    let words = format!("the signing key {vendor} was revoked in revocation list 1 on ");
    env.issue(&["--order", "order.json", "--out", "x.lic"])
        .code(2)
        .stderr_has(&words)
        .stderr_has("use another key");
    assert!(!env.path("x.lic").exists());
    assert_eq!(env.ledger().len(), 3);
    env.write("orders.jsonl", &format!("{}\n", ORDER.replace('\n', " ")));
    env.run_as_issuer(&common::BATCH).code(2).stderr_has(&words);
    revoke(&env, "vendor.key", &["--license", "LIC-000001"])
        .code(2)
        .stderr_has(&words);
    env.run_as_issuer(&[
        "--lang",
        "nl",
        "issue",
        "--key",
        "vendor.key",
        "--order",
        "order.json",
    ])
    .code(2)
    .stderr_has(&format!(
        "de ondertekeningssleutel {vendor} is ingetrokken in intrekkingslijst 1"
    ));
    // The root of a certificate, revoked: its issuing keys sign nothing more either.
    let cert = certified(&env);
    let root = kid(&env, "root");
    revoke(&env, "issuing.key", &["--key-id", &root]).code(0);
    env.run_as_issuer(&[
        "issue",
        "--key",
        "issuing.key",
        "--cert",
        &cert,
        "--order",
        "order.json",
    ])
    .code(2)
    .stderr_has(&format!(
        "the root key {root} of the --cert certificate was revoked in revocation list 2"
    ));
    assert_eq!(env.ledger().len(), 3);
}

#[test]
fn revokes_at_once_take_one_serial_each() {
    let env = env();
    let children: Vec<_> = (1..=3)
        .map(|i| {
            let mut cmd = license_system_tests::cli::process("license-issuer", env.dir.path());
            cmd.env("LICENSE_ISSUER_NAME", "Example Vendor AS");
            let license = format!("LIC-00000{i}");
            let out = format!("at-once-{i}.revocation");
            cmd.args([
                "revoke",
                "--key",
                "vendor.key",
                "--license",
                &license,
                "--out",
                &out,
            ]);
            cmd.stdout(std::process::Stdio::null());
            cmd.stderr(std::process::Stdio::null());
            cmd.spawn().unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let mut serials: Vec<u64> = (1..=3)
        .map(|i| list(&env, &format!("at-once-{i}.revocation")).serial)
        .collect();
    serials.sort_unstable();
    assert_eq!(serials, [1, 2, 3]);
    let last = (1..=3)
        .map(|i| list(&env, &format!("at-once-{i}.revocation")))
        .find(|l| l.serial == 3)
        .unwrap();
    assert_eq!(last.licenses.len(), 3, "each list holds those before it");
}

/// A revoked license is not handed out again for its order id, nor is one whose signing
/// key was revoked: the vendor is told, and `--reissue` signs a new one. In a batch the
/// line is refused and the others go on.
#[test]
fn a_revoked_license_is_not_sent_again_for_its_order() {
    let env = env();
    let order: serde_json::Value = serde_json::from_str(ORDER).unwrap();
    let with_id = |id: &str| {
        let mut o = order.clone();
        o["order_id"] = id.into();
        o.to_string()
    };
    env.write("refunded.json", &with_id("SO-77"));
    env.issue(&["--order", "refunded.json", "--out", "a.lic"])
        .code(0);
    revoke(&env, "issuing.key", &["--license", "LIC-000004"]).code(0);
    env.issue(&["--order", "refunded.json", "--out", "again.lic"])
        .code(2)
        .stderr_has(
            "order SO-77 was issued as license LIC-000004, which revocation list 1 revoked on",
        )
        .stderr_has("pass --reissue");
    assert!(!env.path("again.lic").exists());
    env.issue(&["--order", "refunded.json", "--out", "new.lic", "--reissue"])
        .code(0);
    // By its key: vendor.key signed SO-78's license; a list revokes vendor.key.
    env.write("kept.json", &with_id("SO-78"));
    env.issue(&["--order", "kept.json", "--out", "b.lic"])
        .code(0);
    let vendor = kid(&env, "vendor");
    revoke(&env, "issuing.key", &["--key-id", &vendor]).code(0);
    env.write(
        "orders.jsonl",
        &format!("{}\n{}\n", with_id("SO-78"), with_id("SO-79")),
    );
    env.run_as_issuer(&[
        "batch",
        "--key",
        "issuing.key",
        "--orders",
        "orders.jsonl",
        "--out-dir",
        "out",
    ])
    .stderr_has(&format!("(its signing key {vendor} was revoked)"));
}
