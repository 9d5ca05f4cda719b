//! `issue`: one order into one signed, recorded license file.

use std::process::ExitCode;

use chrono::Utc;
use license_issuer::{check_replace, read_bound_order, term_warning, Ledger, Result};
use serde_json::{json, Value};

use super::args::IssueArgs;
use super::i18n::{n, s, t};
use super::labels::end_json;
use super::report::Warning;

pub fn issue(args: &IssueArgs) -> Result<ExitCode> {
    let now = Utc::now();
    if let Some(out) = &args.out {
        check_replace(out, args.force)?;
    }
    // The order is checked before the key is loaded: a typo never asks for a passphrase.
    let bound = read_bound_order(&args.order, args.request.as_deref(), args.unbound, now)?;
    let (issuer, mut warnings) = super::keys::load_issuer(&args.signing)?;
    let mut ledger = Ledger::open(&args.signing.ledger)?;
    let issued = issuer.issue(&mut ledger, &bound, now, args.out.as_deref())?;
    let p = &issued.payload;
    let term = term_warning(p, now);
    if let Some(w) = &term {
        let warning = Warning::Term(w);
        warning.print();
        warnings.push(warning.to_json());
    }
    if args.json {
        let (ends_at, last_day) = end_json(p.valid_until.as_ref());
        let mut value = json!({
            "license_id": p.license_id,
            "serial": p.serial,
            "customer_id": p.customer.id,
            "installation_id": p.installation_id,
            "key_id": issued.kid.to_string(),
            "sha256": issued.sha256,
            "ends_at": ends_at,
            "last_day": last_day,
            "out": args.out,
            "warnings": warnings,
        });
        if args.out.is_none() {
            value["license_file"] = issued.text.clone().into();
        }
        super::print_json(&value)?;
    } else if let Some(out) = &args.out {
        let mut words = vec![
            ("license_id", s(&p.license_id)),
            ("serial", n(p.serial as f64)),
            ("customer", s(&p.customer.name)),
            ("customer_id", s(&p.customer.id)),
        ];
        let id = match &p.installation_id {
            Some(installation) => {
                words.push(("installation", s(installation)));
                "issue-summary"
            }
            None => "issue-summary-unbound",
        };
        let path = out.display().to_string();
        let ledger_path = ledger.path().display().to_string();
        let written = t(
            "issue-written",
            &[("path", s(&path)), ("ledger", s(&ledger_path))],
        );
        super::emit(&format!("{}\n{written}\n", t(id, &words)))?;
    } else {
        super::emit(&issued.text)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The warnings of a command as JSON objects, for its `warnings` member.
pub type Warnings = Vec<Value>;
