//! The one error type of this crate.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use serde_json::{json, Map, Value};

use crate::file_problem::{KeyFileProblem, LedgerProblem, RequestProblem};
use crate::problem::{cause, object, OrderProblem, SelfCheckProblem, SyntaxProblem};
use crate::trust_problem::{CertificateProblem, KeyRole};

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
        /// What is wrong; boxed, as some problems carry lists and would make every
        /// `Result` of this crate large.
        problem: Box<OrderProblem>,
    },
    /// The order is not a JSON document at all.
    #[error("{source_name}: not a JSON order ({problem}): fix the JSON syntax")]
    OrderSyntax {
        /// The order's file name.
        source_name: String,
        /// Where and why the text is not JSON.
        problem: SyntaxProblem,
    },
    /// The activation request cannot be used.
    #[error("{source_name}: {problem}")]
    Request {
        /// The request's file name.
        source_name: String,
        /// What is wrong.
        problem: RequestProblem,
    },
    /// The license would not be bound to an installation, and a license valid on any
    /// installation was not asked for.
    #[error("{source_name}: installation_id: the order names no installation, and no license valid on any installation was asked for")]
    Unbound {
        /// The order's file name.
        source_name: String,
    },
    /// A license valid on any installation was asked for, but the order or the request
    /// names one.
    #[error("{source_name}: installation_id: a license valid on any installation was asked for, but it would be bound to {installation_id:?}")]
    BoundAndUnbound {
        /// The order's file name.
        source_name: String,
        /// The installation the order or request names.
        installation_id: String,
    },
    /// The vendor's display name was not given.
    #[error("no issuer name: the vendor's display name is needed")]
    MissingIssuerName,
    /// A key name that cannot be a file name.
    #[error("{name:?}: a key name may hold only letters, digits, '-', '_' and '.', and not start with '.'")]
    KeyName {
        /// The name as given.
        name: String,
    },
    /// A key file cannot be read or is not a key.
    #[error("{}: {problem}", path.display())]
    KeyFile {
        /// The key file.
        path: PathBuf,
        /// What is wrong.
        problem: KeyFileProblem,
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
    #[error("{}: wrong passphrase: the key could not be decrypted", path.display())]
    WrongPassphrase {
        /// The key file.
        path: PathBuf,
    },
    /// No usable passphrase was given.
    #[error("passphrase: {0}")]
    Passphrase(PassphraseProblem),
    /// A file that would be written exists already.
    #[error("{} exists: refusing to overwrite it", path.display())]
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
    #[error("{}: the directory {} does not exist: create it first", path.display(), dir.display())]
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
    /// The license could not be delivered (its output, e.g. standard output, failed), so
    /// it was not recorded either.
    #[error("{}: the license could not be delivered ({source}); nothing was recorded", path.display())]
    NotDelivered {
        /// Where it was to go.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The license was recorded but its file could not be put in place afterwards.
    #[error("{license_id} was issued and recorded, but {} could not be written ({source}): the ledger holds the file", path.display())]
    WrittenAfterRecord {
        /// The recorded license.
        license_id: String,
        /// The file that could not be written.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The ledger file is not a ledger of this program, or is damaged.
    #[error("{}: {problem}; the file was left untouched: use another ledger or restore it from a backup", path.display())]
    LedgerUnusable {
        /// The ledger file.
        path: PathBuf,
        /// What was found.
        problem: LedgerProblem,
    },
    /// The ledger does not exist and the command only reads it.
    #[error("{}: no ledger here: issue a license first, or use an existing ledger", path.display())]
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
    #[error("self-check failed: {0}; nothing was recorded: check the signing key and the machine")]
    SelfCheck(SelfCheckProblem),
    /// The key certificate given to sign with cannot be used for this document.
    #[error("{source_name}: {problem}")]
    Certificate {
        /// The certificate's file name.
        source_name: String,
        /// What is wrong.
        problem: CertificateProblem,
    },
    /// The ledger records the key (or the root of its certificate) as revoked: every
    /// installation holding that list refuses what it signs.
    #[error("key {kid} ({role}) was revoked in revocation list {serial} on {revoked_at}: use another key")]
    KeyRevoked {
        /// The revoked key's id.
        kid: String,
        /// The part it plays here.
        role: KeyRole,
        /// The list that first revoked it.
        serial: u64,
        /// When it was revoked (RFC 3339, as the ledger holds it).
        revoked_at: String,
    },
    /// An order issued before as a license the ledger has since revoked, by its id or
    /// by the key that signed it: sending that file again would hand the customer a
    /// file installations refuse.
    #[error("order {order_id} was issued as license {license_id}, which revocation list {serial} revoked on {revoked_at}: sign a new license for the order")]
    IssuedRevoked {
        /// The order's id.
        order_id: String,
        /// The license issued for it.
        license_id: String,
        /// What the list names: `license` (the license) or `key` (its signing key).
        by: &'static str,
        /// The license id or key id the list names.
        id: String,
        /// The list that first revoked it.
        serial: u64,
        /// When it was revoked (RFC 3339, as the ledger holds it).
        revoked_at: String,
    },
    /// `certify` was given the root's own key to certify.
    #[error(
        "the root key and the key to certify are the same key {kid}: a root certifies other keys"
    )]
    CertifySameKey {
        /// The key's id.
        kid: String,
    },
    /// A certificate's window would be empty.
    #[error(
        "the window ends {} which is not after its start {}: give a later --valid-until",
        format_rfc3339(valid_until),
        format_rfc3339(valid_from)
    )]
    CertifyWindow {
        /// Start of the window.
        valid_from: DateTime<Utc>,
        /// End of the window.
        valid_until: DateTime<Utc>,
    },
    /// A date given on the command line is not one.
    #[error("{option}: {problem}")]
    Date {
        /// The option, e.g. `--valid-until`.
        option: &'static str,
        /// What is wrong, as for a date in an order.
        problem: Box<OrderProblem>,
    },
    /// A usage that is not a kind a certificate may permit.
    #[error("unknown usage {value:?}: use license-file, clock-reset or revocation-list")]
    UnknownUsage {
        /// The usage as given.
        value: String,
    },
    /// `revoke` was given nothing to revoke.
    #[error("nothing to revoke: give --license LICENSE_ID or --key-id KID")]
    NothingToRevoke,
    /// `revoke --license` names a license this ledger never issued.
    #[error("--license {license_id}: {} holds no such license: check the id with `license-issuer ledger list`", path.display())]
    UnknownLicense {
        /// The id as given.
        license_id: String,
        /// The ledger.
        path: PathBuf,
    },
    /// `revoke --key-id` is not a key id.
    #[error("--key-id {value:?}: not a key id: give 16 lowercase hex digits")]
    RevokeKeyId {
        /// The value as given.
        value: String,
    },
    /// The list would revoke the key that signs it or the root of its certificate, so
    /// every installation would refuse it (FORMAT.md §17.4 step 3).
    #[error("the list would revoke key {kid} ({role}), which its own trust rests on: sign it with another key")]
    RevokesOwnKey {
        /// The key's id.
        kid: String,
        /// The part the key plays for the list.
        role: KeyRole,
    },
    /// The reason breaks the rules of a name (FORMAT.md §1.4 rule 8).
    #[error("--reason: {cause}")]
    RevokeReason {
        /// The format's refusal of the reason.
        cause: license_format::Error,
    },
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
            Error::BoundAndUnbound { .. } => "bound-and-unbound",
            Error::MissingIssuerName => "missing-issuer-name",
            Error::KeyName { .. } => "key-name",
            Error::KeyFile { .. } => "key-file",
            Error::KeyPermissions { .. } => "key-permissions",
            Error::WrongPassphrase { .. } => "wrong-passphrase",
            Error::Passphrase { .. } => "passphrase",
            Error::Exists { .. } => "exists",
            Error::TooLarge { .. } => "too-large",
            Error::NoSuchDirectory { .. } => "no-such-directory",
            Error::Io { .. } => "io",
            Error::NotDelivered { .. } => "not-delivered",
            Error::WrittenAfterRecord { .. } => "written-after-record",
            Error::LedgerUnusable { .. } => "ledger-unusable",
            Error::LedgerMissing { .. } => "ledger-missing",
            Error::Ledger { .. } => "ledger",
            Error::Format(e) => e.code(),
            Error::SelfCheck { .. } => "self-check",
            Error::Certificate { .. } => "certificate",
            Error::KeyRevoked { .. } => "key-revoked",
            Error::IssuedRevoked { .. } => "issued-revoked",
            Error::CertifySameKey { .. } => "certify-same-key",
            Error::CertifyWindow { .. } => "certify-window",
            Error::Date { .. } => "date",
            Error::UnknownUsage { .. } => "unknown-usage",
            Error::NothingToRevoke => "nothing-to-revoke",
            Error::UnknownLicense { .. } => "unknown-license",
            Error::RevokeKeyId { .. } => "revoke-key-id",
            Error::RevokesOwnKey { .. } => "revokes-own-key",
            Error::RevokeReason { .. } => "revoke-reason",
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
    pub(crate) fn order(source_name: &str, field: &str, problem: OrderProblem) -> Error {
        Error::Order {
            source_name: source_name.to_owned(),
            field: field.to_owned(),
            problem: Box::new(problem),
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
                | Error::BoundAndUnbound { .. }
                | Error::Date { .. }
                | Error::CertifySameKey { .. }
                | Error::CertifyWindow { .. }
                | Error::UnknownUsage { .. }
                | Error::NothingToRevoke
                | Error::UnknownLicense { .. }
                | Error::RevokeKeyId { .. }
                | Error::RevokeReason { .. }
        )
    }
}

