//! The subcommands, each a thin layer over one library call.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use license_issuer::{Error, PassphraseProblem, Result};
use zeroize::Zeroizing;

pub mod args;
pub mod batch;
pub mod certify;
pub mod clock_reset;
pub mod i18n;
pub mod inspect;
pub mod issue;
pub mod keys;
pub mod labels;
pub mod ledger;
pub mod ledger_trust;
pub mod report;
pub mod revoke;

/// Status 1: a clean no.
pub const NO: ExitCode = ExitCode::FAILURE;

pub use report::{report_error, usage_error};

/// Where `--out` sends a signed document: `-` is standard output (the command prints
/// it), a path that file, and none the document's own file name.
pub fn destination(out: Option<&std::path::Path>) -> license_issuer::certify::Destination<'_> {
    use license_issuer::certify::Destination;
    match out {
        Some(p) if is_std(p) => Destination::Caller,
        Some(p) => Destination::File(p),
        None => Destination::Named,
    }
}

/// The line that says where a document was written and which ledger records it.
pub fn written(path: &std::path::Path, ledger: &std::path::Path) -> String {
    let (path, ledger) = (path.display().to_string(), ledger.display().to_string());
    i18n::t(
        "issue-written",
        &[("path", i18n::s(&path)), ("ledger", i18n::s(&ledger))],
    )
}

/// Whether a file argument is `-`: standard input or output, never a file of that name.
pub fn is_std(path: &std::path::Path) -> bool {
    path.as_os_str() == license_issuer::input::STDIN
}

/// How messages name a file argument: `standard input` for `-`.
pub fn source_name(path: &std::path::Path) -> String {
    if is_std(path) {
        "standard input".to_owned()
    } else {
        path.display().to_string()
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
    if let Some(value) = std::env::var_os("LICENSE_ISSUER_PASSPHRASE") {
        let value = value
            .into_string()
            .map_err(|_| Error::Passphrase(PassphraseProblem::NotUtf8))?;
        return Ok(Zeroizing::new(value));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::Passphrase(if twice {
            PassphraseProblem::NoneForNewKey
        } else {
            PassphraseProblem::NoTerminal
        }));
    }
    let ask = |prompt: &str| {
        rpassword::prompt_password(prompt)
            .map(Zeroizing::new)
            .map_err(|e| Error::Passphrase(PassphraseProblem::Unreadable(e.to_string())))
    };
    let first = ask(&i18n::t("passphrase-prompt", &[]))?;
    if twice && *ask(&i18n::t("passphrase-prompt-again", &[]))? != *first {
        return Err(Error::Passphrase(PassphraseProblem::Differ));
    }
    Ok(first)
}
