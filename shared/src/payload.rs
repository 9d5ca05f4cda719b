//! The signed payload (FORMAT.md §6): its types, its strict parser and its rules.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::constants::{MAX_GRACE_DAYS, MAX_SEATS, MAX_SERIAL};
use crate::{json, text, time, Catalog, Error, LicenseKind, PayloadProblem, Result};

/// The customer a license is issued to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// The vendor's customer id, e.g. `C-1001`.
    pub id: String,
    /// The customer's name.
    pub name: String,
}

/// One licensed module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemGrant {
    /// The catalog code of a system license.
    pub code: String,
    /// End of this grant, exclusive; `None` means the license's own `valid_until`.
    #[serde(with = "time::optional")]
    pub valid_until: Option<DateTime<Utc>>,
}

/// One seat-counted user plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanGrant {
    /// The catalog code of a user plan.
    pub code: String,
    /// Seats licensed, at least 1.
    pub seats: u32,
    /// End of this grant, exclusive; `None` means the license's own `valid_until`.
    #[serde(with = "time::optional")]
    pub valid_until: Option<DateTime<Utc>>,
}

/// The claims of a license file. A value parsed by [`Payload::parse`] satisfies every
/// rule of FORMAT.md §6 against the catalog it was checked with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    /// Unique id given by the issuer, e.g. `LIC-000042`.
    pub license_id: String,
    /// Sequence per (customer id, installation id); a higher serial supersedes a lower one.
    pub serial: u64,
    /// The catalog's product id.
    pub product: String,
    /// When the file was signed.
    #[serde(with = "time::required")]
    pub issued_at: DateTime<Utc>,
    /// The vendor's display name.
    pub issuer: String,
    /// Who the license is for.
    pub customer: Customer,
    /// The installation the license is bound to; `None` means any installation. The
    /// member must be present, as `null` when unbound.
    #[serde(deserialize_with = "json::nullable")]
    pub installation_id: Option<String>,
    /// Start of the term.
    #[serde(with = "time::required")]
    pub valid_from: DateTime<Utc>,
    /// End of the term, exclusive; `None` means perpetual.
    #[serde(with = "time::optional")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Days after `valid_until` in which the license still works, with warnings.
    pub grace_days: u32,
    /// The modules licensed.
    pub system_licenses: Vec<SystemGrant>,
    /// The seat-counted plans.
    pub user_plans: Vec<PlanGrant>,
    /// Data that verifiers may ignore; keys unique at every depth.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "json::strict_object"
    )]
    pub extensions: Option<Map<String, Value>>,
}

impl Payload {
    /// Parses payload bytes strictly and checks every rule against `catalog`, including
    /// the product id.
    ///
    /// # Errors
    /// [`Error::Payload`] for malformed JSON, unknown or duplicated members;
    /// [`Error::WrongProduct`]; [`Error::InvalidPayload`] for a broken rule.
    pub fn parse(bytes: &[u8], catalog: &Catalog) -> Result<Self> {
        let payload: Payload = json::from_slice(bytes).map_err(Error::Payload)?;
        payload.validate(catalog)?;
        Ok(payload)
    }

    /// Serializes the payload as compact JSON, as writers emit it.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Strings, integers and maps of JSON values always serialize.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Checks every rule of FORMAT.md §6 that the types alone do not hold.
    ///
    /// # Errors
    /// [`Error::WrongProduct`] or [`Error::InvalidPayload`], naming the member.
    pub fn validate(&self, catalog: &Catalog) -> Result<()> {
        if self.product != catalog.product {
            return Err(Error::WrongProduct {
                expected: catalog.product.clone(),
                found: self.product.clone(),
            });
        }
        let ids = [
            ("license_id", Some(&self.license_id)),
            ("customer.id", Some(&self.customer.id)),
            ("installation_id", self.installation_id.as_ref()),
        ];
        for (field, id) in ids {
            id.map_or(Ok(()), |id| text::check_id(id))
                .map_err(|problem| invalid(field, PayloadProblem::Text(problem)))?;
        }
        for (field, name) in [
            ("issuer", &self.issuer),
            ("customer.name", &self.customer.name),
        ] {
            text::check_name(name)
                .map_err(|problem| invalid(field, PayloadProblem::Text(problem)))?;
        }
        if !(1..=MAX_SERIAL).contains(&self.serial) {
            return Err(invalid(
                "serial",
                PayloadProblem::OutOfRange {
                    value: self.serial,
                    min: 1,
                    max: MAX_SERIAL,
                },
            ));
        }
        if self.grace_days > MAX_GRACE_DAYS {
            return Err(invalid(
                "grace_days",
                PayloadProblem::TooManyDays {
                    days: self.grace_days,
                    max: MAX_GRACE_DAYS,
                },
            ));
        }
        if let Some(until) = self.valid_until {
            if until <= self.valid_from {
                return Err(invalid("valid_until", PayloadProblem::NotAfterStart));
            }
        }
        self.validate_grants(catalog)
    }

