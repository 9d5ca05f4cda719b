//! Finding 4: a product built without `LICENSE_TRUSTED_KEYS` trusted the example keys,
//! which anyone can sign with. Now `cargo build -p license-verifier-cli` with default
//! features gives a binary (and library) that trusts no key and says how to set one.
//!
//! The test builds that binary for real, in a target directory of its own (cargo holds
//! the lock on the main one while tests run), with `LICENSE_TRUSTED_KEYS` unset.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Builds `license-verifier` with default features and no trusted keys; its path.
fn default_build() -> PathBuf {
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
    target.join("debug").join("license-verifier")
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
