//! The chain of trust (FORMAT.md §16-§18): key certificates (`*.cert`), revocation
//! lists (`*.revocation`) and license files whose signing key is certified by
//! `keys-example/root-example` (`*-cert-*.lic`), one rule per file.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use license_format::{armor_as, sign_certified, sign_document, DocumentKind, KeyCertificate};
use serde_json::{json, Value};

use super::{base_payload, file, key, to_bytes, with, Vector, VENDOR_KEY, VENDOR_NEXT_KEY};

pub(super) const ROOT_KEY: &str = include_str!("../../../keys-example/root-example.key");
pub(super) const ISSUING_KEY: &str = include_str!("../../../keys-example/issuing-example.key");

const LICENSE: DocumentKind = DocumentKind::LicenseFile;
const CERT: DocumentKind = DocumentKind::KeyCertificate;
const LIST: DocumentKind = DocumentKind::RevocationList;

/// The certificate of the example issuing key, as `license-issuer certify` writes it.
pub(super) fn base_certificate() -> Value {
    let cert = KeyCertificate::for_key(
        "superoffice-crm",
        &key(ISSUING_KEY).verifying_key(),
        &[LICENSE, LIST],
        (t("2026-01-01T00:00:00Z"), t("2028-01-01T00:00:00Z")),
        t("2025-12-15T10:00:00Z"),
        "SuperOffice AS",
    );
    serde_json::from_slice(&cert.to_bytes()).expect("a certificate is JSON")
}

fn t(s: &str) -> chrono::DateTime<chrono::Utc> {
    license_format::time::parse_rfc3339(s).expect("a fixed timestamp")
}

/// The certificate signed by `signer` (a PEM private key).
fn certificate_by(cert: &Value, signer: &str) -> String {
    sign_document(CERT, &to_bytes(cert), &key(signer))
}

pub(super) fn certificate(cert: &Value) -> String {
    certificate_by(cert, ROOT_KEY)
}

/// A document of `kind` signed by the issuing key, carrying `cert`.
pub(super) fn certified(kind: DocumentKind, payload: &Value, cert: &str) -> String {
    certified_by(kind, payload, cert, ISSUING_KEY)
}

pub(super) fn certified_by(
    kind: DocumentKind,
    payload: &Value,
    cert: &str,
    signer: &str,
) -> String {
    sign_certified(kind, &to_bytes(payload), &key(signer), cert.as_bytes())
        .expect("the certificate is of the signing key")
}

pub(super) fn base_list() -> Value {
    json!({
        "product": "superoffice-crm",
        "serial": 4,
        "issued_at": "2026-12-01T12:00:00Z",
        "issuer": "SuperOffice AS",
        "licenses": [
            {"license_id": "LIC-000017", "revoked_at": "2026-09-03T08:00:00Z", "reason": "order refunded"},
            {"license_id": "LIC-000042", "revoked_at": "2026-11-30T15:20:00Z", "reason": null}
        ],
        "keys": [
            {"kid": "0123456789abcdef", "revoked_at": "2026-10-01T00:00:00Z", "reason": "laptop stolen"}
        ]
    })
}

pub(super) fn named(name: &str, ext: &str, expect: &str, comment: &str, text: &str) -> Vector {
    Vector {
        name: format!("{name}.{ext}"),
        contents: format!("expect: {expect}\ncomment: {comment}\n{text}").into_bytes(),
    }
}

/// The envelope of `text` (armored as `kind`) changed by `edit`, armored again.
fn edited(text: &str, kind: DocumentKind, edit: impl Fn(&mut Value)) -> String {
    let envelope = license_format::dearmor_as(kind, text.as_bytes()).expect("fresh armor");
    let mut v: Value = serde_json::from_slice(&envelope).expect("fresh envelope");
    edit(&mut v);
    armor_as(kind, &to_bytes(&v))
}

/// Every vector of the chain of trust, in a fixed order.
pub(super) fn trust_vectors() -> Vec<Vector> {
    let mut all = certificate_vectors();
    all.extend(certified_license_vectors());
    all.extend(revocation_vectors());
    all.extend(super::held::held_vectors());
    all
}