    fn validate_grants(&self, catalog: &Catalog) -> Result<()> {
        // Field paths are formatted only on error: this runs on every verification.
        let system = |i: usize| format!("system_licenses[{i}]");
        let plan = |i: usize| format!("user_plans[{i}]");
        for (i, grant) in self.system_licenses.iter().enumerate() {
            let earlier = self.system_licenses[..i].iter().map(|g| g.code.as_str());
            check_code(
                catalog,
                || system(i),
                &grant.code,
                LicenseKind::System,
                earlier,
            )?;
            self.check_within_term(|| system(i), grant.valid_until)?;
        }
        for (i, grant) in self.user_plans.iter().enumerate() {
            let earlier = self.user_plans[..i].iter().map(|g| g.code.as_str());
            check_code(
                catalog,
                || plan(i),
                &grant.code,
                LicenseKind::UserPlan,
                earlier,
            )?;
            if !(1..=MAX_SEATS).contains(&grant.seats) {
                return Err(invalid(
                    &format!("{}.seats", plan(i)),
                    PayloadProblem::OutOfRange {
                        value: u64::from(grant.seats),
                        min: 1,
                        max: u64::from(MAX_SEATS),
                    },
                ));
            }
            self.check_within_term(|| plan(i), grant.valid_until)?;
        }
        Ok(())
    }

    fn check_within_term(
        &self,
        field: impl Fn() -> String,
        grant_until: Option<DateTime<Utc>>,
    ) -> Result<()> {
        match (grant_until, self.valid_until) {
            (Some(g), Some(l)) if g > l => Err(invalid(
                &format!("{}.valid_until", field()),
                PayloadProblem::OutlivesLicense {
                    ends_at: g,
                    license_ends_at: l,
                },
            )),
            (Some(g), _) if g <= self.valid_from => Err(invalid(
                &format!("{}.valid_until", field()),
                PayloadProblem::GrantNotAfterStart,
            )),
            _ => Ok(()),
        }
    }

    /// The end of a grant: its own `valid_until`, or the license's.
    pub fn grant_end(&self, grant_until: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
        grant_until.or(self.valid_until)
    }
}

fn check_code<'a>(
    catalog: &Catalog,
    field: impl Fn() -> String,
    code: &str,
    kind: LicenseKind,
    mut earlier: impl Iterator<Item = &'a str>,
) -> Result<()> {
    match catalog.entry(code) {
        Some(entry) if entry.kind == kind => {}
        Some(entry) => {
            return Err(invalid(
                &format!("{}.code", field()),
                PayloadProblem::OtherKind {
                    catalog_code: code.to_owned(),
                    kind: entry.kind,
                    expected: kind,
                },
            ));
        }
        None => {
            return Err(invalid(
                &format!("{}.code", field()),
                PayloadProblem::UnknownCode {
                    catalog_code: code.to_owned(),
                    kind,
                    suggestion: catalog.suggest(code, kind).map(str::to_owned),
                },
            ));
        }
    }
    if earlier.any(|c| c == code) {
        return Err(invalid(
            &format!("{}.code", field()),
            PayloadProblem::CodeTwice {
                catalog_code: code.to_owned(),
            },
        ));
    }
    Ok(())
}

fn invalid(field: &str, problem: PayloadProblem) -> Error {
    Error::InvalidPayload {
        field: field.to_owned(),
        problem,
    }
}
