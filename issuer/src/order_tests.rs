use super::*;
use license_format::time::parse_rfc3339;

fn now() -> DateTime<Utc> {
    parse_rfc3339("2026-11-29T10:00:00Z").unwrap()
}

fn parse(text: &str) -> Result<Order> {
    Order::parse(text.as_bytes(), "order.json", now())
}

fn message(text: &str) -> String {
    parse(text).unwrap_err().to_string()
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
    let m = message(&FULL.replace("\"sales-premium\": 10", "\"sales-premum\": 10"));
    assert_eq!(m, "order.json: user_plans.sales-premum: unknown user plan \"sales-premum\": did you mean \"sales-premium\"?");
    let m = message(&FULL.replace("\"online-web-services\"", "\"zzzzzzzzzz\""));
    assert!(m.starts_with("order.json: system_licenses[1]: unknown system license \"zzzzzzzzzz\": use a system license code of the catalog: system, superoffice-server"), "{m}");
}

#[test]
fn code_of_the_other_kind_names_the_right_list() {
    let m = message(&FULL.replace("\"online-web-services\"", "\"sales-premium\""));
    assert!(m.contains("system_licenses[1]: \"sales-premium\" is a user plan, not a system license: list it under user_plans"), "{m}");
}

#[test]
fn seats_below_one_and_not_whole() {
    let m = message(&FULL.replace("\"sales-premium\": 10", "\"sales-premium\": 0"));
    assert_eq!(
        m,
        "order.json: user_plans.sales-premium: seats must be at least 1, not 0"
    );
    assert!(
        message(&FULL.replace("\"sales-premium\": 10", "\"sales-premium\": 1.5"))
            .contains("not a whole number")
    );
    assert!(
        message(&FULL.replace("\"sales-premium\": 10", "\"sales-premium\": 99999999"))
            .contains("over the limit")
    );
    let arr =
        r#"{"customer":{"id":"C","name":"N"},"user_plans":[{"code":"sales-premium","seats":-2}]}"#;
    assert_eq!(
        message(arr),
        "order.json: user_plans[0].seats: seats must be at least 1, not -2"
    );
}

#[test]
fn grant_outliving_the_license() {
    let m = message(&FULL.replace("\"2027-05-31\"", "\"2028-01-31\""));
    assert!(m.starts_with("order.json: system_licenses[2].valid_until: the grant ends 2028-02-01T00:00:00Z, it outlives the license, which ends 2027-12-01T00:00:00Z"), "{m}");
    let m = message(&FULL.replace("\"2027-05-31\"", "\"2026-11-01\""));
    assert!(m.contains("before the license starts"), "{m}");
}

#[test]
fn valid_until_before_valid_from() {
    let m = message(&FULL.replace("\"2027-11-30\"", "\"2026-11-01\""));
    assert!(m.starts_with("order.json: valid_until: the license ends 2026-11-02T00:00:00Z before it starts at valid_from 2026-12-01T00:00:00Z: set valid_until after valid_from"), "{m}");
    let m = message(
        r#"{"customer":{"id":"C","name":"N"},"valid_until":"2020-01-01","system_licenses":["system"]}"#,
    );
    assert!(m.contains("(now, as no valid_from is given)"), "{m}");
}

#[test]
fn unknown_and_duplicate_members() {
    let m = message(&FULL.replace("\"grace_days\"", "\"grace_dayz\""));
    assert!(
        m.starts_with(
            "order.json: grace_dayz: unknown member: remove it; an order has only customer,"
        ),
        "{m}"
    );
    let m = message(&FULL.replace(
        "\"grace_days\": 14,",
        "\"grace_days\": 14, \"grace_days\": 3,",
    ));
    assert_eq!(
        m,
        "order.json: grace_days: given twice: give each member once"
    );
    let m = message(&FULL.replace("\"Acme AS\"", "\"Acme AS\", \"vat\": 1"));
    assert!(
        m.starts_with("order.json: customer.vat: unknown member"),
        "{m}"
    );
}

#[test]
fn duplicate_codes_in_every_form() {
    let m = message(&FULL.replace("\"sales-essentials\": 25", "\"sales-premium\": 25"));
    assert_eq!(m, "order.json: user_plans.sales-premium: \"sales-premium\" is given twice: give each code once");
    let m = message(&FULL.replace(
        "\"online-web-services\"",
        "{\"code\": \"superoffice-server\"}",
    ));
    assert!(
        m.contains("system_licenses[1]: \"superoffice-server\" is given twice"),
        "{m}"
    );
}

#[test]
fn malformed_values_name_field_and_form() {
    assert!(message("[1]").contains("(top level): is an array"));
    assert!(message("{").starts_with("order.json: not a JSON order (EOF"));
    assert!(message(&FULL.replace("\"2026-12-01\"", "\"1.12.2026\""))
        .contains("valid_from: \"1.12.2026\" is not a date like 2027-11-30"));
    assert!(message(&FULL.replace("14,", "91,"))
        .contains("grace_days: 91 is out of range: give a whole number of days from 0 to 90"));
    assert!(message(&FULL.replace("\"C-1001\"", "\"  \"")).contains("customer.id: is empty"));
    assert!(message(r#"{"system_licenses":["system"]}"#).contains("customer: missing"));
    assert!(message(r#"{"customer":{"id":"C","name":"N"}}"#).contains("the order grants nothing"));
    assert!(message(&FULL.replace("\"inst-1\"", "7"))
        .contains("installation_id: is a number, expected a string"));
}