/// Why no passphrase could be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PassphraseProblem {
    /// The passphrase from the environment is not UTF-8 text.
    #[error("the passphrase given is not UTF-8 text")]
    NotUtf8,
    /// A new key is to be encrypted, no passphrase was given and there is no terminal to
    /// ask on.
    #[error("no passphrase for the new key and no terminal to ask for one")]
    NoneForNewKey,
    /// The key is encrypted, no passphrase was given and there is no terminal to ask on.
    #[error("the key is encrypted and no terminal is attached to ask for its passphrase")]
    NoTerminal,
    /// The terminal could not be read.
    #[error("could not read it from the terminal ({0})")]
    Unreadable(String),
    /// The two passphrases typed for a new key differ.
    #[error("the two passphrases differ")]
    Differ,
    /// The passphrase is empty.
    #[error("the passphrase is empty: choose a non-empty one")]
    Empty,
    /// The key could not be encrypted with it.
    #[error("the key could not be encrypted ({0})")]
    CannotEncrypt(String),
}

impl PassphraseProblem {
    /// A stable code, lowercase kebab-case.
    pub fn code(&self) -> &'static str {
        match self {
            PassphraseProblem::NotUtf8 => "not-utf8",
            PassphraseProblem::NoneForNewKey => "none-for-new-key",
            PassphraseProblem::NoTerminal => "no-terminal",
            PassphraseProblem::Unreadable(_) => "unreadable",
            PassphraseProblem::Differ => "differ",
            PassphraseProblem::Empty => "empty",
            PassphraseProblem::CannotEncrypt(_) => "cannot-encrypt",
        }
    }
}

