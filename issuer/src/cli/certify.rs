//! `certify`: a root key signs a key certificate for an issuing key.

use std::process::ExitCode;

use chrono::Utc;
use license_format::time::format_rfc3339;
use license_issuer::certify::{parse_usage, CertifyRequest, IssuedCertificate};
use license_issuer::dates::{parse_edge, Edge};
use license_issuer::keyfile::{load_signing_key, read_public_key};
use license_issuer::{Error, Issuer, Ledger, Result};
use serde_json::{json, Value};

use super::args::CertifyArgs;
use super::i18n::{s, t};

pub fn certify(args: &CertifyArgs) -> Result<ExitCode> {
    let now = Utc::now();
    // Everything given is checked before the root's key is read: a typo never costs a
    // passphrase.
    let name = super::keys::name_of(args.vendor.issuer.as_deref())?;
    let request = request(args)?;
    let out = super::destination(args.out.as_deref());
    let root = load_signing_key(&args.root, || super::passphrase(false))?;
    let issuer = Issuer::new(root, name)?;
    let warnings = super::keys::example_key_warning(&issuer);
    let mut ledger = Ledger::open(&args.vendor.ledger)?;
    let issued = issuer.certify(&mut ledger, &request, now, out, args.force)?;
    if args.json {
        let mut value = to_json(&issued);
        value["warnings"] = warnings.into();
        super::print_json(&value)?;
    } else if issued.out.is_none() {
        super::emit(&issued.text)?;
    } else {
        super::emit(&summary(&issued, &ledger))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn request(args: &CertifyArgs) -> Result<CertifyRequest> {
    let date = |option: &'static str, text: &str, edge| {
        parse_edge(text, edge).map_err(|problem| Error::Date {
            option,
            problem: Box::new(problem),
        })
    };
    let valid_until = date("--valid-until", &args.valid_until, Edge::End)?;
    let valid_from = args
        .valid_from
        .as_deref()
        .map(|text| date("--valid-from", text, Edge::Start))
        .transpose()?;
    let usage = parse_usage(&args.usage)?;
    let key = read_public_key(&args.key)?;
    Ok(CertifyRequest {
        key,
        valid_from,
        valid_until,
        usage,
    })
}

fn summary(issued: &IssuedCertificate, ledger: &Ledger) -> String {
    let c = &issued.certificate;
    let out = issued.out.as_deref().unwrap_or(std::path::Path::new(""));
    let path = out.display().to_string();
    let lines = [
        t(
            "certify-summary",
            &[
                ("kid", s(&c.kid)),
                ("root", s(issued.root.to_string())),
                ("product", s(&c.product)),
                ("usage", s(c.usage.join(", "))),
                ("valid_from", s(format_rfc3339(&c.valid_from))),
                ("valid_until", s(format_rfc3339(&c.valid_until))),
            ],
        ),
        super::written(out, ledger.path()),
        t("certify-use", &[("path", s(&path))]),
    ];
    lines.map(|line| line + "\n").concat()
}

fn to_json(issued: &IssuedCertificate) -> Value {
    let c = &issued.certificate;
    let mut value = json!({
        "kid": c.kid,
        "root_kid": issued.root.to_string(),
        "product": c.product,
        "usage": c.usage,
        "valid_from": format_rfc3339(&c.valid_from),
        "valid_until": format_rfc3339(&c.valid_until),
        "issued_at": format_rfc3339(&c.issued_at),
        "sha256": issued.sha256,
        "out": issued.out,
    });
    if issued.out.is_none() {
        value["certificate"] = issued.text.clone().into();
    }
    value
}
