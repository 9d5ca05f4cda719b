//! Text into every key reader (FORMAT.md §9): keyrings and public keys, which an
//! installation loads, and private keys, which the vendor's issuer loads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use license_format::{
    signing_key_from_pem, signing_key_to_pem, verifying_key_from_pem, verifying_key_to_pem, KeyId,
    Keyring, VerifyingKey,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ring) = Keyring::from_pem(text) {
        assert!(!ring.is_empty());
        for trusted in ring.keys() {
            assert_eq!(KeyId::of(&trusted.key), trusted.kid);
            check_public(&trusted.key);
        }
    }
    if let Ok(key) = verifying_key_from_pem(text) {
        check_public(&key);
    }
    if let Ok(key) = signing_key_from_pem(text) {
        let pem = signing_key_to_pem(&key);
        let again = signing_key_from_pem(&pem).expect("a written private key reads back");
        assert_eq!(again.verifying_key(), key.verifying_key());
    }
    if let Ok(kid) = text.parse::<KeyId>() {
        assert_eq!(kid.to_string(), text);
    }
});

/// A trusted key is never weak and its PEM form reads back to the same key.
fn check_public(key: &VerifyingKey) {
    assert!(!key.is_weak());
    let pem = verifying_key_to_pem(key);
    assert_eq!(verifying_key_from_pem(&pem).ok(), Some(*key));
}
