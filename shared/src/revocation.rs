//! The revocation list (FORMAT.md §17): the vendor's signed, cumulative list of
//! withdrawn license ids and key ids. Whether a list is the newest an installation has
//! seen, and what it then refuses, is the installation's question; this module reads and
//! verifies one list and answers what it revokes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::constants::MAX_SERIAL;
use crate::trust::{chain_kids, verify_signed};
use crate::{json, text, time, Catalog, DocumentKind, Error, KeyId, PayloadProblem, Result};
use crate::{Trust, VerifiedCertificate};

/// One withdrawn license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokedLicense {
    /// The license's `license_id` (FORMAT.md §6).
    pub license_id: String,
    /// When the vendor revoked it; informative (FORMAT.md §17.2).
    #[serde(with = "time::required")]
    pub revoked_at: DateTime<Utc>,
    /// Why, in the vendor's words; `None` for no reason given. Present, as `null` then.
    #[serde(deserialize_with = "json::nullable")]
    pub reason: Option<String>,
}

/// One withdrawn key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokedKey {
    /// The key's id (FORMAT.md §4), 16 lowercase hex digits.
    pub kid: String,
    /// When the vendor revoked it; informative (FORMAT.md §17.2).
    #[serde(with = "time::required")]
    pub revoked_at: DateTime<Utc>,
    /// Why, in the vendor's words; `None` for no reason given. Present, as `null` then.
    #[serde(deserialize_with = "json::nullable")]
    pub reason: Option<String>,
}

/// The signed payload of a revocation list. A value parsed by [`RevocationList::parse`]
/// satisfies every rule of FORMAT.md §17.2: in particular both lists are sorted by id,
/// each id once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevocationList {
    /// The catalog's product id.
    pub product: String,
    /// 1 ..= 2^53-1; a list with a higher serial supersedes one with a lower serial.
    pub serial: u64,
    /// When it was signed.
    #[serde(with = "time::required")]
    pub issued_at: DateTime<Utc>,
    /// The vendor's display name.
    pub issuer: String,
    /// Every license revoked so far, sorted by `license_id`.
    pub licenses: Vec<RevokedLicense>,
    /// Every key revoked so far, sorted by `kid`.
    pub keys: Vec<RevokedKey>,
}

impl RevocationList {
    /// Parses payload bytes strictly and checks every rule against `catalog`.
    ///
    /// # Errors
    /// [`Error::Payload`] for malformed JSON, unknown, missing or duplicated members;
    /// [`Error::WrongProduct`]; [`Error::InvalidPayload`] for a broken rule.
    pub fn parse(bytes: &[u8], catalog: &Catalog) -> Result<Self> {
        let list: RevocationList = json::from_slice(bytes).map_err(Error::Payload)?;
        list.validate(catalog)?;
        Ok(list)
    }

    /// Checks the rules of FORMAT.md §17.2 that the types alone do not hold.
    ///
    /// # Errors
    /// [`Error::WrongProduct`] or [`Error::InvalidPayload`], naming the member.
    pub fn validate(&self, catalog: &Catalog) -> Result<()> {
        if self.product != catalog.product {
            return Err(Error::WrongProduct {
                expected: catalog.product.clone(),
                found: self.product.clone(),
            });
        }
        if !(1..=MAX_SERIAL).contains(&self.serial) {
            return Err(invalid(
                "serial".into(),
                PayloadProblem::OutOfRange {
                    value: self.serial,
                    min: 1,
                    max: MAX_SERIAL,
                },
            ));
        }
        text::check_name(&self.issuer)
            .map_err(|p| invalid("issuer".into(), PayloadProblem::Text(p)))?;
        let mut previous: Option<&str> = None;
        for (i, entry) in self.licenses.iter().enumerate() {
            let field = |m: &str| format!("licenses[{i}].{m}");
            text::check_id(&entry.license_id)
                .map_err(|p| invalid(field("license_id"), PayloadProblem::Text(p)))?;
            check_ascending(&mut previous, &entry.license_id, || field("license_id"))?;
            check_reason(entry.reason.as_deref(), || field("reason"))?;
        }
        let mut previous: Option<&str> = None;
        for (i, entry) in self.keys.iter().enumerate() {
            let field = |m: &str| format!("keys[{i}].{m}");
            entry.kid.parse::<KeyId>().map_err(|_| {
                let value = entry.kid.clone();
                invalid(field("kid"), PayloadProblem::MalformedKeyId { value })
            })?;
            check_ascending(&mut previous, &entry.kid, || field("kid"))?;
            check_reason(entry.reason.as_deref(), || field("reason"))?;
        }
        Ok(())
    }

