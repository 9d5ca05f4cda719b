//! The edges of the JSON profile (FORMAT.md §1.4) that an implementer could read either
//! way: fraction digits, leap seconds and the year range of timestamps, signs and
//! out-of-range numbers, unpaired surrogates, escapes inside the envelope, non-object
//! grants and the limits of ids and names.

use license_format::sign_payload;
use serde_json::{json, Value};

use super::{
    base_payload, file, key, parts, raw_envelope, signed, to_bytes, with, Vector, VENDOR_KEY,
};

/// The base payload's compact text with `from` replaced once by `to`, signed: for what
/// `serde_json::Value` cannot write (`-0`, `1e400`, a lone surrogate escape).
fn edited(from: &str, to: &str) -> String {
    let text = String::from_utf8(to_bytes(&base_payload())).unwrap_or_default();
    assert!(text.contains(from), "the base payload holds {from}");
    sign_payload(text.replacen(from, to, 1).as_bytes(), &key(VENDOR_KEY))
}

fn payload_with(pointer: &str, value: Value) -> String {
    signed(&with(base_payload(), pointer, value))
}

pub(super) fn valid_vectors() -> Vec<Vector> {
    vec![
        file(
            "valid-timestamp-nine-fraction-digits",
            "valid",
            "a fraction of a second may have up to nine digits, all of them significant",
            &payload_with("/valid_from", json!("2026-12-01T00:00:00.123456789Z")),
        ),
        file(
            "valid-timestamp-year-range",
            "valid",
            "issued_at 0000-01-01T05:00:00+05:00 is 0000-01-01T00:00:00Z: the first instant allowed",
            &payload_with("/issued_at", json!("0000-01-01T05:00:00+05:00")),
        ),
        file(
            "valid-extensions-numbers",
            "valid",
            "extension numbers: -0, 1e308, 1e-400 (rounds to 0) and a 30-digit integer are finite binary64 values",
            &edited(
                "\"grace_days\"",
                "\"extensions\":{\"a\":-0,\"b\":1e308,\"c\":1e-400,\"d\":123456789012345678901234567890,\"e\":-1.5E-3},\"grace_days\"",
            ),
        ),
        file(
            "valid-envelope-escapes",
            "valid",
            "JSON escapes (\\/ and \\u0041) in the envelope's strings are read after unescaping; the payload bytes signed are unchanged",
            &escaped_envelope(),
        ),
        file(
            "valid-string-limits",
            "valid",
            "a 128-byte license_id of printable ASCII, a 256-byte customer name in two scripts with a right-to-left mark",
            &signed(&with(
                with(base_payload(), "/license_id", json!(long_id(128))),
                "/customer/name",
                json!(long_name()),
            )),
        ),
    ]
}

/// An envelope whose every member is spelled with escapes: `\u0041` style for the first
/// character of each value, `\/` for each `/` and `\u002B` for each `+`.
fn escaped_envelope() -> String {
    let p = parts(&to_bytes(&base_payload()));
    assert!(
        format!("{}{}", p.payload, p.sig).contains(['/', '+']),
        "base64 with a slash or a plus to escape"
    );
    let escape = |s: &str| {
        let first = s.chars().next().unwrap_or('A');
        let rest = s[first.len_utf8()..]
            .replace('/', "\\/")
            .replace('+', "\\u002B");
        format!("\\u{:04x}{rest}", u32::from(first))
    };
    raw_envelope(&format!(
        r#"{{"format":"{}","alg":"{}","kid":"{}","payload":"{}","sig":"{}"}}"#,
        escape("license-file/v1"),
        escape("ed25519"),
        escape(&p.kid),
        escape(&p.payload),
        escape(&p.sig)
    ))
}

/// `n` bytes of every printable ASCII character but space, in turn.
fn long_id(n: usize) -> String {
    (b'!'..=b'~').cycle().take(n).map(char::from).collect()
}

/// Exactly 256 bytes of UTF-8: Norwegian and Hebrew letters and a right-to-left mark.
fn long_name() -> String {
    let mut name = String::from("Acme \u{e6}\u{f8}\u{e5} \u{5e9}\u{5dc}\u{5d5}\u{5dd}\u{200f} ");
    while name.len() < 256 {
        name.push(if 256 - name.len() >= 2 { '\u{e5}' } else { 'a' });
    }
    name
}

