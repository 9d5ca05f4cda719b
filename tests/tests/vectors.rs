//! Runs every file in `tests/vectors/` through the verification of its kind
//! (`*.lic`: `verify_license_trusted`, `*.reset`: `verify_clock_reset_trusted`,
//! `*.cert`: `verify_certificate`, `*.revocation`: `verify_revocation_list`, `*.pem`:
//! `Keyring::from_pem`) and checks the decision its `expect:` line names, down to the
//! kind of refusal: `expect: invalid CODE`, CODE being `Error::code()` (FORMAT.md §11).
//! Documents are verified with the trust of FORMAT.md §11: `vendor.pub` and
//! `vendor-next.pub` trusted directly, `root-example.pub` as the one root. A vector with
//! a `held:` line is then judged under the revocation list it names, by the rules of
//! FORMAT.md §17.4 written out here once more, apart from the verifier's; the store
//! itself decides the same vectors in `held_lists.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use license_format::{verify_certificate, verify_license, verify_revocation_list, Keyring};
use license_format::{verify_clock_reset_trusted, verify_license_trusted, Trust};
use license_format::{KeyId, RevocationList, VerifiedRevocationList};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

fn keyring() -> Keyring {
    let mut ring = Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
    ring.add_pem(include_str!("../../keys-example/vendor-next.pub"))
        .unwrap();
    ring
}

fn trust() -> Trust {
    let roots = Keyring::from_pem(include_str!("../../keys-example/root-example.pub")).unwrap();
    Trust::new(keyring(), roots)
}

fn expectation(contents: &[u8]) -> String {
    let head = contents.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(contents);
    let text = String::from_utf8_lossy(&head[..head.len().min(200)]);
    let first = text.lines().next().unwrap_or_default();
    first
        .strip_prefix("expect: ")
        .unwrap_or_else(|| panic!("no expect: line, found {first:?}"))
        .to_owned()
}

/// The list a vector's `held:` line names, verified: `None` for no line or `none`.
fn held_list(contents: &[u8], trust: &Trust) -> Option<VerifiedRevocationList> {
    let text = String::from_utf8_lossy(&contents[..contents.len().min(300)]).into_owned();
    let name = text.lines().find_map(|l| l.strip_prefix("held: "))?;
    if name == "none" {
        return None;
    }
    let list = std::fs::read(vectors_dir().join(name)).unwrap();
    Some(verify_revocation_list(&list, trust, license_catalog::builtin()).unwrap())
}

/// Whether `list` revokes any of `kids`.
fn revokes_any(list: &RevocationList, kids: &[KeyId]) -> bool {
    kids.iter().any(|k| list.revokes_key(k).is_some())
}

/// The decision the verification of the file's kind makes, by its extension, then
/// under the list the vector holds (FORMAT.md §17.4): a license it names, or whose
/// keys it names, is revoked; a document signed under a key it (or, for a list, the
/// list itself) names is refused; a list is imported only if its serial is higher, or
/// if it revokes the key the held list was signed under.
fn decide(path: &Path, contents: &[u8], trust: &Trust) -> Option<String> {
    let catalog = license_catalog::builtin();
    let held = held_list(contents, trust);
    let judged = |revoked: bool, code: &str| {
        if revoked {
            Err(code.to_owned())
        } else {
            Ok(())
        }
    };
    let code = |e: license_format::Error| e.code().to_owned();
    let result: Result<(), String> = match path.extension()?.to_str()? {
        "lic" => verify_license_trusted(contents, trust, catalog)
            .map_err(code)
            .and_then(|f| {
                let revoked = held.as_ref().is_some_and(|h| {
                    h.list.revokes_license(&f.payload.license_id).is_some()
                        || revokes_any(&h.list, &f.kids())
                });
                judged(revoked, "revoked")
            }),
        "reset" => verify_clock_reset_trusted(contents, trust, catalog)
            .map_err(code)
            .and_then(|r| {
                judged(
                    held.as_ref()
                        .is_some_and(|h| revokes_any(&h.list, &r.kids())),
                    "signer-revoked",
                )
            }),
        "cert" => verify_certificate(contents, trust, catalog)
            .map(drop)
            .map_err(code),
        "revocation" => verify_revocation_list(contents, trust, catalog)
            .map_err(code)
            .and_then(|new| {
                let own = revokes_any(&new.list, &new.kids());
                judged(
                    own || held
                        .as_ref()
                        .is_some_and(|h| revokes_any(&h.list, &new.kids())),
                    "signer-revoked",
                )?;
                let older = held.as_ref().is_some_and(|h| {
                    new.list.serial <= h.list.serial && !revokes_any(&new.list, &h.kids())
                });
                judged(older, "older-revocation-list")
            }),
        "pem" => Keyring::from_pem(std::str::from_utf8(contents).ok()?)
            .map(drop)
            .map_err(code),
        _ => return None,
    };
    Some(match result {
        Ok(()) => "valid".to_owned(),
        Err(code) => format!("invalid {code}"),
    })
}

