//! Bytes into the whole license-file path, as an installation receives them: the armor,
//! the envelope, the key lookup, the strict signature check and (for a file that carries
//! a real signature) the payload. The armor and the envelope are also fuzzed on their own,
//! because a forger reaches them without any key.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use license_format::constants::MAX_LICENSE_FILE_BYTES;
use license_format::{armor, dearmor, verify_license, Envelope, Keyring, Payload};

/// The keyring of the vectors: both example public keys (FORMAT.md §11).
fn keyring() -> &'static Keyring {
    static RING: OnceLock<Keyring> = OnceLock::new();
    RING.get_or_init(|| {
        let pem = concat!(
            include_str!("../../keys-example/vendor.pub"),
            include_str!("../../keys-example/vendor-next.pub"),
        );
        Keyring::from_pem(pem).expect("the example public keys load")
    })
}

fuzz_target!(|data: &[u8]| {
    let verified = verify_license(data, keyring(), license_catalog::builtin());
    match dearmor(data) {
        Ok(envelope_bytes) => {
            check_rearmor(&envelope_bytes);
            let envelope = Envelope::parse(&envelope_bytes);
            if let Ok(file) = &verified {
                // Acceptance means: this envelope, this key, these very payload bytes.
                let envelope = envelope.as_ref().expect("a verified file has an envelope");
                assert_eq!(envelope.kid, file.kid);
                assert_eq!(envelope.payload, file.payload_bytes);
                assert!(keyring().get(&file.kid).is_some());
                let reparsed = Payload::parse(&file.payload_bytes, license_catalog::builtin());
                assert_eq!(reparsed.as_ref(), Ok(&file.payload));
                // Re-armoring the same envelope changes nothing that is signed.
                let again = verify_license(
                    armor(&envelope.to_bytes()).as_bytes(),
                    keyring(),
                    license_catalog::builtin(),
                );
                assert_eq!(again.as_ref(), Ok(file));
            }
        }
        Err(_) => assert!(verified.is_err(), "accepted without a readable armor"),
    }
    check_envelope(data);
});

/// The armor round-trips whatever bytes it carried.
fn check_rearmor(envelope_bytes: &[u8]) {
    let text = armor(envelope_bytes);
    if text.len() <= MAX_LICENSE_FILE_BYTES {
        assert_eq!(dearmor(text.as_bytes()).as_deref(), Ok(envelope_bytes));
    }
}

/// The envelope parser straight, without the armor in the way: whatever it accepts, it
/// writes back and reads again to the same value.
fn check_envelope(bytes: &[u8]) {
    if let Ok(envelope) = Envelope::parse(bytes) {
        assert_eq!(Envelope::parse(&envelope.to_bytes()), Ok(envelope));
    }
}
