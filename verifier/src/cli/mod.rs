//! The command line: one library call per subcommand, its result mapped to output and an
//! exit status (0 yes / done, 1 a clean no, 2 an error).

mod commands;
mod i18n;
mod reasons;
mod render;

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use license_format::constants::MAX_KEY_FILE_BYTES;
use license_format::Keyring;
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
}

impl Failure {
    /// A mistake on the command line or in a file it names (code `usage`).
    pub(crate) fn usage(message: String) -> Self {
        Failure {
            exit: 2,
            code: "usage",
            message,
            hint: None,
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let hint = match &e {
            Error::Format(license_format::Error::UnknownKey { .. }) => {
                Some("pass the vendor's public key file with --trust PUB".to_owned())
            }
            Error::Format(license_format::Error::BadSignature) => {
                Some("ask the vendor for the file again".to_owned())
            }
            Error::UntrustedStoredLicense { .. } => Some(
                "pass the vendor's public key file with --trust PUB, or build with LICENSE_TRUSTED_KEYS naming it"
                    .to_owned(),
            ),
            Error::CustomerChange { .. } => Some(
                "check the change with --dry-run; pass --force to import the file all the same"
                    .to_owned(),
            ),
            Error::NoStore { .. } => Some(
                "create it with `license-verifier init`, or give --store PATH".to_owned(),
            ),
            Error::NoLicense => Some(
                "import the vendor's file with `license-verifier import FILE`".to_owned(),
            ),
            Error::NoFreeSeat { plan, .. } => Some(format!(
                "release a seat with `license-verifier seats release USER {plan}`"
            )),
            Error::HoldsOtherPlan { .. } => {
                Some("pass --move to release the other plan in the same step".to_owned())
            }
            Error::UnknownUser(name) => Some(format!(
                "add the user with `license-verifier users add {name}`"
            )),
            Error::UserRequired(_) => Some("give --user NAME".to_owned()),
            Error::UnknownCode { .. } => {
                Some("run `license-verifier list` to see the codes".to_owned())
            }
            _ => None,
        };
        Failure {
            exit: if e.is_refusal() { 1 } else { 2 },
            code: e.code(),
            message: e.to_string(),
            hint,
        }
    }
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
    let result = keyring(&cli).and_then(|ring| commands::dispatch(&cli, ring));
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
            eprintln!("{BIN}: error: {}", f.message);
            if let Some(hint) = &f.hint {
                eprintln!("hint: {hint}");
            }
            if json {
                let out = json!({
                    "error": { "code": f.code, "text": f.message },
                    "refused": f.exit == 1,
                    "exit": f.exit,
                });
                println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
            }
            f.exit
        }
    }
}

/// The keys to trust: those given with --trust, else the ones built in.
fn keyring(cli: &Cli) -> Result<Keyring, Failure> {
    if cli.trust.is_empty() {
        if trusted::TRUSTS_NO_KEY {
            eprintln!(
                "{BIN}: warning: this build trusts no key (it was built without LICENSE_TRUSTED_KEYS), so every license file is refused; \
                 build with LICENSE_TRUSTED_KEYS=PATH naming the vendor's public keys, or pass --trust PUB"
            );
        }
        if trusted::TRUSTS_EXAMPLE_KEYS {
            eprintln!(
                "{BIN}: warning: trusting the example keys of keys-example/, which anyone can sign with; \
                 build with LICENSE_TRUSTED_KEYS=PATH or pass --trust PUB"
            );
        }
        return Ok(trusted::default_keyring()?);
    }
    let mut ring = Keyring::new();
    for path in &cli.trust {
        let text = read_text(path, "public key file", MAX_KEY_FILE_BYTES)?;
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

/// Reads a file of at most `limit` bytes, naming it in the error. Only `limit + 1`
/// bytes are ever read, so a huge file (or /dev/zero) cannot fill memory.
pub(crate) fn read_bytes(path: &Path, what: &str, limit: usize) -> Result<Vec<u8>, Failure> {
    let cannot =
        |e: std::io::Error| Failure::usage(format!("cannot read {what} {}: {e}", path.display()));
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|file| file.take(limit as u64 + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() > limit {
        return Err(Failure::usage(format!(
            "{}: over the limit of {limit} bytes: no {what} is this large; check the path",
            path.display()
        )));
    }
    Ok(bytes)
}

fn read_text(path: &Path, what: &str, limit: usize) -> Result<String, Failure> {
    let bytes = read_bytes(path, what, limit)?;
    String::from_utf8(bytes)
        .map_err(|_| Failure::usage(format!("{what} {} is not UTF-8 text", path.display())))
}
