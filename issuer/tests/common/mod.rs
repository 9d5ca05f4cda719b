//! Shared helpers for the CLI tests: each test works in its own temporary directory with
//! a clean environment.
#![allow(dead_code, clippy::unwrap_used)] // shared by several test binaries; failing = panicking

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
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

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary, run in the temporary directory with none of our variables set.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("license-issuer").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("LICENSE_ISSUER_NAME")
            .env_remove("LICENSE_LEDGER")
            .env_remove("LICENSE_ISSUER_PASSPHRASE");
        cmd
    }

    /// `cmd` with an issuer name.
    pub fn issuer_cmd(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.env("LICENSE_ISSUER_NAME", "Example Vendor AS");
        cmd
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, text).unwrap();
        path
    }

    /// A plain key pair `vendor.key` / `vendor.pub`.
    pub fn keygen(&self) {
        self.cmd()
            .args(["keygen", "--out-dir", "."])
            .assert()
            .code(0);
    }

    pub fn keyring(&self) -> Keyring {
        Keyring::from_pem(&fs::read_to_string(self.path("vendor.pub")).unwrap()).unwrap()
    }

    pub fn verify(&self, file: &Path) -> VerifiedFile {
        verify_license(&fs::read(file).unwrap(), &self.keyring()).unwrap()
    }

    /// `ledger list --json` as JSON values.
    pub fn ledger(&self) -> Vec<serde_json::Value> {
        if !self.path("license-ledger.db").exists() {
            return Vec::new();
        }
        let out = self
            .cmd()
            .args(["ledger", "list", "--json"])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}