fn certificate_vectors() -> Vec<Vector> {
    let c = base_certificate;
    let license = sign_document(LICENSE, &to_bytes(&base_payload()), &key(VENDOR_KEY));
    let rules: Vec<(&str, &str, &str, String)> = vec![
        ("valid-certificate", "valid", "the example root certifies the example issuing key for license files and revocation lists", certificate(&c())),
        ("invalid-certificate-not-by-root", "invalid certificate-not-by-root", "signed by vendor.key, a key trusted to sign licenses but not a root", certificate_by(&c(), VENDOR_KEY)),
        ("invalid-certificate-wrong-product", "invalid certificate-wrong-product", "a certificate for product `superoffice-hr`", certificate(&with(c(), "/product", json!("superoffice-hr")))),
        ("invalid-certificate-kid-mismatch", "invalid invalid-payload", "kid is not the id of key", certificate(&with(c(), "/kid", json!("0123456789abcdef")))),
        ("invalid-certificate-key-short", "invalid invalid-payload", "key is 31 bytes", certificate(&with(c(), "/key", json!(STANDARD.encode([7u8; 31]))))),
        ("invalid-certificate-usage-unknown", "invalid invalid-payload", "usage names key-certificate: roots certify issuing keys directly", certificate(&with(c(), "/usage", json!(["key-certificate"])))),
        ("invalid-certificate-usage-empty", "invalid invalid-payload", "usage is empty", certificate(&with(c(), "/usage", json!([])))),
        ("invalid-certificate-usage-twice", "invalid invalid-payload", "usage names license-file twice", certificate(&with(c(), "/usage", json!(["license-file", "license-file"])))),
        ("invalid-certificate-window-backwards", "invalid invalid-payload", "valid_until is valid_from", certificate(&with(c(), "/valid_until", json!("2026-01-01T00:00:00Z")))),
        ("invalid-certificate-unknown-member", "invalid payload", "an unknown member `level`", certificate(&with(c(), "/level", json!(1)))),
        ("invalid-certificate-in-certificate", "invalid envelope", "a certificate that carries a certificate", edited(&certificate(&c()), CERT, |v| {
            let inner = v.clone();
            v["cert"] = inner;
        })),
        ("invalid-certificate-is-license", "invalid wrong-document-kind", "a license file given where a key certificate is expected", license),
    ];
    rules
        .into_iter()
        .map(|(name, expect, comment, text)| named(name, "cert", expect, comment, &text))
        .collect()
}

