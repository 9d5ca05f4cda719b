//! Errors, hints and warnings in words, on stderr, and as JSON objects on stdout: the
//! library answers with typed values (`Error::code`, `Error::details`, `TermWarning`) and
//! leaves their words to this front end.

use std::process::ExitCode;

use license_format::time::last_day;
use license_format::KeyId;
use license_issuer::{Error, TermWarning};
use serde_json::{json, Map, Value};

use super::i18n::{s, t, t_json};

/// Status 2: an error.
pub fn error_code() -> ExitCode {
    ExitCode::from(2)
}

/// The message of an error in the chosen language.
pub fn error_text(err: &Error) -> String {
    match err {
        Error::Format(e) => format_error_text(e),
        // The cause is itself a format error, in words.
        Error::SelfCheck(e) => t(
            "error-issuer-self-check",
            &[("cause", s(format_error_text(e)))],
        ),
        other => t_json(&format!("error-issuer-{}", other.code()), &other.details()),
    }
}

fn format_error_text(e: &license_format::Error) -> String {
    t_json(&format!("error-{}", e.code()), &e.details())
}

/// The hint printed after an error, where one helps.
fn hint(err: &Error) -> Option<String> {
    match err {
        Error::Ledger(_) => Some(t("hint-ledger", &[])),
        e if e.is_input_error() => Some(t("hint-input", &[])),
        _ => None,
    }
}

/// An error as the JSON object `{code, text, ...details}`.
pub fn error_object(err: &Error) -> Value {
    object(err.code(), error_text(err), err.details())
}

fn object(code: &str, text: String, details: Map<String, Value>) -> Value {
    let mut map = Map::new();
    map.insert("code".into(), code.into());
    map.insert("text".into(), text.into());
    map.extend(details);
    Value::Object(map)
}

/// Prints an error the house way (and, with `--json`, as JSON on stdout) and returns
/// status 2.
pub fn report_error(err: &Error, json: bool) -> ExitCode {
    eprintln!("{}", t("line-error", &[("text", s(error_text(err)))]));
    if let Some(hint) = hint(err) {
        eprintln!("{}", t("line-hint", &[("text", s(&hint))]));
    }
    if json {
        print_error(error_object(err), 2);
    }
    error_code()
}

/// `ledger show` of an id the ledger does not hold: a clean no, status 1.
pub fn report_no_such_license(license_id: &str, path: &str, json: bool) {
    let details = json!({"license_id": license_id, "path": path});
    let details = details.as_object().cloned().unwrap_or_default();
    let text = t_json("error-issuer-no-such-license", &details);
    eprintln!("license-issuer: {text}");
    let hint = t("hint-no-such-license", &[]);
    eprintln!("{}", t("line-hint", &[("text", s(&hint))]));
    if json {
        print_error(object("no-such-license", text, details), 1);
    }
}

/// A command line clap refused (or `--help`, `--version`): printed as clap prints it,
/// and with `--json` anywhere on the line also as the JSON error, code `usage`.
pub fn usage_error(e: &clap::Error) -> ExitCode {
    let _ = e.print();
    if !e.use_stderr() {
        return ExitCode::SUCCESS;
    }
    if std::env::args_os().any(|a| a == "--json") {
        let detail = clap_message(e);
        let text = t("error-issuer-usage", &[("detail", s(&detail))]);
        let details = Map::from_iter([("detail".to_owned(), Value::from(detail))]);
        print_error(object("usage", text, details), 2);
    }
    error_code()
}

