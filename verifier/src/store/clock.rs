//! The clock's high-water mark: decisions use the latest of the system clock, the mark
//! and the active license's `issued_at`, so setting the clock back never extends a
//! license. The mark only ever moves forward; the one way back is a clock reset signed
//! by the vendor for this installation (`clock_reset`).

use chrono::{DateTime, Duration, Utc};
use license_format::time::{format_rfc3339, parse_rfc3339};
use rusqlite::Connection;

use super::{events, meta, Ctx};
use crate::{Error, Result, Warning};

/// How far behind the mark the system clock may be before it is reported.
const CLOCK_TOLERANCE_HOURS: i64 = 24;

const MARK: &str = "high_water";
const WARNED: &str = "clock_warned_at_mark";

/// The high-water mark, if one was recorded.
pub(crate) fn mark(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    meta::get(conn, MARK)?
        .map(|text| parse_rfc3339(&text).map_err(|_| Error::DamagedStore(crate::Damage::BadMark)))
        .transpose()
}

/// Stores `at` as the mark, whatever the mark was: only a verified clock reset calls
/// this directly.
pub(crate) fn set_mark(conn: &Connection, at: DateTime<Utc>) -> Result<()> {
    meta::set(
        conn,
        MARK,
        &at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
    )
}

/// Moves the mark forward to `at`; never back.
pub(crate) fn raise_mark(conn: &Connection, at: DateTime<Utc>) -> Result<()> {
    match mark(conn)? {
        Some(mark) if mark >= at => Ok(()),
        _ => set_mark(conn, at),
    }
}

/// Sets the context's effective time from the clock, the mark and the active license,
/// and warns when the clock is far behind the mark. Reads nothing, writes nothing.
pub(crate) fn judge(ctx: &mut Ctx) {
    let issued = ctx.license.as_ref().map(|l| l.payload().issued_at);
    ctx.now = [Some(ctx.clock), ctx.mark, issued]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(ctx.clock);
    if let Some(mark) = ctx.mark.filter(|m| behind(ctx.clock, *m)) {
        ctx.warnings.push(Warning::ClockBehind {
            clock: ctx.clock,
            mark,
            hours: (mark - ctx.clock).num_hours(),
        });
    }
}

fn behind(clock: DateTime<Utc>, mark: DateTime<Utc>) -> bool {
    mark - clock > Duration::hours(CLOCK_TOLERANCE_HOURS)
}

/// How far a question lets the clock run ahead of the mark before it writes the mark:
/// a floor a minute old protects as well, and products asking many questions a second
/// then write once a minute instead of at every question, so that questions seldom wait
/// for each other's commits. Changes always write the mark.
const QUESTION_MARK_STEP_SECONDS: i64 = 60;

/// Whether a question should write: the mark is a step behind the clock, or a clock far
/// behind the mark has not been logged yet.
pub(crate) fn needs_advance(ctx: &Ctx) -> bool {
    match ctx.mark {
        None => true,
        Some(mark) if behind(ctx.clock, mark) => !ctx.clock_warned,
        Some(mark) => ctx.clock - mark > Duration::seconds(QUESTION_MARK_STEP_SECONDS),
    }
}

/// Whether the clock warning was logged for this mark already.
pub(crate) fn warned_at(conn: &Connection, mark: Option<DateTime<Utc>>) -> Result<bool> {
    let Some(mark) = mark else { return Ok(false) };
    Ok(meta::get(conn, WARNED)?.as_deref() == Some(format_rfc3339(&mark).as_str()))
}

/// Advances the mark to the clock and logs a clock far behind the mark, once per mark.
pub(crate) fn advance(conn: &Connection, ctx: &Ctx) -> Result<()> {
    match ctx.mark {
        Some(mark) if behind(ctx.clock, mark) => log_behind(conn, ctx.clock, mark),
        Some(mark) if mark >= ctx.clock => Ok(()),
        _ => set_mark(conn, ctx.clock),
    }
}

fn log_behind(conn: &Connection, clock: DateTime<Utc>, mark: DateTime<Utc>) -> Result<()> {
    let mark_text = format_rfc3339(&mark);
    if meta::get(conn, WARNED)?.as_deref() != Some(mark_text.as_str()) {
        let detail = events::EventDetail::ClockBehind {
            clock,
            mark,
            hours: (mark - clock).num_hours(),
        };
        events::log(conn, mark, &detail)?;
        meta::set(conn, WARNED, &mark_text)?;
    }
    Ok(())
}
