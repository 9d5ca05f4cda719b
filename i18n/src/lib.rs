//! The words of the front ends (the two command lines, the web console), from one Fluent
//! message file per language, as rage does. The libraries answer in typed values; a front
//! end renders them with [`Messages::get`].
//!
//! ```
//! use license_i18n::{n, Messages};
//! use license_format::Lang;
//!
//! static WORDS: Messages = Messages::new(
//!     "seats = { $n -> \n    [one] { $n } seat\n   *[other] { $n } seats\n}\n",
//!     "seats = { $n -> \n    [one] { $n } licentie\n   *[other] { $n } licenties\n}\n",
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

/// One tool's message files, English and Dutch, parsed on first use.
pub struct Messages {
    english: &'static str,
    dutch: &'static str,
    en: OnceLock<Bundle>,
    nl: OnceLock<Bundle>,
}

impl Messages {
    /// The message files' texts, usually `include_str!`ed.
    pub const fn new(english: &'static str, dutch: &'static str) -> Self {
        Messages {
            english,
            dutch,
            en: OnceLock::new(),
            nl: OnceLock::new(),
        }
    }

    /// The file of `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
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
            // A syntax error keeps the messages around it; `check_files` fails on it.
            let resource =
                FluentResource::try_new(self.text(lang).to_owned()).unwrap_or_else(|(r, _)| r);
            // The tags are constants that parse; the default (undetermined) would only
            // cost the plural rules.
            let tag =
                unic_langid::LanguageIdentifier::from_bytes(tag.as_bytes()).unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![tag]);
            // No Unicode isolation marks: the output is a terminal's, a page's or a
            // script's, and the arguments are made safe by the front end.
            bundle.set_use_isolating(false);
            let _ = bundle.add_resource(resource);
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

    /// Whether `id` is a message of the files.
    pub fn has(&self, id: &str) -> bool {
        self.bundle(Lang::En).has_message(id)
    }
}

/// A text argument.
pub fn s(text: &str) -> FluentValue<'_> {
    FluentValue::from(text)
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
    let en = message_ids(messages.text(Lang::En))?;
    let nl = message_ids(messages.text(Lang::Nl))?;
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
        static M: Messages = Messages::new("a = A\nb = B\n", "a = A\n");
        let err = check_files(&M).unwrap_err();
        assert!(err.contains("\"b\""), "{err}");
        static BROKEN: Messages = Messages::new("a = {", "a = A\n");
        assert!(check_files(&BROKEN).unwrap_err().contains("does not parse"));
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        static M: Messages = Messages::new("a = A\n", "a = A\n");
        assert_eq!(M.get(Lang::Nl, "zz-missing", &[]), "zz-missing");
    }
}
