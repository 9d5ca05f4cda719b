//! The chain of trust (FORMAT.md §16-§18): every link is checked, and each refusal names
//! the link that failed.

use base64::Engine as _;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signer as _, SigningKey};

use super::*;
use crate::{armor_as, signed_message_as, verify_license, verify_license_trusted, Keyring};
use crate::{verify_clock_reset_trusted, verify_revocation_list, RevocationList, RevokedKey};
use crate::{PayloadProblem, RevokedLicense};

const LICENSE: DocumentKind = DocumentKind::LicenseFile;
const CERT: DocumentKind = DocumentKind::KeyCertificate;
const LIST: DocumentKind = DocumentKind::RevocationList;

fn root() -> SigningKey {
    SigningKey::from_bytes(&[1u8; 32])
}

fn issuing() -> SigningKey {
    SigningKey::from_bytes(&[2u8; 32])
}

fn direct() -> SigningKey {
    SigningKey::from_bytes(&[3u8; 32])
}

fn t(s: &str) -> DateTime<Utc> {
    crate::time::parse_rfc3339(s).unwrap()
}

fn catalog() -> Catalog {
    crate::catalog::tests::catalog()
}

fn trust() -> Trust {
    let mut keys = Keyring::new();
    keys.add(direct().verifying_key()).unwrap();
    let mut roots = Keyring::new();
    roots.add(root().verifying_key()).unwrap();
    Trust::new(keys, roots)
}

fn certificate(usage: &[DocumentKind]) -> KeyCertificate {
    KeyCertificate::for_key(
        &catalog().product,
        &issuing().verifying_key(),
        usage,
        (t("2026-01-01T00:00:00Z"), t("2027-01-01T00:00:00Z")),
        t("2025-12-20T00:00:00Z"),
        "Vendor AS",
    )
}

/// An envelope signed by `key` as `kind`, without armor, built by hand so that these
/// tests need no `signing` feature.
fn envelope(kind: DocumentKind, payload: &[u8], key: &SigningKey) -> Envelope {
    Envelope {
        kid: KeyId::of(&key.verifying_key()),
        payload: payload.to_vec(),
        sig: key.sign(&signed_message_as(kind, payload)).to_bytes(),
    }
}

fn cert_envelope(cert: &KeyCertificate, signer: &SigningKey) -> Envelope {
    envelope(CERT, &cert.to_bytes(), signer)
}

/// A document of `kind` signed by `key`, carrying `cert`.
fn document(
    kind: DocumentKind,
    payload: &[u8],
    key: &SigningKey,
    cert: Option<&Envelope>,
) -> Vec<u8> {
    let bytes = envelope(kind, payload, key).to_bytes_certified(kind, cert);
    armor_as(kind, &bytes).into_bytes()
}

fn license_payload(issued_at: &str) -> Vec<u8> {
    format!(
        r#"{{"license_id":"LIC-1","serial":1,"product":"{}","issued_at":"{issued_at}","issuer":"Vendor AS","customer":{{"id":"C-1","name":"Customer"}},"installation_id":null,"valid_from":"2026-01-01T00:00:00Z","valid_until":null,"grace_days":0,"system_licenses":[],"user_plans":[]}}"#,
        catalog().product
    )
    .into_bytes()
}

fn certified_license(cert: &KeyCertificate, issued_at: &str) -> Vec<u8> {
    let c = cert_envelope(cert, &root());
    document(LICENSE, &license_payload(issued_at), &issuing(), Some(&c))
}

fn verify(input: &[u8]) -> Result<crate::VerifiedFile> {
    verify_license_trusted(input, &trust(), &catalog())
}

#[test]
fn a_certified_license_verifies_and_names_both_keys() {
    let cert = certificate(&[LICENSE]);
    let verified = verify(&certified_license(&cert, "2026-06-01T00:00:00Z")).unwrap();
    let issuing_kid = KeyId::of(&issuing().verifying_key());
    let root_kid = KeyId::of(&root().verifying_key());
    assert_eq!(verified.kid, issuing_kid);
    let via = verified.certificate.as_ref().unwrap();
    assert_eq!((via.root, via.kid), (root_kid, issuing_kid));
    assert_eq!(via.certificate, cert);
    assert_eq!(verified.kids(), vec![issuing_kid, root_kid]);
    // Directly trusted keys still sign alone.
    let plain = document(
        LICENSE,
        &license_payload("2030-01-01T00:00:00Z"),
        &direct(),
        None,
    );
    let verified = verify(&plain).unwrap();
    assert_eq!(verified.certificate, None);
    assert_eq!(verified.kids(), vec![KeyId::of(&direct().verifying_key())]);
}

