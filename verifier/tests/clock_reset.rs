//! Finding 5: a clock set forward once locked the customer out until real time caught
//! up, and told them to correct a clock that was already right. The way back is a clock
//! reset signed by the vendor, bound to the installation, used once: the round trip,
//! replay, a stale reset, another installation's reset and one under an unknown key.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Utc};
use common::{licensed, t, Fixture};
use license_format::{
    sign_document, signing_key_from_pem, ClockReset, ClockResetRequest, DocumentKind,
};
use license_verifier::store::EventDetail;
use license_verifier::{Error, LicenseStore};

const AHEAD: &str = "2030-01-01T00:00:00Z";
const RIGHT: &str = "2026-03-01T00:00:00Z";

/// The vendor's answer to `request`, signed at `vendor_time` with the example key
/// (`next`: the other example key).
fn reset(request: &ClockResetRequest, vendor_time: DateTime<Utc>, next: bool) -> String {
    let pem = if next {
        include_str!("../../keys-example/vendor-next.key")
    } else {
        include_str!("../../keys-example/vendor.key")
    };
    let doc = ClockReset {
        product: request.product.clone(),
        installation_id: request.installation_id.clone(),
        nonce: request.nonce.clone(),
        request_mark: request.mark,
        request_clock: request.clock,
        issued_at: vendor_time,
        issuer: "Example Vendor".into(),
    };
    sign_document(
        DocumentKind::ClockReset,
        &doc.to_bytes(),
        &signing_key_from_pem(pem).unwrap(),
    )
}

/// A licensed store whose clock was once set to 2030 and is right again (2026-03-01).
fn locked_out() -> Fixture {
    let f = licensed();
    assert!(!f.store.status(t(AHEAD)).unwrap().usable);
    let status = f.store.status(t(RIGHT)).unwrap();
    assert!(!status.usable);
    assert!(
        matches!(
            status.warnings[0],
            license_verifier::Warning::ClockBehind { .. }
        ),
        "the clock behind the mark is said: {:?}",
        status.warnings
    );
    f
}

#[test]
fn a_forward_jump_is_undone_by_a_reset_which_works_once() {
    let f = locked_out();
    let request = f.store.clock_reset_request("host", t(RIGHT)).unwrap();
    assert_eq!(request.mark, Some(t(AHEAD)));
    assert_eq!(request.installation_id, f.store.installation_id());
    let file = reset(&request, t("2026-03-01T00:05:00Z"), false);
    let report = f
        .store
        .import_clock_reset(file.as_bytes(), t(RIGHT))
        .unwrap();
    assert_eq!(report.mark_before, Some(t(AHEAD)));
    assert_eq!(report.mark_after, t("2026-03-01T00:05:00Z"));
    let status = f.store.status(t("2026-03-01T00:10:00Z")).unwrap();
    assert!(status.usable, "{status:?}");
    assert_eq!(status.effective_time, t("2026-03-01T00:10:00Z"));
    assert!(
        status.warnings.iter().all(|w| w.code() != "clock-behind"),
        "{:?}",
        status.warnings
    );
    // Replay: the request is used up.
    let err = f
        .store
        .import_clock_reset(file.as_bytes(), t("2026-03-01T00:10:00Z"))
        .unwrap_err();
    assert!(matches!(err, Error::ClockResetNotPending), "{err}");
    assert!(err.is_refusal());
    let events = f.store.events(10, t("2026-03-01T00:10:00Z")).unwrap();
    assert!(events.iter().any(|e| e.kind == "clock-reset"));
    assert!(events.iter().any(|e| e.kind == "import-refused"
        && matches!(&e.detail, EventDetail::ClockResetRefused { error, .. }
                if error == "clock-reset-not-pending")));
}

#[test]
fn a_reset_kept_until_after_expiry_is_stale() {
    let f = licensed();
    // The clock jumps ahead while the license is valid, and the customer asks for a reset.
    f.store.status(t("2026-09-01T00:00:00Z")).unwrap();
    let request = f.store.clock_reset_request("host", t(RIGHT)).unwrap();
    let file = reset(&request, t(RIGHT), false);
    // Instead of importing it, time runs on past the license's end: the mark moves.
    assert!(!f.store.status(t("2027-02-01T00:00:00Z")).unwrap().usable);
    let err = f
        .store
        .import_clock_reset(file.as_bytes(), t("2026-03-02T00:00:00Z"))
        .unwrap_err();
    assert!(
        matches!(err, Error::ClockResetStale { requested: Some(r), now: Some(n) }
            if r == t("2026-09-01T00:00:00Z") && n == t("2027-02-01T00:00:00Z")),
        "{err}"
    );
    assert!(!f.store.status(t("2026-03-02T00:00:00Z")).unwrap().usable);
}

#[test]
fn a_newer_request_replaces_the_pending_one() {
    let f = locked_out();
    let first = f.store.clock_reset_request("host", t(RIGHT)).unwrap();
    let second = f.store.clock_reset_request("host", t(RIGHT)).unwrap();
    assert_ne!(first.nonce, second.nonce);
    let err = f
        .store
        .import_clock_reset(reset(&first, t(RIGHT), false).as_bytes(), t(RIGHT))
        .unwrap_err();
    assert!(matches!(err, Error::ClockResetOtherRequest { .. }), "{err}");
    f.store
        .import_clock_reset(reset(&second, t(RIGHT), false).as_bytes(), t(RIGHT))
        .unwrap();
}

#[test]
fn another_installations_reset_and_an_unknown_key_are_refused() {
    let f = locked_out();
    let other = locked_out();
    let request = other.store.clock_reset_request("host", t(RIGHT)).unwrap();
    f.store.clock_reset_request("host", t(RIGHT)).unwrap();
    let err = f
        .store
        .import_clock_reset(reset(&request, t(RIGHT), false).as_bytes(), t(RIGHT))
        .unwrap_err();
    assert!(
        matches!(err, Error::ClockResetWrongInstallation { .. }),
        "{err}"
    );
    // Signed by a key this store does not trust: an error, not a refusal.
    let vendor_only =
        license_format::Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
    let strict = LicenseStore::open(&other.path, vendor_only).unwrap();
    let err = strict
        .import_clock_reset(reset(&request, t(RIGHT), true).as_bytes(), t(RIGHT))
        .unwrap_err();
    assert!(
        matches!(err, Error::Format(license_format::Error::UnknownKey { .. })),
        "{err}"
    );
    assert!(!err.is_refusal());
    assert!(!strict.status(t(RIGHT)).unwrap().usable);
}

#[test]
fn a_reset_is_never_a_license_nor_the_other_way_round() {
    let f = locked_out();
    let request = f.store.clock_reset_request("host", t(RIGHT)).unwrap();
    let file = reset(&request, t(RIGHT), false);
    let err = f
        .store
        .import(file.as_bytes(), false, t(RIGHT))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Format(license_format::Error::WrongDocumentKind { .. })
        ),
        "{err}"
    );
    let lic = common::lic().serial(2).sign();
    let err = f
        .store
        .import_clock_reset(lic.as_bytes(), t(RIGHT))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Format(license_format::Error::WrongDocumentKind { .. })
        ),
        "{err}"
    );
}

#[test]
fn a_request_needs_a_clock_behind_the_mark() {
    let f = licensed();
    let err = f
        .store
        .clock_reset_request("host", t("2026-06-01T00:00:00Z"))
        .unwrap_err();
    assert!(matches!(err, Error::ClockNotBehind { .. }), "{err}");
}
