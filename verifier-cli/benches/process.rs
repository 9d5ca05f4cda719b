//! The `license-verifier verify` process, whole, against `openssl pkeyutl -verify` of the
//! same signature, whole: what an installation pays to check a license from a script.
//! Prints the ratio (target at most 0.5). Needs `openssl` on PATH; says so when it is
//! missing.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use license_format::{dearmor, signed_message, Envelope};

const VERIFIER: &str = env!("CARGO_BIN_EXE_license-verifier");
const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/vectors/valid-basic.lic"
);
const PUB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../keys-example/vendor.pub");

fn verifier_cmd() -> Command {
    let mut cmd = Command::new(VERIFIER);
    // --at inside the term, so that the answer (exit 0) does not depend on today's date.
    cmd.args([
        "verify",
        FILE,
        "--trust",
        PUB,
        "--at",
        "2027-01-01T00:00:00Z",
    ])
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    cmd
}

fn openssl_cmd(dir: &Path) -> Command {
    let mut cmd = Command::new("openssl");
    cmd.args([
        "pkeyutl", "-verify", "-pubin", "-inkey", PUB, "-rawin", "-in",
    ])
    .arg(dir.join("message"))
    .arg("-sigfile")
    .arg(dir.join("sig"))
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    cmd
}

fn run(mut cmd: Command) {
    assert!(cmd.status().unwrap().success(), "{cmd:?} failed");
}

fn processes(c: &mut Criterion) {
    if Command::new("openssl").arg("version").output().is_err() {
        eprintln!("SKIPPED: openssl is not installed; the process comparison needs it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let envelope = Envelope::parse(&dearmor(&std::fs::read(FILE).unwrap()).unwrap()).unwrap();
    std::fs::write(
        dir.path().join("message"),
        signed_message(&envelope.payload),
    )
    .unwrap();
    std::fs::write(dir.path().join("sig"), envelope.sig).unwrap();
    run(verifier_cmd());
    run(openssl_cmd(dir.path()));

    let mut group = c.benchmark_group("process");
    group.sample_size(50);
    group.bench_function("license-verifier verify", |b| {
        b.iter(|| run(verifier_cmd()))
    });
    group.bench_function("openssl pkeyutl -verify", |b| {
        b.iter(|| run(openssl_cmd(dir.path())))
    });
    group.finish();

    // Interleaved rounds, fastest of each: both see the same machine load.
    let round = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..10 {
            f();
        }
        start.elapsed() / 10
    };
    let (mut ours, mut openssl) = (Duration::MAX, Duration::MAX);
    for _ in 0..30 {
        ours = ours.min(round(&|| run(verifier_cmd())));
        openssl = openssl.min(round(&|| run(openssl_cmd(dir.path()))));
    }
    println!(
        "process: license-verifier verify {:.2} ms, openssl pkeyutl -verify {:.2} ms, ratio {:.3} (target <= 0.5)",
        ours.as_secs_f64() * 1e3,
        openssl.as_secs_f64() * 1e3,
        ours.as_secs_f64() / openssl.as_secs_f64()
    );
}

criterion_group!(benches, processes);
criterion_main!(benches);
