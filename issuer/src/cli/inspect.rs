//! `inspect`: a license file, key certificate or revocation list for a person, and
//! whether its signature holds.

use std::process::ExitCode;

use license_format::constants::MAX_REVOCATION_LIST_BYTES;
use license_format::time::format_rfc3339;
use license_format::{Payload, State};
use license_issuer::input::read_named;
use license_issuer::inspect::{inspect_document, Inspected, Inspection, SignatureStatus};
use license_issuer::keyfile::read_keyring;
use license_issuer::Result;
use serde_json::{json, Value};

use super::args::InspectArgs;
use super::i18n::{n, s, t};
use super::labels::{block, end_json, last_day_text};

#[path = "inspect_other.rs"]
mod other;

pub fn inspect(args: &InspectArgs) -> Result<ExitCode> {
    let keyring = read_keyring(&args.trust)?;
    // The largest kind's limit; each kind's own is checked when it is read (FORMAT.md §13).
    let (_, bytes) = read_named(&args.file, "document", MAX_REVOCATION_LIST_BYTES)?;
    let (signature, json, text) = match inspect_document(&bytes, &keyring, chrono::Utc::now())? {
        Inspected::License(inspection) => {
            let i = &*inspection;
            (i.signature, to_json(i), text(i))
        }
        Inspected::Certificate(c) => (
            c.signature,
            other::certificate_json(&c),
            other::certificate_text(&c),
        ),
        Inspected::RevocationList(l) => (l.signature, other::list_json(&l), other::list_text(&l)),
    };
    if args.json {
        super::print_json(&json)?;
    } else {
        super::emit(&text)?;
    }
    Ok(match signature {
        SignatureStatus::UnknownKey | SignatureStatus::Bad => super::NO,
        _ => ExitCode::SUCCESS,
    })
}

/// The signature check's outcome in words.
pub(super) fn signature_text(status: SignatureStatus, kid: &str) -> String {
    let id = match status {
        SignatureStatus::Valid => "inspect-signature-valid",
        SignatureStatus::UnknownKey => "inspect-signature-unknown-key",
        SignatureStatus::Bad => "inspect-signature-bad",
        _ => "inspect-signature-not-checked",
    };
    t(id, &[("kid", s(kid))])
}

/// The inspection for people, one fact per line; terms by their last day.
fn text(inspection: &Inspection) -> String {
    let p = &inspection.payload;
    let until = |end: Option<chrono::DateTime<chrono::Utc>>| last_day_text(end.as_ref());
    let license = t(
        "inspect-license",
        &[
            ("license_id", s(&p.license_id)),
            ("serial", n(p.serial as f64)),
        ],
    );
    let installation = p
        .installation_id
        .clone()
        .unwrap_or_else(|| t("inspect-unbound", &[]));
    let valid_until = t(
        "inspect-valid-until",
        &[
            ("last_day", s(until(p.valid_until))),
            ("grace_days", n(p.grace_days)),
        ],
    );
    let mut rows = vec![
        ("label-license", license),
        (
            "label-signature",
            signature_text(inspection.signature, &inspection.kid),
        ),
        ("label-product", p.product.clone()),
        ("label-issuer", p.issuer.clone()),
        (
            "label-customer",
            format!("{} ({})", p.customer.name, p.customer.id),
        ),
        ("label-installation", installation),
        ("label-issued-at", format_rfc3339(&p.issued_at)),
        ("label-valid-from", format_rfc3339(&p.valid_from)),
        ("label-valid-until", valid_until),
        ("label-state", state_text(&inspection.state)),
    ];
    if let Some(c) = &inspection.certificate {
        rows.push(("label-certificate", other::carried_text(c)));
    }
    for g in &p.system_licenses {
        let last = until(p.grant_end(g.valid_until));
        let value = t(
            "inspect-system",
            &[("code", s(&g.code)), ("last_day", s(&last))],
        );
        rows.push(("label-system", value));
    }
    for g in &p.user_plans {
        let last = until(p.grant_end(g.valid_until));
        let args = [
            ("code", s(&g.code)),
            ("seats", n(g.seats)),
            ("last_day", s(&last)),
        ];
        rows.push(("label-plan", t("inspect-plan", &args)));
    }
    block(&rows)
}

/// The term's state now, in words (the verifier's words for the same states).
fn state_text(state: &State) -> String {
    let day = |t: &chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d").to_string();
    match state {
        State::NotYetValid { from } => t("inspect-state-not-yet-valid", &[("from", s(day(from)))]),
        State::Active { .. } => t("inspect-state-active", &[]),
        State::Grace { until, days_left } => {
            let last = last_day_text(Some(until));
            t(
                "inspect-state-grace",
                &[("until", s(last)), ("days_left", n(*days_left as f64))],
            )
        }
        State::Expired { since } => t("inspect-state-expired", &[("since", s(day(since)))]),
        // A file alone is never revoked: only an installation's revocation list says so.
        State::Revoked { at } => t("inspect-state-revoked", &[("at", s(day(at)))]),
    }
}

/// The inspection as JSON: the payload as signed, and every term's end as `ends_at` and
/// `last_day`.
fn to_json(inspection: &Inspection) -> Value {
    let p = &inspection.payload;
    let (ends_at, last_day) = end_json(p.valid_until.as_ref());
    json!({
        "kid": inspection.kid,
        "signature": inspection.signature,
        "signature_text": signature_text(inspection.signature, &inspection.kid),
        "license_id": p.license_id,
        "serial": p.serial,
        "ends_at": ends_at,
        "last_day": last_day,
        "grants": grants_json(p),
        "state": inspection.state.name(),
        "state_text": state_text(&inspection.state),
        "payload": p,
        "certificate": inspection.certificate.as_ref().map(other::carried_json),
    })
}

fn grants_json(p: &Payload) -> Vec<Value> {
    let system = p
        .system_licenses
        .iter()
        .map(|g| (g.code.as_str(), "system", None, g.valid_until));
    let plans = p
        .user_plans
        .iter()
        .map(|g| (g.code.as_str(), "plan", Some(g.seats), g.valid_until));
    system
        .chain(plans)
        .map(|(code, kind, seats, own_end)| {
            let (ends_at, last_day) = end_json(p.grant_end(own_end).as_ref());
            let mut grant =
                json!({"code": code, "kind": kind, "ends_at": ends_at, "last_day": last_day});
            if let Some(seats) = seats {
                grant["seats"] = seats.into();
            }
            grant
        })
        .collect()
}
