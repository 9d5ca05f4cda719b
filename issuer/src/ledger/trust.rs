//! The ledger's key certificates and revocation lists (schema 4): what a root certified,
//! and every license and key revoked so far, each in the list that first named it.

use rusqlite::{params, OptionalExtension as _};
use serde::Serialize;

use super::{Ledger, LedgerTx};
use crate::Result;

/// The schema version that added certificates and revocations.
const SCHEMA: usize = 4;

/// What a revocation withdraws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RevokedKind {
    /// A license file, by its `license_id`.
    License,
    /// A key, by its key id.
    Key,
}

impl RevokedKind {
    /// The stored and shown code: `license` or `key`.
    pub fn code(&self) -> &'static str {
        match self {
            RevokedKind::License => "license",
            RevokedKind::Key => "key",
        }
    }

    fn from_code(code: &str) -> RevokedKind {
        // The table's CHECK constraint allows these two only.
        if code == "key" {
            RevokedKind::Key
        } else {
            RevokedKind::License
        }
    }
}

/// One revoked license or key as the ledger holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevocationRecord {
    /// A license or a key.
    pub kind: RevokedKind,
    /// The license id or the key id.
    pub id: String,
    /// When it was first revoked (RFC 3339).
    pub revoked_at: String,
    /// The vendor's words, if given.
    pub reason: Option<String>,
    /// The serial of the list that first revoked it.
    pub serial: u64,
}

/// One signed revocation list as the ledger holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListRecord {
    /// The list's serial.
    pub serial: u64,
    /// When it was signed (RFC 3339).
    pub issued_at: String,
    /// The signing key's id.
    pub kid: String,
    /// SHA-256 of the list's text, lowercase hex.
    pub sha256: String,
    /// The list exactly as signed; left out of listings.
    #[serde(skip)]
    pub text: String,
}

/// One key certificate as the ledger holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateRecord {
    /// The certified key's id.
    pub kid: String,
    /// The id of the root that signed it.
    pub root_kid: String,
    /// The product.
    pub product: String,
    /// The kinds of document the key may sign, by code.
    pub usage: Vec<String>,
    /// Start of the window (RFC 3339), inclusive.
    pub valid_from: String,
    /// End of the window (RFC 3339), exclusive.
    pub valid_until: String,
    /// When the root signed it (RFC 3339).
    pub issued_at: String,
    /// SHA-256 of the certificate's text, lowercase hex.
    pub sha256: String,
    /// The certificate exactly as signed; left out of listings.
    #[serde(skip)]
    pub text: String,
}

const REVOCATION_COLUMNS: &str = "kind, id, revoked_at, reason, serial";
const LIST_COLUMNS: &str = "serial, issued_at, kid, sha256, text";
const CERTIFICATE_COLUMNS: &str =
    "kid, root_kid, product, usage, valid_from, valid_until, issued_at, sha256, text";

fn revocation(row: &rusqlite::Row<'_>) -> rusqlite::Result<RevocationRecord> {
    Ok(RevocationRecord {
        kind: RevokedKind::from_code(&row.get::<_, String>(0)?),
        id: row.get(1)?,
        revoked_at: row.get(2)?,
        reason: row.get(3)?,
        serial: row.get(4)?,
    })
}

fn list(row: &rusqlite::Row<'_>) -> rusqlite::Result<ListRecord> {
    Ok(ListRecord {
        serial: row.get(0)?,
        issued_at: row.get(1)?,
        kid: row.get(2)?,
        sha256: row.get(3)?,
        text: row.get(4)?,
    })
}

fn certificate(row: &rusqlite::Row<'_>) -> rusqlite::Result<CertificateRecord> {
    let usage: String = row.get(3)?;
    Ok(CertificateRecord {
        kid: row.get(0)?,
        root_kid: row.get(1)?,
        product: row.get(2)?,
        usage: usage.split(',').map(str::to_owned).collect(),
        valid_from: row.get(4)?,
        valid_until: row.get(5)?,
        issued_at: row.get(6)?,
        sha256: row.get(7)?,
        text: row.get(8)?,
    })
}

