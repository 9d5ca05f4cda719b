use super::*;
use crate::problem::{Expected, JsonKind};
use crate::SyntaxProblem;
use license_format::constants::{MAX_GRACE_DAYS, MAX_SEATS};
use license_format::time::{format_rfc3339, parse_rfc3339};
use license_format::LicenseKind;

fn now() -> DateTime<Utc> {
    parse_rfc3339("2026-11-29T10:00:00Z").unwrap()
}

fn parse(text: &str) -> Result<Order> {
    Order::parse(text.as_bytes(), "order.json", now())
}

/// The member and the problem of an order's error.
fn problem(text: &str) -> (String, P) {
    match parse(text).unwrap_err() {
        Error::Order { field, problem, .. } => (field, *problem),
        other => panic!("not an order problem: {other:?}"),
    }
}

fn at(field: &str, problem: P) -> (String, P) {
    (field.to_owned(), problem)
}

fn num(n: i64) -> serde_json::Number {
    n.into()
}

const FULL: &str = r#"{
  "customer": {"id": "C-1001", "name": "Acme AS"},
  "installation_id": "inst-1",
  "valid_from": "2026-12-01",
  "valid_until": "2027-11-30",
  "grace_days": 14,
  "system_licenses": ["superoffice-server", "online-web-services",
                      {"code": "sales-intelligence", "valid_until": "2027-05-31"}],
  "user_plans": {"sales-premium": 10, "sales-essentials": 25}
}"#;

#[test]
fn reads_the_issue_example() {
    let o = parse(FULL).unwrap();
    assert_eq!(
        o.customer,
        Customer {
            id: "C-1001".into(),
            name: "Acme AS".into()
        }
    );
    assert_eq!(o.installation_id.as_deref(), Some("inst-1"));
    assert_eq!(format_rfc3339(&o.valid_from), "2026-12-01T00:00:00Z");
    assert_eq!(
        o.valid_until.map(|t| format_rfc3339(&t)).as_deref(),
        Some("2027-12-01T00:00:00Z")
    );
    assert_eq!(o.system_licenses.len(), 3);
    assert_eq!(
        o.system_licenses[2].valid_until,
        Some(parse_rfc3339("2027-06-01T00:00:00Z").unwrap())
    );
    assert_eq!(
        o.user_plans[0],
        PlanGrant {
            code: "sales-premium".into(),
            seats: 10,
            valid_until: None
        }
    );
    assert_eq!(o.user_plans[1].seats, 25);
}

#[test]
fn defaults_and_array_form() {
    let o = parse(
        r#"{"customer":{"id":"C","name":"N"},"valid_until":null,
            "user_plans":[{"code":"sales-premium","seats":3,"valid_until":"2027-01-31T12:00:00Z"}]}"#,
    )
    .unwrap();
    assert_eq!(o.valid_from, now());
    assert_eq!(o.valid_until, None);
    assert_eq!(o.grace_days, DEFAULT_GRACE_DAYS);
    assert_eq!(o.installation_id, None);
    assert_eq!(
        o.user_plans[0].valid_until,
        Some(parse_rfc3339("2027-01-31T12:00:00Z").unwrap())
    );
}

#[test]
fn unknown_code_suggests_the_nearest() {
    let p = problem(&FULL.replace("\"sales-premium\": 10", "\"sales-premum\": 10"));
    let P::UnknownCode {
        catalog_code,
        kind,
        suggestion,
        ..
    } = &p.1
    else {
        panic!("{p:?}")
    };
    assert_eq!(p.0, "user_plans.sales-premum");
    assert_eq!(
        (catalog_code.as_str(), *kind, suggestion.as_deref()),
        ("sales-premum", LicenseKind::UserPlan, Some("sales-premium"))
    );
    let p = problem(&FULL.replace("\"online-web-services\"", "\"zzzzzzzzzz\""));
    let P::UnknownCode {
        suggestion, known, ..
    } = &p.1
    else {
        panic!("{p:?}")
    };
    assert_eq!(p.0, "system_licenses[1]");
    assert_eq!(suggestion, &None);
    assert_eq!(known[..2], ["system", "superoffice-server"]);
}

#[test]
fn code_of_the_other_kind_names_its_kind() {
    assert_eq!(
        problem(&FULL.replace("\"online-web-services\"", "\"sales-premium\"")),
        at(
            "system_licenses[1]",
            P::OtherKind {
                catalog_code: "sales-premium".into(),
                kind: LicenseKind::UserPlan
            }
        )
    );
}

#[test]
fn seats_below_one_and_not_whole() {
    let field = "user_plans.sales-premium";
    let seats = |n: &str| {
        problem(&FULL.replace("\"sales-premium\": 10", &format!("\"sales-premium\": {n}")))
    };
    assert_eq!(seats("0"), at(field, P::SeatsTooFew { seats: num(0) }));
    assert_eq!(
        seats("1.5"),
        at(
            field,
            P::SeatsNotWhole {
                seats: serde_json::Number::from_f64(1.5).unwrap()
            }
        )
    );
    assert_eq!(
        seats("99999999"),
        at(
            field,
            P::SeatsTooMany {
                seats: num(99_999_999),
                max: MAX_SEATS
            }
        )
    );
    let arr =
        r#"{"customer":{"id":"C","name":"N"},"user_plans":[{"code":"sales-premium","seats":-2}]}"#;
    assert_eq!(
        problem(arr),
        at("user_plans[0].seats", P::SeatsTooFew { seats: num(-2) })
    );
}

