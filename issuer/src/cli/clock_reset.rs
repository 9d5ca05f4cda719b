//! `clock-reset`: an installation's clock-reset request into one signed, recorded
//! clock-reset file.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use license_format::time::format_rfc3339;
use license_issuer::{check_replace, read_clock_reset_request, IssuedReset, Ledger, Result};
use serde_json::json;

use super::args::ClockResetArgs;
use super::i18n::{s, t, yes_no};

pub fn clock_reset(args: &ClockResetArgs) -> Result<ExitCode> {
    let now = Utc::now();
    let out = args.out.as_deref().filter(|p| p.as_os_str() != "-");
    if let Some(out) = out {
        check_replace(out, args.force)?;
    }
    // The request is checked before the key is loaded: a wrong file never asks for a
    // passphrase.
    let request = read_clock_reset_request(&args.request)?;
    let (issuer, warnings) = super::keys::load_issuer(&args.signing)?;
    let mut ledger = Ledger::open(&args.signing.vendor.ledger)?;
    let issued = issuer.clock_reset(&mut ledger, &request, now, out)?;
    if args.json {
        let mut value = to_json(&issued, out);
        value["warnings"] = warnings.into();
        super::print_json(&value)?;
    } else if let Some(out) = out {
        super::emit(&summary(&issued, &request.hostname, out, &ledger))?;
    } else {
        super::emit(&issued.text)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn summary(issued: &IssuedReset, hostname: &str, out: &Path, ledger: &Ledger) -> String {
    let r = &issued.reset;
    let mark = format_rfc3339(&r.issued_at);
    let path = out.display().to_string();
    let lines = [
        t(
            "clock-reset-summary",
            &[
                ("installation_id", s(&r.installation_id)),
                ("hostname", s(hostname)),
                ("mark", s(&mark)),
                ("resent", yes_no(issued.resent)),
            ],
        ),
        super::written(out, ledger.path()),
        t("clock-reset-import", &[("path", s(&path))]),
    ];
    lines.map(|line| line + "\n").concat()
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
