//! The vectors: one rule per file, each file saying what a reader must decide. This
//! module holds the helpers, the accepted variants and the armor refusals; `refusals`
//! the envelope, signature and payload refusals; `reset` the clock-reset documents and
//! the license vectors that are clock resets in disguise; `trust` key certificates,
//! revocation lists and certified license files; `held` the documents an installation
//! refuses because of the revocation list it holds.

mod held;
mod keyring;
mod profile;
mod refusals;
mod reset;
mod trust;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use license_format::{armor, sign_payload, signing_key_from_pem, KeyId, SigningKey};
use serde_json::{json, Value};

const VENDOR_KEY: &str = include_str!("../../../keys-example/vendor.key");
const VENDOR_NEXT_KEY: &str = include_str!("../../../keys-example/vendor-next.key");

/// One vector file.
pub struct Vector {
    /// File name: `valid-*.lic` or `invalid-*.lic` for license files, `*.reset` for
    /// clock-reset documents, `*.cert` for key certificates, `*.revocation` for
    /// revocation lists, `*.pem` for keyrings.
    pub name: String,
    /// The whole file: `expect:` and `comment:` lines, then the license text.
    pub contents: Vec<u8>,
}

fn key(pem: &str) -> SigningKey {
    signing_key_from_pem(pem).expect("keys-example holds valid keys")
}

fn base_payload() -> Value {
    json!({
        "license_id": "LIC-000042",
        "serial": 3,
        "product": "superoffice-crm",
        "issued_at": "2026-11-20T09:30:00Z",
        "issuer": "SuperOffice AS",
        "customer": {"id": "C-1001", "name": "Acme AS"},
        "installation_id": "5f0c3a9e8b7d4c21a6e1f2d3c4b5a697",
        "valid_from": "2026-12-01T00:00:00Z",
        "valid_until": "2027-12-01T00:00:00Z",
        "grace_days": 14,
        "system_licenses": [
            {"code": "superoffice-server", "valid_until": null},
            {"code": "online-web-services", "valid_until": null},
            {"code": "sales-intelligence", "valid_until": "2027-06-01T00:00:00Z"}
        ],
        "user_plans": [
            {"code": "sales-premium", "seats": 10, "valid_until": null},
            {"code": "sales-essentials", "seats": 25, "valid_until": null}
        ]
    })
}

/// The payload with the member at `pointer` set (added when its parent is an object).
fn with(mut payload: Value, pointer: &str, value: Value) -> Value {
    let (parent, member) = pointer.rsplit_once('/').expect("pointer starts with /");
    match payload
        .pointer_mut(parent)
        .expect("pointer's parent exists")
    {
        Value::Object(map) => {
            map.insert(member.to_owned(), value);
        }
        Value::Array(items) => items[member.parse::<usize>().expect("array index")] = value,
        _ => panic!("pointer's parent is neither object nor array"),
    }
    payload
}

fn without(mut payload: Value, member: &str) -> Value {
    payload
        .as_object_mut()
        .expect("payload is an object")
        .remove(member);
    payload
}

fn to_bytes(payload: &Value) -> Vec<u8> {
    serde_json::to_vec(payload).expect("JSON values serialize")
}

fn signed(payload: &Value) -> String {
    sign_payload(&to_bytes(payload), &key(VENDOR_KEY))
}

/// An armored envelope built by hand, for the envelope-level refusals.
fn raw_envelope(body: &str) -> String {
    armor(body.as_bytes())
}

/// The members of a correctly signed envelope, to recombine.
struct Parts {
    kid: String,
    payload: String,
    sig: String,
}

fn parts(payload: &[u8]) -> Parts {
    let key = key(VENDOR_KEY);
    let text = sign_payload(payload, &key);
    let envelope = license_format::dearmor(text.as_bytes()).expect("fresh armor decodes");
    let v: Value = serde_json::from_slice(&envelope).expect("fresh envelope is JSON");
    Parts {
        kid: KeyId::of(&key.verifying_key()).to_string(),
        payload: v["payload"].as_str().unwrap_or_default().to_owned(),
        sig: v["sig"].as_str().unwrap_or_default().to_owned(),
    }
}

fn envelope_with_sig(payload: &[u8], sig: &[u8]) -> String {
    let p = parts(payload);
    raw_envelope(&format!(
        r#"{{"format":"license-file/v1","alg":"ed25519","kid":"{}","payload":"{}","sig":"{}"}}"#,
        p.kid,
        p.payload,
        STANDARD.encode(sig)
    ))
}

fn file(name: &str, expect: &str, comment: &str, license: &str) -> Vector {
    Vector {
        name: format!("{name}.lic"),
        contents: format!("expect: {expect}\ncomment: {comment}\n{license}").into_bytes(),
    }
}

/// The vector with a UTF-8 byte order mark before its first line.
fn bom(mut v: Vector) -> Vector {
    v.contents.splice(0..0, *b"\xEF\xBB\xBF");
    v
}