#[test]
fn grant_outliving_the_license() {
    let t = |s: &str| parse_rfc3339(s).unwrap();
    assert_eq!(
        problem(&FULL.replace("\"2027-05-31\"", "\"2028-01-31\"")),
        at(
            "system_licenses[2].valid_until",
            P::GrantOutlivesLicense {
                ends_at: t("2028-02-01T00:00:00Z"),
                license_ends_at: t("2027-12-01T00:00:00Z")
            }
        )
    );
    assert_eq!(
        problem(&FULL.replace("\"2027-05-31\"", "\"2026-11-01\"")),
        at(
            "system_licenses[2].valid_until",
            P::GrantEndsBeforeStart {
                ends_at: t("2026-11-02T00:00:00Z"),
                starts_at: t("2026-12-01T00:00:00Z")
            }
        )
    );
}

#[test]
fn valid_until_before_valid_from() {
    let t = |s: &str| parse_rfc3339(s).unwrap();
    assert_eq!(
        problem(&FULL.replace("\"2027-11-30\"", "\"2026-11-01\"")),
        at(
            "valid_until",
            P::EndsBeforeStart {
                ends_at: t("2026-11-02T00:00:00Z"),
                starts_at: t("2026-12-01T00:00:00Z"),
                start_is_now: false
            }
        )
    );
    let p = problem(
        r#"{"customer":{"id":"C","name":"N"},"valid_until":"2020-01-01","system_licenses":["system"]}"#,
    );
    assert!(
        matches!(p.1, P::EndsBeforeStart { starts_at, start_is_now: true, .. } if starts_at == now()),
        "{p:?}"
    );
}

#[test]
fn unknown_and_duplicate_members() {
    let p = problem(&FULL.replace("\"grace_days\"", "\"grace_dayz\""));
    assert_eq!(
        p,
        at(
            "grace_dayz",
            P::UnknownMember {
                allowed: MEMBERS.to_vec()
            }
        )
    );
    assert_eq!(
        problem(&FULL.replace(
            "\"grace_days\": 14,",
            "\"grace_days\": 14, \"grace_days\": 3,",
        )),
        at("grace_days", P::GivenTwice)
    );
    assert_eq!(
        problem(&FULL.replace("\"Acme AS\"", "\"Acme AS\", \"vat\": 1")),
        at(
            "customer.vat",
            P::UnknownMember {
                allowed: vec!["id", "name"]
            }
        )
    );
}

#[test]
fn duplicate_codes_in_every_form() {
    assert_eq!(
        problem(&FULL.replace("\"sales-essentials\": 25", "\"sales-premium\": 25")),
        at(
            "user_plans.sales-premium",
            P::CodeTwice {
                catalog_code: "sales-premium".into()
            }
        )
    );
    assert_eq!(
        problem(&FULL.replace(
            "\"online-web-services\"",
            "{\"code\": \"superoffice-server\"}",
        )),
        at(
            "system_licenses[1]",
            P::CodeTwice {
                catalog_code: "superoffice-server".into()
            }
        )
    );
}

#[test]
fn malformed_values_name_field_and_form() {
    let wrong = |found, expected| P::WrongType { found, expected };
    assert_eq!(
        problem("[1]"),
        at(
            "(top level)",
            wrong(
                JsonKind::Array,
                Expected::Order {
                    allowed: MEMBERS.to_vec()
                }
            )
        )
    );
    let Err(Error::OrderSyntax {
        problem: syntax, ..
    }) = parse("{")
    else {
        panic!("an open brace is JSON")
    };
    assert!(
        matches!(&syntax, SyntaxProblem::NotJson { line: 1, column: 1, detail } if detail.starts_with("EOF")),
        "{syntax:?}"
    );
    assert_eq!(
        problem(&FULL.replace("\"2026-12-01\"", "\"1.12.2026\"")),
        at(
            "valid_from",
            P::NotADate {
                value: "1.12.2026".into()
            }
        )
    );
    assert_eq!(
        problem(&FULL.replace("14,", "91,")),
        at(
            "grace_days",
            P::GraceDaysOutOfRange {
                value: num(91),
                max: MAX_GRACE_DAYS
            }
        )
    );
    assert_eq!(
        problem(&FULL.replace("14,", "\"14\",")),
        at(
            "grace_days",
            wrong(
                JsonKind::String,
                Expected::Days {
                    max: MAX_GRACE_DAYS
                }
            )
        )
    );
    assert_eq!(
        problem(&FULL.replace("\"C-1001\"", "\"  \"")),
        at("customer.id", P::Empty)
    );
    assert_eq!(
        problem(r#"{"system_licenses":["system"]}"#),
        at("customer", P::Missing { member: "customer" })
    );
    assert_eq!(
        problem(r#"{"customer":{"id":"C","name":"N"}}"#),
        at("system_licenses", P::GrantsNothing)
    );
    assert_eq!(
        problem(&FULL.replace("\"inst-1\"", "7")),
        at("installation_id", wrong(JsonKind::Number, Expected::String))
    );
}

#[test]
fn too_large_is_refused_before_reading() {
    let big = vec![b' '; MAX_ORDER_BYTES + 1];
    let err = Order::parse(&big, "big.json", now()).unwrap_err();
    assert!(
        matches!(&err, Error::Order { problem, .. } if **problem == P::TooLarge { limit: MAX_ORDER_BYTES }),
        "{err:?}"
    );
}
