//! Key ids, public and private keys in PEM, and the keyring (FORMAT.md §4 and §9).

use std::fmt;
use std::str::FromStr;

use ed25519_dalek::VerifyingKey;
use sha2::{Digest, Sha256};

use crate::constants::{KEY_ID_BYTES, MAX_KEY_FILE_BYTES};
use crate::{Error, KeyProblem, Result};

/// A key id: the first 8 bytes of SHA-256 over the raw 32-byte public key. Its text form
/// is 16 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId([u8; KEY_ID_BYTES]);

impl KeyId {
    /// The id of a public key.
    pub fn of(key: &VerifyingKey) -> Self {
        let digest = Sha256::digest(key.as_bytes());
        let mut id = [0u8; KEY_ID_BYTES];
        id.copy_from_slice(&digest[..KEY_ID_BYTES]);
        KeyId(id)
    }

    /// The raw 8 bytes.
    pub fn as_bytes(&self) -> &[u8; KEY_ID_BYTES] {
        &self.0
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyId({self})")
    }
}

impl FromStr for KeyId {
    type Err = Error;

    /// Parses exactly 16 lowercase hex digits; uppercase is refused so that one key has
    /// one spelling.
    fn from_str(s: &str) -> Result<Self> {
        let malformed = || Error::MalformedKeyId {
            found: s.to_owned(),
        };
        if s.len() != KEY_ID_BYTES * 2 {
            return Err(malformed());
        }
        let mut id = [0u8; KEY_ID_BYTES];
        for (slot, pair) in id.iter_mut().zip(s.as_bytes().chunks(2)) {
            let hi = hex_digit(pair[0]).ok_or_else(malformed)?;
            let lo = hex_digit(pair[1]).ok_or_else(malformed)?;
            *slot = hi << 4 | lo;
        }
        Ok(KeyId(id))
    }
}

fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// One trusted public key and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedKey {
    /// The key's id.
    pub kid: KeyId,
    /// The key.
    pub key: VerifyingKey,
}

/// The public keys a verifier trusts, by key id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keyring {
    keys: Vec<TrustedKey>,
}

impl Keyring {
    /// An empty keyring: it verifies nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads every `PUBLIC KEY` PEM block in `text` (one or more), refusing weak keys.
    ///
    /// # Errors
    /// [`Error::Key`] for text without a key or with a block that is not an Ed25519 SPKI
    /// key, [`Error::WeakKey`] for a small-order key, [`Error::TooLarge`].
    pub fn from_pem(text: &str) -> Result<Self> {
        let mut ring = Keyring::new();
        ring.add_pem(text)?;
        Ok(ring)
    }

    /// Adds every `PUBLIC KEY` block in `text`; a key already present is kept once.
    ///
    /// # Errors
    /// As [`Keyring::from_pem`]; on error the keyring is unchanged.
    pub fn add_pem(&mut self, text: &str) -> Result<()> {
        if text.len() > MAX_KEY_FILE_BYTES {
            return Err(Error::TooLarge {
                what: "key file",
                size: text.len(),
                limit: MAX_KEY_FILE_BYTES,
            });
        }
        let blocks = crate::pem::public_keys(text).map_err(Error::Key)?;
        if blocks.is_empty() {
            return Err(Error::Key(KeyProblem::NoPublicKey));
        }
        let keys = blocks
            .iter()
            .map(verifying_key_from_bytes)
            .collect::<Result<Vec<_>>>()?;
        for key in keys {
            self.add(key)?;
        }
        Ok(())
    }

    /// Adds one key.
    ///
    /// # Errors
    /// [`Error::WeakKey`] for a small-order key.
    pub fn add(&mut self, key: VerifyingKey) -> Result<()> {
        let kid = KeyId::of(&key);
        if key.is_weak() {
            return Err(Error::WeakKey { kid });
        }
        if self.get(&kid).is_none() {
            self.keys.push(TrustedKey { kid, key });
        }
        Ok(())
    }

    /// The key with this id, if trusted.
    pub fn get(&self, kid: &KeyId) -> Option<&VerifyingKey> {
        self.keys.iter().find(|k| &k.kid == kid).map(|k| &k.key)
    }

