//! States in words.

use crate::State;
use license_format::Lang;

use super::{n, s as text, t};

/// A state in the chosen language's words; `None` is no license at all.
pub fn state(lang: Lang, state: Option<&State>) -> String {
    match state {
        None => t(lang, "state-unlicensed", &[]),
        Some(State::Active { .. }) => t(lang, "state-active", &[]),
        Some(State::Grace { until, days_left }) => t(
            lang,
            "state-grace",
            &[
                ("until", text(crate::end_day(until))),
                ("days_left", n(*days_left as f64)),
            ],
        ),
        Some(State::Expired { since }) => t(
            lang,
            "state-expired",
            &[("since", text(since.format("%Y-%m-%d").to_string()))],
        ),
        Some(State::NotYetValid { from }) => t(
            lang,
            "state-not-yet-valid",
            &[("from", text(from.format("%Y-%m-%d").to_string()))],
        ),
        Some(State::Revoked { at }) => t(
            lang,
            "state-revoked",
            &[("at", text(at.format("%Y-%m-%d").to_string()))],
        ),
    }
}

/// The state of a grant on the Licenses screen: not licensed when the license does not
/// grant it.
pub fn grant_state(lang: Lang, state: Option<&State>) -> String {
    match state {
        None => t(lang, "state-not-licensed", &[]),
        Some(state) => self::state(lang, Some(state)),
    }
}