/// clap's message (English: clap's own words) without its `error: ` prefix and usage
/// lines.
fn clap_message(e: &clap::Error) -> String {
    let text = e.to_string();
    let first = text.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

/// The JSON form of a failed command, as `license-verifier` writes it:
/// `{"error": {"code", "text", ...}, "refused", "exit"}`.
fn print_error(error: Value, exit: u8) {
    let value = json!({ "error": error, "refused": exit == 1, "exit": exit });
    // Best effort: the error is on stderr already.
    let _ = super::print_json(&value);
}

/// Something a command did that a person should know of, though it succeeded.
pub enum Warning<'a> {
    /// The key is a published example key.
    ExampleKey(KeyId),
    /// The license's term has ended.
    Term(&'a TermWarning),
}

impl Warning<'_> {
    fn code(&self) -> &'static str {
        match self {
            Warning::ExampleKey(_) => "example-key",
            Warning::Term(w) => w.code(),
        }
    }

    fn details(&self) -> Map<String, Value> {
        let value = match self {
            Warning::ExampleKey(kid) => json!({ "kid": kid.to_string() }),
            Warning::Term(
                TermWarning::Ended {
                    license_id,
                    ends_at,
                    grace_ends_at,
                }
                | TermWarning::InGrace {
                    license_id,
                    ends_at,
                    grace_ends_at,
                },
            ) => json!({
                "license_id": license_id,
                "ends_at": license_format::time::format_rfc3339(ends_at),
                "last_day": last_day(ends_at).to_string(),
                "grace_ends_at": license_format::time::format_rfc3339(grace_ends_at),
                "grace_last_day": last_day(grace_ends_at).to_string(),
            }),
            Warning::Term(_) => json!({}),
        };
        value.as_object().cloned().unwrap_or_default()
    }

    /// The warning in words.
    pub fn text(&self) -> String {
        t_json(&format!("warning-{}", self.code()), &self.details())
    }

    /// Prints the warning on stderr.
    pub fn print(&self) {
        eprintln!("{}", t("line-warning", &[("text", s(self.text()))]));
    }

    /// The warning as the JSON object `{code, text, ...details}`.
    pub fn to_json(&self) -> Value {
        object(self.code(), self.text(), self.details())
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use license_format::Lang;
    use license_issuer::PassphraseProblem as P;

    use super::super::i18n::WORDS;
    use super::*;

    /// Every message id an error or a warning is rendered with exists in both languages
    /// and is given all its arguments.
    #[test]
    fn every_error_and_warning_has_its_words() {
        let p = || PathBuf::from("x");
        let st = || "s".to_owned();
        let io = || std::io::Error::other("oops");
        let mut errors = vec![
            Error::Order {
                source_name: st(),
                field: st(),
                problem: st(),
            },
            Error::OrderSyntax {
                source_name: st(),
                detail: st(),
            },
            Error::Request {
                source_name: st(),
                problem: st(),
            },
            Error::Unbound { source_name: st() },
            Error::BoundAndUnbound {
                source_name: st(),
                installation_id: st(),
            },
            Error::MissingIssuerName,
            Error::KeyName { name: st() },
            Error::KeyFile {
                path: p(),
                problem: st(),
            },
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
            Error::LedgerUnusable {
                path: p(),
                problem: st(),
            },
            Error::LedgerMissing { path: p() },
            Error::Ledger(rusqlite::Error::InvalidQuery),
            Error::Format(license_format::Error::BadSignature),
            Error::SelfCheck(license_format::Error::Payload(st())),
        ];
        for problem in [
            P::NotUtf8,
            P::NoneForNewKey,
            P::NoTerminal,
            P::Unreadable(st()),
            P::Differ,
            P::Empty,
            P::CannotEncrypt(st()),
        ] {
            errors.push(Error::Passphrase(problem));
        }
        for lang in [Lang::En, Lang::Nl] {
            for e in &errors {
                if let Error::SelfCheck(cause) = e {
                    // Rendered with its cause in words, by error_text.
                    let cause = format!("error-{}", cause.code());
                    assert!(WORDS.has(&cause), "{cause}");
                    continue;
                }
                let id = match e {
                    Error::Format(f) => format!("error-{}", f.code()),
                    other => format!("error-issuer-{}", other.code()),
                };
                assert!(WORDS.has(&id), "{id}");
                let text = WORDS.get_json(lang, &id, &e.details());
                assert!(
                    !text.contains('{') && !text.contains("clock-reset-"),
                    "{lang:?} {id}: {text}"
                );
            }
        }
        let ends_at = license_format::time::parse_rfc3339("2027-12-01T00:00:00Z").unwrap();
        let grace_ends_at = license_format::time::parse_rfc3339("2027-12-15T00:00:00Z").unwrap();
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
        let self_check = error_text(&Error::SelfCheck(license_format::Error::BadSignature));
        assert!(!self_check.contains('{'), "{self_check}");
        assert_eq!(
            WORDS.get_json(Lang::En, "warning-term-in-grace", &Warning::Term(&in_grace).details()),
            "LIC-000001: its last day was 2027-11-30: installations run it in grace, with warnings, until 2027-12-14; check valid_until in the order"
        );
    }
}
