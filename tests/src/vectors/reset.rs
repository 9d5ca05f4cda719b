//! The clock-reset vectors (`*.reset`, FORMAT.md §15), and the license vectors that are
//! clock resets in disguise (FORMAT.md §13): one rule per file, as for license files.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use license_format::{armor_as, sign_document, DocumentKind};
use serde_json::{json, Value};

use super::{base_payload, file, key, to_bytes, with, without, Vector, VENDOR_KEY};

const RESET: DocumentKind = DocumentKind::ClockReset;
const LICENSE: DocumentKind = DocumentKind::LicenseFile;

pub(super) fn base_reset() -> Value {
    json!({
        "product": "superoffice-crm",
        "installation_id": "5f0c3a9e8b7d4c21a6e1f2d3c4b5a697",
        "nonce": "9c1b7e4d2a6f8035c4e9d1b2a7f60e38",
        "request_mark": "2031-03-14T09:26:53Z",
        "request_clock": "2026-11-28T16:40:00Z",
        "issued_at": "2026-11-29T08:15:00Z",
        "issuer": "SuperOffice AS"
    })
}

fn signed_as(kind: DocumentKind, payload: &[u8]) -> String {
    sign_document(kind, payload, &key(VENDOR_KEY))
}

fn signed(reset: &Value) -> String {
    signed_as(RESET, &to_bytes(reset))
}

/// The envelope JSON of `text` (an armored document of `kind`) with `format` replaced,
/// armored as `armor`: the signature is left as it was.
fn relabelled(text: &str, kind: DocumentKind, format: &str, armor: DocumentKind) -> String {
    let envelope = license_format::dearmor_as(kind, text.as_bytes()).expect("fresh armor");
    let mut v: Value = serde_json::from_slice(&envelope).expect("fresh envelope");
    v["format"] = json!(format);
    armor_as(armor, &to_bytes(&v))
}

fn reset_file(name: &str, expect: &str, comment: &str, text: &str) -> Vector {
    Vector {
        name: format!("{name}.reset"),
        contents: format!("expect: {expect}\ncomment: {comment}\n{text}").into_bytes(),
    }
}

/// Every clock-reset vector, in a fixed order.
pub(super) fn reset_vectors() -> Vec<Vector> {
    let mut all = valid_and_kind_vectors();
    all.extend(refusal_vectors());
    all
}

fn valid_and_kind_vectors() -> Vec<Vector> {
    let basic = signed(&base_reset());
    let license = signed_as(LICENSE, &to_bytes(&base_payload()));
    vec![
        reset_file("valid-reset", "valid", "a clock reset as the issuer writes it", &basic),
        reset_file(
            "valid-reset-no-mark",
            "valid",
            "request_mark null: the installation had no mark when it asked",
            &signed(&with(base_reset(), "/request_mark", Value::Null)),
        ),
        reset_file(
            "invalid-reset-is-license",
            "invalid wrong-document-kind",
            "a license file given where a clock reset is expected",
            &license,
        ),
        reset_file(
            "invalid-reset-license-envelope",
            "invalid wrong-document-kind",
            "CLOCK RESET armor around a license-file/v1 envelope",
            &relabelled(&license, LICENSE, LICENSE.format(), RESET),
        ),
        reset_file(
            "invalid-reset-relabelled-license",
            "invalid bad-signature",
            "a license envelope whose format is rewritten to clock-reset/v1: its signature has the license prefix",
            &relabelled(&signed_as(LICENSE, &to_bytes(&base_reset())), LICENSE, RESET.format(), RESET),
        ),
    ]
}

