//! The answers in words, in English and Dutch, for every front end: the command line,
//! the web console and the C interface (feature `text`; a product that embeds the
//! library and has its own words leaves it out). The library answers in typed values ([`Reason`](crate::Reason),
//! [`Warning`](crate::Warning), [`State`](crate::State),
//! [`EventDetail`](crate::store::EventDetail), error codes with details); this
//! module says them from one Fluent message file per language (`i18n/en.ftl`,
//! `i18n/nl.ftl`, with the format crate's errors from `license-i18n`), and builds the JSON
//! the command line prints (docs/JSON.md), so that every front end says the same.

mod actions;
mod events;
mod import;
pub mod json;
mod reasons;
mod states;

use license_format::Lang;
pub(crate) use license_i18n::{n, s};
use license_i18n::{FluentValue, Messages};
use serde_json::{Map, Value};

pub use actions::{login_set, seat_assigned, seat_released, user_added, user_removed};
pub use events::event;
pub use import::{import_lines, last_day, revocation_lines};
pub use reasons::{plans_phrase, plans_phrase_in, reason, warning};
pub use states::{grant_state, state};

/// The verifier's own message files, English and Dutch, for a front end that adds its
/// own messages to them (the web console).
pub const FILES: [&str; 2] = [
    include_str!("../../i18n/en.ftl"),
    include_str!("../../i18n/nl.ftl"),
];

/// The verifier's messages, compiled in: its own file and the format crate's errors.
pub static WORDS: Messages = Messages::new(
    &[FILES[0], license_i18n::FORMAT[0]],
    &[FILES[1], license_i18n::FORMAT[1]],
);

/// The message `id` in `lang`.
pub fn t(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    WORDS.get(lang, id, args)
}

/// An error in words, from its code and details (`Error::code`, `Error::details` of
/// either library): the message `error-CODE` (for a format error, with its problem in
/// words: `license_i18n::format_error_text`), or, for an error without words yet, its
/// own detail or its code.
pub fn error(lang: Lang, code: &str, details: &Map<String, Value>) -> String {
    let id = format!("error-{code}");
    // A damaged store says what is damaged in a message of its own.
    if let Some(Value::String(damage)) = details.get("damage") {
        let mut args = details.clone();
        let what = WORDS.get_json(lang, &format!("damage-{damage}"), details);
        args.insert("detail".into(), what.into());
        return WORDS.get_json(lang, &id, &args);
    }
    if WORDS.has(&id) {
        // A format error's problem is said first; other errors have none.
        return license_i18n::format_error_text(&WORDS, lang, code, details);
    }
    match details.get("detail") {
        Some(Value::String(detail)) => detail.clone(),
        _ => code.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_i18n::{n, s};

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
        "term-",
        "what-",
        "damage-",
    ];

    #[test]
    fn both_languages_hold_every_message_the_code_uses() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // The front ends that speak through these files: the command line and the console.
        let dirs = [root.join("src/text"), root.join("../verifier-cli/src")];
        let dirs: Vec<&std::path::Path> = dirs.iter().map(|d| d.as_path()).collect();
        license_i18n::assert_messages_complete(&WORDS, &dirs, GROUPS, 60);
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
