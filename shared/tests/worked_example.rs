//! FORMAT.md §12, the worked example (with §12.1, a key certificate and a revocation
//! list), made again from its keys and payloads: every value
//! the section prints must be what this crate computes, byte for byte, so that the spec
//! and the code cannot drift apart.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use license_format::{
    sign_payload, signed_message, signing_key_from_pem, verify_license, verifying_key_to_pem,
    KeyId, Keyring, Payload,
};

const FORMAT_MD: &str = include_str!("../../docs/FORMAT.md");
const KEY: &str = include_str!("../../keys-example/rfc8032-test1.key");
const PUBLIC: &str = include_str!("../../keys-example/rfc8032-test1.pub");

/// The text of §12, up to the next section.
fn section() -> &'static str {
    let start = FORMAT_MD.find("## 12. Worked example").expect("§12 exists");
    let rest = &FORMAT_MD[start..];
    &rest[..rest.find("\n## 13.").expect("§13 follows")]
}

/// The fenced code blocks of §12, in order, without their fences.
fn blocks() -> Vec<&'static str> {
    section()
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|b| b.split_once('\n').map_or(b, |(_, body)| body))
        .collect()
}

/// The value after `name` on a `name = value` line of §12's first block.
fn field(name: &str) -> &'static str {
    blocks()[0]
        .lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.split('=').nth(1))
        .and_then(|v| v.split_whitespace().next())
        .expect("the field is printed")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_key_is_the_one_printed() {
    let key = signing_key_from_pem(KEY).unwrap();
    assert_eq!(hex(&key.to_bytes()), field("seed"));
    assert_eq!(hex(key.verifying_key().as_bytes()), field("A (public)"));
    assert_eq!(KeyId::of(&key.verifying_key()).to_string(), field("kid"));
    assert_eq!(blocks()[1], format!("{KEY}{PUBLIC}"));
    assert_eq!(verifying_key_to_pem(&key.verifying_key()), PUBLIC);
}

#[test]
fn payload_message_signature_envelope_and_file_are_the_ones_printed() {
    let b = blocks();
    let payload = b[2].strip_suffix('\n').unwrap();
    assert!(section().contains(&format!("exactly this one line, {} bytes", payload.len())));
    let message = signed_message(payload.as_bytes());
    assert!(section().contains(&format!("**Message** (§5.1), {} bytes", message.len())));
    let printed_message: String = b[3].lines().next().unwrap().split_whitespace().collect();
    let (head, tail) = printed_message.split_once("...").unwrap();
    assert!(hex(&message).starts_with(head) && hex(&message).ends_with(tail));

    let key = signing_key_from_pem(KEY).unwrap();
    let file = sign_payload(payload.as_bytes(), &key);
    assert_eq!(
        file, b[6],
        "the license file of §12 is what sign_payload writes"
    );

    let envelope = license_format::dearmor(file.as_bytes()).unwrap();
    assert_eq!(envelope, b[5].strip_suffix('\n').unwrap().as_bytes());
    assert!(section().contains(&format!("**Envelope** (§3), {} bytes", envelope.len())));
    let parsed = license_format::Envelope::parse(&envelope).unwrap();
    let printed_sig: String = b[4].split_whitespace().collect();
    assert_eq!(hex(&parsed.sig), printed_sig);
}

#[test]
fn the_file_verifies_under_the_example_key_alone() {
    let file = blocks()[6];
    let ring = Keyring::from_pem(PUBLIC).unwrap();
    let verified = verify_license(file.as_bytes(), &ring, license_catalog::builtin()).unwrap();
    assert_eq!(
        verified.payload,
        Payload::parse(&verified.payload_bytes, license_catalog::builtin()).unwrap()
    );
    assert_eq!(verified.payload.license_id, "LIC-000001");
    let vendor = Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
    assert!(verify_license(file.as_bytes(), &vendor, license_catalog::builtin()).is_err());
}

/// §12.1: the RFC 8032 TEST 2 key, certified by the TEST 1 key as a root.
fn issuing_key() -> license_format::SigningKey {
    let seed = blocks()[8]
        .lines()
        .find(|l| l.starts_with("seed"))
        .and_then(|l| l.split('=').nth(1))
        .map(str::trim)
        .unwrap();
    let bytes: Vec<u8> = (0..seed.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&seed[i..i + 2], 16).unwrap())
        .collect();
    license_format::SigningKey::from_bytes(&bytes.try_into().unwrap())
}

fn trust() -> license_format::Trust {
    license_format::Trust::new(Keyring::new(), Keyring::from_pem(PUBLIC).unwrap())
}

#[test]
fn the_certificate_and_the_revocation_list_are_the_ones_printed() {
    use license_format::{
        sign_certified, sign_document, verify_certificate, verify_revocation_list, DocumentKind,
    };
    let b = blocks();
    let issuing = issuing_key();
    let printed = |name: &str| {
        b[8].lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split('=').nth(1))
            .map(str::trim)
            .unwrap()
    };
    assert_eq!(
        hex(issuing.verifying_key().as_bytes()),
        printed("A (public)")
    );
    assert_eq!(
        KeyId::of(&issuing.verifying_key()).to_string(),
        printed("kid")
    );

    let root = signing_key_from_pem(KEY).unwrap();
    let cert_payload = b[9].strip_suffix('\n').unwrap();
    let cert = sign_document(DocumentKind::KeyCertificate, cert_payload.as_bytes(), &root);
    assert_eq!(
        cert, b[10],
        "the certificate of §12.1 is what sign_document writes"
    );
    let verified = verify_certificate(cert.as_bytes(), &trust(), license_catalog::builtin());
    assert_eq!(verified.unwrap().key, issuing.verifying_key());

    let list_payload = b[11].strip_suffix('\n').unwrap();
    let list = sign_certified(
        DocumentKind::RevocationList,
        list_payload.as_bytes(),
        &issuing,
        cert.as_bytes(),
    )
    .unwrap();
    assert_eq!(
        list, b[12],
        "the revocation list of §12.1 is what sign_certified writes"
    );
    let verified =
        verify_revocation_list(list.as_bytes(), &trust(), license_catalog::builtin()).unwrap();
    assert!(verified.list.revokes_license("LIC-000001").is_some());
    assert_eq!(
        verified.kids(),
        vec![
            KeyId::of(&issuing.verifying_key()),
            KeyId::of(&root.verifying_key())
        ]
    );
    // The TEST 1 key is a root here: the license of §12, which it signed, is refused.
    let err = license_format::verify_license_trusted(
        b[6].as_bytes(),
        &trust(),
        license_catalog::builtin(),
    );
    assert_eq!(err.unwrap_err().code(), "signed-by-root");
}