pub(super) fn invalid_vectors() -> Vec<Vector> {
    let rules: Vec<(&str, &str, &str, String)> = vec![
        (
            "invalid-payload-timestamp-ten-fraction-digits",
            "payload",
            "a fraction of a second with ten digits",
            payload_with("/valid_from", json!("2026-12-01T00:00:00.1234567891Z")),
        ),
        (
            "invalid-payload-timestamp-leap-second",
            "payload",
            "issued_at 2016-12-31T23:59:60Z: a leap second is never a timestamp",
            payload_with("/issued_at", json!("2016-12-31T23:59:60Z")),
        ),
        (
            "invalid-payload-timestamp-before-year-0",
            "payload",
            "issued_at 0000-01-01T00:00:00+05:00 is in year -1 in UTC",
            payload_with("/issued_at", json!("0000-01-01T00:00:00+05:00")),
        ),
        (
            "invalid-payload-timestamp-after-year-9999",
            "payload",
            "issued_at 9999-12-31T23:00:00-05:00 is in year 10000 in UTC",
            payload_with("/issued_at", json!("9999-12-31T23:00:00-05:00")),
        ),
        (
            "invalid-payload-serial-minus-zero",
            "payload",
            "serial -0: an integer has no sign",
            edited("\"serial\":3", "\"serial\":-0"),
        ),
        (
            "invalid-payload-extension-number-huge",
            "payload",
            "an extension number 1e400 is beyond binary64",
            edited(
                "\"grace_days\"",
                "\"extensions\":{\"n\":1e400},\"grace_days\"",
            ),
        ),
        (
            "invalid-payload-unpaired-surrogate",
            "payload",
            "customer.name holds the escape \\ud800 without its low surrogate",
            edited("\"Acme AS\"", "\"Acme \\ud800AS\""),
        ),
        (
            "invalid-payload-grant-not-object",
            "payload",
            "a system_licenses element is a string, not an object",
            payload_with("/system_licenses/0", json!("superoffice-server")),
        ),
        (
            "invalid-payload-license-id-too-long",
            "invalid-payload",
            "license_id of 129 bytes, over the limit of 128",
            payload_with("/license_id", json!(long_id(129))),
        ),
        (
            "invalid-payload-customer-id-space",
            "invalid-payload",
            "customer.id holds a space: ids are printable ASCII without spaces",
            payload_with("/customer/id", json!("C 1001")),
        ),
        (
            "invalid-payload-installation-id-non-ascii",
            "invalid-payload",
            "installation_id holds a non-ASCII letter",
            payload_with("/installation_id", json!("inst-\u{e9}")),
        ),
        (
            "invalid-payload-customer-name-too-long",
            "invalid-payload",
            "customer.name of 257 bytes, over the limit of 256",
            payload_with("/customer/name", json!(format!("{}a", long_name()))),
        ),
        (
            "invalid-payload-customer-name-control",
            "invalid-payload",
            "customer.name holds a line feed",
            payload_with("/customer/name", json!("Acme\nAS")),
        ),
        (
            "invalid-payload-issuer-bidi-override",
            "invalid-payload",
            "issuer holds U+202E RIGHT-TO-LEFT OVERRIDE",
            payload_with("/issuer", json!("SuperOffice \u{202e}SA")),
        ),
    ];
    let mut all: Vec<Vector> = rules
        .into_iter()
        .map(|(name, kind, comment, license)| {
            file(name, &format!("invalid {kind}"), comment, &license)
        })
        .collect();
    all.push(file(
        "invalid-envelope-member-not-string",
        "invalid envelope",
        "alg is the number 1, not a string",
        &{
            let p = parts(&to_bytes(&base_payload()));
            raw_envelope(&format!(
                r#"{{"format":"license-file/v1","alg":1,"kid":"{}","payload":"{}","sig":"{}"}}"#,
                p.kid, p.payload, p.sig
            ))
        },
    ));
    all
}
