//! The embedding example, run as a product runs it: `--help`, a fresh machine, and the
//! per-user web-client question on a licensed store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use common::{current, keyring};
use license_verifier::LicenseStore;

/// The example's binary, which `cargo test` builds beside the test binaries.
fn example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let debug = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path = debug.join("examples").join("startup");
    assert!(
        path.exists(),
        "{} is missing: run `cargo test`",
        path.display()
    );
    path
}

fn run(args: &[&str]) -> (Option<i32>, String) {
    let Output { status, stdout, .. } = Command::new(example()).args(args).output().unwrap();
    (status.code(), String::from_utf8(stdout).unwrap())
}

#[test]
fn help_and_a_fresh_machine() {
    let (code, out) = run(&["--help"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("usage: startup [--store STORE] [--user NAME]..."),
        "{out}"
    );
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("none.db");
    let (code, out) = run(&["--store", store.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("starting unlicensed: no license store"),
        "{out}"
    );
}

#[test]
fn the_web_client_question_at_login() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    let now = chrono::Utc::now();
    let db = LicenseStore::create(&store, keyring(), now).unwrap();
    db.import(current().sign().as_bytes(), false, now).unwrap();
    db.add_user("alice", true, now).unwrap();
    db.add_user("bob", true, now).unwrap();
    db.assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    drop(db);
    let (code, out) = run(&[
        "--store",
        store.to_str().unwrap(),
        "--user",
        "alice",
        "--user",
        "bob",
    ]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("licensed to Acme by LIC-1 (serial 1)"),
        "{out}"
    );
    assert!(out.contains("  web client for alice: yes\n"), "{out}");
    assert!(
        out.contains("  web client for bob: no (no-seat)\n"),
        "{out}"
    );
    assert!(
        out.contains("  exchange-sync: no (system-license-missing)\n"),
        "{out}"
    );
}
