//! Where a license or one grant stands at an instant (FORMAT.md §7): not yet valid,
//! active, in grace or expired, or revoked by the vendor's revocation list (§17.4). The
//! verifier judges by it and the issuer shows it.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// The state of a license or of one grant at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum State {
    /// The term has not started.
    NotYetValid {
        /// When it starts.
        #[serde(with = "crate::time::required")]
        from: DateTime<Utc>,
    },
    /// In its term.
    Active {
        /// End of the term, exclusive; `None` for perpetual.
        #[serde(with = "crate::time::optional")]
        until: Option<DateTime<Utc>>,
    },
    /// The term has ended but the grace period has not: it still works, with a warning.
    Grace {
        /// The end of the grace period, exclusive.
        #[serde(with = "crate::time::required")]
        until: DateTime<Utc>,
        /// Whole days left, rounded up: 1 on the last day.
        days_left: i64,
    },
    /// The term and the grace period have ended.
    Expired {
        /// When it stopped working (grace included).
        #[serde(with = "crate::time::required")]
        since: DateTime<Utc>,
    },
    /// The vendor withdrew the license, or a key its trust rests on, in a revocation
    /// list the installation holds (FORMAT.md §17.4): it no longer works, whatever its
    /// dates. Never the result of [`State::of_term`]; an installation sets it.
    Revoked {
        /// When the vendor revoked it, as the list says (informative).
        #[serde(with = "crate::time::required")]
        at: DateTime<Utc>,
    },
}

impl State {
    /// The state at `now` of a term `[from, until)` followed by `grace_days` of grace.
    pub fn of_term(
        from: DateTime<Utc>,
        until: Option<DateTime<Utc>>,
        grace_days: u32,
        now: DateTime<Utc>,
    ) -> Self {
        if now < from {
            return State::NotYetValid { from };
        }
        let Some(until) = until else {
            return State::Active { until: None };
        };
        if now < until {
            return State::Active { until: Some(until) };
        }
        let grace_end = until + Duration::days(i64::from(grace_days));
        if now < grace_end {
            State::Grace {
                until: grace_end,
                days_left: days_rounded_up(grace_end - now),
            }
        } else {
            State::Expired { since: grace_end }
        }
    }

    /// Whether the license or grant works now (active or in grace).
    pub fn is_usable(&self) -> bool {
        matches!(self, State::Active { .. } | State::Grace { .. })
    }

    /// The state's name: `not-yet-valid`, `active`, `grace`, `expired` or `revoked`.
    pub fn name(&self) -> &'static str {
        match self {
            State::NotYetValid { .. } => "not-yet-valid",
            State::Active { .. } => "active",
            State::Grace { .. } => "grace",
            State::Expired { .. } => "expired",
            State::Revoked { .. } => "revoked",
        }
    }

    /// Whole days left, rounded up: to the end of the term while active, to the end of
    /// the grace period in grace; `None` for perpetual or not usable.
    pub fn days_left(&self, now: DateTime<Utc>) -> Option<i64> {
        match self {
            State::Active { until: Some(until) } => Some(days_rounded_up(*until - now)),
            State::Grace { days_left, .. } => Some(*days_left),
            _ => None,
        }
    }
}

/// Whole days in `d`, rounded up (none for a negative span).
pub fn days_rounded_up(d: Duration) -> i64 {
    let secs = d.num_seconds().max(0);
    (secs + 86_399) / 86_400
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_rfc3339;

    fn t(s: &str) -> DateTime<Utc> {
        parse_rfc3339(s).unwrap()
    }

    #[test]
    fn term_boundaries_are_exact() {
        let from = t("2026-01-01T00:00:00Z");
        let until = Some(t("2027-01-01T00:00:00Z"));
        assert_eq!(
            State::of_term(from, until, 14, t("2025-12-31T23:59:59Z")).name(),
            "not-yet-valid"
        );
        assert_eq!(State::of_term(from, until, 14, from).name(), "active");
        assert_eq!(
            State::of_term(from, until, 14, t("2027-01-01T00:00:00Z")),
            State::Grace {
                until: t("2027-01-15T00:00:00Z"),
                days_left: 14
            }
        );
        assert_eq!(
            State::of_term(from, until, 14, t("2027-01-14T23:00:00Z")),
            State::Grace {
                until: t("2027-01-15T00:00:00Z"),
                days_left: 1
            }
        );
        assert_eq!(
            State::of_term(from, until, 14, t("2027-01-15T00:00:00Z")),
            State::Expired {
                since: t("2027-01-15T00:00:00Z")
            }
        );
        assert_eq!(
            State::of_term(from, until, 0, t("2027-01-01T00:00:00Z")).name(),
            "expired"
        );
        assert_eq!(
            State::of_term(from, None, 0, t("2099-01-01T00:00:00Z")),
            State::Active { until: None }
        );
    }

    #[test]
    fn days_left_counts_to_the_end_of_the_term_then_of_grace() {
        let from = t("2026-01-01T00:00:00Z");
        let until = Some(t("2026-01-11T00:00:00Z"));
        let now = t("2026-01-01T12:00:00Z");
        let state = State::of_term(from, until, 5, now);
        assert_eq!(state.days_left(now), Some(10));
        let grace = State::of_term(from, until, 5, t("2026-01-12T00:00:00Z"));
        assert_eq!(grace.days_left(now), Some(4));
        assert!(state.is_usable());
    }
}
