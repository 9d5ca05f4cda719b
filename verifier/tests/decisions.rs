//! Verification, states and decisions through the library, with explicit instants.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{keyring, lic, t};
use license_verifier::{verify, Error, LicenseStore, Reason, State};
use serde_json::json;

#[test]
fn verify_reports_states_of_the_license_and_each_grant() {
    let file = lic()
        .set("system_licenses", json!([{"code": "superoffice-server", "valid_until": null}, {"code": "quote-management", "valid_until": "2026-06-01T00:00:00Z"}]))
        .sign();
    let l = verify(file.as_bytes(), &keyring()).unwrap();
    assert_eq!(
        l.state_at(t("2025-12-31T00:00:00Z")),
        State::NotYetValid {
            from: t("2026-01-01T00:00:00Z")
        }
    );
    assert_eq!(l.state_at(t("2026-07-01T00:00:00Z")).name(), "active");
    assert_eq!(
        l.grant_state_at("quote-management", t("2026-06-02T00:00:00Z")),
        Some(State::Grace {
            until: t("2026-06-15T00:00:00Z"),
            days_left: 13
        })
    );
    assert_eq!(
        l.grant_state_at("quote-management", t("2026-07-01T00:00:00Z"))
            .map(|s| s.name()),
        Some("expired")
    );
    assert_eq!(
        l.grant_state_at("superoffice-server", t("2026-07-01T00:00:00Z"))
            .map(|s| s.name()),
        Some("active")
    );
    assert_eq!(
        l.grant_state_at("sales-premium", t("2027-01-20T00:00:00Z"))
            .map(|s| s.name()),
        Some("expired")
    );
    assert_eq!(
        l.grant_state_at("customer-centre", t("2026-07-01T00:00:00Z")),
        None
    );
    assert_eq!(l.seats("sales-premium"), Some(10));
}

#[test]
fn verify_refuses_forgeries_and_unknown_keys() {
    let forged = common::forge(&lic().seats("sales-premium", 99), &lic());
    let err = verify(forged.as_bytes(), &keyring()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bad signature: the file was altered after signing or was not made by the vendor"
    );
    let only_first =
        license_verifier::Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
    let err = verify(lic().sign_next().as_bytes(), &only_first).unwrap_err();
    assert!(
        matches!(err, Error::Format(license_format::Error::UnknownKey { .. })),
        "{err}"
    );
}

#[test]
fn check_file_refuses_another_installation_and_expired_files_cleanly() {
    let bound = lic().set("installation_id", json!("aaaa"));
    let at = t("2026-06-01T00:00:00Z");
    let ok =
        license_verifier::check_file(bound.sign().as_bytes(), &keyring().into(), at, Some("aaaa"))
            .unwrap();
    assert!(ok.valid);
    let other =
        license_verifier::check_file(bound.sign().as_bytes(), &keyring().into(), at, Some("bbbb"))
            .unwrap();
    assert!(!other.valid);
    assert_eq!(
        other.reasons,
        [Reason::WrongInstallation {
            license_id: "LIC-1".into(),
            expected: "bbbb".into(),
            found: "aaaa".into()
        }]
    );
    let late = license_verifier::check_file(
        bound.sign().as_bytes(),
        &keyring().into(),
        t("2027-02-01T00:00:00Z"),
        None,
    )
    .unwrap();
    assert_eq!((late.valid, late.state.name()), (false, "expired"));
    assert_eq!(
        late.reasons,
        [Reason::LicenseExpired {
            license_id: "LIC-1".into(),
            since: t("2027-01-15T00:00:00Z")
        }]
    );
}

/// A store with the given license and users alice..., at 2026-02-01.
fn store_with(file: String) -> (tempfile::TempDir, LicenseStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = LicenseStore::create(
        &dir.path().join("s.db"),
        keyring(),
        t("2026-02-01T00:00:00Z"),
    )
    .unwrap();
    store
        .import(file.as_bytes(), false, t("2026-02-01T00:00:00Z"))
        .unwrap();
    (dir, store)
}

