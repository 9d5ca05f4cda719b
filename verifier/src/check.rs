//! The stateless check of one license file at an instant, as `verify` reports it.

use chrono::{DateTime, Utc};
use license_format::{Customer, KeyId, Trust};
use serde::{Serialize, Serializer};

use crate::{verify_trusted, Error, Reason, Result, State, VerifiedLicense};

/// The state of one grant in a [`FileCheck`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GrantCheck {
    /// The catalog code.
    pub code: String,
    /// Seats, for a plan.
    pub seats: Option<u32>,
    /// The grant's state at the instant.
    #[serde(serialize_with = "name")]
    pub state: State,
    /// The grant's end (`null`: perpetual). In JSON: `ends_at` and `last_day`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end")]
    pub valid_until: Option<DateTime<Utc>>,
}

/// What `verify` reports about a genuine license file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FileCheck {
    /// Whether the file works at the instant (and for the installation, if one was given).
    pub valid: bool,
    /// Why not.
    pub reasons: Vec<Reason>,
    /// The license's state at the instant.
    #[serde(serialize_with = "name")]
    pub state: State,
    /// Why it no longer works, when a revocation list withdraws it (`null` for a file
    /// checked alone: only an installation holds a list).
    pub revocation: Option<crate::Revocation>,
    /// Whole days left: to the end of the term, or of the grace period when in grace.
    pub days_left: Option<i64>,
    /// The license's id.
    pub license_id: String,
    /// Its serial.
    pub serial: u64,
    /// Its customer.
    pub customer: Customer,
    /// The installation it is bound to (`null`: any).
    pub installation_id: Option<String>,
    /// Who issued it (the vendor's display name).
    pub issuer: String,
    /// The signing key's id.
    #[serde(serialize_with = "crate::json_time::key_id")]
    pub kid: KeyId,
    /// When it was issued.
    #[serde(with = "crate::json_time")]
    pub issued_at: DateTime<Utc>,
    /// Start of its term.
    #[serde(with = "crate::json_time")]
    pub valid_from: DateTime<Utc>,
    /// End of its term (`null`: perpetual). In JSON: `ends_at` and `last_day`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Days of grace after the end.
    pub grace_days: u32,
    /// The system licenses.
    pub system_licenses: Vec<GrantCheck>,
    /// The user plans.
    pub user_plans: Vec<GrantCheck>,
}

fn name<S: Serializer>(state: &State, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(state.name())
}

/// Verifies `bytes` and reports whether the license works at `at`, and for
/// `installation_id` when given. Nothing is stored and no clock is read.
///
/// # Errors
/// As [`verify`]: the file is malformed, forged, signed by an unknown key or for another
/// product. A genuine file that does not work is `Ok` with `valid: false`.
pub fn check_file(
    bytes: &[u8],
    trust: &Trust,
    at: DateTime<Utc>,
    installation_id: Option<&str>,
) -> Result<FileCheck> {
    Ok(FileCheck::of(
        &verify_trusted(bytes, trust)?,
        at,
        installation_id,
    ))
}

impl FileCheck {
    /// The report on a verified license.
    pub fn of(license: &VerifiedLicense, at: DateTime<Utc>, installation_id: Option<&str>) -> Self {
        let p = license.payload();
        let state = license.state_at(at);
        let mut reasons = Vec::new();
        let license_id = p.license_id.clone();
        match state {
            State::Revoked { .. } => {
                if let Some(revocation) = license.revocation() {
                    let revocation = revocation.clone();
                    reasons.push(Reason::LicenseRevoked {
                        license_id,
                        revocation,
                    });
                }
            }
            State::Expired { since } => reasons.push(Reason::LicenseExpired { license_id, since }),
            State::NotYetValid { from } => {
                reasons.push(Reason::LicenseNotYetValid { license_id, from })
            }
            _ => {}
        }
        if let Some(Err(Error::WrongInstallation {
            license_id,
            expected,
            found,
        })) = installation_id.map(|id| license.check_installation(id))
        {
            reasons.push(Reason::WrongInstallation {
                license_id,
                expected,
                found,
            });
        }
        let grant = |code: &str, seats: Option<u32>| GrantCheck {
            code: code.to_owned(),
            seats,
            state: license.grant_state_at(code, at).unwrap_or(state),
            valid_until: license.grant_until(code).flatten(),
        };
        FileCheck {
            valid: reasons.is_empty(),
            reasons,
            state,
            revocation: license.revocation().cloned(),
            days_left: state.days_left(at),
            license_id: p.license_id.clone(),
            serial: p.serial,
            customer: p.customer.clone(),
            installation_id: p.installation_id.clone(),
            issuer: p.issuer.clone(),
            kid: license.kid(),
            issued_at: p.issued_at,
            valid_from: p.valid_from,
            valid_until: p.valid_until,
            grace_days: p.grace_days,
            system_licenses: p
                .system_licenses
                .iter()
                .map(|g| grant(&g.code, None))
                .collect(),
            user_plans: p
                .user_plans
                .iter()
                .map(|g| grant(&g.code, Some(g.seats)))
                .collect(),
        }
    }
}
