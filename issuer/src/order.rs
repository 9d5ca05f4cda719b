//! Orders: what a customer bought, as the vendor's staff write it (README "Order file").
//!
//! serde derive reads the order (`order_raw`, `order_typed`), and `serde_path_to_error` gives the path
//! of a mistake, so that every message names the member as the author wrote it
//! (`user_plans.sales-premium`); a duplicated code is caught in the map form too, and an
//! unknown code gets the nearest valid one suggested. The rules across members (a term
//! that ends after it starts, a grant within the term) are checked here afterwards, and
//! name their member the same way.

use chrono::{DateTime, SubsecRound as _, Utc};
use license_format::{Customer, Payload, PlanGrant, SystemGrant};
use serde::de::IgnoredAny;

use crate::problem::{OrderProblem as P, SyntaxProblem};
use crate::{Error, Result};

#[path = "order_raw.rs"]
mod raw;
#[path = "order_typed.rs"]
mod typed;

#[cfg(test)]
use raw::MEMBERS;
use raw::{RawOrder, Top};

/// `grace_days` when an order does not give it.
pub const DEFAULT_GRACE_DAYS: u32 = 14;

/// Largest order accepted: orders are a few hundred bytes, so anything near this is
/// not an order and is refused before it is held in memory.
pub const MAX_ORDER_BYTES: usize = 1024 * 1024;

/// A checked order: every code is in the catalog, every date is resolved, every grant
/// lies within the license's term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// The vendor's own reference for the order: the ledger issues one license per
    /// order id, so that issuing the same order again returns the same license.
    pub order_id: Option<String>,
    /// Who buys.
    pub customer: Customer,
    /// The installation named by the order, if any.
    pub installation_id: Option<String>,
    /// Start of the term (the order's, or the `now` it was read at).
    pub valid_from: DateTime<Utc>,
    /// Exclusive end of the term; `None` is perpetual.
    pub valid_until: Option<DateTime<Utc>>,
    /// Days of grace after `valid_until`.
    pub grace_days: u32,
    /// The modules bought.
    pub system_licenses: Vec<SystemGrant>,
    /// The seat-counted plans bought.
    pub user_plans: Vec<PlanGrant>,
    /// Where the order was read, as messages name it: a file name, or `FILE:LINE` in a
    /// batch.
    pub source_name: String,
}

impl Order {
    /// Reads and checks an order against the built-in catalog. `source_name` names the
    /// order in messages (a file name, or `FILE:LINE` in a batch); `now` is the start of
    /// the term when the order gives no `valid_from`.
    ///
    /// # Errors
    /// [`Error::OrderSyntax`] for text that is not JSON, [`Error::Order`] naming the
    /// member, the problem and the fix for everything else.
    pub fn parse(bytes: &[u8], source_name: &str, now: DateTime<Utc>) -> Result<Order> {
        if bytes.len() > MAX_ORDER_BYTES {
            return Err(too_large(source_name));
        }
        let text = json_text(bytes).map_err(|problem| Error::OrderSyntax {
            source_name: source_name.to_owned(),
            problem,
        })?;
        typed::take_raised(); // nothing is left from a read that was not ours
        let mut de = serde_json::Deserializer::from_str(text);
        let Top(raw) =
            serde_path_to_error::deserialize(&mut de).map_err(|e| read_error(source_name, &e))?;
        let order = terms(raw, source_name, now.trunc_subsecs(0))?;
        check_format_rules(&order)?;
        Ok(order)
    }
}

impl Order {
    /// Refuses this order under an order id that the ledger issued, as `license_id`, to
    /// the customer `issued_to`, when this order is for another: an order id names one
    /// order of one customer, so neither its license nor a reissue goes to another.
    ///
    /// # Errors
    /// [`Error::Order`] with [`P::OrderIdOfOtherCustomer`] at `order_id`.
    pub(crate) fn check_order_id_owner(&self, license_id: &str, issued_to: &str) -> Result<()> {
        let Some(order_id) = &self.order_id else {
            return Ok(());
        };
        if issued_to == self.customer.id {
            return Ok(());
        }
        let problem = P::OrderIdOfOtherCustomer {
            order_id: order_id.clone(),
            license_id: license_id.to_owned(),
            issued_to: issued_to.to_owned(),
            customer_id: self.customer.id.clone(),
        };
        Err(Error::order(&self.source_name, "order_id", problem))
    }
}

/// The text of one JSON document (a UTF-8 byte order mark skipped), checked whole before
/// its members are read: a line that is not JSON is told so, whatever its members.
fn json_text(bytes: &[u8]) -> Result<&str, SyntaxProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| SyntaxProblem::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    serde_json::from_str::<IgnoredAny>(text).map_err(|e| not_json(&e))?;
    Ok(text)
}

/// serde_json's error as data: its position as numbers, its words without them, so that
/// a front end places the position in its own sentence.
fn not_json(e: &serde_json::Error) -> SyntaxProblem {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    let position = format!(" at line {line} column {column}");
    SyntaxProblem::NotJson {
        line,
        column,
        detail: text.strip_suffix(&position).unwrap_or(&text).to_owned(),
    }
}

