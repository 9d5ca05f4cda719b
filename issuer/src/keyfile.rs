//! The vendor's key files: writing a new pair, reading the private key back (plain or
//! encrypted PKCS#8), reading public keys to trust.
//!
//! Encrypted keys use PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, the scheme
//! `openssl pkey` reads and writes by default.

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use ed25519_dalek::pkcs8::{DecodePrivateKey as _, EncodePrivateKey as _, KeypairBytes};
use license_format::constants::MAX_KEY_FILE_BYTES;
use license_format::{signing_key_from_pem, signing_key_to_pem, verifying_key_to_pem};
use license_format::{verifying_key_from_pem, VerifyingKey};
use license_format::{KeyId, Keyring, SigningKey};
use pkcs8::der::pem::LineEnding;
use pkcs8::der::SecretDocument;
use pkcs8::pkcs5::pbes2;
use pkcs8::{EncryptedPrivateKeyInfo, PrivateKeyInfo};
use rand_core::{OsRng, RngCore as _};
use zeroize::Zeroizing;

use crate::input::read_limited;
use crate::{Error, KeyFileProblem, PassphraseProblem, Result};

/// PBKDF2 rounds for an encrypted key: the OWASP 2023 figure for PBKDF2-HMAC-SHA256.
/// It costs about a quarter of a second per load, once per command.
pub const PBKDF2_ITERATIONS: u32 = 600_000;

const ENCRYPTED_LABEL: &str = "ENCRYPTED PRIVATE KEY";

/// The armor line of a public key file, as keygen writes `NAME.pub`.
const PUBLIC_LABEL: &str = "-----BEGIN PUBLIC KEY-----";

/// The files `keygen` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedKey {
    /// The private key file, mode 0600.
    pub key_path: PathBuf,
    /// The public key file.
    pub pub_path: PathBuf,
    /// The new key's id.
    pub kid: KeyId,
    /// Whether the private key is encrypted.
    pub encrypted: bool,
}

/// A new signing key from the operating system's random source. Here, not in
/// `license-format`: the format crate reads no random source.
pub fn generate_signing_key() -> SigningKey {
    SigningKey::generate(&mut rand_core::OsRng)
}

/// Makes a new signing key and writes `NAME.key` (PKCS#8 PEM, mode 0600, encrypted when
/// a passphrase is given) and `NAME.pub` (SPKI PEM) into `dir`.
///
/// # Errors
/// [`Error::Exists`] when either file exists and `force` is false (nothing is written
/// then), [`Error::Passphrase`] for an empty passphrase, [`Error::Io`].
pub fn generate(
    dir: &Path,
    name: &str,
    passphrase: Option<&str>,
    force: bool,
) -> Result<GeneratedKey> {
    check_name(name)?;
    create_private_dir(dir)?;
    let key_path = dir.join(format!("{name}.key"));
    let pub_path = dir.join(format!("{name}.pub"));
    for path in [&key_path, &pub_path] {
        if !force && fs::symlink_metadata(path).is_ok() {
            return Err(Error::Exists { path: path.clone() });
        }
    }
    let key = generate_signing_key();
    let pem = match passphrase {
        Some(p) => encrypt_pem(&key, p)?,
        None => signing_key_to_pem(&key),
    };
    write_new(&key_path, pem.as_bytes(), 0o600, force)?;
    write_new(
        &pub_path,
        verifying_key_to_pem(&key.verifying_key()).as_bytes(),
        0o644,
        force,
    )?;
    Ok(GeneratedKey {
        key_path,
        pub_path,
        kid: KeyId::of(&key.verifying_key()),
        encrypted: passphrase.is_some(),
    })
}

/// Creates a missing key directory readable by its owner only.
fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(Error::io(dir))
}

fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && !name.starts_with('.');
    if ok {
        return Ok(());
    }
    Err(Error::KeyName {
        name: name.to_owned(),
    })
}

/// Encrypts a key as `BEGIN ENCRYPTED PRIVATE KEY` PEM with a fresh salt and IV.
///
/// # Errors
/// [`Error::Passphrase`] for an empty passphrase.
pub fn encrypt_pem(key: &SigningKey, passphrase: &str) -> Result<Zeroizing<String>> {
    if passphrase.is_empty() {
        return Err(Error::Passphrase(PassphraseProblem::Empty));
    }
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    OsRng.fill_bytes(&mut salt);
    OsRng.fill_bytes(&mut iv);
    let encoding =
        |e: pkcs8::Error| Error::Passphrase(PassphraseProblem::CannotEncrypt(e.to_string()));
    let plain = KeypairBytes {
        secret_key: key.to_bytes(),
        public_key: None,
    }
    .to_pkcs8_der()
    .map_err(encoding)?;
    let info = PrivateKeyInfo::try_from(plain.as_bytes()).map_err(encoding)?;
    let params = pbes2::Parameters::pbkdf2_sha256_aes256cbc(PBKDF2_ITERATIONS, &salt, &iv)
        .map_err(|e| encoding(e.into()))?;
    let encrypted = info
        .encrypt_with_params(params, passphrase.as_bytes())
        .map_err(encoding)?;
    encrypted
        .to_pem(ENCRYPTED_LABEL, LineEnding::LF)
        .map_err(|e| encoding(e.into()))
}

