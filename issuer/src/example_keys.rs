//! The published example keys of `keys-example/`: anyone can sign with them, so signing
//! with one is allowed (demos, tests) but never silent.

use license_format::{verifying_key_from_pem, KeyId};

/// The public halves of `keys-example/`, compiled in so that the check needs no file.
const EXAMPLE_PUBLIC_KEYS: [&str; 2] = [
    include_str!("../../keys-example/vendor.pub"),
    include_str!("../../keys-example/vendor-next.pub"),
];

/// Whether `kid` is the id of one of the example keys.
pub fn is_example_key(kid: KeyId) -> bool {
    EXAMPLE_PUBLIC_KEYS
        .iter()
        .filter_map(|pem| verifying_key_from_pem(pem).ok())
        .any(|key| KeyId::of(&key) == kid)
}

/// The warning for signing with `kid`, when it is an example key.
pub fn example_key_warning(kid: KeyId) -> Option<String> {
    is_example_key(kid).then(|| {
        format!(
            "signing with example key {kid} of keys-example/, which anyone can sign with: installations must never trust it"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_format::signing_key_from_pem;

    #[test]
    fn both_example_keys_are_recognised_and_no_other() {
        for pem in [
            include_str!("../../keys-example/vendor.key"),
            include_str!("../../keys-example/vendor-next.key"),
        ] {
            let kid = KeyId::of(&signing_key_from_pem(pem).unwrap().verifying_key());
            let warning = example_key_warning(kid).unwrap();
            assert!(
                warning.starts_with(&format!("signing with example key {kid} of keys-example/")),
                "{warning}"
            );
        }
        let other = license_format::SigningKey::from_bytes(&[7u8; 32]).verifying_key();
        assert_eq!(example_key_warning(KeyId::of(&other)), None);
    }
}
