//! The command line's words, from one Fluent message file per language
//! (`issuer/i18n/en.ftl`, `nl.ftl`, and the format's errors from `license-i18n`). The
//! language is chosen once, at startup.

use std::sync::OnceLock;

use license_format::Lang;
pub use license_i18n::{count, n, s};
use license_i18n::{FluentValue, Messages};

/// The message files, compiled in.
pub static WORDS: Messages = Messages::new(
    &[include_str!("../../i18n/en.ftl"), license_i18n::FORMAT[0]],
    &[include_str!("../../i18n/nl.ftl"), license_i18n::FORMAT[1]],
);

static LANGUAGE: OnceLock<Lang> = OnceLock::new();

/// Sets the language of every message of this process; the first call wins.
pub fn set_language(lang: Lang) {
    let _ = LANGUAGE.set(lang);
}

/// The language messages are in.
pub fn language() -> Lang {
    LANGUAGE.get().copied().unwrap_or(Lang::En)
}

/// The language of the environment (`LICENSE_LANG`, then POSIX's variables).
pub fn language_of_environment() -> Lang {
    license_i18n::language_from(|name| std::env::var(name).ok())
}

/// The message `id` in the chosen language, with its arguments.
pub fn t(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    WORDS.get(language(), id, args)
}

/// The message `id` with a JSON object's members as its arguments.
pub fn t_json(id: &str, args: &serde_json::Map<String, serde_json::Value>) -> String {
    WORDS.get_json(language(), id, args)
}

/// A message already in words, as an argument of another (a line prefix): its own
/// arguments were escaped for display when it was made, and escaping it again would
/// double every backslash.
pub fn phrase(text: String) -> FluentValue<'static> {
    FluentValue::from(text)
}

/// "yes" or "no", the selector of a message that says something only when a flag holds.
pub fn yes_no(flag: bool) -> FluentValue<'static> {
    FluentValue::from(if flag { "yes" } else { "no" })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups message ids start with; a literal of this shape in the code is a
    /// message id.
    pub const GROUPS: &[&str] = &[
        "line-",
        "error-",
        "hint-",
        "warning-",
        "term-",
        "keygen-",
        "passphrase-",
        "issue-",
        "batch-",
        "clock-reset-",
        "certify-",
        "revoke-",
        "label-",
        "inspect-",
        "ledger-",
        "problem-",
        "word-",
    ];

    #[test]
    fn both_languages_hold_every_message_the_code_uses() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/cli"));
        license_i18n::assert_messages_complete(&WORDS, &[dir], GROUPS, 40);
    }

    #[test]
    fn plurals_and_flags_follow_the_language() {
        let args = |days: f64| [("last_day", s("2027-11-30")), ("grace_days", n(days))];
        assert_eq!(
            WORDS.get(Lang::En, "inspect-valid-until", &args(1.0)),
            "2027-11-30 (grace 1 day)"
        );
        assert_eq!(
            WORDS.get(Lang::Nl, "inspect-valid-until", &args(14.0)),
            "2027-11-30 (respijt 14 dagen)"
        );
        let batch = |stopped| {
            [
                ("issued", n(1)),
                ("already", n(0)),
                ("refused", n(1)),
                ("stopped", yes_no(stopped)),
                ("out_dir", s("out")),
            ]
        };
        assert_eq!(
            WORDS.get(Lang::En, "batch-summary", &batch(true)),
            "issued 1, refused 1 (stopped at the first refusal: --fail-fast); files in out"
        );
        assert_eq!(
            WORDS.get(Lang::En, "batch-summary", &batch(false)),
            "issued 1, refused 1; files in out"
        );
        let mut again = batch(false);
        again[1].1 = n(3);
        assert_eq!(
            WORDS.get(Lang::Nl, "batch-summary", &again),
            "1 uitgegeven (en 3 eerder uitgegeven voor hun order_id: niets nieuws), 1 geweigerd; bestanden in out"
        );
        assert_eq!(
            WORDS.get(
                Lang::En,
                "error-issuer-too-large",
                &[
                    ("path", s("big")),
                    ("what", s("key-file")),
                    ("limit", n(65536))
                ]
            ),
            "big: over the limit of 65536 bytes: no key file is this large; check the path"
        );
    }
}
