//! What exactly is wrong inside an [`Error`](crate::Error) about an order, a request, a
//! key file or a ledger: typed data with a stable code, so that a front end says it in
//! its own language (message `problem-ERRORCODE-CODE`) and a script matches on it. The
//! `Display` texts are English for Rust developers and logs.

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use license_format::LicenseKind;
use serde_json::{json, Map, Number, Value};

/// What is wrong with a member of an order ([`Error::Order`](crate::Error::Order)).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum OrderProblem {
    /// The order is far larger than any order.
    #[error("more than {limit} bytes, far larger than any order: give one order per file or line")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// A required member is missing; `member` is its JSON name (`customer`, `id`,
    /// `name`, `code` or `seats`), which also decides the fix.
    #[error("missing: give the {member} member")]
    Missing {
        /// The missing member's name.
        member: &'static str,
    },
    /// The license's term ends before it starts.
    #[error("the license ends {} before it starts at valid_from {}{}: set valid_until after valid_from", format_rfc3339(ends_at), format_rfc3339(starts_at), if *start_is_now { " (now, as no valid_from is given)" } else { "" })]
    EndsBeforeStart {
        /// The exclusive end asked for.
        ends_at: DateTime<Utc>,
        /// The start: the order's `valid_from`, or the time of reading.
        starts_at: DateTime<Utc>,
        /// Whether the start is the time of reading, as the order gives no `valid_from`.
        start_is_now: bool,
    },
    /// Neither a system license nor a user plan is listed.
    #[error("the order grants nothing: list system_licenses or user_plans")]
    GrantsNothing,
    /// A member holds a JSON value of the wrong type.
    #[error("is {found}, expected {expected}")]
    WrongType {
        /// The type found.
        found: JsonKind,
        /// What the member must be.
        expected: Expected,
    },
    /// A member the object may not hold.
    #[error("unknown member: remove it; allowed are {}", allowed.join(", "))]
    UnknownMember {
        /// The members it may hold.
        allowed: Vec<&'static str>,
    },
    /// A member given twice in the same object.
    #[error("given twice: give each member once")]
    GivenTwice,
    /// A text member that is empty or blank.
    #[error("is empty: give a value")]
    Empty,
    /// A text that is neither a date nor an RFC 3339 timestamp.
    #[error("{value:?} is not a date like 2027-11-30 or an RFC 3339 timestamp like 2027-11-30T12:00:00Z")]
    NotADate {
        /// The text given.
        value: String,
    },
    /// A date or timestamp outside the years 0000 to 9999 in UTC, which a license file
    /// cannot hold (FORMAT.md §1.4).
    #[error("{value:?} lies outside the years 0000 to 9999 (UTC) that a license file can hold")]
    DateOutOfRange {
        /// The text given.
        value: String,
    },
    /// `grace_days` is not a whole number from 0 to `max`.
    #[error("{value} is out of range: give a whole number of days from 0 to {max}")]
    GraceDaysOutOfRange {
        /// The number given.
        value: Number,
        /// The largest allowed.
        max: u32,
    },
    /// A seat count below 1.
    #[error("seats must be at least 1, not {seats}")]
    SeatsTooFew {
        /// The count given.
        seats: Number,
    },
    /// A seat count with a fraction.
    #[error("seats {seats} is not a whole number")]
    SeatsNotWhole {
        /// The count given.
        seats: Number,
    },
    /// A seat count over the format's limit.
    #[error("seats {seats} is over the limit of {max}")]
    SeatsTooMany {
        /// The count given.
        seats: Number,
        /// The limit.
        max: u32,
    },
    /// A catalog code listed under the other kind of license.
    #[error("{catalog_code:?} is a {kind}, not a {}: list it under {}", other_kind(*kind), list_of(*kind))]
    OtherKind {
        /// The code.
        catalog_code: String,
        /// The kind the catalog gives it.
        kind: LicenseKind,
    },
    /// A code the catalog does not hold.
    #[error("unknown {kind} {catalog_code:?}: {}", unknown_fix(*kind, suggestion, known))]
    UnknownCode {
        /// The code given.
        catalog_code: String,
        /// The kind of the list it was given in.
        kind: LicenseKind,
        /// The nearest code of that kind, if one is near.
        suggestion: Option<String>,
        /// Every code of that kind.
        known: Vec<String>,
    },
    /// A code listed twice.
    #[error("{catalog_code:?} is given twice: give each code once")]
    CodeTwice {
        /// The code.
        catalog_code: String,
    },
    /// A grant ending after the license.
    #[error("the grant ends {}, it outlives the license, which ends {}: end the grant on or before the license's valid_until", format_rfc3339(ends_at), format_rfc3339(license_ends_at))]
    GrantOutlivesLicense {
        /// The grant's exclusive end.
        ends_at: DateTime<Utc>,
        /// The license's exclusive end.
        license_ends_at: DateTime<Utc>,
    },
    /// A grant ending before the license starts.
    #[error(
        "the grant ends {} before the license starts at {}: set it after valid_from",
        format_rfc3339(ends_at),
        format_rfc3339(starts_at)
    )]
    GrantEndsBeforeStart {
        /// The grant's exclusive end.
        ends_at: DateTime<Utc>,
        /// The license's start.
        starts_at: DateTime<Utc>,
    },
    /// An id (`order_id`) that is not 1 to `limit` bytes of printable ASCII without
    /// spaces, the format's rule for ids.
    #[error("must be 1 to {limit} printable ASCII characters without spaces")]
    NotAnId {
        /// The largest length in bytes.
        limit: usize,
    },
    /// The order's `order_id` was issued before to another customer. An order id names
    /// one order of one customer, and a reissue is for the same customer, so the order
    /// is refused rather than answered with another customer's license.
    #[error("{order_id:?} was issued to customer {issued_to:?} as {license_id}, but this order is for customer {customer_id:?}: give this order a new order_id, or check that it is the order meant")]
    OrderIdOfOtherCustomer {
        /// The order id.
        order_id: String,
        /// The license issued for it before (the latest).
        license_id: String,
        /// The customer id it was issued to.
        issued_to: String,
        /// The customer id this order gives.
        customer_id: String,
    },
    /// A rule of the license format the payload breaks (in a batch: a limit such as
    /// the largest serial).
    #[error("{cause}")]
    PayloadRule {
        /// The format crate's refusal (`license_format::Error::InvalidPayload`).
        cause: license_format::Error,
    },
}

