//! The clock reset, the honest way back from a clock once set ahead: the store writes a
//! request with a fresh nonce and keeps it pending with the mark of that moment; the
//! vendor signs a `clock-reset/v1` document for it at the vendor's own time; importing
//! it sets the mark to that time, once, and only while the mark has not moved since the
//! request (FORMAT.md §15). A reset obtained while the license was valid therefore
//! cannot be kept and replayed after it expired.

use chrono::{DateTime, SubsecRound as _, Utc};
use license_format::constants::NONCE_BYTES;
use license_format::time::parse_rfc3339;
use license_format::{verify_clock_reset_trusted, ClockResetRequest, KeyId};
use rand_core::{OsRng, RngCore};
use rusqlite::Connection;
use serde::Serialize;

use super::events::EventDetail;
use super::{clock, events, meta, LicenseStore};
use crate::{Error, Result};

/// The meta key of the pending request: `NONCE MARK` (MARK `-` when there was none).
const PENDING: &str = "clock_reset_pending";
const WARNED: &str = "clock_warned_at_mark";

/// What importing a clock reset did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ClockResetReport {
    /// This installation's id.
    pub installation_id: String,
    /// The mark before.
    #[serde(with = "crate::json_time::optional")]
    pub mark_before: Option<DateTime<Utc>>,
    /// The mark now: the vendor's signed time.
    #[serde(with = "crate::json_time")]
    pub mark_after: DateTime<Utc>,
    /// Who signed it.
    pub issuer: String,
    /// The signing key's id.
    #[serde(serialize_with = "crate::json_time::key_id")]
    pub kid: KeyId,
}

/// The pending request: its nonce and the mark, exactly as stored then.
struct Pending {
    nonce: String,
    mark: Option<String>,
}

fn pending(conn: &Connection) -> Result<Option<Pending>> {
    Ok(meta::get(conn, PENDING)?.and_then(|text| {
        let (nonce, mark) = text.split_once(' ')?;
        Some(Pending {
            nonce: nonce.to_owned(),
            mark: (mark != "-").then(|| mark.to_owned()),
        })
    }))
}

fn mark_text(conn: &Connection) -> Result<Option<String>> {
    meta::get(conn, "high_water")
}

impl LicenseStore {
    /// Makes a clock-reset request for the vendor and keeps its nonce pending. A new
    /// request replaces one still pending.
    ///
    /// # Errors
    /// [`Error::ClockNotBehind`] when the system clock is not behind the mark: there is
    /// nothing to reset.
    pub fn clock_reset_request(
        &self,
        hostname: &str,
        now: DateTime<Utc>,
    ) -> Result<ClockResetRequest> {
        self.write(now, |tx, ctx| {
            let mark = clock::mark(tx)?;
            if mark.is_none_or(|m| ctx.clock >= m) {
                return Err(Error::ClockNotBehind {
                    clock: ctx.clock,
                    mark,
                });
            }
            let mut bytes = [0u8; NONCE_BYTES];
            OsRng.fill_bytes(&mut bytes);
            let nonce = ClockResetRequest::nonce_from_bytes(&bytes);
            let stored = mark_text(tx)?.unwrap_or_else(|| "-".into());
            meta::set(tx, PENDING, &format!("{nonce} {stored}"))?;
            events::log(
                tx,
                ctx.now,
                &EventDetail::ClockResetRequested {
                    nonce: nonce.clone(),
                    clock: ctx.clock,
                    mark,
                },
            )?;
            Ok(ClockResetRequest::new(
                license_catalog::builtin().product.clone(),
                self.installation_id.clone(),
                nonce,
                mark.map(|m| m.trunc_subsecs(0)),
                ctx.clock.trunc_subsecs(0),
                hostname.to_owned(),
            ))
        })
    }

    /// Imports a clock-reset file from the vendor: verified, for this installation,
    /// answering the pending request, with the mark unchanged since; then the mark is
    /// set to the vendor's signed time and the request is used up.
    ///
    /// # Errors
    /// [`Error::Format`] (malformed, forged, unknown key, other kind or product),
    /// [`Error::ClockResetWrongInstallation`], [`Error::ClockResetNotPending`],
    /// [`Error::ClockResetOtherRequest`], [`Error::ClockResetStale`],
    /// [`Error::SignerRevoked`]. A refusal changes nothing but the events log.
    pub fn import_clock_reset(&self, bytes: &[u8], now: DateTime<Utc>) -> Result<ClockResetReport> {
        let result = verify_clock_reset_trusted(bytes, &self.trust, license_catalog::builtin())
            .map_err(Error::from)
            .and_then(|verified| {
                self.write(now, |tx, ctx| {
                    self.check_signer(ctx, "clock-reset", &verified.kids())?;
                    let r = &verified.reset;
                    if r.installation_id != self.installation_id {
                        return Err(Error::ClockResetWrongInstallation {
                            expected: self.installation_id.clone(),
                            found: r.installation_id.clone(),
                        });
                    }
                    let pending = pending(tx)?.ok_or(Error::ClockResetNotPending)?;
                    if pending.nonce != r.nonce {
                        return Err(Error::ClockResetOtherRequest {
                            nonce: r.nonce.clone(),
                        });
                    }
                    let stored = mark_text(tx)?;
                    let requested = pending.mark.as_deref().and_then(|m| parse_rfc3339(m).ok());
                    let unmoved = stored == pending.mark
                        && r.request_mark == requested.map(|m| m.trunc_subsecs(0));
                    if !unmoved {
                        return Err(Error::ClockResetStale {
                            requested,
                            now: ctx.mark,
                        });
                    }
                    clock::set_mark(tx, r.issued_at)?;
                    meta::delete(tx, PENDING)?;
                    meta::delete(tx, WARNED)?;
                    events::log(
                        tx,
                        r.issued_at,
                        &EventDetail::ClockReset {
                            issuer: r.issuer.clone(),
                            kid: verified.kid.to_string(),
                            nonce: r.nonce.clone(),
                            mark_before: requested,
                            mark_after: r.issued_at,
                        },
                    )?;
                    Ok(ClockResetReport {
                        installation_id: self.installation_id.clone(),
                        mark_before: requested,
                        mark_after: r.issued_at,
                        issuer: r.issuer.clone(),
                        kid: verified.kid,
                    })
                })
            });
        if let Err(e) = &result {
            if !matches!(e, Error::Sqlite(_) | Error::CannotWrite { .. }) {
                let (error, details) = EventDetail::refusal(e);
                self.log_alone(now, &EventDetail::ClockResetRefused { error, details });
            }
        }
        result
    }
}
