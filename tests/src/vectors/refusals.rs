//! The envelope, signature and payload refusals: everything after the armor.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use license_format::{armor, sign_payload, KeyId};
use serde_json::{json, Value};

use super::{
    base_payload, envelope_with_sig, file, key, parts, raw_envelope, signed, to_bytes, with,
    without, Vector, VENDOR_KEY, VENDOR_NEXT_KEY,
};

pub(super) fn envelope_vectors() -> Vec<Vector> {
    let p = parts(&to_bytes(&base_payload()));
    let env = |format: &str, alg: &str, kid: &str, extra: &str| {
        raw_envelope(&format!(
            r#"{{"format":"{format}","alg":"{alg}","kid":"{kid}","payload":"{}","sig":"{}"{extra}}}"#,
            p.payload, p.sig
        ))
    };
    let v1 = "license-file/v1";
    vec![
        file(
            "invalid-envelope-not-json",
            "invalid envelope",
            "the body decodes to text that is not JSON",
            &raw_envelope("not json"),
        ),
        file(
            "invalid-envelope-not-utf8",
            "invalid envelope",
            "the body decodes to bytes that are not UTF-8",
            &armor(b"{\"format\":\"\xff\"}"),
        ),
        file(
            "invalid-envelope-not-object",
            "invalid envelope",
            "the envelope is a JSON array",
            &raw_envelope("[1,2,3]"),
        ),
        file(
            "invalid-envelope-unknown-member",
            "invalid envelope",
            "an extra member `note`",
            &env(v1, "ed25519", &p.kid, r#","note":"x""#),
        ),
        file(
            "invalid-envelope-duplicate-member",
            "invalid envelope",
            "`alg` given twice",
            &env(v1, "ed25519", &p.kid, r#","alg":"ed25519""#),
        ),
        file(
            "invalid-envelope-missing-member",
            "invalid envelope",
            "no `sig` member",
            &raw_envelope(&format!(
                r#"{{"format":"{v1}","alg":"ed25519","kid":"{}","payload":"{}"}}"#,
                p.kid, p.payload
            )),
        ),
        file(
            "invalid-envelope-payload-not-base64",
            "invalid envelope",
            "`payload` is not standard base64 (URL-safe alphabet)",
            &raw_envelope(&format!(
                r#"{{"format":"{v1}","alg":"ed25519","kid":"{}","payload":"ab-_","sig":"{}"}}"#,
                p.kid, p.sig
            )),
        ),
        file(
            "invalid-envelope-sig-length",
            "invalid envelope",
            "`sig` decodes to 63 bytes",
            &envelope_with_sig(&to_bytes(&base_payload()), &[7u8; 63]),
        ),
        file(
            "invalid-format-version",
            "invalid unsupported-format",
            "format license-file/v2",
            &env("license-file/v2", "ed25519", &p.kid, ""),
        ),
        file(
            "invalid-alg",
            "invalid unsupported-algorithm",
            "alg ecdsa-p256",
            &env(v1, "ecdsa-p256", &p.kid, ""),
        ),
        file(
            "invalid-kid-uppercase",
            "invalid malformed-key-id",
            "the kid in uppercase hex",
            &env(v1, "ed25519", &p.kid.to_uppercase(), ""),
        ),
        file(
            "invalid-kid-short",
            "invalid malformed-key-id",
            "a kid of 15 hex digits",
            &env(v1, "ed25519", &p.kid[..15], ""),
        ),
        file(
            "invalid-unknown-key",
            "invalid unknown-key",
            "signed by a key no keyring trusts (kid 0000000000000000)",
            &env(v1, "ed25519", "0000000000000000", ""),
        ),
    ]
}

pub(super) fn signature_vectors() -> Vec<Vector> {
    let payload = to_bytes(&base_payload());
    let p = parts(&payload);
    let sig = STANDARD.decode(&p.sig).unwrap_or_default();
    let mut flipped_sig = sig.clone();
    flipped_sig[5] ^= 0x01;
    // S + L: the same point equation, but S is not reduced: verify_strict refuses it.
    let non_canonical = add_group_order(&sig);
    let mut tampered = payload.clone();
    let at = tampered.iter().position(|&b| b == b'1').unwrap_or(0);
    tampered[at] = b'9';
    let mut small_order_r = sig.clone();
    small_order_r[..32].copy_from_slice(&[0u8; 32]);
    small_order_r[0] = 1;
    vec![
        file(
            "invalid-signature-flipped",
            "invalid bad-signature",
            "one bit of the signature flipped",
            &envelope_with_sig(&payload, &flipped_sig),
        ),
        file(
            "invalid-signature-payload-changed",
            "invalid bad-signature",
            "the payload edited after signing (seats 10 -> 90)",
            &envelope_with_sig_of(&tampered, &sig),
        ),
        file(
            "invalid-signature-non-canonical-s",
            "invalid bad-signature",
            "S replaced by S + L (malleated signature)",
            &envelope_with_sig(&payload, &non_canonical),
        ),
        file(
            "invalid-signature-small-order-r",
            "invalid bad-signature",
            "R replaced by the identity point (small order)",
            &envelope_with_sig(&payload, &small_order_r),
        ),
        file(
            "invalid-signature-other-key",
            "invalid bad-signature",
            "signed by vendor-next but naming vendor's kid",
            &envelope_with_sig(
                &payload,
                &STANDARD.decode(parts_next(&payload)).unwrap_or_default(),
            ),
        ),
    ]
}

fn parts_next(payload: &[u8]) -> String {
    let text = sign_payload(payload, &key(VENDOR_NEXT_KEY));
    let envelope = license_format::dearmor(text.as_bytes()).unwrap_or_default();
    let v: Value = serde_json::from_slice(&envelope).unwrap_or_default();
    v["sig"].as_str().unwrap_or_default().to_owned()
}

/// An envelope over `payload` that carries a signature made for other bytes.
fn envelope_with_sig_of(payload: &[u8], sig: &[u8]) -> String {
    let kid = KeyId::of(&key(VENDOR_KEY).verifying_key()).to_string();
    raw_envelope(&format!(
        r#"{{"format":"license-file/v1","alg":"ed25519","kid":"{kid}","payload":"{}","sig":"{}"}}"#,
        STANDARD.encode(payload),
        STANDARD.encode(sig)
    ))
}

/// Adds the group order L to the little-endian scalar S (the signature's last 32 bytes).
fn add_group_order(sig: &[u8]) -> Vec<u8> {
    const L: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
        0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let mut out = sig.to_vec();
    let mut carry = 0u16;
    for (i, l) in L.iter().enumerate() {
        let sum = u16::from(out[32 + i]) + u16::from(*l) + carry;
        out[32 + i] = sum as u8;
        carry = sum >> 8;
    }
    out
}

pub(super) fn payload_vectors() -> Vec<Vector> {
    let b = base_payload;
    let text = |s: &str| sign_payload(s.as_bytes(), &key(VENDOR_KEY));
    let base_text = String::from_utf8(to_bytes(&b())).unwrap_or_default();
    let mut deep = String::from("{\"a\":");
    deep.push_str(&"[".repeat(200));
    deep.push_str(&"]".repeat(200));
    deep.push('}');
    let rules: Vec<(&str, &str, &str, String)> = vec![
        (
            "invalid-payload-not-json",
            "payload",
            "the signed payload is not JSON",
            text("license"),
        ),
        (
            "invalid-payload-not-utf8",
            "payload",
            "the signed payload is not UTF-8",
            sign_payload(b"{\"license_id\":\"\xff\"}", &key(VENDOR_KEY)),
        ),
        (
            "invalid-payload-unknown-member",
            "payload",
            "an unknown top-level member `max_users`",
            signed(&with(b(), "/max_users", json!(5))),
        ),
        (
            "invalid-payload-unknown-nested-member",
            "payload",
            "an unknown member inside customer",
            signed(&with(b(), "/customer/country", json!("NO"))),
        ),
        (
            "invalid-payload-unknown-grant-member",
            "payload",
            "an unknown member inside a user plan",
            signed(&with(b(), "/user_plans/0/region", json!("EU"))),
        ),
        (
            "invalid-payload-missing-member",
            "payload",
            "no `grace_days` member",
            signed(&without(b(), "grace_days")),
        ),
        (
            "invalid-payload-missing-installation-id",
            "payload",
            "no `installation_id` member: unbound must be said with null",
            signed(&without(b(), "installation_id")),
        ),
        (
            "invalid-payload-timestamp-space",
            "payload",
            "a space instead of T in valid_from",
            signed(&with(b(), "/valid_from", json!("2026-12-01 00:00:00Z"))),
        ),
        (
            "invalid-payload-duplicate-member",
            "payload",
            "`serial` given twice",
            text(&base_text.replacen("{", "{\"serial\":9,", 1)),
        ),
        (
            "invalid-payload-duplicate-in-extensions",
            "payload",
            "a key given twice inside extensions",
            text(&base_text.replacen("{", "{\"extensions\":{\"a\":{\"k\":1,\"k\":2}},", 1)),
        ),
        (
            "invalid-payload-deep-nesting",
            "payload",
            "extensions nested 200 levels deep",
            text(&base_text.replacen("{", &format!("{{\"extensions\":{deep},"), 1)),
        ),
        (
            "invalid-payload-bad-timestamp",
            "payload",
            "valid_from is a date, not an RFC 3339 timestamp",
            signed(&with(b(), "/valid_from", json!("2026-12-01"))),
        ),
        (
            "invalid-payload-serial-negative",
            "payload",
            "serial -1",
            signed(&with(b(), "/serial", json!(-1))),
        ),
        (
            "invalid-payload-seats-huge",
            "payload",
            "seats 2^64, beyond any integer type",
            text(&base_text.replacen("\"seats\":10", "\"seats\":18446744073709551616", 1)),
        ),
        (
            "invalid-serial-zero",
            "invalid-payload",
            "serial 0",
            signed(&with(b(), "/serial", json!(0))),
        ),
        (
            "invalid-grace-too-long",
            "invalid-payload",
            "grace_days 91, over the limit of 90",
            signed(&with(b(), "/grace_days", json!(91))),
        ),
        (
            "invalid-seats-zero",
            "invalid-payload",
            "a plan with 0 seats",
            signed(&with(b(), "/user_plans/0/seats", json!(0))),
        ),
        (
            "invalid-unknown-code",
            "invalid-payload",
            "system license `superoffice-servr` is not in the catalog",
            signed(&with(
                b(),
                "/system_licenses/0/code",
                json!("superoffice-servr"),
            )),
        ),
        (
            "invalid-wrong-kind",
            "invalid-payload",
            "a user plan code listed as a system license",
            signed(&with(
                b(),
                "/system_licenses/0/code",
                json!("sales-premium"),
            )),
        ),
        (
            "invalid-duplicate-code",
            "invalid-payload",
            "sales-premium given twice",
            signed(&with(b(), "/user_plans/1/code", json!("sales-premium"))),
        ),
        (
            "invalid-grant-outlives",
            "invalid-payload",
            "a module valid past the license's end",
            signed(&with(
                b(),
                "/system_licenses/2/valid_until",
                json!("2028-01-01T00:00:00Z"),
            )),
        ),
        (
            "invalid-until-before-from",
            "invalid-payload",
            "valid_until before valid_from",
            signed(&with(b(), "/valid_until", json!("2026-01-01T00:00:00Z"))),
        ),
        (
            "invalid-empty-customer-name",
            "invalid-payload",
            "customer.name is empty",
            signed(&with(b(), "/customer/name", json!(""))),
        ),
        (
            "invalid-empty-installation-id",
            "invalid-payload",
            "installation_id is an empty string",
            signed(&with(b(), "/installation_id", json!(""))),
        ),
        (
            "invalid-wrong-product",
            "wrong-product",
            "issued for product `superoffice-hr`",
            signed(&with(b(), "/product", json!("superoffice-hr"))),
        ),
    ];
    rules
        .into_iter()
        .map(|(name, kind, comment, license)| {
            file(name, &format!("invalid {kind}"), comment, &license)
        })
        .collect()
}
