//! The parts of `verify_license` against the signature check they wrap: armor, envelope,
//! strict Ed25519 and the payload parser, on the `valid-basic` vector.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use license_format::{
    dearmor, signed_message, verify_license, verify_signature, Envelope, Keyring, Payload,
};

const FILE: &[u8] = include_bytes!("../../tests/vectors/valid-basic.lic");

fn parts(c: &mut Criterion) {
    let ring = Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
    let envelope_bytes = dearmor(FILE).unwrap();
    let envelope = Envelope::parse(&envelope_bytes).unwrap();
    let key = ring.get(&envelope.kid).unwrap();
    let message = signed_message(&envelope.payload);
    let mut g = c.benchmark_group("format");
    g.bench_function("dearmor", |b| b.iter(|| dearmor(black_box(FILE)).unwrap()));
    let body: Vec<u8> = {
        let text = std::str::from_utf8(FILE).unwrap();
        let start = text.find("-----BEGIN").unwrap();
        text[start..]
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect::<String>()
            .into_bytes()
    };
    g.bench_function("base64 decode of the body (floor of dearmor)", |b| {
        b.iter(|| {
            use base64::Engine as _;
            base64::engine::general_purpose::STANDARD
                .decode(black_box(&body))
                .unwrap()
        })
    });
    g.bench_function("Envelope::parse", |b| {
        b.iter(|| Envelope::parse(black_box(&envelope_bytes)).unwrap())
    });
    g.bench_function("Payload::parse", |b| {
        b.iter(|| Payload::parse(black_box(&envelope.payload), license_catalog::builtin()).unwrap())
    });
    g.bench_function("verify_signature", |b| {
        b.iter(|| verify_signature(key, black_box(&message), &envelope.sig).unwrap())
    });
    g.bench_function("verify_license", |b| {
        b.iter(|| verify_license(black_box(FILE), &ring, license_catalog::builtin()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, parts);
criterion_main!(benches);
