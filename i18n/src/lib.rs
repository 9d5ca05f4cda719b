//! The words of the front ends (the two command lines, the web console), from one Fluent
//! message file per language, as rage does. The libraries answer in typed values; a front
//! end renders them with [`Messages::get`].
//!
//! ```
//! use license_i18n::{n, Messages};
//! use license_format::Lang;
//!
//! static WORDS: Messages = Messages::new(
//!     &["seats = { $n -> \n    [one] { $n } seat\n   *[other] { $n } seats\n}\n"],
//!     &["seats = { $n -> \n    [one] { $n } licentie\n   *[other] { $n } licenties\n}\n"],
//! );
//! assert_eq!(WORDS.get(Lang::En, "seats", &[("n", n(1))]), "1 seat");
//! assert_eq!(WORDS.get(Lang::Nl, "seats", &[("n", n(3))]), "3 licenties");
//! ```

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::FluentValue;
use fluent_bundle::{FluentArgs, FluentResource};
use license_format::Lang;

type Bundle = FluentBundle<FluentResource>;

/// The words every front end shares: the format crate's errors (`error-CODE`, from
/// `Error::details`), in English and Dutch. A tool lists them beside its own file.
pub const FORMAT: [&str; 2] = [
    include_str!("../messages/en.ftl"),
    include_str!("../messages/nl.ftl"),
];

/// One tool's message files, English and Dutch, parsed on first use.
pub struct Messages {
    english: &'static [&'static str],
    dutch: &'static [&'static str],
    en: OnceLock<Bundle>,
    nl: OnceLock<Bundle>,
}

impl Messages {
    /// The message files' texts, usually `include_str!`ed: a tool's own file, and the
    /// files it shares, such as [`FORMAT`]'s.
    pub const fn new(english: &'static [&'static str], dutch: &'static [&'static str]) -> Self {
        Messages {
            english,
            dutch,
            en: OnceLock::new(),
            nl: OnceLock::new(),
        }
    }

    /// The files of `lang`.
    pub fn texts(&self, lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::Nl => self.dutch,
            _ => self.english,
        }
    }

    fn bundle(&self, lang: Lang) -> &Bundle {
        let (cell, tag) = match lang {
            Lang::Nl => (&self.nl, "nl"),
            _ => (&self.en, "en"),
        };
        cell.get_or_init(|| {
            // The tags are constants that parse; the default (undetermined) would only
            // cost the plural rules.
            let tag =
                unic_langid::LanguageIdentifier::from_bytes(tag.as_bytes()).unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![tag]);
            // No Unicode isolation marks: the output is a terminal's, a page's or a
            // script's, and the arguments are made safe by the front end.
            bundle.set_use_isolating(false);
            for text in self.texts(lang) {
                // A syntax error keeps the messages around it, and a message defined
                // twice keeps its first text; `check_files` fails on both.
                let resource =
                    FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
                let _ = bundle.add_resource(resource);
            }
            bundle
        })
    }

    /// The message `id` in `lang`, with its arguments. A message missing from the files
    /// shows its id, so that nothing is lost; [`check_files`] and [`ids_used_in`] make a
    /// test fail on it.
    pub fn get(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// The message `id` with the members of a JSON object as its arguments: numbers as
    /// numbers (plurals select on them), strings as text, `null` as `none` (a message
    /// selects its own word for it), other values as their JSON.
    /// This renders a library error's `details`.
    pub fn get_json(
        &self,
        lang: Lang,
        id: &str,
        args: &serde_json::Map<String, serde_json::Value>,
    ) -> String {
        let args: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .map(|(name, value)| (name.as_str(), json_value(value)))
            .collect();
        self.get(lang, id, &args)
    }

    /// Whether `id` is a message of the files.
    pub fn has(&self, id: &str) -> bool {
        self.bundle(Lang::En).has_message(id)
    }
}

/// A JSON value as an argument: numbers as numbers (plurals select on them), strings as
/// text made safe to show, `null` as `none`, other values as their JSON.
fn json_value(value: &serde_json::Value) -> FluentValue<'_> {
    match value {
        serde_json::Value::String(text) => s(text.as_str()),
        serde_json::Value::Number(number) => FluentValue::from(number.as_f64().unwrap_or_default()),
        // An absent value selects the variant `[none]` in a message.
        serde_json::Value::Null => FluentValue::from("none"),
        other => FluentValue::from(other.to_string()),
    }
}

