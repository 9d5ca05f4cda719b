use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use license_format::LicenseKind;
use license_issuer::{
    CertificateProblem, Expected, JsonKind, KeyFileProblem, KeyRole, LedgerProblem,
    OrderProblem as O, PassphraseProblem, RequestProblem, SyntaxProblem,
};

use super::super::i18n::WORDS;
use super::*;

fn time(text: &str) -> DateTime<Utc> {
    license_format::time::parse_rfc3339(text).unwrap()
}

/// Whether Fluent left a placeable unresolved: a missing argument shows as `{$name}`, a
/// missing message as `{name}`. The literal braces of JSON examples (`{"code"`) pass.
fn unresolved(text: &str) -> bool {
    text.match_indices('{').any(|(at, _)| {
        let next = text[at + 1..].chars().next();
        next.is_some_and(|c| c == '$' || c == '-' || c.is_ascii_lowercase())
    })
}

/// One of every order problem, with every value a message selects on.
fn order_problems() -> Vec<O> {
    let s = |t: &str| t.to_owned();
    let num = |n: i64| serde_json::Number::from(n);
    let mut all = vec![
        O::TooLarge { limit: 1 },
        O::GrantsNothing,
        O::UnknownMember {
            allowed: vec!["id", "name"],
        },
        O::GivenTwice,
        O::Empty,
        O::NotADate {
            value: s("1.12.2026"),
        },
        O::DateOutOfRange {
            value: s("9999-12-31"),
        },
        O::GraceDaysOutOfRange {
            value: num(91),
            max: 90,
        },
        O::SeatsTooFew { seats: num(0) },
        O::SeatsNotWhole {
            seats: serde_json::Number::from_f64(1.5).unwrap(),
        },
        O::SeatsTooMany {
            seats: num(99_999_999),
            max: 1_000_000,
        },
        O::CodeTwice {
            catalog_code: s("system"),
        },
        O::GrantOutlivesLicense {
            ends_at: time("2028-02-01T00:00:00Z"),
            license_ends_at: time("2027-12-01T00:00:00Z"),
        },
        O::GrantEndsBeforeStart {
            ends_at: time("2026-11-02T00:00:00Z"),
            starts_at: time("2026-12-01T00:00:00Z"),
        },
        O::PayloadRule {
            cause: license_format::Error::InvalidPayload {
                field: s("serial"),
                problem: license_format::PayloadProblem::OutOfRange {
                    value: 0,
                    min: 1,
                    max: 9,
                },
            },
        },
        O::NotAnId { limit: 128 },
        other_customer(),
    ];
    for member in ["customer", "id", "name", "code", "seats"] {
        all.push(O::Missing { member });
    }
    for start_is_now in [true, false] {
        all.push(O::EndsBeforeStart {
            ends_at: time("2026-11-02T00:00:00Z"),
            starts_at: time("2026-12-01T00:00:00Z"),
            start_is_now,
        });
    }
    let kinds = [
        JsonKind::Null,
        JsonKind::Boolean,
        JsonKind::Number,
        JsonKind::String,
        JsonKind::Array,
        JsonKind::Object,
    ];
    let expected = [
        Expected::Order {
            allowed: vec!["customer", "user_plans"],
        },
        Expected::Object {
            allowed: vec!["code", "seats"],
        },
        Expected::String,
        Expected::Date,
        Expected::Days { max: 90 },
        Expected::SystemLicenses,
        Expected::SystemLicense,
        Expected::UserPlans,
        Expected::Seats,
    ];
    for (i, expected) in expected.into_iter().enumerate() {
        let found = kinds[i % kinds.len()];
        all.push(O::WrongType { found, expected });
    }
    for kind in [LicenseKind::System, LicenseKind::UserPlan] {
        all.push(O::OtherKind {
            catalog_code: s("sales-premium"),
            kind,
        });
        for suggestion in [Some(s("sales-premium")), None] {
            all.push(O::UnknownCode {
                catalog_code: s("sales-premum"),
                kind,
                suggestion,
                known: vec![s("sales-premium"), s("sales-essentials")],
            });
        }
    }
    all
}

/// The prefix of the format crate's problem messages (`problem-format-`), written so
/// that the scan for message ids does not take it for one.
const FORMAT_PROBLEMS: &str = concat!("problem-", "format", "-");

