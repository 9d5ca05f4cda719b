//! The trust compiled in at build time:
//! - signing keys from the PEM file named by the build-time variable
//!   `LICENSE_TRUSTED_KEYS`;
//! - root keys, trusted only to certify issuing keys (FORMAT.md §18), from
//!   `LICENSE_TRUSTED_ROOTS`;
//! - a revocation list (FORMAT.md §17) from `LICENSE_REVOCATION_LIST`, which every store
//!   applies as a floor that no store edit removes.
//!
//! Without them a build trusts no key, unless the cargo feature `example-keys` (for
//! tests and demos) asks for the example keys of `keys-example/`, whose private halves
//! anyone can read.

use license_format::{Keyring, Trust, VerifiedRevocationList};

use crate::{Error, Result};

/// The PEM text of the signing keys compiled in; empty when the build trusts none.
pub const DEFAULT_TRUSTED_KEYS_PEM: &str =
    include_str!(concat!(env!("OUT_DIR"), "/trusted_keys.pem"));

/// The PEM text of the root keys compiled in; empty when the build trusts none.
pub const DEFAULT_TRUSTED_ROOTS_PEM: &str =
    include_str!(concat!(env!("OUT_DIR"), "/trusted_roots.pem"));

/// The revocation list compiled in, as its armored text; empty when there is none.
pub const BUILT_IN_REVOCATION_LIST: &str =
    include_str!(concat!(env!("OUT_DIR"), "/revocation_list.txt"));

/// Whether the keys compiled in are the repository's example keys, which anyone can
/// sign with: a build for customers sets `LICENSE_TRUSTED_KEYS` instead.
pub const TRUSTS_EXAMPLE_KEYS: bool = include!(concat!(env!("OUT_DIR"), "/trusts_example_keys.rs"));

/// Whether the build trusts no key at all: neither `LICENSE_TRUSTED_KEYS`,
/// `LICENSE_TRUSTED_ROOTS` nor the `example-keys` feature was given, so every license
/// file is refused as signed by an unknown key until trusted keys are passed in.
pub const TRUSTS_NO_KEY: bool =
    DEFAULT_TRUSTED_KEYS_PEM.is_empty() && DEFAULT_TRUSTED_ROOTS_PEM.is_empty();

/// The keyring of the signing keys compiled in.
///
/// # Errors
/// [`crate::Error::Format`] if the compiled-in PEM holds a key that cannot be trusted.
pub fn default_keyring() -> Result<Keyring> {
    ring(DEFAULT_TRUSTED_KEYS_PEM)
}

/// The keyring of the root keys compiled in.
///
/// # Errors
/// [`crate::Error::Format`] if the compiled-in PEM holds a key that cannot be trusted.
pub fn default_roots() -> Result<Keyring> {
    ring(DEFAULT_TRUSTED_ROOTS_PEM)
}

/// The whole trust compiled in: signing keys and root keys. What a product passes to
/// [`crate::LicenseStore::open`].
///
/// # Errors
/// [`crate::Error::Format`] if the compiled-in PEM holds a key that cannot be trusted.
pub fn default_trust() -> Result<Trust> {
    Ok(Trust::new(default_keyring()?, default_roots()?))
}

fn ring(pem: &str) -> Result<Keyring> {
    if pem.is_empty() {
        return Ok(Keyring::new());
    }
    Ok(Keyring::from_pem(pem)?)
}

/// The revocation list compiled in, verified under `trust`; `None` when the build has
/// none.
///
/// # Errors
/// [`Error::BuiltInListUnverified`] when it does not verify under `trust`, or signs
/// under a key it revokes: a store opened with that trust would ignore the list, so it
/// is not opened at all.
pub fn built_in_revocation_list(trust: &Trust) -> Result<Option<VerifiedRevocationList>> {
    if BUILT_IN_REVOCATION_LIST.is_empty() {
        return Ok(None);
    }
    crate::store::verify_list(BUILT_IN_REVOCATION_LIST.as_bytes(), trust)
        .map(Some)
        .map_err(|e| Error::BuiltInListUnverified {
            error: e.code().to_owned(),
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn default_keys_match_the_build() {
        let ring = super::default_keyring().unwrap();
        let roots = super::default_roots().unwrap();
        assert_eq!(ring.is_empty() && roots.is_empty(), super::TRUSTS_NO_KEY);
        const { assert!(!(super::TRUSTS_NO_KEY && super::TRUSTS_EXAMPLE_KEYS)) };
    }

    #[test]
    fn no_list_is_built_in_without_the_variable() {
        let trust = super::default_trust().unwrap();
        let built_in = super::built_in_revocation_list(&trust).unwrap();
        assert_eq!(
            built_in.is_some(),
            option_env!("LICENSE_REVOCATION_LIST").is_some_and(|v| !v.is_empty())
        );
    }
}
