//! Stateless verification of one license file and its states at an instant.

use chrono::{DateTime, Utc};
use license_format::{verify_license, verify_license_trusted, Catalog, KeyId, Keyring, Payload};
use license_format::{Trust, VerifiedCertificate, VerifiedFile, VerifiedRevocationList};
use sha2::{Digest, Sha256};

use crate::revocation::revocation_of;
use crate::{Error, Result, Revocation, State};

/// A license file whose signature holds under a trusted key and whose payload obeys every
/// rule of the format and the catalog. Whether it is in its term is asked with
/// [`VerifiedLicense::state_at`]; a license that a revocation list the installation
/// holds withdraws is [`State::Revoked`] at every instant.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedLicense {
    file: VerifiedFile,
    revocation: Option<Revocation>,
}

/// Verifies a license file: size, armor, envelope, key id, the Ed25519 signature over the
/// exact bytes received, then the payload against the built-in catalog (FORMAT.md §5).
/// No clock is read and nothing is stored.
///
/// # Errors
/// [`Error::Format`] with the first problem met, in that order.
///
/// # Example
/// ```
/// let keyring = license_verifier::Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
/// let err = license_verifier::verify(b"not a license", &keyring).unwrap_err();
/// assert!(err.to_string().starts_with("armor:"));
/// ```
pub fn verify(bytes: &[u8], keyring: &Keyring) -> Result<VerifiedLicense> {
    Ok(VerifiedLicense::of(verify_license(
        bytes,
        keyring,
        license_catalog::builtin(),
    )?))
}

/// Verifies a license file as [`verify`] does, its signer trusted directly or through
/// the key certificate the file carries, under the root keys of `trust` (FORMAT.md §18).
///
/// # Errors
/// As [`verify`], and the refusals of the chain of trust (`certificate-*`,
/// `signed-by-root`), each naming the link that failed.
pub fn verify_trusted(bytes: &[u8], trust: &Trust) -> Result<VerifiedLicense> {
    Ok(VerifiedLicense::of(verify_license_trusted(
        bytes,
        trust,
        license_catalog::builtin(),
    )?))
}

impl VerifiedLicense {
    fn of(file: VerifiedFile) -> Self {
        VerifiedLicense {
            file,
            revocation: None,
        }
    }

    /// The license as judged under a revocation list: revoked when the list names its
    /// id or a key its trust rests on (FORMAT.md §17.4).
    pub fn judged_by(mut self, list: Option<&VerifiedRevocationList>) -> Self {
        self.revocation = list.and_then(|l| revocation_of(l, self.license_id(), &self.file.kids()));
        self
    }

    /// Why the license is withdrawn, when a revocation list it was judged by says so.
    pub fn revocation(&self) -> Option<&Revocation> {
        self.revocation.as_ref()
    }

    /// The certificate through which the signing key is trusted; `None` when the key is
    /// trusted directly.
    pub fn certificate(&self) -> Option<&VerifiedCertificate> {
        self.file.certificate.as_ref()
    }

    /// The verified claims.
    pub fn payload(&self) -> &Payload {
        &self.file.payload
    }

    /// The id of the key that signed the file.
    pub fn kid(&self) -> KeyId {
        self.file.kid
    }

    /// SHA-256 of the signed payload bytes, in hex: two files are the same license
    /// exactly when their digests are equal.
    /// Computed on demand: only imports need it, and `verify` stays close to the cost of
    /// the signature check alone.
    pub fn digest(&self) -> String {
        hex(&Sha256::digest(&self.file.payload_bytes))
    }

    /// The license's id.
    pub fn license_id(&self) -> &str {
        &self.file.payload.license_id
    }

    /// The license's serial.
    pub fn serial(&self) -> u64 {
        self.file.payload.serial
    }

    /// The state of the whole license at `now`: revoked whatever its dates, when a
    /// revocation list withdrew it.
    pub fn state_at(&self, now: DateTime<Utc>) -> State {
        if let Some(r) = &self.revocation {
            return State::Revoked { at: r.revoked_at };
        }
        let p = &self.file.payload;
        State::of_term(p.valid_from, p.valid_until, p.grace_days, now)
    }

    /// The state at `now` of the grant with this code (system license or user plan), or
    /// `None` when the license does not grant it. A grant never outlives its license.
    pub fn grant_state_at(&self, code: &str, now: DateTime<Utc>) -> Option<State> {
        let p = &self.file.payload;
        let until = p
            .system_licenses
            .iter()
            .find(|g| g.code == code)
            .map(|g| g.valid_until)
            .or_else(|| {
                p.user_plans
                    .iter()
                    .find(|g| g.code == code)
                    .map(|g| g.valid_until)
            })?;
        if let Some(r) = &self.revocation {
            return Some(State::Revoked { at: r.revoked_at });
        }
        Some(State::of_term(
            p.valid_from,
            p.grant_end(until),
            p.grace_days,
            now,
        ))
    }

    /// The end of the grant with this code (its own or the license's), if granted.
    pub fn grant_until(&self, code: &str) -> Option<Option<DateTime<Utc>>> {
        let p = &self.file.payload;
        let own = p
            .system_licenses
            .iter()
            .find(|g| g.code == code)
            .map(|g| g.valid_until);
        let own = own.or_else(|| {
            p.user_plans
                .iter()
                .find(|g| g.code == code)
                .map(|g| g.valid_until)
        })?;
        Some(p.grant_end(own))
    }

    /// The seats licensed for a plan; `None` when the plan is not granted.
    pub fn seats(&self, plan: &str) -> Option<u32> {
        self.file
            .payload
            .user_plans
            .iter()
            .find(|g| g.code == plan)
            .map(|g| g.seats)
    }

    /// Whether the module is granted (in any state).
    pub fn grants(&self, code: &str) -> bool {
        self.grant_until(code).is_some()
    }

    /// Checks the binding: an unbound license fits every installation.
    ///
    /// # Errors
    /// [`Error::WrongInstallation`].
    pub fn check_installation(&self, installation_id: &str) -> Result<()> {
        match &self.file.payload.installation_id {
            Some(bound) if bound != installation_id => Err(Error::WrongInstallation {
                license_id: self.license_id().to_owned(),
                expected: installation_id.to_owned(),
                found: bound.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// Refuses a license that does not work at `now`.
    ///
    /// # Errors
    /// [`Error::Revoked`], [`Error::Expired`] or [`Error::NotYetValid`].
    pub fn check_usable_at(&self, now: DateTime<Utc>) -> Result<State> {
        let id = self.license_id().to_owned();
        if let Some(revocation) = &self.revocation {
            return Err(Error::Revoked {
                license_id: id,
                revocation: revocation.clone(),
            });
        }
        match self.state_at(now) {
            State::Expired { since } => Err(Error::Expired {
                license_id: id,
                until: since,
            }),
            State::NotYetValid { from } => Err(Error::NotYetValid {
                license_id: id,
                from,
            }),
            usable => Ok(usable),
        }
    }

    /// The catalog the license was checked against.
    pub fn catalog(&self) -> &'static Catalog {
        license_catalog::builtin()
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