impl OrderProblem {
    /// A stable code, lowercase kebab-case: the `problem` of the error's details.
    pub fn code(&self) -> &'static str {
        match self {
            OrderProblem::TooLarge { .. } => "too-large",
            OrderProblem::Missing { .. } => "missing",
            OrderProblem::EndsBeforeStart { .. } => "ends-before-start",
            OrderProblem::GrantsNothing => "grants-nothing",
            OrderProblem::WrongType { .. } => "wrong-type",
            OrderProblem::UnknownMember { .. } => "unknown-member",
            OrderProblem::GivenTwice => "given-twice",
            OrderProblem::Empty => "empty",
            OrderProblem::NotADate { .. } => "not-a-date",
            OrderProblem::DateOutOfRange { .. } => "date-out-of-range",
            OrderProblem::GraceDaysOutOfRange { .. } => "grace-days-out-of-range",
            OrderProblem::SeatsTooFew { .. } => "seats-too-few",
            OrderProblem::SeatsNotWhole { .. } => "seats-not-whole",
            OrderProblem::SeatsTooMany { .. } => "seats-too-many",
            OrderProblem::OtherKind { .. } => "other-kind",
            OrderProblem::UnknownCode { .. } => "unknown-code",
            OrderProblem::CodeTwice { .. } => "code-twice",
            OrderProblem::GrantOutlivesLicense { .. } => "grant-outlives-license",
            OrderProblem::GrantEndsBeforeStart { .. } => "grant-ends-before-start",
            OrderProblem::NotAnId { .. } => "not-an-id",
            OrderProblem::OrderIdOfOtherCustomer { .. } => "order-id-of-other-customer",
            OrderProblem::PayloadRule { .. } => "payload-rule",
        }
    }

    /// The problem's data, beside `problem` in the error's details. Times are RFC 3339
    /// text, lists are text joined by `, `, an absent suggestion is `null`.
    pub fn details(&self) -> Map<String, Value> {
        let time = |t: &DateTime<Utc>| format_rfc3339(t);
        let value = match self {
            OrderProblem::TooLarge { limit } => json!({ "limit": limit }),
            OrderProblem::Missing { member } => json!({ "member": member }),
            OrderProblem::EndsBeforeStart {
                ends_at,
                starts_at,
                start_is_now,
            } => json!({"ends_at": time(ends_at), "starts_at": time(starts_at),
                "start_is_now": start_is_now}),
            OrderProblem::WrongType { found, expected } => {
                let mut map = expected.details();
                map.insert("found".into(), found.code().into());
                return map;
            }
            OrderProblem::UnknownMember { allowed } => json!({ "allowed": allowed.join(", ") }),
            OrderProblem::NotADate { value } | OrderProblem::DateOutOfRange { value } => {
                json!({ "value": value })
            }
            OrderProblem::GraceDaysOutOfRange { value, max } => json!({"value": value, "max": max}),
            OrderProblem::SeatsTooFew { seats } | OrderProblem::SeatsNotWhole { seats } => {
                json!({ "seats": seats })
            }
            OrderProblem::SeatsTooMany { seats, max } => json!({"seats": seats, "max": max}),
            OrderProblem::OtherKind { catalog_code, kind } => {
                json!({"catalog_code": catalog_code, "kind": kind_code(*kind)})
            }
            OrderProblem::UnknownCode {
                catalog_code,
                kind,
                suggestion,
                known,
            } => json!({"catalog_code": catalog_code, "kind": kind_code(*kind),
                "suggestion": suggestion, "known": known.join(", ")}),
            OrderProblem::CodeTwice { catalog_code } => json!({ "catalog_code": catalog_code }),
            OrderProblem::GrantOutlivesLicense {
                ends_at,
                license_ends_at,
            } => json!({"ends_at": time(ends_at), "license_ends_at": time(license_ends_at)}),
            OrderProblem::GrantEndsBeforeStart { ends_at, starts_at } => {
                json!({"ends_at": time(ends_at), "starts_at": time(starts_at)})
            }
            OrderProblem::PayloadRule { cause: e } => json!({ "cause": cause(e) }),
            OrderProblem::NotAnId { limit } => json!({ "limit": limit }),
            OrderProblem::OrderIdOfOtherCustomer {
                order_id,
                license_id,
                issued_to,
                customer_id,
            } => json!({"order_id": order_id, "license_id": license_id,
                "issued_to": issued_to, "customer_id": customer_id}),
            OrderProblem::GrantsNothing | OrderProblem::GivenTwice | OrderProblem::Empty => {
                json!({})
            }
        };
        object(value)
    }
}

