//! The command line: one library call per subcommand, its result mapped to output and an
//! exit status (0 yes / done, 1 a clean no, 2 an error).

mod commands;
mod i18n;
mod render;

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use license_format::constants::MAX_KEY_FILE_BYTES;
use license_format::{Keyring, Trust};
use license_verifier::{trusted, Error};
use serde_json::{json, Value};

use crate::Cli;

const BIN: &str = "license-verifier";

/// What a command printed and how it ended.
pub(crate) struct Reply {
    exit: u8,
    json: Value,
    text: String,
}

impl Reply {
    pub(crate) fn new(exit: u8, json: Value, text: String) -> Self {
        Reply { exit, json, text }
    }
}

/// A command that did not complete.
pub(crate) struct Failure {
    exit: u8,
    code: &'static str,
    message: String,
    hint: Option<String>,
    /// The error's data (docs/JSON.md), beside its code and text in JSON.
    details: serde_json::Map<String, Value>,
}

impl Failure {
    /// A mistake on the command line or in a file it names (code `usage`).
    pub(crate) fn usage(message: String) -> Self {
        Failure {
            exit: 2,
            code: "usage",
            message,
            hint: None,
            details: serde_json::Map::new(),
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let details = e.details();
        Failure {
            exit: license_verifier::text::json::exit_of(&e),
            code: e.code(),
            message: license_verifier::text::error(i18n::language(), e.code(), &details),
            hint: hint(e.code(), &details),
            details,
        }
    }
}

/// What to do about an error, naming this command line's flags and commands.
fn hint(code: &str, details: &serde_json::Map<String, Value>) -> Option<String> {
    if code == "unknown-code" && details.get("what").and_then(Value::as_str) == Some("capability") {
        let catalog = license_catalog::builtin();
        let codes: Vec<&str> = catalog
            .capabilities
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        let args = [("capabilities", i18n::s(codes.join(", ")))];
        return Some(i18n::t("hint-unknown-capability", &args));
    }
    let id = format!("hint-{code}");
    i18n::WORDS
        .has(&id)
        .then(|| i18n::WORDS.get_json(i18n::language(), &id, details))
}

/// A command line clap refused (or `--help`, `--version`): printed as clap prints it,
/// and with `--json` anywhere on the line also as the JSON error, code `usage`. Returns
/// the exit status.
pub(crate) fn usage_error(e: &clap::Error) -> u8 {
    let _ = e.print();
    if !e.use_stderr() {
        return 0;
    }
    if std::env::args_os().any(|a| a == "--json") {
        let text = e.to_string();
        let first = text.lines().next().unwrap_or_default();
        let out = json!({
            "error": { "code": "usage", "text": first.strip_prefix("error: ").unwrap_or(first) },
            "refused": false,
            "exit": 2,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    }
    2
}

/// Runs the parsed command line and returns the exit status.
pub(crate) fn run(cli: Cli) -> u8 {
    let json = cli.json;
    i18n::set_language(cli.language());
    let result = trust(&cli).and_then(|trust| commands::dispatch(&cli, trust));
    match result {
        Ok(reply) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&reply.json).unwrap_or_default()
                );
            } else if !reply.text.is_empty() {
                print!("{}", reply.text);
            }
            reply.exit
        }
        Err(f) => {
            eprintln!("{BIN}: {}: {}", i18n::t("error-prefix", &[]), f.message);
            if let Some(hint) = &f.hint {
                eprintln!("{}: {hint}", i18n::t("hint-prefix", &[]));
            }
            if json {
                let mut out = license_verifier::text::json::error(
                    i18n::language(),
                    f.code,
                    &f.details,
                    f.exit,
                );
                // A usage error's words are the command line's own.
                out["error"]["text"] = f.message.clone().into();
                println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
            }
            f.exit
        }
    }
}

/// The keys to trust: those given with --trust and --trust-root, else the ones built in.
/// Given keys replace all that is built in, so that a test of one key trusts only it.
fn trust(cli: &Cli) -> Result<Trust, Failure> {
    if cli.trust.is_empty() && cli.trust_root.is_empty() {
        if trusted::TRUSTS_NO_KEY {
            warn(&i18n::t("warning-trusts-no-key", &[]));
        }
        if trusted::TRUSTS_EXAMPLE_KEYS {
            warn(&i18n::t("warning-example-keys", &[]));
        }
        return Ok(trusted::default_trust()?);
    }
    Ok(Trust::new(ring(&cli.trust)?, ring(&cli.trust_root)?))
}

/// The keyring of the public key files at `paths`.
fn ring(paths: &[std::path::PathBuf]) -> Result<Keyring, Failure> {
    let mut ring = Keyring::new();
    for path in paths {
        let text = read_text(path, "what-public-key-file", MAX_KEY_FILE_BYTES)?;
        ring.add_pem(&text)
            .map_err(|e| Failure::from(Error::from(e)).in_file(path))?;
    }
    Ok(ring)
}

impl Failure {
    fn in_file(mut self, path: &Path) -> Self {
        self.message = format!("{}: {}", path.display(), self.message);
        self
    }
}

/// Prints a warning on stderr.
pub(crate) fn warn(text: &str) {
    eprintln!("{BIN}: {}: {text}", i18n::t("warning-prefix", &[]));
}

/// Reads a file of at most `limit` bytes, naming it (`what` is the message id of its
/// kind) in the error. Only `limit + 1` bytes are ever read, so a huge file (or
/// /dev/zero) cannot fill memory.
pub(crate) fn read_bytes(path: &Path, what: &str, limit: usize) -> Result<Vec<u8>, Failure> {
    let shown = path.display().to_string();
    let what = i18n::t(what, &[]);
    let cannot = |e: std::io::Error| {
        let reason = e.to_string();
        let args = [
            ("what", i18n::s(&what)),
            ("path", i18n::s(&shown)),
            ("reason", i18n::s(&reason)),
        ];
        Failure::usage(i18n::t("error-usage-cannot-read", &args))
    };
    let mut bytes = Vec::new();
    // `-` is standard input, as everywhere a file is named; never a file called `-`.
    let read = if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
    } else {
        File::open(path).and_then(|file| file.take(limit as u64 + 1).read_to_end(&mut bytes))
    };
    read.map_err(cannot)?;
    if bytes.len() > limit {
        let args = [
            ("what", i18n::s(&what)),
            ("path", i18n::s(&shown)),
            ("limit", i18n::n(limit as f64)),
        ];
        return Err(Failure::usage(i18n::t("error-usage-too-large", &args)));
    }
    Ok(bytes)
}

pub(crate) fn read_text(path: &Path, what: &str, limit: usize) -> Result<String, Failure> {
    let bytes = read_bytes(path, what, limit)?;
    String::from_utf8(bytes).map_err(|_| {
        let what = i18n::t(what, &[]);
        let shown = path.display().to_string();
        let args = [("what", i18n::s(&what)), ("path", i18n::s(&shown))];
        Failure::usage(i18n::t("error-usage-not-utf8", &args))
    })
}
