//! `clock-reset`: an installation's clock-reset request into one signed, recorded
//! clock-reset file.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use license_format::time::format_rfc3339;
use license_issuer::{check_replace, read_clock_reset_request, IssuedReset, Ledger, Result};
use serde_json::json;

use super::args::ClockResetArgs;

pub fn clock_reset(args: &ClockResetArgs) -> Result<ExitCode> {
    let now = Utc::now();
    let out = args.out.as_deref().filter(|p| p.as_os_str() != "-");
    if let Some(out) = out {
        check_replace(out, args.force)?;
    }
    // The request is checked before the key is loaded: a wrong file never asks for a
    // passphrase.
    let request = read_clock_reset_request(&args.request)?;
    let issuer = super::keys::load_issuer(&args.signing)?;
    let mut ledger = Ledger::open(&args.signing.ledger)?;
    let issued = issuer.clock_reset(&mut ledger, &request, now, out)?;
    if args.json {
        super::print_json(&to_json(&issued, out))?;
    } else if let Some(out) = out {
        super::emit(&summary(&issued, &request.hostname, out, &ledger))?;
    } else {
        super::emit(&issued.text)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn summary(issued: &IssuedReset, hostname: &str, out: &Path, ledger: &Ledger) -> String {
    let r = &issued.reset;
    let again = if issued.resent {
        " (issued before for this request: the same file again)"
    } else {
        ""
    };
    format!(
        "clock reset for installation {} ({hostname}): its clock mark becomes {}{again}\n\
         written to {}; recorded in {}\nimport it on the installation: license-verifier import {}\n",
        r.installation_id,
        format_rfc3339(&r.issued_at),
        out.display(),
        ledger.path().display(),
        out.display()
    )
}

fn to_json(issued: &IssuedReset, out: Option<&Path>) -> serde_json::Value {
    let r = &issued.reset;
    let mut value = json!({
        "installation_id": r.installation_id,
        "nonce": r.nonce,
        "issued_at": format_rfc3339(&r.issued_at),
        "request_mark": r.request_mark.as_ref().map(format_rfc3339),
        "request_clock": format_rfc3339(&r.request_clock),
        "key_id": issued.kid.to_string(),
        "resent": issued.resent,
        "out": out,
    });
    if out.is_none() {
        value["clock_reset_file"] = issued.text.clone().into();
    }
    value
}