/// The code of a license kind in data: `system` or `plan`, as `inspect` gives it.
pub(crate) fn kind_code(kind: LicenseKind) -> &'static str {
    match kind {
        LicenseKind::System => "system",
        LicenseKind::UserPlan => "plan",
    }
}

fn other_kind(kind: LicenseKind) -> LicenseKind {
    match kind {
        LicenseKind::System => LicenseKind::UserPlan,
        LicenseKind::UserPlan => LicenseKind::System,
    }
}

/// The member that lists licenses of `kind`.
fn list_of(kind: LicenseKind) -> &'static str {
    match kind {
        LicenseKind::System => "system_licenses",
        LicenseKind::UserPlan => "user_plans",
    }
}

fn unknown_fix(kind: LicenseKind, suggestion: &Option<String>, known: &[String]) -> String {
    match suggestion {
        Some(near) => format!("did you mean {near:?}?"),
        None => format!("use a {kind} code of the catalog: {}", known.join(", ")),
    }
}

/// The type of a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonKind {
    /// `null`.
    #[error("null")]
    Null,
    /// `true` or `false`.
    #[error("a boolean")]
    Boolean,
    /// A number.
    #[error("a number")]
    Number,
    /// A string.
    #[error("a string")]
    String,
    /// An array.
    #[error("an array")]
    Array,
    /// An object.
    #[error("an object")]
    Object,
}

impl JsonKind {
    /// A stable code: `null`, `boolean`, `number`, `string`, `array` or `object`.
    pub fn code(&self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "boolean",
            JsonKind::Number => "number",
            JsonKind::String => "string",
            JsonKind::Array => "array",
            JsonKind::Object => "object",
        }
    }
}

/// What a member of an order must be, when it is of the wrong type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Expected {
    /// The order itself: an object with the order's members.
    #[error("an order: a JSON object with {}", allowed.join(", "))]
    Order {
        /// The members of an order.
        allowed: Vec<&'static str>,
    },
    /// An object with the given members.
    #[error("an object with {}", allowed.join(", "))]
    Object {
        /// The members it may hold.
        allowed: Vec<&'static str>,
    },
    /// A string.
    #[error("a string")]
    String,
    /// A date or timestamp string.
    #[error("a date like \"2027-11-30\"")]
    Date,
    /// A whole number of days.
    #[error("a whole number of days from 0 to {max}")]
    Days {
        /// The largest allowed.
        max: u32,
    },
    /// `system_licenses`: an array of codes or `{code, valid_until}` objects.
    #[error("an array of codes or {{\"code\", \"valid_until\"}} objects")]
    SystemLicenses,
    /// One item of `system_licenses`.
    #[error("a code string or an object")]
    SystemLicense,
    /// `user_plans`: `{"code": seats}` or an array of `{code, seats, valid_until}`.
    #[error("{{\"code\": seats}} or an array of {{\"code\", \"seats\", \"valid_until\"}}")]
    UserPlans,
    /// A seat count.
    #[error("a whole number of seats")]
    Seats,
}

