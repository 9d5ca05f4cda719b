//! Why a decision says no, or what still holds when it says yes: typed values with a
//! stable machine code each, which a front end renders in its own language.
//!
//! | code | meaning | data |
//! |---|---|---|
//! | `no-license` | no license is active | |
//! | `wrong-installation` | the license is bound to another installation | `license_id`, `expected`, `found` |
//! | `license-expired` | the license (grace included) has ended | `license_id`, `since` |
//! | `license-not-yet-valid` | the license's term has not started | `license_id`, `from` |
//! | `license-revoked` | a revocation list withdraws the license or a key it rests on | `license_id`, `by` (`license` or `key`), `kid`, `revoked_at`, `reason`, `list_serial` |
//! | `system-license-missing` | the license does not grant the module | `license_code` |
//! | `system-license-expired` | the module (grace included) has ended | `license_code`, `since` |
//! | `system-license-not-yet-valid` | the module's term has not started | `license_code`, `from` |
//! | `user-required` | the capability is asked per user, and no user was named | `capability` |
//! | `unknown-user` | the installation has no such user | `user` |
//! | `no-login-rights` | the user may not log in | `user` |
//! | `no-seat` | the user holds no seat of any plan that gives the capability | `user`, `plans` |
//! | `plan-not-licensed` | the plan is not in the license | `plan`, `user` (when a holder asked) |
//! | `plan-expired` | the plan (grace included) has ended | `plan`, `since` |
//! | `plan-not-yet-valid` | the plan's term has not started | `plan`, `from` |
//! | `beyond-licensed-seats` | the user's seat is past the licensed count | `plan`, `user`, `rank`, `seats` |
//! | `no-free-seat` | every licensed seat of the plan is held | `plan`, `used`, `seats` |
//! | `license-in-grace` | warning: the license has ended and is in its grace period | `license_id`, `until`, `days_left` |
//! | `grant-in-grace` | warning: a module or plan has ended and is in its grace period | `license_code`, `until`, `days_left` |
//!
//! Instants are RFC 3339 in JSON; an `until` or `since` is the exclusive end.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// One reason of a [`crate::Decision`] or a [`crate::FileCheck`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // the table above documents every variant and its data
pub enum Reason {
    NoLicense,
    WrongInstallation {
        license_id: String,
        expected: String,
        found: String,
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
    SystemLicenseMissing {
        license_code: String,
    },
    SystemLicenseExpired {
        license_code: String,
        #[serde(with = "crate::json_time")]
        since: DateTime<Utc>,
    },
    SystemLicenseNotYetValid {
        license_code: String,
        #[serde(with = "crate::json_time")]
        from: DateTime<Utc>,
    },
    UserRequired {
        capability: String,
    },
    UnknownUser {
        user: String,
    },
    NoLoginRights {
        user: String,
    },
    NoSeat {
        user: String,
        plans: Vec<String>,
    },
    PlanNotLicensed {
        plan: String,
        user: Option<String>,
    },
    PlanExpired {
        plan: String,
        #[serde(with = "crate::json_time")]
        since: DateTime<Utc>,
    },
    PlanNotYetValid {
        plan: String,
        #[serde(with = "crate::json_time")]
        from: DateTime<Utc>,
    },
    BeyondLicensedSeats {
        plan: String,
        user: String,
        rank: u64,
        seats: u32,
    },
    NoFreeSeat {
        plan: String,
        used: u64,
        seats: u32,
    },
    LicenseInGrace {
        license_id: String,
        #[serde(with = "crate::json_time")]
        until: DateTime<Utc>,
        days_left: i64,
    },
    GrantInGrace {
        license_code: String,
        #[serde(with = "crate::json_time")]
        until: DateTime<Utc>,
        days_left: i64,
    },
}

impl Reason {
    /// The stable machine code, as in the table of this module.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::NoLicense => "no-license",
            Reason::WrongInstallation { .. } => "wrong-installation",
            Reason::LicenseExpired { .. } => "license-expired",
            Reason::LicenseNotYetValid { .. } => "license-not-yet-valid",
            Reason::LicenseRevoked { .. } => "license-revoked",
            Reason::SystemLicenseMissing { .. } => "system-license-missing",
            Reason::SystemLicenseExpired { .. } => "system-license-expired",
            Reason::SystemLicenseNotYetValid { .. } => "system-license-not-yet-valid",
            Reason::UserRequired { .. } => "user-required",
            Reason::UnknownUser { .. } => "unknown-user",
            Reason::NoLoginRights { .. } => "no-login-rights",
            Reason::NoSeat { .. } => "no-seat",
            Reason::PlanNotLicensed { .. } => "plan-not-licensed",
            Reason::PlanExpired { .. } => "plan-expired",
            Reason::PlanNotYetValid { .. } => "plan-not-yet-valid",
            Reason::BeyondLicensedSeats { .. } => "beyond-licensed-seats",
            Reason::NoFreeSeat { .. } => "no-free-seat",
            Reason::LicenseInGrace { .. } => "license-in-grace",
            Reason::GrantInGrace { .. } => "grant-in-grace",
        }
    }

    /// Whether this only warns: the decision it belongs to may still say yes.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Reason::LicenseInGrace { .. } | Reason::GrantInGrace { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_carries_the_code_and_the_data() {
        let r = Reason::NoFreeSeat {
            plan: "sales-premium".into(),
            used: 2,
            seats: 2,
        };
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "no-free-seat", "plan": "sales-premium", "used": 2, "seats": 2})
        );
        assert_eq!(json["code"], r.code());
    }
}
