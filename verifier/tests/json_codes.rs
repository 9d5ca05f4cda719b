//! The codes of reasons, warnings and errors are documented twice, in the crate docs and
//! in docs/JSON.md, and returned by each type's `code()`. This test keeps the three in
//! step: a code added to the code but not to both tables fails here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The strings a `code()` function returns: `=> "code",` arms.
fn returned_codes(source: &str) -> BTreeSet<String> {
    let body = &source[source
        .find("pub fn code(&self)")
        .expect("a code() function")..];
    let body = &body[..body.find("\n    }\n").unwrap()];
    body.split("=> \"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

/// The first cells of the table rows in `text` that start with a backquoted code, taken
/// from the lines between `from` and the next blank line.
fn table_codes(text: &str, from: &str, prefix: &str) -> BTreeSet<String> {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("{from} not found"));
    text[start..]
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{prefix}| `")))
        .take_while(|l| l.starts_with(&format!("{prefix}|")))
        .filter_map(|l| l.strip_prefix(&format!("{prefix}| `")))
        .map(|rest| rest[..rest.find('`').unwrap()].to_owned())
        .collect()
}

#[test]
fn reason_and_warning_codes_are_documented_in_both_tables() {
    let json = read("docs/JSON.md");
    for (file, heading) in [
        ("verifier/src/reason.rs", "## Reasons"),
        ("verifier/src/warning.rs", "## Warnings"),
    ] {
        let source = read(file);
        let codes = returned_codes(&source);
        assert_eq!(table_codes(&source, "//! | code", "//! "), codes, "{file}");
        assert_eq!(
            table_codes(&json, heading, ""),
            codes,
            "docs/JSON.md {heading}"
        );
    }
}

#[test]
fn event_and_damage_codes_are_documented() {
    let json = read("docs/JSON.md");
    for (file, heading) in [
        ("verifier/src/store/events.rs", "## Outcomes and events"),
        (
            "verifier/src/damage.rs",
            "A damaged store (`damaged-store`)",
        ),
    ] {
        let codes = returned_codes(&read(file));
        assert!(codes.len() > 10, "{file}: {codes:?}");
        assert_eq!(
            table_codes(&json, heading, ""),
            codes,
            "docs/JSON.md {heading}"
        );
    }
}

#[test]
fn error_codes_are_documented() {
    let json = read("docs/JSON.md");
    for (file, heading) in [
        ("shared/src/error.rs", "### license-format"),
        ("verifier/src/error.rs", "### license-verifier"),
        ("issuer/src/error.rs", "### license-issuer"),
    ] {
        let mut codes = returned_codes(&read(file));
        // A wrapped format error keeps the format crate's code.
        codes.remove("format");
        assert_eq!(
            table_codes(&json, heading, ""),
            codes,
            "docs/JSON.md {heading}"
        );
    }
}
