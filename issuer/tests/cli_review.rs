//! Review findings through the binary: bounded reads of untrusted input, messages that
//! name the user's path and the fix, `issue --force`, `issue --order -`, `--json` errors.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;

use common::{Env, Outcome, BATCH, ORDER};

/// A sparse file of `len` bytes: large on paper, nothing on disk.
fn sparse(env: &Env, name: &str, len: u64) -> String {
    let file = fs::File::create(env.path(name)).unwrap();
    file.set_len(len).unwrap();
    name.to_owned()
}

#[test]
fn inputs_over_their_limit_are_refused_naming_file_and_limit() {
    let env = Env::with_key_and_order();
    let big = sparse(&env, "big", 2 * 1024 * 1024);
    let cases: [(&[&str], &str); 3] = [
        (
            &["--order", &big, "--out", "x.lic"],
            "big: over the limit of 1048576 bytes: no order is this large; check the path",
        ),
        (
            &["--order", "order.json", "--request", &big, "--out", "x.lic"],
            "big: over the limit of 65536 bytes: no activation request is this large",
        ),
        (
            &["--order", "order.json", "--out", "x.lic"],
            "big.key: over the limit of 65536 bytes: no key file is this large",
        ),
    ];
    sparse(&env, "big.key", 2 * 1024 * 1024);
    #[cfg(unix)]
    fs::set_permissions(
        env.path("big.key"),
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    for (i, (args, words)) in cases.iter().enumerate() {
        let key = if i == 2 { "big.key" } else { "vendor.key" };
        Outcome::of(env.issuer_cmd().args(["issue", "--key", key]).args(*args))
            .code(2)
            .stderr_has(words);
    }
    assert!(env.ledger().is_empty() && !env.path("x.lic").exists());

    env.run(&["inspect", &big])
        .code(2)
        .stderr_has("big: over the limit of 1048576 bytes: no document is this large");
    env.run(&["inspect", "x.lic", "--trust", &big])
        .code(2)
        .stderr_has("big: over the limit of 65536 bytes: no key file is this large");
}

#[test]
#[cfg(unix)]
fn dev_zero_is_refused_not_read_forever() {
    assert!(
        std::path::Path::new("/dev/zero").exists(),
        "/dev/zero is missing on this Unix system"
    );
    let env = Env::with_key_and_order();
    env.issue(&["--order", "order.json", "--request", "/dev/zero"])
        .code(2)
        .stderr_has("/dev/zero: over the limit of 65536 bytes");
    env.run(&["inspect", "/dev/zero"])
        .code(2)
        .stderr_has("/dev/zero: over the limit of 1048576 bytes");
}

#[test]
fn out_in_a_missing_directory_names_the_path_given_and_the_fix() {
    let env = Env::with_key_and_order();
    let err = env
        .issue(&["--order", "order.json", "--out", "nodir/x.lic"])
        .code(2)
        .stderr_has("license-issuer: error: nodir/x.lic: the directory nodir does not exist: create it first (mkdir -p nodir) or give another --out")
        .stderr();
    assert!(!err.contains(".tmp"), "no temporary name: {err}");
    assert!(env.ledger().is_empty(), "nothing recorded");
}

#[test]
fn issue_refuses_to_overwrite_without_force() {
    let env = Env::with_key_and_order();
    env.write("x.lic", "keep me");
    env.issue(&["--order", "order.json", "--out", "x.lic"])
        .code(2)
        .stderr_has("x.lic exists: refusing to overwrite it; pass --force to replace it");
    assert_eq!(fs::read_to_string(env.path("x.lic")).unwrap(), "keep me");
    assert!(
        env.ledger().is_empty(),
        "checked before anything is recorded"
    );
    env.issue(&["--order", "order.json", "--out", "x.lic", "--force"])
        .code(0);
    env.verify(&env.path("x.lic"));
    assert_eq!(env.ledger().len(), 1);
}

#[test]
fn issue_reads_the_order_from_standard_input() {
    let env = Env::with_key_and_order();
    Outcome::of(
        env.issuer_cmd()
            .args([
                "issue",
                "--key",
                "vendor.key",
                "--order",
                "-",
                "--out",
                "s.lic",
            ])
            .write_stdin(ORDER),
    )
    .code(0);
    let file = env.verify(&env.path("s.lic"));
    assert_eq!(file.payload.customer.id, "C-1001");
    Outcome::of(
        env.issuer_cmd()
            .args(["issue", "--key", "vendor.key", "--order", "-"])
            .write_stdin("{"),
    )
    .code(2)
    .stderr_has("standard input: not a JSON order");
}

#[test]
fn a_missing_input_file_says_to_check_the_path() {
    let env = Env::with_key_and_order();
    env.issue(&["--order", "x.json"])
        .code(2)
        .stderr_has("x.json: No such file or directory (os error 2): check the path");
}

#[test]
fn batch_line_without_installation_suggests_no_request() {
    let env = Env::with_key_and_order();
    let unbound: serde_json::Value = serde_json::from_str(ORDER).unwrap();
    let mut unbound = unbound;
    unbound.as_object_mut().unwrap().remove("installation_id");
    env.write("orders.jsonl", &format!("{unbound}\n"));
    let err = env
        .run_as_issuer(&BATCH)
        .code(1)
        .stderr_has("orders.jsonl:1: installation_id: the order names no installation: name installation_id in the order line, or say --unbound")
        .stderr();
    assert!(!err.contains("--request"), "{err}");
}

#[test]
fn json_errors_are_printed_on_stdout_too() {
    let env = Env::with_key_and_order();
    let out = env.issue(&["--order", "x.json", "--json"]).code(2);
    let v = out.json();
    assert_eq!(v["exit"], 2);
    assert_eq!(v["refused"], false);
    assert_eq!(v["error"]["code"], "io");
    assert!(v["error"]["text"]
        .as_str()
        .unwrap()
        .starts_with("x.json: No such file"));
    out.stderr_has("license-issuer: error: x.json");

    let v = env
        .run(&["keygen", "--out-dir", ".", "--json"])
        .code(2)
        .json();
    assert_eq!(v["error"]["code"], "exists");
    assert!(v["error"]["text"]
        .as_str()
        .unwrap()
        .contains("exists: refusing"));
    // A command line clap refuses is an error object too.
    let v = env.run(&["issue", "--json", "--bogus"]).code(2).json();
    assert_eq!(v["error"]["code"], "usage");

    env.issue(&["--order", "order.json", "--out", "a.lic"]);
    let v = env
        .run(&["ledger", "show", "LIC-999999", "--json"])
        .code(1)
        .json();
    assert_eq!(v["exit"], 1);
    assert_eq!(v["refused"], true);
    assert_eq!(v["error"]["code"], "no-such-license");
    assert!(v["error"]["text"]
        .as_str()
        .unwrap()
        .starts_with("no license LIC-999999"));
}
