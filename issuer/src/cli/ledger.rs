//! `ledger list` and `ledger show`.

use std::process::ExitCode;

use license_format::time::{last_day, parse_rfc3339};
use license_issuer::{Ledger, LedgerRecord, Result};

use super::args::LedgerCommand;

pub fn ledger(command: &LedgerCommand) -> Result<ExitCode> {
    match command {
        LedgerCommand::List { customer, common } => {
            let records = Ledger::open_existing(&common.ledger)?.list(customer.as_deref())?;
            if common.json {
                super::print_json(&serde_json::json!({ "licenses": records }))?;
            } else if records.is_empty() {
                let whose = customer.as_deref().map(|c| format!(" for customer {c}"));
                let whose = whose.unwrap_or_default();
                super::emit(&format!("no licenses recorded{whose}\n"))?;
            } else {
                super::emit(
                    &records
                        .iter()
                        .map(|r| summary(r) + "\n")
                        .collect::<String>(),
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        LedgerCommand::Show { license_id, common } => {
            let ledger = Ledger::open_existing(&common.ledger)?;
            let Some(record) = ledger.show(license_id)? else {
                let message = format!("no license {license_id} in {}", ledger.path().display());
                eprintln!("license-issuer: {message}");
                eprintln!("hint: `license-issuer ledger list` shows the ids issued");
                if common.json {
                    super::json_error("no-such-license", &message, 1);
                }
                return Ok(super::NO);
            };
            if common.json {
                super::print_json(&record)?;
            } else {
                super::emit(&details(&record))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn bound_to(r: &LedgerRecord) -> &str {
    r.installation_id.as_deref().unwrap_or("unbound")
}

fn summary(r: &LedgerRecord) -> String {
    format!(
        "{}  serial {}  {} ({})  installation {}  issued {}  until {}  key {}",
        r.license_id,
        r.serial,
        r.customer_name,
        r.customer_id,
        bound_to(r),
        r.issued_at,
        until(r),
        r.key_id
    )
}

/// The last day of the recorded term, as the order wrote it (FORMAT.md §7.1).
fn until(r: &LedgerRecord) -> String {
    match r.valid_until.as_deref().map(parse_rfc3339) {
        None => "perpetual".to_owned(),
        Some(Ok(end)) => last_day(&end).to_string(),
        // A ledger row the program did not write: shown as stored.
        Some(Err(_)) => r.valid_until.clone().unwrap_or_default(),
    }
}

fn details(r: &LedgerRecord) -> String {
    format!(
        "license:      {}\nserial:       {}\ncustomer:     {} ({})\ninstallation: {}\nproduct:      {}\n\
         issued at:    {}\nvalid from:   {}\nvalid until:  {}\nkey id:       {}\nsha256:       {}\n\n{}",
        r.license_id,
        r.serial,
        r.customer_name,
        r.customer_id,
        bound_to(r),
        r.product,
        r.issued_at,
        r.valid_from,
        until(r),
        r.key_id,
        r.sha256,
        r.file_text.as_deref().unwrap_or_default()
    )
}