#[test]
fn every_vector_is_decided_as_it_says() {
    let trust = trust();
    let mut failures = Vec::new();
    let (mut licenses, mut resets, mut keyrings, mut certs, mut lists) = (0, 0, 0, 0, 0);
    for entry in std::fs::read_dir(vectors_dir()).unwrap() {
        let path = entry.unwrap().path();
        let contents = std::fs::read(&path).unwrap();
        let Some(got) = decide(&path, &contents, &trust) else {
            continue;
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("reset") => resets += 1,
            Some("pem") => keyrings += 1,
            Some("cert") => certs += 1,
            Some("revocation") => lists += 1,
            _ => licenses += 1,
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expect = expectation(&contents);
        assert_eq!(
            name.starts_with("valid-"),
            expect == "valid",
            "{name}: name and expect: disagree"
        );
        if got != expect {
            failures.push(format!("{name}: expected {expect}, got {got}"));
        }
    }
    assert!(licenses >= 50, "only {licenses} license vectors found");
    assert!(resets >= 15, "only {resets} clock-reset vectors found");
    assert!(keyrings >= 10, "only {keyrings} keyring vectors found");
    assert!(certs >= 10, "only {certs} key-certificate vectors found");
    assert!(lists >= 10, "only {lists} revocation-list vectors found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_error_kind_has_a_vector() {
    let mut kinds: Vec<String> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|e| expectation(&std::fs::read(e.unwrap().path()).unwrap()))
        .collect();
    kinds.sort();
    kinds.dedup();
    for want in [
        "valid",
        "invalid too-large",
        "invalid armor",
        "invalid base64",
        "invalid envelope",
        "invalid unsupported-format",
        "invalid unsupported-algorithm",
        "invalid malformed-key-id",
        "invalid unknown-key",
        "invalid bad-signature",
        "invalid payload",
        "invalid invalid-payload",
        "invalid wrong-product",
        "invalid wrong-document-kind",
        "invalid key",
        "invalid weak-key",
    ] {
        assert!(kinds.iter().any(|k| k == want), "no vector expects {want}");
    }
}

#[test]
fn committed_vectors_match_the_generator() {
    for v in license_system_tests::generate() {
        let committed = std::fs::read(vectors_dir().join(&v.name)).unwrap_or_else(|_| {
            panic!(
                "{} is not committed: run cargo run -p license-system-tests --bin gen-vectors",
                v.name
            )
        });
        assert!(
            committed == v.contents,
            "{} differs from the generator's output: regenerate the vectors",
            v.name
        );
    }
}

/// The other half of freshness: a file in `tests/vectors/` that the generator does not
/// make is one no test keeps honest (a hand edit, a leftover of a renamed rule).
#[test]
fn every_committed_vector_is_generated() {
    let generated: std::collections::BTreeSet<String> = license_system_tests::generate()
        .into_iter()
        .map(|v| v.name)
        .collect();
    let strays: Vec<String> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !generated.contains(name))
        .collect();
    assert!(
        strays.is_empty(),
        "not made by the generator, so no test knows them: {strays:?}; remove them or add them to tests/src/vectors/ and regenerate"
    );
}