impl Error {
    /// The variant's data, for a front end's words and its JSON: the arguments of the
    /// message `error-CODE`. A format error gives [`license_format::Error::details`].
    /// Paths are text; numbers are numbers. Members, by code:
    ///
    /// | code | members |
    /// |---|---|
    /// | `order` | `source_name`, `field`, `problem` (a code of [`OrderProblem`]) and its data |
    /// | `order-syntax` | `source_name`, `problem` (a code of [`SyntaxProblem`]) and its data |
    /// | `request` | `source_name`, `problem` (a code of [`RequestProblem`]) and its data |
    /// | `unbound` | `source_name` |
    /// | `bound-and-unbound` | `source_name`, `installation_id` |
    /// | `missing-issuer-name` | none |
    /// | `key-name` | `name` |
    /// | `key-file` | `path`, `problem` (a code of [`KeyFileProblem`]) and its data |
    /// | `key-permissions` | `path`, `mode` (octal digits as text, e.g. `"640"`) |
    /// | `wrong-passphrase`, `exists`, `ledger-missing` | `path` |
    /// | `passphrase` | `problem` (a code of [`PassphraseProblem`]), `detail` for `unreadable` and `cannot-encrypt` |
    /// | `too-large` | `path`, `what` (a code: `license-file`, `activation-request`, `key-file`, `order`, `clock-reset-request`), `limit` |
    /// | `no-such-directory` | `path`, `dir` |
    /// | `io` | `path`, `kind` (`not-found`, `permission-denied` or `other`), `detail` (the system's words) |
    /// | `not-delivered` | `path`, `detail` |
    /// | `written-after-record` | `license_id`, `path`, `detail` |
    /// | `ledger-unusable` | `path`, `problem` (a code of [`LedgerProblem`]) and its data |
    /// | `ledger` | `detail` (SQLite's words) |
    /// | `self-check` | `problem` (a code of [`SelfCheckProblem`]); `cause` (the format error's `code` and details) for `format` |
    /// | `certificate` | `source_name`, `problem` (a code of [`CertificateProblem`]) and its data |
    /// | `key-revoked` | `kid`, `role` (a code of [`KeyRole`]), `serial`, `revoked_at` |
    /// | `certify-same-key` | `kid` |
    /// | `certify-window` | `valid_from`, `valid_until` |
    /// | `date` | `option`, `problem` (`not-a-date` or `date-out-of-range`), `value` |
    /// | `unknown-usage`, `revoke-key-id` | `value` |
    /// | `nothing-to-revoke` | none |
    /// | `unknown-license` | `license_id`, `path` |
    /// | `revokes-own-key` | `kid`, `role` |
    /// | `revoke-reason` | `cause` |
    ///
    /// A problem's data sit beside `problem` under the names its `details` gives; a
    /// format error inside a problem is `cause`, as for `self-check`.
    ///
    /// ```
    /// use license_issuer::Error;
    /// let e = Error::Exists { path: "a.lic".into() };
    /// assert_eq!(e.details()["path"], "a.lic");
    /// ```
    pub fn details(&self) -> Map<String, Value> {
        let path = |p: &PathBuf| p.display().to_string();
        let value = match self {
            Error::Order {
                source_name,
                field,
                problem,
            } => {
                let base = json!({"source_name": source_name, "field": field});
                return with_problem(base, problem.code(), problem.details());
            }
            Error::OrderSyntax {
                source_name,
                problem,
            } => {
                let base = json!({ "source_name": source_name });
                return with_problem(base, problem.code(), problem.details());
            }
            Error::Request {
                source_name,
                problem,
            } => {
                let base = json!({ "source_name": source_name });
                return with_problem(base, problem.code(), problem.details());
            }
            Error::Unbound { source_name } => json!({ "source_name": source_name }),
            Error::BoundAndUnbound {
                source_name,
                installation_id,
            } => {
                json!({"source_name": source_name, "installation_id": installation_id})
            }
            Error::MissingIssuerName => json!({}),
            Error::KeyName { name } => json!({ "name": name }),
            Error::KeyFile { path: p, problem } => {
                let base = json!({ "path": path(p) });
                return with_problem(base, problem.code(), problem.details());
            }
            Error::KeyPermissions { path: p, mode } => {
                json!({"path": path(p), "mode": format!("{mode:03o}")})
            }
            Error::WrongPassphrase { path: p }
            | Error::Exists { path: p }
            | Error::LedgerMissing { path: p } => json!({ "path": path(p) }),
            Error::Passphrase(problem) => passphrase_details(problem),
            Error::TooLarge {
                path: p,
                what,
                limit,
            } => {
                json!({"path": path(p), "what": what.replace(' ', "-"), "limit": limit})
            }
            Error::NoSuchDirectory { path: p, dir } => json!({"path": path(p), "dir": path(dir)}),
            Error::Io { path: p, source } => {
                json!({"path": path(p), "kind": io_kind(source), "detail": source.to_string()})
            }
            Error::NotDelivered { path: p, source } => {
                json!({"path": path(p), "detail": source.to_string()})
            }
            Error::WrittenAfterRecord {
                license_id,
                path: p,
                source,
            } => {
                json!({"license_id": license_id, "path": path(p), "detail": source.to_string()})
            }
            Error::LedgerUnusable { path: p, problem } => {
                let base = json!({ "path": path(p) });
                return with_problem(base, problem.code(), problem.details());
            }
            Error::Ledger(e) => json!({ "detail": e.to_string() }),
            Error::Format(e) => return e.details(),
            Error::SelfCheck(problem) => {
                return with_problem(json!({}), problem.code(), problem.details())
            }
            other => return trust_details(other),
        };
        object(value)
    }
}

