//! Access decisions: is a module licensed, may a user use a capability, is a seat free.
//! The rules come from the catalog's data (`requires_system`, `requires_plan_any_of`,
//! `per_user`); every "no" carries typed [`Reason`]s that a front end renders.

use chrono::{DateTime, Utc};
use license_format::Capability;
use serde::{Serialize, Serializer};

use crate::{Reason, State, VerifiedLicense};

/// The answer to one access question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Decision {
    /// Yes or no.
    pub allowed: bool,
    /// Why not; when allowed, the warnings that still hold: a license, module or plan
    /// in its grace period.
    pub reasons: Vec<Reason>,
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
            None => d.reasons.push(Reason::NoLicense),
            Some(l) => match l.state_at(now) {
                State::Revoked { .. } => {
                    d.reasons
                        .extend(l.revocation().map(|r| Reason::LicenseRevoked {
                            license_id: l.license_id().to_owned(),
                            revocation: r.clone(),
                        }))
                }
                State::Expired { since } => d.reasons.push(Reason::LicenseExpired {
                    license_id: l.license_id().to_owned(),
                    since,
                }),
                State::NotYetValid { from } => d.reasons.push(Reason::LicenseNotYetValid {
                    license_id: l.license_id().to_owned(),
                    from,
                }),
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
            self.reasons.push(Reason::LicenseInGrace {
                license_id: l.license_id().to_owned(),
                until,
                days_left,
            });
            return self;
        }
        for code in codes {
            if let Some(State::Grace { until, days_left }) = l.grant_state_at(code, now) {
                self.reasons.push(Reason::GrantInGrace {
                    license_code: (*code).to_owned(),
                    until,
                    days_left,
                });
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

fn system_reason(license: &VerifiedLicense, code: &str, now: DateTime<Utc>) -> Option<Reason> {
    let license_code = code.to_owned();
    match license.grant_state_at(code, now) {
        None => Some(Reason::SystemLicenseMissing { license_code }),
        Some(State::Expired { since }) => Some(Reason::SystemLicenseExpired {
            license_code,
            since,
        }),
        Some(State::NotYetValid { from }) => {
            Some(Reason::SystemLicenseNotYetValid { license_code, from })
        }
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
            None => d.reasons.push(Reason::UserRequired {
                capability: capability.code.clone(),
            }),
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
        d.reasons.push(Reason::NoLoginRights {
            user: user.name.clone(),
        });
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
        d.reasons.push(Reason::NoSeat {
            user: user.name.clone(),
            plans: cap.requires_plan_any_of.clone(),
        });
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
) -> Option<Reason> {
    let plan_code = plan.to_owned();
    let seats = match (l.seats(plan), l.grant_state_at(plan, now)) {
        (Some(seats), Some(state)) if state.is_usable() => seats,
        (_, Some(State::Expired { since })) => {
            return Some(Reason::PlanExpired {
                plan: plan_code,
                since,
            })
        }
        (_, Some(State::NotYetValid { from })) => {
            return Some(Reason::PlanNotYetValid {
                plan: plan_code,
                from,
            })
        }
        _ => {
            return Some(Reason::PlanNotLicensed {
                plan: plan_code,
                user: Some(user.to_owned()),
            })
        }
    };
    // The rank is the holder's stored position (`seq`). Safe against an edited store: the
    // `seats` table has UNIQUE (plan, seq) and CHECK (seq >= 1), verified on every open, so
    // at most N rows of a plan have a position <= N, whatever rows an admin inserts or
    // edits; gaps and extra rows only push holders past N, which only denies.
    (rank > u64::from(seats)).then(|| Reason::BeyondLicensedSeats {
        plan: plan_code,
        user: user.to_owned(),
        rank,
        seats,
    })
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
            (None, _) => d.reasons.push(Reason::PlanNotLicensed {
                plan: plan.to_owned(),
                user: None,
            }),
            (Some(_), Some(State::Expired { since })) => d.reasons.push(Reason::PlanExpired {
                plan: plan.to_owned(),
                since,
            }),
            (Some(_), Some(State::NotYetValid { from })) => {
                d.reasons.push(Reason::PlanNotYetValid {
                    plan: plan.to_owned(),
                    from,
                })
            }
            (Some(seats), _) if used >= u64::from(seats) => d.reasons.push(Reason::NoFreeSeat {
                plan: plan.to_owned(),
                used,
                seats,
            }),
            _ => {}
        }
    }
    d.finish_at(license, now, &[plan])
}