#[test]
fn unknown_key_error_names_the_kid() {
    let contents = std::fs::read(vectors_dir().join("invalid-unknown-key.lic")).unwrap();
    let err = verify_license(&contents, &keyring(), license_catalog::builtin()).unwrap_err();
    assert!(
        err.to_string().contains("unknown key 0000000000000000"),
        "{err}"
    );
}

#[test]
fn every_clock_reset_refusal_has_a_vector() {
    let mut kinds: Vec<String> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "reset"))
        .map(|p| expectation(&std::fs::read(p).unwrap()))
        .collect();
    kinds.sort();
    kinds.dedup();
    for want in [
        "valid",
        "invalid too-large",
        "invalid wrong-document-kind",
        "invalid unsupported-format",
        "invalid unknown-key",
        "invalid bad-signature",
        "invalid payload",
        "invalid invalid-payload",
        "invalid wrong-product",
    ] {
        assert!(
            kinds.iter().any(|k| k == want),
            "no clock-reset vector expects {want}"
        );
    }
}

/// Every link of the chain of trust (FORMAT.md §18) has a vector that breaks it, for
/// the kind of document it concerns.
#[test]
fn every_chain_refusal_has_a_vector() {
    let expectations = |ext: &str| -> Vec<String> {
        std::fs::read_dir(vectors_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .map(|p| expectation(&std::fs::read(p).unwrap()))
            .collect()
    };
    let wants = [
        (
            "lic",
            &[
                "valid",
                "invalid certificate-not-by-root",
                "invalid certificate-bad-signature",
                "invalid certificate-payload",
                "invalid certificate-wrong-product",
                "invalid certificate-other-key",
                "invalid certificate-usage",
                "invalid certificate-window",
                "invalid signed-by-root",
            ][..],
        ),
        (
            "cert",
            &[
                "valid",
                "invalid certificate-not-by-root",
                "invalid certificate-wrong-product",
                "invalid invalid-payload",
                "invalid payload",
                "invalid envelope",
                "invalid wrong-document-kind",
            ][..],
        ),
        (
            "revocation",
            &[
                "valid",
                "invalid wrong-document-kind",
                "invalid certificate-usage",
                "invalid certificate-window",
                "invalid signed-by-root",
                "invalid invalid-payload",
                "invalid payload",
                "invalid wrong-product",
                "invalid older-revocation-list",
                "invalid signer-revoked",
            ][..],
        ),
        ("lic", &["invalid revoked"][..]),
        (
            "reset",
            &["invalid signer-revoked", "invalid certificate-usage"][..],
        ),
    ];
    for (ext, want) in wants {
        let found = expectations(ext);
        for w in want {
            assert!(
                found.iter().any(|f| f == w),
                "no *.{ext} vector expects {w}"
            );
        }
    }
}

/// The vectors a reader of keys alone (`verify_license`, no roots) decides: every
/// certified file is refused at its certificate's signer, never accepted.
#[test]
fn a_reader_without_roots_refuses_every_certified_file() {
    for name in ["valid-certified.lic", "valid-certified-window-start.lic"] {
        let contents = std::fs::read(vectors_dir().join(name)).unwrap();
        let err = verify_license(&contents, &keyring(), license_catalog::builtin()).unwrap_err();
        assert_eq!(err.code(), "certificate-not-by-root", "{name}");
    }
}

/// What a revocation check needs from the verified documents: both kids of a certified
/// file, and the answers of the list.
#[test]
fn a_verified_list_answers_for_a_verified_file() {
    let read = |name: &str| std::fs::read(vectors_dir().join(name)).unwrap();
    let catalog = license_catalog::builtin();
    let file = verify_license_trusted(&read("valid-certified.lic"), &trust(), catalog).unwrap();
    let list = verify_revocation_list(&read("valid-revocation-list.revocation"), &trust(), catalog)
        .unwrap()
        .list;
    let root = trust().roots().keys()[0].kid;
    assert_eq!(file.kids()[1], root);
    assert!(file
        .kids()
        .iter()
        .all(|kid| list.revokes_key(kid).is_none()));
    let revoked = list.revokes_license(&file.payload.license_id).unwrap();
    assert_eq!(revoked.reason, None);
    assert!(list.revokes_license("LIC-000017").unwrap().reason.is_some());
}
