//! `revoke`: the next cumulative revocation list, signed and recorded.

use std::process::ExitCode;

use chrono::Utc;
use license_format::time::format_rfc3339;
use license_issuer::ledger::RevocationRecord;
use license_issuer::revoke::{IssuedList, RevokeRequest};
use license_issuer::{Ledger, Result};
use serde_json::{json, Value};

use super::args::RevokeArgs;
use super::i18n::{count, n, phrase, s, t};
use super::issue::Warnings;

pub fn revoke(args: &RevokeArgs) -> Result<ExitCode> {
    let now = Utc::now();
    let request = RevokeRequest {
        licenses: args.licenses.clone(),
        keys: args.key_ids.clone(),
        reason: args.reason.clone(),
    };
    let out = super::destination(args.out.as_deref());
    let (issuer, warnings) = super::keys::load_issuer(&args.signing)?;
    let mut ledger = Ledger::open(&args.signing.vendor.ledger)?;
    let issued = issuer.revoke(&mut ledger, &request, now, out, args.force)?;
    for first in &issued.already {
        let note = t("revoke-already", &revocation_args(first));
        eprintln!("{}", t("line-note", &[("text", phrase(note))]));
    }
    if args.json {
        super::print_json(&to_json(&issued, warnings))?;
    } else if issued.out.is_none() {
        super::emit(&issued.text)?;
    } else {
        super::emit(&summary(&issued, &ledger))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A revocation's data as a message's arguments.
pub fn revocation_args(r: &RevocationRecord) -> Vec<(&'static str, license_i18n::FluentValue<'_>)> {
    vec![
        ("kind", s(r.kind.code())),
        ("id", s(&r.id)),
        ("revoked_at", s(&r.revoked_at)),
        ("serial", n(r.serial as f64)),
        ("reason", s(r.reason.as_deref().unwrap_or("-"))),
        (
            "has_reason",
            s(if r.reason.is_some() { "yes" } else { "no" }),
        ),
    ]
}

fn summary(issued: &IssuedList, ledger: &Ledger) -> String {
    let l = &issued.list;
    let out = issued.out.as_deref().unwrap_or(std::path::Path::new(""));
    let path = out.display().to_string();
    let added: Vec<String> = issued.added.iter().map(|r| r.id.clone()).collect();
    let mut lines = vec![t(
        "revoke-summary",
        &[
            ("serial", n(l.serial as f64)),
            ("licenses", count(l.licenses.len() as u64)),
            ("keys", count(l.keys.len() as u64)),
            ("added", count(added.len() as u64)),
            ("ids", s(added.join(", "))),
        ],
    )];
    lines.push(super::written(out, ledger.path()));
    lines.push(t("revoke-import", &[("path", s(&path))]));
    lines.into_iter().map(|line| line + "\n").collect()
}

fn to_json(issued: &IssuedList, warnings: Warnings) -> Value {
    let l = &issued.list;
    let mut value = json!({
        "serial": l.serial,
        "key_id": issued.kid.to_string(),
        "issued_at": format_rfc3339(&l.issued_at),
        "sha256": issued.sha256,
        "licenses": l.licenses.len(),
        "keys": l.keys.len(),
        "added": issued.added,
        "already_revoked": issued.already,
        "out": issued.out,
        "warnings": warnings,
    });
    if issued.out.is_none() {
        value["revocation_list"] = issued.text.clone().into();
    }
    value
}