    /// The trusted keys, in the order they were added.
    pub fn keys(&self) -> &[TrustedKey] {
        &self.keys
    }

    /// Whether the keyring holds no key.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// Reads one Ed25519 public key from SPKI PEM (`BEGIN PUBLIC KEY`), refusing weak keys.
/// The text holds exactly one block, read by the rules of a keyring (FORMAT.md §9.3).
///
/// # Errors
/// [`Error::Key`], [`Error::WeakKey`] or [`Error::TooLarge`].
pub fn verifying_key_from_pem(text: &str) -> Result<VerifyingKey> {
    let ring = Keyring::from_pem(text)?;
    match ring.keys() {
        [one] => Ok(one.key),
        more => Err(Error::Key(KeyProblem::NotOneKey { count: more.len() })),
    }
}

fn verifying_key_from_bytes(bytes: &[u8; 32]) -> Result<VerifyingKey> {
    let key = VerifyingKey::from_bytes(bytes).map_err(|_| Error::Key(KeyProblem::NotAPoint))?;
    if key.is_weak() {
        return Err(Error::WeakKey {
            kid: KeyId::of(&key),
        });
    }
    Ok(key)
}

/// Writes a public key as SPKI PEM (`BEGIN PUBLIC KEY`), LF line endings: the bytes
/// OpenSSL writes.
pub fn verifying_key_to_pem(key: &VerifyingKey) -> String {
    crate::pem::to_pem(key.as_bytes())
}

#[cfg(feature = "signing")]
mod signing {
    use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
    use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey, KeypairBytes};
    use ed25519_dalek::SigningKey;
    use zeroize::Zeroizing;

    use crate::{Error, KeyProblem, Result};

    /// Reads an unencrypted PKCS#8 private key (`BEGIN PRIVATE KEY`), v1 or v2. A v2 key
    /// whose embedded public key does not match its secret is refused.
    ///
    /// # Errors
    /// [`Error::Key`].
    pub fn signing_key_from_pem(text: &str) -> Result<SigningKey> {
        if text.contains("BEGIN ENCRYPTED PRIVATE KEY") {
            return Err(Error::Key(KeyProblem::EncryptedPrivateKey));
        }
        // The PKCS#8 decoder's own finding (an ASN.1 or PEM detail) tells a person
        // nothing to do but give the right file.
        SigningKey::from_pkcs8_pem(text.trim()).map_err(|_| Error::Key(KeyProblem::NotAPrivateKey))
    }

    /// Writes a private key as PKCS#8 v1 PEM (`BEGIN PRIVATE KEY`, no embedded public
    /// key): the form OpenSSL 3.0 and Python's `cryptography` read.
    pub fn signing_key_to_pem(key: &SigningKey) -> Zeroizing<String> {
        let bytes = KeypairBytes {
            secret_key: key.to_bytes(),
            public_key: None,
        };
        // A 32-byte seed always encodes; the KeypairBytes copy is wiped on drop.
        bytes.to_pkcs8_pem(LineEnding::LF).unwrap_or_default()
    }
}

#[cfg(feature = "signing")]
pub use signing::{signing_key_from_pem, signing_key_to_pem};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_id_text_round_trip_and_strictness() {
        let id: KeyId = "0123456789abcdef".parse().unwrap();
        assert_eq!(id.to_string(), "0123456789abcdef");
        assert!("0123456789ABCDEF".parse::<KeyId>().is_err());
        assert!("0123456789abcde".parse::<KeyId>().is_err());
        assert!("0123456789abcdeg".parse::<KeyId>().is_err());
    }

    #[test]
    fn weak_key_refused() {
        // The identity point: small order, every signature would hold under it.
        let mut bytes = [0u8; 32];
        bytes[0] = 1;
        let weak = VerifyingKey::from_bytes(&bytes).unwrap();
        assert!(matches!(
            Keyring::new().add(weak),
            Err(Error::WeakKey { .. })
        ));
        let pem = verifying_key_to_pem(&weak);
        assert!(matches!(
            Keyring::from_pem(&pem),
            Err(Error::WeakKey { .. })
        ));
    }
}
