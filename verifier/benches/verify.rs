//! `verify` of a license against raw `verify_strict` of the same message (the ratio is
//! printed; target at most 1.10), a license whose key is certified against one signed
//! directly (the ratio is printed; two signature checks against one, about 2), and
//! `status` on a store with 100,000 users and seats.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use license_format::{dearmor, signed_message, Envelope, Signature};
use license_format::{Keyring, Trust};
use license_verifier::{verify, verify_trusted, LicenseStore};

const USERS: usize = 100_000;
/// Verifications per timed round of the ratio.
const ROUND: u32 = 100;

fn verify_vs_raw(c: &mut Criterion) {
    let ring = common::keyring();
    let file = common::lic().sign().into_bytes();
    let envelope = Envelope::parse(&dearmor(&file).unwrap()).unwrap();
    let key = *ring.get(&envelope.kid).unwrap();
    let message = signed_message(&envelope.payload);
    let signature = Signature::from_bytes(&envelope.sig);

    let mut group = c.benchmark_group("verify");
    group.bench_function("license_verifier::verify", |b| {
        b.iter(|| verify(black_box(&file), &ring).unwrap())
    });
    group.bench_function("ed25519 verify_strict", |b| {
        b.iter(|| key.verify_strict(black_box(&message), &signature).unwrap())
    });
    group.finish();

    // The ratio, measured in interleaved rounds so that both see the same machine load;
    // the fastest round of each is the least disturbed by other processes.
    let round = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..ROUND {
            f();
        }
        start.elapsed()
    };
    // Pairs of adjacent rounds: the machine's speed drifts between seconds, far less
    // between two rounds of a pair, so the median of the pairs' ratios is the figure.
    let (mut ours, mut raw, mut ratios) = (Duration::MAX, Duration::MAX, Vec::new());
    for _ in 0..201 {
        let a = round(&|| {
            black_box(verify(black_box(&file), &ring).unwrap());
        });
        let b = round(&|| key.verify_strict(black_box(&message), &signature).unwrap());
        ours = ours.min(a);
        raw = raw.min(b);
        ratios.push(a.as_secs_f64() / b.as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    let per = |d: Duration| d.as_secs_f64() * 1e6 / f64::from(ROUND);
    println!(
        "verify: {:.1} us, verify_strict: {:.1} us (fastest rounds); ratio {:.3} (median of {} paired rounds, quartiles {:.3}-{:.3}; target <= 1.10)",
        per(ours),
        per(raw),
        ratios[ratios.len() / 2],
        ratios.len(),
        ratios[ratios.len() / 4],
        ratios[ratios.len() * 3 / 4],
    );
}

/// Times `a` against `b` in 201 pairs of adjacent rounds and returns the fastest round
/// of each (per call, in µs) and the median and quartiles of the pairs' ratios: the
/// machine's speed drifts between seconds, far less between two rounds of a pair.
fn paired(a: &dyn Fn(), b: &dyn Fn()) -> (f64, f64, [f64; 3]) {
    let round = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..ROUND {
            f();
        }
        start.elapsed()
    };
    let (mut fast_a, mut fast_b, mut ratios) = (Duration::MAX, Duration::MAX, Vec::new());
    for _ in 0..201 {
        let (ta, tb) = (round(a), round(b));
        fast_a = fast_a.min(ta);
        fast_b = fast_b.min(tb);
        ratios.push(ta.as_secs_f64() / tb.as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    let per = |d: Duration| d.as_secs_f64() * 1e6 / f64::from(ROUND);
    let n = ratios.len();
    (
        per(fast_a),
        per(fast_b),
        [ratios[n / 4], ratios[n / 2], ratios[n * 3 / 4]],
    )
}

/// The cost of a certificate (FORMAT.md §18): the same payload verified through the
/// issuing key's certificate under the root, and signed directly by a trusted key.
fn certified_vs_direct(c: &mut Criterion) {
    let direct = include_bytes!("../../tests/vectors/valid-basic.lic");
    let certified = include_bytes!("../../tests/vectors/valid-certified.lic");
    let ring = common::keyring();
    let roots = Keyring::from_pem(include_str!("../../keys-example/root-example.pub")).unwrap();
    let trust = Trust::new(ring.clone(), roots);
    let mut group = c.benchmark_group("certified");
    group.bench_function("verify_trusted, certified", |b| {
        b.iter(|| verify_trusted(black_box(certified), &trust).unwrap())
    });
    group.bench_function("verify, direct", |b| {
        b.iter(|| verify(black_box(direct), &ring).unwrap())
    });
    group.finish();
    let (ours, theirs, [q1, median, q3]) = paired(
        &|| {
            black_box(verify_trusted(black_box(certified), &trust).unwrap());
        },
        &|| {
            black_box(verify(black_box(direct), &ring).unwrap());
        },
    );
    println!(
        "certified: {ours:.1} us, direct: {theirs:.1} us (fastest rounds); ratio {median:.3} (median of 201 paired rounds, quartiles {q1:.3}-{q3:.3}; expected about 2)"
    );
}

/// A store with a license of `users` sales-premium seats, all held.
fn big_store(dir: &std::path::Path, users: usize) -> LicenseStore {
    let path = dir.join(format!("big-{users}.db"));
    let now = common::t("2026-02-01T00:00:00Z");
    let store = LicenseStore::create(&path, common::keyring(), now).unwrap();
    let file = common::lic().seats("sales-premium", users as u32).sign();
    store.import(file.as_bytes(), false, now).unwrap();
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut user = tx.prepare("INSERT INTO users (name, login, created_at) VALUES (?1, 1, '2026-02-01T00:00:00Z')").unwrap();
        let mut seat = tx
            .prepare("INSERT INTO seats (user, plan, seq, assigned_at) VALUES (?1, 'sales-premium', ?2, '2026-02-01T00:00:00Z')")
            .unwrap();
        for i in 0..users {
            let name = format!("user{i:06}");
            user.execute([&name]).unwrap();
            seat.execute(rusqlite::params![name, i as i64 + 1]).unwrap();
        }
    }
    tx.commit().unwrap();
    store
}

/// The same questions on stores of 1,000, 10,000 and 100,000 users and seats: the time
/// should not grow with the number of users.
fn big_store_queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let now = common::t("2026-03-01T00:00:00Z");
    for users in [1_000, 10_000, USERS] {
        let store = big_store(dir.path(), users);
        let last = format!("user{:06}", users - 1);
        let mut group = c.benchmark_group(format!("store with {users} users and seats"));
        group.sample_size(30);
        group.bench_function("status", |b| {
            b.iter(|| store.status(black_box(now)).unwrap())
        });
        group.bench_function("check capability web-client (last holder)", |b| {
            b.iter(|| {
                store
                    .check_capability("web-client", Some(&last), black_box(now))
                    .unwrap()
            })
        });
        group.bench_function("check seats", |b| {
            b.iter(|| store.check_seats("sales-premium", black_box(now)).unwrap())
        });
        group.bench_function("list", |b| {
            b.iter(|| {
                store
                    .licenses(license_verifier::Lang::En, black_box(now))
                    .unwrap()
            })
        });
        group.finish();
    }
}

