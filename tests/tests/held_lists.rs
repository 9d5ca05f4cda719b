//! The vectors with a `held:` line (FORMAT.md §17.4), decided by a real store: the list
//! named is imported first, then the vector, and the store's answer must be the one
//! the vector expects, down to the error code. `vectors.rs` decides the same files by
//! the rules written out apart from the verifier.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use license_format::{Keyring, Trust};
use license_verifier::LicenseStore;

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

fn trust() -> Trust {
    let mut keys = Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
    keys.add_pem(include_str!("../../keys-example/vendor-next.pub"))
        .unwrap();
    let roots = Keyring::from_pem(include_str!("../../keys-example/root-example.pub")).unwrap();
    Trust::new(keys, roots)
}

fn line<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().take(3).find_map(|l| l.strip_prefix(key))
}

/// The store's decision on `contents`, a document of the kind `ext` names, after the
/// list `held` (a vector's file name, or `none`) was imported.
fn decide(ext: &str, contents: &[u8], held: &str, now: DateTime<Utc>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let store = LicenseStore::create(&dir.path().join("store.db"), trust(), now).unwrap();
    if held != "none" {
        let list = std::fs::read(vectors_dir().join(held)).unwrap();
        store.import_revocation_list(&list, false, now).unwrap();
    }
    let result = match ext {
        "lic" => store.import(contents, false, now).map(drop),
        "reset" => store.import_clock_reset(contents, now).map(drop),
        "revocation" => store.import_revocation_list(contents, false, now).map(drop),
        other => panic!("no held vector of kind {other}"),
    };
    match result {
        Ok(()) => "valid".to_owned(),
        Err(e) => format!("invalid {}", e.code()),
    }
}

#[test]
fn the_store_decides_every_held_vector_as_it_says() {
    let now = license_format::time::parse_rfc3339("2027-01-01T00:00:00Z").unwrap();
    let mut decided = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(vectors_dir()).unwrap() {
        let path = entry.unwrap().path();
        let contents = std::fs::read(&path).unwrap();
        let head = String::from_utf8_lossy(&contents[..contents.len().min(300)]).into_owned();
        let (Some(expect), Some(held)) = (line(&head, "expect: "), line(&head, "held: ")) else {
            continue;
        };
        let ext = path.extension().unwrap().to_str().unwrap();
        let got = decide(ext, &contents, held, now);
        decided += 1;
        if got != expect {
            let name = path.file_name().unwrap().to_string_lossy();
            failures.push(format!("{name}: expected {expect}, got {got}"));
        }
    }
    assert!(decided >= 10, "only {decided} held vectors found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
