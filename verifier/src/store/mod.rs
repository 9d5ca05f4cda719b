//! The installation's state in one SQLite file: its id, the active license and the
//! history, users, seats, the events log and the clock's high-water mark.
//!
//! Every operation first re-verifies the stored license with the caller's keyring, so
//! editing the database grants nothing. A change runs in one `IMMEDIATE` transaction; a
//! question runs in a read transaction, takes no write lock and needs no write access,
//! and only afterwards advances the clock's mark if it can, without waiting for another
//! writer. The store uses SQLite's rollback journal, not WAL: a WAL database cannot be
//! read by a process that may not write its directory, and products often run as such a
//! user.

mod clock;
mod clock_reset;
mod endings;

mod events;
mod history;
mod import;
mod load;
mod meta;
mod report;
mod revocations;
mod schema;
mod seats;
mod users;

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use license_format::{ActivationRequest, Trust};
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::{Error, Result, VerifiedLicense, Warning};

pub use clock_reset::ClockResetReport;
pub use endings::Ending;
pub use events::{Event, EventDetail, LostSeat, EVENT_KINDS};
pub use history::HistoryEntry;
pub use import::{Changes, ImportOptions, ImportOutcome, ImportReport, LostAccess, SeatChange};
pub use report::{
    ActiveLicense, Holder, LicenseDetail, LicenseRow, LicensesScreen, PlanSeats, ScreenHeader,
    Status,
};
pub(crate) use revocations::verify_list;
pub use revocations::{ListOutcome, RevocationImport};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use seats::{SeatAssignment, SeatCheck, SeatRow};
pub use users::UserRow;

/// How many times, a millisecond apart, an operation retries a lock another process
/// holds before giving up: about ten seconds.
const LOCK_RETRIES: i32 = 10_000;

/// SQLite's own busy handler backs off up to 100 ms a retry, so under a steady writer a
/// question could wait seconds for a lock that is held a millisecond at a time. A writer
/// holds the lock readers need only while it commits: poll every millisecond instead.
fn retry_lock(count: i32) -> bool {
    if count >= LOCK_RETRIES {
        return false;
    }
    std::thread::sleep(Duration::from_millis(1));
    true
}

/// An open license store.
#[derive(Debug)]
pub struct LicenseStore {
    conn: Connection,
    path: PathBuf,
    trust: Trust,
    /// The revocation list built into the program, verified under `trust` at open.
    built_in_list: Option<revocations::HeldList>,
    /// The imported list as last verified: read again only when another connection
    /// has written since, and verified again only when its text changed.
    list_checked: RefCell<Option<revocations::Checked>>,
    installation_id: String,
    created: bool,
    /// `PRAGMA schema_version` when the seats schema was last checked: a change made by
    /// another connection while this one is open is checked again before it is trusted.
    schema_checked: Cell<i64>,
    /// Set when a question could not advance the mark because the store is not writable.
    unwritable: Cell<bool>,
    /// The licenses table's stamp when its history last passed the newest-license check.
    history_checked: RefCell<Option<String>>,
}

/// What every operation knows once its transaction has begun.
pub(crate) struct Ctx {
    /// The active license, verified and judged by the held revocation list; `None`
    /// when there is none.
    license: Option<VerifiedLicense>,
    /// The revocation list that counts (FORMAT.md §17.4); `None` when there is none.
    pub revocations: Option<revocations::HeldList>,
    /// Why the stored active license cannot be used, if it cannot.
    damage: Option<Error>,
    /// The effective time: max(system clock, high-water mark, active license's issued_at).
    pub now: DateTime<Utc>,
    /// The system clock as the caller gave it.
    pub clock: DateTime<Utc>,
    /// The high-water mark as stored when the operation began.
    pub mark: Option<DateTime<Utc>>,
    /// Whether a clock far behind that mark was logged already.
    pub clock_warned: bool,
    /// Warnings met on the way (clock set back).
    pub warnings: Vec<Warning>,
}

