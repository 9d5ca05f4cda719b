//! `ledger list` and `ledger show`.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use license_format::time::parse_rfc3339;
use license_issuer::ledger::RevocationRecord;
use license_issuer::{Ledger, LedgerRecord, Result};
use serde_json::{json, Value};

use super::args::LedgerCommand;
use super::i18n::{n, s, t};
use super::labels::{block, end_json, last_day_text};

pub fn ledger(command: &LedgerCommand) -> Result<ExitCode> {
    match command {
        LedgerCommand::List { customer, common } => {
            let records = Ledger::open_existing(&common.ledger)?.list(customer.as_deref())?;
            if common.json {
                let licenses: Vec<Value> = records.iter().map(record_json).collect();
                super::print_json(&json!({ "licenses": licenses }))?;
            } else {
                super::emit(&list_text(&records, customer.as_deref()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        LedgerCommand::Show { license_id, common } => {
            let ledger = Ledger::open_existing(&common.ledger)?;
            let Some(record) = ledger.show(license_id)? else {
                let path = ledger.path().display().to_string();
                super::report::report_no_such_license(license_id, &path, common.json);
                return Ok(super::NO);
            };
            let revoked = ledger.license_revocation(license_id)?;
            if common.json {
                let mut value = record_json(&record);
                value["revoked"] = json!(revoked);
                super::print_json(&value)?;
            } else {
                super::emit(&details(&record, revoked.as_ref()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        LedgerCommand::Revocations { common } => {
            super::ledger_trust::revocations(&Ledger::open_existing(&common.ledger)?, common.json)
        }
        LedgerCommand::Certificates { common } => {
            super::ledger_trust::certificates(&Ledger::open_existing(&common.ledger)?, common.json)
        }
    }
}

fn list_text(records: &[LedgerRecord], customer: Option<&str>) -> String {
    if records.is_empty() {
        let line = match customer {
            Some(c) => t("ledger-none-for-customer", &[("customer_id", s(c))]),
            None => t("ledger-none", &[]),
        };
        return line + "\n";
    }
    records.iter().map(|r| row(r) + "\n").collect()
}

fn bound_to(r: &LedgerRecord) -> String {
    r.installation_id
        .clone()
        .unwrap_or_else(|| t("ledger-unbound", &[]))
}

/// The recorded end of the term; `Err` for a ledger row the program did not write.
fn end(r: &LedgerRecord) -> Result<Option<DateTime<Utc>>, ()> {
    r.valid_until
        .as_deref()
        .map(parse_rfc3339)
        .transpose()
        .map_err(|_| ())
}

/// The last day of the recorded term, as the order wrote it (FORMAT.md §7.1).
fn until(r: &LedgerRecord) -> String {
    match end(r) {
        Ok(end) => last_day_text(end.as_ref()),
        // A ledger row the program did not write: shown as stored.
        Err(()) => r.valid_until.clone().unwrap_or_default(),
    }
}

fn row(r: &LedgerRecord) -> String {
    t(
        "ledger-row",
        &[
            ("license_id", s(&r.license_id)),
            ("serial", n(r.serial as f64)),
            ("customer", s(&r.customer_name)),
            ("customer_id", s(&r.customer_id)),
            ("installation", s(bound_to(r))),
            ("issued_at", s(&r.issued_at)),
            ("last_day", s(until(r))),
            ("kid", s(&r.key_id)),
        ],
    )
}

fn details(r: &LedgerRecord, revoked: Option<&RevocationRecord>) -> String {
    let mut rows = vec![
        ("label-license", r.license_id.clone()),
        ("label-serial", r.serial.to_string()),
        (
            "label-customer",
            format!("{} ({})", r.customer_name, r.customer_id),
        ),
        ("label-installation", bound_to(r)),
        ("label-product", r.product.clone()),
        ("label-issued-at", r.issued_at.clone()),
        ("label-valid-from", r.valid_from.clone()),
        ("label-valid-until", until(r)),
        ("label-key-id", r.key_id.clone()),
        ("label-sha256", r.sha256.clone()),
    ];
    if let Some(revoked) = revoked {
        let words = t("ledger-revoked", &super::revoke::revocation_args(revoked));
        rows.push(("label-revoked", words));
    }
    block(&rows) + "\n" + r.file_text.as_deref().unwrap_or_default()
}

/// A record as JSON: its members as stored, and the end of the term as `ends_at` and
/// `last_day` too.
fn record_json(r: &LedgerRecord) -> Value {
    let mut value = json!(r);
    let (ends_at, last_day) = match end(r) {
        Ok(end) => end_json(end.as_ref()),
        Err(()) => (Value::Null, Value::Null),
    };
    value["ends_at"] = ends_at;
    value["last_day"] = last_day;
    value
}