/// A format error in words, from `license_format::Error::code` and `details`: the
/// message `error-CODE`, whose `$problem` is the problem in words. A problem (the code in
/// `problem`) is said by `problem-format-CODE-PROBLEM`, or, for the JSON and text
/// problems that several errors share, `problem-format-PROBLEM`, with every member of
/// the details as arguments and `$reason` (of a timestamp) by `problem-format-timestamp-REASON`.
/// `messages` must hold [`FORMAT`]'s files.
///
/// ```
/// use license_format::{Error, KeyProblem, Lang};
/// use license_i18n::{format_error_text, Messages, FORMAT};
///
/// static WORDS: Messages = Messages::new(&[FORMAT[0]], &[FORMAT[1]]);
/// let e = Error::Key(KeyProblem::NotOneKey { count: 2 });
/// assert_eq!(
///     format_error_text(&WORDS, Lang::Nl, e.code(), &e.details()),
///     "sleutel: de tekst bevat 2 publieke sleutels waar er één wordt verwacht"
/// );
/// ```
pub fn format_error_text(
    messages: &Messages,
    lang: Lang,
    code: &str,
    details: &serde_json::Map<String, serde_json::Value>,
) -> String {
    let mut args: Vec<(&str, FluentValue<'_>)> = details
        .iter()
        .map(|(name, value)| (name.as_str(), json_value(value)))
        .collect();
    let problem = details.get("problem").and_then(serde_json::Value::as_str);
    if let (Some("not-a-timestamp"), Some(serde_json::Value::String(reason))) =
        (problem, details.get("reason"))
    {
        let words = messages.get(lang, &format!("problem-format-timestamp-{reason}"), &[]);
        set(&mut args, "reason", words);
    }
    if let (None, Some(detail)) = (problem, details.get("detail")) {
        // Details stored before problems were typed (a verifier's event log) hold the
        // parser's English words as `detail`.
        args.push(("problem", json_value(detail)));
    }
    if let Some(problem) = problem {
        let words = problem_words(messages, lang, code, problem, &args);
        set(&mut args, "problem", words);
    }
    messages.get(lang, &format!("error-{code}"), &args)
}

/// A format error's problem alone in words (the part after its field), for a front end
/// that names the field itself; `None` when the error has no typed problem.
pub fn format_problem_text(
    messages: &Messages,
    lang: Lang,
    code: &str,
    details: &serde_json::Map<String, serde_json::Value>,
) -> Option<String> {
    let problem = details.get("problem").and_then(serde_json::Value::as_str)?;
    let args: Vec<(&str, FluentValue<'_>)> = details
        .iter()
        .map(|(name, value)| (name.as_str(), json_value(value)))
        .collect();
    Some(problem_words(messages, lang, code, problem, &args))
}

/// The message of a problem: its own for this error, else the one shared by the errors
/// that have it.
fn problem_words(
    messages: &Messages,
    lang: Lang,
    code: &str,
    problem: &str,
    args: &[(&str, FluentValue<'_>)],
) -> String {
    let own = format!("problem-format-{code}-{problem}");
    let id = if messages.has(&own) {
        own
    } else {
        format!("problem-format-{problem}")
    };
    messages.get(lang, &id, args)
}

/// Replaces argument `name` with words of the messages, whose own arguments are already
/// safe to show (escaping them again would double every backslash).
fn set<'a>(args: &mut Vec<(&'a str, FluentValue<'a>)>, name: &'a str, words: String) {
    args.retain(|(n, _)| *n != name);
    args.push((name, FluentValue::from(words)));
}

/// A text argument, borrowed or owned, safe to show: control characters, bidi overrides
/// and other invisible characters (and `\\`) are escaped as FORMAT.md §1.4 says, so that
/// no text from a file, a request, a store or a command line reaches a terminal or a page
/// raw. The messages themselves are the tools' own.
pub fn s<'a>(text: impl Into<std::borrow::Cow<'a, str>>) -> FluentValue<'a> {
    let text = text.into();
    let escaped = match license_format::text::escape_for_display(&text) {
        std::borrow::Cow::Owned(escaped) => Some(escaped),
        std::borrow::Cow::Borrowed(_) => None,
    };
    FluentValue::String(escaped.map_or(text, std::borrow::Cow::Owned))
}

/// A number argument (plurals select on it).
pub fn n(number: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(number.into())
}

/// A count argument from an integer too wide for `f64` losslessly; counts are far below
/// 2^53.
pub fn count(number: u64) -> FluentValue<'static> {
    FluentValue::from(number as f64)
}

/// The language the environment asks for: `LICENSE_LANG`, else the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty (POSIX's order), else English. A
/// language the tools do not speak falls back to English rather than failing.
pub fn language_from(var: impl Fn(&str) -> Option<String>) -> Lang {
    let set = |name: &str| var(name).filter(|v| !v.is_empty());
    set("LICENSE_LANG")
        .or_else(|| ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(set))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En)
}

/// The message ids of a file. Errors name what does not parse.
pub fn message_ids(text: &str) -> Result<BTreeSet<String>, String> {
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => return Err(format!("the message file does not parse: {errors:?}")),
    };
    Ok(resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect())
}

