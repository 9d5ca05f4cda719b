//! SuperOffice CRM's catalog (FORMAT.md §10): which licenses exist, what each enables,
//! in English and Dutch. The format crate knows no product; the verifier, the issuer
//! and the console are given this catalog, and another product supplies its own
//! `catalog.json` the same way.

use std::sync::OnceLock;

use license_format::Catalog;

/// The catalog's JSON, as FORMAT.md §10 describes it.
pub const CATALOG_JSON: &str = include_str!("../catalog.json");

/// The catalog, parsed once.
pub fn builtin() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        // The data is compiled in and checked by this crate's tests, so a parse failure
        // here can only be a broken build.
        #[allow(clippy::expect_used)]
        Catalog::from_json(CATALOG_JSON).expect("catalog/catalog.json is a catalog")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_format::{Lang, LicenseKind};

    #[test]
    fn the_catalog_is_complete_and_consistent() {
        let c = builtin();
        assert_eq!(c.product, "superoffice-crm");
        assert_eq!(c.system_licenses.len(), 9);
        assert_eq!(c.user_plans.len(), 7);
        assert!(c.user_plans.iter().all(|e| e.kind == LicenseKind::UserPlan));
        assert!(c
            .system_licenses
            .iter()
            .all(|e| e.kind == LicenseKind::System));
        for cap in &c.capabilities {
            for code in &cap.requires_system {
                assert_eq!(
                    c.entry(code).map(|e| e.kind),
                    Some(LicenseKind::System),
                    "{code}"
                );
            }
            for code in &cap.requires_plan_any_of {
                assert_eq!(
                    c.entry(code).map(|e| e.kind),
                    Some(LicenseKind::UserPlan),
                    "{code}"
                );
            }
        }
        for e in c.entries() {
            assert!(
                !e.name.nl.is_empty() && !e.description.nl.is_empty(),
                "{}",
                e.code
            );
            for cap in &e.enables {
                assert!(
                    c.capability(cap).is_some(),
                    "{} enables unknown {cap}",
                    e.code
                );
            }
        }
        assert_eq!(c.exclusive_plans.len(), 6);
        assert_eq!(
            c.entry("quote-management").map(|e| e.name.get(Lang::Nl)),
            Some("Verkoopoffertebeheer")
        );
    }
}
