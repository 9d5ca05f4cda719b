//! The subcommands, each a thin layer over one library call.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use license_issuer::{Error, Result};
use zeroize::Zeroizing;

pub mod args;
pub mod batch;
pub mod clock_reset;
pub mod inspect;
pub mod issue;
pub mod keys;
pub mod ledger;

/// Status 1: a clean no.
pub const NO: ExitCode = ExitCode::FAILURE;

/// Status 2: an error.
pub fn error_code() -> ExitCode {
    ExitCode::from(2)
}

/// Prints an error the house way (and, with `--json`, as JSON on stdout) and returns
/// status 2.
pub fn report_error(err: &Error, json: bool) -> ExitCode {
    eprintln!("license-issuer: error: {err}");
    if let Some(hint) = hint(err) {
        eprintln!("hint: {hint}");
    }
    if json {
        json_error(err.code(), &err.to_string(), 2);
    }
    error_code()
}

/// A command line clap refused (or `--help`, `--version`): printed as clap prints it,
/// and with `--json` anywhere on the line also as the JSON error, code `usage`.
pub fn usage_error(e: &clap::Error) -> ExitCode {
    let _ = e.print();
    if !e.use_stderr() {
        return ExitCode::SUCCESS;
    }
    if std::env::args_os().any(|a| a == "--json") {
        json_error("usage", &clap_message(e), 2);
    }
    error_code()
}

/// clap's message without its `error: ` prefix and usage lines.
pub fn clap_message(e: &clap::Error) -> String {
    let text = e.to_string();
    let first = text.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

/// The JSON form of a failed command, as `license-verifier` writes it:
/// `{"error": {"code", "text"}, "refused", "exit"}`.
pub fn json_error(code: &str, message: &str, exit: u8) {
    let value = serde_json::json!({
        "error": { "code": code, "text": message },
        "refused": exit == 1,
        "exit": exit,
    });
    // Best effort: the error is on stderr already.
    let _ = print_json(&value);
}

fn hint(err: &Error) -> Option<String> {
    match err {
        Error::Ledger(_) => {
            Some("another issuer may hold the ledger; retry, or check the --ledger path".into())
        }
        e if e.is_input_error() => {
            Some("nothing was issued or recorded; fix the input and run again".into())
        }
        _ => None,
    }
}

/// Writes text to standard output; a closed pipe is an error to report, not a panic.
pub fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|source| Error::Io {
            path: "standard output".into(),
            source,
        })
}

/// Writes a value as pretty JSON on standard output.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    // Our report types are plain data and always serialize.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    emit(&text)
}

/// The passphrase: from LICENSE_ISSUER_PASSPHRASE, or asked on the terminal (`twice` for
/// a new key). Never from an argument, so it stays out of shell history and `ps`.
pub fn passphrase(twice: bool) -> Result<Zeroizing<String>> {
    let no_terminal = if twice {
        "no passphrase for the new key: set LICENSE_ISSUER_PASSPHRASE or run keygen on a terminal to choose a passphrase"
    } else {
        "the key is encrypted and no terminal is attached: set LICENSE_ISSUER_PASSPHRASE"
    };
    if let Some(value) = std::env::var_os("LICENSE_ISSUER_PASSPHRASE") {
        let value = value
            .into_string()
            .map_err(|_| Error::Passphrase("LICENSE_ISSUER_PASSPHRASE is not UTF-8 text".into()))?;
        return Ok(Zeroizing::new(value));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::Passphrase(no_terminal.into()));
    }
    let ask = |prompt: &str| {
        rpassword::prompt_password(prompt)
            .map(Zeroizing::new)
            .map_err(|e| Error::Passphrase(format!("could not read it from the terminal ({e})")))
    };
    let first = ask("Passphrase: ")?;
    if twice && *ask("Passphrase again: ")? != *first {
        return Err(Error::Passphrase(
            "the two passphrases differ: run again and type the same one twice".into(),
        ));
    }
    Ok(first)
}
