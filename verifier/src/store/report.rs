//! The startup check (`status`), the Licenses screen (`list`), one license in detail
//! (`show`) and the access questions (`check`).

use chrono::{DateTime, Utc};
use license_format::{CatalogEntry, Customer, Lang, LicenseKind};
use rusqlite::Connection;
use serde::{Serialize, Serializer};

use super::{seats, users, Ctx, LicenseStore};
use crate::Warning;
use crate::{
    decide_capability, decide_system, CodeKind, Decision, Error, FileCheck, Reason, Result, State,
    VerifiedLicense,
};

use super::endings::{Ending, WARNING_DAYS as EXPIRY_WARNING_DAYS};

/// The startup check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Status {
    /// This installation's id.
    pub installation_id: String,
    /// The license's state; `unlicensed` when none is active.
    #[serde(serialize_with = "state_or_unlicensed")]
    pub state: Option<State>,
    /// Whether the product may run licensed (active or grace).
    pub usable: bool,
    /// The active license's id.
    pub license_id: Option<String>,
    /// Its serial.
    pub serial: Option<u64>,
    /// Its customer.
    pub customer: Option<Customer>,
    /// End of its term (`null`: perpetual or none). In JSON: `ends_at` and `last_day`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Whole days left: to the end of the term, or of the grace period when in grace.
    pub days_left: Option<i64>,
    /// The time decisions use.
    #[serde(with = "crate::json_time")]
    pub effective_time: DateTime<Utc>,
    /// Why the license no longer works, when a revocation list withdraws it.
    pub revocation: Option<crate::Revocation>,
    /// Things an administrator should act on.
    pub warnings: Vec<Warning>,
    /// Every module and plan in its grace period or ending within 30 days.
    pub endings: Vec<Ending>,
}

fn state_or_not_licensed<S: Serializer>(state: &Option<State>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(state.map_or("not-licensed", |st| st.name()))
}

fn state_or_unlicensed<S: Serializer>(state: &Option<State>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(state.map_or("unlicensed", |st| st.name()))
}

/// One row of the Licenses screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LicenseRow {
    /// The catalog code.
    pub code: String,
    /// The name in the chosen language.
    pub name: String,
    /// `system`, `user-plan` or `legacy`.
    pub kind: &'static str,
    /// The grant's state; `None` when the active license does not grant it (or none is
    /// active). In JSON the state's code: `active`, `grace`, `expired`, `not-yet-valid`
    /// or `not-licensed`.
    #[serde(serialize_with = "state_or_not_licensed")]
    pub state: Option<State>,
    /// The grant's end (`null`: perpetual or not licensed). In JSON: `ends_at` and `last_day`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Seats licensed (plans only).
    pub seats_total: Option<u32>,
    /// Seats held (plans only).
    pub seats_used: Option<u64>,
}

/// The seats of one plan of the active license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PlanSeats {
    /// The plan.
    pub plan: String,
    /// Seats licensed.
    pub seats_total: u32,
    /// Seats held.
    pub seats_used: u64,
    /// Seats free while the plan is usable (0 otherwise).
    pub seats_free: u64,
}

/// The active license in full, as `show` without a code shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ActiveLicense {
    /// The license checked at the effective time, for this installation: its terms,
    /// state and every grant with its dates and state.
    #[serde(flatten)]
    pub file: FileCheck,
    /// The seats of every plan it grants.
    pub seats: Vec<PlanSeats>,
}

/// The head of the Licenses screen: which license is active, for whom, until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ScreenHeader {
    /// The customer.
    pub customer: Customer,
    /// The active license's id.
    pub license_id: String,
    /// Its serial.
    pub serial: u64,
    /// Who issued it.
    pub issuer: String,
    /// Its state at the effective time.
    #[serde(serialize_with = "crate::state::serialize_name")]
    pub state: State,
    /// The end of its term. In JSON: `ends_at` and `last_day`.
    #[serde(flatten, serialize_with = "crate::json_time::term_end")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Why it no longer works, when a revocation list withdraws it.
    pub revocation: Option<crate::Revocation>,
}

/// The Licenses screen: the head (`None` when no license is active) and one row per
/// catalog license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LicensesScreen {
    /// Which license is active.
    pub header: Option<ScreenHeader>,
    /// Every license of the catalog, system licenses first.
    pub rows: Vec<LicenseRow>,
}

