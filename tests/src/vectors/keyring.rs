//! The keyring vectors (`*.pem`, FORMAT.md §9.3): what a keyring file may hold around and
//! inside its PUBLIC KEY blocks. Each file is itself a keyring: its header lines are text
//! outside the blocks.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use super::Vector;

const VENDOR_PUB: &str = include_str!("../../../keys-example/vendor.pub");
const VENDOR_NEXT_PUB: &str = include_str!("../../../keys-example/vendor-next.pub");
const VENDOR_KEY: &str = include_str!("../../../keys-example/vendor.key");

fn keyring_file(name: &str, expect: &str, comment: &str, text: &str) -> Vector {
    Vector {
        name: format!("{name}.pem"),
        contents: format!("expect: {expect}\ncomment: {comment}\n{text}").into_bytes(),
    }
}

/// A PUBLIC KEY block around these DER bytes, on one line.
fn block(der: &[u8]) -> String {
    format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        STANDARD.encode(der)
    )
}

/// The SubjectPublicKeyInfo of `key` under the algorithm OID `1.3.101.oid`.
fn spki(oid: u8, key: &[u8; 32]) -> Vec<u8> {
    let mut der = vec![
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, oid, 0x03, 0x21, 0x00,
    ];
    der.extend_from_slice(key);
    der
}

/// Every keyring vector, in a fixed order.
pub(super) fn keyring_vectors() -> Vec<Vector> {
    let body = VENDOR_PUB.lines().nth(1).unwrap_or_default();
    let rewrapped = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n{}\n-----END PUBLIC KEY-----\n",
        &body[..40],
        &body[40..]
    );
    let blank_inside = VENDOR_PUB.replacen("-----\n", "-----\n\n", 1);
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let mut x25519 = [0u8; 32];
    x25519[0] = 9;
    vec![
        keyring_file(
            "valid-keyring-two-keys",
            "valid",
            "two keys, comment lines and blank lines around the blocks",
            &format!(
                "\n# vendor\n{VENDOR_PUB}\n\n# vendor-next, after rotation\n{VENDOR_NEXT_PUB}\n"
            ),
        ),
        keyring_file(
            "valid-keyring-crlf-indented",
            "valid",
            "CRLF line endings and marker and body lines indented with spaces and tabs",
            &VENDOR_PUB
                .lines()
                .map(|l| format!(" \t{l}  \r\n"))
                .collect::<String>(),
        ),
        keyring_file(
            "invalid-keyring-rewrapped",
            "invalid key",
            "the body wrapped at 40 columns: RFC 7468 lines are 64 characters",
            &rewrapped,
        ),
        keyring_file(
            "invalid-keyring-blank-line-in-block",
            "invalid key",
            "a blank line inside a PUBLIC KEY block",
            &blank_inside,
        ),
        keyring_file(
            "invalid-keyring-private-key",
            "invalid key",
            "a PRIVATE KEY block beside the public key: refused, never skipped",
            &format!("{VENDOR_PUB}{VENDOR_KEY}"),
        ),
        keyring_file(
            "invalid-keyring-other-block",
            "invalid key",
            "a CERTIFICATE block beside the public key",
            &format!("{VENDOR_PUB}-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"),
        ),
        keyring_file(
            "invalid-keyring-no-block",
            "invalid key",
            "text without any PUBLIC KEY block",
            "vendor key goes here\n",
        ),
        keyring_file(
            "invalid-keyring-begin-without-end",
            "invalid key",
            "the END line of the last block is missing",
            VENDOR_PUB
                .trim_end()
                .trim_end_matches("-----END PUBLIC KEY-----"),
        ),
        keyring_file(
            "invalid-keyring-x25519",
            "invalid key",
            "an X25519 key (OID 1.3.101.110), not Ed25519",
            &block(&spki(0x6e, &x25519)),
        ),
        keyring_file(
            "invalid-keyring-weak-key",
            "invalid weak-key",
            "the identity point, a small-order key under which any signature holds",
            &block(&spki(0x70, &identity)),
        ),
    ]
}