/// The data of the errors of certificates and revocations.
fn trust_details(error: &Error) -> Map<String, Value> {
    let value = match error {
        Error::Certificate {
            source_name,
            problem,
        } => {
            let base = json!({ "source_name": source_name });
            return with_problem(base, problem.code(), problem.details());
        }
        Error::KeyRevoked {
            kid,
            role,
            serial,
            revoked_at,
        } => json!({"kid": kid, "role": role.code(), "serial": serial, "revoked_at": revoked_at}),
        Error::IssuedRevoked {
            order_id,
            license_id,
            by,
            id,
            serial,
            revoked_at,
        } => json!({"order_id": order_id, "license_id": license_id, "by": by, "id": id,
            "serial": serial, "revoked_at": revoked_at}),
        Error::CertifySameKey { kid } => json!({ "kid": kid }),
        Error::CertifyWindow {
            valid_from,
            valid_until,
        } => json!({"valid_from": format_rfc3339(valid_from),
            "valid_until": format_rfc3339(valid_until)}),
        Error::Date { option, problem } => {
            return with_problem(
                json!({ "option": option }),
                problem.code(),
                problem.details(),
            )
        }
        Error::UnknownUsage { value } | Error::RevokeKeyId { value } => json!({ "value": value }),
        Error::UnknownLicense { license_id, path } => {
            json!({"license_id": license_id, "path": path.display().to_string()})
        }
        Error::RevokesOwnKey { kid, role } => json!({"kid": kid, "role": role.code()}),
        Error::RevokeReason { cause: e } => json!({ "cause": cause(e) }),
        _ => json!({}),
    };
    object(value)
}

/// An error's own members, `problem` (a code) and the problem's data.
fn with_problem(base: Value, code: &str, data: Map<String, Value>) -> Map<String, Value> {
    let mut map = object(base);
    map.insert("problem".into(), code.into());
    map.extend(data);
    map
}

fn passphrase_details(problem: &PassphraseProblem) -> Value {
    match problem {
        PassphraseProblem::Unreadable(detail) | PassphraseProblem::CannotEncrypt(detail) => {
            json!({"problem": problem.code(), "detail": detail})
        }
        _ => json!({ "problem": problem.code() }),
    }
}

/// The kind of an operating system's error that a message offers a fix for.
fn io_kind(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "not-found",
        std::io::ErrorKind::PermissionDenied => "permission-denied",
        _ => "other",
    }
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
