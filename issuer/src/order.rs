//! Orders: what a customer bought, as the vendor's staff write it (README "Order file").
//!
//! The reader walks the JSON by hand rather than through derived `Deserialize` so that
//! every mistake names the member as the author wrote it (`user_plans.sales-premium`),
//! a duplicated code is caught in the map form too, and an unknown code gets the nearest
//! valid one suggested.

use std::collections::HashSet;

use chrono::{DateTime, SubsecRound as _, Utc};
use license_format::constants::{MAX_GRACE_DAYS, MAX_ID_BYTES, MAX_SEATS};
use license_format::{Catalog, Customer, LicenseKind, Payload, PlanGrant, SystemGrant};

use crate::dates::{parse_edge, Edge};
use crate::json::Node;
use crate::problem::{Expected, OrderProblem as P};
use crate::{Error, Result};

/// `grace_days` when an order does not give it.
pub const DEFAULT_GRACE_DAYS: u32 = 14;

/// Largest order accepted: orders are a few hundred bytes, so anything near this is
/// not an order and is refused before it is held in memory.
pub const MAX_ORDER_BYTES: usize = 1024 * 1024;

const MEMBERS: &[&str] = &[
    "order_id",
    "customer",
    "installation_id",
    "valid_from",
    "valid_until",
    "grace_days",
    "system_licenses",
    "user_plans",
];

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
        let node = Node::parse(bytes).map_err(|problem| Error::OrderSyntax {
            source_name: source_name.to_owned(),
            problem,
        })?;
        let reader = OrderReader {
            source: source_name,
            catalog: license_catalog::builtin(),
        };
        let order = reader.order(&node, now.trunc_subsecs(0))?;
        reader.check_format_rules(&order)?;
        Ok(order)
    }
}

/// The error for an order over [`MAX_ORDER_BYTES`].
pub(crate) fn too_large(source_name: &str) -> Error {
    let problem = P::TooLarge {
        limit: MAX_ORDER_BYTES,
    };
    Error::order(source_name, "(top level)", problem)
}

struct OrderReader<'a> {
    source: &'a str,
    catalog: &'a Catalog,
}

/// The top-level members, each at most once.
#[derive(Default)]
struct Members<'n> {
    order_id: Option<&'n Node>,
    customer: Option<&'n Node>,
    installation_id: Option<&'n Node>,
    valid_from: Option<&'n Node>,
    valid_until: Option<&'n Node>,
    grace_days: Option<&'n Node>,
    system_licenses: Option<&'n Node>,
    user_plans: Option<&'n Node>,
}

