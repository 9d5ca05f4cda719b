//! Whom a verifier trusts (FORMAT.md §18): signing keys trusted directly, and root keys
//! trusted only to certify issuing keys; and the check of a document's signer against
//! them, shared by every kind of document.

use chrono::{DateTime, Utc};
use ed25519_dalek::VerifyingKey;

use crate::certificate::{embedded, verify_certificate_envelope, VerifiedCertificate};
use crate::{dearmor_as, signed_message_as, verify_signature};
use crate::{Catalog, DocumentKind, Envelope, Error, KeyId, Keyring, Result};

/// The keys a verifier trusts. `keys` sign documents directly; `roots` only sign key
/// certificates, and a document signed by a root itself is refused.
///
/// ```
/// use license_format::{Keyring, Trust};
///
/// let keys = Keyring::from_pem(include_str!("../../keys-example/vendor.pub")).unwrap();
/// let roots = Keyring::from_pem(include_str!("../../keys-example/root-example.pub")).unwrap();
/// let trust = Trust::new(keys, roots);
/// assert_eq!(trust.roots().keys().len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trust {
    keys: Keyring,
    roots: Keyring,
}

impl Trust {
    /// Trust in directly trusted signing keys and in root keys.
    pub fn new(keys: Keyring, roots: Keyring) -> Self {
        Trust { keys, roots }
    }

    /// Trust in directly trusted signing keys only, as before certificates: what
    /// [`crate::verify_license`] uses. A document with a certificate is then refused.
    pub fn direct(keys: Keyring) -> Self {
        Trust::new(keys, Keyring::new())
    }

    /// The keys trusted to sign documents directly.
    pub fn keys(&self) -> &Keyring {
        &self.keys
    }

    /// The keys trusted only to sign key certificates.
    pub fn roots(&self) -> &Keyring {
        &self.roots
    }
}

/// Trust in a keyring's keys directly, with no roots: what every caller that knew only
/// signing keys passed before certificates.
impl From<Keyring> for Trust {
    fn from(keys: Keyring) -> Self {
        Trust::direct(keys)
    }
}

/// The two keyrings of a [`Trust`], borrowed: [`crate::verify_license`] verifies with
/// its caller's keyring and no roots, without copying the keyring.
#[derive(Clone, Copy)]
pub(crate) struct TrustRef<'a> {
    /// Keys trusted to sign documents.
    pub keys: &'a Keyring,
    /// Keys trusted to sign certificates.
    pub roots: &'a Keyring,
}

impl<'a> From<&'a Trust> for TrustRef<'a> {
    fn from(trust: &'a Trust) -> Self {
        TrustRef {
            keys: &trust.keys,
            roots: &trust.roots,
        }
    }
}

/// A document whose signature holds, with the key that made it.
pub(crate) struct Signed {
    /// The signing key's id.
    pub kid: KeyId,
    /// The signed payload bytes.
    pub payload: Vec<u8>,
    /// The certificate through which the signing key is trusted; `None` when it is
    /// trusted directly.
    pub certificate: Option<VerifiedCertificate>,
}

impl Signed {
    /// FORMAT.md §18 step 11: a certified signer's document was issued inside the
    /// certificate's window. Checked on the payload's `issued_at`, so after the payload
    /// is parsed; no clock is read.
    pub fn check_window(&self, issued_at: DateTime<Utc>) -> Result<()> {
        match &self.certificate {
            Some(c) if !c.certificate.covers(issued_at) => Err(Error::CertificateWindow {
                kid: c.kid,
                issued_at,
                valid_from: c.certificate.valid_from,
                valid_until: c.certificate.valid_until,
            }),
            _ => Ok(()),
        }
    }
}

/// FORMAT.md §5.3 steps 1 to 9 for a document of `kind`, with the signer checked as
/// §18 says: the envelope, then the certificate if the envelope carries one (root,
/// signature, payload, key, usage), else the signing key's direct trust, then the
/// document's signature.
pub(crate) fn verify_signed(
    kind: DocumentKind,
    input: &[u8],
    trust: TrustRef<'_>,
    catalog: &Catalog,
) -> Result<Signed> {
    let (envelope, cert) = Envelope::parse_certified(&dearmor_as(kind, input)?, kind)?;
    let (key, certificate) = match cert {
        None => (direct_key(trust, envelope.kid)?, None),
        Some(cert) => {
            let certificate = certified(kind, &envelope, cert, trust, catalog)?;
            (certificate.key, Some(certificate))
        }
    };
    verify_signature(
        &key,
        &signed_message_as(kind, &envelope.payload),
        &envelope.sig,
    )?;
    Ok(Signed {
        kid: envelope.kid,
        payload: envelope.payload,
        certificate,
    })
}

/// A key that signs without a certificate: trusted directly, and never a root.
fn direct_key(trust: TrustRef<'_>, kid: KeyId) -> Result<VerifyingKey> {
    if trust.roots.get(&kid).is_some() {
        return Err(Error::SignedByRoot { kid });
    }
    trust
        .keys
        .get(&kid)
        .copied()
        .ok_or(Error::UnknownKey { kid })
}

/// The certificate carried by `envelope`, verified, and shown to certify the envelope's
/// key for documents of `kind`.
fn certified(
    kind: DocumentKind,
    envelope: &Envelope,
    cert: Envelope,
    trust: TrustRef<'_>,
    catalog: &Catalog,
) -> Result<VerifiedCertificate> {
    let certificate = verify_certificate_envelope(cert, trust.roots, catalog).map_err(embedded)?;
    if certificate.kid != envelope.kid {
        return Err(Error::CertificateOtherKey {
            kid: envelope.kid,
            certified: certificate.kid,
        });
    }
    // A root that certifies itself would sign documents after all.
    if trust.roots.get(&certificate.kid).is_some() {
        return Err(Error::SignedByRoot {
            kid: certificate.kid,
        });
    }
    if !certificate.certificate.permits(kind) {
        return Err(Error::CertificateUsage {
            kid: certificate.kid,
            document: kind,
        });
    }
    Ok(certificate)
}

/// The ids of the keys behind a verified document, for a revocation check: the signing
/// key, and through a certificate the root that certified it.
pub(crate) fn chain_kids(kid: KeyId, certificate: Option<&VerifiedCertificate>) -> Vec<KeyId> {
    let mut kids = vec![kid];
    kids.extend(certificate.map(|c| c.root));
    kids
}
