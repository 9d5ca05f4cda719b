//! Hostile input: every single-bit flip of a valid license is refused, and a large
//! deterministic set of mutated inputs goes through every parser without a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod mutate;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use license_format::{
    armor, dearmor, sign_payload, signing_key_from_pem, verify_license, ActivationRequest,
    Envelope, Keyring, Payload,
};
use mutate::{Mutator, Rng};
use serde_json::Value;

const VENDOR_KEY: &str = include_str!("../../keys-example/vendor.key");
const VENDOR_PUB: &str = include_str!("../../keys-example/vendor.pub");

fn valid_license() -> String {
    let file = include_str!("../vectors/valid-basic.lic");
    file[file.find("-----BEGIN").unwrap()..].to_owned()
}

fn keyring() -> Keyring {
    Keyring::from_pem(VENDOR_PUB).unwrap()
}

/// Re-encodes an envelope from its parts, so that a flip in one decoded part is the only
/// difference from the genuine file.
fn envelope_text(envelope: &Value, payload: &[u8], sig: &[u8]) -> String {
    let mut v = envelope.clone();
    v["payload"] = Value::String(STANDARD.encode(payload));
    v["sig"] = Value::String(STANDARD.encode(sig));
    armor(&serde_json::to_vec(&v).unwrap())
}

fn flips(bytes: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    (0..bytes.len() * 8).map(move |bit| {
        let mut b = bytes.to_vec();
        b[bit / 8] ^= 1 << (bit % 8);
        b
    })
}

#[test]
fn every_single_bit_flip_is_refused() {
    let ring = keyring();
    let text = valid_license();
    verify_license(text.as_bytes(), &ring, license_catalog::builtin())
        .expect("the genuine file verifies");
    let envelope_bytes = dearmor(text.as_bytes()).unwrap();
    let envelope_json: Value = serde_json::from_slice(&envelope_bytes).unwrap();
    let parsed = Envelope::parse(&envelope_bytes).unwrap();

    let mut refused = 0usize;
    let mut accepted = Vec::new();
    let mut check = |what: &str, candidate: &[u8]| match verify_license(
        candidate,
        &ring,
        license_catalog::builtin(),
    ) {
        Ok(_) => accepted.push(what.to_owned()),
        Err(_) => refused += 1,
    };
    for (i, flipped) in flips(&envelope_bytes).enumerate() {
        check(&format!("envelope bit {i}"), armor(&flipped).as_bytes());
    }
    for (i, flipped) in flips(&parsed.payload).enumerate() {
        check(
            &format!("payload bit {i}"),
            envelope_text(&envelope_json, &flipped, &parsed.sig).as_bytes(),
        );
    }
    for (i, flipped) in flips(&parsed.sig).enumerate() {
        check(
            &format!("signature bit {i}"),
            envelope_text(&envelope_json, &parsed.payload, &flipped).as_bytes(),
        );
    }
    let total = (envelope_bytes.len() + parsed.payload.len() + parsed.sig.len()) * 8;
    assert_eq!(refused + accepted.len(), total);
    // No exception is expected: the payload and signature are covered by the signature,
    // and every byte of the envelope is either a fixed member name or value, or the
    // base64 of a signed part (strict decoding refuses a changed unused bit).
    assert!(accepted.is_empty(), "accepted after a flip: {accepted:?}");
    eprintln!("bit flips refused: {refused} of {total}");
}

#[test]
fn every_single_bit_flip_of_the_armored_text_is_refused() {
    let ring = keyring();
    let text = valid_license().into_bytes();
    let (mut refused, mut accepted) = (0usize, Vec::new());
    for (i, flipped) in flips(&text).enumerate() {
        match verify_license(&flipped, &ring, license_catalog::builtin()) {
            Ok(_) => accepted.push(i),
            Err(_) => refused += 1,
        }
    }
    assert_eq!(refused + accepted.len(), text.len() * 8);
    assert!(
        accepted.is_empty(),
        "armored-text bits whose flip was accepted: {accepted:?}"
    );
    eprintln!(
        "armored-text bit flips refused: {refused} of {}",
        text.len() * 8
    );
}

