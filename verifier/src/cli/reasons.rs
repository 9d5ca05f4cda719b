//! The reasons of a decision in words: the library answers with typed [`Reason`]s and
//! leaves their words to the front end.

use chrono::{DateTime, Utc};
use license_format::Catalog;
use license_verifier::{end_day, Reason};
use serde_json::Value;

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
        } => format!("{plan}: {user} is holder {rank} of {seats} licensed seats"),
        Reason::NoFreeSeat { plan, used, seats } => {
            format!("{plan}: {used} of {seats} licensed seats are held, none is free")
        }
        Reason::LicenseInGrace {
            license_id,
            until,
            days_left,
        } => format!(
            "license {license_id} has ended and is in its grace period until {} ({days_left} days left): ask the vendor for a renewal",
            end_day(until)
        ),
        Reason::GrantInGrace {
            license_code,
            until,
            days_left,
        } => format!(
            "{license_code} has ended and is in its grace period until {} ({days_left} days left): ask the vendor for a renewal",
            end_day(until)
        ),
        // A reason this front end does not know yet still says what it is.
        other => other.code().to_owned(),
    }
}

/// Puts each reason's words beside its code in `json["reasons"]`: `{code, text, ...}`.
pub(crate) fn with_texts(mut json: Value, reasons: &[Reason]) -> Value {
    if let Some(list) = json.get_mut("reasons").and_then(Value::as_array_mut) {
        for (item, reason) in list.iter_mut().zip(reasons) {
            item["text"] = text(reason).into();
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
