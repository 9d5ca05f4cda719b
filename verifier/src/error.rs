//! The one error type of this crate.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;

/// Everything that can go wrong when verifying a license or using the store.
///
/// Two families: refusals by the license rules ([`Error::is_refusal`], a clean "no" that
/// a command reports with exit status 1) and errors (bad input, a damaged store, I/O).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The license file itself is malformed, forged, signed by an unknown key or for
    /// another product.
    #[error(transparent)]
    Format(#[from] license_format::Error),
    /// The store file does not exist.
    #[error(
        "no license store at {path}: create the store first, or give the path of an existing one"
    )]
    NoStore {
        /// The path that was opened.
        path: PathBuf,
    },
    /// The store file cannot be opened or created (missing directory, permissions).
    #[error("cannot open the license store {path}: {reason}: check that the directory exists and is writable")]
    CannotOpen {
        /// The path that was opened.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// A change was asked of a store this process may not write.
    #[error("cannot write the license store {path}: {reason}: run this as a user who may write the store file and its directory")]
    CannotWrite {
        /// The store's file.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// The file is not a license store (another program's database or not SQLite at all).
    #[error("{path} is not a license store ({reason}): give the path of a license store or of a new file; it was left untouched")]
    ForeignStore {
        /// The path that was opened.
        path: PathBuf,
        /// What was found instead.
        reason: String,
    },
    /// The store was written by a newer version of this program.
    #[error("{path} has store schema version {found}, newer than {supported}: use a newer license-verifier")]
    NewerStore {
        /// The path that was opened.
        path: PathBuf,
        /// The schema version found.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The store path is not a regular file (a device, a directory).
    #[error("{path} is {what}, not a license store: give the path of a store file, or of a file to create")]
    NotAFile {
        /// The path given.
        path: PathBuf,
        /// What it is instead.
        what: &'static str,
    },
    /// The store's content is inconsistent or its license no longer verifies.
    #[error("the license store is damaged: {0}")]
    DamagedStore(crate::Damage),
    /// The active license is signed by a key this build does not trust: the trusted keys
    /// changed, not the store.
    #[error("the active license {license_id} is signed by key {kid}, which this program does not trust: use a build whose trusted keys include {kid}, or import a license file signed by a key it trusts")]
    UntrustedStoredLicense {
        /// The active license's id.
        license_id: String,
        /// The key that signed it.
        kid: license_format::KeyId,
    },
    /// The revocation list the store holds is signed by a key this build does not trust
    /// (the trusted keys changed, not the store): no question is answered until a list
    /// signed by a trusted key is imported.
    #[error("the revocation list {serial} this store holds is signed by key {kid}, which this program does not trust: import the vendor's newest list signed by a key it trusts, or use a build whose trusted keys include {kid}")]
    UntrustedStoredList {
        /// The list's serial.
        serial: i64,
        /// The key that signed it.
        kid: String,
    },
    /// SQLite failed (I/O, locking, disk full).
    #[error("license store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The store holds no active license.
    #[error("no license is active: import the license file from the vendor")]
    NoLicense,
    /// A license bound to another installation.
    #[error("license {license_id} is for installation {found}, not this installation {expected}: send this installation's activation request to the vendor")]
    WrongInstallation {
        /// The license's id.
        license_id: String,
        /// This installation's id.
        expected: String,
        /// The installation id in the license.
        found: String,
    },
    /// The license's term ended (grace included) before the effective time.
    #[error("license {license_id} expired on {}: ask the vendor for a renewal", crate::state::day(.until))]
    Expired {
        /// The license's id.
        license_id: String,
        /// When it stopped working (grace included).
        until: DateTime<Utc>,
    },
    /// A revocation list the installation holds withdraws the license, or a key its
    /// trust rests on (FORMAT.md §17.4).
    #[error("license {license_id} was revoked by the vendor on {}{}: ask the vendor for a new license file", crate::state::day(&.revocation.revoked_at), revoked_how(.revocation))]
    Revoked {
        /// The license's id.
        license_id: String,
        /// The list's entry that withdraws it.
        revocation: crate::Revocation,
    },
    /// A document (a clock reset, a revocation list) signed under a key that a
    /// revocation list withdraws: it is refused whatever it says.
    #[error("this {document} is signed under key {}, which the vendor revoked on {}{}: ask the vendor for one signed by a current key", revoked_kid(.revocation), crate::state::day(&.revocation.revoked_at), reason(.revocation))]
    SignerRevoked {
        /// The kind of document: `clock-reset` or `revocation-list`.
        document: &'static str,
        /// The list's entry that withdraws the key.
        revocation: crate::Revocation,
    },
    /// A revocation list that does not supersede the one the installation holds.
    #[error("revocation list {serial} is not newer than list {held}, which this installation holds: import the newest list from the vendor")]
    OlderRevocationList {
        /// The list's serial.
        serial: u64,
        /// The serial of the list held.
        held: u64,
    },
    /// The revocation list built into this program does not verify under the trust the
    /// store was opened with.
    #[error("the revocation list built into this program does not verify under the trusted keys ({error}): trust the keys it was signed with, or build the program with a list signed by a trusted key")]
    BuiltInListUnverified {
        /// The code of the format error.
        error: String,
    },
    /// The license's term starts after the effective time.
    #[error("license {license_id} is not valid before {}: import it on or after that date", crate::state::day(.from))]
    NotYetValid {
        /// The license's id.
        license_id: String,
        /// Its `valid_from`.
        from: DateTime<Utc>,
    },
    /// Anti-rollback: the serial is not above the highest one imported in the file's
    /// sequence (its customer and installation, FORMAT.md §7.3).
    #[error("license {license_id} has serial {serial}, not above serial {latest} already imported in {}: it is older than a file imported before; import the newest license file of that sequence, or ask the vendor for a current one", sequence(.customer, .installation_id))]
    OlderSerial {
        /// The license's id.
        license_id: String,
        /// Its serial.
        serial: u64,
        /// The highest serial imported in that sequence.
        latest: u64,
        /// The customer id.
        customer: String,
        /// The installation the sequence is bound to; `None`: unbound files.
        installation_id: Option<String>,
    },
    /// A different file with a serial that was already imported in the same sequence.
    #[error("serial {serial} in {} was already imported with other content: this file is not the one the vendor issued under that serial; ask the vendor for a new file", sequence(.customer, .installation_id))]
    SerialConflict {
        /// The serial.
        serial: u64,
        /// The customer id.
        customer: String,
        /// The installation the sequence is bound to; `None`: unbound files.
        installation_id: Option<String>,
    },
    /// Anti-rollback across sequences: a file of another sequence than the active
    /// license's, issued before it; serials of different sequences are not comparable,
    /// so the issue time decides.
    #[error("license {license_id} was issued at {}, before the active license {active_id} (issued at {}) of another sequence: importing it would go back to an older file; ask the vendor for a current license file", format_rfc3339(.issued_at), format_rfc3339(.active_issued_at))]
    OlderThanActive {
        /// The license's id.
        license_id: String,
        /// Its `issued_at`.
        issued_at: DateTime<Utc>,
        /// The active license's id.
        active_id: String,
        /// The active license's `issued_at`.
        active_issued_at: DateTime<Utc>,
    },
    /// The file is another customer's than the active license's; importing it needs an
    /// explicit confirmation.
    #[error("license {license_id} is for customer {after}, not for the active license's customer {before}: importing it replaces this installation's license with another customer's; confirm the change of customer to import it")]
    CustomerChange {
        /// The new license's id.
        license_id: String,
        /// The active license's customer (id and name).
        before: String,
        /// The new license's customer (id and name).
        after: String,
    },
    /// A clock reset when none was requested here, or one already used.
    #[error("no clock reset is pending in this store: this reset was already used, or it was not requested by this store; write a new request and send it to the vendor")]
    ClockResetNotPending,
    /// A clock reset that answers another request than the pending one.
    #[error("this clock reset answers request {nonce}, not the one pending in this store: import the reset that answers the latest request")]
    ClockResetOtherRequest {
        /// The nonce the reset answers.
        nonce: String,
    },
    /// A clock reset for another installation.
    #[error("this clock reset is for installation {found}, not this installation {expected}: import it on the installation that requested it")]
    ClockResetWrongInstallation {
        /// This installation's id.
        expected: String,
        /// The installation the reset names.
        found: String,
    },
    /// The mark moved after the request was written: the reset is stale.
    #[error("the latest time this store has seen moved from {} to {} after the request was written: the reset is stale; write a new request and send it to the vendor", opt_time(.requested), opt_time(.now))]
    ClockResetStale {
        /// The mark when the request was written.
        requested: Option<DateTime<Utc>>,
        /// The mark now.
        now: Option<DateTime<Utc>>,
    },
    /// A clock reset was asked for while the clock is not behind the mark.
    #[error("the system clock ({}) is not behind the latest time this store has seen ({}): no clock reset is needed", format_rfc3339(.clock), opt_time(.mark))]
    ClockNotBehind {
        /// The system clock.
        clock: DateTime<Utc>,
        /// The mark.
        mark: Option<DateTime<Utc>>,
    },
    /// The plan or module is not in the active license, or its grant is no longer usable.
    #[error("{code} is not licensed{}: import a license that includes it", state.map(|s| format!(" now ({})", s.name())).unwrap_or_default())]
    NotLicensed {
        /// The catalog code.
        code: String,
        /// Its state when the license grants it but it is not usable now; `None` when
        /// the license does not grant it.
        state: Option<crate::State>,
    },
    /// Every seat of the plan is held.
    #[error("no free seat of {plan}: all {seats} licensed seats are held; release one, or import a license with more seats")]
    NoFreeSeat {
        /// The plan.
        plan: String,
        /// Its licensed seats.
        seats: u32,
    },
    /// The user already holds another of the mutually exclusive plans.
    #[error("user {user} already holds {held}; a user holds one of the exclusive plans at a time: release it first, or move the user's seat")]
    HoldsOtherPlan {
        /// The user.
        user: String,
        /// The plan the user holds.
        held: String,
    },
    /// A user name that the store does not know.
    #[error("no user {0}: add the user first")]
    UnknownUser(String),
    /// A user name that already exists.
    #[error("user {0} already exists: choose another name")]
    UserExists(String),
    /// A user name that cannot be stored.
    #[error("user name {0:?} is not allowed: use 1 to 128 characters, no control characters, no leading or trailing spaces")]
    InvalidUserName(String),
    /// A code that the catalog does not know, or of the wrong kind.
    #[error("unknown {} {code:?}{}{}", what.code(), is_a.map(|k| format!(" ({code} is a {k})")).unwrap_or_default(), suggestion.as_ref().map(|s| format!(" (did you mean {s}?)")).unwrap_or_default())]
    UnknownCode {
        /// What kind of code was asked for.
        what: CodeKind,
        /// The code given.
        code: String,
        /// What the code is instead, when it is a license of another kind.
        is_a: Option<license_format::LicenseKind>,
        /// The nearest code of the kind asked for, when one is near.
        suggestion: Option<String>,
    },
    /// A question that needs a user was asked without one.
    #[error("capability {0} is asked per user: name the user")]
    UserRequired(String),
    /// The user does not hold that seat.
    #[error("user {user} holds no seat of {plan}: nothing to release")]
    NoSuchSeat {
        /// The user.
        user: String,
        /// The plan.
        plan: String,
    },
}

impl Error {
    /// A stable machine code for this error, lowercase kebab-case (a format error keeps
    /// the code of `license_format::Error`): what a front end matches on and shows beside
    /// its own words (docs/JSON.md).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Format(e) => e.code(),
            Error::NoStore { .. } => "no-store",
            Error::CannotOpen { .. } => "cannot-open",
            Error::CannotWrite { .. } => "cannot-write",
            Error::ForeignStore { .. } => "foreign-store",
            Error::NewerStore { .. } => "newer-store",
            Error::NotAFile { .. } => "not-a-file",
            Error::DamagedStore { .. } => "damaged-store",
            Error::UntrustedStoredLicense { .. } => "untrusted-stored-license",
            Error::UntrustedStoredList { .. } => "untrusted-stored-list",
            Error::Sqlite { .. } => "sqlite",
            Error::NoLicense => "no-license",
            Error::WrongInstallation { .. } => "wrong-installation",
            Error::Expired { .. } => "expired",
            Error::NotYetValid { .. } => "not-yet-valid",
            Error::Revoked { .. } => "revoked",
            Error::SignerRevoked { .. } => "signer-revoked",
            Error::OlderRevocationList { .. } => "older-revocation-list",
            Error::BuiltInListUnverified { .. } => "built-in-list-unverified",
            Error::OlderSerial { .. } => "older-serial",
            Error::SerialConflict { .. } => "serial-conflict",
            Error::OlderThanActive { .. } => "older-than-active",
            Error::CustomerChange { .. } => "customer-change",
            Error::ClockResetNotPending => "clock-reset-not-pending",
            Error::ClockResetOtherRequest { .. } => "clock-reset-other-request",
            Error::ClockResetWrongInstallation { .. } => "clock-reset-wrong-installation",
            Error::ClockResetStale { .. } => "clock-reset-stale",
            Error::ClockNotBehind { .. } => "clock-not-behind",
            Error::NotLicensed { .. } => "not-licensed",
            Error::NoFreeSeat { .. } => "no-free-seat",
            Error::HoldsOtherPlan { .. } => "holds-other-plan",
            Error::UnknownUser { .. } => "unknown-user",
            Error::UserExists { .. } => "user-exists",
            Error::InvalidUserName { .. } => "invalid-user-name",
            Error::UnknownCode { .. } => "unknown-code",
            Error::UserRequired { .. } => "user-required",
            Error::NoSuchSeat { .. } => "no-such-seat",
        }
    }

    /// Whether this is a clean "no" by the license rules (exit status 1) rather than an
    /// error (exit status 2).
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            Error::WrongInstallation { .. }
                | Error::Expired { .. }
                | Error::NotYetValid { .. }
                | Error::Revoked { .. }
                | Error::SignerRevoked { .. }
                | Error::OlderRevocationList { .. }
                | Error::OlderSerial { .. }
                | Error::SerialConflict { .. }
                | Error::OlderThanActive { .. }
                | Error::NotLicensed { .. }
                | Error::NoFreeSeat { .. }
                | Error::HoldsOtherPlan { .. }
                | Error::NoLicense
                | Error::CustomerChange { .. }
                | Error::ClockResetNotPending
                | Error::ClockResetOtherRequest { .. }
                | Error::ClockResetWrongInstallation { .. }
                | Error::ClockResetStale { .. }
                | Error::ClockNotBehind { .. }
        )
    }
}

