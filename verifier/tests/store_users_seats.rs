//! Users, seats and the licenses screen through the library, with explicit instants.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{lic, licensed, snapshot, t};
use license_verifier::Error;

#[test]
fn seat_refusals_change_nothing() {
    let f = licensed();
    let now = t("2026-02-02T00:00:00Z");
    f.store.add_user("carol", true, now).unwrap();
    f.store.add_user("erin", true, now).unwrap();
    f.store
        .assign_seat("alice", "service-essentials", false, now)
        .unwrap();
    f.store
        .assign_seat("bob", "service-essentials", false, now)
        .unwrap();
    let before = snapshot(&f.path);
    let cases: [(&str, &str, &str); 3] = [
        (
            "carol",
            "service-essentials",
            "no free seat of service-essentials: all 2 licensed seats are held",
        ),
        (
            "carol",
            "marketing-premium",
            "marketing-premium is not licensed",
        ),
        (
            "alice",
            "sales-premium",
            "user alice already holds service-essentials",
        ),
    ];
    for (user, plan, expect) in cases {
        let err = f.store.assign_seat(user, plan, false, now).unwrap_err();
        assert!(err.is_refusal(), "{err}");
        assert!(err.to_string().contains(expect), "{err}");
    }
    assert!(matches!(
        f.store.assign_seat("zed", "sales-premium", false, now),
        Err(Error::UnknownUser(_))
    ));
    assert!(matches!(
        f.store.assign_seat("alice", "sales-premum", false, now),
        Err(Error::UnknownCode { .. })
    ));
    assert_eq!(snapshot(&f.path), before);
    assert_eq!(f.store.events(1, now).unwrap()[0].kind, "seat-refused");
    let moved = f
        .store
        .assign_seat("alice", "sales-premium", true, now)
        .unwrap();
    assert_eq!(moved.released, ["service-essentials"]);
    assert_eq!(f.store.users(now).unwrap()[0].plans, ["sales-premium"]);
    // The freed seat can be taken now.
    f.store
        .assign_seat("carol", "service-essentials", false, now)
        .unwrap();
    let again = f
        .store
        .assign_seat("carol", "service-essentials", false, now)
        .unwrap();
    assert!(again.already_held);
    // A non-exclusive plan is held beside an exclusive one.
    let legacy = lic().serial(2).seats("legacy-windows-users", 3);
    f.store
        .import(legacy.sign().as_bytes(), false, now)
        .unwrap();
    f.store
        .assign_seat("carol", "legacy-windows-users", false, now)
        .unwrap();
}

#[test]
fn users_add_login_remove() {
    let f = licensed();
    let now = t("2026-02-02T00:00:00Z");
    assert!(matches!(
        f.store.add_user("alice", true, now),
        Err(Error::UserExists(_))
    ));
    assert!(matches!(
        f.store.add_user(" x", true, now),
        Err(Error::InvalidUserName(_))
    ));
    assert!(matches!(
        f.store.add_user("", true, now),
        Err(Error::InvalidUserName(_))
    ));
    assert!(f.store.set_login("dave", true, now).unwrap());
    assert!(!f.store.set_login("dave", true, now).unwrap());
    f.store
        .assign_seat("dave", "sales-premium", false, now)
        .unwrap();
    assert_eq!(f.store.remove_user("dave", now).unwrap(), ["sales-premium"]);
    assert!(f.store.seats(None, now).unwrap().is_empty());
    assert!(matches!(
        f.store.remove_user("dave", now),
        Err(Error::UnknownUser(_))
    ));
    let names: Vec<String> = f
        .store
        .users(now)
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(names, ["alice", "bob"]);
    let kinds: Vec<String> = f
        .store
        .events(3, now)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["user-removed", "seat-assigned", "user-login"]);
}

#[test]
fn list_and_show_describe_every_license() {
    let f = licensed();
    let now = t("2026-02-02T00:00:00Z");
    f.store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    let rows = f.store.licenses(license_verifier::Lang::Nl, now).unwrap();
    assert_eq!(rows.len(), 16);
    let quote = rows.iter().find(|r| r.code == "quote-management").unwrap();
    assert_eq!(
        (
            quote.name.as_str(),
            quote.kind,
            quote.state.map(|s| s.name())
        ),
        ("Verkoopoffertebeheer", "system", Some("active"))
    );
    let sales = rows.iter().find(|r| r.code == "sales-premium").unwrap();
    assert_eq!((sales.seats_total, sales.seats_used), (Some(10), Some(1)));
    assert_eq!(
        rows.iter()
            .find(|r| r.code == "legacy-windows-site")
            .unwrap()
            .state,
        None
    );
    let grace = f
        .store
        .licenses(license_verifier::Lang::En, t("2027-01-02T00:00:00Z"))
        .unwrap();
    assert_eq!(
        grace
            .iter()
            .find(|r| r.code == "sales-premium")
            .unwrap()
            .state
            .map(|s| license_verifier::end_day(&match s {
                license_verifier::State::Grace { until, .. } => until,
                other => panic!("not in grace: {other:?}"),
            })),
        // Grace ends at 2027-01-15T00:00:00Z, exclusive: the 14th is its last day.
        Some("2027-01-14".to_owned())
    );
    let detail = f
        .store
        .show(
            "sales-premium",
            license_verifier::Lang::En,
            t("2027-01-02T00:00:00Z"),
        )
        .unwrap();
    assert_eq!(detail.holders.len(), 1);
    assert_eq!(detail.enables, ["web-client"]);
    assert!(matches!(
        f.store.show("nope", license_verifier::Lang::En, now),
        Err(Error::UnknownCode { .. })
    ));
}
