//! The strings of the format (FORMAT.md §1.4 rule 8): what an id or a name may hold, and
//! how a tool shows one. Ids are printable ASCII so that they compare and read as
//! written; names may be any language but hold nothing that reorders or breaks a line
//! of output, and whatever else is invisible is escaped when shown.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::constants::{MAX_HOSTNAME_BYTES, MAX_ID_BYTES, MAX_NAME_BYTES};
use crate::TextProblem;

/// Checks an identifier: 1 to [`MAX_ID_BYTES`] bytes, each printable ASCII other than
/// space (`0x21`-`0x7e`). The error is the problem, without the member's name.
pub(crate) fn check_id(value: &str) -> Result<(), TextProblem> {
    if value.trim().is_empty() {
        return Err(TextProblem::Empty);
    }
    if value.len() > MAX_ID_BYTES {
        return Err(too_long(value, MAX_ID_BYTES));
    }
    match value.chars().find(|c| !matches!(c, '!'..='~')) {
        None => Ok(()),
        Some(c) if c.is_control() => Err(TextProblem::ControlCharacter {
            value: value.to_owned(),
        }),
        Some(character) => Err(TextProblem::NotPrintableAscii {
            value: value.to_owned(),
            character,
        }),
    }
}

/// Checks a display name: 1 to [`MAX_NAME_BYTES`] bytes of UTF-8, at least one character
/// that is not whitespace, no character that [`forbidden_in_text`] names.
pub(crate) fn check_name(value: &str) -> Result<(), TextProblem> {
    if value.trim().is_empty() {
        return Err(TextProblem::Empty);
    }
    if value.len() > MAX_NAME_BYTES {
        return Err(too_long(value, MAX_NAME_BYTES));
    }
    check_characters(value)
}

/// Checks a request's informative `hostname`: at most [`MAX_HOSTNAME_BYTES`] bytes, no
/// character that [`forbidden_in_text`] names; it may be empty.
pub(crate) fn check_hostname(value: &str) -> Result<(), TextProblem> {
    if value.len() > MAX_HOSTNAME_BYTES {
        return Err(too_long(value, MAX_HOSTNAME_BYTES));
    }
    check_characters(value)
}

fn check_characters(value: &str) -> Result<(), TextProblem> {
    match value.chars().find(|&c| forbidden_in_text(c)) {
        None => Ok(()),
        Some(character) => Err(TextProblem::ForbiddenCharacter {
            value: value.to_owned(),
            character,
        }),
    }
}

fn too_long(value: &str, max: usize) -> TextProblem {
    TextProblem::TooLong {
        length: value.len(),
        max,
    }
}

/// Characters no name or hostname may hold: controls (Unicode `Cc`), the line and
/// paragraph separators, and the bidirectional embeddings, overrides and isolates, which
/// can make text show other than it reads ("Trojan Source").
fn forbidden_in_text(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters a tool escapes when it shows a string (FORMAT.md §1.4 rule 8): the
/// forbidden ones, which a string of another origin (an extension, a file name) may
/// still hold, and the invisible format characters that survive the checks.
fn escaped_on_display(c: char) -> bool {
    forbidden_in_text(c)
        || matches!(
            c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{206A}'..='\u{206F}' | '\u{FEFF}'
        )
}

/// A string as a tool shows it (FORMAT.md §1.4 rule 8): every control, line-break,
/// bidirectional or invisible format character as `\u{XXXX}`, and a backslash as `\\`
/// so that an escape in the text cannot pass for one made here. Other text is
/// unchanged.
///
/// ```
/// use license_format::text::escape_for_display;
///
/// assert_eq!(escape_for_display("Acme AS"), "Acme AS");
/// assert_eq!(escape_for_display("evil\u{202E}gpj.exe"), "evil\\u{202E}gpj.exe");
/// assert_eq!(escape_for_display("a\\b\n"), "a\\\\b\\u{000A}");
/// ```
pub fn escape_for_display(value: &str) -> Cow<'_, str> {
    if !value.chars().any(|c| c == '\\' || escaped_on_display(c)) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else if escaped_on_display(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_printable_ascii_of_bounded_length() {
        assert!(check_id("LIC-000042").is_ok());
        assert!(check_id(&"a".repeat(MAX_ID_BYTES)).is_ok());
        assert!(check_id(&"a".repeat(MAX_ID_BYTES + 1)).is_err());
        for bad in ["", " ", "C 1001", "C-1\u{7}", "C-\u{e9}", "C-1\u{202E}"] {
            assert!(check_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn names_refuse_what_reorders_or_breaks_a_line() {
        assert!(
            check_name("Acme \u{e6}\u{f8}\u{e5} \u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{200F}").is_ok()
        );
        assert!(check_name(&"\u{e9}".repeat(MAX_NAME_BYTES / 2)).is_ok());
        assert!(check_name(&"\u{e9}".repeat(MAX_NAME_BYTES / 2 + 1)).is_err());
        for bad in [
            "",
            "\u{3000}",
            "a\tb",
            "a\u{2028}b",
            "a\u{202E}b",
            "a\u{2067}b",
            "a\u{85}",
        ] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_hostname("").is_ok());
        assert!(check_hostname("host\n").is_err());
    }

    #[test]
    fn display_escapes_the_invisible_and_the_backslash() {
        assert_eq!(
            escape_for_display("\u{200E}x\u{FEFF}"),
            "\\u{200E}x\\u{FEFF}"
        );
        assert!(matches!(escape_for_display("plain"), Cow::Borrowed(_)));
    }
}