impl Ctx {
    /// The active license, or the reason the store cannot use it.
    pub(crate) fn license(&self) -> Result<Option<&VerifiedLicense>> {
        match &self.damage {
            Some(e) => Err(load::duplicate(e)),
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

/// Refuses anything but a regular file (or a path that does not exist yet) as a store:
/// SQLite would otherwise write a journal beside `/dev/null` or a directory.
fn regular_or_absent(path: &Path) -> Result<bool> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(true),
        Ok(m) => Err(Error::NotAFile {
            path: path.to_owned(),
            what: if m.is_dir() {
                "a directory"
            } else {
                "not a regular file"
            },
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::CannotOpen {
            path: path.to_owned(),
            reason: e.to_string(),
        }),
    }
}

/// Whether an SQLite error means "this process may not write the store" (file or
/// directory), as opposed to a real failure.
fn is_unwritable(e: &Error) -> bool {
    matches!(e, Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
        if matches!(f.code, ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied))
}

fn is_busy(e: &Error) -> bool {
    matches!(e, Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
        if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

impl LicenseStore {
    /// Opens an existing store. `trust` holds the keys every stored license is
    /// re-verified with: signing keys, and root keys that certify issuing keys (a
    /// [`license_format::Keyring`] converts to trust in its keys alone). The revocation
    /// list built into the program, if any, must verify under it. A store this process
    /// may not write is opened all the same:
    /// questions are answered from the stored state and [`LicenseStore::unwritable`]
    /// says so; changes fail.
    ///
    /// # Errors
    /// [`Error::NoStore`], [`Error::NotAFile`], [`Error::ForeignStore`],
    /// [`Error::NewerStore`], [`Error::DamagedStore`], [`Error::BuiltInListUnverified`]
    /// or [`Error::Sqlite`]. A file that is not a store is never written to.
    pub fn open(path: &Path, trust: impl Into<Trust>) -> Result<Self> {
        let exists = regular_or_absent(path)?;
        if !exists || path.metadata().map(|m| m.len() == 0).unwrap_or(true) {
            return Err(Error::NoStore {
                path: path.to_owned(),
            });
        }
        let conn = connect(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::setup(conn, path, trust.into(), None)
    }

    /// Opens the store at `path`, creating it with a new installation id when the file
    /// does not exist or is empty. Idempotent: an existing store is opened unchanged.
    ///
    /// # Errors
    /// As [`LicenseStore::open`], except [`Error::NoStore`].
    pub fn create(path: &Path, trust: impl Into<Trust>, now: DateTime<Utc>) -> Result<Self> {
        regular_or_absent(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = connect(path, flags)?;
        Self::setup(conn, path, trust.into(), Some(now))
    }

    fn setup(
        conn: Connection,
        path: &Path,
        trust: Trust,
        create_at: Option<DateTime<Utc>>,
    ) -> Result<Self> {
        let built_in_list = crate::trusted::built_in_revocation_list(&trust)?.map(Arc::new);
        conn.busy_handler(Some(retry_lock))?;
        // Every question runs the same dozen statements: compiled once per connection.
        conn.set_prepared_statement_cache_capacity(64);
        conn.pragma_update(None, "foreign_keys", true)?;
        let identity = schema::identify(&conn, path)?;
        if identity == schema::Identity::Empty && create_at.is_none() {
            return Err(Error::NoStore {
                path: path.to_owned(),
            });
        }
        let installation_id = match schema::ready_id(&conn)? {
            // Nothing to write: a reader that may not write opens the store all the same.
            Some(id) if identity == schema::Identity::Ours => id,
            _ => Self::prepare(&conn, create_at).map_err(|e| {
                if is_unwritable(&e) {
                    Error::CannotOpen {
                        path: path.to_owned(),
                        reason: format!("the store needs an upgrade or its first setup, which needs write access ({e})"),
                    }
                } else {
                    e
                }
            })?,
        };
        let created = identity == schema::Identity::Empty;
        let store = LicenseStore {
            schema_checked: Cell::new(schema::version_stamp(&conn)?),
            conn,
            path: path.to_owned(),
            trust,
            built_in_list,
            list_checked: RefCell::new(None),
            installation_id,
            created,
            unwritable: Cell::new(false),
            history_checked: RefCell::new(None),
        };
        schema::check_seats_schema(&store.conn)?;
        Ok(store)
    }

    /// Creates or migrates the schema, in one write transaction.
    fn prepare(conn: &Connection, create_at: Option<DateTime<Utc>>) -> Result<String> {
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get::<_, String>(0))?;
        let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        schema::migrate(&tx)?;
        let id = match (meta::get(&tx, "installation_id")?, create_at) {
            (Some(id), _) => id,
            (None, Some(now)) => meta::create_installation(&tx, now)?,
            (None, None) => return Err(Error::DamagedStore(crate::Damage::NoInstallationId)),
        };
        tx.commit()?;
        Ok(id)
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

    /// Whether a question found the store not writable by this process, so that the
    /// clock's high-water mark could not be advanced: answers still hold, judged at the
    /// latest of the clock, the stored mark and the license's issue time.
    pub fn unwritable(&self) -> bool {
        self.unwritable.get()
    }

    /// The activation request to send to the vendor.
    pub fn activation_request(&self, hostname: &str, now: DateTime<Utc>) -> ActivationRequest {
        ActivationRequest::new(
            license_catalog::builtin().product.clone(),
            self.installation_id.clone(),
            hostname.to_owned(),
            now,
        )
    }

    /// The active license, re-verified, at the effective time.
    ///
    /// # Errors
    /// [`Error::DamagedStore`] or [`Error::UntrustedStoredLicense`] when the stored
    /// license cannot be used.
    pub fn active_license(&self, now: DateTime<Utc>) -> Result<Option<VerifiedLicense>> {
        self.read(now, |_, ctx| Ok(ctx.license()?.cloned()))
    }

    /// Runs `f` in one IMMEDIATE transaction, after verifying the active license and
    /// advancing the clock; commits only when `f` succeeds.
    pub(crate) fn write<T>(
        &self,
        now: DateTime<Utc>,
        f: impl FnOnce(&Transaction, &mut Ctx) -> Result<T>,
    ) -> Result<T> {
        let run = || {
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let mut ctx = self.begin(&tx, now)?;
            clock::advance(&tx, &ctx)?;
            events::note_state_change(&tx, &ctx)?;
            let out = f(&tx, &mut ctx)?;
            tx.commit()?;
            Ok(out)
        };
        run().map_err(|e| self.unwritable_error(e))
    }

    /// Names the store and the fix when a write failed for want of write access.
    pub(crate) fn unwritable_error(&self, e: Error) -> Error {
        if is_unwritable(&e) {
            Error::CannotWrite {
                path: self.path.clone(),
                reason: e.to_string(),
            }
        } else {
            e
        }
    }

    /// Runs the question `f` in a read transaction: no write lock, no write access
    /// needed (it may wait, milliseconds, while another process commits). Then advances
    /// the mark and records a state change, if the store can be written right now: a
    /// question never waits to write.
    pub(crate) fn read<T>(
        &self,
        now: DateTime<Utc>,
        f: impl FnOnce(&Transaction, &mut Ctx) -> Result<T>,
    ) -> Result<T> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let mut ctx = self.begin(&tx, now)?;
        let out = f(&tx, &mut ctx)?;
        tx.commit()?;
        self.advance_if_possible(&ctx);
        Ok(out)
    }

    fn advance_if_possible(&self, ctx: &Ctx) {
        if !clock::needs_advance(ctx) && !events::state_changed(&self.conn, ctx).unwrap_or(true) {
            return;
        }
        let attempt = (|| -> Result<()> {
            self.conn.busy_handler(None)?;
            let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            // Read again under the lock: another process may have moved the mark.
            let fresh = self.begin(&tx, ctx.clock)?;
            clock::advance(&tx, &fresh)?;
            events::note_state_change(&tx, &fresh)?;
            tx.commit()?;
            Ok(())
        })();
        let _ = self.conn.busy_handler(Some(retry_lock));
        // Busy: another process is writing, and it advances the mark itself. Any other
        // failure (no write access, a full disk) leaves the answer standing: the mark is
        // a floor that only protects the vendor; the caller is told it did not move.
        if attempt.as_ref().is_err_and(|e| !is_busy(e)) {
            self.unwritable.set(true);
        }
    }

    fn begin(&self, tx: &Transaction, clock: DateTime<Utc>) -> Result<Ctx> {
        self.recheck_schema(tx)?;
        // A damaged list damages the store, as a damaged license does: no question is
        // answered. The list built in still counts, for what an import checks.
        let (held, loaded) = match self.held_list(tx) {
            Ok(held) => {
                let loaded = self.load_active(tx, held.as_deref());
                (held, loaded)
            }
            Err(e @ (Error::DamagedStore(_) | Error::UntrustedStoredList { .. })) => {
                (self.built_in_list.clone(), Err(e))
            }
            Err(other) => return Err(other),
        };
        let (license, damage) = match loaded {
            Ok(license) => (license, None),
            Err(
                e @ (Error::DamagedStore(_)
                | Error::UntrustedStoredLicense { .. }
                | Error::UntrustedStoredList { .. }),
            ) => (None, Some(e)),
            Err(other) => return Err(other),
        };
        let mark = clock::mark(tx)?;
        let mut ctx = Ctx {
            license,
            revocations: held,
            damage,
            now: clock,
            clock,
            clock_warned: clock::warned_at(tx, mark)?,
            mark,
            warnings: Vec::new(),
        };
        clock::judge(&mut ctx);
        Ok(ctx)
    }

    /// Checks the seats schema again when another connection changed the schema since
    /// this one last looked: an index dropped while a product runs is found at once.
    fn recheck_schema(&self, conn: &Connection) -> Result<()> {
        let stamp = schema::version_stamp(conn)?;
        if stamp != self.schema_checked.get() {
            schema::check_seats_schema(conn)?;
            self.schema_checked.set(stamp);
        }
        Ok(())
    }
}
