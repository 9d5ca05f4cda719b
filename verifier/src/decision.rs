//! Access decisions: is a module licensed, may a user use a capability, is a seat free.
//! The rules come from the catalog's data (`requires_system`, `requires_plan_any_of`,
//! `per_user`); every "no" carries reasons a person can act on.

use chrono::{DateTime, Utc};
use license_format::{Capability, Catalog};
use serde::{Serialize, Serializer};

use crate::state::{day, end_day};
use crate::{State, VerifiedLicense};

/// The answer to one access question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Yes or no.
    pub allowed: bool,
    /// Why not; when allowed, the warnings that still hold: a license, module or plan
    /// in its grace period.
    pub reasons: Vec<String>,
    /// The active license's id, if there is one.
    pub license_id: Option<String>,
    /// The active license's serial, if there is one.
    pub serial: Option<u64>,
    /// The grant that answered: a system license or plan code.
    pub grant: Option<String>,
    /// The state of that grant (or of the license when no grant answered).
    #[serde(serialize_with = "state_name")]
    pub state: Option<State>,
}

fn state_name<S: Serializer>(state: &Option<State>, s: S) -> Result<S::Ok, S::Error> {
    match state {
        Some(state) => s.serialize_str(state.name()),
        None => s.serialize_none(),
    }
}

/// What the store knows about one user, for a per-user decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserFacts {
    /// The user's name.
    pub name: String,
    /// Whether the user may log in.
    pub login: bool,
    /// The plans the user holds a seat of, with the user's place among the plan's holders
    /// in assignment order (1 is the earliest).
    pub seats: Vec<(String, u64)>,
}

impl Decision {
    fn start(license: Option<&VerifiedLicense>, now: DateTime<Utc>) -> Self {
        let mut d = Decision {
            allowed: false,
            reasons: Vec::new(),
            license_id: license.map(|l| l.license_id().to_owned()),
            serial: license.map(VerifiedLicense::serial),
            grant: None,
            state: license.map(|l| l.state_at(now)),
        };
        match license {
            None => d.reasons.push("no license is active".into()),
            Some(l) => match l.state_at(now) {
                State::Expired { since } => d.reasons.push(format!(
                    "license {} expired on {}",
                    l.license_id(),
                    day(&since)
                )),
                State::NotYetValid { from } => d.reasons.push(format!(
                    "license {} is not valid before {}",
                    l.license_id(),
                    day(&from)
                )),
                _ => {}
            },
        }
        d
    }

    /// Decides: allowed when nothing stands in the way. A grant in its grace period
    /// still works, and says so in the reasons, so that no product hides it.
    fn finish(self) -> Self {
        self.finish_at(None, DateTime::<Utc>::MIN_UTC, &[])
    }

    /// As [`Decision::finish`], adding a warning for the license and for each of the
    /// grants that answered (`codes`) that is in its grace period.
    fn finish_at(
        mut self,
        license: Option<&VerifiedLicense>,
        now: DateTime<Utc>,
        codes: &[&str],
    ) -> Self {
        self.allowed = self.reasons.is_empty();
        let Some(l) = license.filter(|_| self.allowed) else {
            return self;
        };
        if let State::Grace { until, days_left } = l.state_at(now) {
            self.reasons.push(format!(
                "license {} has ended and is in its grace period until {} ({days_left} days left): ask the vendor for a renewal",
                l.license_id(),
                end_day(&until)
            ));
            return self;
        }
        for code in codes {
            if let Some(State::Grace { until, days_left }) = l.grant_state_at(code, now) {
                self.reasons.push(format!(
                    "{code} has ended and is in its grace period until {} ({days_left} days left): ask the vendor for a renewal",
                    end_day(&until)
                ));
            }
        }
        self
    }
}

/// Whether the system license `code` is licensed and usable at `now`.
pub fn decide_system(
    license: Option<&VerifiedLicense>,
    code: &str,
    now: DateTime<Utc>,
) -> Decision {
    let mut d = Decision::start(license, now);
    if let Some(l) = license {
        d.grant = Some(code.to_owned());
        d.state = l.grant_state_at(code, now);
    }
    // A license that does not work already says why; its grants add nothing.
    if let Some(l) = license.filter(|_| d.reasons.is_empty()) {
        if let Some(reason) = system_reason(l, code, now) {
            d.reasons.push(reason);
        }
    }
    d.finish_at(license, now, &[code])
}

fn system_reason(license: &VerifiedLicense, code: &str, now: DateTime<Utc>) -> Option<String> {
    match license.grant_state_at(code, now) {
        None => Some(format!("missing system license {code}")),
        Some(State::Expired { since }) => {
            Some(format!("system license {code} expired on {}", day(&since)))
        }
        Some(State::NotYetValid { from }) => Some(format!(
            "system license {code} is not valid before {}",
            day(&from)
        )),
        Some(_) => None,
    }
}

