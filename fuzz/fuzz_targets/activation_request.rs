//! Bytes into the activation request parser (FORMAT.md §8), which the vendor's issuer
//! runs on a file written by a customer's installation: untrusted by construction.
#![no_main]

use chrono::SubsecRound;
use libfuzzer_sys::fuzz_target;
use license_format::constants::MAX_REQUEST_BYTES;
use license_format::ActivationRequest;

fuzz_target!(|data: &[u8]| {
    if let Ok(request) = ActivationRequest::parse(data) {
        assert!(!request.installation_id.trim().is_empty());
        // What the installation writes, the issuer reads back: the same request, the time
        // at the whole seconds writers keep.
        let text = request.to_json();
        if text.len() <= MAX_REQUEST_BYTES {
            let again =
                ActivationRequest::parse(text.as_bytes()).expect("a written request reads back");
            assert_eq!(again.created_at, request.created_at.trunc_subsecs(0));
            assert_eq!(
                (
                    &again.format,
                    &again.product,
                    &again.installation_id,
                    &again.hostname
                ),
                (
                    &request.format,
                    &request.product,
                    &request.installation_id,
                    &request.hostname
                ),
            );
        }
    }
});
