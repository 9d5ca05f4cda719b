//! `keygen`, and loading the signing key for `issue`, `batch` and `clock-reset`.

use std::process::ExitCode;

use license_issuer::keyfile::{self, GeneratedKey};
use license_issuer::{Error, Issuer, Result, SigningCertificate};
use serde_json::json;

use super::args::{KeygenArgs, Signing};
use super::i18n::{s, t, yes_no};
use super::issue::Warnings;
use super::report::Warning;

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
        super::emit(&text(&made))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn text(made: &GeneratedKey) -> String {
    let kid = made.kid.to_string();
    let key = made.key_path.display().to_string();
    let public = made.pub_path.display().to_string();
    [
        t("keygen-key-id", &[("kid", s(&kid))]),
        t(
            "keygen-private-key",
            &[("encrypted", yes_no(made.encrypted)), ("path", s(&key))],
        ),
        t("keygen-public-key", &[("path", s(&public))]),
    ]
    .map(|line| line + "\n")
    .concat()
}

fn to_json(made: &GeneratedKey) -> serde_json::Value {
    json!({
        "key_id": made.kid.to_string(),
        "private_key": made.key_path,
        "public_key": made.pub_path,
        "encrypted": made.encrypted,
    })
}

/// The issuer for `issue`, `batch` and `clock-reset`, and the warnings it gives (as JSON,
/// for a command's `warnings` member). The name is checked before the key is read, so a
/// missing name never costs a passphrase prompt. Signing with a published example key
/// is allowed, with a warning on stderr.
pub fn load_issuer(signing: &Signing) -> Result<(Issuer, Warnings)> {
    let name = issuer_name(signing)?;
    // The certificate before the key: a wrong file never costs a passphrase prompt.
    let certificate = signing
        .cert
        .as_deref()
        .map(|path| {
            let roots = signing
                .root_pub
                .as_ref()
                .map(|p| keyfile::read_keyring(std::slice::from_ref(p)))
                .transpose()?;
            SigningCertificate::read(path, roots)
        })
        .transpose()?;
    let key = keyfile::load_signing_key(&signing.key, || super::passphrase(false))?;
    let mut issuer = Issuer::new(key, name)?;
    if let Some(certificate) = certificate {
        issuer = issuer.with_certificate(certificate)?;
    }
    let warnings = example_key_warning(&issuer);
    Ok((issuer, warnings))
}

/// A warning, printed and as JSON, when the issuer signs with a published example key.
pub fn example_key_warning(issuer: &Issuer) -> Warnings {
    let mut warnings = Vec::new();
    if issuer.uses_example_key() {
        let warning = Warning::ExampleKey(issuer.key_id());
        warning.print();
        warnings.push(warning.to_json());
    }
    warnings
}

/// The vendor's display name from `--issuer` or LICENSE_ISSUER_NAME.
pub fn issuer_name(signing: &Signing) -> Result<&str> {
    name_of(signing.vendor.issuer.as_deref())
}

/// The vendor's display name as given, if it is one.
pub fn name_of(issuer: Option<&str>) -> Result<&str> {
    issuer
        .filter(|n| !n.trim().is_empty())
        .ok_or(Error::MissingIssuerName)
}