/// One error for every problem variant of every kind of error that carries one.
fn errors_with_problems() -> Vec<Error> {
    let s = |t: &str| t.to_owned();
    let path = || PathBuf::from("x.key");
    let cause = || license_format::Error::Key(license_format::KeyProblem::NoPublicKey);
    let mut all: Vec<Error> = vec![
        Error::SelfCheck(license_issuer::SelfCheckProblem::Format(cause())),
        Error::SelfCheck(license_issuer::SelfCheckProblem::SignaturesDiffer),
        Error::SelfCheck(license_issuer::SelfCheckProblem::NotAsSigned),
    ];
    all.extend(order_problems().into_iter().map(|problem| Error::Order {
        source_name: s("o.json"),
        field: s("user_plans.sales-premium"),
        problem: Box::new(problem),
    }));
    for problem in [
        SyntaxProblem::NotUtf8 { offset: 3 },
        SyntaxProblem::NotJson {
            line: 2,
            column: 7,
            detail: s("EOF while parsing an object"),
        },
    ] {
        let source_name = s("o.json");
        all.push(Error::OrderSyntax {
            source_name,
            problem,
        });
    }
    for problem in [
        RequestProblem::NoRequestFound,
        RequestProblem::SeveralObjects { count: 2 },
        RequestProblem::NotAnActivationRequest {
            cause: license_format::Error::Request(license_format::RequestProblem::Json(
                license_format::JsonProblem::MissingMember {
                    member: s("hostname"),
                    line: 1,
                    column: 2,
                },
            )),
        },
        RequestProblem::NotAClockResetRequest {
            cause: license_format::Error::ClockResetRequest(
                license_format::RequestProblem::IsActivationRequest,
            ),
        },
        RequestProblem::OtherInstallation {
            installation_id: s("inst-1"),
            order_name: s("o.json"),
            order_installation_id: s("inst-2"),
        },
        RequestProblem::OtherProduct {
            product: s("a"),
            expected_product: s("b"),
        },
        RequestProblem::NonceUsed {
            nonce: s("00ff"),
            installation_id: s("inst-1"),
        },
    ] {
        let source_name = s("r.json");
        all.push(Error::Request {
            source_name,
            problem,
        });
    }
    for problem in [
        KeyFileProblem::PublicKeyGiven,
        KeyFileProblem::PrivateNotText,
        KeyFileProblem::PublicNotText,
        KeyFileProblem::NotAPrivateKey { cause: cause() },
        KeyFileProblem::DamagedPem { detail: s("d") },
        KeyFileProblem::WrongLabel {
            label: s("CERTIFICATE"),
        },
        KeyFileProblem::DamagedKey { detail: s("d") },
        KeyFileProblem::NotAPublicKey { cause: cause() },
    ] {
        all.push(Error::KeyFile {
            path: path(),
            problem,
        });
    }
    for problem in [
        LedgerProblem::Damaged { detail: s("d") },
        LedgerProblem::ReadOnly { detail: s("d") },
        LedgerProblem::CannotOpen { detail: s("d") },
        LedgerProblem::NotSqlite { detail: s("d") },
        LedgerProblem::OtherProgram,
        LedgerProblem::OtherApplicationId { application_id: 7 },
        LedgerProblem::Newer {
            schema: 9,
            known: 3,
        },
        LedgerProblem::Uninitialised,
    ] {
        all.push(Error::LedgerUnusable {
            path: path(),
            problem,
        });
    }
    let at = time("2026-12-01T00:00:00Z");
    for problem in [
        CertificateProblem::Format { cause: cause() },
        CertificateProblem::OtherKey {
            kid: s("0123456789abcdef"),
            certified: s("fedcba9876543210"),
        },
        CertificateProblem::Usage {
            kid: s("0123456789abcdef"),
            document: "clock-reset",
        },
        CertificateProblem::Window {
            at,
            valid_from: at,
            valid_until: at,
        },
    ] {
        let source_name = s("k.cert");
        all.push(Error::Certificate {
            source_name,
            problem,
        });
    }
    for problem in [
        O::NotADate { value: s("x") },
        O::DateOutOfRange {
            value: s("9999-12-31"),
        },
    ] {
        let problem = Box::new(problem);
        all.push(Error::Date {
            option: "--valid-until",
            problem,
        });
    }
    for problem in [
        PassphraseProblem::NotUtf8,
        PassphraseProblem::NoneForNewKey,
        PassphraseProblem::NoTerminal,
        PassphraseProblem::Unreadable(s("eof")),
        PassphraseProblem::Differ,
        PassphraseProblem::Empty,
        PassphraseProblem::CannotEncrypt(s("e")),
    ] {
        all.push(Error::Passphrase(problem));
    }
    all
}

