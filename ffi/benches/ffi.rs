//! The C interface against the library it wraps, on the same store:
//! - `check_capability`: `lic_check_capability` (the extern fn called from Rust, as C
//!   calls it: the same symbol and ABI, without a C compiler in the loop) against
//!   `LicenseStore::check_capability`, with and without the JSON (target: at most 1.15x);
//! - `startup`: `lic_open` + `lic_status` + `lic_close` against running
//!   `license-verifier status` as a process (the ratio is reported in docs/PERFORMANCE.md).
//!
//! `cargo bench -p license-verifier-ffi --bench ffi`
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::ffi::{c_char, CString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::ptr;
use std::time::Duration;

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use license_verifier::LicenseStore;
use license_verifier_ffi::*;

/// `license-verifier`, built for this benchmark's profile with the example keys.
fn cli() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
    let status = Command::new(env!("CARGO"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .env("CARGO_TARGET_DIR", dir.parent().unwrap())
        .args(["build", "--release", "-q", "-p", "license-verifier-cli"])
        .args(["--features", "example-keys"])
        .status()
        .unwrap();
    assert!(status.success());
    dir.join("license-verifier")
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::fixtures(dir.path());
    let c_path = CString::new(path.to_str().unwrap()).unwrap();
    let (cap, user) = (c"web-client", c"alice");
    let ring = license_verifier::trusted::default_keyring().unwrap();
    let store = LicenseStore::open(&path, ring).unwrap();
    let mut handle = ptr::null_mut();
    // SAFETY: valid strings and out pointer.
    let opened = unsafe { lic_open(c_path.as_ptr(), ptr::null(), &mut handle) };
    assert_eq!(opened, LIC_YES);

    let mut g = c.benchmark_group("check_capability");
    g.bench_function("rust", |b| {
        b.iter(|| {
            store
                .check_capability("web-client", Some("alice"), Utc::now())
                .unwrap()
                .allowed
        })
    });
    g.bench_function("c", |b| {
        // SAFETY: an open handle, valid strings, no JSON wanted.
        b.iter(|| unsafe {
            lic_check_capability(handle, cap.as_ptr(), user.as_ptr(), 0, ptr::null_mut())
        })
    });
    g.bench_function("rust+json", |b| {
        b.iter(|| {
            let d = store
                .check_capability("web-client", Some("alice"), Utc::now())
                .unwrap();
            let answer = license_verifier::text::json::decision(license_verifier::Lang::En, &d);
            serde_json::to_string_pretty(&answer.json).unwrap().len()
        })
    });
    g.bench_function("c+json", |b| {
        b.iter(|| {
            let mut json: *mut c_char = ptr::null_mut();
            // SAFETY: an open handle, valid strings and out pointer; the JSON is freed.
            let rc =
                unsafe { lic_check_capability(handle, cap.as_ptr(), user.as_ptr(), 0, &mut json) };
            lic_string_free(json);
            rc
        })
    });
    g.finish();
    lic_close(handle);

    let cli = cli();
    let mut g = c.benchmark_group("startup");
    g.bench_function("c: lic_open+lic_status+lic_close", |b| {
        b.iter(|| {
            let mut h = ptr::null_mut();
            // SAFETY: valid strings and out pointer; the handle is closed.
            unsafe {
                assert_eq!(lic_open(c_path.as_ptr(), ptr::null(), &mut h), LIC_YES);
                let rc = lic_status(h, 0, ptr::null_mut());
                lic_close(h);
                rc
            }
        })
    });
    g.bench_function("process: license-verifier status", |b| {
        b.iter(|| {
            let out = Command::new(&cli)
                .args(["--json", "status", "--store"])
                .arg(&path)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0));
        })
    });
    g.finish();
}

criterion_group! {
    name = ffi;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    targets = benches
}
criterion_main!(ffi);
