//! The console's words: its own message file per language (`console/i18n/`) over the
//! verifier's, so that every reason, state and error reads as on the command line.

use axum::http::{header, HeaderMap};
use license_format::Lang;
use license_i18n::{FluentValue, Messages};
use license_verifier::text::FILES;

pub(crate) use license_i18n::{n, s};

/// The console's messages, then the verifier's, then the format crate's.
pub(crate) static WORDS: Messages = Messages::new(
    &[
        include_str!("../i18n/en.ftl"),
        FILES[0],
        license_i18n::FORMAT[0],
    ],
    &[
        include_str!("../i18n/nl.ftl"),
        FILES[1],
        license_i18n::FORMAT[1],
    ],
);

/// The cookie the language switch sets.
pub(crate) const LANG_COOKIE: &str = "lv_lang";

/// The language's tag, as `lang` attributes and the switch's cookie give it.
pub(crate) fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        _ => "en",
    }
}

/// The message `id` in `lang`.
pub(crate) fn t(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    WORDS.get(lang, id, args)
}

/// The language of a request: the switch's cookie, else the first of Dutch or English
/// in `Accept-Language` by preference, else English.
pub(crate) fn language(headers: &HeaderMap) -> Lang {
    if let Some(chosen) = crate::auth::cookie(headers, LANG_COOKIE).and_then(|v| v.parse().ok()) {
        return chosen;
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    from_accept_language(accept)
}

fn from_accept_language(accept: &str) -> Lang {
    let mut best: Option<(f32, Lang)> = None;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        let lang = match tag.split('-').next() {
            Some("nl") => Lang::Nl,
            Some("en") => Lang::En,
            _ => continue,
        };
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, lang));
        }
    }
    best.map_or(Lang::En, |(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both languages hold the same messages, none defined twice (the console's over
    /// the verifier's), and every id the pages use exists.
    #[test]
    fn both_languages_hold_every_message_the_pages_use() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let groups = [
            "console-", "nav-", "field-", "list-", "kind-", "show-", "users-", "seats-", "error-",
            "state-", "term-",
        ];
        license_i18n::assert_messages_complete(&WORDS, &[src.as_path()], &groups, 90);
    }

    #[test]
    fn accept_language_picks_the_preferred_of_the_two() {
        assert_eq!(from_accept_language("nl-NL,nl;q=0.9,en;q=0.8"), Lang::Nl);
        assert_eq!(from_accept_language("de-DE,en;q=0.5,nl;q=0.4"), Lang::En);
        assert_eq!(from_accept_language("en;q=0.2, nl-BE;q=0.7"), Lang::Nl);
        assert_eq!(from_accept_language("fr"), Lang::En);
        assert_eq!(from_accept_language("nl;q=0"), Lang::En);
        assert_eq!(from_accept_language(""), Lang::En);
    }
}