/// Every problem of every error has its message `problem-CODE-PROBLEM` in both languages
/// and is given all its arguments; every such message belongs to a problem.
#[test]
fn every_problem_renders_in_both_languages() {
    let mut used = BTreeSet::new();
    for e in errors_with_problems() {
        let details = e.details();
        let problem = details["problem"].as_str().unwrap();
        let id = format!("problem-{}-{problem}", e.code());
        assert!(WORDS.has(&id), "{id} is in no message file");
        for lang in [Lang::En, Lang::Nl] {
            let words = in_words(lang, e.code(), details.clone());
            let text = words["problem"].as_str().unwrap();
            assert!(
                !unresolved(text) && !text.contains(&id),
                "{lang:?} {id}: {text}"
            );
            let whole = error_text_in(lang, &e);
            assert!(whole.contains(text), "{lang:?} {id}: {whole}");
            assert!(!unresolved(&whole), "{lang:?} {id}: {whole}");
        }
        used.insert(id);
    }
    let known = license_i18n::check_files(&WORDS).unwrap();
    let messages: BTreeSet<_> = known
        .into_iter()
        // The format crate's problems are license-i18n's, tested there.
        .filter(|id| id.starts_with("problem-") && !id.starts_with(FORMAT_PROBLEMS))
        .collect();
    assert_eq!(
        used, messages,
        "a problem message without a test, or the reverse"
    );
}

fn other_customer() -> O {
    O::OrderIdOfOtherCustomer {
        order_id: "PO-77".into(),
        license_id: "LIC-000001".into(),
        issued_to: "C-1".into(),
        customer_id: "C-2".into(),
    }
}

#[test]
fn an_order_id_of_another_customer_names_both_customers_and_the_fix() {
    let e = Error::Order {
        source_name: "o.json".into(),
        field: "order_id".into(),
        problem: Box::new(other_customer()),
    };
    assert_eq!(
        error_text_in(Lang::En, &e),
        "o.json: order_id: order_id \"PO-77\" was issued to customer C-1 (LIC-000001), but this order is for customer C-2: give this order a new order_id, or check that it is the order meant"
    );
    assert_eq!(
        error_text_in(Lang::Nl, &e),
        "o.json: order_id: order_id \"PO-77\" is uitgegeven aan klant C-1 (LIC-000001), maar deze bestelling is voor klant C-2: geef deze bestelling een nieuwe order_id, of controleer of het de bedoelde bestelling is"
    );
}

#[test]
fn problems_read_as_before_in_english_and_in_dutch() {
    let unknown = Error::Order {
        source_name: "o.json".into(),
        field: "user_plans.sales-premum".into(),
        problem: Box::new(O::UnknownCode {
            catalog_code: "sales-premum".into(),
            kind: LicenseKind::UserPlan,
            suggestion: Some("sales-premium".into()),
            known: vec![],
        }),
    };
    assert_eq!(
        error_text_in(Lang::En, &unknown),
        "o.json: user_plans.sales-premum: unknown user plan \"sales-premum\": did you mean \"sales-premium\"?"
    );
    assert_eq!(
        error_text_in(Lang::Nl, &unknown),
        "o.json: user_plans.sales-premum: onbekende code \"sales-premum\" voor een gebruikersplan: bedoelt u \"sales-premium\"?"
    );
    let wrong = Error::Order {
        source_name: "o.json".into(),
        field: "installation_id".into(),
        problem: Box::new(O::WrongType {
            found: JsonKind::Number,
            expected: Expected::String,
        }),
    };
    assert_eq!(
        error_text_in(Lang::Nl, &wrong),
        "o.json: installation_id: is een getal, maar moet een tekst zijn"
    );
    let key = Error::KeyFile {
        path: "v.pub".into(),
        problem: KeyFileProblem::NotAPublicKey {
            cause: license_format::Error::Key(license_format::KeyProblem::NoPublicKey),
        },
    };
    assert_eq!(
        error_text_in(Lang::En, &key),
        "v.pub: key: no -----BEGIN PUBLIC KEY----- block found: give the vendor's .pub file: give the .pub file written by keygen"
    );
}

