//! What an installation decides under the revocation list it holds (FORMAT.md §17.4):
//! each vector names that list on a `held:` line (`none`: no list), after `expect:`.
//! The lists named are vectors themselves, valid on their own.

use license_format::{sign_document, DocumentKind, KeyId};
use serde_json::{json, Value};

use super::reset::base_reset;
use super::trust::ROOT_KEY;
use super::trust::{base_certificate, base_list, certificate, certified, named, ISSUING_KEY};
use super::{base_payload, key, to_bytes, with, Vector, VENDOR_KEY};

const LICENSE: DocumentKind = DocumentKind::LicenseFile;
const RESET: DocumentKind = DocumentKind::ClockReset;
const LIST: DocumentKind = DocumentKind::RevocationList;

/// The highest serial a list may have (FORMAT.md §17.2).
const MAX_SERIAL: u64 = 9_007_199_254_740_991;

fn kid(pem: &str) -> String {
    KeyId::of(&key(pem).verifying_key()).to_string()
}

/// A list of `serial` that revokes the keys `kids` and no license.
fn key_list(serial: u64, kids: &[String]) -> Value {
    let keys: Vec<Value> = kids
        .iter()
        .map(|k| json!({"kid": k, "revoked_at": "2026-11-30T09:00:00Z", "reason": "key stolen"}))
        .collect();
    with(
        with(
            with(base_list(), "/serial", json!(serial)),
            "/licenses",
            json!([]),
        ),
        "/keys",
        json!(keys),
    )
}

/// A license that no example list names, unbound, so any installation may import it.
fn unlisted() -> Value {
    let p = with(base_payload(), "/license_id", json!("LIC-000099"));
    with(p, "/installation_id", Value::Null)
}

/// The vector `name` with its `held:` line: `held` is the list's file name, or `none`.
fn held(name: &str, ext: &str, expect: &str, held: &str, comment: &str, text: &str) -> Vector {
    let mut v = named(name, ext, expect, comment, text);
    let at = v
        .contents
        .iter()
        .position(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let line = format!("held: {held}\n");
    v.contents.splice(at..at, line.into_bytes());
    v
}

/// The certificate of the issuing key for every kind of document.
fn certificate_for_all() -> String {
    let usage = json!(["license-file", "clock-reset", "revocation-list"]);
    certificate(&with(base_certificate(), "/usage", usage))
}

/// Every vector of the held list, and the lists they name.
pub(super) fn held_vectors() -> Vec<Vector> {
    let issuing = kid(ISSUING_KEY);
    let root = kid(ROOT_KEY);
    let cert = certificate(&base_certificate());
    let all_kinds = certificate_for_all();
    let direct = |payload: &Value, kind| sign_document(kind, &to_bytes(payload), &key(VENDOR_KEY));
    let unlisted_certified = certified(LICENSE, &unlisted(), &cert);
    let lists = [
        (
            "valid-revocation-list-issuing-key",
            "list 5, signed by vendor.key: revokes the example issuing key",
            direct(&key_list(5, std::slice::from_ref(&issuing)), LIST),
        ),
        (
            "valid-revocation-list-root",
            "list 6, signed by vendor.key: revokes the example root key",
            direct(&key_list(6, std::slice::from_ref(&root)), LIST),
        ),
        (
            "valid-revocation-list-stolen-key",
            "the highest serial there is, signed by the issuing key (as its thief would), revoking nothing",
            certified(LIST, &key_list(MAX_SERIAL, &[]), &cert),
        ),
    ];
    let mut all: Vec<Vector> = lists
        .into_iter()
        .map(|(name, comment, text)| named(name, "revocation", "valid", comment, &text))
        .collect();
    let rules: Vec<(&str, &str, &str, &str, &str, String)> = vec![
        (
            "invalid-held-revoked-license",
            "lic",
            "invalid revoked",
            "valid-revocation-list-direct.revocation",
            "LIC-000042, which the held list revokes",
            direct(&with(base_payload(), "/installation_id", Value::Null), LICENSE),
        ),
        (
            "invalid-held-revoked-key",
            "lic",
            "invalid revoked",
            "valid-revocation-list-issuing-key.revocation",
            "signed by the issuing key, which the held list revokes",
            unlisted_certified.clone(),
        ),
        (
            "invalid-held-revoked-root",
            "lic",
            "invalid revoked",
            "valid-revocation-list-root.revocation",
            "certified by the root, which the held list revokes",
            unlisted_certified.clone(),
        ),
        (
            "valid-held-not-revoked",
            "lic",
            "valid",
            "valid-revocation-list-direct.revocation",
            "a certified license that the held list does not name",
            unlisted_certified,
        ),
        (
            "invalid-held-older",
            "revocation",
            "invalid older-revocation-list",
            "valid-revocation-list-issuing-key.revocation",
            "list 4 after list 5",
            direct(&base_list(), LIST),
        ),
        (
            "invalid-held-equal",
            "revocation",
            "invalid older-revocation-list",
            "valid-revocation-list-issuing-key.revocation",
            "another list 5 after list 5",
            direct(&key_list(5, &[]), LIST),
        ),
        (
            "invalid-held-signer-revoked",
            "revocation",
            "invalid signer-revoked",
            "valid-revocation-list-issuing-key.revocation",
            "list 7, signed by the issuing key, which the held list revokes",
            certified(LIST, &key_list(7, &[]), &cert),
        ),
        (
            "invalid-held-revokes-own-signer",
            "revocation",
            "invalid signer-revoked",
            "none",
            "list 5, signed by the issuing key, revoking the issuing key itself",
            certified(LIST, &key_list(5, std::slice::from_ref(&issuing)), &cert),
        ),
        (
            "valid-held-supersedes-stolen-key",
            "revocation",
            "valid",
            "valid-revocation-list-stolen-key.revocation",
            "list 5, signed by vendor.key, revokes the key the held list (serial 2^53-1) was signed by: it supersedes it",
            direct(&key_list(5, std::slice::from_ref(&issuing)), LIST),
        ),
        (
            "invalid-held-signer-revoked",
            "reset",
            "invalid signer-revoked",
            "valid-revocation-list-issuing-key.revocation",
            "a clock reset signed by the issuing key, which the held list revokes",
            certified(RESET, &base_reset(), &all_kinds),
        ),
    ];
    all.extend(
        rules
            .into_iter()
            .map(|(name, ext, expect, list, comment, text)| {
                held(name, ext, expect, list, comment, &text)
            }),
    );
    all.push(named(
        "valid-reset-certified",
        "reset",
        "valid",
        "a clock reset signed by the issuing key, whose certificate permits clock resets",
        &certified(RESET, &base_reset(), &all_kinds),
    ));
    all.push(named(
        "invalid-reset-cert-usage",
        "reset",
        "invalid certificate-usage",
        "a clock reset signed by the issuing key, whose certificate permits license files and revocation lists only",
        &certified(RESET, &base_reset(), &cert),
    ));
    all
}
