//! The example keys: OpenSSL reads the private keys and derives the committed public keys,
//! and this crate agrees.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::path::Path;
use std::process::Command;

use license_format::{
    signing_key_from_pem, signing_key_to_pem, verifying_key_from_pem, verifying_key_to_pem,
};

fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../keys-example")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn private_keys_match_public_keys() {
    for name in ["vendor", "vendor-next"] {
        let secret = signing_key_from_pem(&example(&format!("{name}.key"))).unwrap();
        let public = verifying_key_from_pem(&example(&format!("{name}.pub"))).unwrap();
        assert_eq!(secret.verifying_key(), public, "{name}");
        assert_eq!(
            verifying_key_to_pem(&public),
            example(&format!("{name}.pub")),
            "{name}.pub is not canonical"
        );
        // Written back, the key is byte for byte the committed PKCS#8 v1 file.
        assert_eq!(
            *signing_key_to_pem(&secret),
            example(&format!("{name}.key")),
            "{name}.key is not PKCS#8 v1"
        );
    }
}

#[test]
#[cfg_attr(
    not(ci),
    ignore = "needs openssl: runs in CI (CI=true), or with --include-ignored"
)]
fn openssl_derives_the_committed_public_keys() {
    let found = Command::new("openssl").arg("version").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "openssl is not installed: install it (apt-get install openssl); the OpenSSL interop check needs it"
    );
    for name in ["vendor", "vendor-next"] {
        let key = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../keys-example")
            .join(format!("{name}.key"));
        let out = Command::new("openssl")
            .args(["pkey", "-pubout", "-in"])
            .arg(&key)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "openssl refused {name}.key: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            example(&format!("{name}.pub")),
            "{name}"
        );
    }
}