/// One holder of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Holder {
    /// The user.
    pub user: String,
    /// Place in assignment order, 1 first.
    pub rank: u64,
    /// Within the licensed count.
    pub counted: bool,
    /// When assigned.
    pub assigned_at: String,
}

/// One license in detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LicenseDetail {
    /// The row of the Licenses screen.
    #[serde(flatten)]
    pub row: LicenseRow,
    /// What the license is for, in the chosen language.
    pub description: String,
    /// The capabilities it takes part in.
    pub enables: Vec<String>,
    /// The holders (plans only), in assignment order.
    pub holders: Vec<Holder>,
}

fn kind_of(entry: &CatalogEntry) -> &'static str {
    match (entry.legacy, entry.kind) {
        (true, _) => "legacy",
        (false, LicenseKind::System) => "system",
        (false, LicenseKind::UserPlan) => "user-plan",
    }
}

fn row(
    tx: &Connection,
    license: Option<&VerifiedLicense>,
    entry: &CatalogEntry,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<LicenseRow> {
    let plan = entry.kind == LicenseKind::UserPlan;
    Ok(LicenseRow {
        code: entry.code.clone(),
        name: entry.name.get(lang).to_owned(),
        kind: kind_of(entry),
        state: license.and_then(|l| l.grant_state_at(&entry.code, now)),
        valid_until: license.and_then(|l| l.grant_until(&entry.code)).flatten(),
        seats_total: plan.then(|| license.and_then(|l| l.seats(&entry.code)).unwrap_or(0)),
        seats_used: if plan {
            Some(seats::used(tx, &entry.code)?)
        } else {
            None
        },
    })
}

fn known_entry(code: &str) -> Result<&'static CatalogEntry> {
    license_catalog::builtin()
        .entry(code)
        .ok_or_else(|| unknown_code(code, None))
}

/// The error for a code the catalog does not know as a `kind` (any license when `None`):
/// with what the code is instead, or the nearest code.
pub(crate) fn unknown_code(code: &str, kind: Option<LicenseKind>) -> Error {
    let catalog = license_catalog::builtin();
    let kinds = kind.map_or(vec![LicenseKind::System, LicenseKind::UserPlan], |k| {
        vec![k]
    });
    let is_a = catalog
        .entry(code)
        .map(|e| e.kind)
        .filter(|k| kind.is_some_and(|asked| asked != *k));
    let suggestion = match is_a {
        Some(_) => None,
        None => kinds.into_iter().find_map(|k| catalog.suggest(code, k)),
    };
    Error::UnknownCode {
        what: kind.map_or(CodeKind::License, CodeKind::from),
        code: code.to_owned(),
        is_a,
        suggestion: suggestion.map(str::to_owned),
    }
}

impl LicenseStore {
    /// The startup check at the effective time.
    ///
    /// # Errors
    /// [`Error::DamagedStore`] or a store error.
    pub fn status(&self, now: DateTime<Utc>) -> Result<Status> {
        self.read(now, |tx, ctx| {
            let mut warnings = std::mem::take(&mut ctx.warnings);
            let license = ctx.license()?;
            let state = license.map(|l| l.state_at(ctx.now));
            let mut endings = Vec::new();
            if let Some(l) = license {
                warnings.extend(license_warnings(tx, l, ctx)?);
                endings = super::endings::endings(tx, l, ctx.now)?;
                warnings.extend(super::endings::warnings(&endings));
            }
            Ok(Status {
                installation_id: self.installation_id.clone(),
                usable: state.is_some_and(|s| s.is_usable()),
                license_id: license.map(|l| l.license_id().to_owned()),
                serial: license.map(VerifiedLicense::serial),
                customer: license.map(|l| l.payload().customer.clone()),
                valid_until: license.and_then(|l| l.payload().valid_until),
                days_left: state.and_then(|s| s.days_left(ctx.now)),
                revocation: license.and_then(|l| l.revocation().cloned()),
                effective_time: ctx.now,
                warnings,
                endings,
                state,
            })
        })
    }

