//! The one error type of this crate.

use std::path::PathBuf;

/// Everything that can stop an issuing operation. Each message names the thing that is
/// wrong and, where there is one, the fix.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A member of an order is missing, malformed or breaks a rule.
    #[error("{source_name}: {field}: {problem}")]
    Order {
        /// The order's file name (with `:LINE` for a line of a batch).
        source_name: String,
        /// Path of the member, e.g. `user_plans.sales-premium`.
        field: String,
        /// What is wrong and the fix.
        problem: String,
    },
    /// The order is not a JSON document at all.
    #[error("{source_name}: not a JSON order ({detail}): fix the JSON syntax")]
    OrderSyntax {
        /// The order's file name.
        source_name: String,
        /// The parser's message, with line and column.
        detail: String,
    },
    /// The activation request cannot be used.
    #[error("{source_name}: {problem}")]
    Request {
        /// The request's file name.
        source_name: String,
        /// What is wrong and the fix.
        problem: String,
    },
    /// The license would not be bound to an installation and `--unbound` was not said.
    #[error("{source_name}: installation_id: the order names no installation: give installation_id in the order or an activation request with --request, or say --unbound to issue a license valid on any installation")]
    Unbound {
        /// The order's file name.
        source_name: String,
    },
    /// The vendor's display name was not given.
    #[error("no issuer name: give --issuer NAME or set LICENSE_ISSUER_NAME to the vendor's display name")]
    MissingIssuerName,
    /// A key file cannot be read or is not a key.
    #[error("{}: {problem}", path.display())]
    KeyFile {
        /// The key file.
        path: PathBuf,
        /// What is wrong and the fix.
        problem: String,
    },
    /// A private key file can be read by group or others.
    #[error("{}: the private key is readable by group or others (mode {mode:03o}): restrict it with `chmod 600 {}`", path.display(), path.display())]
    KeyPermissions {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The passphrase does not decrypt the key.
    #[error("{}: wrong passphrase: the key could not be decrypted; check LICENSE_ISSUER_PASSPHRASE or retype it", path.display())]
    WrongPassphrase {
        /// The key file.
        path: PathBuf,
    },
    /// No usable passphrase was given.
    #[error("passphrase: {0}")]
    Passphrase(String),
    /// A file that would be written exists already.
    #[error("{} exists: refusing to overwrite it; pass --force to replace it", path.display())]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
    /// An input file is larger than its kind can be; only the limit and one byte were read.
    #[error("{}: over the limit of {limit} bytes: no {what} is this large; check the path", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// What it should have been: "license file", "activation request", "key file", "order".
        what: &'static str,
        /// The limit in bytes.
        limit: usize,
    },
    /// The directory a license file would be written into does not exist.
    #[error("{}: the directory {} does not exist: create it first (mkdir -p {}) or give another --out", path.display(), dir.display(), dir.display())]
    NoSuchDirectory {
        /// The file that would be written.
        path: PathBuf,
        /// Its missing directory.
        dir: PathBuf,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}{}", path.display(), io_fix(source))]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The license was recorded but its file could not be put in place afterwards.
    #[error("{license_id} was issued and recorded, but {} could not be written ({source}): `license-issuer ledger show {license_id}` prints the file", path.display())]
    WrittenAfterRecord {
        /// The recorded license.
        license_id: String,
        /// The file that could not be written.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The ledger file is not a ledger of this program, or is damaged.
    #[error("{}: {problem}; the file was left untouched: give another --ledger path or restore the ledger from a backup", path.display())]
    LedgerUnusable {
        /// The ledger file.
        path: PathBuf,
        /// What was found.
        problem: String,
    },
    /// The ledger does not exist and the command only reads it.
    #[error("{}: no ledger here: issue a license first, or give --ledger PATH (or LICENSE_LEDGER) of an existing ledger", path.display())]
    LedgerMissing {
        /// Where the ledger was looked for.
        path: PathBuf,
    },
    /// The database refused an operation.
    #[error("ledger: {0}")]
    Ledger(#[from] rusqlite::Error),
    /// A license file, key or request violates the format.
    #[error("{0}")]
    Format(#[from] license_format::Error),
    /// The freshly signed file did not verify: nothing was recorded or written.
    #[error("self-check failed: the signed file does not verify ({0}); nothing was recorded: check the signing key and the machine")]
    SelfCheck(license_format::Error),
}

impl Error {
    /// A stable machine code for this error, lowercase kebab-case (a format error keeps
    /// the code of `license_format::Error`): what a front end matches on (docs/JSON.md).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Order { .. } => "order",
            Error::OrderSyntax { .. } => "order-syntax",
            Error::Request { .. } => "request",
            Error::Unbound { .. } => "unbound",
            Error::MissingIssuerName => "missing-issuer-name",
            Error::KeyFile { .. } => "key-file",
            Error::KeyPermissions { .. } => "key-permissions",
            Error::WrongPassphrase { .. } => "wrong-passphrase",
            Error::Passphrase { .. } => "passphrase",
            Error::Exists { .. } => "exists",
            Error::TooLarge { .. } => "too-large",
            Error::NoSuchDirectory { .. } => "no-such-directory",
            Error::Io { .. } => "io",
            Error::WrittenAfterRecord { .. } => "written-after-record",
            Error::LedgerUnusable { .. } => "ledger-unusable",
            Error::LedgerMissing { .. } => "ledger-missing",
            Error::Ledger { .. } => "ledger",
            Error::Format(e) => e.code(),
            Error::SelfCheck { .. } => "self-check",
        }
    }
}

/// The fix to print after an operating system's error, where there is an obvious one.
fn io_fix(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => ": check the path",
        std::io::ErrorKind::PermissionDenied => ": check the file's permissions",
        _ => "",
    }
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An [`Error::Io`] for `path`.
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }

    /// An [`Error::Order`].
    pub(crate) fn order(source_name: &str, field: &str, problem: impl Into<String>) -> Error {
        Error::Order {
            source_name: source_name.to_owned(),
            field: field.to_owned(),
            problem: problem.into(),
        }
    }

    /// Whether the error lies in the user's input (an order, request or usage) rather
    /// than in the machine; the CLI uses it for the hint it prints.
    pub fn is_input_error(&self) -> bool {
        matches!(
            self,
            Error::Order { .. }
                | Error::OrderSyntax { .. }
                | Error::Request { .. }
                | Error::Unbound { .. }
        )
    }
}