impl Expected {
    /// A stable code, lowercase kebab-case.
    pub fn code(&self) -> &'static str {
        match self {
            Expected::Order { .. } => "order",
            Expected::Object { .. } => "object",
            Expected::String => "string",
            Expected::Date => "date",
            Expected::Days { .. } => "days",
            Expected::SystemLicenses => "system-licenses",
            Expected::SystemLicense => "system-license",
            Expected::UserPlans => "user-plans",
            Expected::Seats => "seats",
        }
    }

    /// `expected` (the code) and its data: `allowed` (text joined by `, `) or `max`.
    fn details(&self) -> Map<String, Value> {
        let value = match self {
            Expected::Order { allowed } | Expected::Object { allowed } => {
                json!({"expected": self.code(), "allowed": allowed.join(", ")})
            }
            Expected::Days { max } => json!({"expected": self.code(), "max": max}),
            _ => json!({ "expected": self.code() }),
        };
        object(value)
    }
}

/// Why an order is not JSON ([`Error::OrderSyntax`](crate::Error::OrderSyntax)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SyntaxProblem {
    /// The bytes are not UTF-8 text.
    #[error("not UTF-8 text: the first bad byte is at offset {offset}")]
    NotUtf8 {
        /// The offset of the first byte that is not UTF-8, from 0.
        offset: usize,
    },
    /// The text is not one JSON document.
    #[error("{detail} at line {line} column {column}")]
    NotJson {
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// The JSON parser's own words, without the position.
        detail: String,
    },
}

impl SyntaxProblem {
    /// A stable code: `not-utf8` or `not-json`.
    pub fn code(&self) -> &'static str {
        match self {
            SyntaxProblem::NotUtf8 { .. } => "not-utf8",
            SyntaxProblem::NotJson { .. } => "not-json",
        }
    }

    /// The problem's data: `offset`, or `line`, `column` and `detail`.
    pub fn details(&self) -> Map<String, Value> {
        object(match self {
            SyntaxProblem::NotUtf8 { offset } => json!({ "offset": offset }),
            SyntaxProblem::NotJson {
                line,
                column,
                detail,
            } => json!({"line": line, "column": column, "detail": detail}),
        })
    }
}

/// Why a freshly signed document failed its self-check
/// ([`Error::SelfCheck`](crate::Error::SelfCheck)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SelfCheckProblem {
    /// The document does not read back or verify: the format's refusal.
    #[error("the signed file does not verify ({0})")]
    Format(license_format::Error),
    /// Two signatures of the same bytes differ: a fault in the machine or the key.
    #[error("two signatures of the same document differ")]
    SignaturesDiffer,
    /// The document reads back, but not as what was signed (or a probe that must be
    /// refused was accepted).
    #[error("the signed file does not read back as it was signed")]
    NotAsSigned,
}

impl SelfCheckProblem {
    /// A stable code: `format`, `signatures-differ` or `not-as-signed`.
    pub fn code(&self) -> &'static str {
        match self {
            SelfCheckProblem::Format(_) => "format",
            SelfCheckProblem::SignaturesDiffer => "signatures-differ",
            SelfCheckProblem::NotAsSigned => "not-as-signed",
        }
    }

    /// The problem's data: `cause` (the format error's `code` and details) for
    /// `format`.
    pub fn details(&self) -> Map<String, Value> {
        match self {
            SelfCheckProblem::Format(e) => object(json!({ "cause": cause(e) })),
            _ => Map::new(),
        }
    }
}

/// A JSON object's members; every caller builds an object.
pub(crate) fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// A format error as data: its code and its details, the `cause` of a problem.
pub(crate) fn cause(e: &license_format::Error) -> Value {
    let mut cause = e.details();
    cause.insert("code".into(), e.code().into());
    Value::Object(cause)
}

#[cfg(test)]
#[path = "problem_tests.rs"]
mod tests;
