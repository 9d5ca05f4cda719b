//! Bytes into the issuer's order parser (`license_issuer::Order::parse`): orders come from
//! sales systems and people's editors, so every byte of them is untrusted.
#![no_main]

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let now = DateTime::<Utc>::UNIX_EPOCH;
    if let Ok(order) = license_issuer::Order::parse(data, "order.json", now) {
        // An accepted order only names codes of the catalog, under the right kind.
        let catalog = license_catalog::builtin();
        for grant in &order.system_licenses {
            assert!(catalog.entry(&grant.code).is_some(), "{}", grant.code);
        }
        for plan in &order.user_plans {
            assert!(
                catalog.entry(&plan.code).is_some() && plan.seats >= 1,
                "{}",
                plan.code
            );
        }
    }
});
