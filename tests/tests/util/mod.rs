//! Runs the real `license-issuer` and `license-verifier` binaries in a temporary
//! directory of their own, as a vendor and an administrator would.

#![allow(dead_code)] // each test file uses a different part of this helper

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

/// The path of a workspace binary, built by `cargo test --workspace` beside this test.
pub fn bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: build the binaries first (`cargo test --workspace` or `cargo build --workspace`)",
        path.display()
    );
    path
}

/// A copy of an example key in `dir`, readable by its owner only, as the issuer demands
/// (a git checkout does not keep the mode).
pub fn example_key_in(dir: &Path, name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../keys-example")
        .join(name);
    let to = dir.join(name);
    std::fs::write(&to, std::fs::read(from).unwrap()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    to
}

/// One scenario's directory: the vendor's ledger and keys, the installation's store.
pub struct Scene {
    pub dir: TempDir,
    /// `--trust` files given to every verifier command (empty: the built-in keys). The
    /// example keys by default, so that the scenes do not depend on the features the
    /// binary was built with.
    pub trust: Vec<String>,
    /// Variables set for every command (the harness starts each with a clean one).
    pub env: Vec<(String, String)>,
}

/// What a command did: exit code, stdout, stderr.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Asserts the exit code, showing the whole output when it differs.
    pub fn code(self, want: i32) -> Run {
        assert_eq!(
            self.code, want,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }

    pub fn says(self, words: &str) -> Run {
        assert!(
            self.stdout.contains(words) || self.stderr.contains(words),
            "expected {words:?}\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

impl Scene {
    pub fn new() -> Scene {
        let example = |name: &str| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../keys-example")
                .join(name)
                .to_string_lossy()
                .into_owned()
        };
        Scene {
            dir: tempfile::tempdir().unwrap(),
            trust: vec![example("vendor.pub"), example("vendor-next.pub")],
            env: Vec::new(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// The example key `name`, copied into the scene with mode 0600.
    pub fn example_key(&self, name: &str) -> PathBuf {
        example_key_in(self.dir.path(), name)
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }

    /// The binary `name` through the workspace's one harness, with an issuer name.
    fn command(&self, name: &str) -> Command {
        assert!(bin(name).exists());
        let mut cmd = license_system_tests::cli::process(name, self.dir.path());
        cmd.env("LICENSE_ISSUER_NAME", "Example Vendor AS");
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd
    }

    /// `license-issuer ARGS` in the scene's directory (ledger `license-ledger.db`).
    pub fn issuer(&self, args: &[&str]) -> Run {
        Run::from(self.command("license-issuer").args(args).output().unwrap())
    }

    /// `license-verifier --store STORE ARGS`.
    pub fn verifier_at(&self, store: &str, args: &[&str]) -> Run {
        let mut cmd = self.command("license-verifier");
        cmd.arg("--store").arg(store);
        for t in &self.trust {
            cmd.arg("--trust").arg(t);
        }
        Run::from(cmd.args(args).output().unwrap())
    }

    /// `license-verifier ARGS` on the scene's default store, `license-store.db`.
    pub fn verifier(&self, args: &[&str]) -> Run {
        self.verifier_at("license-store.db", args)
    }

    /// Issues `order` (JSON text) with `key`, bound by `request` when given; returns the
    /// license file's name in the scene.
    pub fn issue(&self, key: &Path, order: &str, request: Option<&str>, out: &str) -> Run {
        let order_file = format!("{out}.order.json");
        self.write(&order_file, order);
        let key = key.to_string_lossy().into_owned();
        let mut args = vec!["issue", "--key", &key, "--order", &order_file, "--out", out];
        match request {
            Some(r) => args.extend(["--request", r]),
            None => args.push("--unbound"),
        }
        self.issuer(&args)
    }

    /// The store's state as the administrator sees it, for "unchanged" comparisons.
    pub fn snapshot(&self, store: &str) -> Vec<String> {
        [
            &["status"][..],
            &["list"],
            &["users", "list"],
            &["seats", "list"],
        ]
        .iter()
        .map(|args| {
            let mut full = vec!["--json"];
            full.extend_from_slice(args);
            let mut v = self.verifier_at(store, &full).json();
            // The effective time advances with the wall clock between two reads.
            if let Some(o) = v.as_object_mut() {
                o.remove("effective_time");
                o.remove("days_left");
            }
            v.to_string()
        })
        .collect()
    }
}

/// A day `days` from today (UTC), as an order writes it: `YYYY-MM-DD`.
pub fn day(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// An order for customer C-1001 with the given modules and plans, from `from` to
/// `until` (whole days, UTC).
pub fn order(modules: &str, plans: &str, from: &str, until: &str) -> String {
    format!(
        r#"{{"customer": {{"id": "C-1001", "name": "Acme AS"}},
            "valid_from": "{from}", "valid_until": "{until}", "grace_days": 14,
            "system_licenses": {modules}, "user_plans": {plans}}}"#
    )
}

/// The modules most scenarios license: the server and web access.
pub const WEB: &str = r#"["superoffice-server", "online-web-services"]"#;
