//! Review findings through the binary: bounded reads of untrusted input, messages that
//! name the user's path and the fix, `issue --force`, `issue --order -`, `--json` errors.
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;

use common::{stderr, stdout, Env, ORDER};

fn setup() -> Env {
    let env = Env::new();
    env.keygen();
    env.write("order.json", ORDER);
    env
}

/// A sparse file of `len` bytes: large on paper, nothing on disk.
fn sparse(env: &Env, name: &str, len: u64) -> String {
    let file = fs::File::create(env.path(name)).unwrap();
    file.set_len(len).unwrap();
    name.to_owned()
}

fn issue(env: &Env, args: &[&str]) -> std::process::Output {
    env.issuer_cmd()
        .args(["issue", "--key", "vendor.key"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn inputs_over_their_limit_are_refused_naming_file_and_limit() {
    let env = setup();
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
    fs::set_permissions(
        env.path("big.key"),
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    for (i, (args, words)) in cases.iter().enumerate() {
        let key = if i == 2 { "big.key" } else { "vendor.key" };
        let out = env
            .issuer_cmd()
            .args(["issue", "--key", key])
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(words), "{}", stderr(&out));
    }
    assert!(env.ledger().is_empty() && !env.path("x.lic").exists());

    let out = env.cmd().args(["inspect", &big]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("big: over the limit of 1048576 bytes: no license file is this large"),
        "{}",
        stderr(&out)
    );
    let out = env
        .cmd()
        .args(["inspect", "x.lic", "--trust", &big])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("big: over the limit of 65536 bytes: no key file is this large"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn dev_zero_is_refused_not_read_forever() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let env = setup();
    let out = issue(&env, &["--order", "order.json", "--request", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/zero: over the limit of 65536 bytes"),
        "{}",
        stderr(&out)
    );
    let out = env.cmd().args(["inspect", "/dev/zero"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/dev/zero: over the limit of 1048576 bytes"));
}

#[test]
fn out_in_a_missing_directory_names_the_path_given_and_the_fix() {
    let env = setup();
    let out = issue(&env, &["--order", "order.json", "--out", "nodir/x.lic"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("license-issuer: error: nodir/x.lic: the directory nodir does not exist: create it first (mkdir -p nodir) or give another --out"), "{err}");
    assert!(!err.contains(".tmp"), "no temporary name: {err}");
    assert!(env.ledger().is_empty(), "nothing recorded");
}

#[test]
fn issue_refuses_to_overwrite_without_force() {
    let env = setup();
    env.write("x.lic", "keep me");
    let out = issue(&env, &["--order", "order.json", "--out", "x.lic"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("x.lic exists: refusing to overwrite it; pass --force to replace it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(env.path("x.lic")).unwrap(), "keep me");
    assert!(
        env.ledger().is_empty(),
        "checked before anything is recorded"
    );
    let out = issue(
        &env,
        &["--order", "order.json", "--out", "x.lic", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    env.verify(&env.path("x.lic"));
    assert_eq!(env.ledger().len(), 1);
}

#[test]
fn issue_reads_the_order_from_standard_input() {
    let env = setup();
    let out = env
        .issuer_cmd()
        .args([
            "issue",
            "--key",
            "vendor.key",
            "--order",
            "-",
            "--out",
            "s.lic",
        ])
        .write_stdin(ORDER)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let file = env.verify(&env.path("s.lic"));
    assert_eq!(file.payload.customer.id, "C-1001");
    let out = env
        .issuer_cmd()
        .args(["issue", "--key", "vendor.key", "--order", "-"])
        .write_stdin("{")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("standard input: not a JSON order"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_input_file_says_to_check_the_path() {
    let env = setup();
    let out = issue(&env, &["--order", "x.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("x.json: No such file or directory (os error 2): check the path"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn batch_line_without_installation_suggests_no_request() {
    let env = setup();
    let unbound: serde_json::Value = serde_json::from_str(ORDER).unwrap();
    let mut unbound = unbound;
    unbound.as_object_mut().unwrap().remove("installation_id");
    env.write("orders.jsonl", &format!("{unbound}\n"));
    let out = env
        .issuer_cmd()
        .args(["batch", "--key", "vendor.key", "--orders", "orders.jsonl"])
        .args(["--out-dir", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("orders.jsonl:1: installation_id: the order names no installation: name installation_id in the order line, or say --unbound"), "{err}");
    assert!(!err.contains("--request"), "{err}");
}

#[test]
fn json_errors_are_printed_on_stdout_too() {
    let env = setup();
    let out = issue(&env, &["--order", "x.json", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["exit"], 2);
    assert_eq!(v["refused"], false);
    assert!(v["error"]
        .as_str()
        .unwrap()
        .starts_with("x.json: No such file"));
    assert!(stderr(&out).contains("license-issuer: error: x.json"));

    let out = env
        .cmd()
        .args(["keygen", "--out-dir", ".", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v["error"].as_str().unwrap().contains("exists: refusing"));

    issue(&env, &["--order", "order.json", "--out", "a.lic"]);
    let out = env
        .cmd()
        .args(["ledger", "show", "LIC-999999", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["exit"], 1);
    assert_eq!(v["refused"], true);
    assert!(v["error"]
        .as_str()
        .unwrap()
        .starts_with("no license LIC-999999"));
}
