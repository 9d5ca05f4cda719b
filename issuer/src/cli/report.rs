//! Errors, hints and warnings in words, on stderr, and as JSON objects on stdout: the
//! library answers with typed values (`Error::code`, `Error::details`, `TermWarning`) and
//! leaves their words to this front end.

use std::process::ExitCode;

use license_format::time::last_day;
use license_format::{KeyId, Lang};
use license_issuer::{Error, TermWarning};
use serde_json::{json, Map, Value};

use license_i18n::FluentValue;

use super::i18n::{language, phrase, s, t, t_json, WORDS};

/// Status 2: an error.
pub fn error_code() -> ExitCode {
    ExitCode::from(2)
}

/// The message of an error in the chosen language.
pub fn error_text(err: &Error) -> String {
    error_text_in(language(), err)
}

/// The message of an error in `lang`: `error-CODE` for a format error, else
/// `error-issuer-CODE` with its details in words (see [`in_words`]).
fn error_text_in(lang: Lang, err: &Error) -> String {
    if let Error::Format(e) = err {
        return license_i18n::format_error_text(&WORDS, lang, e.code(), &e.details());
    }
    let code = err.code();
    let details = in_words(lang, code, err.details());
    WORDS.get(lang, &format!("error-issuer-{code}"), &arguments(&details))
}

/// The members put in words by [`in_words`]: their values were made from escaped
/// arguments already, and escaping them again would double every backslash.
const WORDS_MEMBERS: [&str; 3] = ["cause", "cause_problem", "problem"];

/// A message's arguments from an error's details in words: data escaped for display
/// (as `get_json` does), words as they are.
fn arguments(details: &Map<String, Value>) -> Vec<(&str, FluentValue<'_>)> {
    details
        .iter()
        .map(|(name, value)| {
            let arg = match value {
                Value::String(text) if WORDS_MEMBERS.contains(&name.as_str()) => {
                    FluentValue::from(text.as_str())
                }
                Value::String(text) => s(text.as_str()),
                Value::Number(number) => FluentValue::from(number.as_f64().unwrap_or_default()),
                Value::Null => FluentValue::from("none"),
                other => FluentValue::from(other.to_string()),
            };
            (name.as_str(), arg)
        })
        .collect()
}

/// An issuer error's details with the members that are codes and data put in words: a
/// format error `cause` (`{code, ...}`) by `license_i18n::format_error_text`, then `problem` by
/// `problem-ERRORCODE-PROBLEM`, which may use every other member.
fn in_words(lang: Lang, code: &str, mut details: Map<String, Value>) -> Map<String, Value> {
    if let Some(Value::Object(cause)) = details.get("cause") {
        let cause_code = cause
            .get("code")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let text = license_i18n::format_error_text(&WORDS, lang, cause_code, cause);
        // The problem alone, for a message that names the field itself.
        let problem = license_i18n::format_problem_text(&WORDS, lang, cause_code, cause)
            .unwrap_or_else(|| text.clone());
        details.insert("cause".into(), text.into());
        details.insert("cause_problem".into(), problem.into());
    }
    if let Some(Value::String(problem)) = details.get("problem") {
        let text = WORDS.get_json(lang, &format!("problem-{code}-{problem}"), &details);
        details.insert("problem".into(), text.into());
    }
    details
}

/// The hint printed after an error, where one helps.
fn hint(err: &Error) -> Option<String> {
    match err {
        // Only a lock held by another issuer is worth a retry; other SQLite errors are
        // said as they are.
        Error::Ledger(e) => match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Some(t("hint-ledger", &[]))
            }
            _ => None,
        },
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
    eprintln!("{}", t("line-error", &[("text", phrase(error_text(err)))]));
    if let Some(hint) = hint(err) {
        eprintln!("{}", t("line-hint", &[("text", phrase(hint))]));
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
    eprintln!("{}", t("line-hint", &[("text", phrase(hint))]));
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
        eprintln!("{}", t("line-warning", &[("text", phrase(self.text()))]));
    }

    /// The warning as the JSON object `{code, text, ...details}`.
    pub fn to_json(&self) -> Value {
        object(self.code(), self.text(), self.details())
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
