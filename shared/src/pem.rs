//! Public keys in PEM and keyrings (FORMAT.md §9.2, §9.3), read without a PEM or ASN.1
//! library: an Ed25519 SubjectPublicKeyInfo is always the same 44 bytes but for the key,
//! so its exact bytes are compared rather than parsed, and a verifier needs no pkcs8 code.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use crate::KeyProblem;

/// The 12 bytes before the key in every Ed25519 SubjectPublicKeyInfo: `SEQUENCE {
/// SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) }` (FORMAT.md §9.2).
pub(crate) const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];
const BEGIN: &str = "-----BEGIN PUBLIC KEY-----";
const END: &str = "-----END PUBLIC KEY-----";
/// RFC 7468 lines: every body line but the last has exactly this many characters.
const LINE_WIDTH: usize = 64;

/// The raw 32-byte keys of every `PUBLIC KEY` block in `text`, in order (FORMAT.md §9.3).
/// Text outside the blocks is ignored, except a marker line of any other block: a
/// private key or a certificate in a keyring is a mistake to report, not to skip. Text
/// with no PUBLIC KEY block at all gives no keys, for the caller to say that it is not a
/// keyring (a license file given for a keyring is that, not a foreign block).
pub(crate) fn public_keys(text: &str) -> Result<Vec<[u8; 32]>, KeyProblem> {
    let mut keys = Vec::new();
    let mut foreign = None;
    let mut block: Option<Vec<&str>> = None;
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.trim_matches(|c: char| c.is_ascii_whitespace());
        let marker = line.starts_with("-----BEGIN ") || line.starts_with("-----END ");
        match block.as_mut() {
            None if line == BEGIN => block = Some(Vec::new()),
            None if marker => {
                foreign.get_or_insert_with(|| foreign_marker(n + 1, line));
            }
            None => {}
            Some(body) if line == END => {
                keys.push(decode(body, n + 1)?);
                block = None;
            }
            Some(_) if marker => {
                return Err(KeyProblem::MarkerInBlock {
                    line: n + 1,
                    marker: line.to_owned(),
                })
            }
            Some(body) => body.push(line),
        }
    }
    if block.is_some() {
        return Err(KeyProblem::Unterminated);
    }
    match foreign {
        Some(err) if !keys.is_empty() => Err(err),
        _ => Ok(keys),
    }
}

fn foreign_marker(line: usize, marker: &str) -> KeyProblem {
    let marker = marker.to_owned();
    if marker.contains("PRIVATE KEY") {
        return KeyProblem::PrivateKeyInKeyring { line, marker };
    }
    KeyProblem::ForeignBlock { line, marker }
}

/// One block's body lines (trimmed) to the raw key: RFC 7468 wrapping, strict base64,
/// then the exact 44 bytes of an Ed25519 SubjectPublicKeyInfo. `line` is the number of
/// the block's END line, for the error.
fn decode(lines: &[&str], line: usize) -> Result<[u8; 32], KeyProblem> {
    let wrapped = lines.split_last().is_some_and(|(last, full)| {
        (1..=LINE_WIDTH).contains(&last.len()) && full.iter().all(|l| l.len() == LINE_WIDTH)
    });
    if !wrapped {
        return Err(KeyProblem::Wrapping {
            line,
            width: LINE_WIDTH,
        });
    }
    let der = STANDARD
        .decode(lines.concat())
        .map_err(|_| KeyProblem::NotBase64 { line })?;
    match der.strip_prefix(&SPKI_PREFIX[..]) {
        Some(key) => key.try_into().map_err(|_| KeyProblem::KeyLength { line }),
        None => Err(KeyProblem::NotEd25519 { line }),
    }
}

/// The PEM text of a raw public key: one block, one body line, LF endings.
pub(crate) fn to_pem(key: &[u8; 32]) -> String {
    let mut der = SPKI_PREFIX.to_vec();
    der.extend_from_slice(key);
    format!("{BEGIN}\n{}\n{END}\n", STANDARD.encode(der))
}

#[cfg(test)]
mod tests {
    use super::*;

    const VENDOR: &str = include_str!("../../keys-example/vendor.pub");

    #[test]
    fn writes_what_openssl_writes() {
        let keys = public_keys(VENDOR).unwrap();
        assert_eq!(to_pem(&keys[0]), VENDOR);
    }

    #[test]
    fn wrapping_and_foreign_blocks() {
        let body = VENDOR.lines().nth(1).unwrap();
        let rewrapped = format!("{BEGIN}\n{}\n{}\n{END}\n", &body[..30], &body[30..]);
        assert!(matches!(
            public_keys(&rewrapped),
            Err(KeyProblem::Wrapping { width: 64, .. })
        ));
        let blank = format!("{BEGIN}\n\n{body}\n{END}\n");
        assert!(public_keys(&blank).is_err());
        let private = format!("{VENDOR}-----BEGIN PRIVATE KEY-----\n");
        assert!(matches!(
            public_keys(&private),
            Err(KeyProblem::PrivateKeyInKeyring { .. })
        ));
        let stray_end = format!("{END}\n{VENDOR}");
        assert!(public_keys(&stray_end).is_err());
        let license = "-----BEGIN LICENSE FILE-----\nAA==\n-----END LICENSE FILE-----\n";
        assert!(public_keys(license).unwrap().is_empty());
        let crlf = format!("# comment\r\n\r\n  {}", VENDOR.replace('\n', "\r\n"));
        assert_eq!(public_keys(&crlf).unwrap().len(), 1);
    }
}
