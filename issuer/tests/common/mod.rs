//! Shared helpers for the CLI tests: each test works in its own temporary directory with
//! a clean environment.
#![allow(dead_code, clippy::unwrap_used)] // shared by several test binaries; failing = panicking

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub mod trust;
use license_format::{verify_license, Keyring, VerifiedFile};

pub const ORDER: &str = r#"{
  "customer": {"id": "C-1001", "name": "Acme AS"},
  "installation_id": "inst-1",
  "valid_from": "2026-12-01",
  "valid_until": "2027-11-30",
  "grace_days": 14,
  "system_licenses": ["superoffice-server", "online-web-services",
                      {"code": "sales-intelligence", "valid_until": "2027-05-31"}],
  "user_plans": {"sales-premium": 10, "sales-essentials": 25}
}"#;

/// `batch` reading `orders.jsonl` into `out`, as the batch tests run it.
pub const BATCH: [&str; 7] = [
    "batch",
    "--key",
    "vendor.key",
    "--orders",
    "orders.jsonl",
    "--out-dir",
    "out",
];

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A key pair `vendor.key` / `vendor.pub` and `order.json` holding [`ORDER`].
    pub fn with_key_and_order() -> Env {
        let env = Env::new();
        env.keygen();
        env.write("order.json", ORDER);
        env
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary, run in the temporary directory through the workspace's one harness
    /// (no variable of ours set, English unless a test asks).
    pub fn cmd(&self) -> Command {
        license_system_tests::cli::command("license-issuer", self.dir.path())
    }

    /// `cmd` with an issuer name.
    pub fn issuer_cmd(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.env("LICENSE_ISSUER_NAME", "Example Vendor AS");
        cmd
    }

    /// Runs the binary with `args` and no issuer name.
    pub fn run(&self, args: &[&str]) -> Outcome {
        Outcome::of(self.cmd().args(args))
    }

    /// Runs the binary with `args` and an issuer name.
    pub fn run_as_issuer(&self, args: &[&str]) -> Outcome {
        Outcome::of(self.issuer_cmd().args(args))
    }

    /// `issue --key vendor.key` followed by `args`, with an issuer name.
    pub fn issue(&self, args: &[&str]) -> Outcome {
        Outcome::of(
            self.issuer_cmd()
                .args(["issue", "--key", "vendor.key"])
                .args(args),
        )
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, text).unwrap();
        path
    }

    /// A plain key pair `vendor.key` / `vendor.pub`.
    pub fn keygen(&self) {
        self.run(&["keygen", "--out-dir", "."]).code(0);
    }

    pub fn keyring(&self) -> Keyring {
        Keyring::from_pem(&fs::read_to_string(self.path("vendor.pub")).unwrap()).unwrap()
    }

    pub fn verify(&self, file: &Path) -> VerifiedFile {
        verify_license(
            &fs::read(file).unwrap(),
            &self.keyring(),
            license_catalog::builtin(),
        )
        .unwrap()
    }

    /// `ledger list --json` as JSON values.
    pub fn ledger(&self) -> Vec<serde_json::Value> {
        if !self.path("license-ledger.db").exists() {
            return Vec::new();
        }
        let listed = self.run(&["ledger", "list", "--json"]).code(0).json();
        serde_json::from_value(listed["licenses"].clone()).unwrap()
    }
}

pub use license_system_tests::cli::Outcome;

/// A process's standard error, as text (for tools other than ours: openssl).
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A process's standard output, as text.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}
