//! Timestamps as the format writes and reads them (FORMAT.md §6): readers accept any
//! RFC 3339 offset; writers emit UTC with `Z` and whole seconds.

use chrono::{DateTime, SecondsFormat, Utc};
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// Parses an RFC 3339 timestamp (any offset) into UTC.
///
/// # Errors
/// A message naming the expected form.
pub fn parse_rfc3339(text: &str) -> Result<DateTime<Utc>, String> {
    // chrono also takes a space for the `T` and U+2212 for the minus sign; the format
    // does not (FORMAT.md §6), so that every reader agrees on what a timestamp is.
    if !text.is_ascii() || !matches!(text.as_bytes().get(10), Some(b'T' | b't')) {
        return Err(format!(
            "{text:?} is not an RFC 3339 timestamp like 2026-12-01T00:00:00Z"
        ));
    }
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            format!("{text:?} is not an RFC 3339 timestamp like 2026-12-01T00:00:00Z ({e})")
        })
}

/// Formats an instant as writers must: UTC, `Z`, whole seconds.
pub fn format_rfc3339(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses a timestamp from the JSON string in place, without copying it: this runs for
/// every timestamp of every verification.
struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 timestamp")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse_rfc3339(text).map_err(E::custom)
    }
}

pub(crate) mod required {
    use super::*;

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_rfc3339(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        d.deserialize_str(TimestampVisitor)
    }
}

pub(crate) mod optional {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&format_rfc3339(t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        d.deserialize_option(OptionalVisitor)
    }

    struct OptionalVisitor;

    impl<'de> Visitor<'de> for OptionalVisitor {
        type Value = Option<DateTime<Utc>>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an RFC 3339 timestamp or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(TimestampVisitor).map(Some)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_normalise_to_utc_and_write_with_z() {
        let t = parse_rfc3339("2026-12-01T01:00:00.5+01:00").unwrap();
        assert_eq!(format_rfc3339(&t), "2026-12-01T00:00:00Z");
        assert!(parse_rfc3339("2026-12-01").is_err());
        assert!(parse_rfc3339("2026-12-01 00:00:00Z").is_err());
        assert!(parse_rfc3339("2026-12-01T00:00:00\u{2212}01:00").is_err());
        assert!(parse_rfc3339("2026-12-01T00:00:00").is_err());
    }
}