/// Writes a new file with `mode`; with `replace`, an existing file is removed first so
/// that the new one is still created fresh with the right mode.
fn write_new(path: &Path, bytes: &[u8], mode: u32, replace: bool) -> Result<()> {
    if replace {
        match fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::io(path)(e)),
            _ => {}
        }
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::Exists {
            path: path.to_owned(),
        },
        _ => Error::io(path)(e),
    })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(Error::io(path))
}

/// Whether a private key file is encrypted; decides if a passphrase must be asked for.
///
/// # Errors
/// As [`load_signing_key`] for reading the file.
pub fn is_encrypted(path: &Path) -> Result<bool> {
    Ok(read_private(path)?.contains(ENCRYPTED_LABEL))
}

/// Reads a private key, refusing a file that group or others may access. An encrypted
/// key is decrypted with the passphrase from `passphrase`, which is only called then.
///
/// # Errors
/// [`Error::KeyPermissions`], [`Error::WrongPassphrase`], [`Error::KeyFile`] for text
/// that is not a key, [`Error::Io`], or the passphrase source's error.
pub fn load_signing_key(
    path: &Path,
    passphrase: impl FnOnce() -> Result<Zeroizing<String>>,
) -> Result<SigningKey> {
    let text = read_private(path)?;
    if !text.contains(ENCRYPTED_LABEL) {
        return signing_key_from_pem(&text)
            .map_err(|cause| key_problem(path, KeyFileProblem::NotAPrivateKey { cause }));
    }
    let (label, doc) = SecretDocument::from_pem(text.trim()).map_err(|e| {
        let detail = e.to_string();
        key_problem(path, KeyFileProblem::DamagedPem { detail })
    })?;
    if label != ENCRYPTED_LABEL {
        let label = label.to_owned();
        return Err(key_problem(path, KeyFileProblem::WrongLabel { label }));
    }
    let info = EncryptedPrivateKeyInfo::try_from(doc.as_bytes()).map_err(|e| {
        let detail = e.to_string();
        key_problem(path, KeyFileProblem::DamagedKey { detail })
    })?;
    let passphrase = passphrase()?;
    // A wrong passphrase shows either as bad padding or, rarely, as garbage that pads
    // correctly but is no key: both mean the same thing to the user.
    let plain = info
        .decrypt(passphrase.as_bytes())
        .map_err(|_| Error::WrongPassphrase {
            path: path.to_owned(),
        })?;
    SigningKey::from_pkcs8_der(plain.as_bytes()).map_err(|_| Error::WrongPassphrase {
        path: path.to_owned(),
    })
}

fn key_problem(path: &Path, problem: KeyFileProblem) -> Error {
    Error::KeyFile {
        path: path.to_owned(),
        problem,
    }
}

fn read_private(path: &Path) -> Result<Zeroizing<String>> {
    // Content before permissions: a public key given as --key is a mix-up to name as
    // such, and its usual mode 0644 would otherwise earn a misleading `chmod 600`.
    let bytes = Zeroizing::new(read_limited(path, "key file", MAX_KEY_FILE_BYTES)?);
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| key_problem(path, KeyFileProblem::PrivateNotText))?;
    if text.contains(PUBLIC_LABEL) && !text.contains("PRIVATE KEY-----") {
        return Err(key_problem(path, KeyFileProblem::PublicKeyGiven));
    }
    let meta = fs::metadata(path).map_err(Error::io(path))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(Error::KeyPermissions {
                path: path.to_owned(),
                mode,
            });
        }
    }
    #[cfg(not(unix))]
    drop(meta);
    Ok(Zeroizing::new(text.to_owned()))
}

/// Reads the one public key of a file, e.g. the issuing key a root certifies.
///
/// # Errors
/// As [`read_keyring`]; [`Error::KeyFile`] also for a file of several keys.
pub fn read_public_key(path: &Path) -> Result<VerifyingKey> {
    let bytes = read_limited(path, "key file", MAX_KEY_FILE_BYTES)?;
    let text =
        String::from_utf8(bytes).map_err(|_| key_problem(path, KeyFileProblem::PublicNotText))?;
    verifying_key_from_pem(&text)
        .map_err(|cause| key_problem(path, KeyFileProblem::NotAPublicKey { cause }))
}

/// Reads the public keys of every file into one keyring.
///
/// # Errors
/// [`Error::Io`], [`Error::TooLarge`], or [`Error::KeyFile`] for a file without a valid
/// public key.
pub fn read_keyring(paths: &[PathBuf]) -> Result<Keyring> {
    let mut ring = Keyring::new();
    for path in paths {
        let bytes = read_limited(path, "key file", MAX_KEY_FILE_BYTES)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| key_problem(path, KeyFileProblem::PublicNotText))?;
        ring.add_pem(&text)
            .map_err(|cause| key_problem(path, KeyFileProblem::NotAPublicKey { cause }))?;
    }
    Ok(ring)
}

#[cfg(test)]
#[path = "keyfile_tests.rs"]
mod tests;
