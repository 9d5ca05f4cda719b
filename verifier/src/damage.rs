//! What is wrong with a damaged store, as data: each is something only an edit of the
//! database (or a broken disk) makes, and each names where it is.

use std::path::PathBuf;

use serde::Serialize;

/// Why the store is damaged ([`crate::Error::DamagedStore`]). The code of each variant is
/// its kebab-case name (docs/JSON.md); the fix is the front end's to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "damage", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Damage {
    /// SQLite reports the file as corrupt.
    #[error("{} is corrupt; restore it from a backup", path.display())]
    Corrupt {
        /// The store file.
        path: PathBuf,
    },
    /// The meta table has no installation id.
    #[error("table meta has no installation id; restore the store from a backup")]
    NoInstallationId,
    /// The mark in the meta table is not a time.
    #[error("table meta: the latest time seen is not a time; restore the store from a backup")]
    BadMark,
    /// The seats table is missing.
    #[error("table seats is missing; restore the store from a backup")]
    SeatsTableMissing,
    /// The seats table is not the one this program made.
    #[error("table seats was altered; restore the store from a backup")]
    SeatsTableAltered,
    /// The seats table lost its unique index on (plan, seq).
    #[error("table seats lost its unique index on (plan, seq); restore the store from a backup")]
    SeatsIndexLost,
    /// The store holds a trigger, which this program never creates.
    #[error("it holds trigger {name:?}, which this program never creates; drop the trigger, or restore the store from a backup")]
    Trigger {
        /// The trigger's name.
        name: String,
    },
    /// A seat at a position below 1.
    #[error("table seats: plan {plan} has a seat of user {user} at position {position}, below 1; delete that row (or release the seat and assign it again), or restore the store from a backup")]
    SeatBelowOne {
        /// The plan.
        plan: String,
        /// The user of the row.
        user: String,
        /// The stored position.
        position: i64,
    },
    /// A seat at a position whose first row is another user's.
    #[error("table seats: plan {plan} has a seat of user {user} at position {position}, which another row holds; delete that row (or release the seat and assign it again), or restore the store from a backup")]
    SeatPositionTaken {
        /// The plan.
        plan: String,
        /// The user of the row.
        user: String,
        /// The stored position.
        position: i64,
    },
    /// A login value other than 0 or 1.
    #[error("table users: user {user} has login value {value}, not 0 or 1; set it with the login command, or restore the store from a backup")]
    BadLogin {
        /// The user.
        user: String,
        /// The stored value, as SQLite gives it.
        value: String,
    },
    /// Licenses were imported but none is marked active.
    #[error("table licenses: {imported} licenses were imported but none is marked active; import the license file again, or restore the store from a backup")]
    NoActiveLicense {
        /// How many rows the table holds.
        imported: i64,
    },
    /// More than one license is marked active.
    #[error("table licenses: more than one license is marked active; import the license file again, or restore the store from a backup")]
    ManyActive,
    /// The active license is not the latest imported one.
    #[error("table licenses: the active license {license_id} is not the latest imported one; import the license file again, or restore the store from a backup")]
    ActiveNotLatest {
        /// The active license.
        license_id: String,
    },
    /// The active license is older than one imported before it.
    #[error("table licenses: the active license {license_id} is older than license {newer} imported before it; import the license file again, or restore the store from a backup")]
    ActiveOlder {
        /// The active license.
        license_id: String,
        /// The newer license imported before it.
        newer: String,
    },
    /// The active license's stored file no longer verifies.
    #[error("table licenses: the active license {license_id} no longer verifies ({error}); import the license file again, or restore the store from a backup")]
    ActiveUnverified {
        /// The active license.
        license_id: String,
        /// The code of the format error.
        error: String,
    },
    /// The active license's file does not match its recorded id and serial.
    #[error("table licenses: the active license {license_id} does not match its recorded id and serial; import the license file again, or restore the store from a backup")]
    ActiveMismatch {
        /// The active license.
        license_id: String,
    },
    /// The active license is bound to another installation.
    #[error("table licenses: the active license {license_id} is not for this installation; import the license file again, or restore the store from a backup")]
    ActiveOtherInstallation {
        /// The active license.
        license_id: String,
    },
    /// A license of the history can no longer be read.
    #[error("table licenses: the imported license {license_id} in its history can no longer be read; restore the store from a backup")]
    UnreadableHistory {
        /// The license.
        license_id: String,
    },
    /// A license's import time is not a time.
    #[error("table licenses: imported_at of {license_id} is not a time; restore the store from a backup")]
    BadImportTime {
        /// The license.
        license_id: String,
    },
    /// The revocation list imported last no longer verifies, or does not match its
    /// recorded serial.
    #[error("table revocation_lists: the list with serial {serial} no longer verifies ({error}); import the newest revocation list again, or restore the store from a backup")]
    RevocationListUnverified {
        /// The recorded serial.
        serial: i64,
        /// The code of the problem.
        error: String,
    },
    /// An event's time is not a time.
    #[error("table events: the time of event {id} is not a time; restore the store from a backup")]
    BadEventTime {
        /// The event.
        id: i64,
    },
    /// Reading the store failed the same way before, for another question.
    #[error("{detail}")]
    Earlier {
        /// What SQLite said.
        detail: String,
    },
}

impl Damage {
    /// Its stable code: the variant's name in kebab-case (docs/JSON.md).
    pub fn code(&self) -> &'static str {
        match self {
            Damage::Corrupt { .. } => "corrupt",
            Damage::NoInstallationId => "no-installation-id",
            Damage::BadMark => "bad-mark",
            Damage::SeatsTableMissing => "seats-table-missing",
            Damage::SeatsTableAltered => "seats-table-altered",
            Damage::SeatsIndexLost => "seats-index-lost",
            Damage::Trigger { .. } => "trigger",
            Damage::SeatBelowOne { .. } => "seat-below-one",
            Damage::SeatPositionTaken { .. } => "seat-position-taken",
            Damage::BadLogin { .. } => "bad-login",
            Damage::NoActiveLicense { .. } => "no-active-license",
            Damage::ManyActive => "many-active",
            Damage::ActiveNotLatest { .. } => "active-not-latest",
            Damage::ActiveOlder { .. } => "active-older",
            Damage::ActiveUnverified { .. } => "active-unverified",
            Damage::ActiveMismatch { .. } => "active-mismatch",
            Damage::ActiveOtherInstallation { .. } => "active-other-installation",
            Damage::UnreadableHistory { .. } => "unreadable-history",
            Damage::BadImportTime { .. } => "bad-import-time",
            Damage::BadEventTime { .. } => "bad-event-time",
            Damage::RevocationListUnverified { .. } => "revocation-list-unverified",
            Damage::Earlier { .. } => "earlier",
        }
    }
}