fn certified_license_vectors() -> Vec<Vector> {
    let c = base_certificate;
    let p = base_payload;
    let cert = certificate(&c());
    let mut altered = edited(&cert, CERT, |v| {
        let other = with(c(), "/valid_until", json!("2099-01-01T00:00:00Z"));
        v["payload"] = json!(STANDARD.encode(to_bytes(&other)));
    });
    altered = certified_raw(&p(), &altered);
    let rules: Vec<(&str, &str, &str, String)> = vec![
        (
            "valid-certified",
            "valid",
            "signed by the example issuing key, carrying its certificate by the example root",
            certified(LICENSE, &p(), &cert),
        ),
        (
            "valid-certified-window-start",
            "valid",
            "issued_at equals the certificate's valid_from: the window includes its start",
            certified(
                LICENSE,
                &with(p(), "/issued_at", json!("2026-01-01T00:00:00Z")),
                &cert,
            ),
        ),
        (
            "invalid-cert-not-by-root",
            "invalid certificate-not-by-root",
            "the certificate is signed by vendor.key, which is no root",
            certified(LICENSE, &p(), &certificate_by(&c(), VENDOR_KEY)),
        ),
        (
            "invalid-cert-bad-signature",
            "invalid certificate-bad-signature",
            "the certificate's window was widened after the root signed it",
            altered,
        ),
        (
            "invalid-cert-window-after",
            "invalid certificate-window",
            "issued_at equals the certificate's valid_until: the window excludes its end",
            certified(
                LICENSE,
                &with(p(), "/issued_at", json!("2028-01-01T00:00:00Z")),
                &cert,
            ),
        ),
        (
            "invalid-cert-window-before",
            "invalid certificate-window",
            "issued_at before the certificate's valid_from",
            certified(
                LICENSE,
                &with(p(), "/issued_at", json!("2025-12-31T23:59:59Z")),
                &cert,
            ),
        ),
        (
            "invalid-cert-wrong-product",
            "invalid certificate-wrong-product",
            "the certificate is for product `superoffice-hr`",
            certified(
                LICENSE,
                &p(),
                &certificate(&with(c(), "/product", json!("superoffice-hr"))),
            ),
        ),
        (
            "invalid-cert-usage",
            "invalid certificate-usage",
            "the certificate permits revocation lists only",
            certified(
                LICENSE,
                &p(),
                &certificate(&with(c(), "/usage", json!(["revocation-list"]))),
            ),
        ),
        (
            "invalid-cert-other-key",
            "invalid certificate-other-key",
            "signed by vendor-next.key, carrying the certificate of the issuing key",
            other_key(&p(), &cert),
        ),
        (
            "invalid-cert-payload",
            "invalid certificate-payload",
            "the certificate's payload lacks `usage`",
            certified_raw(&p(), &certificate(&super::without(c(), "usage"))),
        ),
        (
            "invalid-cert-field",
            "invalid invalid-payload",
            "the certificate's kid is not its key's (reported as cert.kid)",
            certified_raw(
                &p(),
                &certificate(&with(c(), "/kid", json!("0123456789abcdef"))),
            ),
        ),
        (
            "invalid-cert-null",
            "invalid envelope",
            "cert is null: when present it is an object",
            edited(&certified(LICENSE, &p(), &cert), LICENSE, |v| {
                v["cert"] = Value::Null
            }),
        ),
        (
            "invalid-signed-by-root",
            "invalid signed-by-root",
            "signed directly by the example root key, which is trusted only to certify",
            sign_document(LICENSE, &to_bytes(&p()), &key(ROOT_KEY)),
        ),
        (
            "invalid-kind-certificate",
            "invalid wrong-document-kind",
            "a key certificate given where a license file is expected",
            cert.clone(),
        ),
        (
            "invalid-kind-certificate-envelope",
            "invalid wrong-document-kind",
            "LICENSE FILE armor around a key-certificate/v1 envelope",
            relabel_armor(&cert, CERT),
        ),
        (
            "invalid-kind-revocation-list",
            "invalid wrong-document-kind",
            "a revocation list given where a license file is expected",
            certified(LIST, &base_list(), &cert),
        ),
        (
            "invalid-kind-revocation-list-envelope",
            "invalid wrong-document-kind",
            "LICENSE FILE armor around a revocation-list/v1 envelope",
            relabel_armor(&certified(LIST, &base_list(), &cert), LIST),
        ),
    ];
    rules
        .into_iter()
        .map(|(name, expect, comment, text)| file(name, expect, comment, &text))
        .collect()
}

/// A license signed by the issuing key, carrying `cert` whatever it holds: built by hand
/// since `sign_certified` refuses a certificate it cannot read.
fn certified_raw(payload: &Value, cert: &str) -> String {
    let plain = sign_document(LICENSE, &to_bytes(payload), &key(ISSUING_KEY));
    let inner = license_format::dearmor_as(CERT, cert.as_bytes()).expect("fresh armor");
    let inner: Value = serde_json::from_slice(&inner).expect("fresh envelope");
    edited(&plain, LICENSE, |v| v["cert"] = inner.clone())
}

/// A license signed by vendor-next.key, carrying the issuing key's certificate.
fn other_key(payload: &Value, cert: &str) -> String {
    let plain = sign_document(LICENSE, &to_bytes(payload), &key(VENDOR_NEXT_KEY));
    let inner = license_format::dearmor_as(CERT, cert.as_bytes()).expect("fresh armor");
    let inner: Value = serde_json::from_slice(&inner).expect("fresh envelope");
    edited(&plain, LICENSE, |v| v["cert"] = inner.clone())
}

