//! The command line's words, from one Fluent message file per language
//! (`verifier/i18n/en.ftl`, `nl.ftl`). The language is chosen once, at startup.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use license_format::Lang;

/// The message files, compiled in.
pub(crate) const ENGLISH: &str = include_str!("../../i18n/en.ftl");
/// The Dutch message file.
pub(crate) const DUTCH: &str = include_str!("../../i18n/nl.ftl");

static LANGUAGE: OnceLock<Lang> = OnceLock::new();

/// Sets the language of every message of this process; the first call wins.
pub(crate) fn set_language(lang: Lang) {
    let _ = LANGUAGE.set(lang);
}

/// The language messages are in.
pub(crate) fn language() -> Lang {
    LANGUAGE.get().copied().unwrap_or(Lang::En)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static NL: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, text, tag) = match lang {
        Lang::Nl => (&NL, DUTCH, "nl"),
        _ => (&EN, ENGLISH, "en"),
    };
    cell.get_or_init(|| {
        // A syntax error keeps the messages around it; the message-file test fails on it.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        // The tags are constants that parse; the default (undetermined) would only cost
        // the plural rules.
        let tag = unic_langid::LanguageIdentifier::from_bytes(tag.as_bytes()).unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks: the output is a terminal's or a script's.
        bundle.set_use_isolating(false);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `id` in the chosen language, with its arguments. A message missing from
/// the files shows its id (the message-file test fails on that).
pub(crate) fn t(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    t_in(language(), id, args)
}

/// The message `id` in `lang`.
pub(crate) fn t_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let bundle = bundle(lang);
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

/// A text argument.
pub(crate) fn s(text: &str) -> FluentValue<'_> {
    FluentValue::from(text)
}

/// A number argument (plurals select on it).
pub(crate) fn n(number: impl Into<f64>) -> FluentValue<'static> {
    FluentValue::from(number.into())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn ids(text: &str) -> BTreeSet<String> {
        let resource = match FluentResource::try_new(text.to_owned()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("the message file does not parse: {errors:?}"),
        };
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        assert_eq!(ids(ENGLISH), ids(DUTCH));
    }

    #[test]
    fn every_message_the_code_uses_exists() {
        let known = ids(ENGLISH);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/cli");
        let mut used = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let code = std::fs::read_to_string(&path).unwrap();
            // Message ids are string literals of the form "group-words" starting with one
            // of the groups the files use.
            for (at, _) in code.match_indices('"') {
                let rest = &code[at + 1..];
                let Some(end) = rest.find('"') else { continue };
                let id = &rest[..end];
                let group = [
                    "reason-",
                    "list-",
                    "warning-",
                    "decision-",
                    "state-",
                    "status-",
                ];
                if group
                    .iter()
                    .any(|g| id.starts_with(g) && id.len() > g.len())
                    && id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                {
                    used += 1;
                    assert!(
                        known.contains(id),
                        "{}: message {id:?} is in no file",
                        path.display()
                    );
                }
            }
        }
        assert!(used >= 20, "the scan found only {used} message ids");
    }

    #[test]
    fn a_list_of_users_says_how_many_more() {
        let args = |total: f64, more: f64| {
            [
                ("plan", s("p")),
                ("stops", s("2027-01-14")),
                ("users", s("alice")),
                ("total", n(total)),
                ("more", n(more)),
            ]
        };
        assert_eq!(
            t_in(Lang::En, "warning-users-lose-access", &args(1.0, 0.0)),
            "p: 1 user loses access after 2027-01-14: alice"
        );
        assert_eq!(
            t_in(Lang::En, "warning-users-lose-access", &args(3.0, 2.0)),
            "p: 3 users lose access after 2027-01-14: alice and 2 more"
        );
        assert_eq!(
            t_in(Lang::Nl, "warning-users-lose-access", &args(3.0, 2.0)),
            "p: 3 gebruikers verliezen de toegang na 2027-01-14: alice en nog 2"
        );
    }

    #[test]
    fn plurals_follow_the_language() {
        let args = |seats: f64| [("plan", s("p")), ("used", n(seats)), ("seats", n(seats))];
        assert_eq!(
            t_in(Lang::En, "reason-no-free-seat", &args(1.0)),
            "p: 1 of 1 licensed seat is held, none is free"
        );
        assert_eq!(
            t_in(Lang::En, "reason-no-free-seat", &args(2.0)),
            "p: 2 of 2 licensed seats are held, none is free"
        );
        assert_eq!(
            t_in(Lang::Nl, "reason-no-free-seat", &args(1.0)),
            "p: 1 van 1 licentie in gebruik, geen vrij"
        );
    }
}
