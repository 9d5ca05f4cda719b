//! The published example keys of `keys-example/`: anyone can sign with them, so signing
//! with one is allowed (demos, tests) but never silent.

use license_format::{verifying_key_from_pem, KeyId};

/// The public halves of `keys-example/`, compiled in so that the check needs no file.
const EXAMPLE_PUBLIC_KEYS: [&str; 4] = [
    include_str!("../../keys-example/vendor.pub"),
    include_str!("../../keys-example/vendor-next.pub"),
    include_str!("../../keys-example/root-example.pub"),
    include_str!("../../keys-example/issuing-example.pub"),
];

/// Whether `kid` is the id of one of the example keys.
pub fn is_example_key(kid: KeyId) -> bool {
    EXAMPLE_PUBLIC_KEYS
        .iter()
        .filter_map(|pem| verifying_key_from_pem(pem).ok())
        .any(|key| KeyId::of(&key) == kid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_format::signing_key_from_pem;

    #[test]
    fn every_example_key_is_recognised_and_no_other() {
        for pem in [
            include_str!("../../keys-example/vendor.key"),
            include_str!("../../keys-example/vendor-next.key"),
            include_str!("../../keys-example/root-example.key"),
            include_str!("../../keys-example/issuing-example.key"),
        ] {
            let kid = KeyId::of(&signing_key_from_pem(pem).unwrap().verifying_key());
            assert!(is_example_key(kid), "{kid}");
        }
        let other = license_format::SigningKey::from_bytes(&[7u8; 32]).verifying_key();
        assert!(!is_example_key(KeyId::of(&other)));
    }
}
