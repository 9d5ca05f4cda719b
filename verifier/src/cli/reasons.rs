//! The reasons of a decision and the warnings of the startup check in words: the library
//! answers with typed [`Reason`]s and [`Warning`]s and leaves their words to the front
//! end.

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use license_format::Catalog;
use license_verifier::{end_day, Reason, Warning};
use serde_json::Value;

/// `count` with its noun, singular or plural: "1 seat", "2 seats".
pub(crate) fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Days, as `count` words them; a day count may be negative in no message.
fn days(n: i64) -> String {
    count(u64::try_from(n).unwrap_or(0), "day", "days")
}

fn day(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// A reason in English words.
pub(crate) fn text(r: &Reason) -> String {
    match r {
        Reason::NoLicense => "no license is active".into(),
        Reason::WrongInstallation {
            license_id,
            expected,
            found,
        } => format!(
            "license {license_id} is for installation {found}, not this installation {expected}: send this installation's activation request to the vendor"
        ),
        Reason::LicenseExpired { license_id, since } => {
            format!("license {license_id} expired on {}", day(since))
        }
        Reason::LicenseNotYetValid { license_id, from } => {
            format!("license {license_id} is not valid before {}", day(from))
        }
        Reason::SystemLicenseMissing { license_code } => {
            format!("missing system license {license_code}")
        }
        Reason::SystemLicenseExpired {
            license_code,
            since,
        } => format!("system license {license_code} expired on {}", day(since)),
        Reason::SystemLicenseNotYetValid { license_code, from } => format!(
            "system license {license_code} is not valid before {}",
            day(from)
        ),
        Reason::UserRequired { capability } => {
            format!("capability {capability} is asked per user: name the user")
        }
        Reason::UnknownUser { user } => format!("no user {user} in this installation"),
        Reason::NoLoginRights { user } => format!("user {user} has no login rights"),
        Reason::NoSeat { user, plans } => {
            format!("user {user} holds no seat of {}", plans_phrase(plans))
        }
        Reason::PlanNotLicensed { plan, user: None } => format!("{plan} is not licensed"),
        Reason::PlanNotLicensed {
            plan,
            user: Some(user),
        } => format!("{plan}: user {user} holds a seat, but the plan is not licensed"),
        Reason::PlanExpired { plan, since } => {
            format!("{plan}: the plan expired on {}", day(since))
        }
        Reason::PlanNotYetValid { plan, from } => {
            format!("{plan}: the plan is not valid before {}", day(from))
        }
        Reason::BeyondLicensedSeats {
            plan,
            user,
            rank,
            seats,
        } => format!(
            "{plan}: {user} is holder {rank} of {}",
            count(*seats, "licensed seat", "licensed seats")
        ),
        Reason::NoFreeSeat { plan, used, seats } => {
            format!(
                "{plan}: {used} of {} {} held, none is free",
                count(*seats, "licensed seat", "licensed seats"),
                if *used == 1 { "is" } else { "are" }
            )
        }
        Reason::LicenseInGrace {
            license_id,
            until,
            days_left,
        } => format!(
            "license {license_id} has ended and is in its grace period until {} ({} left): ask the vendor for a renewal",
            end_day(until),
            days(*days_left)
        ),
        Reason::GrantInGrace {
            license_code,
            until,
            days_left,
        } => format!(
            "{license_code} has ended and is in its grace period until {} ({} left): ask the vendor for a renewal",
            end_day(until),
            days(*days_left)
        ),
        // A reason this front end does not know yet still says what it is.
        other => other.code().to_owned(),
    }
}

/// A warning in English words.
pub(crate) fn warning_text(w: &Warning) -> String {
    let what = |plan: bool| if plan { "plan" } else { "system license" };
    match w {
        Warning::ClockBehind { clock, mark, hours } => format!(
            "the system clock ({}) is {hours} hours behind the latest time this store has seen ({}): decisions use the later time; if the clock is wrong, correct it; if the clock is right and was once set ahead, ask the vendor for a clock reset: write a request with `license-verifier request --clock-reset --out FILE` and import the file the vendor sends",
            format_rfc3339(clock),
            format_rfc3339(mark)
        ),
        Warning::LicenseEndsSoon {
            license_id,
            days_left,
            grace_days,
        } => format!(
            "license {license_id} ends in {} (then {} of grace); ask the vendor for a renewal",
            days(*days_left),
            days(i64::from(*grace_days))
        ),
        Warning::LicenseInGrace {
            license_id,
            until,
            days_left,
        } => format!(
            "license {license_id} has ended and is in its grace period: it stops working on {} ({} left); ask the vendor for a renewal",
            day(until),
            days(*days_left)
        ),
        Warning::LicenseExpired { license_id, since } => format!(
            "license {license_id} expired on {}; ask the vendor for a renewal",
            day(since)
        ),
        Warning::LicenseNotYetValid { license_id, from } => {
            format!("license {license_id} is not valid before {}", day(from))
        }
        Warning::SystemLicenseExpired {
            license_code,
            since,
        } => format!("system license {license_code} expired on {}", day(since)),
        Warning::GrantInGrace {
            license_code,
            plan,
            stops_at,
            days_left,
        } => format!(
            "{} {license_code} has ended and is in its grace period: it stops working on {} ({} left); ask the vendor for a renewal",
            what(*plan),
            end_day(stops_at),
            days(*days_left)
        ),
        Warning::GrantEndsSoon {
            license_code,
            plan,
            stops_at,
            days_left,
        } => format!(
            "{} {license_code} ends soon: grace included, it stops working on {} ({} left); ask the vendor for a renewal",
            what(*plan),
            end_day(stops_at),
            days(*days_left)
        ),
        Warning::UsersLoseAccess {
            plan,
            stops_at,
            users,
            users_total,
        } => {
            let more = users_total.saturating_sub(users.len() as u64);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!(
                "{plan}: {} lose{} access after {}: {}{more}",
                count(*users_total, "user", "users"),
                if *users_total == 1 { "s" } else { "" },
                end_day(stops_at),
                users.join(", ")
            )
        }
        Warning::PlanOverfull {
            plan,
            holders,
            seats,
        } => format!(
            "{plan}: {} of {}; holders after the first {seats} are denied until seats are released or added",
            count(*holders, "holder", "holders"),
            count(*seats, "licensed seat", "licensed seats")
        ),
        other => other.code().to_owned(),
    }
}

/// Puts each reason's words beside its code in `json["reasons"]`: `{code, text, ...}`.
pub(crate) fn with_texts(json: Value, reasons: &[Reason]) -> Value {
    texts_in(json, "reasons", reasons.iter().map(text))
}

/// Puts each warning's words beside its code in `json["warnings"]`.
pub(crate) fn with_warning_texts(json: Value, warnings: &[Warning]) -> Value {
    texts_in(json, "warnings", warnings.iter().map(warning_text))
}

fn texts_in(mut json: Value, member: &str, texts: impl Iterator<Item = String>) -> Value {
    if let Some(list) = json.get_mut(member).and_then(Value::as_array_mut) {
        for (item, text) in list.iter_mut().zip(texts) {
            item["text"] = text.into();
        }
    }
    json
}

/// How a set of plans is named in a reason: "an Essential or Premium plan" when the plans
/// share levels (the last word of their English names), else their names.
pub(crate) fn plans_phrase(plans: &[String]) -> String {
    let catalog = Catalog::builtin();
    let names: Vec<&str> = plans
        .iter()
        .map(|p| catalog.entry(p).map_or(p.as_str(), |e| e.name.en.as_str()))
        .collect();
    if let [one] = names.as_slice() {
        return (*one).to_owned();
    }
    let mut levels: Vec<&str> = Vec::new();
    for name in &names {
        let level = name.rsplit(' ').next().unwrap_or(name);
        let level = level
            .strip_suffix("ials")
            .map_or(level, |stem| &level[..stem.len() + 3]);
        if !levels.contains(&level) {
            levels.push(level);
        }
    }
    if levels.len() >= names.len() {
        return format!("any of {}", names.join(", "));
    }
    let article = if levels[0].starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {} plan", levels.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_phrase_from_catalog_names() {
        let web = Catalog::builtin().capability("web-client").unwrap();
        assert_eq!(
            plans_phrase(&web.requires_plan_any_of),
            "an Essential or Premium plan"
        );
        assert_eq!(
            plans_phrase(&["legacy-windows-users".to_owned()]),
            "SuperOffice CRM for Windows users (legacy)"
        );
        assert_eq!(
            plans_phrase(&[
                "sales-premium".to_owned(),
                "legacy-windows-users".to_owned()
            ]),
            "any of Sales Premium, SuperOffice CRM for Windows users (legacy)"
        );
    }
}
