//! Several connections assigning seats at once never exceed a plan's seats.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{keyring, lic, t};
use license_verifier::{Error, LicenseStore};

#[test]
fn concurrent_assignments_never_exceed_the_seats() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let now = t("2026-02-01T00:00:00Z");
    let store = LicenseStore::create(&path, keyring(), now).unwrap();
    store
        .import(
            lic().seats("service-essentials", 3).sign().as_bytes(),
            false,
            now,
        )
        .unwrap();
    let users: Vec<String> = (0..12).map(|i| format!("u{i}")).collect();
    for u in &users {
        store.add_user(u, true, now).unwrap();
    }
    let threads: Vec<_> = users
        .chunks(2)
        .map(|pair| {
            let (path, pair) = (path.clone(), pair.to_vec());
            std::thread::spawn(move || {
                let store = LicenseStore::open(&path, keyring()).unwrap();
                pair.iter()
                    .map(
                        |u| match store.assign_seat(u, "service-essentials", false, now) {
                            Ok(_) => 1,
                            Err(Error::NoFreeSeat { seats: 3, .. }) => 0,
                            Err(e) => panic!("{e}"),
                        },
                    )
                    .sum::<u32>()
            })
        })
        .collect();
    let granted: u32 = threads.into_iter().map(|h| h.join().unwrap()).sum();
    assert_eq!(granted, 3);
    assert_eq!(
        store.seats(Some("service-essentials"), now).unwrap().len(),
        3
    );
    assert_eq!(
        store
            .check_seats("service-essentials", now)
            .unwrap()
            .seats_used,
        3
    );
}
