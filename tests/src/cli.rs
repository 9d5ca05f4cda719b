//! The one way the workspace's tests run its command lines: a binary built beside the
//! test, in a directory of the test's own, with none of the tools' variables from the
//! developer's shell and in English unless the test asks for another language, and
//! [`Outcome`], which checks what a run gave and shows all of it when a check fails.

use std::path::Path;
use std::process::Output;

/// Every variable the tools read, removed from each run so that a developer's shell
/// cannot change a test's answer.
pub const TOOL_VARIABLES: [&str; 8] = [
    "LICENSE_STORE",
    "LICENSE_LEDGER",
    "LICENSE_ISSUER_NAME",
    "LICENSE_ISSUER_PASSPHRASE",
    "LICENSE_LANG",
    "LC_MESSAGES",
    "LANG",
    "RUST_LOG",
];

/// The workspace binary `bin` (`license-issuer`, `license-verifier`), run in `dir` with
/// a clean environment and `LC_ALL=C`.
///
/// # Panics
/// When the binary has not been built (`cargo test --workspace` builds every one).
pub fn command(bin: &str, dir: &Path) -> assert_cmd::Command {
    let path = assert_cmd::cargo::cargo_bin(bin);
    assert!(
        path.exists(),
        "{} is missing: build the binaries first (`cargo test --workspace` or `cargo build --workspace`)",
        path.display()
    );
    let mut cmd = assert_cmd::Command::new(path);
    clean(&mut cmd, dir);
    cmd
}

/// The same environment for a `std::process::Command` (a process the test keeps running).
pub fn process(bin: &str, dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin(bin));
    cmd.current_dir(dir);
    for name in TOOL_VARIABLES {
        cmd.env_remove(name);
    }
    cmd.env("LC_ALL", "C");
    cmd
}

fn clean(cmd: &mut assert_cmd::Command, dir: &Path) {
    cmd.current_dir(dir);
    for name in TOOL_VARIABLES {
        cmd.env_remove(name);
    }
    cmd.env("LC_ALL", "C");
}

/// What one run gave; every check panics showing the whole output.
pub struct Outcome {
    /// The process's output.
    pub output: Output,
}

impl Outcome {
    /// Runs `cmd` to completion.
    ///
    /// # Panics
    /// When the binary cannot be started.
    pub fn of(cmd: &mut assert_cmd::Command) -> Outcome {
        Outcome {
            output: cmd.output().expect("start the binary"),
        }
    }

    /// Standard output, as text.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    /// Standard error, as text.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// The exit status; -1 when a signal ended the process.
    pub fn status(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    /// The whole output, for failure messages.
    pub fn shown(&self) -> String {
        format!(
            "status {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.output.status.code(),
            self.stdout(),
            self.stderr()
        )
    }

    /// Asserts the exit status is `code`.
    #[track_caller]
    pub fn code(self, code: i32) -> Outcome {
        assert_eq!(
            self.output.status.code(),
            Some(code),
            "unexpected exit status: {}",
            self.shown()
        );
        self
    }

    /// Asserts stderr contains `words`.
    #[track_caller]
    pub fn stderr_has(self, words: &str) -> Outcome {
        let text = self.stderr();
        self.has("stderr", &text, words)
    }

    /// Asserts stdout contains `words`.
    #[track_caller]
    pub fn stdout_has(self, words: &str) -> Outcome {
        let text = self.stdout();
        self.has("stdout", &text, words)
    }

    /// Asserts stdout or stderr contains `words`.
    #[track_caller]
    pub fn says(self, words: &str) -> Outcome {
        let text = format!("{}{}", self.stdout(), self.stderr());
        self.has("the output", &text, words)
    }

    #[track_caller]
    fn has(self, stream: &str, text: &str, words: &str) -> Outcome {
        assert!(
            text.contains(words),
            "{words:?} missing from {stream}: {}",
            self.shown()
        );
        self
    }

    /// Stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        match serde_json::from_slice(&self.output.stdout) {
            Ok(v) => v,
            Err(e) => panic!("stdout is not JSON ({e}): {}", self.shown()),
        }
    }
}
