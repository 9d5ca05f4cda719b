//! The command line's words, from one Fluent message file per language
//! (`verifier/i18n/en.ftl`, `nl.ftl`), through `license-i18n`. The language is chosen
//! once, at startup.

use std::sync::OnceLock;

use license_format::Lang;
use license_i18n::Messages;
pub(crate) use license_i18n::{n, s, FluentValue};

/// The message files, compiled in.
pub(crate) static WORDS: Messages = Messages::new(
    &[include_str!("../../i18n/en.ftl"), license_i18n::FORMAT[0]],
    &[include_str!("../../i18n/nl.ftl"), license_i18n::FORMAT[1]],
);

static LANGUAGE: OnceLock<Lang> = OnceLock::new();

/// Sets the language of every message of this process; the first call wins.
pub(crate) fn set_language(lang: Lang) {
    let _ = LANGUAGE.set(lang);
}

/// The language messages are in.
pub(crate) fn language() -> Lang {
    LANGUAGE.get().copied().unwrap_or(Lang::En)
}

/// The message `id` in the chosen language, with its arguments.
pub(crate) fn t(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    WORDS.get(language(), id, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups message ids start with; a literal of this shape in the code is a
    /// message id.
    const GROUPS: &[&str] = &[
        "reason-",
        "list-",
        "warning-",
        "decision-",
        "state-",
        "status-",
        "show-",
        "verify-",
        "import-",
        "history-",
        "users-",
        "seats-",
        "events-",
        "event-",
        "error-",
        "hint-",
        "init-",
        "request-",
        "reset-",
        "kind-",
    ];

    #[test]
    fn both_languages_have_the_same_messages() {
        license_i18n::check_files(&WORDS).unwrap();
    }

    #[test]
    fn every_message_the_code_uses_exists() {
        let known = license_i18n::check_files(&WORDS).unwrap();
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/cli"));
        let used = license_i18n::ids_used_in(dir, GROUPS).unwrap();
        for (file, id) in &used {
            assert!(known.contains(id), "{file}: message {id:?} is in no file");
        }
        assert!(
            used.len() >= 20,
            "the scan found only {} message ids",
            used.len()
        );
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
            WORDS.get(Lang::En, "warning-users-lose-access", &args(1.0, 0.0)),
            "p: 1 user loses access after 2027-01-14: alice"
        );
        assert_eq!(
            WORDS.get(Lang::En, "warning-users-lose-access", &args(3.0, 2.0)),
            "p: 3 users lose access after 2027-01-14: alice and 2 more"
        );
        assert_eq!(
            WORDS.get(Lang::Nl, "warning-users-lose-access", &args(3.0, 2.0)),
            "p: 3 gebruikers verliezen de toegang na 2027-01-14: alice en nog 2"
        );
    }

    #[test]
    fn plurals_follow_the_language() {
        let args = |seats: f64| [("plan", s("p")), ("used", n(seats)), ("seats", n(seats))];
        assert_eq!(
            WORDS.get(Lang::En, "reason-no-free-seat", &args(1.0)),
            "p: 1 of 1 licensed seat is held, none is free"
        );
        assert_eq!(
            WORDS.get(Lang::En, "reason-no-free-seat", &args(2.0)),
            "p: 2 of 2 licensed seats are held, none is free"
        );
        assert_eq!(
            WORDS.get(Lang::Nl, "reason-no-free-seat", &args(1.0)),
            "p: 1 van 1 licentie in gebruik, geen vrij"
        );
    }
}
