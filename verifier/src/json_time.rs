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

/// The end of a term in JSON as two members named for what they are: `ends_at`, the
/// exclusive instant (RFC 3339), and `last_day`, the last calendar day (UTC) on which it
/// still works: the day before a midnight end. Both `null` for no end (perpetual).
/// Used with `#[serde(flatten, serialize_with = ...)]`.
pub(crate) fn term_end<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    end_members(t, s, "ends_at", "last_day")
}

/// As [`term_end`], for the end before a change: `ends_at_before`, `last_day_before`.
pub(crate) fn term_end_before<S: Serializer>(
    t: &Option<DateTime<Utc>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    end_members(t, s, "ends_at_before", "last_day_before")
}

/// As [`term_end`], for the end after a change: `ends_at_after`, `last_day_after`.
pub(crate) fn term_end_after<S: Serializer>(
    t: &Option<DateTime<Utc>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    end_members(t, s, "ends_at_after", "last_day_after")
}

fn end_members<S: Serializer>(
    t: &Option<DateTime<Utc>>,
    s: S,
    ends_at: &'static str,
    last_day: &'static str,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap as _;
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry(ends_at, &t.as_ref().map(format_rfc3339))?;
    map.serialize_entry(
        last_day,
        &t.as_ref()
            .map(|t| license_format::time::last_day(t).to_string()),
    )?;
    map.end()
}

/// Serializes a key id as its text form.
pub(crate) fn key_id<S: Serializer>(kid: &license_format::KeyId, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(kid)
}
