//! Clock-reset verification, and the rule that no document is ever accepted as another
//! kind (FORMAT.md §13).

use ed25519_dalek::{Signer as _, SigningKey};

use super::*;
use crate::{armor_as, signed_message_as, verify_license, verify_signature, Envelope};

const SEED: [u8; 32] = [7u8; 32];

fn key() -> SigningKey {
    SigningKey::from_bytes(&SEED)
}

fn keyring() -> Keyring {
    let mut ring = Keyring::new();
    ring.add(key().verifying_key()).unwrap();
    ring
}

pub(crate) fn reset() -> ClockReset {
    ClockReset {
        product: crate::catalog::tests::catalog().product.clone(),
        installation_id: "inst-1".into(),
        nonce: "0123456789abcdef0123456789abcdef".into(),
        request_mark: Some(time::parse_rfc3339("2031-05-01T00:00:00Z").unwrap()),
        request_clock: time::parse_rfc3339("2026-11-29T10:00:00Z").unwrap(),
        issued_at: time::parse_rfc3339("2026-11-29T10:05:00Z").unwrap(),
        issuer: "Vendor AS".into(),
    }
}

/// The envelope bytes of `payload` signed as `signed_as`, written with `format_of`'s
/// `format` member. Built by hand (what `sign_document` does) so that these tests run
/// without the `signing` feature and can mislabel on purpose.
fn envelope(signed_as: DocumentKind, format_of: DocumentKind, payload: &[u8]) -> Vec<u8> {
    let sig = key().sign(&signed_message_as(signed_as, payload));
    Envelope {
        kid: KeyId::of(&key().verifying_key()),
        payload: payload.to_vec(),
        sig: sig.to_bytes(),
    }
    .to_bytes_as(format_of)
}

fn signed(kind: DocumentKind, payload: &[u8]) -> String {
    armor_as(kind, &envelope(kind, kind, payload))
}

const RESET: DocumentKind = DocumentKind::ClockReset;
const LICENSE: DocumentKind = DocumentKind::LicenseFile;

