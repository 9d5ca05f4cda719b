//! Dates in orders. A plain date means the whole of that day in UTC: as a start it is
//! that day's midnight, as an end the next midnight (ends are exclusive, FORMAT.md §6).
//! Full RFC 3339 timestamps are taken as they are, to the whole second.

use chrono::{DateTime, Datelike as _, Days, NaiveDate, SubsecRound as _, Utc};
use license_format::time::{format_rfc3339, parse_rfc3339};

use crate::OrderProblem;

/// Which side of a term a date stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The first instant of the term: a date means its midnight.
    Start,
    /// The exclusive end of the term: a date means the following midnight.
    End,
}

/// Reads `text` as a date or an RFC 3339 timestamp for the given edge.
///
/// # Errors
/// [`OrderProblem::NotADate`], or [`OrderProblem::DateOutOfRange`] for an instant a
/// license file cannot hold (outside the years 0000 to 9999 in UTC, FORMAT.md §1.4).
pub fn parse_edge(text: &str, edge: Edge) -> Result<DateTime<Utc>, OrderProblem> {
    let out_of_range = || OrderProblem::DateOutOfRange {
        value: text.to_owned(),
    };
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        // Exact 10-character form only: chrono's parser also takes "2026-1-5".
        if text.len() == 10 {
            let t = day_edge(day, edge).ok_or_else(out_of_range)?;
            // "9999-12-31" as an end is 10000-01-01T00:00:00Z: no reader takes it.
            return if writable(&t) {
                Ok(t)
            } else {
                Err(out_of_range())
            };
        }
    }
    if text.len() > 10 {
        if let Ok(t) = parse_rfc3339(text) {
            // License files carry whole seconds (FORMAT.md §6); drop the fraction here so
            // that the signed file says exactly what the order was read as.
            return Ok(t.trunc_subsecs(0));
        }
        // A timestamp whose offset moves it out of the four-digit years
        // (0000-01-01T00:00:00+05:00) is well formed, only out of range.
        let year = DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc).year());
        if year.is_ok_and(|y| !(0..=9999).contains(&y)) {
            return Err(out_of_range());
        }
    }
    Err(OrderProblem::NotADate {
        value: text.to_owned(),
    })
}

/// Whether the format's own reader takes the instant back from the form a writer gives
/// it: the same rule an installation applies, rather than a copy of it that could drift.
pub(crate) fn writable(t: &DateTime<Utc>) -> bool {
    parse_rfc3339(&format_rfc3339(t)).is_ok()
}

fn day_edge(day: NaiveDate, edge: Edge) -> Option<DateTime<Utc>> {
    let day = match edge {
        Edge::Start => day,
        Edge::End => day.checked_add_days(Days::new(1))?,
    };
    Some(day.and_hms_opt(0, 0, 0)?.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use license_format::time::format_rfc3339;

    fn edge(text: &str, e: Edge) -> String {
        format_rfc3339(&parse_edge(text, e).unwrap())
    }

    #[test]
    fn a_date_is_the_whole_day_in_utc() {
        assert_eq!(edge("2026-12-01", Edge::Start), "2026-12-01T00:00:00Z");
        assert_eq!(edge("2027-11-30", Edge::End), "2027-12-01T00:00:00Z");
        assert_eq!(edge("2027-12-31", Edge::End), "2028-01-01T00:00:00Z");
        assert_eq!(edge("2028-02-28", Edge::End), "2028-02-29T00:00:00Z");
    }

    #[test]
    fn timestamps_are_taken_as_they_are() {
        assert_eq!(
            edge("2027-11-30T12:00:00+02:00", Edge::End),
            "2027-11-30T10:00:00Z"
        );
        assert_eq!(
            edge("2027-11-30T12:00:00Z", Edge::Start),
            "2027-11-30T12:00:00Z"
        );
    }

    #[test]
    fn ends_a_license_file_cannot_hold_are_out_of_range() {
        let out = |v: &str| OrderProblem::DateOutOfRange { value: v.into() };
        assert_eq!(parse_edge("9999-12-31", Edge::End), Err(out("9999-12-31")));
        assert_eq!(edge("9999-12-31", Edge::Start), "9999-12-31T00:00:00Z");
        assert_eq!(edge("9999-12-30", Edge::End), "9999-12-31T00:00:00Z");
        assert_eq!(edge("0000-01-01", Edge::Start), "0000-01-01T00:00:00Z");
        let early = "0000-01-01T00:00:00+05:00";
        assert_eq!(parse_edge(early, Edge::Start), Err(out(early)));
    }

    #[test]
    fn other_forms_are_refused_as_not_a_date() {
        for bad in [
            "2027-1-5",
            "30.11.2027",
            "2027-02-30",
            "",
            "2027-11-30 12:00",
        ] {
            assert_eq!(
                parse_edge(bad, Edge::End),
                Err(OrderProblem::NotADate { value: bad.into() })
            );
        }
    }
}