/// Every vector, in a fixed order.
pub fn generate() -> Vec<Vector> {
    let mut all = valid_vectors();
    all.extend(armor_vectors());
    all.extend(refusals::envelope_vectors());
    all.extend(refusals::signature_vectors());
    all.extend(refusals::payload_vectors());
    all.extend(profile::valid_vectors());
    all.extend(profile::invalid_vectors());
    all.extend(reset::license_kind_vectors());
    all.extend(reset::reset_vectors());
    all.extend(keyring::keyring_vectors());
    all.extend(trust::trust_vectors());
    all
}

fn valid_vectors() -> Vec<Vector> {
    let basic = signed(&base_payload());
    let rewrapped = {
        let body: String = basic.lines().filter(|l| !l.starts_with("-----")).collect();
        let chunks: Vec<&str> = body
            .as_bytes()
            .chunks(40)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect();
        format!(
            "-----BEGIN LICENSE FILE-----\n  {}\n-----END LICENSE FILE-----\n",
            chunks.join(" \t\n  ")
        )
    };
    let next = sign_payload(&to_bytes(&base_payload()), &key(VENDOR_NEXT_KEY));
    vec![
        file("valid-basic", "valid", "a bound license with modules and user plans, as the issuer writes it", &basic),
        file("valid-crlf", "valid", "the basic license with CRLF line endings", &basic.replace('\n', "\r\n")),
        bom(file("valid-bom", "valid", "the basic license in a file that starts with a UTF-8 byte order mark", &basic)),
        file(
            "valid-surrounding-text",
            "valid",
            "the basic license pasted into an e-mail, text before and after",
            &format!("Hello Acme,\n\nhere is your license:\n\n{basic}\nKind regards,\nthe licensing team\n"),
        ),
        file("valid-rewrapped", "valid", "the basic license re-wrapped at 40 columns with spaces and tabs", &rewrapped),
        file("valid-vendor-next", "valid", "signed by the second example key (key rotation)", &next),
        file(
            "valid-unbound",
            "valid",
            "installation_id null: valid on any installation",
            &signed(&with(base_payload(), "/installation_id", Value::Null)),
        ),
        file(
            "valid-perpetual",
            "valid",
            "valid_until null: perpetual; a dated grant under it is fine",
            &signed(&with(base_payload(), "/valid_until", Value::Null)),
        ),
        file(
            "valid-extensions",
            "valid",
            "extensions hold data verifiers may ignore, at any depth",
            &signed(&with(base_payload(), "/extensions", json!({"crm": {"notes": ["a", {"b": 1}]}, "x": null}))),
        ),
        file(
            "valid-offsets",
            "valid",
            "readers accept any RFC 3339 offset and fractions of a second",
            &signed(&with(base_payload(), "/valid_from", json!("2026-12-01T01:00:00.250+01:00"))),
        ),
        file(
            "valid-minimal",
            "valid",
            "no modules and no plans, grace 0, no extensions",
            &signed(&with(
                with(with(base_payload(), "/system_licenses", json!([])), "/user_plans", json!([])),
                "/grace_days",
                json!(0),
            )),
        ),
    ]
}

fn armor_vectors() -> Vec<Vector> {
    let basic = signed(&base_payload());
    let body_start = basic.find('\n').unwrap_or(0) + 1;
    let mut bad_char = basic.clone();
    bad_char.insert(body_start + 10, '*');
    let mut oversized = basic.clone();
    oversized.push_str(&"padding after the armor line to pass one mebibyte\n".repeat(21_000));
    vec![
        file(
            "invalid-too-large",
            "invalid too-large",
            "over 1 MiB: refused before it is parsed",
            &oversized,
        ),
        file(
            "invalid-no-block",
            "invalid armor",
            "no BEGIN LICENSE FILE line at all",
            "just some text\n",
        ),
        file(
            "invalid-two-blocks",
            "invalid armor",
            "two license blocks in one file",
            &format!("{basic}{basic}"),
        ),
        file(
            "invalid-begin-without-end",
            "invalid armor",
            "the END line is missing: the file was cut short",
            basic
                .trim_end()
                .trim_end_matches("-----END LICENSE FILE-----"),
        ),
        file(
            "invalid-body-char",
            "invalid armor",
            "a '*' inside the body",
            &bad_char,
        ),
        file(
            "invalid-base64",
            "invalid base64",
            "the body has a non-canonical padding: it does not decode",
            "-----BEGIN LICENSE FILE-----\nQUJD=\n-----END LICENSE FILE-----\n",
        ),
        file(
            "invalid-base64-trailing-bits",
            "invalid base64",
            "the last character has non-zero unused bits",
            "-----BEGIN LICENSE FILE-----\nQUJDRB==\n-----END LICENSE FILE-----\n",
        ),
    ]
}
