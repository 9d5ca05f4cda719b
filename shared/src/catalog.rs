//! The product catalog: which licenses exist, what each enables, in English and Dutch
//! (FORMAT.md §10). The data is `shared/catalog.json`, compiled in and read once.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const CATALOG_JSON: &str = include_str!("../catalog.json");

/// A language for names and descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// The language of a tag as people and locales write it, case-insensitively: `nl`,
    /// `NL`, `nl-NL`, `nl_BE.UTF-8` are Dutch; `en`, `en-US`, `C` and `POSIX` English.
    /// `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Lang::from_tag(s).ok_or_else(|| format!("unknown language {s:?}: use en or nl"))
    }
}

/// A text in every catalog language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// Dutch.
    pub nl: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }
}

/// Whether a license is a module of the installation or a seat-counted user plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LicenseKind {
    /// A module the installation may use (`system_licenses`).
    System,
    /// A seat-counted subscription (`user_plans`).
    UserPlan,
}

impl fmt::Display for LicenseKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LicenseKind::System => "system license",
            LicenseKind::UserPlan => "user plan",
        })
    }
}

/// One license of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    /// The code used in license files, e.g. `sales-premium`.
    pub code: String,
    /// System license or user plan; set from the list the entry is in.
    #[serde(skip_deserializing, default = "system_kind")]
    pub kind: LicenseKind,
    /// A legacy (Windows) license.
    pub legacy: bool,
    /// The capabilities this license takes part in.
    pub enables: Vec<String>,
    /// Display name.
    pub name: Text,
    /// What the license is for.
    pub description: Text,
}

fn system_kind() -> LicenseKind {
    LicenseKind::System
}

/// Something the product asks about: what it requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    /// The capability's code, e.g. `web-client`.
    pub code: String,
    /// Asked about one user: needs login rights and a seat of one of `requires_plan_any_of`.
    pub per_user: bool,
    /// System licenses that must all be active.
    pub requires_system: Vec<String>,
    /// Plans of which the user must hold a seat of one (empty: no seat needed).
    pub requires_plan_any_of: Vec<String>,
}

/// The catalog of one product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The product id that license files must name.
    pub product: String,
    /// The product's display name.
    pub product_name: Text,
    /// The system licenses, in display order.
    pub system_licenses: Vec<CatalogEntry>,
    /// The user plans, in display order.
    pub user_plans: Vec<CatalogEntry>,
    /// Plans of which a user holds at most one at a time.
    pub exclusive_plans: Vec<String>,
    /// What the product asks about.
    pub capabilities: Vec<Capability>,
}

impl Catalog {
    /// The catalog compiled into this crate, parsed once.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            // The data is compiled in and checked by this module's tests, so a parse
            // failure here can only be a broken build.
            #[allow(clippy::expect_used)]
            let mut catalog: Catalog =
                serde_json::from_str(CATALOG_JSON).expect("shared/catalog.json is valid");
            catalog
                .user_plans
                .iter_mut()
                .for_each(|e| e.kind = LicenseKind::UserPlan);
            catalog
        })
    }

    /// Every license, system licenses first, in display order.
    pub fn entries(&self) -> impl Iterator<Item = &CatalogEntry> {
        self.system_licenses.iter().chain(&self.user_plans)
    }

    /// The license with this code.
    pub fn entry(&self, code: &str) -> Option<&CatalogEntry> {
        self.entries().find(|e| e.code == code)
    }

    /// The capability with this code.
    pub fn capability(&self, code: &str) -> Option<&Capability> {
        self.capabilities.iter().find(|c| c.code == code)
    }

    /// Whether a user may hold this plan only instead of the other exclusive plans.
    pub fn is_exclusive_plan(&self, code: &str) -> bool {
        self.exclusive_plans.iter().any(|c| c == code)
    }

    /// The code of this kind nearest to `wrong`, for a "did you mean" hint.
    pub fn suggest(&self, wrong: &str, kind: LicenseKind) -> Option<&str> {
        self.entries()
            .filter(|e| e.kind == kind)
            .map(|e| (strsim::levenshtein(wrong, &e.code), e.code.as_str()))
            .filter(|(d, code)| *d <= code.len().max(wrong.len()) / 2)
            .min_by_key(|(d, _)| *d)
            .map(|(_, code)| code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_is_complete_and_consistent() {
        let c = Catalog::builtin();
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
            c.entry("quote-management").unwrap().name.get(Lang::Nl),
            "Verkoopoffertebeheer"
        );
    }

    #[test]
    fn suggests_nearest_code_of_the_same_kind() {
        let c = Catalog::builtin();
        assert_eq!(
            c.suggest("sales-premum", LicenseKind::UserPlan),
            Some("sales-premium")
        );
        assert_eq!(
            c.suggest("superofice-server", LicenseKind::System),
            Some("superoffice-server")
        );
        assert_eq!(c.suggest("zzzzzzzz", LicenseKind::System), None);
    }
}
