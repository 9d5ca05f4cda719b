//! Issuing throughput against raw Ed25519 signing.
//!
//! `batch` runs the library path of `license-issuer batch`: order parsing, ids and
//! serials from an SQLite ledger in a tempdir, payload validation, signing, the
//! self-check of every file (signed twice, read back), file writes and ledger rows. `raw_sign` signs the
//! same payload bytes with Ed25519 on one core and nothing else. The ratio of the two
//! rates is printed at the end; the target is at least 0.5. `order_parse` reads and
//! checks one order, the part of a batch line done on the ledger thread before signing.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use criterion::{BatchSize, Criterion, Throughput};
use ed25519_dalek::Signer as _;
use license_format::time::parse_rfc3339;
use license_format::{signed_message, SigningKey};
use license_issuer::{run_batch, BatchOptions, BoundOrder, Issuer, Ledger, Order};

/// Orders per batch run.
const ORDERS: usize = 2000;

fn now() -> DateTime<Utc> {
    parse_rfc3339("2026-11-29T10:00:00Z").unwrap_or_default()
}

fn issuer() -> Issuer {
    Issuer::new(SigningKey::from_bytes(&[42u8; 32]), "Bench Vendor AS")
        .unwrap_or_else(|e| panic!("{e}"))
}

fn order_line(i: usize) -> String {
    format!(
        r#"{{"customer":{{"id":"C-{}","name":"Customer {i} AS"}},"installation_id":"inst-{}","valid_from":"2026-12-01","valid_until":"2027-11-30","system_licenses":["superoffice-server","online-web-services",{{"code":"sales-intelligence","valid_until":"2027-05-31"}}],"user_plans":{{"sales-premium":10,"sales-essentials":25}}}}"#,
        i % 500,
        i % 3
    )
}

fn orders() -> String {
    (0..ORDERS).map(|i| order_line(i) + "\n").collect()
}

/// The payload bytes `batch` signs for the first order.
fn payload_bytes(issuer: &Issuer) -> Vec<u8> {
    let order =
        Order::parse(order_line(0).as_bytes(), "bench", now()).unwrap_or_else(|e| panic!("{e}"));
    let bound = BoundOrder {
        installation_id: order.installation_id.clone(),
        order,
    };
    issuer
        .payload(&bound.order, bound.installation_id.as_deref(), 1, 1, now())
        .to_bytes()
}

/// A fresh tempdir with an empty ledger in it, as each batch run starts.
fn fresh_ledger() -> (tempfile::TempDir, Ledger) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ledger = Ledger::open(&dir.path().join("ledger.db")).unwrap_or_else(|e| panic!("{e}"));
    (dir, ledger)
}

/// The library path of `license-issuer batch`: every order of `input`, files in `dir`.
fn batch(issuer: &Issuer, ledger: &mut Ledger, dir: &std::path::Path, input: &str) {
    let options = BatchOptions::new(dir.join("out"));
    let report = run_batch(
        issuer,
        ledger,
        "bench.jsonl",
        input.as_bytes(),
        &options,
        now(),
        &mut |_| {},
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.issued, ORDERS as u64);
}

fn run_once(issuer: &Issuer, input: &str) -> Duration {
    let (dir, mut ledger) = fresh_ledger();
    let start = Instant::now();
    batch(issuer, &mut ledger, dir.path(), input);
    start.elapsed()
}

fn sign_all(key: &SigningKey, message: &[u8]) {
    for _ in 0..ORDERS {
        black_box(key.sign(black_box(message)));
    }
}

fn benches(c: &mut Criterion) {
    let issuer = issuer();
    let key = SigningKey::from_bytes(&[42u8; 32]);
    let message = signed_message(&payload_bytes(&issuer));
    let input = orders();
    let mut group = c.benchmark_group("issuer");
    group.throughput(Throughput::Elements(ORDERS as u64));
    group.sample_size(10);
    group.bench_function("raw_sign_single_core", |b| {
        b.iter(|| sign_all(&key, &message))
    });
    group.bench_function("batch", |b| {
        b.iter_batched(
            fresh_ledger,
            |(dir, mut ledger)| {
                batch(&issuer, &mut ledger, dir.path(), &input);
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
    let line = order_line(0);
    c.bench_function("order_parse", |b| {
        b.iter(|| Order::parse(black_box(line.as_bytes()), "bench", now()))
    });
}

/// Runs raw signing and batch alternately, so that load from elsewhere on the machine
/// falls on both alike, and prints the rates of the best runs and their ratio.
fn print_ratio() {
    let issuer = issuer();
    let key = SigningKey::from_bytes(&[42u8; 32]);
    let message = signed_message(&payload_bytes(&issuer));
    let input = orders();
    let (mut raw, mut batch) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        let start = Instant::now();
        sign_all(&key, &message);
        raw.push(start.elapsed());
        batch.push(run_once(&issuer, &input));
    }
    raw.sort();
    batch.sort();
    let rate = |d: Duration| ORDERS as f64 / d.as_secs_f64();
    let workers = BatchOptions::new(".").workers;
    let (best, median) = (0, raw.len() / 2);
    println!(
        "issuer: batch {:.0} licenses/s ({workers} signing threads, files and ledger in {}), raw Ed25519 {:.0} signatures/s on one core, ratio {:.2} (target >= 0.50; medians: {:.0} / {:.0} = {:.2})",
        rate(batch[best]),
        std::env::temp_dir().display(),
        rate(raw[best]),
        rate(batch[best]) / rate(raw[best]),
        rate(batch[median]),
        rate(raw[median]),
        rate(batch[median]) / rate(raw[median]),
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
    print_ratio();
}