/// Every message id an error or a warning is rendered with exists in both languages
/// and is given all its arguments.
#[test]
fn every_error_and_warning_has_its_words() {
    let p = || PathBuf::from("x");
    let st = || "s".to_owned();
    let io = || std::io::Error::other("oops");
    let mut errors = errors_with_problems();
    errors.extend([
        Error::Unbound { source_name: st() },
        Error::BoundAndUnbound {
            source_name: st(),
            installation_id: st(),
        },
        Error::MissingIssuerName,
        Error::KeyName { name: st() },
        Error::KeyPermissions {
            path: p(),
            mode: 0o644,
        },
        Error::WrongPassphrase { path: p() },
        Error::Exists { path: p() },
        Error::TooLarge {
            path: p(),
            what: "clock-reset request",
            limit: 1,
        },
        Error::NoSuchDirectory {
            path: p(),
            dir: p(),
        },
        Error::Io {
            path: p(),
            source: io(),
        },
        Error::WrittenAfterRecord {
            license_id: st(),
            path: p(),
            source: io(),
        },
        Error::NotDelivered {
            path: p(),
            source: io(),
        },
        Error::LedgerMissing { path: p() },
        Error::Ledger(rusqlite::Error::InvalidQuery),
        Error::Format(license_format::Error::BadSignature),
        Error::SelfCheck(license_issuer::SelfCheckProblem::Format(
            license_format::Error::BadSignature,
        )),
        Error::SelfCheck(license_issuer::SelfCheckProblem::SignaturesDiffer),
        Error::SelfCheck(license_issuer::SelfCheckProblem::NotAsSigned),
        Error::CertifySameKey { kid: st() },
        Error::CertifyWindow {
            valid_from: time("2026-12-01T00:00:00Z"),
            valid_until: time("2026-11-01T00:00:00Z"),
        },
        Error::UnknownUsage { value: st() },
        Error::NothingToRevoke,
        Error::UnknownLicense {
            license_id: st(),
            path: p(),
        },
        Error::RevokeKeyId { value: st() },
        Error::RevokeReason {
            cause: license_format::Error::BadSignature,
        },
        Error::TooLarge {
            path: p(),
            what: "key certificate",
            limit: 1,
        },
    ]);
    for role in [KeyRole::Signing, KeyRole::Root, KeyRole::Certified] {
        errors.push(Error::KeyRevoked {
            kid: st(),
            role,
            serial: 2,
            revoked_at: st(),
        });
        errors.push(Error::RevokesOwnKey { kid: st(), role });
    }
    for lang in [Lang::En, Lang::Nl] {
        for e in &errors {
            let id = match e {
                Error::Format(f) => format!("error-{}", f.code()),
                other => format!("error-issuer-{}", other.code()),
            };
            assert!(WORDS.has(&id), "{id}");
            let text = error_text_in(lang, e);
            assert!(
                !unresolved(&text) && !text.contains("clock-reset-") && !text.contains("error-"),
                "{lang:?} {id}: {text}"
            );
        }
    }
    let ends_at = time("2027-12-01T00:00:00Z");
    let grace_ends_at = time("2027-12-15T00:00:00Z");
    let license_id = "LIC-000001".to_owned();
    let ended = TermWarning::Ended {
        license_id: license_id.clone(),
        ends_at,
        grace_ends_at,
    };
    let in_grace = TermWarning::InGrace {
        license_id,
        ends_at,
        grace_ends_at,
    };
    let kid: KeyId = "0123456789abcdef".parse().unwrap();
    for w in [
        Warning::ExampleKey(kid),
        Warning::Term(&ended),
        Warning::Term(&in_grace),
    ] {
        let id = format!("warning-{}", w.code());
        assert!(WORDS.has(&id), "{id}");
        for lang in [Lang::En, Lang::Nl] {
            let text = WORDS.get_json(lang, &id, &w.details());
            assert!(
                !text.contains('{') && !text.contains("2027-12-01"),
                "{lang:?} {id}: {text}"
            );
        }
    }
    let self_check = error_text_in(
        Lang::Nl,
        &Error::SelfCheck(license_issuer::SelfCheckProblem::Format(
            license_format::Error::BadSignature,
        )),
    );
    assert!(
        self_check.starts_with("zelfcontrole mislukt") && !self_check.contains('{'),
        "{self_check}"
    );
    assert_eq!(
        WORDS.get_json(Lang::En, "warning-term-in-grace", &Warning::Term(&in_grace).details()),
        "LIC-000001: its last day was 2027-11-30: installations run it in grace, with warnings, until 2027-12-14; check valid_until in the order"
    );
}
