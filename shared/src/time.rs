//! Timestamps as the format writes and reads them (FORMAT.md §6): readers accept any
//! RFC 3339 offset; writers emit UTC with `Z` and whole seconds.

use chrono::{DateTime, Datelike as _, SecondsFormat, Utc};
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// Why a text is not a timestamp of the format (FORMAT.md §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimestampProblem {
    /// Not of the shape `YYYY-MM-DDThh:mm:ss`.
    #[error("expected YYYY-MM-DDThh:mm:ss")]
    Shape,
    /// Seconds `60`.
    #[error("a leap second is not a timestamp of this format")]
    LeapSecond,
    /// A fraction of no digits or more than nine.
    #[error("a fraction of a second has 1 to 9 digits")]
    Fraction,
    /// No `Z` and no offset `+hh:mm` at the end.
    #[error("expected Z or an offset like +01:00 at the end")]
    Zone,
    /// A field out of its range: month 13, hour 24, February 30, offset +24:00.
    #[error("no such date or time")]
    NoSuchTime,
    /// An instant outside the years 0000 to 9999 once converted to UTC.
    #[error("outside the years 0000 to 9999 once converted to UTC")]
    YearRange,
}

impl TimestampProblem {
    const ALL: [TimestampProblem; 6] = [
        TimestampProblem::Shape,
        TimestampProblem::LeapSecond,
        TimestampProblem::Fraction,
        TimestampProblem::Zone,
        TimestampProblem::NoSuchTime,
        TimestampProblem::YearRange,
    ];

    /// The problem of a code that [`TimestampProblem::code`] gives.
    pub(crate) fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// A stable code, lowercase kebab-case.
    pub fn code(&self) -> &'static str {
        match self {
            TimestampProblem::Shape => "shape",
            TimestampProblem::LeapSecond => "leap-second",
            TimestampProblem::Fraction => "fraction",
            TimestampProblem::Zone => "zone",
            TimestampProblem::NoSuchTime => "no-such-time",
            TimestampProblem::YearRange => "year-range",
        }
    }
}

/// Parses an RFC 3339 timestamp (any offset) into UTC, as FORMAT.md §1.4 reads one: at
/// most nine fraction digits, no leap second, and an instant within the years 0000 to
/// 9999 in UTC, so that every accepted instant has exactly one writer form.
///
/// # Errors
/// What is wrong with the text.
pub fn parse_rfc3339(text: &str) -> Result<DateTime<Utc>, TimestampProblem> {
    if let Some(t) = parse_writer_form(text.as_bytes()) {
        return Ok(t);
    }
    // chrono also takes a space for the `T`, U+2212 for the minus sign, any number of
    // fraction digits and a leap second; the format does not (FORMAT.md §1.4), so the
    // bytes are checked first and chrono only computes the instant.
    check_grammar(text.as_bytes())?;
    let t = DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| TimestampProblem::NoSuchTime)?;
    // An offset can move an instant out of the four-digit years (0000-01-01T00:00:00+01:00);
    // such an instant has no writer form.
    if !(0..=9999).contains(&t.year()) {
        return Err(TimestampProblem::YearRange);
    }
    Ok(t)
}

/// The grammar of FORMAT.md §1.4 on the bytes, except field ranges (month 13, offset
/// +24:00), which chrono refuses: `YYYY-MM-DD(T|t)hh:mm:ss[.1-9 digits](Z|z|(+|-)hh:mm)`,
/// seconds not `60`.
fn check_grammar(b: &[u8]) -> Result<(), TimestampProblem> {
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, allowed: &[u8]| b.get(i).is_some_and(|c| allowed.contains(c));
    let date_time = [0..4, 5..7, 8..10, 11..13, 14..16, 17..19]
        .into_iter()
        .all(digits)
        && at(4, b"-")
        && at(7, b"-")
        && at(10, b"Tt")
        && at(13, b":")
        && at(16, b":");
    if !date_time {
        return Err(TimestampProblem::Shape);
    }
    if &b[17..19] == b"60" {
        return Err(TimestampProblem::LeapSecond);
    }
    let mut i = 19;
    if at(i, b".") {
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=9).contains(&n) {
            return Err(TimestampProblem::Fraction);
        }
        i += 1 + n;
    }
    let zone = &b[i..];
    let offset = zone.len() == 6
        && at(i, b"+-")
        && digits(i + 1..i + 3)
        && at(i + 3, b":")
        && digits(i + 4..i + 6);
    if zone == b"Z" || zone == b"z" || offset {
        Ok(())
    } else {
        Err(TimestampProblem::Zone)
    }
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
        parse_rfc3339(text).map_err(|reason| crate::json::not_a_timestamp(text, reason))
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

    #[test]
    fn fractions_leap_seconds_and_the_year_range() {
        let nine = parse_rfc3339("2026-12-01T00:00:00.123456789Z").unwrap();
        assert_eq!(nine.timestamp_subsec_nanos(), 123_456_789);
        assert!(parse_rfc3339("2026-12-01t00:00:00.5z").is_ok());
        for text in [
            "2026-12-01T00:00:00.1234567891Z",
            "2026-12-01T00:00:00.Z",
            "2016-12-31T23:59:60Z",
            "2026-12-01T12:34:60+01:00",
            "0000-01-01T00:00:00+05:00",
            "9999-12-31T23:00:00-05:00",
            "2026-12-01T00:00:00+0100",
            "2026-12-01T00:00:00+24:00",
            "+2026-12-01T00:00:00Z",
        ] {
            assert!(parse_rfc3339(text).is_err(), "{text}");
        }
        for text in [
            "0000-01-01T05:00:00+05:00",
            "9999-12-31T23:59:59.999999999Z",
        ] {
            assert!(parse_rfc3339(text).is_ok(), "{text}");
        }
    }
}
