//! Issue 13's rotation, end to end through both binaries, with no product rebuilt: the
//! installation trusts only the vendor's root key (as a product built with
//! `LICENSE_TRUSTED_ROOTS` does); the root certifies issuing key A, A signs licenses;
//! the vendor rotates to issuing key B, then revokes A; A's files are refused, B's
//! accepted, and the same installation never changes what it trusts.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod util;

use util::{day, order, Scene, WEB};

/// The key id `keygen` prints.
fn kid(s: &Scene, name: &str) -> String {
    let out = s
        .issuer(&["keygen", "--out-dir", "keys", "--name", name])
        .code(0);
    out.stdout
        .split_whitespace()
        .find(|w| w.len() == 16 && w.chars().all(|c| c.is_ascii_hexdigit()))
        .unwrap_or_else(|| panic!("no key id in {}", out.stdout))
        .to_owned()
}

/// `license-issuer issue` with an issuing key and its certificate, unbound.
fn issue(s: &Scene, key: &str, cert: &str, serial_order: &str, out: &str) {
    let order_file = format!("{out}.order.json");
    s.write(&order_file, serial_order);
    s.issuer(&[
        "issue",
        "--key",
        key,
        "--cert",
        cert,
        "--order",
        &order_file,
        "--unbound",
        "--out",
        out,
    ])
    .code(0);
}

#[test]
fn rotation_to_a_new_issuing_key_and_revoking_the_old_one_needs_no_rebuild() {
    let mut s = Scene::new();
    // The installation trusts the root alone: no signing key directly.
    s.trust = Vec::new();
    let root = ["--trust-root", "keys/root.pub"];
    let verifier = |args: &[&str]| {
        let mut all = root.to_vec();
        all.extend_from_slice(args);
        s.verifier(&all)
    };

    // The vendor makes the root (kept offline) and issuing key A, certified for a year.
    kid(&s, "root");
    let a = kid(&s, "issuing-a");
    s.issuer(&[
        "certify",
        "--root",
        "keys/root.key",
        "--key",
        "keys/issuing-a.pub",
        "--valid-until",
        &day(365),
        "--out",
        "a.cert",
    ])
    .code(0);
    let year = order(WEB, r#"{"sales-premium": 3}"#, &day(-1), &day(365));
    issue(&s, "keys/issuing-a.key", "a.cert", &year, "acme-a1.lic");
    issue(&s, "keys/issuing-a.key", "a.cert", &year, "acme-a2.lic");

    // The installation imports A's file: the certificate inside it is all it needs.
    verifier(&["init"]).code(0);
    verifier(&["import", "acme-a1.lic"]).code(0);
    verifier(&["check", "system", "superoffice-server"]).code(0);
    // A signing key alone is not a root: the same file under --trust is refused.
    s.verifier(&["--trust", "keys/issuing-a.pub", "verify", "acme-a1.lic"])
        .code(2)
        .says("certificate");

    // Rotation: issuing key B, certified by the same root; B signs the next file.
    let b = kid(&s, "issuing-b");
    assert_ne!(a, b);
    s.issuer(&[
        "certify",
        "--root",
        "keys/root.key",
        "--key",
        "keys/issuing-b.pub",
        "--valid-until",
        &day(730),
        "--out",
        "b.cert",
    ])
    .code(0);
    let renewal = order(WEB, r#"{"sales-premium": 5}"#, &day(-1), &day(730));
    issue(&s, "keys/issuing-b.key", "b.cert", &renewal, "acme-b3.lic");

    // A is revoked, in a list signed by B; the installation imports the list.
    s.issuer(&[
        "revoke",
        "--key",
        "keys/issuing-b.key",
        "--cert",
        "b.cert",
        "--key-id",
        &a,
        "--reason",
        "issuing key A retired",
        "--out",
        "list-1.revocation",
    ])
    .code(0);
    verifier(&["import", "list-1.revocation"])
        .code(0)
        .says("revocation list 1 imported");
    // The active file, signed by A, is revoked: every answer says so, with the reason.
    verifier(&["status"])
        .code(1)
        .says("issuing key A retired")
        .says(&format!("its key {a} was revoked"));
    verifier(&["check", "system", "superoffice-server"])
        .code(1)
        .says("was revoked by the vendor");
    // Another of A's files is refused; B's is taken.
    verifier(&["import", "acme-a2.lic"])
        .code(1)
        .says("was revoked by the vendor");
    verifier(&["import", "acme-b3.lic"]).code(0);
    verifier(&["status"]).code(0);
    verifier(&["check", "system", "superoffice-server"]).code(0);
    let status = verifier(&["--json", "status"]).code(0).json();
    assert_eq!(status["state"], "active");
    // A revoked issuing key signs nothing an installation with the list accepts: not
    // even a revocation list of a higher serial, nor does the vendor's issuer use it.
    s.issuer(&[
        "revoke",
        "--key",
        "keys/issuing-a.key",
        "--cert",
        "a.cert",
        "--key-id",
        &b,
        "--out",
        "forged.revocation",
    ])
    .code(2);
    // The vendor's ledger shows the revocation.
    s.issuer(&["ledger", "revocations"])
        .code(0)
        .says(&a)
        .says("issuing key A retired");
}