/// Whether the capability may be used at `now`, by `user` when it is asked per user.
/// A per-user capability asked without a user is refused with a reason.
pub fn decide_capability(
    license: Option<&VerifiedLicense>,
    capability: &Capability,
    user: Option<&UserFacts>,
    now: DateTime<Utc>,
) -> Decision {
    let mut d = Decision::start(license, now);
    let Some(l) = license.filter(|_| d.reasons.is_empty()) else {
        return d.finish();
    };
    for code in &capability.requires_system {
        d.reasons.extend(system_reason(l, code, now));
        d.grant = Some(code.clone());
        d.state = l.grant_state_at(code, now);
    }
    if capability.per_user {
        match user {
            None => d.reasons.push(format!(
                "capability {} is asked per user: name the user",
                capability.code
            )),
            Some(user) => decide_user(&mut d, l, capability, user, now),
        }
    }
    let mut answered: Vec<&str> = capability
        .requires_system
        .iter()
        .map(String::as_str)
        .collect();
    let plan = d.grant.clone();
    if let Some(plan) = plan.as_deref().filter(|p| !answered.contains(p)) {
        answered.push(plan);
    }
    d.finish_at(license, now, &answered)
}

fn decide_user(
    d: &mut Decision,
    l: &VerifiedLicense,
    cap: &Capability,
    user: &UserFacts,
    now: DateTime<Utc>,
) {
    if !user.login {
        d.reasons
            .push(format!("user {} has no login rights", user.name));
    }
    if cap.requires_plan_any_of.is_empty() {
        return;
    }
    let held: Vec<&(String, u64)> = user
        .seats
        .iter()
        .filter(|(p, _)| cap.requires_plan_any_of.contains(p))
        .collect();
    if held.is_empty() {
        d.reasons.push(format!(
            "user {} holds no seat of {}",
            user.name,
            plans_phrase(&cap.requires_plan_any_of)
        ));
        return;
    }
    let mut plan_reasons = Vec::new();
    for (plan, rank) in held {
        match seat_reason(l, plan, &user.name, *rank, now) {
            None => {
                d.grant = Some(plan.clone());
                d.state = l.grant_state_at(plan, now);
                return;
            }
            Some(reason) => plan_reasons.push(reason),
        }
    }
    d.reasons.extend(plan_reasons);
}

fn seat_reason(
    l: &VerifiedLicense,
    plan: &str,
    user: &str,
    rank: u64,
    now: DateTime<Utc>,
) -> Option<String> {
    let seats = match (l.seats(plan), l.grant_state_at(plan, now)) {
        (Some(seats), Some(state)) if state.is_usable() => seats,
        (_, Some(State::Expired { since })) => {
            return Some(format!("{plan}: the plan expired on {}", day(&since)))
        }
        (_, Some(State::NotYetValid { from })) => {
            return Some(format!(
                "{plan}: the plan is not valid before {}",
                day(&from)
            ))
        }
        _ => {
            return Some(format!(
                "{plan}: user {user} holds a seat, but the plan is not licensed"
            ))
        }
    };
    // The rank is the holder's stored position (`seq`). Safe against an edited store: the
    // `seats` table has UNIQUE (plan, seq) and CHECK (seq >= 1), verified on every open, so
    // at most N rows of a plan have a position <= N, whatever rows an admin inserts or
    // edits; gaps and extra rows only push holders past N, which only denies.
    (rank > u64::from(seats))
        .then(|| format!("{plan}: {user} is holder {rank} of {seats} licensed seats"))
}

/// Whether a seat of `plan` is free at `now`, given how many are held.
pub fn decide_seats(
    license: Option<&VerifiedLicense>,
    plan: &str,
    used: u64,
    now: DateTime<Utc>,
) -> Decision {
    let mut d = Decision::start(license, now);
    if let Some(l) = license.filter(|_| d.reasons.is_empty()) {
        d.grant = Some(plan.to_owned());
        d.state = l.grant_state_at(plan, now);
        match (l.seats(plan), d.state) {
            (None, _) => d.reasons.push(format!("{plan} is not licensed")),
            (Some(_), Some(State::Expired { since })) => d
                .reasons
                .push(format!("{plan}: the plan expired on {}", day(&since))),
            (Some(_), Some(State::NotYetValid { from })) => d.reasons.push(format!(
                "{plan}: the plan is not valid before {}",
                day(&from)
            )),
            (Some(seats), _) if used >= u64::from(seats) => d.reasons.push(format!(
                "{plan}: {used} of {seats} licensed seats are held, none is free"
            )),
            _ => {}
        }
    }
    d.finish_at(license, now, &[plan])
}

/// How a set of plans is named in a reason: "an Essential or Premium plan" when the plans
/// share levels (the last word of their English names), else their names.
pub fn plans_phrase(plans: &[String]) -> String {
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
