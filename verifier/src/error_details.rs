//! An error's typed data, for a front end's message and for JSON: the library says what
//! went wrong in values, the front end says it in words.

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use serde_json::{json, Map, Value};

use crate::{CodeKind, Error};

fn time(t: &DateTime<Utc>) -> Value {
    format_rfc3339(t).into()
}

fn day(t: &DateTime<Utc>) -> Value {
    crate::state::day(t).into()
}

fn opt_time(t: &Option<DateTime<Utc>>) -> Value {
    t.as_ref().map_or(Value::Null, time)
}

/// A revocation's data: `by` (`license` or `key`, with `kid`), `revoked_at`,
/// `revoked_day`, `reason` and `list_serial`.
fn revocation_details(r: &crate::Revocation) -> Value {
    let mut v = serde_json::to_value(r).unwrap_or_else(|_| json!({}));
    v["revoked_day"] = day(&r.revoked_at);
    if !matches!(r.by, crate::RevokedBy::Key { .. }) {
        v["kid"] = Value::Null;
    }
    v
}

impl Error {
    /// The error's data under stable names (docs/JSON.md): user names, codes, counts,
    /// instants in RFC 3339 and, where a message names a day, that day (`YYYY-MM-DD`)
    /// under a name ending in `_day`. A format error gives the format crate's details.
    /// Absent optional values are `null`.
    pub fn details(&self) -> Map<String, Value> {
        let value = match self {
            Error::Format(e) => return e.details(),
            Error::NoStore { path } => json!({ "path": path }),
            Error::CannotOpen { path, reason }
            | Error::CannotWrite { path, reason }
            | Error::ForeignStore { path, reason } => json!({ "path": path, "reason": reason }),
            Error::NewerStore {
                path,
                found,
                supported,
            } => json!({ "path": path, "found": found, "supported": supported }),
            Error::NotAFile { path, what } => json!({ "path": path, "what": what }),
            Error::DamagedStore(damage) => serde_json::to_value(damage).unwrap_or_default(),
            Error::UntrustedStoredLicense { license_id, kid } => {
                json!({ "license_id": license_id, "kid": kid.to_string() })
            }
            Error::UntrustedStoredList { serial, kid } => json!({ "serial": serial, "kid": kid }),
            Error::Sqlite(e) => json!({ "detail": e.to_string() }),
            Error::NoLicense | Error::ClockResetNotPending => json!({}),
            Error::WrongInstallation {
                license_id,
                expected,
                found,
            } => json!({ "license_id": license_id, "expected": expected, "found": found }),
            Error::Expired { license_id, until } => {
                json!({ "license_id": license_id, "until": time(until), "until_day": day(until) })
            }
            Error::NotYetValid { license_id, from } => {
                json!({ "license_id": license_id, "from": time(from), "from_day": day(from) })
            }
            Error::Revoked {
                license_id,
                revocation,
            } => {
                let mut v = revocation_details(revocation);
                v["license_id"] = license_id.clone().into();
                v
            }
            Error::SignerRevoked {
                document,
                revocation,
            } => {
                let mut v = revocation_details(revocation);
                v["document"] = (*document).into();
                v
            }
            Error::OlderRevocationList { serial, held } => {
                json!({ "serial": serial, "held": held })
            }
            Error::BuiltInListUnverified { error } => json!({ "error": error }),
            Error::OlderSerial {
                license_id,
                serial,
                latest,
                customer,
                installation_id,
            } => json!({
                "license_id": license_id, "serial": serial, "latest": latest,
                "customer": customer, "installation_id": installation_id,
            }),
            Error::SerialConflict {
                serial,
                customer,
                installation_id,
            } => {
                json!({ "serial": serial, "customer": customer, "installation_id": installation_id })
            }
            Error::OlderThanActive {
                license_id,
                issued_at,
                active_id,
                active_issued_at,
            } => json!({
                "license_id": license_id, "issued_at": time(issued_at),
                "active_id": active_id, "active_issued_at": time(active_issued_at),
            }),
            Error::CustomerChange {
                license_id,
                before,
                after,
            } => json!({ "license_id": license_id, "before": before, "after": after }),
            Error::ClockResetOtherRequest { nonce } => json!({ "nonce": nonce }),
            Error::ClockResetWrongInstallation { expected, found } => {
                json!({ "expected": expected, "found": found })
            }
            Error::ClockResetStale { requested, now } => {
                json!({ "requested": opt_time(requested), "now": opt_time(now) })
            }
            Error::ClockNotBehind { clock, mark } => {
                json!({ "clock": time(clock), "mark": opt_time(mark) })
            }
            Error::NotLicensed { code, state } => json!({
                "license_code": code,
                "state": state.map_or("not-licensed", |s| s.name()),
            }),
            Error::NoFreeSeat { plan, seats } => json!({ "plan": plan, "seats": seats }),
            Error::HoldsOtherPlan { user, held } => json!({ "user": user, "held": held }),
            Error::UnknownUser(user) | Error::UserExists(user) | Error::InvalidUserName(user) => {
                json!({ "user": user })
            }
            Error::UnknownCode {
                what,
                code,
                is_a,
                suggestion,
            } => json!({
                "what": what.code(), "code": code,
                "is_a": is_a.map(CodeKind::from).map(|k| k.code()), "suggestion": suggestion,
            }),
            Error::UserRequired(capability) => json!({ "capability": capability }),
            Error::NoSuchSeat { user, plan } => json!({ "user": user, "plan": plan }),
        };
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}
