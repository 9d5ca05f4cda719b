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
    if let Some(t) = parse_writer_form(text.as_bytes()) {
        return Ok(t);
    }
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

/// The form writers emit, `YYYY-MM-DDTHH:MM:SSZ`, read without the general parser: every
/// verification reads several. `None` sends anything else (other offsets, fractions,
/// lowercase `t`/`z`, a leap second, an impossible date) to chrono, which decides.
fn parse_writer_form(b: &[u8]) -> Option<DateTime<Utc>> {
    let shape = b.len() == 20
        && [4, 7].iter().all(|&i| b[i] == b'-')
        && b[10] == b'T'
        && [13, 16].iter().all(|&i| b[i] == b':')
        && b[19] == b'Z';
    if !shape {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date =
        chrono::NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 7)?, num(8, 10)?)?;
    let time = chrono::NaiveTime::from_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?;
    Some(DateTime::from_naive_utc_and_offset(
        date.and_time(time),
        Utc,
    ))
}

/// Formats an instant as writers must: UTC, `Z`, whole seconds.
pub fn format_rfc3339(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The last calendar day (UTC) on which something that ends, exclusively, at `end` still
/// works: the day before a midnight end, else the day of `end` (FORMAT.md §7.1). An
/// order's `"valid_until": "2027-11-30"` ends at 2027-12-01T00:00:00Z, last day
/// 2027-11-30.
///
/// ```
/// let end = license_format::time::parse_rfc3339("2027-12-01T00:00:00Z").unwrap();
/// assert_eq!(license_format::time::last_day(&end).to_string(), "2027-11-30");
/// ```
pub fn last_day(end: &DateTime<Utc>) -> chrono::NaiveDate {
    (*end - chrono::Duration::microseconds(1)).date_naive()
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
        // The writer form's fast path agrees with chrono, and leaves the rest to it.
        for text in [
            "2026-12-01T00:00:00Z",
            "2024-02-29T23:59:59Z",
            "0001-01-01T00:00:00Z",
            "2016-12-31T23:59:60Z",
        ] {
            let chrono = DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(parse_rfc3339(text).unwrap(), chrono, "{text}");
        }
        for text in [
            "2025-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T00:00:0xZ",
        ] {
            assert!(parse_rfc3339(text).is_err(), "{text}");
        }
        assert!(parse_rfc3339("2026-12-01 00:00:00Z").is_err());
        assert!(parse_rfc3339("2026-12-01T00:00:00\u{2212}01:00").is_err());
        assert!(parse_rfc3339("2026-12-01T00:00:00").is_err());
    }
}
