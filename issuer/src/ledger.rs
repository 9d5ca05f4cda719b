//! The issuance ledger: an SQLite file that records every license file and clock reset
//! ever issued, whole, and hands out license ids and serials.
//!
//! Ids and serials are taken inside an IMMEDIATE transaction, which holds SQLite's write
//! lock from its first statement: two issuers at once queue instead of reading the same
//! maximum. The file carries an application id so that a foreign or damaged file is
//! recognised and left untouched.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{
    params, Connection, ErrorCode, OpenFlags, OptionalExtension as _, TransactionBehavior,
};
use serde::Serialize;

use crate::issuer::Issued;
use crate::reset::IssuedReset;
use crate::{Error, LedgerProblem, Result};

mod trust;

pub use trust::{CertificateRecord, ListRecord, RevocationRecord, RevokedKind};

/// The file name used when no `--ledger` or `LICENSE_LEDGER` is given.
pub const DEFAULT_LEDGER: &str = "license-ledger.db";

/// SQLite `application_id` of a ledger: "LILG" in ASCII.
const APPLICATION_ID: i64 = 0x4C49_4C47;

/// How long a second issuer waits for the first one's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// How often a waiting issuer looks whether the lock is free. SQLite's own busy timeout
/// backs off to 100 ms, which lets a batch that commits and begins again at once
/// starve a single `issue`; polling often lets it in at the batch's next commit.
const LOCK_POLL: Duration = Duration::from_millis(2);

/// The busy handler: wait [`LOCK_POLL`] and try again, for up to [`BUSY_TIMEOUT`].
fn wait_for_lock(attempt: i32) -> bool {
    let limit = BUSY_TIMEOUT.as_millis() / LOCK_POLL.as_millis();
    if u128::try_from(attempt).unwrap_or(u128::MAX) >= limit {
        return false;
    }
    std::thread::sleep(LOCK_POLL);
    true
}

/// Pause between attempts to open a ledger that another issuer is setting up.
const OPEN_RETRY: Duration = Duration::from_millis(10);

/// Whether an error is SQLite saying another connection holds a lock.
fn is_busy(e: &Error) -> bool {
    let Error::Ledger(e) = e else { return false };
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// What an SQLite error means for the ledger file: a damaged or read-only file is said
/// as such (never "busy", never "not a database"); other errors stay SQLite's.
fn file_error(path: &Path, e: rusqlite::Error) -> Error {
    let unusable = |problem| Error::LedgerUnusable {
        path: path.to_owned(),
        problem,
    };
    let detail = e.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) => unusable(LedgerProblem::Damaged { detail }),
        Some(ErrorCode::NotADatabase) => unusable(LedgerProblem::NotSqlite { detail }),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            unusable(LedgerProblem::ReadOnly { detail })
        }
        _ => Error::Ledger(e),
    }
}

