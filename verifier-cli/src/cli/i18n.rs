//! The command line's words, from the verifier's message files (`verifier/i18n/`,
//! one per language, through `license_verifier::text`). The language is chosen once, at
//! startup.

use std::sync::OnceLock;

use license_format::Lang;
pub(crate) use license_i18n::{n, s, FluentValue};

pub(crate) use license_verifier::text::WORDS;

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
