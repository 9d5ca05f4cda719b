//! What a revocation list (FORMAT.md §17) means for one license: whether the list names
//! the license, or a key its trust rests on, and with what date and reason.

use chrono::{DateTime, Utc};
use license_format::{KeyId, VerifiedRevocationList};
use serde::Serialize;

/// What a revocation list names, that withdraws a license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RevokedBy {
    /// The license's own id.
    License,
    /// A key the license's trust rests on: the key that signed it, or the root that
    /// certified that key.
    Key {
        /// The revoked key's id.
        #[serde(serialize_with = "crate::json_time::key_id")]
        kid: KeyId,
    },
}

/// Why a license no longer works: the entry of the revocation list that withdraws it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Revocation {
    /// What the list names: the license (`"by": "license"`) or a key (`"by": "key"`,
    /// with `kid`).
    #[serde(flatten)]
    pub by: RevokedBy,
    /// When the vendor revoked it, as the list says.
    #[serde(with = "crate::json_time")]
    pub revoked_at: DateTime<Utc>,
    /// The vendor's words; `None` when the list gives no reason.
    pub reason: Option<String>,
    /// The serial of the list that says so.
    pub list_serial: u64,
}

/// The entry of `list` that withdraws the license `license_id` whose trust rests on
/// `kids` (its signing key, then its root): the license's own entry first, since it is
/// the more specific statement.
pub(crate) fn revocation_of(
    list: &VerifiedRevocationList,
    license_id: &str,
    kids: &[KeyId],
) -> Option<Revocation> {
    let serial = list.list.serial;
    if let Some(e) = list.list.revokes_license(license_id) {
        return Some(Revocation {
            by: RevokedBy::License,
            revoked_at: e.revoked_at,
            reason: e.reason.clone(),
            list_serial: serial,
        });
    }
    kids.iter().find_map(|kid| key_revocation(list, kid))
}

/// The entry of `list` that withdraws the key `kid`, as a [`Revocation`].
pub(crate) fn key_revocation(list: &VerifiedRevocationList, kid: &KeyId) -> Option<Revocation> {
    let e = list.list.revokes_key(kid)?;
    Some(Revocation {
        by: RevokedBy::Key { kid: *kid },
        revoked_at: e.revoked_at,
        reason: e.reason.clone(),
        list_serial: list.list.serial,
    })
}
