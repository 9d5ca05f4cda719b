//! The order as serde reads it: derived structs with `deny_unknown_fields`, read through
//! `serde_path_to_error`, so that the path a message names (`user_plans.sales-premium`,
//! `system_licenses[2].code`) is serde's. Each value that can be wrong is a type of its
//! own whose `Deserialize` judges it (a code against the catalog, seats, a date) and
//! raises a typed problem (`order_typed`).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use license_format::constants::{MAX_GRACE_DAYS, MAX_ID_BYTES, MAX_SEATS};
use license_format::LicenseKind;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess};
use serde::Deserialize;

use super::typed::{number, object, raise, read_as, read_members, string, Accept, Members};
use super::DEFAULT_GRACE_DAYS;
use crate::dates::{parse_edge, Edge};
use crate::problem::{Expected, OrderProblem as P};

/// The members of an order, as "unknown member" lists them.
pub(crate) const MEMBERS: &[&str] = &[
    "order_id",
    "customer",
    "installation_id",
    "valid_from",
    "valid_until",
    "grace_days",
    "system_licenses",
    "user_plans",
];

/// The order: an object of [`MEMBERS`], each a type that judges its own value.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrder {
    pub(super) order_id: Option<OrderId>,
    #[serde(deserialize_with = "object")]
    pub(super) customer: RawCustomer,
    pub(super) installation_id: Option<Text>,
    pub(super) valid_from: Option<Date<false>>,
    pub(super) valid_until: Option<Date<true>>,
    // Not an Option: `null` is of the wrong type here, not "the default".
    #[serde(default)]
    pub(super) grace_days: GraceDays,
    #[serde(default)]
    pub(super) system_licenses: SystemLicenses,
    #[serde(default)]
    pub(super) user_plans: UserPlans,
}

/// The whole document: an order object.
pub(super) struct Top(pub(super) RawOrder);

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        object(d).map(Top)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCustomer {
    pub(super) id: Text,
    pub(super) name: Text,
}

/// One grant of a system license, from a code string or a `{code, valid_until}` object.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSystemGrant {
    pub(super) code: Text,
    pub(super) valid_until: Option<Date<true>>,
}

/// One grant of a user plan, from `"code": seats` or a `{code, seats, valid_until}`
/// object.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlanGrant {
    pub(super) code: Text,
    pub(super) seats: Seats,
    pub(super) valid_until: Option<Date<true>>,
}

impl Members for RawOrder {
    const ALLOWED: &'static [&'static str] = MEMBERS;
    fn expected() -> Expected {
        Expected::Order {
            allowed: MEMBERS.to_vec(),
        }
    }
}

impl Members for RawCustomer {
    const ALLOWED: &'static [&'static str] = &["id", "name"];
}

impl Members for RawSystemGrant {
    const ALLOWED: &'static [&'static str] = &["code", "valid_until"];
}

impl Members for RawPlanGrant {
    const ALLOWED: &'static [&'static str] = &["code", "seats", "valid_until"];
}

/// A string that is not blank.
pub(super) struct Text(pub(super) String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = string(d, Expected::String)?;
        if text.trim().is_empty() {
            return Err(raise(P::Empty));
        }
        Ok(Text(text))
    }
}

/// An order id, held to the format's rule for ids (FORMAT.md §1.4 rule 8), so that it
/// compares and reads as written wherever it is shown.
pub(super) struct OrderId(pub(super) String);

impl<'de> Deserialize<'de> for OrderId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Text(id) = Text::deserialize(d)?;
        if id.len() > MAX_ID_BYTES || !id.bytes().all(|b| b.is_ascii_graphic()) {
            let limit = MAX_ID_BYTES;
            return Err(raise(P::NotAnId { limit }));
        }
        Ok(OrderId(id))
    }
}

/// A date or timestamp: the start of a term (`Date<false>`) or an exclusive end
/// (`Date<true>`), where a date means the following midnight.
pub(super) struct Date<const END: bool>(pub(super) DateTime<Utc>);

impl<'de, const END: bool> Deserialize<'de> for Date<END> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = string(d, Expected::Date)?;
        let edge = if END { Edge::End } else { Edge::Start };
        parse_edge(&text, edge).map(Date).map_err(raise)
    }
}