fn refusal_vectors() -> Vec<Vector> {
    let b = base_reset;
    let basic = signed(&b());
    let envelope = license_format::dearmor_as(RESET, basic.as_bytes()).expect("fresh armor");
    let mut v: Value = serde_json::from_slice(&envelope).expect("fresh envelope");
    let mut sig = STANDARD
        .decode(v["sig"].as_str().unwrap_or_default())
        .unwrap_or_default();
    sig[9] ^= 0x01;
    let mut flipped = v.clone();
    flipped["sig"] = json!(STANDARD.encode(&sig));
    v["kid"] = json!("0000000000000000");
    let text = String::from_utf8(to_bytes(&b())).unwrap_or_default();
    let mut oversized = basic.clone();
    oversized.push_str(&"padding after the armor line to pass 64 KiB\n".repeat(1_500));
    let rules: Vec<(&str, &str, &str, String)> = vec![
        (
            "invalid-reset-too-large",
            "too-large",
            "over 64 KiB, the clock-reset limit: refused before it is parsed",
            oversized,
        ),
        (
            "invalid-reset-format-version",
            "unsupported-format",
            "format clock-reset/v2",
            relabelled(&basic, RESET, "clock-reset/v2", RESET),
        ),
        (
            "invalid-reset-signature-flipped",
            "bad-signature",
            "one bit of the signature flipped",
            armor_as(RESET, &to_bytes(&flipped)),
        ),
        (
            "invalid-reset-unknown-key",
            "unknown-key",
            "signed by a key no keyring trusts (kid 0000000000000000)",
            armor_as(RESET, &to_bytes(&v)),
        ),
        (
            "invalid-reset-missing-member",
            "payload",
            "no `request_clock` member",
            signed(&without(b(), "request_clock")),
        ),
        (
            "invalid-reset-missing-mark",
            "payload",
            "no `request_mark` member: none must be said with null",
            signed(&without(b(), "request_mark")),
        ),
        (
            "invalid-reset-unknown-member",
            "payload",
            "an unknown member `valid_until`",
            signed(&with(b(), "/valid_until", json!("2027-01-01T00:00:00Z"))),
        ),
        (
            "invalid-reset-duplicate-member",
            "payload",
            "`issued_at` given twice",
            signed_as(
                RESET,
                text.replacen('{', "{\"issued_at\":\"2040-01-01T00:00:00Z\",", 1)
                    .as_bytes(),
            ),
        ),
        (
            "invalid-reset-nonce-uppercase",
            "invalid-payload",
            "the nonce in uppercase hex",
            signed(&with(
                b(),
                "/nonce",
                json!("9C1B7E4D2A6F8035C4E9D1B2A7F60E38"),
            )),
        ),
        (
            "invalid-reset-nonce-short",
            "invalid-payload",
            "a nonce of 30 hex digits",
            signed(&with(
                b(),
                "/nonce",
                json!("9c1b7e4d2a6f8035c4e9d1b2a7f60e"),
            )),
        ),
        (
            "invalid-reset-installation-control",
            "invalid-payload",
            "a control character in installation_id",
            signed(&with(b(), "/installation_id", json!("inst\u{7}1"))),
        ),
        (
            "invalid-reset-wrong-product",
            "wrong-product",
            "issued for product `superoffice-hr`",
            signed(&with(b(), "/product", json!("superoffice-hr"))),
        ),
    ];
    rules
        .into_iter()
        .map(|(name, kind, comment, text)| {
            reset_file(name, &format!("invalid {kind}"), comment, &text)
        })
        .collect()
}

/// License vectors that hold a clock reset: `verify_license` must name it, never verify it.
pub(super) fn license_kind_vectors() -> Vec<Vector> {
    let reset = signed(&base_reset());
    vec![
        file(
            "invalid-kind-clock-reset",
            "invalid wrong-document-kind",
            "a clock reset given where a license file is expected",
            &reset,
        ),
        file(
            "invalid-kind-reset-envelope",
            "invalid wrong-document-kind",
            "LICENSE FILE armor around a clock-reset/v1 envelope",
            &relabelled(&reset, RESET, RESET.format(), LICENSE),
        ),
        file(
            "invalid-kind-relabelled-reset",
            "invalid bad-signature",
            "a clock-reset envelope whose format is rewritten to license-file/v1: its signature has the clock-reset prefix",
            &relabelled(&signed_as(RESET, &to_bytes(&base_payload())), RESET, LICENSE.format(), LICENSE),
        ),
    ]
}