/// Schema migrations, applied in order; `PRAGMA user_version` counts those applied.
const MIGRATIONS: &[&str] = &[
    // 1: the licenses table. `seq` is the number in the license id; the unique index
    // makes a duplicated serial impossible even if a bug tried.
    "CREATE TABLE licenses (
        seq INTEGER PRIMARY KEY,
        license_id TEXT NOT NULL UNIQUE,
        serial INTEGER NOT NULL,
        customer_id TEXT NOT NULL,
        customer_name TEXT NOT NULL,
        installation_id TEXT,
        product TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_until TEXT,
        key_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        file_text TEXT NOT NULL
    );
    CREATE UNIQUE INDEX licenses_serial ON licenses (customer_id, ifnull(installation_id, ''), serial);",
    // 2: clock resets (FORMAT.md §15). A nonce is answered once: asking again gets the
    // same document back, never a second one.
    "CREATE TABLE clock_resets (
        id INTEGER PRIMARY KEY,
        installation_id TEXT NOT NULL,
        nonce TEXT NOT NULL UNIQUE,
        request_mark TEXT,
        request_clock TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        kid TEXT NOT NULL,
        text TEXT NOT NULL
    );",
    // 3: the vendor's order ids. Issuing an order id again returns its license, so an
    // order id names one license; a deliberate reissue adds a later serial for it, hence
    // the index is on (order_id, serial) and a lookup takes the latest.
    "ALTER TABLE licenses ADD COLUMN order_id TEXT;
    CREATE UNIQUE INDEX licenses_order_id ON licenses (order_id, serial) WHERE order_id IS NOT NULL;",
    // 4: key certificates signed with a root (FORMAT.md §16) and revocation lists
    // (§17). A list's serial is its primary key, so two revokes can never sign the same
    // serial; an id is revoked once, in the list that first named it, and every later
    // list repeats it (lists are cumulative).
    "CREATE TABLE certificates (
        id INTEGER PRIMARY KEY,
        kid TEXT NOT NULL,
        root_kid TEXT NOT NULL,
        product TEXT NOT NULL,
        usage TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_until TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE revocation_lists (
        serial INTEGER PRIMARY KEY,
        issued_at TEXT NOT NULL,
        kid TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE revocations (
        kind TEXT NOT NULL CHECK (kind IN ('license', 'key')),
        id TEXT NOT NULL,
        revoked_at TEXT NOT NULL,
        reason TEXT,
        serial INTEGER NOT NULL REFERENCES revocation_lists (serial),
        PRIMARY KEY (kind, id)
    );",
];

/// The text form of a license id: `LIC-000042`.
pub fn license_id(seq: u64) -> String {
    format!("LIC-{seq:06}")
}

/// One issued license as the ledger holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LedgerRecord {
    /// The license id.
    pub license_id: String,
    /// The serial within (customer id, installation id).
    pub serial: u64,
    /// The customer's id.
    pub customer_id: String,
    /// The customer's name.
    pub customer_name: String,
    /// The installation bound to, `None` for an unbound license.
    pub installation_id: Option<String>,
    /// The product id.
    pub product: String,
    /// When it was signed (RFC 3339).
    pub issued_at: String,
    /// Start of the term (RFC 3339).
    pub valid_from: String,
    /// End of the term (RFC 3339), `None` for perpetual.
    pub valid_until: Option<String>,
    /// The signing key's id.
    pub key_id: String,
    /// SHA-256 of the file, lowercase hex.
    pub sha256: String,
    /// The vendor's order id it was issued for, if the order gave one.
    pub order_id: Option<String>,
    /// The license file exactly as issued; left out of listings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_text: Option<String>,
}

/// An open ledger.
#[derive(Debug)]
pub struct Ledger {
    conn: Connection,
    path: PathBuf,
    /// The schema version: [`MIGRATIONS`]`.len()` once opened for issuing; a ledger only
    /// read keeps its own.
    schema: usize,
}

impl Ledger {
    /// Opens the ledger at `path` for issuing, creating and initialising it if the file
    /// does not exist or is empty.
    ///
    /// # Errors
    /// [`Error::LedgerUnusable`] for a foreign, damaged or newer file (left untouched),
    /// [`Error::Ledger`] for other database failures.
    pub fn open(path: &Path) -> Result<Ledger> {
        // While another issuer creates the file or switches it to WAL, SQLite may
        // answer "busy" without calling the busy handler: try again, for as long as
        // the busy timeout.
        let mut attempts = BUSY_TIMEOUT.as_millis() / OPEN_RETRY.as_millis();
        loop {
            match Ledger::open_once(path) {
                Err(e) if is_busy(&e) && attempts > 0 => {
                    attempts -= 1;
                    std::thread::sleep(OPEN_RETRY);
                }
                other => return other,
            }
        }
    }