/// `grace_days`: a whole number from 0 to the format's limit.
pub(super) struct GraceDays(pub(super) u32);

impl Default for GraceDays {
    fn default() -> Self {
        GraceDays(DEFAULT_GRACE_DAYS)
    }
}

impl<'de> Deserialize<'de> for GraceDays {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let max = MAX_GRACE_DAYS;
        let value = number(d, Expected::Days { max })?;
        match value.as_u64().and_then(|days| u32::try_from(days).ok()) {
            Some(days) if days <= max => Ok(GraceDays(days)),
            _ => Err(raise(P::GraceDaysOutOfRange { value, max })),
        }
    }
}

/// A seat count: a whole number from 1 to the format's limit.
pub(super) struct Seats(pub(super) u32);

impl<'de> Deserialize<'de> for Seats {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let seats = number(d, Expected::Seats)?;
        let problem = match seats.as_i64() {
            Some(s) if s < 1 => P::SeatsTooFew { seats },
            Some(s) if s <= i64::from(MAX_SEATS) => return Ok(Seats(s as u32)),
            _ if seats.is_f64() => P::SeatsNotWhole { seats },
            _ => P::SeatsTooMany {
                seats,
                max: MAX_SEATS,
            },
        };
        Err(raise(problem))
    }
}

/// `system_licenses`: an array of codes or `{code, valid_until}` objects, each code of
/// the catalog's system licenses and given once.
#[derive(Default)]
pub(super) struct SystemLicenses(pub(super) Vec<RawSystemGrant>);

impl<'de> Deserialize<'de> for SystemLicenses {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_as(d, SystemList)
    }
}

struct SystemList;

impl<'de> Accept<'de> for SystemList {
    type Value = SystemLicenses;
    fn expected(&self) -> Expected {
        Expected::SystemLicenses
    }
    fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SystemLicenses, A::Error> {
        let mut seen = HashSet::new();
        let mut grants = Vec::new();
        while let Some(grant) = seq.next_element_seed(SystemItem { seen: &mut seen })? {
            grants.push(grant);
        }
        Ok(SystemLicenses(grants))
    }
}

/// One item of `system_licenses`; its code is judged here, so that the problem names
/// the item (`system_licenses[1]`).
struct SystemItem<'s> {
    seen: &'s mut HashSet<String>,
}

impl<'de> DeserializeSeed<'de> for SystemItem<'_> {
    type Value = RawSystemGrant;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawSystemGrant, D::Error> {
        let grant = read_as(d, SystemShape)?;
        check_code(&grant.code.0, LicenseKind::System, self.seen).map_err(raise)?;
        Ok(grant)
    }
}

struct SystemShape;

impl<'de> Accept<'de> for SystemShape {
    type Value = RawSystemGrant;
    fn expected(&self) -> Expected {
        Expected::SystemLicense
    }
    fn string<E: de::Error>(self, code: String) -> Result<RawSystemGrant, E> {
        Ok(RawSystemGrant {
            code: Text(code),
            valid_until: None,
        })
    }
    fn map<A: MapAccess<'de>>(self, map: A) -> Result<RawSystemGrant, A::Error> {
        read_members(map)
    }
}

/// `user_plans`: `{"code": seats}` or an array of `{code, seats, valid_until}`, each
/// code of the catalog's user plans and given once.
#[derive(Default)]
pub(super) struct UserPlans(pub(super) Vec<RawPlanGrant>);

impl<'de> Deserialize<'de> for UserPlans {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_as(d, PlanList)
    }
}

struct PlanList;

impl<'de> Accept<'de> for PlanList {
    type Value = UserPlans;
    fn expected(&self) -> Expected {
        Expected::UserPlans
    }
    /// The map form is read member by member rather than into a map, which would keep
    /// only the last of two equal codes: a code given twice is a mistake to name.
    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<UserPlans, A::Error> {
        let mut seen = HashSet::new();
        let mut grants = Vec::new();
        while let Some(code) = map.next_key::<String>()? {
            let seen = &mut seen;
            grants.push(map.next_value_seed(PlanSeats { code, seen })?);
        }
        Ok(UserPlans(grants))
    }
    fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<UserPlans, A::Error> {
        let mut seen = HashSet::new();
        let mut grants = Vec::new();
        while let Some(grant) = seq.next_element_seed(PlanItem { seen: &mut seen })? {
            grants.push(grant);
        }
        Ok(UserPlans(grants))
    }
}

