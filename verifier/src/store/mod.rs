//! The installation's state in one SQLite file: its id, the active license and the
//! history, users, seats, the events log and the clock's high-water mark.
//!
//! Every operation runs in one `IMMEDIATE` transaction that first re-verifies the stored
//! license with the caller's keyring: editing the database grants nothing.

mod clock;
mod events;
mod import;
mod meta;
mod report;
mod schema;
mod seats;
mod users;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use license_format::{ActivationRequest, Keyring};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use crate::{verify, Error, Result, VerifiedLicense};

pub use events::Event;
pub use import::{Changes, ImportOutcome, ImportReport, LostAccess, SeatChange};
pub use report::{Holder, LicenseDetail, LicenseRow, Status};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use seats::{SeatAssignment, SeatCheck, SeatRow};
pub use users::UserRow;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open license store.
#[derive(Debug)]
pub struct LicenseStore {
    conn: Connection,
    path: PathBuf,
    keyring: Keyring,
    installation_id: String,
    created: bool,
}

/// What every operation knows once its transaction has begun.
pub(crate) struct Ctx {
    /// The active license, verified; `None` when there is none.
    license: Option<VerifiedLicense>,
    /// Why the stored active license does not verify, if it does not.
    damage: Option<String>,
    /// The effective time: max(system clock, high-water mark, active license's issued_at).
    pub now: DateTime<Utc>,
    /// The system clock as the caller gave it.
    pub clock: DateTime<Utc>,
    /// Warnings met on the way (clock set back).
    pub warnings: Vec<String>,
}

impl Ctx {
    /// The active license, or the reason the store is damaged.
    pub(crate) fn license(&self) -> Result<Option<&VerifiedLicense>> {
        match &self.damage {
            Some(reason) => Err(Error::DamagedStore(reason.clone())),
            None => Ok(self.license.as_ref()),
        }
    }
}

fn connect(path: &Path, flags: OpenFlags) -> Result<Connection> {
    Connection::open_with_flags(path, flags).map_err(|e| Error::CannotOpen {
        path: path.to_owned(),
        reason: e.to_string(),
    })
}

impl LicenseStore {
    /// Opens an existing store. `keyring` holds the keys every stored license is
    /// re-verified with.
    ///
    /// # Errors
    /// [`Error::NoStore`], [`Error::ForeignStore`], [`Error::NewerStore`],
    /// [`Error::DamagedStore`] or [`Error::Sqlite`]. A file that is not a store is never
    /// written to.
    pub fn open(path: &Path, keyring: Keyring) -> Result<Self> {
        if !path.is_file() || path.metadata().map(|m| m.len() == 0).unwrap_or(true) {
            return Err(Error::NoStore {
                path: path.to_owned(),
            });
        }
        let conn = connect(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::setup(conn, path, keyring, None)
    }

    /// Opens the store at `path`, creating it with a new installation id when the file
    /// does not exist or is empty. Idempotent: an existing store is opened unchanged.
    ///
    /// # Errors
    /// As [`LicenseStore::open`], except [`Error::NoStore`].
    pub fn create(path: &Path, keyring: Keyring, now: DateTime<Utc>) -> Result<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = connect(path, flags)?;
        Self::setup(conn, path, keyring, Some(now))
    }

    fn setup(
        conn: Connection,
        path: &Path,
        keyring: Keyring,
        create_at: Option<DateTime<Utc>>,
    ) -> Result<Self> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let identity = schema::identify(&conn, path)?;
        if identity == schema::Identity::Empty && create_at.is_none() {
            return Err(Error::NoStore {
                path: path.to_owned(),
            });
        }
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
        schema::migrate(&tx)?;
        schema::check_seats_schema(&tx)?;
        let existing = meta::get(&tx, "installation_id")?;
        let created = existing.is_none();
        let installation_id = match (existing, create_at) {
            (Some(id), _) => id,
            (None, Some(now)) => meta::create_installation(&tx, now)?,
            (None, None) => {
                return Err(Error::DamagedStore(
                    "the store has no installation id".into(),
                ))
            }
        };
        tx.commit()?;
        Ok(LicenseStore {
            conn,
            path: path.to_owned(),
            keyring,
            installation_id,
            created,
        })
    }

    /// This installation's id: 32 hex digits, made once when the store was created.
    pub fn installation_id(&self) -> &str {
        &self.installation_id
    }

    /// Whether this call to [`LicenseStore::create`] made the store.
    pub fn newly_created(&self) -> bool {
        self.created
    }

    /// The store's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The activation request to send to the vendor.
    pub fn activation_request(&self, hostname: &str, now: DateTime<Utc>) -> ActivationRequest {
        ActivationRequest::new(self.installation_id.clone(), hostname.to_owned(), now)
    }

    /// The active license, re-verified, at the effective time.
    ///
    /// # Errors
    /// [`Error::DamagedStore`] when the stored license no longer verifies.
    pub fn active_license(&self, now: DateTime<Utc>) -> Result<Option<VerifiedLicense>> {
        self.write(now, |_, ctx| Ok(ctx.license()?.cloned()))
    }

    /// Runs `f` in one IMMEDIATE transaction, after verifying the active license and
    /// advancing the clock; commits only when `f` succeeds.
    pub(crate) fn write<T>(
        &self,
        now: DateTime<Utc>,
        f: impl FnOnce(&Transaction, &mut Ctx) -> Result<T>,
    ) -> Result<T> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let mut ctx = self.begin(&tx, now)?;
        let out = f(&tx, &mut ctx)?;
        tx.commit()?;
        Ok(out)
    }

    fn begin(&self, tx: &Transaction, clock: DateTime<Utc>) -> Result<Ctx> {
        let (license, damage) = match self.load_active(tx) {
            Ok(license) => (license, None),
            Err(Error::DamagedStore(reason)) => (None, Some(reason)),
            Err(other) => return Err(other),
        };
        let mut ctx = Ctx {
            license,
            damage,
            now: clock,
            clock,
            warnings: Vec::new(),
        };
        clock::advance(tx, &mut ctx)?;
        events::note_state_change(tx, &ctx)?;
        Ok(ctx)
    }

    /// Loads and re-verifies the active license.
    fn load_active(&self, tx: &Transaction) -> Result<Option<VerifiedLicense>> {
        let row = tx
            .query_row(
                "SELECT license_id, serial, text FROM licenses WHERE active = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, Vec<u8>>(2)?,
                    ))
                },
            )
            .optional()?;
        let Some((license_id, serial, text)) = row else {
            return Ok(None);
        };
        let damaged = |why: String| {
            Error::DamagedStore(format!(
                "the active license {license_id} {why}: the store was altered or the trusted keys changed; import the license file again"
            ))
        };
        let license = verify(&text, &self.keyring)
            .map_err(|e| damaged(format!("no longer verifies ({e})")))?;
        if license.license_id() != license_id
            || i64::try_from(license.serial()).ok() != Some(serial)
        {
            return Err(damaged("does not match its recorded id and serial".into()));
        }
        license
            .check_installation(&self.installation_id)
            .map_err(|e| damaged(format!("is not for this installation ({e})")))?;
        Ok(Some(license))
    }
}