#[test]
fn the_window_holds_issued_at_from_inclusive_until_exclusive() {
    let cert = certificate(&[LICENSE]);
    assert!(verify(&certified_license(&cert, "2026-01-01T00:00:00Z")).is_ok());
    for outside in ["2025-12-31T23:59:59Z", "2027-01-01T00:00:00Z"] {
        let err = verify(&certified_license(&cert, outside)).unwrap_err();
        assert_eq!(err.code(), "certificate-window", "{outside}");
        assert!(
            err.to_string().contains(&format!("issued at {outside}")),
            "{err}"
        );
    }
}

#[test]
fn roots_certify_and_never_sign() {
    let payload = license_payload("2026-06-01T00:00:00Z");
    let err = verify(&document(LICENSE, &payload, &root(), None)).unwrap_err();
    assert_eq!(
        err,
        Error::SignedByRoot {
            kid: KeyId::of(&root().verifying_key())
        }
    );
    // A root that certifies itself is still a root signing a document.
    let own = KeyCertificate::for_key(
        &catalog().product,
        &root().verifying_key(),
        &[LICENSE],
        (t("2026-01-01T00:00:00Z"), t("2027-01-01T00:00:00Z")),
        t("2025-12-20T00:00:00Z"),
        "Vendor AS",
    );
    let c = cert_envelope(&own, &root());
    let err = verify(&document(LICENSE, &payload, &root(), Some(&c))).unwrap_err();
    assert_eq!(err.code(), "signed-by-root");
}

#[test]
fn each_link_of_the_chain_is_named() {
    let payload = license_payload("2026-06-01T00:00:00Z");
    let cert = certificate(&[LICENSE]);
    // Signed by a directly trusted key, which is no root.
    let c = cert_envelope(&cert, &direct());
    let err = verify(&document(LICENSE, &payload, &issuing(), Some(&c))).unwrap_err();
    assert_eq!(
        err,
        Error::CertificateNotByRoot {
            kid: KeyId::of(&direct().verifying_key())
        }
    );
    // The certificate altered after the root signed it.
    let mut c = cert_envelope(&cert, &root());
    c.payload = certificate(&[LICENSE, LIST]).to_bytes();
    let err = verify(&document(LICENSE, &payload, &issuing(), Some(&c))).unwrap_err();
    assert_eq!(err, Error::CertificateBadSignature);
    // A certificate of another key.
    let c = cert_envelope(&cert, &root());
    let err = verify(&document(LICENSE, &payload, &direct(), Some(&c))).unwrap_err();
    assert_eq!(err.code(), "certificate-other-key");
    // A certificate that does not permit license files.
    let c = cert_envelope(&certificate(&[LIST]), &root());
    let err = verify(&document(LICENSE, &payload, &issuing(), Some(&c))).unwrap_err();
    assert_eq!(
        err,
        Error::CertificateUsage {
            kid: KeyId::of(&issuing().verifying_key()),
            document: LICENSE
        }
    );
    // A certificate for another product.
    let other = KeyCertificate {
        product: "superoffice-hr".into(),
        ..cert.clone()
    };
    let c = cert_envelope(&other, &root());
    let err = verify(&document(LICENSE, &payload, &issuing(), Some(&c))).unwrap_err();
    assert_eq!(err.code(), "certificate-wrong-product");
    // A certificate whose payload is not a certificate's, and one that breaks a rule.
    let c = envelope(CERT, b"{}", &root());
    let err = verify(&document(LICENSE, &payload, &issuing(), Some(&c))).unwrap_err();
    assert_eq!(err.code(), "certificate-payload");
    let bad = KeyCertificate {
        kid: "0000000000000000".into(),
        ..cert.clone()
    };
    let c = cert_envelope(&bad, &root());
    let err = verify(&document(LICENSE, &payload, &issuing(), Some(&c))).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidPayload { field, problem: PayloadProblem::KeyIdMismatch { .. } } if field == "cert.kid"),
        "{err:?}"
    );
}