/// For tests: both files parse and hold the same messages. The error names the messages
/// one language lacks.
pub fn check_files(messages: &Messages) -> Result<BTreeSet<String>, String> {
    let all = |lang| -> Result<BTreeSet<String>, String> {
        let mut ids = BTreeSet::new();
        for text in messages.texts(lang) {
            for id in message_ids(text)? {
                if !ids.insert(id.clone()) {
                    return Err(format!("message {id:?} is defined twice"));
                }
            }
        }
        Ok(ids)
    };
    let en = all(Lang::En)?;
    let nl = all(Lang::Nl)?;
    let only_en: Vec<_> = en.difference(&nl).collect();
    let only_nl: Vec<_> = nl.difference(&en).collect();
    if only_en.is_empty() && only_nl.is_empty() {
        Ok(en)
    } else {
        Err(format!(
            "messages only in English: {only_en:?}; only in Dutch: {only_nl:?}"
        ))
    }
}

/// For tests: both files hold the same messages, and every message id the Rust files
/// under each of `dirs` use (see [`ids_used_in`]) is one of them; at least `at_least`
/// ids are found, so a scan that finds nothing fails. Panics with what is wrong.
pub fn assert_messages_complete(
    messages: &Messages,
    dirs: &[&Path],
    groups: &[&str],
    at_least: usize,
) {
    let known = check_files(messages).unwrap_or_else(|e| panic!("{e}"));
    let mut found = 0;
    for dir in dirs {
        let used = ids_used_in(dir, groups).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for (file, id) in &used {
            assert!(known.contains(id), "{file}: message {id:?} is in no file");
        }
        found += used.len();
    }
    assert!(found >= at_least, "the scan found only {found} message ids");
}