    /// The active license in full at the effective time, or `None` when none is active.
    ///
    /// # Errors
    /// [`Error::DamagedStore`], [`Error::UntrustedStoredLicense`] or a store error.
    pub fn active_detail(&self, now: DateTime<Utc>) -> Result<Option<ActiveLicense>> {
        self.read(now, |tx, ctx| {
            let Some(l) = ctx.license()? else {
                return Ok(None);
            };
            let file = FileCheck::of(l, ctx.now, Some(&self.installation_id));
            let mut seats = Vec::new();
            for g in &l.payload().user_plans {
                let seats_used = seats::used(tx, &g.code)?;
                let usable = seats::counted_seats(Some(l), &g.code, ctx.now) > 0;
                seats.push(PlanSeats {
                    plan: g.code.clone(),
                    seats_total: g.seats,
                    seats_used,
                    seats_free: if usable {
                        u64::from(g.seats).saturating_sub(seats_used)
                    } else {
                        0
                    },
                });
            }
            Ok(Some(ActiveLicense { file, seats }))
        })
    }

    /// The Licenses screen: one row per catalog license, system licenses first.
    ///
    /// # Errors
    /// [`Error::DamagedStore`] or a store error.
    pub fn licenses(&self, lang: Lang, now: DateTime<Utc>) -> Result<Vec<LicenseRow>> {
        self.read(now, |tx, ctx| {
            let license = ctx.license()?;
            license_catalog::builtin()
                .entries()
                .map(|e| row(tx, license, e, lang, ctx.now))
                .collect()
        })
    }

    /// The Licenses screen with its head, as `list` shows it.
    ///
    /// # Errors
    /// [`Error::DamagedStore`] or a store error.
    pub fn licenses_screen(&self, lang: Lang, now: DateTime<Utc>) -> Result<LicensesScreen> {
        self.read(now, |tx, ctx| {
            let license = ctx.license()?;
            let header = license.map(|l| {
                let p = l.payload();
                ScreenHeader {
                    customer: p.customer.clone(),
                    license_id: p.license_id.clone(),
                    serial: p.serial,
                    issuer: p.issuer.clone(),
                    state: l.state_at(ctx.now),
                    valid_until: p.valid_until,
                    revocation: l.revocation().cloned(),
                }
            });
            let rows = license_catalog::builtin()
                .entries()
                .map(|e| row(tx, license, e, lang, ctx.now))
                .collect::<Result<_>>()?;
            Ok(LicensesScreen { header, rows })
        })
    }

    /// One license in detail, with the holders of a plan.
    ///
    /// # Errors
    /// [`Error::UnknownCode`], [`Error::DamagedStore`] or a store error.
    pub fn show(&self, code: &str, lang: Lang, now: DateTime<Utc>) -> Result<LicenseDetail> {
        let entry = known_entry(code)?;
        self.read(now, |tx, ctx| {
            let license = ctx.license()?;
            let counted = seats::counted_seats(license, code, ctx.now);
            let holders = seats::holders(tx, code, 1..=u64::MAX)?
                .into_iter()
                .map(|held| Holder {
                    counted: held.rank <= counted,
                    user: held.user,
                    rank: held.rank,
                    assigned_at: held.assigned_at,
                })
                .collect();
            Ok(LicenseDetail {
                row: row(tx, license, entry, lang, ctx.now)?,
                description: entry.description.get(lang).to_owned(),
                enables: entry.enables.clone(),
                holders,
            })
        })
    }

    /// Whether the system license `code` is licensed and usable.
    ///
    /// # Errors
    /// [`Error::UnknownCode`] for a code that is not a system license.
    pub fn check_system(&self, code: &str, now: DateTime<Utc>) -> Result<Decision> {
        let catalog = license_catalog::builtin();
        if catalog.entry(code).map(|e| e.kind) != Some(LicenseKind::System) {
            return Err(unknown_code(code, Some(LicenseKind::System)));
        }
        self.read(now, |_, ctx| {
            Ok(decide_system(ctx.license()?, code, ctx.now))
        })
    }

