//! What ends soon: every module and plan in its grace period or ending within 30 days,
//! with the users of a plan who then lose access, for `status`.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::seats;
use crate::{Result, State, VerifiedLicense, Warning};

/// Days before an end from which `status` warns.
pub(crate) const WARNING_DAYS: i64 = 30;

/// How many users of one plan `status` names; the rest are counted.
const NAMED_USERS: u64 = 20;

/// A module or plan that is in its grace period or ends within 30 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Ending {
    /// The catalog code.
    pub code: String,
    /// Whether it is a plan (else a system license).
    pub plan: bool,
    /// Its state now: `active` (ending soon) or `grace`.
    #[serde(serialize_with = "crate::state::serialize_name")]
    pub state: State,
    /// When it stops working, grace included (exclusive).
    #[serde(with = "crate::json_time")]
    pub stops_at: DateTime<Utc>,
    /// Whole days until then, rounded up.
    pub days_left: i64,
    /// Whether it ends with the license itself (else it has an earlier end of its own).
    pub with_license: bool,
    /// The first holders who lose access then, in rank order (plans only).
    pub users: Vec<String>,
    /// How many holders lose access then (plans only).
    pub users_total: u64,
}

/// Every grant of `l` in grace or ending within [`WARNING_DAYS`] at `now`.
pub(crate) fn endings(
    tx: &Connection,
    l: &VerifiedLicense,
    now: DateTime<Utc>,
) -> Result<Vec<Ending>> {
    let p = l.payload();
    let codes = p
        .system_licenses
        .iter()
        .map(|g| (g.code.as_str(), None))
        .chain(
            p.user_plans
                .iter()
                .map(|g| (g.code.as_str(), Some(g.seats))),
        );
    let mut out = Vec::new();
    for (code, seats) in codes {
        let Some(state) = l.grant_state_at(code, now) else {
            continue;
        };
        let Some(stops_at) = stops_within(state, p.grace_days, now) else {
            continue;
        };
        let mut ending = Ending {
            code: code.to_owned(),
            plan: seats.is_some(),
            state,
            stops_at,
            days_left: license_format::state::days_rounded_up(stops_at - now),
            with_license: l.grant_until(code).flatten() == p.valid_until,
            users: Vec::new(),
            users_total: 0,
        };
        if let Some(seats) = seats {
            let counted = seats::used(tx, code)?.min(u64::from(seats));
            ending.users_total = counted;
            ending.users = seats::holders(tx, code, 1..=counted.min(NAMED_USERS))?
                .into_iter()
                .map(|h| h.user)
                .collect();
        }
        out.push(ending);
    }
    Ok(out)
}

/// When a grant in `state` stops working, if it is in grace or its term ends within
/// [`WARNING_DAYS`].
fn stops_within(state: State, grace_days: u32, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    match state {
        State::Grace { until, .. } => Some(until),
        State::Active { until: Some(end) } if end - now <= Duration::days(WARNING_DAYS) => {
            Some(end + Duration::days(i64::from(grace_days)))
        }
        _ => None,
    }
}

/// The warnings for `status`: a grant with an end of its own, and every plan's users who
/// lose access. A grant that ends with the license is said once, by the license's own
/// warning.
pub(crate) fn warnings(endings: &[Ending]) -> Vec<Warning> {
    let mut out = Vec::new();
    for e in endings {
        if !e.with_license {
            let (license_code, plan, stops_at, days_left) =
                (e.code.clone(), e.plan, e.stops_at, e.days_left);
            out.push(match e.state {
                State::Grace { .. } => Warning::GrantInGrace {
                    license_code,
                    plan,
                    stops_at,
                    days_left,
                },
                _ => Warning::GrantEndsSoon {
                    license_code,
                    plan,
                    stops_at,
                    days_left,
                },
            });
        }
        if e.users_total > 0 {
            out.push(Warning::UsersLoseAccess {
                plan: e.code.clone(),
                stops_at: e.stops_at,
                users: e.users.clone(),
                users_total: e.users_total,
            });
        }
    }
    out
}