fn all<T>(
    conn: &rusqlite::Connection,
    sql: &str,
    map: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], map)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Ledger {
    /// Whether the ledger has the tables of certificates and revocations: a ledger from
    /// before them that is only read has none, and so holds none.
    fn has_trust_tables(&self) -> bool {
        self.schema >= SCHEMA
    }

    /// Every key certificate, oldest first.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn certificates(&self) -> Result<Vec<CertificateRecord>> {
        if !self.has_trust_tables() {
            return Ok(Vec::new());
        }
        let sql = format!("SELECT {CERTIFICATE_COLUMNS} FROM certificates ORDER BY id");
        all(&self.conn, &sql, certificate)
    }

    /// Every revoked license and key, in the order they were revoked.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn revocations(&self) -> Result<Vec<RevocationRecord>> {
        if !self.has_trust_tables() {
            return Ok(Vec::new());
        }
        let sql =
            format!("SELECT {REVOCATION_COLUMNS} FROM revocations ORDER BY serial, kind DESC, id");
        all(&self.conn, &sql, revocation)
    }

    /// The revocation of the license `license_id`, if this ledger revoked it.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn license_revocation(&self, license_id: &str) -> Result<Option<RevocationRecord>> {
        if !self.has_trust_tables() {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {REVOCATION_COLUMNS} FROM revocations WHERE kind = 'license' AND id = ?1"
        );
        Ok(self
            .conn
            .query_row(&sql, [license_id], revocation)
            .optional()?)
    }

    /// Every revocation list signed, by serial.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn revocation_lists(&self) -> Result<Vec<ListRecord>> {
        if !self.has_trust_tables() {
            return Ok(Vec::new());
        }
        let sql = format!("SELECT {LIST_COLUMNS} FROM revocation_lists ORDER BY serial");
        all(&self.conn, &sql, list)
    }
}

impl LedgerTx<'_> {
    /// Every revoked license and key so far: what the next, cumulative list holds.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn revocations(&self) -> Result<Vec<RevocationRecord>> {
        let sql =
            format!("SELECT {REVOCATION_COLUMNS} FROM revocations ORDER BY serial, kind DESC, id");
        all(&self.tx, &sql, revocation)
    }

    /// The revocation of the key `kid`, if this ledger revoked it.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn key_revocation(&self, kid: &str) -> Result<Option<RevocationRecord>> {
        let sql =
            format!("SELECT {REVOCATION_COLUMNS} FROM revocations WHERE kind = 'key' AND id = ?1");
        Ok(self.tx.query_row(&sql, [kid], revocation).optional()?)
    }

    /// What withdraws the license `license_id` as this ledger issued it: its own
    /// revocation, else that of the key that signed it.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn issued_revocation(&self, license_id: &str) -> Result<Option<RevocationRecord>> {
        let sql = format!(
            "SELECT {REVOCATION_COLUMNS} FROM revocations
             WHERE (kind = 'license' AND id = ?1)
                OR (kind = 'key' AND id = (SELECT key_id FROM licenses WHERE license_id = ?1))
             ORDER BY kind DESC LIMIT 1"
        );
        Ok(self
            .tx
            .query_row(&sql, [license_id], revocation)
            .optional()?)
    }

    /// The highest serial of a revocation list so far (0 before the first).
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn last_list_serial(&self) -> Result<u64> {
        let sql = "SELECT ifnull(max(serial), 0) FROM revocation_lists";
        Ok(self.tx.query_row(sql, [], |row| row.get(0))?)
    }

    /// Whether this ledger issued the license `license_id`.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn has_license(&self, license_id: &str) -> Result<bool> {
        let sql = "SELECT count(*) FROM licenses WHERE license_id = ?1";
        let found: i64 = self.tx.query_row(sql, [license_id], |row| row.get(0))?;
        Ok(found > 0)
    }

    /// Records a key certificate.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`].
    pub fn insert_certificate(&self, c: &CertificateRecord) -> Result<()> {
        self.tx.execute(
            &format!("INSERT INTO certificates ({CERTIFICATE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
            params![c.kid, c.root_kid, c.product, c.usage.join(","), c.valid_from,
                c.valid_until, c.issued_at, c.sha256, c.text],
        )?;
        Ok(())
    }

    /// Records a signed list and the revocations it is the first to hold.
    ///
    /// # Errors
    /// [`crate::Error::Ledger`], e.g. for a serial or an id recorded already.
    pub fn insert_list(&self, list: &ListRecord, new: &[RevocationRecord]) -> Result<()> {
        self.tx.execute(
            &format!("INSERT INTO revocation_lists ({LIST_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"),
            params![
                list.serial,
                list.issued_at,
                list.kid,
                list.sha256,
                list.text
            ],
        )?;
        let sql =
            format!("INSERT INTO revocations ({REVOCATION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)");
        let mut stmt = self.tx.prepare_cached(&sql)?;
        for r in new {
            stmt.execute(params![
                r.kind.code(),
                r.id,
                r.revoked_at,
                r.reason,
                r.serial
            ])?;
        }
        Ok(())
    }
}