    /// Whether a capability may be used, by `user` when it is asked per user.
    ///
    /// The capabilities of the built-in catalog:
    ///
    /// | capability | per user | needs |
    /// |---|---|---|
    /// | `crm` | no | `superoffice-server` |
    /// | `web-client` | yes | `superoffice-server` and `online-web-services`; the user has login rights and holds a seat of `sales-essentials`, `sales-premium`, `service-essentials`, `service-premium`, `marketing-essentials` or `marketing-premium` within its count |
    /// | `windows-client` | yes | `legacy-windows-site`; login rights and a seat of `legacy-windows-users` |
    /// | `saint-status-monitors` | no | `sales-intelligence` |
    /// | `exchange-sync` | no | `exchange-synchronizer` |
    /// | `external-users` | no | `expander-services` |
    /// | `customer-centre` | no | `customer-centre` |
    /// | `quotes` | no | `quote-management` |
    ///
    /// The question a product asks at each login, "may this user reach the product
    /// through the web client?":
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use license_verifier::{LicenseStore, Reason};
    /// # let dir = tempfile::tempdir().unwrap();
    /// # let keyring = license_verifier::trusted::default_keyring().unwrap();
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap();
    /// # let store = LicenseStore::create(&dir.path().join("s.db"), keyring, now).unwrap();
    /// let d = store.check_capability("web-client", Some("alice"), now).unwrap();
    /// // A fresh store knows no user alice. Typed reasons: the product words them in its
    /// // own language, by their codes.
    /// assert!(!d.allowed);
    /// assert_eq!(d.reasons, [Reason::UnknownUser { user: "alice".into() }]);
    /// assert_eq!(d.reasons[0].code(), "unknown-user");
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownCode`] for an unknown capability, [`Error::UserRequired`] for a
    /// per-user capability asked without a user.
    pub fn check_capability(
        &self,
        capability: &str,
        user: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Decision> {
        let catalog = license_catalog::builtin();
        let cap = catalog
            .capability(capability)
            .ok_or_else(|| Error::UnknownCode {
                what: CodeKind::Capability,
                code: capability.to_owned(),
                is_a: None,
                suggestion: None,
            })?;
        if cap.per_user && user.is_none() {
            return Err(Error::UserRequired(capability.to_owned()));
        }
        self.read(now, |tx, ctx| {
            let facts = match user {
                Some(name) if cap.per_user => users::facts(tx, name)?,
                _ => None,
            };
            let mut d = decide_capability(ctx.license()?, cap, facts.as_ref(), ctx.now);
            if let (Some(name), None, true) = (user, &facts, cap.per_user) {
                d.reasons = vec![Reason::UnknownUser {
                    user: name.to_owned(),
                }];
                d.allowed = false;
            }
            Ok(d)
        })
    }
}

fn license_warnings(tx: &Connection, l: &VerifiedLicense, ctx: &Ctx) -> Result<Vec<Warning>> {
    let now = ctx.now;
    let mut warnings = Vec::new();
    let license_id = l.license_id().to_owned();
    let state = l.state_at(now);
    match state {
        State::Grace { until, days_left } => warnings.push(Warning::LicenseInGrace {
            license_id,
            until,
            days_left,
        }),
        State::Active { until: Some(_) } => {
            if let Some(days_left) = state.days_left(now).filter(|d| *d <= EXPIRY_WARNING_DAYS) {
                warnings.push(Warning::LicenseEndsSoon {
                    license_id,
                    days_left,
                    grace_days: l.payload().grace_days,
                });
            }
        }
        State::Expired { since } => warnings.push(Warning::LicenseExpired { license_id, since }),
        State::NotYetValid { from } => {
            warnings.push(Warning::LicenseNotYetValid { license_id, from })
        }
        State::Revoked { .. } => {
            if let Some(revocation) = l.revocation() {
                warnings.push(Warning::LicenseRevoked {
                    license_id,
                    revocation: revocation.clone(),
                });
            }
        }
        State::Active { until: None } => {}
    }
    for g in &l.payload().system_licenses {
        if let (Some(State::Expired { since }), State::Active { .. }) =
            (l.grant_state_at(&g.code, now), state)
        {
            warnings.push(Warning::SystemLicenseExpired {
                license_code: g.code.clone(),
                since,
            });
        }
    }
    for g in &l.payload().user_plans {
        let holders = seats::used(tx, &g.code)?;
        if holders > u64::from(g.seats) {
            warnings.push(Warning::PlanOverfull {
                plan: g.code.clone(),
                holders,
                seats: g.seats,
            });
        }
    }
    Ok(warnings)
}
