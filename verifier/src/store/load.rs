//! Loading the active license: every operation re-verifies its stored text and checks
//! the row against what only the administrator could have changed.

use license_format::VerifiedRevocationList;
use rusqlite::Connection;

use super::LicenseStore;
use crate::{verify_trusted, Damage, Error, Result, VerifiedLicense};

/// The active row as stored.
struct ActiveRow {
    id: i64,
    license_id: String,
    serial: i64,
    text: Vec<u8>,
}

/// A copy of a load error, for each question asked of the same context.
pub(crate) fn duplicate(e: &Error) -> Error {
    match e {
        Error::UntrustedStoredLicense { license_id, kid } => Error::UntrustedStoredLicense {
            license_id: license_id.clone(),
            kid: *kid,
        },
        Error::UntrustedStoredList { serial, kid } => Error::UntrustedStoredList {
            serial: *serial,
            kid: kid.clone(),
        },
        other => Error::DamagedStore(match other {
            Error::DamagedStore(damage) => damage.clone(),
            _ => Damage::Earlier {
                detail: other.to_string(),
            },
        }),
    }
}

fn damaged(damage: Damage) -> Error {
    Error::DamagedStore(damage)
}

/// The active row, refusing a table where several rows claim to be active or where the
/// active one is not the latest imported: an import always adds the new license as the
/// newest row, so only an edit makes an older row active again.
fn active_row(conn: &Connection) -> Result<Option<ActiveRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, license_id, serial, text, (SELECT max(id) FROM licenses)
         FROM licenses WHERE active = 1 LIMIT 2",
    )?;
    let mut rows = stmt.query([])?;
    let Some(row) = rows.next()? else {
        // Every import leaves one license active; history without one was edited.
        let imported: i64 = conn.query_row("SELECT count(*) FROM licenses", [], |r| r.get(0))?;
        if imported > 0 {
            return Err(damaged(Damage::NoActiveLicense { imported }));
        }
        return Ok(None);
    };
    let active = ActiveRow {
        id: row.get(0)?,
        license_id: row.get(1)?,
        serial: row.get(2)?,
        text: row.get(3)?,
    };
    let latest: i64 = row.get(4)?;
    if rows.next()?.is_some() {
        return Err(damaged(Damage::ManyActive));
    }
    if active.id != latest {
        return Err(damaged(Damage::ActiveNotLatest {
            license_id: active.license_id,
        }));
    }
    Ok(Some(active))
}

/// What identifies the licenses table's rows without reading their texts: when it is
/// unchanged since the history was last checked, the check holds still. Any edit that
/// makes another license active changes the active row's id, flag, license id or serial
/// (the stored text must match the last two), so it changes this.
fn history_stamp(conn: &Connection) -> Result<String> {
    Ok(conn.prepare_cached(
        "SELECT group_concat(id || ':' || active || ':' || license_id || ':' || serial || ':' || length(text), ',')
         FROM (SELECT * FROM licenses ORDER BY id)",
    )?.query_row(
        [],
        |r| r.get::<_, Option<String>>(0),
    )?
    .unwrap_or_default())
}

/// The active license must be the newest of the history, as every import leaves it: the
/// highest serial of its sequence, and issued no earlier than any file of another
/// sequence. Only an edit of the table (renumbered rows, a moved flag) breaks this.
fn check_newest(conn: &Connection, active: &VerifiedLicense) -> Result<()> {
    let a = active.payload();
    for f in super::import::history(conn)? {
        let same = f.customer == a.customer.id && f.installation_id == a.installation_id;
        let newer = if same {
            f.serial > a.serial
        } else {
            f.issued_at > a.issued_at
        };
        if newer {
            return Err(damaged(Damage::ActiveOlder {
                license_id: a.license_id.clone(),
                newer: f.license_id,
            }));
        }
    }
    Ok(())
}

impl LicenseStore {
    /// Loads and re-verifies the active license, judged by the revocation list `list`.
    pub(crate) fn load_active(
        &self,
        conn: &Connection,
        list: Option<&VerifiedRevocationList>,
    ) -> Result<Option<VerifiedLicense>> {
        let license = self.load_verified(conn)?.map(|l| l.judged_by(list));
        if let Some(l) = &license {
            let stamp = history_stamp(conn)?;
            if self.history_checked.borrow().as_deref() != Some(stamp.as_str()) {
                check_newest(conn, l)?;
                *self.history_checked.borrow_mut() = Some(stamp);
            }
        }
        Ok(license)
    }

    fn load_verified(&self, conn: &Connection) -> Result<Option<VerifiedLicense>> {
        let Some(row) = active_row(conn)? else {
            return Ok(None);
        };
        let id = &row.license_id;
        // A key (or a certificate's root) the build does not trust: the trust changed,
        // not the store.
        let license = verify_trusted(&row.text, &self.trust).map_err(|e| match e {
            Error::Format(
                license_format::Error::UnknownKey { kid }
                | license_format::Error::CertificateNotByRoot { kid },
            ) => Error::UntrustedStoredLicense {
                license_id: id.clone(),
                kid,
            },
            other => damaged(Damage::ActiveUnverified {
                license_id: id.clone(),
                error: other.code().to_owned(),
            }),
        })?;
        if license.license_id() != id || i64::try_from(license.serial()).ok() != Some(row.serial) {
            return Err(damaged(Damage::ActiveMismatch {
                license_id: id.clone(),
            }));
        }
        license
            .check_installation(&self.installation_id)
            .map_err(|_| {
                damaged(Damage::ActiveOtherInstallation {
                    license_id: id.clone(),
                })
            })?;
        Ok(Some(license))
    }
}
