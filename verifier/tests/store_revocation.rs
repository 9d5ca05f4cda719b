//! Revocation lists in the store (FORMAT.md §17.4, docs/SECURITY.md): a revoked active
//! license answers no everywhere with the list's reason and date, older lists are
//! refused, and an edited list row is found, never obeyed or ignored in silence.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{lic, licensed, revocation_list, snapshot, t, vendor_kid};
use license_verifier::{Reason, RevokedBy, State};

#[test]
fn a_revoked_active_license_answers_no_everywhere_with_reason_and_date() {
    let f = licensed();
    let now = t("2026-04-01T00:00:00Z");
    f.store
        .assign_seat("alice", "sales-premium", false, now)
        .unwrap();
    assert!(
        f.store
            .check_system("superoffice-server", now)
            .unwrap()
            .allowed
    );
    let list = revocation_list(1, &[("LIC-1", Some("order refunded"))], &[]);
    let dry = f
        .store
        .import_revocation_list(list.as_bytes(), true, now)
        .unwrap();
    assert_eq!(dry.revokes_active.as_ref().unwrap().by, RevokedBy::License);
    assert!(
        f.store
            .check_system("superoffice-server", now)
            .unwrap()
            .allowed,
        "a dry run changes nothing"
    );
    let report = f
        .store
        .import_revocation_list(list.as_bytes(), false, now)
        .unwrap();
    assert_eq!((report.serial, report.previous_serial), (1, None));
    let revoked_at = t("2026-03-01T00:00:00Z");
    let status = f.store.status(now).unwrap();
    assert_eq!(status.state, Some(State::Revoked { at: revoked_at }));
    assert!(!status.usable);
    let revocation = status.revocation.clone().unwrap();
    assert_eq!(revocation.reason.as_deref(), Some("order refunded"));
    assert_eq!(revocation.revoked_at, revoked_at);
    let decision = f.store.check_system("superoffice-server", now).unwrap();
    assert!(!decision.allowed);
    assert!(
        matches!(&decision.reasons[0], Reason::LicenseRevoked { license_id, .. } if license_id == "LIC-1")
    );
    let web = f
        .store
        .check_capability("web-client", Some("alice"), now)
        .unwrap();
    assert!(!web.allowed);
    let screen = f
        .store
        .licenses_screen(license_verifier::Lang::En, now)
        .unwrap();
    assert_eq!(screen.header.unwrap().state.name(), "revoked");
    assert!(screen
        .rows
        .iter()
        .filter(|r| r.state.is_some())
        .all(|r| r.state.unwrap().name() == "revoked"));
    let detail = f.store.active_detail(now).unwrap().unwrap();
    assert!(!detail.file.valid && detail.file.revocation.is_some());
    assert!(detail.seats.iter().all(|s| s.seats_free == 0));
    let err = f
        .store
        .assign_seat("bob", "sales-premium", false, now)
        .unwrap_err();
    assert_eq!(err.code(), "revoked");
    let kinds: Vec<String> = f
        .store
        .events(10, now)
        .unwrap()
        .into_iter()
        .map(|e| e.detail.code().to_owned())
        .collect();
    assert!(
        kinds.contains(&"revocation-list-imported".to_owned()),
        "{kinds:?}"
    );
    // The same file cannot come back in, and neither can the list be rolled back.
    let same_id = lic().serial(2).set("license_id", "LIC-1".into());
    let err = f
        .store
        .import(same_id.sign().as_bytes(), false, now)
        .unwrap_err();
    assert_eq!(
        err.code(),
        "revoked",
        "a new serial of the same id is still revoked: {err}"
    );
    let err = f
        .store
        .import(lic().serial(2).sign().as_bytes(), false, now);
    assert!(
        err.is_ok(),
        "a replacement under another id is accepted: {err:?}"
    );
    assert_eq!(f.store.status(now).unwrap().state.unwrap().name(), "active");
    let older = revocation_list(1, &[], &[]);
    let err = f
        .store
        .import_revocation_list(older.as_bytes(), false, now)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.is_refusal()),
        ("older-revocation-list", true)
    );
}

