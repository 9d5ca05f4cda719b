//! Time through the store, with explicit instants: states follow the effective time, and
//! a clock set back or once far ahead never extends a license.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fixture, keyring, lic, licensed, t};
use license_verifier::{LicenseStore, Reason, State, Warning};
use serde_json::json;

#[test]
fn states_through_the_store_follow_the_effective_time() {
    let f = licensed();
    let state = |now: &str| f.store.status(t(now)).unwrap();
    assert_eq!(
        state("2026-06-01T00:00:00Z").state.map(|s| s.name()),
        Some("active")
    );
    let active = state("2026-06-01T00:00:00Z");
    assert_eq!(active.days_left, Some(214));
    assert!(active.warnings.is_empty(), "{:?}", active.warnings);
    let soon = state("2026-12-15T00:00:00Z");
    assert_eq!(soon.days_left, Some(17));
    assert_eq!(
        soon.warnings,
        [Warning::LicenseEndsSoon {
            license_id: "LIC-1".into(),
            days_left: 17,
            grace_days: 14
        }]
    );
    let grace = state("2027-01-05T00:00:00Z");
    assert_eq!(
        grace.state,
        Some(State::Grace {
            until: t("2027-01-15T00:00:00Z"),
            days_left: 10
        })
    );
    assert_eq!(grace.days_left, Some(10));
    assert!(grace.usable);
    assert!(
        grace
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::LicenseInGrace { days_left: 10, .. })),
        "{:?}",
        grace.warnings
    );
    let expired = state("2027-01-15T00:00:00Z");
    assert_eq!(expired.state.map(|s| s.name()), Some("expired"));
    assert!(!expired.usable);
}

#[test]
fn setting_the_clock_back_never_extends_a_license() {
    let f = licensed();
    assert_eq!(
        f.store
            .status(t("2027-02-01T00:00:00Z"))
            .unwrap()
            .state
            .map(|s| s.name()),
        Some("expired")
    );
    // The clock is set back into the term: the high-water mark still says expired.
    let back = f.store.status(t("2026-06-01T00:00:00Z")).unwrap();
    assert_eq!(back.state.map(|s| s.name()), Some("expired"));
    assert_eq!(back.effective_time, t("2027-02-01T00:00:00Z"));
    assert!(
        back.warnings
            .iter()
            .any(|w| matches!(w, Warning::ClockBehind { hours: 5880, .. })),
        "{:?}",
        back.warnings
    );
    let d = f
        .store
        .check_system("superoffice-server", t("2026-06-01T00:00:00Z"))
        .unwrap();
    assert!(!d.allowed);
    assert_eq!(
        d.reasons,
        [Reason::LicenseExpired {
            license_id: "LIC-1".into(),
            since: t("2027-01-15T00:00:00Z")
        }]
    );
    let events = f.store.events(50, t("2026-06-01T00:00:00Z")).unwrap();
    assert_eq!(
        events.iter().filter(|e| e.kind == "clock").count(),
        1,
        "logged once per mark"
    );
    // Less than 24 hours behind is no warning.
    assert!(f
        .store
        .status(t("2027-01-31T12:00:00Z"))
        .unwrap()
        .warnings
        .iter()
        .all(|w| w.code() != "clock-behind"));
}

#[test]
fn the_license_issue_date_bounds_the_effective_time() {
    let f = fixture();
    f.store
        .import(lic().sign().as_bytes(), false, t("2026-02-01T00:00:00Z"))
        .unwrap();
    // A clock before issued_at (2025-12-15) cannot make the license look not yet valid.
    drop(f.store);
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    conn.execute("DELETE FROM meta WHERE key = 'high_water'", [])
        .unwrap();
    let store = LicenseStore::open(&f.path, keyring()).unwrap();
    let status = store.status(t("2025-06-01T00:00:00Z")).unwrap();
    assert_eq!(status.effective_time, t("2025-12-15T00:00:00Z"));
}

#[test]
fn a_newer_license_does_not_lower_a_mark_once_set_far_ahead() {
    let f = licensed();
    assert!(!f.store.status(t("2030-01-01T00:00:00Z")).unwrap().usable);
    assert!(!f.store.status(t("2026-03-01T00:00:00Z")).unwrap().usable);
    let newer = lic()
        .serial(2)
        .set("issued_at", json!("2026-02-28T00:00:00Z"));
    // Judged at the mark (2030), the newer file of the same term has ended too; only a
    // clock reset signed by the vendor brings the mark back.
    let err = f
        .store
        .import(newer.sign().as_bytes(), false, t("2026-03-01T00:00:00Z"))
        .unwrap_err();
    assert!(err.to_string().contains("expired on 2027-01-15"), "{err}");
    let status = f.store.status(t("2026-03-01T00:00:00Z")).unwrap();
    assert!(!status.usable, "{status:?}");
    assert_eq!(status.effective_time, t("2030-01-01T00:00:00Z"));
    assert!(
        matches!(status.warnings[0], Warning::ClockBehind { .. }),
        "{:?}",
        status.warnings
    );
}
