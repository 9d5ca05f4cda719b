//! Clock resets: the vendor's signed answer to an installation's clock-reset request
//! (FORMAT.md §14, §15). The new mark is the vendor's time, which the caller passes in.

use std::path::Path;

use chrono::{DateTime, SubsecRound as _, Utc};
use license_format::constants::MAX_REQUEST_BYTES;
use license_format::{dearmor_as, Envelope};
use license_format::{ClockReset, ClockResetRequest, DocumentKind, KeyId};

use crate::input::read_named;
use crate::ledger::{Ledger, ResetRecord};
use crate::mail::find_request;
use crate::output::PendingFile;
use crate::{Error, Issuer, RequestProblem, Result, SelfCheckProblem};

/// A signed, self-checked clock-reset document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedReset {
    /// The payload as signed.
    pub reset: ClockReset,
    /// The signing key's id.
    pub kid: KeyId,
    /// The armored document.
    pub text: String,
    /// Whether this is the document issued earlier for the same nonce, sent again.
    pub resent: bool,
}

/// Reads a clock-reset request (`-`: standard input) and checks that it is for the
/// catalog's product.
///
/// # Errors
/// [`Error::Io`], [`Error::TooLarge`], or [`Error::Request`] naming the file, what it is
/// when it is not a clock-reset request, and the fix.
pub fn read_clock_reset_request(path: &Path) -> Result<ClockResetRequest> {
    let (name, bytes) = read_named(path, "clock-reset request", MAX_REQUEST_BYTES)?;
    let refused = |problem| Error::Request {
        source_name: name.clone(),
        problem,
    };
    // Found in e-mail text as activation requests are (FORMAT.md §8, §15). Without one
    // object to find, the input itself is judged, so that a license file or another
    // document is named as what it is.
    let json = find_request(&bytes).unwrap_or(bytes);
    let request = ClockResetRequest::parse(&json)
        .map_err(|cause| refused(RequestProblem::NotAClockResetRequest { cause }))?;
    check_product(&request, &name)?;
    Ok(request)
}

fn check_product(request: &ClockResetRequest, source_name: &str) -> Result<()> {
    let product = &license_catalog::builtin().product;
    if &request.product == product {
        return Ok(());
    }
    Err(Error::Request {
        source_name: source_name.to_owned(),
        problem: RequestProblem::OtherProduct {
            product: request.product.clone(),
            expected_product: product.clone(),
        },
    })
}

impl Issuer {
    /// Answers a clock-reset request: signs a [`ClockReset`] whose `issued_at` (the
    /// installation's new mark) is `now`, checks it, records it and writes `out` (if
    /// given) before the record commits. A nonce is answered once: asking again returns
    /// the document recorded for it (`resent`), so that a lost file can be sent again
    /// without a second reset.
    ///
    /// # Errors
    /// [`Error::Request`] for a request of another product, or a nonce answered for
    /// another request; [`Error::SelfCheck`]; [`Error::Ledger`]; [`Error::Io`]. On any
    /// error nothing is recorded and `out` is not written.
    pub fn clock_reset(
        &self,
        ledger: &mut Ledger,
        request: &ClockResetRequest,
        now: DateTime<Utc>,
        out: Option<&Path>,
    ) -> Result<IssuedReset> {
        check_product(request, "clock-reset request")?;
        let tx = ledger.begin()?;
        let issued = match tx.clock_reset(&request.nonce)? {
            Some(record) => resend(&record, request)?,
            None => {
                self.check_signing(&tx, DocumentKind::ClockReset, now)?;
                let issued = self.sign_clock_reset(self.reset_for(request, now))?;
                tx.insert_clock_reset(&issued)?;
                issued
            }
        };
        let pending = out
            .map(|path| PendingFile::create(path, issued.text.as_bytes()))
            .transpose()?;
        tx.commit()?;
        if let Some(pending) = pending {
            // The record stands: asking again with the same request writes the file, so
            // the file is put in place after the commit and stays.
            let _kept = pending.persist(true)?;
        }
        Ok(issued)
    }

    /// The payload answering `request` at `now`.
    pub fn reset_for(&self, request: &ClockResetRequest, now: DateTime<Utc>) -> ClockReset {
        ClockReset {
            product: license_catalog::builtin().product.clone(),
            installation_id: request.installation_id.clone(),
            nonce: request.nonce.clone(),
            request_mark: request.mark.map(|t| t.trunc_subsecs(0)),
            request_clock: request.clock.trunc_subsecs(0),
            issued_at: now.trunc_subsecs(0),
            issuer: self.name().to_owned(),
        }
    }

    /// Signs a clock reset (with the certificate, if the issuer has one) and checks the
    /// result before anyone records or sends it: two signatures must agree (a faulty one
    /// can reveal the key), and the document's signature must hold under this key and
    /// its payload read back as `reset`.
    ///
    /// # Errors
    /// [`Error::Format`] for a payload that breaks a rule, [`Error::SelfCheck`].
    pub fn sign_clock_reset(&self, reset: ClockReset) -> Result<IssuedReset> {
        reset.validate(license_catalog::builtin())?;
        let bytes = reset.to_bytes();
        let text = self.sign_kind(DocumentKind::ClockReset, &bytes)?;
        self.read_back(DocumentKind::ClockReset, &text, &bytes)?;
        if ClockReset::parse(&bytes, license_catalog::builtin()).map_err(format_check)? != reset {
            return Err(self_check(SelfCheckProblem::NotAsSigned));
        }
        Ok(IssuedReset {
            reset,
            kid: self.key_id(),
            text,
            resent: false,
        })
    }
}

/// The recorded answer to the same nonce, if it was for this very request.
fn resend(record: &ResetRecord, request: &ClockResetRequest) -> Result<IssuedReset> {
    let kind = DocumentKind::ClockReset;
    // Our own ledger's record, signed perhaps under a key rotated out since: read, not
    // verified.
    let envelope = dearmor_as(kind, record.text.as_bytes())
        .and_then(|e| Envelope::parse_as(&e, kind))
        .map_err(format_check)?;
    let reset =
        ClockReset::parse(&envelope.payload, license_catalog::builtin()).map_err(format_check)?;
    let same = reset.installation_id == request.installation_id
        && reset.request_mark == request.mark.map(|t| t.trunc_subsecs(0))
        && reset.request_clock == request.clock.trunc_subsecs(0);
    if !same {
        return Err(Error::Request {
            source_name: "clock-reset request".into(),
            problem: RequestProblem::NonceUsed {
                nonce: request.nonce.clone(),
                installation_id: reset.installation_id,
            },
        });
    }
    Ok(IssuedReset {
        reset,
        kid: envelope.kid,
        text: record.text.clone(),
        resent: true,
    })
}

fn self_check(problem: SelfCheckProblem) -> Error {
    Error::SelfCheck(problem)
}

fn format_check(e: license_format::Error) -> Error {
    Error::SelfCheck(SelfCheckProblem::Format(e))
}

#[cfg(test)]
#[path = "reset_tests.rs"]
mod tests;
