//! `keygen` through the binary, key loading refusals, and OpenSSL reading our keys. Key
//! files are guarded by Unix file modes, so these tests are Unix's.
#![cfg(unix)]
#![allow(clippy::unwrap_used)] // a test fails by panicking

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::process::Command as StdCommand;

use common::{stderr, stdout, Env, Outcome, ORDER};

#[test]
fn keygen_writes_a_private_key_0600_and_a_public_key() {
    let env = Env::new();
    let out = env
        .run(&["keygen", "--out-dir", ".", "--name", "acme"])
        .code(0);
    let pub_pem = fs::read_to_string(env.path("acme.pub")).unwrap();
    let kid = license_format::KeyId::of(&license_format::verifying_key_from_pem(&pub_pem).unwrap());
    out.stdout_has(&format!("key id: {kid}"));
    assert_eq!(
        fs::metadata(env.path("acme.key"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    assert!(fs::read_to_string(env.path("acme.key"))
        .unwrap()
        .starts_with("-----BEGIN PRIVATE KEY-----"));
}

#[test]
fn keygen_refuses_to_overwrite_without_force() {
    let env = Env::new();
    env.keygen();
    let before = fs::read(env.path("vendor.key")).unwrap();
    env.run(&["keygen", "--out-dir", "."]).code(2).stderr_has(
        "license-issuer: error: ./vendor.key exists: refusing to overwrite it; pass --force",
    );
    assert_eq!(fs::read(env.path("vendor.key")).unwrap(), before);
    env.run(&["keygen", "--out-dir", ".", "--force", "--json"])
        .code(0);
    assert_ne!(fs::read(env.path("vendor.key")).unwrap(), before);
}

#[test]
fn keygen_json_names_the_files_and_key_id() {
    let env = Env::new();
    let v = env
        .run(&["keygen", "--out-dir", ".", "--json"])
        .code(0)
        .json();
    assert_eq!(v["encrypted"], false);
    assert_eq!(v["key_id"].as_str().unwrap().len(), 16);
    assert_eq!(v["public_key"], "./vendor.pub");
}

#[test]
fn encrypted_key_needs_a_passphrase_and_the_right_one() {
    let env = Env::new();
    env.run(&["keygen", "--out-dir", ".", "--encrypt"])
        .code(2)
        .stderr_has("passphrase: no passphrase for the new key: set LICENSE_ISSUER_PASSPHRASE or run keygen on a terminal to choose a passphrase");
    assert!(
        !env.path("vendor.key").exists(),
        "a refused keygen writes nothing"
    );
    Outcome::of(
        env.cmd()
            .env("LICENSE_ISSUER_PASSPHRASE", "open sesame")
            .args(["keygen", "--out-dir", ".", "--encrypt"]),
    )
    .code(0);
    assert!(fs::read_to_string(env.path("vendor.key"))
        .unwrap()
        .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    env.write("order.json", ORDER);
    let issue = [
        "issue",
        "--key",
        "vendor.key",
        "--order",
        "order.json",
        "--out",
        "a.lic",
    ];
    Outcome::of(
        env.issuer_cmd()
            .env("LICENSE_ISSUER_PASSPHRASE", "wrong")
            .args(issue),
    )
    .code(2)
    .stderr_has("vendor.key: wrong passphrase: the key could not be decrypted");
    env.run_as_issuer(&issue)
        .code(2)
        .stderr_has("set LICENSE_ISSUER_PASSPHRASE");
    assert!(env.ledger().is_empty() && !env.path("a.lic").exists());
    Outcome::of(
        env.issuer_cmd()
            .env("LICENSE_ISSUER_PASSPHRASE", "open sesame")
            .args(issue),
    )
    .code(0);
    env.verify(&env.path("a.lic"));
}

#[test]
fn a_key_readable_by_others_is_refused_with_the_fix() {
    let env = Env::new();
    env.keygen();
    env.write("order.json", ORDER);
    fs::set_permissions(env.path("vendor.key"), fs::Permissions::from_mode(0o640)).unwrap();
    let err = env
        .issue(&["--order", "order.json"])
        .code(2)
        .stderr_has("vendor.key: the private key is readable by group or others (mode 640): restrict it with `chmod 600 vendor.key`")
        .stderr();
    assert_eq!(err.matches("chmod 600").count(), 1, "the fix once: {err}");
    assert!(env.ledger().is_empty());
}

/// `openssl pkey` must read both key forms and derive the same public key as ours.
#[test]
#[cfg_attr(
    not(ci),
    ignore = "needs openssl: runs in CI (CI=true), or with --include-ignored"
)]
fn openssl_reads_plain_and_encrypted_keys() {
    let found = StdCommand::new("openssl").arg("version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "openssl is not installed: install it (apt-get install openssl); the interop check needs it"
    );
    let env = Env::new();
    env.keygen();
    Outcome::of(
        env.cmd()
            .env("LICENSE_ISSUER_PASSPHRASE", "pässphrase")
            .args(["keygen", "--out-dir", ".", "--name", "enc", "--encrypt"]),
    )
    .code(0);
    let derive = |key: &str, passphrase: bool| {
        let mut cmd = StdCommand::new("openssl");
        cmd.current_dir(env.dir.path())
            .args(["pkey", "-in", key, "-pubout"]);
        if passphrase {
            cmd.env("LICENSE_ISSUER_PASSPHRASE", "pässphrase")
                .args(["-passin", "env:LICENSE_ISSUER_PASSPHRASE"]);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "openssl pkey {key}: {}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        derive("vendor.key", false),
        fs::read_to_string(env.path("vendor.pub")).unwrap()
    );
    assert_eq!(
        derive("enc.key", true),
        fs::read_to_string(env.path("enc.pub")).unwrap()
    );
    let listing = StdCommand::new("openssl")
        .current_dir(env.dir.path())
        .args(["asn1parse", "-in", "enc.key"])
        .output()
        .unwrap();
    let listing = stdout(&listing);
    for part in ["PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc"] {
        assert!(listing.contains(part), "{part} missing from {listing}");
    }
}

#[test]
fn keygen_refuses_a_bad_name_and_an_empty_passphrase() {
    let env = Env::new();
    env.run(&["keygen", "--out-dir", ".", "--name", "../up"])
        .code(2)
        .stderr_has("choose another --name");
    Outcome::of(env.cmd().env("LICENSE_ISSUER_PASSPHRASE", "").args([
        "keygen",
        "--out-dir",
        ".",
        "--encrypt",
    ]))
    .code(2)
    .stderr_has("passphrase: the passphrase is empty: choose a non-empty one");
    assert!(!env.path("vendor.key").exists() && !env.path("vendor.pub").exists());
}

#[test]
fn a_missing_or_foreign_key_file_is_named() {
    let env = Env::new();
    env.write("order.json", ORDER);
    env.run_as_issuer(&["issue", "--key", "nokey.key", "--order", "order.json"])
        .code(2)
        .stderr_has("license-issuer: error: nokey.key: No such file");
    env.keygen();
    fs::copy(env.path("vendor.pub"), env.path("pub-as.key")).unwrap();
    fs::set_permissions(env.path("pub-as.key"), fs::Permissions::from_mode(0o600)).unwrap();
    env.run_as_issuer(&["issue", "--key", "pub-as.key", "--order", "order.json"])
        .code(2)
        .stderr_has(
            "pub-as.key: this is a public key: give the private key (.key) written by keygen",
        );
}
