use std::collections::BTreeSet;

use super::*;
use crate::{KeyFileProblem, LedgerProblem, RequestProblem};

fn time() -> DateTime<Utc> {
    license_format::time::parse_rfc3339("2027-12-01T00:00:00Z").unwrap()
}

/// The code of each problem, in the order of its variants; the exhaustive match makes a
/// new variant fail to compile here until it is listed.
fn order_codes() -> Vec<&'static str> {
    let n = Number::from(1);
    let s = String::new;
    let all = [
        OrderProblem::TooLarge { limit: 1 },
        OrderProblem::Missing { member: "code" },
        OrderProblem::EndsBeforeStart {
            ends_at: time(),
            starts_at: time(),
            start_is_now: true,
        },
        OrderProblem::GrantsNothing,
        OrderProblem::WrongType {
            found: JsonKind::Null,
            expected: Expected::Seats,
        },
        OrderProblem::UnknownMember { allowed: vec![] },
        OrderProblem::GivenTwice,
        OrderProblem::Empty,
        OrderProblem::NotADate { value: s() },
        OrderProblem::DateOutOfRange { value: s() },
        OrderProblem::GraceDaysOutOfRange {
            value: n.clone(),
            max: 1,
        },
        OrderProblem::SeatsTooFew { seats: n.clone() },
        OrderProblem::SeatsNotWhole { seats: n.clone() },
        OrderProblem::SeatsTooMany { seats: n, max: 1 },
        OrderProblem::OtherKind {
            catalog_code: s(),
            kind: LicenseKind::System,
        },
        OrderProblem::UnknownCode {
            catalog_code: s(),
            kind: LicenseKind::System,
            suggestion: None,
            known: vec![],
        },
        OrderProblem::CodeTwice { catalog_code: s() },
        OrderProblem::GrantOutlivesLicense {
            ends_at: time(),
            license_ends_at: time(),
        },
        OrderProblem::GrantEndsBeforeStart {
            ends_at: time(),
            starts_at: time(),
        },
        OrderProblem::PayloadRule {
            cause: license_format::Error::BadSignature,
        },
        OrderProblem::NotAnId { limit: 1 },
        OrderProblem::OrderIdOfOtherCustomer {
            order_id: s(),
            license_id: s(),
            issued_to: s(),
            customer_id: s(),
        },
    ];
    all.iter().map(OrderProblem::code).collect()
}

#[test]
fn every_problem_has_its_own_kebab_case_code() {
    let cause = license_format::Error::BadSignature;
    let s = String::new;
    let groups: Vec<Vec<&str>> = vec![
        order_codes(),
        [
            SyntaxProblem::NotUtf8 { offset: 0 },
            SyntaxProblem::NotJson {
                line: 1,
                column: 1,
                detail: s(),
            },
        ]
        .iter()
        .map(SyntaxProblem::code)
        .collect(),
        [
            RequestProblem::NoRequestFound,
            RequestProblem::SeveralObjects { count: 2 },
            RequestProblem::NotAnActivationRequest {
                cause: cause.clone(),
            },
            RequestProblem::NotAClockResetRequest {
                cause: cause.clone(),
            },
            RequestProblem::OtherInstallation {
                installation_id: s(),
                order_name: s(),
                order_installation_id: s(),
            },
            RequestProblem::OtherProduct {
                product: s(),
                expected_product: s(),
            },
            RequestProblem::NonceUsed {
                nonce: s(),
                installation_id: s(),
            },
        ]
        .iter()
        .map(RequestProblem::code)
        .collect(),
        [
            KeyFileProblem::PublicKeyGiven,
            KeyFileProblem::PrivateNotText,
            KeyFileProblem::PublicNotText,
            KeyFileProblem::NotAPrivateKey {
                cause: cause.clone(),
            },
            KeyFileProblem::DamagedPem { detail: s() },
            KeyFileProblem::WrongLabel { label: s() },
            KeyFileProblem::DamagedKey { detail: s() },
            KeyFileProblem::NotAPublicKey { cause },
        ]
        .iter()
        .map(KeyFileProblem::code)
        .collect(),
        [
            LedgerProblem::Damaged { detail: s() },
            LedgerProblem::ReadOnly { detail: s() },
            LedgerProblem::CannotOpen { detail: s() },
            LedgerProblem::NotSqlite { detail: s() },
            LedgerProblem::OtherProgram,
            LedgerProblem::OtherApplicationId { application_id: 1 },
            LedgerProblem::Newer {
                schema: 1,
                known: 1,
            },
            LedgerProblem::Uninitialised,
        ]
        .iter()
        .map(LedgerProblem::code)
        .collect(),
    ];
    for codes in groups {
        let unique: BTreeSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        for code in codes {
            let kebab = code.split('-').all(|w| {
                !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
            assert!(kebab, "{code}");
        }
    }
}

#[test]
fn details_name_the_data_and_never_clash_with_the_error_object() {
    let problem = OrderProblem::UnknownCode {
        catalog_code: "sales-premum".into(),
        kind: LicenseKind::UserPlan,
        suggestion: None,
        known: vec!["sales-premium".into(), "sales-essentials".into()],
    };
    assert_eq!(
        Value::Object(problem.details()),
        json!({"catalog_code": "sales-premum", "kind": "plan", "suggestion": null,
            "known": "sales-premium, sales-essentials"})
    );
    let wrong = OrderProblem::WrongType {
        found: JsonKind::Array,
        expected: Expected::Days { max: 90 },
    };
    assert_eq!(
        Value::Object(wrong.details()),
        json!({"found": "array", "expected": "days", "max": 90})
    );
    let ends = OrderProblem::EndsBeforeStart {
        ends_at: time(),
        starts_at: time(),
        start_is_now: false,
    };
    assert_eq!(ends.details()["ends_at"], "2027-12-01T00:00:00Z");
    assert_eq!(ends.details()["start_is_now"], false);
    // `code` and `text` are the error object's own members.
    for map in [problem.details(), wrong.details(), ends.details()] {
        assert!(!map.contains_key("code") && !map.contains_key("text"));
    }
}
