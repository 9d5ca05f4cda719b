//! The public keys trusted by default, compiled in at build time from the PEM file named
//! by the build-time variable `LICENSE_TRUSTED_KEYS`. Without it a build trusts no key,
//! unless the cargo feature `example-keys` (for tests and demos) asks for the example
//! keys of `keys-example/`, whose private halves anyone can read.

use license_format::Keyring;

use crate::Result;

/// The PEM text of the keys compiled in; empty when the build trusts no key.
pub const DEFAULT_TRUSTED_KEYS_PEM: &str =
    include_str!(concat!(env!("OUT_DIR"), "/trusted_keys.pem"));

/// Whether the keys compiled in are the repository's example keys, which anyone can
/// sign with: a build for customers sets `LICENSE_TRUSTED_KEYS` instead.
pub const TRUSTS_EXAMPLE_KEYS: bool = include!(concat!(env!("OUT_DIR"), "/trusts_example_keys.rs"));

/// Whether the build trusts no key at all: neither `LICENSE_TRUSTED_KEYS` nor the
/// `example-keys` feature was given, so every license file is refused as signed by an
/// unknown key until trusted keys are passed in.
pub const TRUSTS_NO_KEY: bool = DEFAULT_TRUSTED_KEYS_PEM.is_empty();

/// The keyring of the keys compiled in: empty when [`TRUSTS_NO_KEY`].
///
/// # Errors
/// [`crate::Error::Format`] if the compiled-in PEM holds a key that cannot be trusted.
pub fn default_keyring() -> Result<Keyring> {
    if TRUSTS_NO_KEY {
        return Ok(Keyring::new());
    }
    Ok(Keyring::from_pem(DEFAULT_TRUSTED_KEYS_PEM)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn default_keys_match_the_build() {
        let ring = super::default_keyring().unwrap();
        assert_eq!(ring.is_empty(), super::TRUSTS_NO_KEY);
        const { assert!(!(super::TRUSTS_NO_KEY && super::TRUSTS_EXAMPLE_KEYS)) };
    }
}
