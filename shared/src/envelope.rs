//! The signed envelope inside the armor (FORMAT.md §3).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::constants::{ALG_ED25519, FORMAT_V1};
use crate::{json, Error, KeyId, Result};

/// A decoded envelope: which key signed which payload bytes, and the signature.
///
/// `format` and `alg` have been checked when a value of this type exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The signing key's id.
    pub kid: KeyId,
    /// The payload bytes exactly as signed.
    pub payload: Vec<u8>,
    /// The 64-byte Ed25519 signature.
    pub sig: [u8; 64],
}

/// The envelope as JSON. Members borrow from the input when they hold no escapes, which
/// base64 and well-formed ids never do: this runs on every verification.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Wire<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    #[serde(borrow)]
    alg: Cow<'a, str>,
    #[serde(borrow)]
    kid: Cow<'a, str>,
    #[serde(borrow)]
    payload: Cow<'a, str>,
    #[serde(borrow)]
    sig: Cow<'a, str>,
}

#[derive(Deserialize)]
struct FormatOnly {
    format: Option<serde_json::Value>,
}

impl Envelope {
    /// Parses envelope bytes in the order of FORMAT.md §5: shape, `format`, `alg`, `kid`.
    ///
    /// # Errors
    /// [`Error::Envelope`], [`Error::UnsupportedFormat`], [`Error::UnsupportedAlgorithm`]
    /// or [`Error::MalformedKeyId`].
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let wire: Wire = json::from_slice(bytes).map_err(|e| {
            // A newer format may have other members; name the version, not the member.
            match serde_json::from_slice::<FormatOnly>(bytes) {
                Ok(FormatOnly { format: Some(f) }) if f != FORMAT_V1 => Error::UnsupportedFormat {
                    found: f.as_str().map_or_else(|| f.to_string(), str::to_owned),
                },
                _ => Error::Envelope(e),
            }
        })?;
        if wire.format != FORMAT_V1 {
            return Err(Error::UnsupportedFormat {
                found: wire.format.into_owned(),
            });
        }
        if wire.alg != ALG_ED25519 {
            return Err(Error::UnsupportedAlgorithm {
                found: wire.alg.into_owned(),
            });
        }
        let kid: KeyId = wire.kid.parse()?;
        let payload = decode_member("payload", &wire.payload)?;
        let sig = decode_member("sig", &wire.sig)?;
        let sig: [u8; 64] = sig.try_into().map_err(|v: Vec<u8>| {
            Error::Envelope(format!(
                "sig is {} bytes, an Ed25519 signature is 64",
                v.len()
            ))
        })?;
        Ok(Envelope { kid, payload, sig })
    }

    /// Serializes the envelope as compact JSON, members in the order of FORMAT.md §3.
    pub fn to_bytes(&self) -> Vec<u8> {
        let wire = Wire {
            format: FORMAT_V1.into(),
            alg: ALG_ED25519.into(),
            kid: self.kid.to_string().into(),
            payload: STANDARD.encode(&self.payload).into(),
            sig: STANDARD.encode(self.sig).into(),
        };
        // Serializing a struct of strings cannot fail.
        serde_json::to_vec(&wire).unwrap_or_default()
    }
}

fn decode_member(name: &str, text: &str) -> Result<Vec<u8>> {
    STANDARD
        .decode(text)
        .map_err(|e| Error::Envelope(format!("{name} is not standard base64 ({e})")))
}