/// The seats of `"code": seats`; the code is judged first, at the member's path.
struct PlanSeats<'s> {
    code: String,
    seen: &'s mut HashSet<String>,
}

impl<'de> DeserializeSeed<'de> for PlanSeats<'_> {
    type Value = RawPlanGrant;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawPlanGrant, D::Error> {
        check_code(&self.code, LicenseKind::UserPlan, self.seen).map_err(raise)?;
        Ok(RawPlanGrant {
            code: Text(self.code),
            seats: Seats::deserialize(d)?,
            valid_until: None,
        })
    }
}

/// One object of the array form; its code is judged here, so that the problem names the
/// item (`user_plans[0]`).
struct PlanItem<'s> {
    seen: &'s mut HashSet<String>,
}

impl<'de> DeserializeSeed<'de> for PlanItem<'_> {
    type Value = RawPlanGrant;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawPlanGrant, D::Error> {
        let grant: RawPlanGrant = object(d)?;
        check_code(&grant.code.0, LicenseKind::UserPlan, self.seen).map_err(raise)?;
        Ok(grant)
    }
}

/// A code of `kind` in the built-in catalog, not given before in the same list.
fn check_code(code: &str, kind: LicenseKind, seen: &mut HashSet<String>) -> Result<(), P> {
    let catalog = license_catalog::builtin();
    match catalog.entry(code) {
        Some(entry) if entry.kind == kind => {}
        Some(entry) => {
            return Err(P::OtherKind {
                catalog_code: code.to_owned(),
                kind: entry.kind,
            })
        }
        None => {
            let entries = catalog.entries().filter(|e| e.kind == kind);
            return Err(P::UnknownCode {
                catalog_code: code.to_owned(),
                kind,
                suggestion: catalog.suggest(code, kind).map(str::to_owned),
                known: entries.map(|e| e.code.clone()).collect(),
            });
        }
    }
    if !seen.insert(code.to_owned()) {
        let catalog_code = code.to_owned();
        return Err(P::CodeTwice { catalog_code });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::typed::derive_problem;
    use super::*;

    /// serde's own words for an object of `T` holding `{"zz": 1}`.
    fn unknown_member_words<T: for<'de> Deserialize<'de>>() -> String {
        match serde_json::from_str::<T>(r#"{"zz": 1}"#) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("an unknown member was accepted"),
        }
    }

    /// The lists of [`Members`] are derive's own: serde names the same members.
    #[test]
    fn members_are_the_derived_fields() {
        fn check<T: Members + for<'de> Deserialize<'de>>() {
            let words = unknown_member_words::<T>();
            let (_, listed) = words.split_once("expected ").unwrap_or_default();
            let named: Vec<&str> = listed.split('`').skip(1).step_by(2).collect();
            assert_eq!(named, T::ALLOWED, "{words}");
        }
        check::<RawOrder>();
        check::<RawCustomer>();
        check::<RawSystemGrant>();
        check::<RawPlanGrant>();
    }

    /// Pins the words of serde's derive that [`derive_problem`] reads: a serde release
    /// that changes them fails here, not in a vendor's batch.
    #[test]
    fn derive_words_become_problems() {
        let problem = |text: &str| {
            let e = serde_json::from_str::<RawCustomer>(text)
                .err()
                .map(|e| e.to_string());
            let raised = derive_problem(&e.unwrap_or_default(), RawCustomer::ALLOWED);
            raised.map(|r| (r.member, r.problem))
        };
        let unknown = P::UnknownMember {
            allowed: vec!["id", "name"],
        };
        assert_eq!(problem(r#"{"id":"C","zz":1}"#), Some((None, unknown)));
        let twice = problem(r#"{"id":"C","id":"D"}"#);
        assert_eq!(twice, Some((Some("id"), P::GivenTwice)));
        let missing = problem(r#"{"id":"C"}"#);
        let member = "name";
        assert_eq!(missing, Some((Some(member), P::Missing { member })));
        assert!(derive_problem("invalid type: map, expected x", &["a"]).is_none());
    }
}
