use super::*;
use license_format::time::parse_rfc3339;
use license_format::SigningKey;
use license_format::{verify_clock_reset, Keyring};

fn issuer() -> Issuer {
    Issuer::new(SigningKey::from_bytes(&[7u8; 32]), "Vendor AS").unwrap()
}

fn request() -> ClockResetRequest {
    ClockResetRequest::new(
        license_catalog::builtin().product.clone(),
        "inst-1".into(),
        ClockResetRequest::nonce_from_bytes(&[0x5a; 16]),
        Some(parse_rfc3339("2031-01-01T00:00:00Z").unwrap()),
        parse_rfc3339("2026-11-29T09:00:00Z").unwrap(),
        "host".into(),
    )
}

fn keyring() -> Keyring {
    let mut ring = Keyring::new();
    ring.add(SigningKey::from_bytes(&[7u8; 32]).verifying_key())
        .unwrap();
    ring
}

#[test]
fn a_reset_carries_the_vendor_time_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let now = parse_rfc3339("2026-11-29T10:00:00.5Z").unwrap();
    let out = dir.path().join("r.reset");
    let issued = issuer()
        .clock_reset(&mut ledger, &request(), now, Some(&out))
        .unwrap();
    assert!(!issued.resent);
    let verified = verify_clock_reset(
        &std::fs::read(&out).unwrap(),
        &keyring(),
        license_catalog::builtin(),
    )
    .unwrap();
    assert_eq!(verified.reset, issued.reset);
    let r = &verified.reset;
    assert_eq!(r.issued_at, parse_rfc3339("2026-11-29T10:00:00Z").unwrap());
    assert_eq!(
        (r.installation_id.as_str(), r.issuer.as_str()),
        ("inst-1", "Vendor AS")
    );
    assert_eq!(
        (r.nonce.as_str(), r.request_mark),
        (request().nonce.as_str(), request().mark)
    );
    let rows = ledger.clock_resets().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].text, issued.text);
    assert_eq!(
        rows[0].request_mark.as_deref(),
        Some("2031-01-01T00:00:00Z")
    );
}

#[test]
fn the_same_nonce_gets_the_same_document_and_never_another() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let first = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
    let later = parse_rfc3339("2026-12-05T10:00:00Z").unwrap();
    let a = issuer()
        .clock_reset(&mut ledger, &request(), first, None)
        .unwrap();
    let b = issuer()
        .clock_reset(&mut ledger, &request(), later, None)
        .unwrap();
    assert!(b.resent);
    assert_eq!((a.text, a.reset), (b.text, b.reset));
    let other = ClockResetRequest {
        installation_id: "inst-2".into(),
        ..request()
    };
    let err = issuer()
        .clock_reset(&mut ledger, &other, later, None)
        .unwrap_err();
    assert!(
        matches!(&err, Error::Request { problem: RequestProblem::NonceUsed { installation_id, .. }, .. } if installation_id == "inst-1"),
        "{err:?}"
    );
    assert_eq!(ledger.clock_resets().unwrap().len(), 1);
}

#[test]
fn a_request_for_another_product_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut ledger = Ledger::open(&dir.path().join("l.db")).unwrap();
    let other = ClockResetRequest {
        product: "superoffice-hr".into(),
        ..request()
    };
    let now = parse_rfc3339("2026-11-29T10:00:00Z").unwrap();
    let err = issuer()
        .clock_reset(&mut ledger, &other, now, None)
        .unwrap_err();
    let expected = RequestProblem::OtherProduct {
        product: "superoffice-hr".into(),
        expected_product: "superoffice-crm".into(),
    };
    assert!(
        matches!(&err, Error::Request { problem, .. } if *problem == expected),
        "{err:?}"
    );
    assert!(ledger.clock_resets().unwrap().is_empty());
}