#[test]
fn the_four_reasons_a_person_acts_on() {
    let now = t("2026-02-02T00:00:00Z");
    let (_d, store) = store_with(lic().without("online-web-services").sign());
    store.add_user("alice", true, now).unwrap();
    let d = store
        .check_capability("web-client", Some("alice"), now)
        .unwrap();
    assert!(!d.allowed);
    let web_plans = license_catalog::builtin()
        .capability("web-client")
        .unwrap()
        .requires_plan_any_of
        .clone();
    assert_eq!(
        d.reasons,
        [
            Reason::SystemLicenseMissing {
                license_code: "online-web-services".into()
            },
            Reason::NoSeat {
                user: "alice".into(),
                plans: web_plans
            }
        ]
    );
    assert_eq!(
        (d.license_id.as_deref(), d.serial),
        (Some("LIC-1"), Some(1))
    );
    store.set_login("alice", false, now).unwrap();
    let d = store
        .check_capability("web-client", Some("alice"), now)
        .unwrap();
    assert_eq!(
        d.reasons[1],
        Reason::NoLoginRights {
            user: "alice".into()
        }
    );
    assert_eq!(
        store
            .check_system("online-web-services", now)
            .unwrap()
            .reasons,
        [Reason::SystemLicenseMissing {
            license_code: "online-web-services".into()
        }]
    );

    // Twelve holders, then a license with ten seats: the 11th and 12th are denied.
    let (_d, store) = store_with(lic().seats("sales-premium", 12).sign());
    let names: Vec<String> = (1..=12).map(|i| format!("user{i:02}")).collect();
    for name in &names {
        store.add_user(name, true, now).unwrap();
        store
            .assign_seat(name, "sales-premium", false, now)
            .unwrap();
    }
    store.add_user("alice", true, now).unwrap();
    store.release_seat("user03", "sales-premium", now).unwrap();
    store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    let report = store
        .import(
            lic().serial(2).seats("sales-premium", 10).sign().as_bytes(),
            false,
            now,
        )
        .unwrap();
    let losing: Vec<&str> = report
        .changes
        .users_losing_access
        .iter()
        .map(|u| u.user.as_str())
        .collect();
    assert_eq!(losing, ["user12", "alice"]);
    let d = store
        .check_capability("web-client", Some("alice"), now)
        .unwrap();
    assert_eq!(
        d.reasons,
        [Reason::BeyondLicensedSeats {
            plan: "sales-premium".into(),
            user: "alice".into(),
            rank: 12,
            seats: 10
        }]
    );
    let ok = store
        .check_capability("web-client", Some("user01"), now)
        .unwrap();
    assert!(ok.allowed, "{ok:?}");
    assert_eq!(
        (ok.grant.as_deref(), ok.state.map(|s| s.name())),
        (Some("sales-premium"), Some("active"))
    );
    // A freed seat moves the line: alice is 11th of 10, still out; after another, in.
    store.release_seat("user01", "sales-premium", now).unwrap();
    store.release_seat("user02", "sales-premium", now).unwrap();
    assert!(
        store
            .check_capability("web-client", Some("alice"), now)
            .unwrap()
            .allowed
    );
}

#[test]
fn capability_questions_follow_the_catalog() {
    let now = t("2026-02-02T00:00:00Z");
    let (_d, store) = store_with(lic().sign());
    assert!(store.check_capability("quotes", None, now).unwrap().allowed);
    let d = store.check_capability("exchange-sync", None, now).unwrap();
    assert_eq!(
        d.reasons,
        [Reason::SystemLicenseMissing {
            license_code: "exchange-synchronizer".into()
        }]
    );
    assert!(matches!(
        store.check_capability("web-client", None, now),
        Err(Error::UserRequired(_))
    ));
    assert!(matches!(
        store.check_capability("teleport", None, now),
        Err(Error::UnknownCode { .. })
    ));
    assert_eq!(
        store
            .check_capability("web-client", Some("ghost"), now)
            .unwrap()
            .reasons,
        [Reason::UnknownUser {
            user: "ghost".into()
        }]
    );
    let seats = store.check_seats("service-essentials", now).unwrap();
    assert_eq!((seats.decision.allowed, seats.seats_free), (true, 2));
    let none = store.check_seats("marketing-premium", now).unwrap();
    assert_eq!(
        none.decision.reasons,
        [Reason::PlanNotLicensed {
            plan: "marketing-premium".into(),
            user: None
        }]
    );
    // In grace the answer is yes, with the grace state.
    let grace = store
        .check_system("superoffice-server", t("2027-01-03T00:00:00Z"))
        .unwrap();
    assert_eq!(
        (grace.allowed, grace.state.map(|s| s.name())),
        (true, Some("grace"))
    );
}