#[test]
fn a_reader_of_keys_alone_refuses_a_certified_file() {
    let cert = certificate(&[LICENSE]);
    let file = certified_license(&cert, "2026-06-01T00:00:00Z");
    let keys = trust().keys().clone();
    let err = verify_license(&file, &keys, &catalog()).unwrap_err();
    assert_eq!(err.code(), "certificate-not-by-root");
}

#[test]
fn the_cert_member_is_an_object_of_the_certificate_kind() {
    let payload = license_payload("2026-06-01T00:00:00Z");
    let cert = cert_envelope(&certificate(&[LICENSE]), &root());
    let text = envelope(LICENSE, &payload, &issuing()).to_bytes_certified(LICENSE, Some(&cert));
    let (parsed, carried) = Envelope::parse_certified(&text, LICENSE).unwrap();
    assert_eq!(carried, Some(cert.clone()));
    assert_eq!(parsed, envelope(LICENSE, &payload, &issuing()));
    let text = String::from_utf8(text).unwrap();
    let null = format!(
        "{},\"cert\":null}}",
        &text[..text.find(",\"cert\"").unwrap()]
    );
    let err = Envelope::parse_certified(null.as_bytes(), LICENSE).unwrap_err();
    assert_eq!(err.code(), "envelope");
    let relabelled = text.replacen(
        "\"format\":\"key-certificate/v1\"",
        "\"format\":\"license-file/v1\"",
        1,
    );
    let err = Envelope::parse_certified(relabelled.as_bytes(), LICENSE).unwrap_err();
    assert_eq!(
        err,
        Error::WrongDocumentKind {
            expected: CERT.format(),
            found: LICENSE.format()
        }
    );
    let at = text.find(",\"cert\"").unwrap();
    let nested = format!(
        "{}{}",
        &text[..at],
        text[at..].replacen("\"sig\":", "\"cert\":{},\"sig\":", 1)
    );
    let err = Envelope::parse_certified(nested.as_bytes(), LICENSE).unwrap_err();
    assert!(err.to_string().contains("unknown field `cert`"), "{err}");
    // A certificate carries no certificate.
    let cert_in_cert = cert.to_bytes_certified(CERT, Some(&cert));
    let err = Envelope::parse_certified(&cert_in_cert, CERT).unwrap_err();
    assert_eq!(err.code(), "envelope");
    assert_eq!(err.details()["problem"], "certificate-in-certificate");
}

#[test]
fn a_certificate_alone_verifies_under_a_root_only() {
    let cert = certificate(&[LICENSE, DocumentKind::ClockReset]);
    let text = armor_as(CERT, &cert_envelope(&cert, &root()).to_bytes_as(CERT));
    let verified = verify_certificate(text.as_bytes(), &trust(), &catalog()).unwrap();
    assert_eq!(verified.key, issuing().verifying_key());
    assert!(verified.certificate.permits(DocumentKind::ClockReset));
    assert!(!verified.certificate.permits(LIST));
    let text = armor_as(CERT, &cert_envelope(&cert, &direct()).to_bytes_as(CERT));
    let err = verify_certificate(text.as_bytes(), &trust(), &catalog()).unwrap_err();
    assert_eq!(err.code(), "certificate-not-by-root");
    // A certificate is not a license, nor a license a certificate.
    let text = armor_as(CERT, &cert_envelope(&cert, &root()).to_bytes_as(CERT));
    assert_eq!(
        verify(text.as_bytes()).unwrap_err().code(),
        "wrong-document-kind"
    );
}

