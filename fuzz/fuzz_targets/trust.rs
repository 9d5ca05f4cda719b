//! Bytes into the chain of trust (FORMAT.md §16-§18), as an installation receives them:
//! a key certificate given alone, a revocation list, and a license file or clock reset
//! that may carry a certificate, all under the trust of the vectors (both example
//! vendor keys directly, `root-example` as the one root). Beyond "no panic": whatever is
//! accepted rests on a trusted root for its certificate, names the certified key as its
//! signer, was issued inside the certificate's window, and reads back to itself.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use license_format::{
    verify_certificate, verify_clock_reset_trusted, verify_license_trusted,
    verify_revocation_list, Keyring, RevocationList, Trust, VerifiedCertificate,
};

/// The trust of the vectors (FORMAT.md §11).
fn trust() -> &'static Trust {
    static TRUST: OnceLock<Trust> = OnceLock::new();
    TRUST.get_or_init(|| {
        let keys = concat!(
            include_str!("../../keys-example/vendor.pub"),
            include_str!("../../keys-example/vendor-next.pub"),
        );
        let root = include_str!("../../keys-example/root-example.pub");
        Trust::new(
            Keyring::from_pem(keys).expect("the example public keys load"),
            Keyring::from_pem(root).expect("the example root loads"),
        )
    })
}

/// A certificate that was accepted: by a trusted root, for a key that is no root.
fn check_certificate(c: &VerifiedCertificate) {
    assert!(trust().roots().get(&c.root).is_some(), "certified by no root");
    assert!(trust().roots().get(&c.kid).is_none(), "a root certified as an issuing key");
}

fuzz_target!(|data: &[u8]| {
    let catalog = license_catalog::builtin();
    if let Ok(c) = verify_certificate(data, trust(), catalog) {
        assert!(trust().roots().get(&c.root).is_some(), "certified by no root");
    }
    if let Ok(list) = verify_revocation_list(data, trust(), catalog) {
        if let Some(c) = &list.certificate {
            check_certificate(c);
            assert_eq!(c.kid, list.kid);
            assert!(c.certificate.covers(list.list.issued_at));
        } else {
            assert!(trust().keys().get(&list.kid).is_some());
        }
        // What the list says, written again, reads to the same list.
        let again = RevocationList::parse(&list.list.to_bytes(), catalog);
        assert_eq!(again.as_ref(), Ok(&list.list));
    }
    if let Ok(file) = verify_license_trusted(data, trust(), catalog) {
        match &file.certificate {
            Some(c) => {
                check_certificate(c);
                assert_eq!(c.kid, file.kid);
                assert!(c.certificate.covers(file.payload.issued_at));
            }
            None => assert!(trust().keys().get(&file.kid).is_some()),
        }
    }
    if let Ok(reset) = verify_clock_reset_trusted(data, trust(), catalog) {
        if let Some(c) = &reset.certificate {
            check_certificate(c);
            assert_eq!(c.kid, reset.kid);
            assert!(c.certificate.covers(reset.reset.issued_at));
        }
    }
});
