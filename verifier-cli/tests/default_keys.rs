//! Finding 4: a product built without `LICENSE_TRUSTED_KEYS` trusted the example keys,
//! which anyone can sign with. Now `cargo build -p license-verifier-cli` with default
//! features gives a binary (and library) that trusts no key and says how to set one.
//!
//! The test builds that binary for real, in a target directory of its own (cargo holds
//! the lock on the main one while tests run), with `LICENSE_TRUSTED_KEYS` unset.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The two builds share one target directory (a second one would build every dependency
/// again): one at a time, each binary copied out before the next build replaces it.
static BUILDS: Mutex<()> = Mutex::new(());

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Builds `license-verifier` with default features and no trusted keys; its path.
fn default_build() -> PathBuf {
    build(&[], "license-verifier-default")
}

/// Builds `license-verifier` with default features and the build-time variables `vars`
/// (every other one unset), and copies it to `name` beside the target directory.
fn build(vars: &[(&str, &Path)], name: &str) -> PathBuf {
    let _one_at_a_time = BUILDS.lock().unwrap_or_else(|e| e.into_inner());
    let root = workspace();
    let target = root.join("target").join("default-build");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(&root)
        .args([
            "build",
            "--locked",
            "--offline",
            "-p",
            "license-verifier-cli",
            "--bin",
            "license-verifier",
        ])
        .arg("--target-dir")
        .arg(&target)
        // Unoptimised dependencies: this build is only run, not measured, and builds in
        // a fraction of the time.
        .args(["--config", "profile.dev.package.\"*\".opt-level=0"])
        .env_remove("LICENSE_TRUSTED_KEYS")
        .env_remove("LICENSE_TRUSTED_ROOTS")
        .env_remove("LICENSE_REVOCATION_LIST")
        .envs(vars.iter().copied())
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("run cargo");
    assert!(
        out.status.success(),
        "cargo build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let built = target.join("debug").join("license-verifier");
    let copy = target.join(name);
    std::fs::copy(&built, &copy).unwrap();
    copy
}

#[test]
fn the_default_build_trusts_no_key_and_says_how_to_set_one() {
    let bin = default_build();
    let vector = workspace().join("tests/vectors/valid-basic.lic");
    let out = Command::new(&bin)
        .arg("verify")
        .arg(&vector)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("this build trusts no key"), "{stderr}");
    assert!(stderr.contains("LICENSE_TRUSTED_KEYS=PATH"), "{stderr}");
    assert!(stderr.contains("unknown key"), "{stderr}");
    assert!(!stderr.contains("example keys"), "{stderr}");
    // The same file verifies once its key is given explicitly.
    let key = workspace().join("keys-example/vendor.pub");
    let out = Command::new(&bin)
        .arg("--trust")
        .arg(&key)
        .args(["verify", "--at", "2027-01-01T00:00:00Z"])
        .arg(&vector)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("trusts no key"), "{stderr}");
}

#[test]
fn the_test_build_trusts_the_example_keys_only_through_the_feature() {
    // This crate's tests turn the `example-keys` feature on: the library says so.
    const { assert!(license_verifier::trusted::TRUSTS_EXAMPLE_KEYS) };
    const { assert!(!license_verifier::trusted::TRUSTS_NO_KEY) };
    let ring = license_verifier::trusted::default_keyring().unwrap();
    assert!(!ring.is_empty());
}

/// Issue 13: a product compiles in root keys and a revocation list. The list is a floor
/// no store holds less than: a fresh store refuses the revoked file, and an older list
/// cannot replace it.
#[test]
fn a_build_with_roots_and_a_list_trusts_certified_files_and_keeps_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let list_path = dir.path().join("built-in.revocation");
    let list = common::revocation_list(5, &[("LIC-1", Some("refunded"))], &[]);
    std::fs::write(&list_path, list).unwrap();
    let keys = workspace().join("keys-example/vendor.pub");
    let roots = workspace().join("keys-example/root-example.pub");
    let bin = build(
        &[
            ("LICENSE_TRUSTED_KEYS", keys.as_path()),
            ("LICENSE_TRUSTED_ROOTS", roots.as_path()),
            ("LICENSE_REVOCATION_LIST", list_path.as_path()),
        ],
        "license-verifier-with-list",
    );
    let run = |args: &[&str]| {
        let out = Command::new(&bin)
            .current_dir(dir.path())
            .env("LICENSE_STORE", dir.path().join("store.db"))
            .env("LICENSE_LANG", "en")
            .args(args)
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    };
    let certified = workspace().join("tests/vectors/valid-certified.lic");
    let certified = certified.to_str().unwrap();
    let (code, text) = run(&["verify", "--at", "2027-01-01T00:00:00Z", certified]);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(run(&["init"]).0, Some(0));
    let revoked = dir.path().join("revoked.lic");
    std::fs::write(&revoked, common::current().sign()).unwrap();
    let (code, text) = run(&["import", revoked.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("LIC-1 was revoked by the vendor on 2026-03-01, reason: refunded"),
        "{text}"
    );
    let older = dir.path().join("older.revocation");
    std::fs::write(&older, common::revocation_list(4, &[], &[])).unwrap();
    let (code, text) = run(&["import", older.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("revocation list 4 is not newer than list 5"),
        "{text}"
    );
    // Trusting other keys does not drop the list: the store refuses to open without it.
    let other = workspace().join("keys-example/vendor-next.pub");
    let (code, text) = run(&["--trust", other.to_str().unwrap(), "status"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("revocation list built into this program"),
        "{text}"
    );
}
