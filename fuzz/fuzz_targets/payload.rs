//! Bytes into the payload parser and every rule of FORMAT.md §6, without a signature in
//! the way: a payload is only ever parsed after its signature holds, but the vendor's own
//! bugs or a stolen key would reach this code with anything.
#![no_main]

use libfuzzer_sys::fuzz_target;
use license_format::Payload;

fuzz_target!(|data: &[u8]| {
    let catalog = license_catalog::builtin();
    if let Ok(payload) = Payload::parse(data, catalog) {
        assert_eq!(payload.validate(catalog), Ok(()));
        for grant in &payload.system_licenses {
            let end = payload.grant_end(grant.valid_until);
            assert!(end.is_none() || end > Some(payload.valid_from));
        }
        for plan in &payload.user_plans {
            assert!(plan.seats >= 1);
            let end = payload.grant_end(plan.valid_until);
            assert!(end.is_none() || end > Some(payload.valid_from));
        }
        // Writers keep whole seconds only, so the written form may read back differently
        // (or, for sub-second terms, not at all); it must never panic.
        let written = payload.to_bytes();
        assert!(std::str::from_utf8(&written).is_ok());
        let _ = Payload::parse(&written, catalog);
    }
});