#[test]
fn a_signed_reset_verifies_and_keeps_its_bytes() {
    let bytes = reset().to_bytes();
    assert!(
        bytes.starts_with(br#"{"product":"superoffice-crm","installation_id":"inst-1","nonce":"#)
    );
    let verified = verify_clock_reset(
        signed(RESET, &bytes).as_bytes(),
        &keyring(),
        &crate::catalog::tests::catalog(),
    )
    .unwrap();
    assert_eq!(verified.reset, reset());
    assert_eq!(verified.payload_bytes, bytes);
    assert_eq!(verified.kid, KeyId::of(&key().verifying_key()));
    let unmarked = ClockReset {
        request_mark: None,
        ..reset()
    };
    let text = signed(RESET, &unmarked.to_bytes());
    assert_eq!(
        verify_clock_reset(
            text.as_bytes(),
            &keyring(),
            &crate::catalog::tests::catalog()
        )
        .unwrap()
        .reset,
        unmarked
    );
}

#[cfg(feature = "signing")]
#[test]
fn sign_document_writes_what_verifiers_read() {
    let bytes = reset().to_bytes();
    assert_eq!(
        crate::sign_document(RESET, &bytes, &key()),
        signed(RESET, &bytes)
    );
    assert_eq!(crate::sign_payload(b"{}", &key()), signed(LICENSE, b"{}"));
}

#[test]
fn a_reset_in_license_armor_is_named_not_verified() {
    let text = armor_as(LICENSE, &envelope(RESET, RESET, &reset().to_bytes()));
    let err = verify_license(
        text.as_bytes(),
        &keyring(),
        &crate::catalog::tests::catalog(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::WrongDocumentKind {
            expected: LICENSE.format(),
            found: RESET.format()
        }
    );
    let err = verify_license(
        signed(RESET, &reset().to_bytes()).as_bytes(),
        &keyring(),
        &crate::catalog::tests::catalog(),
    );
    assert!(
        matches!(err, Err(Error::WrongDocumentKind { .. })),
        "{err:?}"
    );
}

#[test]
fn a_reset_relabelled_as_a_license_fails_the_signature() {
    let text = armor_as(LICENSE, &envelope(RESET, LICENSE, &reset().to_bytes()));
    assert_eq!(
        verify_license(
            text.as_bytes(),
            &keyring(),
            &crate::catalog::tests::catalog()
        )
        .unwrap_err(),
        Error::BadSignature
    );
}

#[test]
fn a_license_relabelled_as_a_reset_fails_the_signature() {
    // A payload that would even parse as a reset: only the signature prefix stops it.
    let bytes = reset().to_bytes();
    let text = armor_as(RESET, &envelope(LICENSE, RESET, &bytes));
    assert_eq!(
        verify_clock_reset(
            text.as_bytes(),
            &keyring(),
            &crate::catalog::tests::catalog()
        )
        .unwrap_err(),
        Error::BadSignature
    );
    let license = signed(LICENSE, &bytes);
    let err = verify_clock_reset(
        license.as_bytes(),
        &keyring(),
        &crate::catalog::tests::catalog(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::WrongDocumentKind {
            expected: RESET.format(),
            found: LICENSE.format()
        }
    );
}

#[test]
fn a_license_signature_never_verifies_as_a_reset() {
    let bytes = reset().to_bytes();
    let sig = key().sign(&signed_message_as(LICENSE, &bytes)).to_bytes();
    let vk = key().verifying_key();
    assert!(verify_signature(&vk, &signed_message_as(LICENSE, &bytes), &sig).is_ok());
    assert_eq!(
        verify_signature(&vk, &signed_message_as(RESET, &bytes), &sig),
        Err(Error::BadSignature)
    );
}

#[test]
fn refusals_come_in_the_fixed_order() {
    let other = {
        let mut ring = Keyring::new();
        ring.add(SigningKey::from_bytes(&[8u8; 32]).verifying_key())
            .unwrap();
        ring
    };
    let text = signed(RESET, &reset().to_bytes());
    assert!(matches!(
        verify_clock_reset(text.as_bytes(), &other, &crate::catalog::tests::catalog()),
        Err(Error::UnknownKey { .. })
    ));
    let too_big = format!("{text}{}", " ".repeat(64 * 1024));
    assert!(matches!(
        verify_clock_reset(
            too_big.as_bytes(),
            &keyring(),
            &crate::catalog::tests::catalog()
        ),
        Err(Error::TooLarge { .. })
    ));
    let wrong_product = ClockReset {
        product: "superoffice-hr".into(),
        ..reset()
    };
    let err = verify_clock_reset(
        signed(RESET, &wrong_product.to_bytes()).as_bytes(),
        &keyring(),
        &crate::catalog::tests::catalog(),
    );
    assert!(matches!(err, Err(Error::WrongProduct { .. })), "{err:?}");
}

#[test]
fn payload_members_are_strict() {
    let verify = |payload: &str| {
        verify_clock_reset(
            signed(RESET, payload.as_bytes()).as_bytes(),
            &keyring(),
            &crate::catalog::tests::catalog(),
        )
    };
    let text = String::from_utf8(reset().to_bytes()).unwrap();
    let err = verify(&text.replace(r#","issuer":"Vendor AS""#, "")).unwrap_err();
    assert!(err.to_string().contains("missing field `issuer`"), "{err}");
    let err = verify(&text.replacen('{', r#"{"x":1,"#, 1)).unwrap_err();
    assert!(err.to_string().contains("unknown field `x`"), "{err}");
    let err = verify(&text.replacen('{', r#"{"nonce":"00","#, 1)).unwrap_err();
    assert!(err.to_string().contains("duplicate field `nonce`"), "{err}");
    let no_mark = text.replacen(r#""request_mark":"2031-05-01T00:00:00Z","#, "", 1);
    assert!(verify(&no_mark)
        .unwrap_err()
        .to_string()
        .contains("missing field `request_mark`"));
    let err = verify(&text.replace("0123456789abcdef0123", "0123456789ABCDEF0123")).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidPayload { field, .. } if field == "nonce"),
        "{err}"
    );
    let err = verify(&text.replace("inst-1", "inst\\n1")).unwrap_err();
    assert!(err.to_string().contains("control character"), "{err}");
}