    fn open_once(path: &Path) -> Result<Ledger> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut ledger = Ledger::connect(path, flags)?;
        let version = ledger.check_identity()?;
        ledger
            .conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| file_error(path, e))?;
        if version < MIGRATIONS.len() {
            ledger.migrate().map_err(|e| match e {
                Error::Ledger(e) => file_error(path, e),
                other => other,
            })?;
        }
        // Damage in the pages the header does not cover shows only when they are read:
        // read the tables once, so that a damaged ledger is said so before signing.
        ledger
            .conn
            .query_row("SELECT count(*) FROM licenses", [], |row| {
                row.get::<_, i64>(0)
            })
            .map_err(|e| file_error(path, e))?;
        ledger.schema = MIGRATIONS.len();
        Ok(ledger)
    }

    /// Opens an existing ledger to read it; a missing file is an error, not a new ledger.
    ///
    /// # Errors
    /// [`Error::LedgerMissing`], or as [`Ledger::open`].
    pub fn open_existing(path: &Path) -> Result<Ledger> {
        if !path.exists() {
            return Err(Error::LedgerMissing {
                path: path.to_owned(),
            });
        }
        let mut ledger = Ledger::connect(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // An older schema is read as it is: reading never migrates.
        ledger.schema = ledger.check_identity()?;
        if ledger.schema == 0 {
            return Err(ledger.unusable(LedgerProblem::Uninitialised));
        }
        Ok(ledger)
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<Ledger> {
        let conn = Connection::open_with_flags(path, flags).map_err(|e| Error::LedgerUnusable {
            path: path.to_owned(),
            problem: LedgerProblem::CannotOpen {
                detail: e.to_string(),
            },
        })?;
        conn.busy_handler(Some(wait_for_lock))?;
        Ok(Ledger {
            conn,
            path: path.to_owned(),
            schema: 0,
        })
    }

    fn unusable(&self, problem: LedgerProblem) -> Error {
        Error::LedgerUnusable {
            path: self.path.clone(),
            problem,
        }
    }

    /// Checks, reading only, that the file is a ledger (or a new, empty database) and
    /// returns its schema version.
    fn check_identity(&self) -> Result<usize> {
        let read = |pragma: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("PRAGMA {pragma}"), [], |row| row.get(0))
                .map_err(|e| match e.sqlite_error_code() {
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Ledger(e),
                    Some(
                        ErrorCode::DatabaseCorrupt
                        | ErrorCode::ReadOnly
                        | ErrorCode::CannotOpen
                        | ErrorCode::PermissionDenied,
                    ) => file_error(&self.path, e),
                    _ => self.unusable(LedgerProblem::NotSqlite {
                        detail: e.to_string(),
                    }),
                })
        };
        // One read transaction, so that the three values belong to the same moment
        // while another issuer may be initialising the file.
        let snapshot = self.conn.unchecked_transaction()?;
        let app_id = read("application_id")?;
        let version = read("user_version")?;
        let objects = read("schema_version")?;
        drop(snapshot);
        match app_id {
            APPLICATION_ID => {}
            0 if objects == 0 => return Ok(0),
            0 => return Err(self.unusable(LedgerProblem::OtherProgram)),
            other => {
                let problem = LedgerProblem::OtherApplicationId {
                    application_id: other,
                };
                return Err(self.unusable(problem));
            }
        }
        let version = usize::try_from(version).unwrap_or(usize::MAX);
        if version > MIGRATIONS.len() {
            return Err(self.unusable(LedgerProblem::Newer {
                schema: version,
                known: MIGRATIONS.len(),
            }));
        }
        Ok(version)
    }

    /// Applies the missing migrations in one IMMEDIATE transaction, checking again
    /// under the lock because another issuer may have initialised the file meanwhile.
    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        let start = usize::try_from(version).unwrap_or(usize::MAX);
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(start) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i + 1)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
        Ok(())
    }

    /// The ledger's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts an IMMEDIATE transaction: the write lock is held until commit or drop
    /// (which rolls back).
    ///
    /// # Errors
    /// [`Error::Ledger`], e.g. when another issuer holds the lock past the busy timeout.
    pub fn begin(&mut self) -> Result<LedgerTx<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| file_error(&self.path, e))?;
        Ok(LedgerTx { tx })
    }

    /// Every license, oldest first, optionally of one customer; without file texts.
    ///
    /// # Errors
    /// [`Error::Ledger`].
    pub fn list(&self, customer_id: Option<&str>) -> Result<Vec<LedgerRecord>> {
        let order_id = self.order_id_column();
        let sql = format!("SELECT {COLUMNS}, {order_id}, NULL FROM licenses WHERE ?1 IS NULL OR customer_id = ?1 ORDER BY seq");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([customer_id], record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One license with its file text.
    ///
    /// # Errors
    /// [`Error::Ledger`].
    pub fn show(&self, license_id: &str) -> Result<Option<LedgerRecord>> {
        let order_id = self.order_id_column();
        let sql =
            format!("SELECT {COLUMNS}, {order_id}, file_text FROM licenses WHERE license_id = ?1");
        Ok(self.conn.query_row(&sql, [license_id], record).optional()?)
    }

    /// The order id column, or none in a ledger from before order ids that is only read.
    fn order_id_column(&self) -> &'static str {
        if self.schema >= 3 {
            "order_id"
        } else {
            "NULL"
        }
    }

    /// Every clock reset, oldest first, with its document.
    ///
    /// # Errors
    /// [`Error::Ledger`], also for a ledger from before clock resets that was only ever
    /// read since.
    pub fn clock_resets(&self) -> Result<Vec<ResetRecord>> {
        let sql = format!("SELECT {RESET_COLUMNS} FROM clock_resets ORDER BY id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], reset_record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// One clock reset as the ledger holds it (FORMAT.md §15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResetRecord {
    /// The installation whose mark was reset.
    pub installation_id: String,
    /// The request's nonce.
    pub nonce: String,
    /// The request's mark (RFC 3339), `None` for none.
    pub request_mark: Option<String>,
    /// The request's system clock (RFC 3339).
    pub request_clock: String,
    /// The vendor's time at signing: the new mark (RFC 3339).
    pub issued_at: String,
    /// The signing key's id.
    pub kid: String,
    /// The clock-reset document exactly as issued.
    pub text: String,
}

const RESET_COLUMNS: &str =
    "installation_id, nonce, request_mark, request_clock, issued_at, kid, text";

fn reset_record(row: &rusqlite::Row<'_>) -> rusqlite::Result<ResetRecord> {
    Ok(ResetRecord {
        installation_id: row.get(0)?,
        nonce: row.get(1)?,
        request_mark: row.get(2)?,
        request_clock: row.get(3)?,
        issued_at: row.get(4)?,
        kid: row.get(5)?,
        text: row.get(6)?,
    })
}

const COLUMNS: &str = "license_id, serial, customer_id, customer_name, installation_id, product, \
                       issued_at, valid_from, valid_until, key_id, sha256";

fn record(row: &rusqlite::Row<'_>) -> rusqlite::Result<LedgerRecord> {
    Ok(LedgerRecord {
        license_id: row.get(0)?,
        serial: row.get(1)?,
        customer_id: row.get(2)?,
        customer_name: row.get(3)?,
        installation_id: row.get(4)?,
        product: row.get(5)?,
        issued_at: row.get(6)?,
        valid_from: row.get(7)?,
        valid_until: row.get(8)?,
        key_id: row.get(9)?,
        sha256: row.get(10)?,
        order_id: row.get(11)?,
        file_text: row.get(12)?,
    })
}

/// An IMMEDIATE transaction on the ledger. Dropping it without [`LedgerTx::commit`]
/// rolls everything back.
#[derive(Debug)]
pub struct LedgerTx<'c> {
    tx: rusqlite::Transaction<'c>,
}

impl LedgerTx<'_> {
    /// The largest license number so far (0 for an empty ledger).
    ///
    /// # Errors
    /// [`Error::Ledger`].
    pub fn last_seq(&self) -> Result<u64> {
        Ok(self
            .tx
            .query_row("SELECT ifnull(max(seq), 0) FROM licenses", [], |row| {
                row.get(0)
            })?)
    }

    /// The largest serial issued to this customer and installation (0 if none).
    ///
    /// # Errors
    /// [`Error::Ledger`].
    pub fn last_serial(&self, customer_id: &str, installation_id: Option<&str>) -> Result<u64> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT ifnull(max(serial), 0) FROM licenses WHERE customer_id = ?1 AND ifnull(installation_id, '') = ?2",
        )?;
        Ok(
            stmt.query_row(params![customer_id, installation_id.unwrap_or("")], |row| {
                row.get(0)
            })?,
        )
    }

    /// The file of the latest license issued for the vendor's `order_id`, if any.
    ///
    /// # Errors
    /// [`Error::Ledger`].
    pub fn file_of_order(&self, order_id: &str) -> Result<Option<String>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT file_text FROM licenses WHERE order_id = ?1 ORDER BY serial DESC LIMIT 1",
        )?;
        Ok(stmt.query_row([order_id], |row| row.get(0)).optional()?)
    }

    /// The latest license issued for the vendor's `order_id`, as (license id, customer
    /// id, serial): what a batch reports for an order issued before.
    ///
    /// # Errors
    /// [`Error::Ledger`].
    pub fn license_of_order(&self, order_id: &str) -> Result<Option<(String, String, u64)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT license_id, customer_id, serial FROM licenses WHERE order_id = ?1 ORDER BY serial DESC LIMIT 1",
        )?;
        let row = |row: &rusqlite::Row<'_>| Ok((row.get(0)?, row.get(1)?, row.get(2)?));
        Ok(stmt.query_row([order_id], row).optional()?)
    }

    /// Records an issued file under license number `seq`.
    ///
    /// # Errors
    /// [`Error::Ledger`], e.g. for an id or serial that exists already.
    pub fn insert(&self, seq: u64, issued: &Issued) -> Result<()> {
        let p = &issued.payload;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO licenses (seq, license_id, serial, customer_id, customer_name, installation_id, product,
                issued_at, valid_from, valid_until, key_id, sha256, file_text, order_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?;
        let time = license_format::time::format_rfc3339;
        stmt.execute(params![
            seq,
            p.license_id,
            p.serial,
            p.customer.id,
            p.customer.name,
            p.installation_id,
            p.product,
            time(&p.issued_at),
            time(&p.valid_from),
            p.valid_until.as_ref().map(time),
            issued.kid.to_string(),
            issued.sha256,
            issued.text,
            issued.order_id,
        ])?;
        Ok(())
    }

    /// The clock reset already issued for `nonce`, if any.
    ///
    /// # Errors
    /// [`Error::Ledger`].
    pub fn clock_reset(&self, nonce: &str) -> Result<Option<ResetRecord>> {
        let sql = format!("SELECT {RESET_COLUMNS} FROM clock_resets WHERE nonce = ?1");
        Ok(self.tx.query_row(&sql, [nonce], reset_record).optional()?)
    }

    /// Records an issued clock reset.
    ///
    /// # Errors
    /// [`Error::Ledger`], e.g. for a nonce answered already.
    pub fn insert_clock_reset(&self, issued: &IssuedReset) -> Result<()> {
        let r = &issued.reset;
        let time = license_format::time::format_rfc3339;
        self.tx.execute(
            "INSERT INTO clock_resets (installation_id, nonce, request_mark, request_clock, issued_at, kid, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                r.installation_id,
                r.nonce,
                r.request_mark.as_ref().map(time),
                time(&r.request_clock),
                time(&r.issued_at),
                issued.kid.to_string(),
                issued.text,
            ],
        )?;
        Ok(())
    }

    /// Makes the transaction's records permanent.
    ///
    /// # Errors
    /// [`Error::Ledger`]; nothing is recorded then.
    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
mod tests;