/// A serial sequence in words: serials count per customer and installation, unbound
/// files in a sequence of their own.
fn sequence(customer: &str, installation_id: &Option<String>) -> String {
    match installation_id {
        Some(id) => format!("the sequence of customer {customer} for installation {id}"),
        None => format!("the sequence of customer {customer} for unbound files"),
    }
}

/// ", as key K was" when the list withdraws a key rather than the license, then the
/// reason.
fn revoked_how(r: &crate::Revocation) -> String {
    let key = match &r.by {
        crate::RevokedBy::Key { kid } => format!(" (its key {kid} was revoked)"),
        _ => String::new(),
    };
    key + &reason(r)
}

fn reason(r: &crate::Revocation) -> String {
    r.reason
        .as_ref()
        .map(|reason| format!(", reason: {reason}"))
        .unwrap_or_default()
}

fn revoked_kid(r: &crate::Revocation) -> String {
    match &r.by {
        crate::RevokedBy::Key { kid } => kid.to_string(),
        crate::RevokedBy::License => String::new(),
    }
}

fn opt_time(t: &Option<DateTime<Utc>>) -> String {
    t.as_ref().map_or_else(|| "none".to_owned(), format_rfc3339)
}

/// The kind of code an [`Error::UnknownCode`] was asked as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodeKind {
    /// A system license (module).
    SystemLicense,
    /// A user plan.
    UserPlan,
    /// A system license or a user plan.
    License,
    /// A capability.
    Capability,
}

impl CodeKind {
    /// Its code: `system-license`, `user-plan`, `license` or `capability`.
    pub fn code(&self) -> &'static str {
        match self {
            CodeKind::SystemLicense => "system-license",
            CodeKind::UserPlan => "user-plan",
            CodeKind::License => "license",
            CodeKind::Capability => "capability",
        }
    }
}

impl From<license_format::LicenseKind> for CodeKind {
    fn from(kind: license_format::LicenseKind) -> Self {
        match kind {
            license_format::LicenseKind::System => CodeKind::SystemLicense,
            _ => CodeKind::UserPlan,
        }
    }
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
