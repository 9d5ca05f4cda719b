//! Untrusted files are read with a bound: a file over its limit is refused after
//! limit + 1 bytes, naming the file and the limit, instead of filling memory.
#![allow(clippy::unwrap_used)] // a test fails by panicking

use std::fs;
use std::process::Output;

use assert_cmd::Command;

fn run(dir: &tempfile::TempDir, args: &[&str]) -> Output {
    Command::cargo_bin("license-verifier")
        .unwrap()
        .current_dir(dir.path())
        .env_remove("LICENSE_STORE")
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A sparse file of 2 MiB: over every limit, nothing on disk.
fn big(dir: &tempfile::TempDir) -> String {
    fs::File::create(dir.path().join("big"))
        .unwrap()
        .set_len(2 * 1024 * 1024)
        .unwrap();
    "big".to_owned()
}

#[test]
fn license_files_over_the_limit_are_refused_in_verify_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let big = big(&dir);
    let pubkey = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../keys-example/vendor.pub"),
    )
    .unwrap();
    fs::write(dir.path().join("vendor.pub"), pubkey).unwrap();
    let words =
        "big: over the limit of 1048576 bytes: no license file is this large; check the path";
    let out = run(&dir, &["--trust", "vendor.pub", "verify", &big]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(words), "{}", stderr(&out));

    let init = run(&dir, &["--trust", "vendor.pub", "init"]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    let out = run(&dir, &["--trust", "vendor.pub", "--json", "import", &big]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(words), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["exit"], 2);
    assert_eq!(v["refused"], false);
    assert_eq!(v["error"]["text"], words);
    assert_eq!(v["error"]["code"], "usage");
}

#[test]
fn key_files_over_the_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = big(&dir);
    let out = run(&dir, &["--trust", &big, "verify", "x.lic"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "big: over the limit of 65536 bytes: no public key file is this large; check the path"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
#[cfg(unix)]
fn dev_zero_is_refused_not_read_forever() {
    assert!(
        std::path::Path::new("/dev/zero").exists(),
        "/dev/zero is missing on this Unix system"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = run(&dir, &["verify", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/zero: over the limit of 1048576 bytes"),
        "{}",
        stderr(&out)
    );
}