/// Signs arbitrary bytes as a payload, so that the payload parser sees mutated claims
/// behind a valid signature.
struct Signer {
    key: license_format::SigningKey,
}

impl Signer {
    fn sign(&self, payload: &[u8]) -> String {
        sign_payload(payload, &self.key)
    }
}

#[test]
fn mutated_inputs_never_panic_and_are_typed() {
    let ring = keyring();
    let signer = Signer {
        key: signing_key_from_pem(VENDOR_KEY).unwrap(),
    };
    let license = valid_license();
    let envelope = dearmor(license.as_bytes()).unwrap();
    let payload = Envelope::parse(&envelope).unwrap().payload;
    let request = ActivationRequest::new(
        license_catalog::builtin().product.clone(),
        "inst-1".into(),
        "host".into(),
        chrono::DateTime::UNIX_EPOCH,
    )
    .to_json();
    let keys = [
        VENDOR_PUB,
        include_str!("../../keys-example/vendor-next.pub"),
        VENDOR_KEY,
    ]
    .concat();
    let order = br#"{"customer": {"id": "C-1001", "name": "Acme AS"}, "installation_id": "inst-1",
        "valid_from": "2026-12-01", "valid_until": "2027-11-30", "grace_days": 14,
        "system_licenses": ["superoffice-server", {"code": "sales-intelligence", "valid_until": "2027-05-31"}],
        "user_plans": [{"code": "sales-premium", "seats": 10, "valid_until": null}]}"#;
    let order_now = chrono::DateTime::UNIX_EPOCH;
    let mut m = Mutator::new(Rng::new(0x5eed_1234_abcd_0042));
    let mut counts = [0usize; 7];
    let mut accepted = 0usize;

    for round in 0..20_000 {
        // Armored text, envelope JSON and signed payload JSON: the three layers a file has.
        let a = m.mutate(license.as_bytes());
        accepted += usize::from(verify_license(&a, &ring, license_catalog::builtin()).is_ok());
        let e = m.mutate(&envelope);
        accepted += usize::from(
            verify_license(armor(&e).as_bytes(), &ring, license_catalog::builtin()).is_ok(),
        );
        accepted += usize::from(Envelope::parse(&e).is_ok());
        let p = m.mutate(&payload);
        accepted += usize::from(Payload::parse(&p, license_catalog::builtin()).is_ok());
        if round % 10 == 0 {
            // Signing costs more than parsing: one in ten goes through the whole path.
            accepted += usize::from(
                verify_license(
                    signer.sign(&p).as_bytes(),
                    &ring,
                    license_catalog::builtin(),
                )
                .is_ok(),
            );
            counts[5] += 1;
        }
        let r = m.mutate(request.as_bytes());
        accepted += usize::from(ActivationRequest::parse(&r).is_ok());
        let k = m.mutate(keys.as_bytes());
        let k = String::from_utf8_lossy(&k);
        accepted += usize::from(Keyring::from_pem(&k).is_ok());
        accepted += usize::from(signing_key_from_pem(&k).is_ok());
        let o = m.mutate(order);
        accepted += usize::from(license_issuer::Order::parse(&o, "order.json", order_now).is_ok());
        counts[6] += 1;
        for (i, n) in [1, 2, 1, 1, 2].iter().enumerate() {
            counts[i] += n;
        }
    }
    let total: usize = counts.iter().sum();
    assert!(total >= 100_000, "only {total} inputs");
    // Most mutations must be refused, or the mutator is not reaching the parsers.
    assert!(
        accepted < total / 4,
        "{accepted} of {total} mutated inputs accepted"
    );
    eprintln!(
        "mutated inputs: {total} (license {}, envelope {}, payload {}, request {}, keys {}, signed {}, orders {}), accepted {accepted}",
        counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]
    );
}
