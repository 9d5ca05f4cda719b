use super::*;

fn io(kind: std::io::ErrorKind) -> std::io::Error {
    std::io::Error::new(kind, "oops")
}

/// One of each variant and its details.
fn every_variant() -> Vec<(Error, Value)> {
    let p = || PathBuf::from("a/b.lic");
    let s = |t: &str| t.to_owned();
    vec![
        (
            Error::Order {
                source_name: s("o.json"),
                field: s("customer"),
                problem: Box::new(OrderProblem::Missing { member: "customer" }),
            },
            json!({"source_name": "o.json", "field": "customer", "problem": "missing",
                "member": "customer"}),
        ),
        (
            Error::OrderSyntax {
                source_name: s("o.json"),
                problem: SyntaxProblem::NotJson {
                    line: 2,
                    column: 7,
                    detail: s("EOF while parsing an object"),
                },
            },
            json!({"source_name": "o.json", "problem": "not-json", "line": 2, "column": 7,
                "detail": "EOF while parsing an object"}),
        ),
        (
            Error::Request {
                source_name: s("r.json"),
                problem: RequestProblem::NotAnActivationRequest {
                    cause: license_format::Error::Request(
                        license_format::RequestProblem::WrongFormat {
                            found: s("\"x\""),
                            expected: "activation-request/v1",
                        },
                    ),
                },
            },
            json!({"source_name": "r.json", "problem": "not-an-activation-request",
                "cause": {"code": "request", "problem": "wrong-format", "found": "\"x\"",
                    "expected": "activation-request/v1"}}),
        ),
        (
            Error::Unbound {
                source_name: s("o.json"),
            },
            json!({"source_name": "o.json"}),
        ),
        (
            Error::BoundAndUnbound {
                source_name: s("o.json"),
                installation_id: s("i-1"),
            },
            json!({"source_name": "o.json", "installation_id": "i-1"}),
        ),
        (Error::MissingIssuerName, json!({})),
        (Error::KeyName { name: s("../x") }, json!({"name": "../x"})),
        (
            Error::KeyFile {
                path: p(),
                problem: KeyFileProblem::WrongLabel { label: s("X") },
            },
            json!({"path": "a/b.lic", "problem": "wrong-label", "label": "X"}),
        ),
        (
            Error::KeyPermissions {
                path: p(),
                mode: 0o640,
            },
            json!({"path": "a/b.lic", "mode": "640"}),
        ),
        (
            Error::WrongPassphrase { path: p() },
            json!({"path": "a/b.lic"}),
        ),
        (
            Error::Passphrase(PassphraseProblem::Differ),
            json!({"problem": "differ"}),
        ),
        (
            Error::Passphrase(PassphraseProblem::Unreadable(s("eof"))),
            json!({"problem": "unreadable", "detail": "eof"}),
        ),
        (Error::Exists { path: p() }, json!({"path": "a/b.lic"})),
        (
            Error::TooLarge {
                path: p(),
                what: "activation request",
                limit: 7,
            },
            json!({"path": "a/b.lic", "what": "activation-request", "limit": 7}),
        ),
        (
            Error::NoSuchDirectory {
                path: p(),
                dir: PathBuf::from("a"),
            },
            json!({"path": "a/b.lic", "dir": "a"}),
        ),
        (
            Error::Io {
                path: p(),
                source: io(std::io::ErrorKind::NotFound),
            },
            json!({"path": "a/b.lic", "kind": "not-found", "detail": "oops"}),
        ),
        (
            Error::NotDelivered {
                path: p(),
                source: io(std::io::ErrorKind::StorageFull),
            },
            json!({"path": "a/b.lic", "detail": "oops"}),
        ),
        (
            Error::WrittenAfterRecord {
                license_id: s("LIC-000001"),
                path: p(),
                source: io(std::io::ErrorKind::Other),
            },
            json!({"license_id": "LIC-000001", "path": "a/b.lic", "detail": "oops"}),
        ),
        (
            Error::LedgerUnusable {
                path: p(),
                problem: LedgerProblem::Newer {
                    schema: 9,
                    known: 3,
                },
            },
            json!({"path": "a/b.lic", "problem": "newer", "schema": 9, "known": 3}),
        ),
        (
            Error::LedgerMissing { path: p() },
            json!({"path": "a/b.lic"}),
        ),
        (
            Error::Ledger(rusqlite::Error::InvalidQuery),
            json!({"detail": rusqlite::Error::InvalidQuery.to_string()}),
        ),
        (
            Error::Format(license_format::Error::BadSignature),
            json!({}),
        ),
        (
            Error::SelfCheck(SelfCheckProblem::Format(
                license_format::Error::BadSignature,
            )),
            json!({"problem": "format", "cause": {"code": "bad-signature"}}),
        ),
        (
            Error::SelfCheck(SelfCheckProblem::SignaturesDiffer),
            json!({ "problem": "signatures-differ" }),
        ),
    ]
}

#[test]
fn the_errors_of_trust_give_their_data() {
    let at = license_format::time::parse_rfc3339("2026-12-01T00:00:00Z").unwrap();
    let cases = [
        (
            Error::KeyRevoked {
                kid: "0123456789abcdef".into(),
                role: KeyRole::Root,
                serial: 3,
                revoked_at: "2026-12-01T00:00:00Z".into(),
            },
            json!({"kid": "0123456789abcdef", "role": "root", "serial": 3,
                "revoked_at": "2026-12-01T00:00:00Z"}),
        ),
        (
            Error::Certificate {
                source_name: "k.cert".into(),
                problem: CertificateProblem::Window {
                    at,
                    valid_from: at,
                    valid_until: at,
                },
            },
            json!({"source_name": "k.cert", "problem": "window", "at": "2026-12-01T00:00:00Z",
                "valid_from": "2026-12-01T00:00:00Z", "valid_until": "2026-12-01T00:00:00Z"}),
        ),
        (
            Error::Date {
                option: "--valid-until",
                problem: Box::new(OrderProblem::NotADate { value: "x".into() }),
            },
            json!({"option": "--valid-until", "problem": "not-a-date", "value": "x"}),
        ),
        (Error::NothingToRevoke, json!({})),
        (
            Error::RevokesOwnKey {
                kid: "0123456789abcdef".into(),
                role: KeyRole::Signing,
            },
            json!({"kid": "0123456789abcdef", "role": "signing"}),
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(Value::Object(error.details()), expected, "{}", error.code());
    }
}

#[test]
fn every_variant_gives_its_data() {
    for (error, expected) in every_variant() {
        assert_eq!(Value::Object(error.details()), expected, "{}", error.code());
    }
    let format = Error::Format(license_format::Error::UnknownKey {
        kid: "0123456789abcdef".parse().unwrap(),
    });
    assert_eq!(format.code(), "unknown-key");
    assert_eq!(format.details()["kid"], "0123456789abcdef");
}

#[test]
fn every_passphrase_problem_has_a_code() {
    use PassphraseProblem as P;
    let all = [
        P::NotUtf8,
        P::NoneForNewKey,
        P::NoTerminal,
        P::Unreadable(String::new()),
        P::Differ,
        P::Empty,
        P::CannotEncrypt(String::new()),
    ];
    let codes: std::collections::BTreeSet<_> = all.iter().map(P::code).collect();
    assert_eq!(codes.len(), all.len());
}