#[test]
fn certificate_rules() {
    let check = |c: KeyCertificate| {
        c.validate(&catalog())
            .map(drop)
            .map_err(|e| e.details()["problem"].clone())
    };
    let cert = certificate(&[LICENSE]);
    assert_eq!(check(cert.clone()), Ok(()));
    let with_usage = |u: &[&str]| KeyCertificate {
        usage: u.iter().map(|s| s.to_string()).collect(),
        ..cert.clone()
    };
    assert_eq!(check(with_usage(&[])), Err("no-usage".into()));
    assert_eq!(
        check(with_usage(&["license-file", "license-file"])),
        Err("usage-twice".into())
    );
    assert_eq!(
        check(with_usage(&["key-certificate"])),
        Err("unknown-usage".into())
    );
    assert_eq!(
        check(KeyCertificate {
            key: "AAAA".into(),
            ..cert.clone()
        }),
        Err("malformed-key".into())
    );
    assert_eq!(
        check(KeyCertificate {
            kid: "ABC".into(),
            ..cert.clone()
        }),
        Err("malformed-key-id".into())
    );
    let backwards = KeyCertificate {
        valid_until: cert.valid_from,
        ..cert.clone()
    };
    assert_eq!(check(backwards), Err("not-after-start".into()));
    // The identity point: of small order, so any signature would hold under it.
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let weak = KeyCertificate {
        key: base64::engine::general_purpose::STANDARD.encode(identity),
        ..cert.clone()
    };
    assert_eq!(check(weak), Err("malformed-key".into()));
}

fn list() -> RevocationList {
    let entry = |id: &str| RevokedLicense {
        license_id: id.into(),
        revoked_at: t("2026-05-01T00:00:00Z"),
        reason: Some("refunded".into()),
    };
    RevocationList {
        product: catalog().product,
        serial: 2,
        issued_at: t("2026-06-01T00:00:00Z"),
        issuer: "Vendor AS".into(),
        licenses: vec![entry("LIC-000007"), entry("LIC-000042")],
        keys: vec![RevokedKey {
            kid: KeyId::of(&direct().verifying_key()).to_string(),
            revoked_at: t("2026-05-02T00:00:00Z"),
            reason: None,
        }],
    }
}

#[test]
fn a_revocation_list_answers_what_it_revokes() {
    let c = cert_envelope(&certificate(&[LIST]), &root());
    let text = document(LIST, &list().to_bytes(), &issuing(), Some(&c));
    let verified = verify_revocation_list(&text, &trust(), &catalog()).unwrap();
    assert_eq!(verified.list, list());
    assert!(verified.list.revokes_license("LIC-000042").is_some());
    assert!(verified.list.revokes_license("LIC-00004").is_none());
    assert!(verified
        .list
        .revokes_key(&KeyId::of(&direct().verifying_key()))
        .is_some());
    assert!(verified
        .list
        .revokes_key(&KeyId::of(&issuing().verifying_key()))
        .is_none());
    // Its certificate must permit revocation lists; a license's does not.
    let c = cert_envelope(&certificate(&[LICENSE]), &root());
    let text = document(LIST, &list().to_bytes(), &issuing(), Some(&c));
    assert_eq!(
        verify_revocation_list(&text, &trust(), &catalog())
            .unwrap_err()
            .code(),
        "certificate-usage"
    );
    // A clock reset needs its own usage too.
    let c = cert_envelope(&certificate(&[LICENSE]), &root());
    let reset = crate::reset::tests::reset().to_bytes();
    let text = document(DocumentKind::ClockReset, &reset, &issuing(), Some(&c));
    assert_eq!(
        verify_clock_reset_trusted(&text, &trust(), &catalog())
            .unwrap_err()
            .code(),
        "certificate-usage"
    );
}

#[test]
fn revocation_lists_are_sorted_each_id_once() {
    let problem = |l: RevocationList| {
        l.validate(&catalog())
            .map_err(|e| (e.details()["field"].clone(), e.details()["problem"].clone()))
    };
    assert_eq!(problem(list()), Ok(()));
    let mut twice = list();
    twice.licenses[1].license_id = "LIC-000007".into();
    assert_eq!(
        problem(twice),
        Err(("licenses[1].license_id".into(), "not-ascending".into()))
    );
    let mut unsorted = list();
    unsorted.licenses.reverse();
    assert_eq!(
        problem(unsorted),
        Err(("licenses[1].license_id".into(), "not-ascending".into()))
    );
    let mut bad_kid = list();
    bad_kid.keys[0].kid = "0123".into();
    assert_eq!(
        problem(bad_kid),
        Err(("keys[0].kid".into(), "malformed-key-id".into()))
    );
    let mut blank = list();
    blank.licenses[0].reason = Some(" ".into());
    assert_eq!(
        problem(blank),
        Err(("licenses[0].reason".into(), "empty".into()))
    );
    let zero = RevocationList {
        serial: 0,
        ..list()
    };
    assert_eq!(problem(zero), Err(("serial".into(), "out-of-range".into())));
}
