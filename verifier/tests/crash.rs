//! A verifier killed (SIGKILL) at arbitrary moments during `import` and `seats assign`
//! never leaves the store without a license, nor over a plan's seats.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::current;

/// Deterministic delays, so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn verifier(store: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("license-verifier"));
    cmd.arg("--store")
        .arg(store)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    cmd
}

fn kill_after(mut child: Child, delay: Duration) {
    std::thread::sleep(delay);
    let _ = child.kill();
    child.wait().unwrap();
}

/// The store's status after a kill: usable (exit 0), or unlicensed (exit 1) when the
/// first import was killed before it committed; never an error.
fn status(store: &std::path::Path) -> serde_json::Value {
    let out = verifier(store, &["--json", "status"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("status after a kill is not JSON ({e}): {text}"));
    let expected = if json["state"] == "unlicensed" { 1 } else { 0 };
    assert_eq!(
        out.status.code(),
        Some(expected),
        "status after a kill: {text}"
    );
    json
}

#[test]
fn killed_imports_leave_the_old_or_the_new_license() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.db");
    assert!(verifier(&store, &["init"]).status().unwrap().success());
    let files: Vec<_> = (1..=12u64)
        .map(|serial| {
            let path = dir.path().join(format!("{serial}.lic"));
            std::fs::write(&path, current().serial(serial).sign()).unwrap();
            path
        })
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut active = 0u64;
    for (i, file) in files.iter().enumerate() {
        let child = verifier(&store, &["import", file.to_str().unwrap()])
            .spawn()
            .unwrap();
        kill_after(child, Duration::from_millis(rng.below(12)));
        let serial = i as u64 + 1;
        let now = status(&store);
        let got = now["serial"].as_u64().unwrap_or(0);
        assert!(
            got == active || got == serial,
            "after killing the import of {serial}: {now}"
        );
        if got == 0 {
            assert_eq!(now["state"], "unlicensed");
        }
        active = got;
    }
}

#[test]
fn killed_assignments_never_exceed_the_seats() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.db");
    let file = dir.path().join("l.lic");
    std::fs::write(&file, current().seats("service-essentials", 3).sign()).unwrap();
    assert!(verifier(&store, &["init"]).status().unwrap().success());
    assert!(verifier(&store, &["import", file.to_str().unwrap()])
        .status()
        .unwrap()
        .success());
    let users: Vec<String> = (0..10).map(|i| format!("k{i}")).collect();
    for u in &users {
        assert!(verifier(&store, &["users", "add", u])
            .status()
            .unwrap()
            .success());
    }
    let mut rng = Rng(42);
    let children: Vec<Child> = users
        .iter()
        .map(|u| {
            verifier(&store, &["seats", "assign", u, "service-essentials"])
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        kill_after(child, Duration::from_millis(rng.below(8)));
    }
    let out = verifier(&store, &["--json", "check", "seats", "service-essentials"])
        .output()
        .unwrap();
    let check: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(check["seats_used"].as_u64().unwrap() <= 3, "{check}");
    assert_eq!(status(&store)["license_id"], "LIC-1");
}
