//! Helpers for the command line's tests: the library's test helpers (license files
//! signed with the example keys, stores on disk) and the built binary in a directory of
//! its own.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

#[path = "../../../verifier/tests/common/mod.rs"]
mod library;

pub use library::*;

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// The built `license-verifier` binary run in its own temporary directory.
pub struct Env {
    /// The temporary directory the binary runs in; removed on drop.
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("license-store.db")
    }

    /// The binary, run in the temp dir through the workspace's one harness, with the
    /// store given through the environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = license_system_tests::cli::command("license-verifier", self.dir.path());
        cmd.env("LICENSE_STORE", self.store());
        cmd
    }

    /// The same command as a `std::process::Command`, for a process the test keeps
    /// running (`serve`).
    pub fn process(&self) -> std::process::Command {
        let mut cmd = license_system_tests::cli::process("license-verifier", self.dir.path());
        cmd.env("LICENSE_STORE", self.store());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.cmd().args(args).assert()
    }

    pub fn json(&self, args: &[&str], code: i32) -> Value {
        let out = self
            .cmd()
            .arg("--json")
            .args(args)
            .assert()
            .code(code)
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }

    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }

    pub fn license(&self, name: &str, lic: &Lic) -> String {
        self.file(name, &lic.sign())
    }

    /// An initialised store with the current license active and users alice and bob.
    pub fn licensed(lic: &Lic) -> Self {
        let env = Env::new();
        env.run(&["init"]).code(0);
        let file = env.license("lic1.lic", lic);
        env.run(&["import", &file]).code(0);
        env.run(&["users", "add", "alice"]).code(0);
        env.run(&["users", "add", "bob"]).code(0);
        env
    }
}
