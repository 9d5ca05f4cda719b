//! What an administrator should act on, from the startup check: typed values with a
//! stable machine code each, which a front end renders in its own language.
//!
//! | code | meaning | data |
//! |---|---|---|
//! | `clock-behind` | the system clock is more than 24 hours behind the latest time the store has seen; decisions use the later time | `clock`, `mark`, `hours` |
//! | `license-ends-soon` | the license's term ends within 30 days | `license_id`, `days_left`, `grace_days` |
//! | `license-in-grace` | the license's term has ended; it works until the grace period ends | `license_id`, `until`, `days_left` |
//! | `license-expired` | the license, grace included, has ended | `license_id`, `since` |
//! | `license-not-yet-valid` | the license's term has not started | `license_id`, `from` |
//! | `license-revoked` | a revocation list withdraws the license or a key it rests on | `license_id`, `by` (`license` or `key`), `kid`, `revoked_at`, `reason`, `list_serial` |
//! | `system-license-expired` | a module with an end of its own has ended while the license runs | `license_code`, `since` |
//! | `grant-ends-soon` | a module or plan with an end of its own stops working within 30 days (grace included) | `license_code`, `plan`, `stops_at`, `days_left` |
//! | `grant-in-grace` | a module or plan with an end of its own is in its grace period | `license_code`, `plan`, `stops_at`, `days_left` |
//! | `users-lose-access` | these holders of a plan lose access when it stops working | `plan`, `stops_at`, `users` (the first 20), `users_total` |
//! | `plan-overfull` | a plan has more holders than seats; those past the count are denied | `plan`, `holders`, `seats` |
//!
//! Instants are RFC 3339 in JSON; `until`, `since` and `stops_at` are exclusive ends.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// One warning of [`crate::store::Status`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // the table above documents every variant and its data
pub enum Warning {
    ClockBehind {
        #[serde(with = "crate::json_time")]
        clock: DateTime<Utc>,
        #[serde(with = "crate::json_time")]
        mark: DateTime<Utc>,
        hours: i64,
    },
    LicenseEndsSoon {
        license_id: String,
        days_left: i64,
        grace_days: u32,
    },
    LicenseInGrace {
        license_id: String,
        #[serde(with = "crate::json_time")]
        until: DateTime<Utc>,
        days_left: i64,
    },
    LicenseExpired {
        license_id: String,
        #[serde(with = "crate::json_time")]
        since: DateTime<Utc>,
    },
    LicenseNotYetValid {
        license_id: String,
        #[serde(with = "crate::json_time")]
        from: DateTime<Utc>,
    },
    LicenseRevoked {
        license_id: String,
        #[serde(flatten)]
        revocation: crate::Revocation,
    },
    SystemLicenseExpired {
        license_code: String,
        #[serde(with = "crate::json_time")]
        since: DateTime<Utc>,
    },
    GrantEndsSoon {
        license_code: String,
        plan: bool,
        #[serde(with = "crate::json_time")]
        stops_at: DateTime<Utc>,
        days_left: i64,
    },
    GrantInGrace {
        license_code: String,
        plan: bool,
        #[serde(with = "crate::json_time")]
        stops_at: DateTime<Utc>,
        days_left: i64,
    },
    UsersLoseAccess {
        plan: String,
        #[serde(with = "crate::json_time")]
        stops_at: DateTime<Utc>,
        users: Vec<String>,
        users_total: u64,
    },
    PlanOverfull {
        plan: String,
        holders: u64,
        seats: u32,
    },
}

impl Warning {
    /// The stable machine code, as in the table of this module.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::ClockBehind { .. } => "clock-behind",
            Warning::LicenseEndsSoon { .. } => "license-ends-soon",
            Warning::LicenseInGrace { .. } => "license-in-grace",
            Warning::LicenseExpired { .. } => "license-expired",
            Warning::LicenseNotYetValid { .. } => "license-not-yet-valid",
            Warning::LicenseRevoked { .. } => "license-revoked",
            Warning::SystemLicenseExpired { .. } => "system-license-expired",
            Warning::GrantEndsSoon { .. } => "grant-ends-soon",
            Warning::GrantInGrace { .. } => "grant-in-grace",
            Warning::UsersLoseAccess { .. } => "users-lose-access",
            Warning::PlanOverfull { .. } => "plan-overfull",
        }
    }
}
