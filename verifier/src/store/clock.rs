//! The clock's high-water mark: decisions use the latest of the system clock, the mark
//! and the active license's `issued_at`, so setting the clock back never extends a
//! license.

use chrono::{DateTime, Duration, Utc};
use license_format::time::{format_rfc3339, parse_rfc3339};
use rusqlite::Connection;

use super::{events, meta, Ctx};
use crate::{Error, Result};

/// How far behind the mark the system clock may be before it is reported.
const CLOCK_TOLERANCE_HOURS: i64 = 24;

const MARK: &str = "high_water";
const WARNED: &str = "clock_warned_at_mark";

/// The high-water mark, if one was recorded.
pub(crate) fn mark(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    meta::get(conn, MARK)?
        .map(|text| {
            parse_rfc3339(&text).map_err(|e| Error::DamagedStore(format!("meta.{MARK}: {e}")))
        })
        .transpose()
}

/// Moves the mark to `at`, forward or back (back only when a newer license re-anchors it).
pub(crate) fn set_mark(conn: &Connection, at: DateTime<Utc>) -> Result<()> {
    meta::set(
        conn,
        MARK,
        &at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
    )
}

/// Advances the mark to the system clock and sets the context's effective time; a clock
/// far behind the mark becomes a warning and, once per mark, an event.
pub(crate) fn advance(conn: &Connection, ctx: &mut Ctx) -> Result<()> {
    let mark = mark(conn)?;
    match mark {
        Some(mark) if mark - ctx.clock > Duration::hours(CLOCK_TOLERANCE_HOURS) => {
            warn_behind(conn, ctx, mark)?
        }
        Some(mark) if mark >= ctx.clock => {}
        _ => set_mark(conn, ctx.clock)?,
    }
    let issued = ctx.license.as_ref().map(|l| l.payload().issued_at);
    ctx.now = [Some(ctx.clock), mark, issued]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(ctx.clock);
    Ok(())
}

fn warn_behind(conn: &Connection, ctx: &mut Ctx, mark: DateTime<Utc>) -> Result<()> {
    let hours = (mark - ctx.clock).num_hours();
    let message = format!(
        "the system clock ({}) is {hours} hours behind the latest time this store has seen ({}): decisions use the later time; correct the system clock",
        format_rfc3339(&ctx.clock),
        format_rfc3339(&mark)
    );
    let mark_text = format_rfc3339(&mark);
    if meta::get(conn, WARNED)?.as_deref() != Some(mark_text.as_str()) {
        events::log(conn, mark, "clock", &message)?;
        meta::set(conn, WARNED, &mark_text)?;
    }
    ctx.warnings.push(message);
    Ok(())
}
