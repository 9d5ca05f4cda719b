//! The public keys trusted by default, compiled in at build time from the PEM file named
//! by the build-time variable `LICENSE_TRUSTED_KEYS` (the example keys when it is unset).

use license_format::Keyring;

use crate::Result;

/// The PEM text of the keys compiled in.
pub const DEFAULT_TRUSTED_KEYS_PEM: &str =
    include_str!(concat!(env!("OUT_DIR"), "/trusted_keys.pem"));

/// Whether the keys compiled in are the repository's example keys, which anyone can
/// sign with: a build for customers must set `LICENSE_TRUSTED_KEYS`.
pub const TRUSTS_EXAMPLE_KEYS: bool = include!(concat!(env!("OUT_DIR"), "/trusts_example_keys.rs"));

/// The keyring of the keys compiled in.
///
/// # Errors
/// [`crate::Error::Format`] if the compiled-in PEM holds a key that cannot be trusted.
pub fn default_keyring() -> Result<Keyring> {
    Ok(Keyring::from_pem(DEFAULT_TRUSTED_KEYS_PEM)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn default_keys_parse() {
        let ring = super::default_keyring().unwrap();
        assert!(!ring.is_empty());
    }
}