    /// The entry that revokes the license `license_id`, if this list revokes it.
    pub fn revokes_license(&self, license_id: &str) -> Option<&RevokedLicense> {
        let at = self
            .licenses
            .binary_search_by(|e| e.license_id.as_bytes().cmp(license_id.as_bytes()))
            .ok()?;
        self.licenses.get(at)
    }

    /// The entry that revokes the key `kid`, if this list revokes it.
    pub fn revokes_key(&self, kid: &KeyId) -> Option<&RevokedKey> {
        let kid = kid.to_string();
        let at = self
            .keys
            .binary_search_by(|e| e.kid.as_str().cmp(kid.as_str()))
            .ok()?;
        self.keys.get(at)
    }

    /// Serializes the payload as compact JSON, members in the order of FORMAT.md §17.2,
    /// as writers emit it. The caller sorts the lists.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Strings, integers, arrays of objects and timestamps always serialize.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// Ids are sorted by their bytes, strictly: one list has one spelling, a reader may
/// search it, and an id given twice is an issuing mistake.
fn check_ascending<'a>(
    previous: &mut Option<&'a str>,
    id: &'a str,
    field: impl Fn() -> String,
) -> Result<()> {
    if previous.is_some_and(|p| p.as_bytes() >= id.as_bytes()) {
        let value = id.to_owned();
        return Err(invalid(field(), PayloadProblem::NotAscending { value }));
    }
    *previous = Some(id);
    Ok(())
}

fn check_reason(reason: Option<&str>, field: impl Fn() -> String) -> Result<()> {
    match reason {
        Some(reason) => {
            text::check_name(reason).map_err(|p| invalid(field(), PayloadProblem::Text(p)))
        }
        None => Ok(()),
    }
}

fn invalid(field: String, problem: PayloadProblem) -> Error {
    Error::InvalidPayload { field, problem }
}

/// A revocation list whose signature holds under a trusted signer and whose payload
/// obeys every rule. Whether it is newer than the list an installation holds is the
/// caller's question (FORMAT.md §17.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedRevocationList {
    /// The id of the key that signed it.
    pub kid: KeyId,
    /// The payload, parsed from exactly the signed bytes.
    pub list: RevocationList,
    /// The signed payload bytes, as received.
    pub payload_bytes: Vec<u8>,
    /// The certificate through which `kid` is trusted; `None` when `kid` is trusted
    /// directly.
    pub certificate: Option<VerifiedCertificate>,
}

impl VerifiedRevocationList {
    /// The ids of the keys the list's trust rests on: the signing key and, through a
    /// certificate, its root.
    pub fn kids(&self) -> Vec<KeyId> {
        chain_kids(self.kid, self.certificate.as_ref())
    }
}

/// Verifies a revocation list (armor `REVOCATION LIST`) in the order of FORMAT.md §17.3:
/// its signer trusted directly, or through the certificate it carries, which must permit
/// `revocation-list`; then the payload. No clock is read.
///
/// # Errors
/// As [`crate::verify_license_trusted`], for this kind.
pub fn verify_revocation_list(
    input: &[u8],
    trust: &Trust,
    catalog: &Catalog,
) -> Result<VerifiedRevocationList> {
    let signed = verify_signed(DocumentKind::RevocationList, input, trust.into(), catalog)?;
    let list = RevocationList::parse(&signed.payload, catalog)?;
    signed.check_window(list.issued_at)?;
    Ok(VerifiedRevocationList {
        kid: signed.kid,
        list,
        payload_bytes: signed.payload,
        certificate: signed.certificate,
    })
}