/// The error of a failed read: the problem the reader left, at serde's path.
fn read_error(source_name: &str, e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    let Some(raised) = typed::take_raised() else {
        // Every value of an order is read by a type that leaves its problem, and the
        // syntax was checked before: serde's own words, should that ever change.
        return Error::OrderSyntax {
            source_name: source_name.to_owned(),
            problem: not_json(e.inner()),
        };
    };
    let path = e.path();
    let mut field = if path.iter().next().is_none() {
        String::new()
    } else {
        path.to_string()
    };
    if let Some(member) = raised.member {
        if !field.is_empty() {
            field.push('.');
        }
        field.push_str(member);
    }
    if field.is_empty() {
        field.push_str(TOP_LEVEL);
    }
    Error::order(source_name, &field, raised.problem)
}

/// How messages name the order itself.
const TOP_LEVEL: &str = "(top level)";

/// The error for an order over [`MAX_ORDER_BYTES`].
pub(crate) fn too_large(source_name: &str) -> Error {
    let problem = P::TooLarge {
        limit: MAX_ORDER_BYTES,
    };
    Error::order(source_name, TOP_LEVEL, problem)
}

/// The order from what was read: its term, and each grant within it.
fn terms(raw: RawOrder, source: &str, now: DateTime<Utc>) -> Result<Order> {
    let err = |field: &str, problem| Error::order(source, field, problem);
    let valid_from = raw.valid_from.as_ref().map_or(now, |d| d.0);
    let valid_until = raw.valid_until.map(|d| d.0);
    if let Some(until) = valid_until.filter(|until| *until <= valid_from) {
        let problem = P::EndsBeforeStart {
            ends_at: until,
            starts_at: valid_from,
            start_is_now: raw.valid_from.is_none(),
        };
        return Err(err("valid_until", problem));
    }
    let term = (valid_from, valid_until);
    let mut system_licenses = Vec::with_capacity(raw.system_licenses.0.len());
    for (i, grant) in raw.system_licenses.0.into_iter().enumerate() {
        let valid_until = grant.valid_until.map(|d| d.0);
        within(term, valid_until)
            .map_err(|p| err(&format!("system_licenses[{i}].valid_until"), p))?;
        let code = grant.code.0;
        system_licenses.push(SystemGrant { code, valid_until });
    }
    let mut user_plans = Vec::with_capacity(raw.user_plans.0.len());
    for (i, grant) in raw.user_plans.0.into_iter().enumerate() {
        // Only the array form gives an end, so `i` is the item's index there.
        let valid_until = grant.valid_until.map(|d| d.0);
        within(term, valid_until).map_err(|p| err(&format!("user_plans[{i}].valid_until"), p))?;
        let (code, seats) = (grant.code.0, grant.seats.0);
        user_plans.push(PlanGrant {
            code,
            seats,
            valid_until,
        });
    }
    if system_licenses.is_empty() && user_plans.is_empty() {
        return Err(err("system_licenses", P::GrantsNothing));
    }
    Ok(Order {
        order_id: raw.order_id.map(|id| id.0),
        customer: Customer {
            id: raw.customer.id.0,
            name: raw.customer.name.0,
        },
        installation_id: raw.installation_id.map(|id| id.0),
        valid_from,
        valid_until,
        grace_days: raw.grace_days.0,
        system_licenses,
        user_plans,
        source_name: source.to_owned(),
    })
}

/// A grant's end lies within the license's term `(from, until)`.
fn within(
    (from, until): (DateTime<Utc>, Option<DateTime<Utc>>),
    ends_at: Option<DateTime<Utc>>,
) -> Result<(), P> {
    let Some(ends_at) = ends_at else {
        return Ok(());
    };
    if let Some(license_ends_at) = until.filter(|end| ends_at > *end) {
        return Err(P::GrantOutlivesLicense {
            ends_at,
            license_ends_at,
        });
    }
    if ends_at <= from {
        return Err(P::GrantEndsBeforeStart {
            ends_at,
            starts_at: from,
        });
    }
    Ok(())
}

/// Judges the order by every rule a reader applies to the payload it becomes (ids and
/// names within the limits of FORMAT.md §1.4 rule 8 and the rest of §6), with the
/// format's own check, so that nothing is signed that an installation would refuse. The
/// license id, serial and issuer are stand-ins: the ledger and the issuer check their
/// own.
fn check_format_rules(order: &Order) -> Result<()> {
    let catalog = license_catalog::builtin();
    let probe = Payload {
        license_id: crate::ledger::license_id(1),
        serial: 1,
        product: catalog.product.clone(),
        issued_at: order.valid_from,
        issuer: "probe".into(),
        customer: order.customer.clone(),
        installation_id: order.installation_id.clone(),
        valid_from: order.valid_from,
        valid_until: order.valid_until,
        grace_days: order.grace_days,
        system_licenses: order.system_licenses.clone(),
        user_plans: order.user_plans.clone(),
        extensions: None,
    };
    probe.validate(catalog).map_err(|e| match &e {
        license_format::Error::InvalidPayload { field, .. } => {
            let field = field.clone();
            Error::order(&order.source_name, &field, P::PayloadRule { cause: e })
        }
        _ => Error::Format(e),
    })
}

#[cfg(test)]
#[path = "order_tests.rs"]
mod tests;
