//! `ledger revocations` and `ledger certificates`.

use std::process::ExitCode;

use license_issuer::ledger::{CertificateRecord, RevocationRecord};
use license_issuer::{Ledger, Result};
use serde_json::json;

use super::i18n::{n, s, t};

pub fn revocations(ledger: &Ledger, json: bool) -> Result<ExitCode> {
    let revoked = ledger.revocations()?;
    let lists = ledger.revocation_lists()?;
    if json {
        super::print_json(&json!({ "revocations": revoked, "lists": lists }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if lists.is_empty() {
        super::emit(&(t("ledger-no-revocations", &[]) + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text: String = revoked.iter().map(|r| revocation_row(r) + "\n").collect();
    for l in &lists {
        let args = [
            ("serial", n(l.serial as f64)),
            ("issued_at", s(&l.issued_at)),
            ("kid", s(&l.kid)),
        ];
        text.push_str(&(t("ledger-list-row", &args) + "\n"));
    }
    super::emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn revocation_row(r: &RevocationRecord) -> String {
    t("ledger-revocation-row", &super::revoke::revocation_args(r))
}

pub fn certificates(ledger: &Ledger, json: bool) -> Result<ExitCode> {
    let certificates = ledger.certificates()?;
    if json {
        super::print_json(&json!({ "certificates": certificates }))?;
    } else if certificates.is_empty() {
        super::emit(&(t("ledger-no-certificates", &[]) + "\n"))?;
    } else {
        let rows: String = certificates
            .iter()
            .map(|c| certificate_row(c) + "\n")
            .collect();
        super::emit(&rows)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn certificate_row(c: &CertificateRecord) -> String {
    t(
        "ledger-certificate-row",
        &[
            ("kid", s(&c.kid)),
            ("root", s(&c.root_kid)),
            ("usage", s(c.usage.join(", "))),
            ("valid_from", s(&c.valid_from)),
            ("valid_until", s(&c.valid_until)),
            ("issued_at", s(&c.issued_at)),
        ],
    )
}
