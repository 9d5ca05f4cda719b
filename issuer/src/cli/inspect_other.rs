//! `inspect` of a key certificate or a revocation list, and of the certificate a
//! document carries.

use license_format::time::format_rfc3339;
use license_format::KeyCertificate;
use license_issuer::inspect::SignatureStatus;
use license_issuer::inspect::{CarriedCertificate, CertificateInspection, ListInspection};
use serde_json::{json, Value};

use super::signature_text;
use crate::cli::i18n::{n, s, t};
use crate::cli::labels::block;

/// A certificate's window and usage in words, as a document carries it.
pub fn carried_text(c: &CarriedCertificate) -> String {
    let p = &c.certificate;
    let args = [
        ("root", s(&c.root)),
        ("usage", s(p.usage.join(", "))),
        ("valid_from", s(format_rfc3339(&p.valid_from))),
        ("valid_until", s(format_rfc3339(&p.valid_until))),
    ];
    t("inspect-certificate", &args)
}

pub fn carried_json(c: &CarriedCertificate) -> Value {
    json!({
        "root_kid": c.root,
        "kid": c.certificate.kid,
        "usage": c.certificate.usage,
        "valid_from": format_rfc3339(&c.certificate.valid_from),
        "valid_until": format_rfc3339(&c.certificate.valid_until),
    })
}

/// A certificate's signature check in words: without `--trust`, the root's key is asked
/// for.
fn root_signature_text(c: &CertificateInspection) -> String {
    match c.signature {
        SignatureStatus::NotChecked => {
            t("inspect-signature-not-checked-root", &[("kid", s(&c.root))])
        }
        status => signature_text(status, &c.root),
    }
}

fn window(p: &KeyCertificate) -> String {
    let args = [
        ("valid_from", s(format_rfc3339(&p.valid_from))),
        ("valid_until", s(format_rfc3339(&p.valid_until))),
    ];
    t("inspect-window", &args)
}

pub fn certificate_text(c: &CertificateInspection) -> String {
    let p = &c.certificate;
    let rows = [
        ("label-certified-key", p.kid.clone()),
        ("label-signature", root_signature_text(c)),
        ("label-product", p.product.clone()),
        ("label-issuer", p.issuer.clone()),
        ("label-usage", p.usage.join(", ")),
        ("label-window", window(p)),
        ("label-issued-at", format_rfc3339(&p.issued_at)),
    ];
    block(&rows)
}

pub fn certificate_json(c: &CertificateInspection) -> Value {
    json!({
        "document": "key-certificate",
        "kid": c.root,
        "signature": c.signature,
        "signature_text": root_signature_text(c),
        "payload": c.certificate,
    })
}

pub fn list_text(l: &ListInspection) -> String {
    let p = &l.list;
    let mut rows = vec![
        (
            "label-revocation-list",
            t("inspect-list", &[("serial", n(p.serial as f64))]),
        ),
        ("label-signature", signature_text(l.signature, &l.kid)),
        ("label-product", p.product.clone()),
        ("label-issuer", p.issuer.clone()),
        ("label-issued-at", format_rfc3339(&p.issued_at)),
    ];
    if let Some(c) = &l.certificate {
        rows.push(("label-certificate", carried_text(c)));
    }
    let revoked = |id: &str, at, reason: Option<&str>| {
        let args = [
            ("id", s(id)),
            ("revoked_at", s(format_rfc3339(at))),
            ("reason", s(reason.unwrap_or("-"))),
            ("has_reason", s(if reason.is_some() { "yes" } else { "no" })),
        ];
        t("inspect-revoked", &args)
    };
    for e in &p.licenses {
        let row = revoked(&e.license_id, &e.revoked_at, e.reason.as_deref());
        rows.push(("label-revoked-license", row));
    }
    for e in &p.keys {
        rows.push((
            "label-revoked-key",
            revoked(&e.kid, &e.revoked_at, e.reason.as_deref()),
        ));
    }
    block(&rows)
}

pub fn list_json(l: &ListInspection) -> Value {
    json!({
        "document": "revocation-list",
        "kid": l.kid,
        "signature": l.signature,
        "signature_text": signature_text(l.signature, &l.kid),
        "serial": l.list.serial,
        "certificate": l.certificate.as_ref().map(carried_json),
        "payload": l.list,
    })
}
