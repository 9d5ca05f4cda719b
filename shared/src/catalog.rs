//! The product catalog: which licenses exist, what each enables, in English and Dutch
//! (FORMAT.md §10). The catalog is data the product supplies ([`Catalog::from_json`]);
//! this crate knows no product. SuperOffice CRM's is the crate `license-catalog`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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
    /// A catalog from its JSON (FORMAT.md §10): the product's system licenses, user plans,
    /// exclusive plans and capabilities.
    ///
    /// # Errors
    /// [`Error::Catalog`](crate::Error::Catalog) when the text is not a catalog.
    pub fn from_json(text: &str) -> crate::Result<Catalog> {
        let mut catalog: Catalog =
            crate::json::from_slice(text.as_bytes()).map_err(crate::Error::Catalog)?;
        catalog
            .user_plans
            .iter_mut()
            .for_each(|e| e.kind = LicenseKind::UserPlan);
        Ok(catalog)
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
pub(crate) mod tests {
    use super::*;

    /// SuperOffice CRM's catalog (crate `license-catalog`), read here as any product's.
    pub(crate) fn catalog() -> Catalog {
        Catalog::from_json(include_str!("../../catalog/catalog.json"))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn suggests_nearest_code_of_the_same_kind() {
        let c = catalog();
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

    #[test]
    fn a_text_that_is_not_a_catalog_is_refused() {
        for text in ["", "{}", "[]", r#"{"product": 1}"#] {
            assert_eq!(
                Catalog::from_json(text).map(|_| ()).unwrap_err().code(),
                "catalog",
                "{text}"
            );
        }
    }
}