/// The envelope of a document of `kind` in LICENSE FILE armor.
fn relabel_armor(text: &str, kind: DocumentKind) -> String {
    let envelope = license_format::dearmor_as(kind, text.as_bytes()).expect("fresh armor");
    armor_as(LICENSE, &envelope)
}

fn revocation_vectors() -> Vec<Vector> {
    let l = base_list;
    let cert = certificate(&base_certificate());
    let license_only = certificate(&with(base_certificate(), "/usage", json!(["license-file"])));
    let license = sign_document(LICENSE, &to_bytes(&base_payload()), &key(VENDOR_KEY));
    let rules: Vec<(&str, &str, &str, String)> = vec![
        (
            "valid-revocation-list",
            "valid",
            "a revocation list signed by the issuing key, carrying its certificate",
            certified(LIST, &l(), &cert),
        ),
        (
            "valid-revocation-list-direct",
            "valid",
            "a revocation list signed by vendor.key, trusted directly",
            sign_document(LIST, &to_bytes(&l()), &key(VENDOR_KEY)),
        ),
        (
            "valid-revocation-list-empty",
            "valid",
            "nothing revoked (yet): both lists empty",
            certified(
                LIST,
                &with(with(l(), "/licenses", json!([])), "/keys", json!([])),
                &cert,
            ),
        ),
        (
            "invalid-revocation-is-license",
            "invalid wrong-document-kind",
            "a license file given where a revocation list is expected",
            license,
        ),
        (
            "invalid-revocation-usage",
            "invalid certificate-usage",
            "the certificate permits license files only",
            certified(LIST, &l(), &license_only),
        ),
        (
            "invalid-revocation-signed-by-root",
            "invalid signed-by-root",
            "signed directly by the example root key",
            sign_document(LIST, &to_bytes(&l()), &key(ROOT_KEY)),
        ),
        (
            "invalid-revocation-window",
            "invalid certificate-window",
            "issued_at after the certificate's window",
            certified(
                LIST,
                &with(l(), "/issued_at", json!("2028-06-01T00:00:00Z")),
                &cert,
            ),
        ),
        (
            "invalid-revocation-unsorted",
            "invalid invalid-payload",
            "license ids out of order",
            certified(
                LIST,
                &with(
                    l(),
                    "/licenses",
                    json!([l()["licenses"][1], l()["licenses"][0]]),
                ),
                &cert,
            ),
        ),
        (
            "invalid-revocation-twice",
            "invalid invalid-payload",
            "a license id given twice",
            certified(
                LIST,
                &with(
                    l(),
                    "/licenses",
                    json!([l()["licenses"][0], l()["licenses"][0]]),
                ),
                &cert,
            ),
        ),
        (
            "invalid-revocation-bad-kid",
            "invalid invalid-payload",
            "a key id in uppercase hex",
            certified(
                LIST,
                &with(l(), "/keys/0/kid", json!("0123456789ABCDEF")),
                &cert,
            ),
        ),
        (
            "invalid-revocation-serial-zero",
            "invalid invalid-payload",
            "serial 0",
            certified(LIST, &with(l(), "/serial", json!(0)), &cert),
        ),
        (
            "invalid-revocation-missing-reason",
            "invalid payload",
            "an entry without `reason`: none must be said with null",
            certified(
                LIST,
                &with(
                    l(),
                    "/licenses/1",
                    json!({"license_id": "LIC-000042", "revoked_at": "2026-11-30T15:20:00Z"}),
                ),
                &cert,
            ),
        ),
        (
            "invalid-revocation-wrong-product",
            "invalid wrong-product",
            "a list for product `superoffice-hr`",
            certified(LIST, &with(l(), "/product", json!("superoffice-hr")), &cert),
        ),
    ];
    rules
        .into_iter()
        .map(|(name, expect, comment, text)| named(name, "revocation", expect, comment, &text))
        .collect()
}