/// A question on a store holding a revocation list of 5,000 licenses (about 500 KB),
/// against the same store without one, in paired rounds: what holding a list costs a
/// question once it was verified.
fn held_list(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let now = common::t("2026-03-01T00:00:00Z");
    let without = big_store(dir.path(), 1_000);
    let path = dir.path().join("big-1000-list.db");
    std::fs::copy(dir.path().join("big-1000.db"), &path).unwrap();
    let with = LicenseStore::open(&path, common::keyring()).unwrap();
    let ids: Vec<String> = (0..5_000).map(|i| format!("OLD-{i:06}")).collect();
    let entries: Vec<(&str, Option<&str>)> = ids
        .iter()
        .map(|id| (id.as_str(), Some("refunded")))
        .collect();
    let list = common::revocation_list(1, &entries, &[]);
    with.import_revocation_list(list.as_bytes(), false, now)
        .unwrap();
    let mut group = c.benchmark_group("held list");
    group.bench_function("status, 5000 revoked", |b| {
        b.iter(|| with.status(black_box(now)).unwrap())
    });
    group.bench_function("status, no list", |b| {
        b.iter(|| without.status(black_box(now)).unwrap())
    });
    group.finish();
    let (a, b, [q1, median, q3]) = paired(
        &|| {
            black_box(with.status(black_box(now)).unwrap());
        },
        &|| {
            black_box(without.status(black_box(now)).unwrap());
        },
    );
    println!(
        "status with a list of {} bytes: {a:.1} us, without: {b:.1} us (fastest rounds); ratio {median:.3} (quartiles {q1:.3}-{q3:.3})",
        list.len()
    );
}

criterion_group!(
    benches,
    verify_vs_raw,
    certified_vs_direct,
    held_list,
    big_store_queries
);
criterion_main!(benches);
