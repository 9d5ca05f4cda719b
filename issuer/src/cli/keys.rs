//! `keygen`, and loading the signing key for `issue`, `batch` and `clock-reset`.

use std::process::ExitCode;

use license_issuer::keyfile::{self, GeneratedKey};
use license_issuer::{Error, Issuer, Result};
use serde_json::json;

use super::args::{KeygenArgs, Signing};

pub fn keygen(args: &KeygenArgs) -> Result<ExitCode> {
    let passphrase = if args.encrypt {
        Some(super::passphrase(true)?)
    } else {
        None
    };
    let made = keyfile::generate(
        &args.out_dir,
        &args.name,
        passphrase.as_deref().map(String::as_str),
        args.force,
    )?;
    if args.json {
        super::print_json(&to_json(&made))?;
    } else {
        let kind = if made.encrypted {
            "encrypted private key"
        } else {
            "private key"
        };
        super::emit(&format!(
            "key id: {}\n{kind}: {} (mode 0600; keep it secret)\npublic key: {} (give it to installations to trust)\n",
            made.kid,
            made.key_path.display(),
            made.pub_path.display()
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json(made: &GeneratedKey) -> serde_json::Value {
    json!({
        "key_id": made.kid.to_string(),
        "private_key": made.key_path,
        "public_key": made.pub_path,
        "encrypted": made.encrypted,
    })
}

/// The issuer for `issue`, `batch` and `clock-reset`. The name is checked before the
/// key is read, so a missing name never costs a passphrase prompt. Signing with a
/// published example key is allowed, with a warning on stderr.
pub fn load_issuer(signing: &Signing) -> Result<Issuer> {
    let name = issuer_name(signing)?;
    let key = keyfile::load_signing_key(&signing.key, || super::passphrase(false))?;
    let issuer = Issuer::new(key, name)?;
    if let Some(warning) = issuer.example_key_warning() {
        eprintln!("license-issuer: warning: {warning}");
    }
    Ok(issuer)
}

/// The vendor's display name from `--issuer` or LICENSE_ISSUER_NAME.
pub fn issuer_name(signing: &Signing) -> Result<&str> {
    signing
        .issuer
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .ok_or(Error::MissingIssuerName)
}
