//! `issue`: one order into one signed, recorded license file.

use std::process::ExitCode;

use chrono::Utc;
use license_issuer::{check_replace, read_bound_order, Ledger, Result};
use serde_json::json;

use super::args::IssueArgs;

pub fn issue(args: &IssueArgs) -> Result<ExitCode> {
    let now = Utc::now();
    if let Some(out) = &args.out {
        check_replace(out, args.force)?;
    }
    // The order is checked before the key is loaded: a typo never asks for a passphrase.
    let bound = read_bound_order(&args.order, args.request.as_deref(), args.unbound, now)?;
    let issuer = super::keys::load_issuer(&args.signing)?;
    let mut ledger = Ledger::open(&args.signing.ledger)?;
    let issued = issuer.issue(&mut ledger, &bound, now, args.out.as_deref())?;
    let p = &issued.payload;
    if let Some(warning) = license_issuer::term_warning(p, now) {
        eprintln!("license-issuer: warning: {warning}");
    }
    if args.json {
        let mut value = json!({
            "license_id": p.license_id,
            "serial": p.serial,
            "customer_id": p.customer.id,
            "installation_id": p.installation_id,
            "key_id": issued.kid.to_string(),
            "sha256": issued.sha256,
            "out": args.out,
        });
        if args.out.is_none() {
            value["license_file"] = issued.text.clone().into();
        }
        super::print_json(&value)?;
    } else if let Some(out) = &args.out {
        let bound_to = p
            .installation_id
            .as_deref()
            .unwrap_or("any installation (unbound)");
        super::emit(&format!(
            "issued {} (serial {}) for {} ({}), bound to {bound_to}\nwritten to {}; recorded in {}\n",
            p.license_id,
            p.serial,
            p.customer.name,
            p.customer.id,
            out.display(),
            ledger.path().display()
        ))?;
    } else {
        super::emit(&issued.text)?;
    }
    Ok(ExitCode::SUCCESS)
}