impl OrderReader<'_> {
    fn err(&self, field: &str, problem: P) -> Error {
        Error::order(self.source, field, problem)
    }

    fn wrong_type(&self, field: &str, node: &Node, expected: Expected) -> Error {
        let found = node.kind();
        self.err(field, P::WrongType { found, expected })
    }

    fn order(&self, node: &Node, now: DateTime<Utc>) -> Result<Order> {
        let m = self.members(node)?;
        let customer = self.customer(
            m.customer
                .ok_or_else(|| self.err("customer", P::Missing { member: "customer" }))?,
        )?;
        let order_id = match m.order_id {
            None | Some(Node::Null) => None,
            Some(n) => Some(self.order_id(n)?),
        };
        let installation_id = match m.installation_id {
            None | Some(Node::Null) => None,
            Some(n) => Some(self.text("installation_id", n)?),
        };
        let valid_from = match m.valid_from {
            None | Some(Node::Null) => now,
            Some(n) => self.date("valid_from", n, Edge::Start)?,
        };
        let valid_until = match m.valid_until {
            None | Some(Node::Null) => None,
            Some(n) => Some(self.date("valid_until", n, Edge::End)?),
        };
        if let Some(until) = valid_until {
            if until <= valid_from {
                let problem = P::EndsBeforeStart {
                    ends_at: until,
                    starts_at: valid_from,
                    start_is_now: m.valid_from.is_none(),
                };
                return Err(self.err("valid_until", problem));
            }
        }
        let mut order = Order {
            order_id,
            customer,
            installation_id,
            valid_from,
            valid_until,
            grace_days: m
                .grace_days
                .map_or(Ok(DEFAULT_GRACE_DAYS), |n| self.grace_days(n))?,
            system_licenses: Vec::new(),
            user_plans: Vec::new(),
        };
        if let Some(n) = m.system_licenses {
            order.system_licenses = self.system_licenses(n, &order)?;
        }
        if let Some(n) = m.user_plans {
            order.user_plans = self.user_plans(n, &order)?;
        }
        if order.system_licenses.is_empty() && order.user_plans.is_empty() {
            return Err(self.err("system_licenses", P::GrantsNothing));
        }
        Ok(order)
    }

    fn members<'n>(&self, node: &'n Node) -> Result<Members<'n>> {
        let Node::Object(members) = node else {
            let expected = Expected::Order {
                allowed: MEMBERS.to_vec(),
            };
            return Err(self.wrong_type("(top level)", node, expected));
        };
        let mut m = Members::default();
        for (key, value) in members {
            let slot = match key.as_str() {
                "order_id" => &mut m.order_id,
                "customer" => &mut m.customer,
                "installation_id" => &mut m.installation_id,
                "valid_from" => &mut m.valid_from,
                "valid_until" => &mut m.valid_until,
                "grace_days" => &mut m.grace_days,
                "system_licenses" => &mut m.system_licenses,
                "user_plans" => &mut m.user_plans,
                other => {
                    let allowed = MEMBERS.to_vec();
                    return Err(self.err(other, P::UnknownMember { allowed }));
                }
            };
            if slot.replace(value).is_some() {
                return Err(self.err(key, P::GivenTwice));
            }
        }
        Ok(m)
    }

    fn customer(&self, node: &Node) -> Result<Customer> {
        let fields = self.object("customer", node, &["id", "name"])?;
        let get = |name: &'static str| {
            let field = format!("customer.{name}");
            let node = fields.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
            node.ok_or_else(|| self.err(&field, P::Missing { member: name }))
                .and_then(|n| self.text(&field, n))
        };
        Ok(Customer {
            id: get("id")?,
            name: get("name")?,
        })
    }

    /// The members of an object that may hold only `allowed`, each once.
    fn object<'n>(
        &self,
        field: &str,
        node: &'n Node,
        allowed: &[&'static str],
    ) -> Result<Vec<(&'n str, &'n Node)>> {
        let allowed = allowed.to_vec();
        let Node::Object(members) = node else {
            return Err(self.wrong_type(field, node, Expected::Object { allowed }));
        };
        let mut seen = Vec::new();
        for (key, value) in members {
            if !allowed.contains(&key.as_str()) {
                let problem = P::UnknownMember { allowed };
                return Err(self.err(&format!("{field}.{key}"), problem));
            }
            if seen.iter().any(|(k, _)| *k == key) {
                return Err(self.err(&format!("{field}.{key}"), P::GivenTwice));
            }
            seen.push((key.as_str(), value));
        }
        Ok(seen)
    }

    fn text(&self, field: &str, node: &Node) -> Result<String> {
        match node {
            Node::Str(s) if !s.trim().is_empty() => Ok(s.clone()),
            Node::Str(_) => Err(self.err(field, P::Empty)),
            other => Err(self.wrong_type(field, other, Expected::String)),
        }
    }

    /// An order id is held to the format's rule for ids (FORMAT.md §1.4 rule 8), so that
    /// it compares and reads as written wherever it is shown.
    fn order_id(&self, node: &Node) -> Result<String> {
        let id = self.text("order_id", node)?;
        if id.len() > MAX_ID_BYTES || !id.bytes().all(|b| b.is_ascii_graphic()) {
            let problem = P::NotAnId {
                limit: MAX_ID_BYTES,
            };
            return Err(self.err("order_id", problem));
        }
        Ok(id)
    }

    /// Judges the order by every rule a reader applies to the payload it becomes (ids
    /// and names within the limits of FORMAT.md §1.4 rule 8 and the rest of §6), with
    /// the format's own check, so that nothing is signed that an installation would
    /// refuse. The license id, serial and issuer are stand-ins: the ledger and the
    /// issuer check their own.
    fn check_format_rules(&self, order: &Order) -> Result<()> {
        let probe = Payload {
            license_id: crate::ledger::license_id(1),
            serial: 1,
            product: self.catalog.product.clone(),
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
        probe.validate(self.catalog).map_err(|e| match &e {
            license_format::Error::InvalidPayload { field, .. } => {
                let field = field.clone();
                self.err(&field, P::PayloadRule { cause: e })
            }
            _ => Error::Format(e),
        })
    }

    fn date(&self, field: &str, node: &Node, edge: Edge) -> Result<DateTime<Utc>> {
        match node {
            Node::Str(s) => parse_edge(s, edge).map_err(|e| self.err(field, e)),
            other => Err(self.wrong_type(field, other, Expected::Date)),
        }
    }

    fn grace_days(&self, node: &Node) -> Result<u32> {
        let max = MAX_GRACE_DAYS;
        match node {
            Node::Number(n) => match n.as_u64() {
                Some(d) if d <= u64::from(max) => Ok(d as u32),
                _ => Err(self.err(
                    "grace_days",
                    P::GraceDaysOutOfRange {
                        value: n.clone(),
                        max,
                    },
                )),
            },
            other => Err(self.wrong_type("grace_days", other, Expected::Days { max })),
        }
    }

    fn system_licenses(&self, node: &Node, order: &Order) -> Result<Vec<SystemGrant>> {
        let Node::Array(items) = node else {
            return Err(self.wrong_type("system_licenses", node, Expected::SystemLicenses));
        };
        let mut seen = HashSet::new();
        let mut grants = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let field = format!("system_licenses[{i}]");
            let (code, valid_until) = match item {
                Node::Str(code) => (code.clone(), None),
                Node::Object(_) => {
                    let members = self.object(&field, item, &["code", "valid_until"])?;
                    self.code_and_end(&field, &members)?
                }
                other => return Err(self.wrong_type(&field, other, Expected::SystemLicense)),
            };
            self.check_code(&field, &code, LicenseKind::System, &mut seen)?;
            self.check_within(&field, valid_until, order)?;
            grants.push(SystemGrant { code, valid_until });
        }
        Ok(grants)
    }

    fn user_plans(&self, node: &Node, order: &Order) -> Result<Vec<PlanGrant>> {
        let mut seen = HashSet::new();
        let mut grants = Vec::new();
        match node {
            Node::Object(members) => {
                for (code, seats) in members {
                    let field = format!("user_plans.{code}");
                    self.check_code(&field, code, LicenseKind::UserPlan, &mut seen)?;
                    let seats = self.seats(&field, seats)?;
                    grants.push(PlanGrant {
                        code: code.clone(),
                        seats,
                        valid_until: None,
                    });
                }
            }
            Node::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let field = format!("user_plans[{i}]");
                    let members = self.object(&field, item, &["code", "seats", "valid_until"])?;
                    let (code, valid_until) = self.code_and_end(&field, &members)?;
                    self.check_code(&field, &code, LicenseKind::UserPlan, &mut seen)?;
                    let seats_node = members.iter().find(|(k, _)| *k == "seats").map(|(_, v)| *v);
                    let seats_field = format!("{field}.seats");
                    let seats_node = seats_node
                        .ok_or_else(|| self.err(&seats_field, P::Missing { member: "seats" }))?;
                    let seats = self.seats(&seats_field, seats_node)?;
                    self.check_within(&field, valid_until, order)?;
                    grants.push(PlanGrant {
                        code,
                        seats,
                        valid_until,
                    });
                }
            }
            other => return Err(self.wrong_type("user_plans", other, Expected::UserPlans)),
        }
        Ok(grants)
    }

    fn code_and_end(
        &self,
        field: &str,
        members: &[(&str, &Node)],
    ) -> Result<(String, Option<DateTime<Utc>>)> {
        let get = |name: &str| members.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
        let code_field = format!("{field}.code");
        let code =
            get("code").ok_or_else(|| self.err(&code_field, P::Missing { member: "code" }))?;
        let code = self.text(&code_field, code)?;
        let until = match get("valid_until") {
            None | Some(Node::Null) => None,
            Some(n) => Some(self.date(&format!("{field}.valid_until"), n, Edge::End)?),
        };
        Ok((code, until))
    }

    fn seats(&self, field: &str, node: &Node) -> Result<u32> {
        let n = match node {
            Node::Number(n) => n,
            other => return Err(self.wrong_type(field, other, Expected::Seats)),
        };
        let seats = n.clone();
        match n.as_i64() {
            Some(s) if s < 1 => Err(self.err(field, P::SeatsTooFew { seats })),
            Some(s) if s <= i64::from(MAX_SEATS) => Ok(s as u32),
            _ if n.is_f64() => Err(self.err(field, P::SeatsNotWhole { seats })),
            _ => Err(self.err(
                field,
                P::SeatsTooMany {
                    seats,
                    max: MAX_SEATS,
                },
            )),
        }
    }

    fn check_code(
        &self,
        field: &str,
        code: &str,
        kind: LicenseKind,
        seen: &mut HashSet<String>,
    ) -> Result<()> {
        match self.catalog.entry(code) {
            Some(entry) if entry.kind == kind => {}
            Some(entry) => {
                let problem = P::OtherKind {
                    catalog_code: code.to_owned(),
                    kind: entry.kind,
                };
                return Err(self.err(field, problem));
            }
            None => {
                let problem = P::UnknownCode {
                    catalog_code: code.to_owned(),
                    kind,
                    suggestion: self.catalog.suggest(code, kind).map(str::to_owned),
                    known: self.codes(kind),
                };
                return Err(self.err(field, problem));
            }
        }
        if !seen.insert(code.to_owned()) {
            let catalog_code = code.to_owned();
            return Err(self.err(field, P::CodeTwice { catalog_code }));
        }
        Ok(())
    }

    fn codes(&self, kind: LicenseKind) -> Vec<String> {
        let entries = self.catalog.entries().filter(|e| e.kind == kind);
        entries.map(|e| e.code.clone()).collect()
    }

    fn check_within(&self, field: &str, until: Option<DateTime<Utc>>, order: &Order) -> Result<()> {
        let Some(until) = until else { return Ok(()) };
        let field = format!("{field}.valid_until");
        if let Some(end) = order.valid_until.filter(|end| until > *end) {
            let problem = P::GrantOutlivesLicense {
                ends_at: until,
                license_ends_at: end,
            };
            return Err(self.err(&field, problem));
        }
        if until <= order.valid_from {
            let problem = P::GrantEndsBeforeStart {
                ends_at: until,
                starts_at: order.valid_from,
            };
            return Err(self.err(&field, problem));
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "order_tests.rs"]
mod tests;
