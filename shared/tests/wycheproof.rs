//! Project Wycheproof's Ed25519 vectors through the very functions that accept license
//! signatures: `Keyring::add` for the key and `verify_signature` for the signature. A
//! signature that is not 64 bytes never reaches them: the envelope refuses it first
//! (`Envelope::parse`), which this test mirrors.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use license_format::{verify_signature, Keyring, VerifyingKey};
use serde_json::Value;

const VECTORS: &str = include_str!("data/wycheproof-ed25519_test.json");

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn accepts(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    let Ok(pk) = <[u8; 32]>::try_from(pk) else {
        return false;
    };
    let Ok(key) = VerifyingKey::from_bytes(&pk) else {
        return false;
    };
    let mut ring = Keyring::new();
    if ring.add(key).is_err() {
        return false;
    }
    let Ok(sig) = <[u8; 64]>::try_from(sig) else {
        return false;
    };
    let kid = ring.keys()[0].kid;
    verify_signature(ring.get(&kid).unwrap(), msg, &sig).is_ok()
}

#[test]
fn all_valid_accepted_and_all_invalid_refused() {
    let doc: Value = serde_json::from_str(VECTORS).unwrap();
    let (mut valid, mut invalid) = (0, 0);
    let mut wrong = Vec::new();
    for group in doc["testGroups"].as_array().unwrap() {
        let pk = hex(group["publicKey"]["pk"].as_str().unwrap());
        for case in group["tests"].as_array().unwrap() {
            let msg = hex(case["msg"].as_str().unwrap());
            let sig = hex(case["sig"].as_str().unwrap());
            let expect_valid = match case["result"].as_str().unwrap() {
                "valid" => true,
                "invalid" => false,
                other => panic!("unexpected result {other}"),
            };
            if expect_valid {
                valid += 1
            } else {
                invalid += 1
            }
            if accepts(&pk, &msg, &sig) != expect_valid {
                wrong.push(case["tcId"].as_u64().unwrap());
            }
        }
    }
    assert_eq!((valid, invalid), (88, 63), "the vector file changed");
    assert!(wrong.is_empty(), "cases decided wrongly: {wrong:?}");
}
