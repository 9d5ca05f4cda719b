//! Root keys and revocation lists on the command line (issue 13): `--trust-root`, a
//! certified file through the built-in roots, and a revoked license said in words, in
//! English and Dutch, with exit status 1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{current, revocation_list, Env};
use predicates::prelude::PredicateBooleanExt as _;
use predicates::str::contains;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn path(relative: &str) -> String {
    workspace().join(relative).to_str().unwrap().to_owned()
}

#[test]
fn trust_root_certifies_and_a_signing_key_alone_does_not() {
    let env = Env::new();
    let certified = path("tests/vectors/valid-certified.lic");
    let at = ["--at", "2027-01-01T00:00:00Z"];
    let vendor = path("keys-example/vendor.pub");
    let root = path("keys-example/root-example.pub");
    // The example build trusts the example root.
    env.run(&["verify", &certified, at[0], at[1]]).code(0);
    env.run(&["--trust", &vendor, "verify", &certified, at[0], at[1]])
        .code(2)
        .stderr(contains("certificate").and(contains("root")));
    env.run(&["--trust-root", &root, "verify", &certified, at[0], at[1]])
        .code(0);
    // A root never signs a license itself, even when also given as a signing key.
    let by_root = path("tests/vectors/invalid-revocation-signed-by-root.revocation");
    let env = Env::new();
    env.run(&["--trust", &root, "--trust-root", &root, "init"])
        .code(0);
    env.run(&["--trust", &root, "--trust-root", &root, "import", &by_root])
        .code(2)
        .stderr(contains("root"));
}

#[test]
fn a_revoked_license_is_said_with_its_reason_and_date_in_both_languages() {
    let env = Env::licensed(&current());
    let list = revocation_list(7, &[("LIC-1", Some("order refunded"))], &[]);
    let list = env.file("vendor.revocation", &list);
    env.run(&["import", &list, "--dry-run"])
        .code(0)
        .stdout(contains("would import revocation list 7"))
        .stdout(contains(
            "LIC-1 was revoked by the vendor on 2026-03-01, reason: order refunded",
        ));
    env.run(&["status"]).code(0);
    env.run(&["import", &list])
        .code(0)
        .stdout(contains("revocation list 7 imported"));
    env.run(&["status"])
        .code(1)
        .stdout(contains("revoked on 2026-03-01"))
        .stdout(contains("order refunded"));
    env.run(&["--lang", "nl", "status"])
        .code(1)
        .stdout(contains("ingetrokken"))
        .stdout(contains("reden: order refunded"));
    env.run(&["check", "system", "superoffice-server"])
        .code(1)
        .stdout(contains("LIC-1 was revoked by the vendor on 2026-03-01"));
    env.run(&[
        "--lang",
        "nl",
        "check",
        "capability",
        "web-client",
        "--user",
        "alice",
    ])
    .code(1)
    .stdout(contains("door de leverancier ingetrokken"));
    env.run(&["list"])
        .code(0)
        .stdout(contains("revoked on 2026-03-01"));
    env.run(&["import", &list])
        .code(1)
        .stderr(contains("revocation list 7 is not newer than list 7"));
    env.run(&["events", "--kind", "revocation-list"])
        .code(0)
        .stdout(contains("it revokes the active license LIC-1"));
}
