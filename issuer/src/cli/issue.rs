//! `issue`: one order into one signed, recorded license file.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;
use license_issuer::{
    check_replace, read_bound_order, term_warning, Error, IssueOptions, Issued, Ledger, Result,
};
use serde_json::{json, Value};

use super::args::IssueArgs;
use super::i18n::{n, phrase, s, t};
use super::labels::end_json;
use super::report::Warning;

pub fn issue(args: &IssueArgs) -> Result<ExitCode> {
    let now = Utc::now();
    let out = args.out.as_deref().filter(|p| !super::is_std(p));
    // The order is checked before the key is loaded: a typo never asks for a passphrase.
    let bound = read_bound_order(&args.order, args.request.as_deref(), args.unbound, now)?;
    if let Some(out) = out {
        // An order issued before may find its own file there: the library decides then.
        if bound.order.order_id.is_none() || args.reissue {
            check_replace(out, args.force)?;
        }
    }
    let (issuer, mut warnings) = super::keys::load_issuer(&args.signing)?;
    let mut ledger = Ledger::open(&args.signing.vendor.ledger)?;
    let ledger_path = ledger.path().to_owned();
    let options = IssueOptions {
        out,
        force: args.force,
        reissue: args.reissue,
    };
    // The output is written and flushed inside the ledger transaction: if it fails,
    // nothing is recorded.
    issuer.issue_with(&mut ledger, &bound, now, &options, &mut |issued| {
        if let Some(w) = &term_warning(&issued.payload, now) {
            let warning = Warning::Term(w);
            warning.print();
            warnings.push(warning.to_json());
        }
        let text = if args.json {
            to_json(issued, out, &warnings) + "\n"
        } else {
            text(issued, out, &ledger_path)
        };
        deliver(&text)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Writes and flushes `text` on standard output; a failure means the license was not
/// delivered.
fn deliver(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Error::NotDelivered {
            path: "standard output".into(),
            source,
        })
}

fn to_json(issued: &Issued, out: Option<&Path>, warnings: &Warnings) -> String {
    let p = &issued.payload;
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
        "out": out,
        "order_id": issued.order_id,
        "already_issued": issued.already_issued,
        "warnings": warnings,
    });
    if out.is_none() {
        value["license_file"] = issued.text.clone().into();
    }
    // Our report types are plain data and always serialize.
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The license file itself for standard output (a note on stderr if it was issued
/// before), or the summary when it went to a file.
fn text(issued: &Issued, out: Option<&Path>, ledger_path: &Path) -> String {
    let p = &issued.payload;
    let already = issued.already_issued.then(|| {
        let order_id = issued.order_id.clone().unwrap_or_default();
        let words = [("license_id", s(&p.license_id)), ("order_id", s(order_id))];
        t("issue-already", &words)
    });
    let Some(out) = out else {
        if let Some(note) = already {
            eprintln!("{}", t("line-note", &[("text", phrase(note))]));
        }
        return issued.text.clone();
    };
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
    let written = super::written(out, ledger_path);
    let mut text = format!("{}\n", t(id, &words));
    if let Some(note) = already {
        text.push_str(&format!("{note}\n"));
    }
    text + &written + "\n"
}

/// The warnings of a command as JSON objects, for its `warnings` member.
pub type Warnings = Vec<Value>;