/// For tests: the message ids used in the Rust files under `dir` (recursively). A message
/// id is a string literal of lowercase words joined by `-` that starts with one of
/// `groups` (such as `"reason-"`).
pub fn ids_used_in(dir: &Path, groups: &[&str]) -> std::io::Result<Vec<(String, String)>> {
    let mut used = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            used.extend(ids_used_in(&path, groups)?);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = std::fs::read_to_string(&path)?;
        let mut rest = code.as_str();
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            let id = &after[..end];
            if groups
                .iter()
                .any(|g| id.starts_with(g) && id.len() > g.len())
                && id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            {
                used.push((path.display().to_string(), id.to_owned()));
            }
            rest = &after[end + 1..];
        }
    }
    Ok(used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_format::Error;

    #[test]
    fn the_language_comes_from_the_environment_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(language_from(env(&[])), Lang::En);
        assert_eq!(language_from(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(
            language_from(env(&[
                ("LANG", "nl_NL.UTF-8"),
                ("LC_MESSAGES", "en_GB.UTF-8")
            ])),
            Lang::En
        );
        assert_eq!(
            language_from(env(&[("LC_ALL", ""), ("LC_MESSAGES", "nl_BE")])),
            Lang::Nl
        );
        assert_eq!(
            language_from(env(&[("LC_ALL", "C"), ("LICENSE_LANG", "NL")])),
            Lang::Nl
        );
        assert_eq!(language_from(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
    }

    #[test]
    fn a_file_missing_a_message_is_named() {
        static M: Messages = Messages::new(&["a = A\nb = B\n"], &["a = A\n"]);
        let err = check_files(&M).unwrap_err();
        assert!(err.contains("\"b\""), "{err}");
        static BROKEN: Messages = Messages::new(&["a = {"], &["a = A\n"]);
        assert!(check_files(&BROKEN).unwrap_err().contains("does not parse"));
    }

    #[test]
    fn a_message_twice_is_named() {
        static M: Messages = Messages::new(&["a = A\n", "a = B\n"], &["a = A\n"]);
        assert!(check_files(&M).unwrap_err().contains("twice"));
    }

    #[test]
    fn json_members_are_arguments() {
        static M: Messages = Messages::new(
            &["e = { $user }: { $n ->\n    [one] one seat\n   *[other] { $n } seats\n}\n"],
            &["e = x\n"],
        );
        let args = serde_json::json!({"user": "ann", "n": 1});
        let args = args.as_object().unwrap();
        assert_eq!(M.get_json(Lang::En, "e", args), "ann: one seat");
    }

    #[test]
    fn the_shared_files_hold_the_same_messages() {
        static SHARED: Messages = Messages::new(&[FORMAT[0]], &[FORMAT[1]]);
        check_files(&SHARED).unwrap();
    }

    /// Every variant of `license_format::Error` and every problem inside one, in both
    /// languages: the messages exist (no id shown for a missing one), every argument is
    /// given (no `{$name}` left), and no code is shown for words.
    #[test]
    fn every_format_error_and_problem_has_its_words_with_all_arguments() {
        static SHARED: Messages = Messages::new(&[FORMAT[0]], &[FORMAT[1]]);
        let all = license_format::problem::every_error();
        assert!(all.len() > 80, "{}", all.len());
        for e in &all {
            let details = e.details();
            let id = format!("error-{}", e.code());
            assert!(SHARED.has(&id), "{id} is missing");
            for lang in [Lang::En, Lang::Nl] {
                let text = format_error_text(&SHARED, lang, e.code(), &details);
                assert!(
                    !text.contains("{$")
                        && !text.contains("problem-format-")
                        && !text.contains("key-file")
                        && !text.contains("user-plan"),
                    "{lang:?} {id} {details:?}: {text}"
                );
            }
            if let Some(problem) = details.get("problem").and_then(|p| p.as_str()) {
                let own = format!("problem-format-{}-{problem}", e.code());
                let shared = format!("problem-format-{problem}");
                assert!(SHARED.has(&own) || SHARED.has(&shared), "{own}");
            }
        }
        let big = Error::TooLarge {
            what: "key file",
            size: 9,
            limit: 8,
        };
        assert_eq!(
            format_error_text(&SHARED, Lang::En, big.code(), &big.details()),
            big.to_string()
        );
    }

    /// A problem's English words are the library's `Display` but where the message says
    /// more than the type knows (the request's format) or shows a value escaped.
    #[test]
    fn english_words_are_the_display_of_the_library() {
        static SHARED: Messages = Messages::new(&[FORMAT[0]], &[FORMAT[1]]);
        let mut same = 0;
        for e in license_format::problem::every_error() {
            if !e.details().contains_key("problem") {
                continue;
            }
            let text = format_error_text(&SHARED, Lang::En, e.code(), &e.details());
            if text == e.to_string() {
                same += 1;
            } else {
                let details = e.details();
                let problem = details.get("problem").and_then(|p| p.as_str());
                assert!(
                    ["wrong-format", "control-character", "not-printable-ascii"]
                        .contains(&problem.unwrap_or_default()),
                    "{text:?} != {:?}",
                    e.to_string()
                );
            }
        }
        assert!(same >= 68, "{same}");
    }

    #[test]
    fn a_problem_is_said_in_dutch_with_its_data() {
        static SHARED: Messages = Messages::new(&[FORMAT[0]], &[FORMAT[1]]);
        let e = Error::Armor(license_format::ArmorProblem::NoBlock {
            kind: license_format::DocumentKind::LicenseFile,
        });
        assert_eq!(
            format_error_text(&SHARED, Lang::Nl, e.code(), &e.details()),
            "omhulling: geen licentie gevonden: de invoer heeft geen regel -----BEGIN LICENSE FILE-----; geef het licentiebestand dat de leverancier stuurde"
        );
        let e = Error::Payload(license_format::JsonProblem::NotATimestamp {
            value: "2016-12-31T23:59:60Z".into(),
            reason: license_format::time::TimestampProblem::LeapSecond,
            line: 1,
            column: 80,
        });
        assert_eq!(
            format_error_text(&SHARED, Lang::Nl, e.code(), &e.details()),
            "inhoud: \"2016-12-31T23:59:60Z\" is geen RFC 3339-tijdstip zoals 2026-12-01T00:00:00Z (een schrikkelseconde is geen tijdstip van dit formaat) op regel 1, kolom 80"
        );
        let e = Error::InvalidPayload {
            field: "issuer".into(),
            problem: license_format::PayloadProblem::Text(
                license_format::TextProblem::ForbiddenCharacter {
                    value: "a\u{202E}b".into(),
                    character: '\u{202E}',
                },
            ),
        };
        assert_eq!(
            format_error_text(&SHARED, Lang::En, e.code(), &e.details()),
            "payload: issuer: a\\u{202E}b holds U+202E, a control, line-break or bidirectional-override character"
        );
    }

    #[test]
    fn arguments_are_escaped_for_display() {
        static M: Messages = Messages::new(&["e = name: { $name }\n"], &["e = x\n"]);
        let shown = M.get(Lang::En, "e", &[("name", s("evil\u{1b}[31m\u{202E}"))]);
        assert_eq!(shown, "name: evil\\u{001B}[31m\\u{202E}");
        let args = serde_json::json!({"name": "a\u{7}b"});
        assert_eq!(
            M.get_json(Lang::En, "e", args.as_object().unwrap()),
            "name: a\\u{0007}b"
        );
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        static M: Messages = Messages::new(&["a = A\n"], &["a = A\n"]);
        assert_eq!(M.get(Lang::Nl, "zz-missing", &[]), "zz-missing");
    }
}
