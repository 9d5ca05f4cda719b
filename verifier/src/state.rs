//! How the verifier shows a [`State`] (FORMAT.md §7, in the format crate): its name in
//! JSON and the last day of a term.

use chrono::{DateTime, Utc};

pub use license_format::State;

/// Serializes a state as its name, for JSON fields that hold only the state.
pub(crate) fn serialize_name<S: serde::Serializer>(state: &State, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(state.name())
}

/// An instant as a calendar day, for people.
pub(crate) fn day(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// The end of a term or a grace period as a person reads "until": its last day. Ends are
/// exclusive instants (an order's `valid_until: "2099-12-31"` ends at
/// 2100-01-01T00:00:00Z), so a midnight end shows the day before; any other end shows
/// its time.
///
/// ```
/// let end = license_format::time::parse_rfc3339("2100-01-01T00:00:00Z").unwrap();
/// assert_eq!(license_verifier::end_day(&end), "2099-12-31");
/// let end = license_format::time::parse_rfc3339("2100-01-01T12:30:00Z").unwrap();
/// assert_eq!(license_verifier::end_day(&end), "2100-01-01 12:30 UTC");
/// ```
pub fn end_day(t: &DateTime<Utc>) -> String {
    if t.time() == chrono::NaiveTime::MIN {
        (t.date_naive() - chrono::Days::new(1)).to_string()
    } else {
        t.format("%Y-%m-%d %H:%M UTC").to_string()
    }
}
