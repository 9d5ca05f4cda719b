//! The reasons of a decision and the warnings of the startup check in words: the library
//! answers with typed [`Reason`]s and [`Warning`]s and leaves their words to the front
//! ends.

use crate::{end_day, Reason, Warning};
use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use license_format::Lang;

use super::{n, s, t};

fn day(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// A revoked license in words: the message `id` with the revocation's data as
/// [`crate::Error::details`] names it (`by`, `kid`, `revoked_day`, `reason`).
fn revoked(lang: Lang, id: &str, license_id: &str, r: &crate::Revocation) -> String {
    let (by, kid) = match &r.by {
        crate::RevokedBy::Key { kid } => ("key", kid.to_string()),
        _ => ("license", String::new()),
    };
    t(
        lang,
        id,
        &[
            ("license_id", s(license_id)),
            ("by", s(by)),
            ("kid", s(kid)),
            ("revoked_day", s(day(&r.revoked_at))),
            ("reason", s(r.reason.as_deref().unwrap_or("none"))),
        ],
    )
}

/// A reason in the chosen language's words.
pub fn reason(lang: Lang, r: &Reason) -> String {
    match r {
        Reason::NoLicense => t(lang, "reason-no-license", &[]),
        Reason::WrongInstallation {
            license_id,
            expected,
            found,
        } => t(
            lang,
            "reason-wrong-installation",
            &[
                ("license_id", s(license_id)),
                ("expected", s(expected)),
                ("found", s(found)),
            ],
        ),
        Reason::LicenseExpired { license_id, since } => t(
            lang,
            "reason-license-expired",
            &[("license_id", s(license_id)), ("since", s(day(since)))],
        ),
        Reason::LicenseNotYetValid { license_id, from } => t(
            lang,
            "reason-license-not-yet-valid",
            &[("license_id", s(license_id)), ("from", s(day(from)))],
        ),
        Reason::LicenseRevoked {
            license_id,
            revocation,
        } => revoked(lang, "reason-license-revoked", license_id, revocation),
        Reason::SystemLicenseMissing { license_code } => t(
            lang,
            "reason-system-license-missing",
            &[("license_code", s(license_code))],
        ),
        Reason::SystemLicenseExpired {
            license_code,
            since,
        } => t(
            lang,
            "reason-system-license-expired",
            &[("license_code", s(license_code)), ("since", s(day(since)))],
        ),
        Reason::SystemLicenseNotYetValid { license_code, from } => t(
            lang,
            "reason-system-license-not-yet-valid",
            &[("license_code", s(license_code)), ("from", s(day(from)))],
        ),
        Reason::UserRequired { capability } => t(
            lang,
            "reason-user-required",
            &[("capability", s(capability))],
        ),
        Reason::UnknownUser { user } => t(lang, "reason-unknown-user", &[("user", s(user))]),
        Reason::NoLoginRights { user } => t(lang, "reason-no-login-rights", &[("user", s(user))]),
        Reason::NoSeat { user, plans } => t(
            lang,
            "reason-no-seat",
            &[
                ("user", s(user)),
                ("plans", s(plans_phrase_in(lang, plans))),
            ],
        ),
        Reason::PlanNotLicensed { plan, user: None } => {
            t(lang, "reason-plan-not-licensed", &[("plan", s(plan))])
        }
        Reason::PlanNotLicensed {
            plan,
            user: Some(user),
        } => t(
            lang,
            "reason-plan-not-licensed-held",
            &[("plan", s(plan)), ("user", s(user))],
        ),
        Reason::PlanExpired { plan, since } => t(
            lang,
            "reason-plan-expired",
            &[("plan", s(plan)), ("since", s(day(since)))],
        ),
        Reason::PlanNotYetValid { plan, from } => t(
            lang,
            "reason-plan-not-yet-valid",
            &[("plan", s(plan)), ("from", s(day(from)))],
        ),
        Reason::BeyondLicensedSeats {
            plan,
            user,
            rank,
            seats,
        } => t(
            lang,
            "reason-beyond-licensed-seats",
            &[
                ("plan", s(plan)),
                ("user", s(user)),
                ("rank", n(*rank as f64)),
                ("seats", n(*seats)),
            ],
        ),
        Reason::NoFreeSeat { plan, used, seats } => t(
            lang,
            "reason-no-free-seat",
            &[
                ("plan", s(plan)),
                ("used", n(*used as f64)),
                ("seats", n(*seats)),
            ],
        ),
        Reason::LicenseInGrace {
            license_id,
            until,
            days_left,
        } => t(
            lang,
            "reason-license-in-grace",
            &[
                ("license_id", s(license_id)),
                ("until", s(end_day(until))),
                ("days_left", n(*days_left as f64)),
            ],
        ),
        Reason::GrantInGrace {
            license_code,
            until,
            days_left,
        } => t(
            lang,
            "reason-grant-in-grace",
            &[
                ("license_code", s(license_code)),
                ("until", s(end_day(until))),
                ("days_left", n(*days_left as f64)),
            ],
        ),
    }
}

/// A warning in the chosen language's words.
pub fn warning(lang: Lang, w: &Warning) -> String {
    let plan_or_module = |plan: bool| {
        t(
            lang,
            if plan {
                "warning-kind-plan"
            } else {
                "warning-kind-system"
            },
            &[],
        )
    };
    match w {
        Warning::ClockBehind { clock, mark, hours } => t(
            lang,
            "warning-clock-behind",
            &[
                ("clock", s(format_rfc3339(clock))),
                ("mark", s(format_rfc3339(mark))),
                ("hours", n(*hours as f64)),
            ],
        ),
        Warning::LicenseEndsSoon {
            license_id,
            days_left,
            grace_days,
        } => t(
            lang,
            "warning-license-ends-soon",
            &[
                ("license_id", s(license_id)),
                ("days_left", n(*days_left as f64)),
                ("grace_days", n(*grace_days)),
            ],
        ),
        Warning::LicenseInGrace {
            license_id,
            until,
            days_left,
        } => t(
            lang,
            "warning-license-in-grace",
            &[
                ("license_id", s(license_id)),
                ("until", s(day(until))),
                ("days_left", n(*days_left as f64)),
            ],
        ),
        Warning::LicenseRevoked {
            license_id,
            revocation,
        } => revoked(lang, "warning-license-revoked", license_id, revocation),
        Warning::LicenseExpired { license_id, since } => t(
            lang,
            "warning-license-expired",
            &[("license_id", s(license_id)), ("since", s(day(since)))],
        ),
        Warning::LicenseNotYetValid { license_id, from } => t(
            lang,
            "warning-license-not-yet-valid",
            &[("license_id", s(license_id)), ("from", s(day(from)))],
        ),
        Warning::SystemLicenseExpired {
            license_code,
            since,
        } => t(
            lang,
            "warning-system-license-expired",
            &[("license_code", s(license_code)), ("since", s(day(since)))],
        ),
        Warning::GrantInGrace {
            license_code,
            plan,
            stops_at,
            days_left,
        } => t(
            lang,
            "warning-grant-in-grace",
            &[
                ("kind", s(plan_or_module(*plan))),
                ("license_code", s(license_code)),
                ("stops", s(end_day(stops_at))),
                ("days_left", n(*days_left as f64)),
            ],
        ),
        Warning::GrantEndsSoon {
            license_code,
            plan,
            stops_at,
            days_left,
        } => t(
            lang,
            "warning-grant-ends-soon",
            &[
                ("kind", s(plan_or_module(*plan))),
                ("license_code", s(license_code)),
                ("stops", s(end_day(stops_at))),
                ("days_left", n(*days_left as f64)),
            ],
        ),
        Warning::UsersLoseAccess {
            plan,
            stops_at,
            users,
            users_total,
        } => t(
            lang,
            "warning-users-lose-access",
            &[
                ("plan", s(plan)),
                ("stops", s(end_day(stops_at))),
                ("users", s(users.join(", "))),
                ("total", n(*users_total as f64)),
                (
                    "more",
                    n(users_total.saturating_sub(users.len() as u64) as f64),
                ),
            ],
        ),
        Warning::PlanOverfull {
            plan,
            holders,
            seats,
        } => t(
            lang,
            "warning-plan-overfull",
            &[
                ("plan", s(plan)),
                ("holders", n(*holders as f64)),
                ("seats", n(*seats)),
            ],
        ),
    }
}

/// How a set of plans is named in `lang`. Dutch follows the help page: "een Essential-
/// of Premium-gebruikersplan".
pub fn plans_phrase_in(lang: license_format::Lang, plans: &[String]) -> String {
    let english = plans_phrase(plans);
    if lang != license_format::Lang::Nl {
        return english;
    }
    let catalog = license_catalog::builtin();
    match plans {
        [one] => catalog
            .entry(one)
            .map_or_else(|| one.clone(), |e| e.name.nl.clone()),
        _ => match english
            .strip_prefix("an ")
            .or_else(|| english.strip_prefix("a "))
        {
            Some(levels) => {
                let levels = levels.trim_end_matches(" plan").replace(" or ", "- of ");
                format!("een {levels}-gebruikersplan")
            }
            None => english.replacen("any of", "een van", 1),
        },
    }
}

/// How a set of plans is named in English: "an Essential or Premium plan" when the
/// plans share levels (the last word of their names), else their names.
pub fn plans_phrase(plans: &[String]) -> String {
    let catalog = license_catalog::builtin();
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
        let web = license_catalog::builtin().capability("web-client").unwrap();
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