#[test]
fn a_revoked_key_revokes_every_license_it_signed_and_refuses_new_ones() {
    let f = licensed();
    let now = t("2026-04-01T00:00:00Z");
    // Signed by vendor-next, so that the list signed by vendor is not itself revoked.
    let kid = vendor_kid();
    let list = revocation_list(2, &[], &[kid.as_str()]);
    let err = f
        .store
        .import_revocation_list(list.as_bytes(), false, now)
        .unwrap_err();
    assert_eq!(
        err.code(),
        "signer-revoked",
        "a list revoking its own signer is refused"
    );
    let next_kid = {
        let key = license_format::signing_key_from_pem(include_str!(
            "../../keys-example/vendor-next.key"
        ))
        .unwrap();
        license_format::KeyId::of(&key.verifying_key()).to_string()
    };
    let list = revocation_list(2, &[], &[next_kid.as_str()]);
    let before = snapshot(&f.path);
    let next = lic().set("license_id", "LIC-9".into()).serial(5);
    f.store
        .import_revocation_list(list.as_bytes(), false, now)
        .unwrap();
    assert_eq!(
        f.store.status(now).unwrap().state.unwrap().name(),
        "active",
        "LIC-1 is signed by vendor"
    );
    let err = f
        .store
        .import(next.sign_next().as_bytes(), false, now)
        .unwrap_err();
    assert_eq!(err.code(), "revoked");
    let license_verifier::Error::Revoked { revocation, .. } = err else {
        panic!()
    };
    assert_eq!(
        revocation.by,
        RevokedBy::Key {
            kid: next_kid.parse().unwrap()
        }
    );
    assert_eq!(
        snapshot(&f.path),
        before,
        "a refused import changes nothing"
    );
}

#[test]
fn an_edited_list_row_is_damage_never_obeyed_or_ignored() {
    let f = licensed();
    let now = t("2026-04-01T00:00:00Z");
    let list = revocation_list(3, &[("LIC-1", None)], &[]);
    f.store
        .import_revocation_list(list.as_bytes(), false, now)
        .unwrap();
    drop(f.store);
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    // Another genuine list under the recorded serial of this one: the texts differ.
    let other = revocation_list(4, &[], &[]);
    conn.execute("UPDATE revocation_lists SET text = ?1", [other.as_bytes()])
        .unwrap();
    let store = license_verifier::LicenseStore::open(&f.path, common::keyring()).unwrap();
    let err = store.status(now).unwrap_err();
    assert_eq!(err.code(), "damaged-store", "{err}");
    assert!(err.to_string().contains("revocation_lists"), "{err}");
    // A text that no longer verifies: one character of the armored body changed.
    let mut forged = list.clone().into_bytes();
    let at = list.find('\n').unwrap() + 10;
    forged[at] = if forged[at] == b'A' { b'B' } else { b'A' };
    conn.execute(
        "UPDATE revocation_lists SET text = ?1, serial = 3",
        [&forged],
    )
    .unwrap();
    let err = store.check_system("superoffice-server", now).unwrap_err();
    assert_eq!(err.code(), "damaged-store", "{err}");
    // The genuine text again: the license is revoked, as before the edits.
    conn.execute("UPDATE revocation_lists SET text = ?1", [list.as_bytes()])
        .unwrap();
    assert_eq!(store.status(now).unwrap().state.unwrap().name(), "revoked");
}

#[test]
fn a_list_under_a_key_no_longer_trusted_is_named_and_a_trusted_list_mends_it() {
    let f = licensed();
    let now = t("2026-04-01T00:00:00Z");
    let list = revocation_list(1, &[("LIC-9", None)], &[]);
    f.store
        .import_revocation_list(list.as_bytes(), false, now)
        .unwrap();
    drop(f.store);
    let next = include_str!("../../keys-example/vendor-next.pub");
    let only_next = license_verifier::Keyring::from_pem(next).unwrap();
    let store = license_verifier::LicenseStore::open(&f.path, only_next).unwrap();
    let err = store.status(now).unwrap_err();
    assert_eq!(err.code(), "untrusted-stored-list", "{err}");
    assert!(err.to_string().contains(&vendor_kid()), "{err}");
    // A list signed by a key the build trusts replaces it.
    let key =
        license_format::signing_key_from_pem(include_str!("../../keys-example/vendor-next.key"))
            .unwrap();
    let payload = br#"{"product":"superoffice-crm","serial":2,"issued_at":"2026-03-02T00:00:00Z","issuer":"Example Vendor","licenses":[],"keys":[]}"#;
    let trusted =
        license_format::sign_document(license_format::DocumentKind::RevocationList, payload, &key);
    store
        .import_revocation_list(trusted.as_bytes(), false, now)
        .unwrap();
    // What is left is the license's own trust, said as before.
    assert_eq!(
        store.status(now).unwrap_err().code(),
        "untrusted-stored-license"
    );
}
