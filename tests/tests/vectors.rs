//! Runs every file in `tests/vectors/` through the verification of its kind
//! (`*.lic`: `verify_license`, `*.reset`: `verify_clock_reset`, `*.pem`:
//! `Keyring::from_pem`) and checks the decision its `expect:` line names, down to the
//! kind of refusal: `expect: invalid CODE`, CODE being `Error::code()` (FORMAT.md §11).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use license_format::{verify_clock_reset, verify_license, Keyring};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

fn keyring() -> Keyring {
    let mut ring = Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
    ring.add_pem(include_str!("../../keys-example/vendor-next.pub"))
        .unwrap();
    ring
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

/// The decision the verification of the file's kind makes, by its extension.
fn decide(path: &Path, contents: &[u8], ring: &Keyring) -> Option<String> {
    let result = match path.extension()?.to_str()? {
        "lic" => verify_license(contents, ring, license_catalog::builtin()).map(drop),
        "reset" => verify_clock_reset(contents, ring, license_catalog::builtin()).map(drop),
        "pem" => Keyring::from_pem(std::str::from_utf8(contents).ok()?).map(drop),
        _ => return None,
    };
    Some(match result {
        Ok(()) => "valid".to_owned(),
        Err(e) => format!("invalid {}", e.code()),
    })
}

#[test]
fn every_vector_is_decided_as_it_says() {
    let ring = keyring();
    let mut failures = Vec::new();
    let (mut licenses, mut resets, mut keyrings) = (0, 0, 0);
    for entry in std::fs::read_dir(vectors_dir()).unwrap() {
        let path = entry.unwrap().path();
        let contents = std::fs::read(&path).unwrap();
        let Some(got) = decide(&path, &contents, &ring) else {
            continue;
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some("reset") => resets += 1,
            Some("pem") => keyrings += 1,
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
