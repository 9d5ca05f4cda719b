//! Instants in JSON output as the format writes them: RFC 3339, UTC, `Z`, whole seconds.

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use serde::Serializer;

/// Serializes an instant.
pub(crate) fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_rfc3339(t))
}

/// Optional instants: `null` for none.
pub(crate) mod optional {
    use super::*;

    /// Serializes an optional instant.
    pub(crate) fn serialize<S: Serializer>(
        t: &Option<DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&format_rfc3339(t)),
            None => s.serialize_none(),
        }
    }
}
