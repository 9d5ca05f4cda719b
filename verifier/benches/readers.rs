//! Readers beside a writer: 8 reader processes ask `check capability web-client` of one
//! store while one writer process imports licenses and assigns and releases seats, as a
//! product's workers do while an administrator works. Prints the readers' p50, p99 and
//! worst latency, the writer's operations and every failure (target: no failure, p99
//! under 50 ms on the project's 2-core machine).
//!
//! `cargo bench -p license-verifier --bench readers` (seconds: `READERS_SECONDS`, 10).
//! The same binary is each process: `READERS_ROLE` says which.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use license_format::{sign_payload, signing_key_from_pem, Keyring};
use license_verifier::LicenseStore;
use serde_json::json;

const READERS: usize = 8;
const USERS: usize = 200;

fn keyring() -> Keyring {
    Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap()
}

/// A license of `serial` with `seats` of sales-premium, current at the real clock.
fn license(serial: u64, seats: u32) -> String {
    let now = Utc::now();
    let day = |d: i64| license_format::time::format_rfc3339(&(now + chrono::Duration::days(d)));
    let payload = json!({
        "license_id": format!("LIC-{serial}"), "serial": serial, "product": "superoffice-crm",
        "issued_at": day(-1), "issuer": "Example Vendor",
        "customer": {"id": "C-1", "name": "Acme"}, "installation_id": null,
        "valid_from": day(-1), "valid_until": day(365), "grace_days": 14,
        "system_licenses": [{"code": "superoffice-server", "valid_until": null},
                            {"code": "online-web-services", "valid_until": null}],
        "user_plans": [{"code": "sales-premium", "seats": seats, "valid_until": null}]
    });
    let key = signing_key_from_pem(include_str!("../../keys-example/vendor.key")).unwrap();
    sign_payload(&serde_json::to_vec(&payload).unwrap(), &key)
}

fn seconds() -> u64 {
    std::env::var("READERS_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10)
}

fn main() {
    let role = std::env::var("READERS_ROLE").unwrap_or_default();
    let store = std::env::var_os("READERS_STORE").map(PathBuf::from);
    match (role.as_str(), store) {
        ("reader", Some(store)) => reader(&store),
        ("writer", Some(store)) => writer(&store),
        _ => coordinate(),
    }
}

/// Asks until the time is up; prints one latency in microseconds per line, or `fail ...`.
fn reader(path: &Path) {
    let store = LicenseStore::open(path, keyring()).unwrap();
    let end = Instant::now() + Duration::from_secs(seconds());
    let mut i = 0;
    while Instant::now() < end {
        let user = format!("user{}", i % USERS);
        let start = Instant::now();
        match store.check_capability("web-client", Some(&user), Utc::now()) {
            Ok(_) => println!("{}", start.elapsed().as_micros()),
            Err(e) => println!("fail {e}"),
        }
        i += 1;
    }
}

/// Imports a newer license, then assigns and releases seats, until the time is up.
fn writer(path: &Path) {
    let store = LicenseStore::open(path, keyring()).unwrap();
    let end = Instant::now() + Duration::from_secs(seconds());
    let (mut serial, mut ops) = (2, 0);
    while Instant::now() < end {
        let file = license(serial, 150 + (serial % 2) as u32 * 50);
        if let Err(e) = store.import(file.as_bytes(), false, Utc::now()) {
            println!("fail import {e}");
        }
        serial += 1;
        for u in 0..20 {
            let user = format!("user{}", 150 + u);
            // A seat may be gone or full after a license with fewer seats: a clean no.
            let released = store.release_seat(&user, "sales-premium", Utc::now());
            let assigned = store.assign_seat(&user, "sales-premium", false, Utc::now());
            for e in [released.err(), assigned.err()].into_iter().flatten() {
                if !(e.is_refusal() || matches!(e, license_verifier::Error::NoSuchSeat { .. })) {
                    println!("fail seat {e}");
                }
            }
            ops += 2;
        }
        ops += 1;
    }
    println!("ops {ops}");
}

fn coordinate() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("store.db");
    let now = Utc::now();
    let store = LicenseStore::create(&path, keyring(), now).unwrap();
    store
        .import(license(1, 200).as_bytes(), false, now)
        .unwrap();
    for u in 0..USERS {
        let user = format!("user{u}");
        store.add_user(&user, true, now).unwrap();
        store
            .assign_seat(&user, "sales-premium", false, now)
            .unwrap();
    }
    drop(store);
    let spawn = |role: &str| {
        Command::new(std::env::current_exe().unwrap())
            .env("READERS_ROLE", role)
            .env("READERS_STORE", &path)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let readers: Vec<_> = (0..READERS).map(|_| spawn("reader")).collect();
    let writer = spawn("writer");
    let mut latencies = Vec::new();
    let mut failures = Vec::new();
    for child in readers.into_iter().chain([writer]) {
        for line in BufReader::new(child.stdout.unwrap()).lines() {
            let line = line.unwrap();
            match line.parse::<u64>() {
                Ok(us) => latencies.push(us),
                Err(_) => failures.push(line),
            }
        }
    }
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let writer_ops = failures
        .iter()
        .find_map(|l| l.strip_prefix("ops "))
        .unwrap_or("0")
        .to_owned();
    failures.retain(|l| !l.starts_with("ops "));
    println!(
        "{READERS} readers, 1 writer, {} s: {} questions, writer {writer_ops} operations (imports, seat releases and assigns)",
        seconds(),
        latencies.len()
    );
    println!(
        "reader latency: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; failures: {}",
        at(0.50) as f64 / 1000.0,
        at(0.99) as f64 / 1000.0,
        at(1.0) as f64 / 1000.0,
        failures.len()
    );
    for f in failures.iter().take(10) {
        println!("  {f}");
    }
}
