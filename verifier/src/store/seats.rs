//! Seat assignments. Each holder's `seq` is its position among the plan's holders, dense
//! 1..H in assignment order and unique per plan, so a rank is read, not counted, and the
//! number held is the plan's highest position: both are index look-ups, whatever the
//! number of users. Assigning takes the next position inside the IMMEDIATE transaction,
//! so concurrent processes never exceed a plan's seats; releasing moves the later holders
//! up one place in the same transaction. Holders beyond the licensed count (after a
//! license with fewer seats) keep their assignment and are denied by position.

use std::ops::RangeInclusive;

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use license_format::LicenseKind;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::events::EventDetail;
use super::{events, users, Ctx, LicenseStore};
use crate::{decide_seats, Decision, Error, Result, State, VerifiedLicense};

/// The result of `seats assign`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SeatAssignment {
    /// The user.
    pub user: String,
    /// The plan.
    pub plan: String,
    /// Whether the user already held the seat (nothing changed).
    pub already_held: bool,
    /// Exclusive plans released by `--move`.
    pub released: Vec<String>,
    /// Seats of the plan held now.
    pub seats_used: u64,
    /// Seats licensed.
    pub seats_total: u32,
}

/// One seat as `seats list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SeatRow {
    /// The plan.
    pub plan: String,
    /// The holder.
    pub user: String,
    /// The holder's place in assignment order, 1 first.
    pub rank: u64,
    /// Whether the holder is within the licensed count (has access).
    pub counted: bool,
    /// When the seat was assigned (effective time).
    pub assigned_at: String,
}

/// The answer of `check seats PLAN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SeatCheck {
    /// Whether a seat is free.
    #[serde(flatten)]
    pub decision: Decision,
    /// The plan.
    pub plan: String,
    /// Seats licensed (0 when the plan is not licensed).
    pub seats_total: u32,
    /// Seats held.
    pub seats_used: u64,
    /// Seats free.
    pub seats_free: u64,
}

/// The catalog entry of a user plan, or [`Error::UnknownCode`].
pub(crate) fn known_plan(plan: &str) -> Result<()> {
    match license_catalog::builtin().entry(plan) {
        Some(e) if e.kind == LicenseKind::UserPlan => Ok(()),
        _ => Err(super::report::unknown_code(
            plan,
            Some(LicenseKind::UserPlan),
        )),
    }
}

/// How many seats of `plan` are held: its highest position, read from the
/// `UNIQUE (plan, seq)` index. A gap left by editing the database only makes this larger,
/// which only refuses more. A position below 1 exists only by an edit made with the
/// table's CHECK constraint ignored, and is reported as damage. Two index look-ups,
/// whatever the number of holders.
pub(crate) fn used(conn: &Connection, plan: &str) -> Result<u64> {
    let lowest: Option<(String, i64)> = conn
        .prepare_cached("SELECT user, seq FROM seats WHERE plan = ?1 ORDER BY seq LIMIT 1")?
        .query_row([plan], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((user, lowest)) = lowest.filter(|(_, p)| *p < 1) {
        return Err(position_damage(plan, &user, lowest));
    }
    let n: i64 = conn
        .prepare_cached("SELECT coalesce(max(seq), 0) FROM seats WHERE plan = ?1")?
        .query_row([plan], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// The damage report for a seat row of `plan` at `position`, below 1 or held by another
/// row: only an edit of the database makes either.
pub(crate) fn position_damage(plan: &str, user: &str, position: i64) -> Error {
    let (plan, user) = (plan.to_owned(), user.to_owned());
    Error::DamagedStore(if position < 1 {
        crate::Damage::SeatBelowOne {
            plan,
            user,
            position,
        }
    } else {
        crate::Damage::SeatPositionTaken {
            plan,
            user,
            position,
        }
    })
}

/// The user at `position` of `plan`: the first row there, in insertion order. A seat
/// gives access only when its holder is the one found here, so even with the unique
/// index gone (or lying) each position gives access to one user at most.
pub(crate) fn position_holder(
    conn: &Connection,
    plan: &str,
    position: i64,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT user FROM seats WHERE plan = ?1 AND seq = ?2 ORDER BY rowid LIMIT 1",
        )?
        .query_row(params![plan, position], |r| r.get(0))
        .optional()?)
}

/// One holder of a plan.
pub(crate) struct HeldSeat {
    /// The holder.
    pub user: String,
    /// When the seat was assigned.
    pub assigned_at: String,
    /// The holder's position among the plan's holders, 1 first.
    pub rank: u64,
}

/// The holders of `plan` whose positions lie in `ranks`, in rank order.
pub(crate) fn holders(
    conn: &Connection,
    plan: &str,
    ranks: RangeInclusive<u64>,
) -> Result<Vec<HeldSeat>> {
    let sql_int = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(
        "SELECT user, assigned_at, seq FROM seats WHERE plan = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq",
    )?;
    let rows = stmt.query_map(
        params![plan, sql_int(*ranks.start()), sql_int(*ranks.end())],
        |r| {
            Ok(HeldSeat {
                user: r.get(0)?,
                assigned_at: r.get(1)?,
                rank: u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Deletes `user`'s seat of `plan`, if held, and moves the later holders up one place so
/// the plan's positions stay dense; returns whether a seat was held.
pub(crate) fn remove(tx: &Connection, user: &str, plan: &str) -> Result<bool> {
    let place: Option<i64> = tx
        .query_row(
            "SELECT seq FROM seats WHERE user = ?1 AND plan = ?2",
            [user, plan],
            |r| r.get(0),
        )
        .optional()?;
    let Some(place) = place else {
        return Ok(false);
    };
    // A row that an edit put at an impossible or shared position is only deleted: the
    // other holders keep their places.
    let own_place = place >= 1 && position_holder(tx, plan, place)?.as_deref() == Some(user);
    tx.execute(
        "DELETE FROM seats WHERE user = ?1 AND plan = ?2",
        [user, plan],
    )?;
    if !own_place || position_holder(tx, plan, place)?.is_some() {
        return Ok(true);
    }
    let top: i64 = tx.query_row(
        "SELECT coalesce(max(seq), 0) FROM seats WHERE plan = ?1",
        [plan],
        |r| r.get(0),
    )?;
    if top > place {
        // SQLite checks UNIQUE (plan, seq) row by row, in no promised order. So the later
        // holders first move above every position in use (s -> s + top), then down to one
        // below where they were (-> s - 1): no single row ever lands on a taken position.
        tx.execute(
            "UPDATE seats SET seq = seq + ?3 WHERE plan = ?1 AND seq > ?2",
            params![plan, place, top],
        )?;
        tx.execute(
            "UPDATE seats SET seq = seq - ?2 - 1 WHERE plan = ?1 AND seq > ?2",
            params![plan, top],
        )?;
    }
    Ok(true)
}

/// The seats a plan has at the effective time, refusing a plan that cannot be assigned.
fn assignable_seats(
    license: Option<&VerifiedLicense>,
    plan: &str,
    now: DateTime<Utc>,
) -> Result<u32> {
    let license = license.ok_or(Error::NoLicense)?;
    license.check_usable_at(now)?;
    let not_licensed = |state: Option<crate::State>| Error::NotLicensed {
        code: plan.to_owned(),
        state,
    };
    match (license.seats(plan), license.grant_state_at(plan, now)) {
        (Some(seats), Some(state)) if state.is_usable() => Ok(seats),
        (Some(_), Some(state)) => Err(not_licensed(Some(state))),
        _ => Err(not_licensed(None)),
    }
}

impl LicenseStore {
    /// Assigns a seat of `plan` to `user`. With `move_from_other`, the user's other
    /// exclusive plan is released in the same transaction.
    ///
    /// # Errors
    /// [`Error::UnknownCode`], [`Error::UnknownUser`], [`Error::NoLicense`],
    /// [`Error::NotLicensed`], [`Error::NoFreeSeat`], [`Error::HoldsOtherPlan`]; a
    /// refusal changes nothing but the events log.
    pub fn assign_seat(
        &self,
        user: &str,
        plan: &str,
        move_from_other: bool,
        now: DateTime<Utc>,
    ) -> Result<SeatAssignment> {
        known_plan(plan)?;
        let result = self.write(now, |tx, ctx| {
            assign_in(tx, ctx, user, plan, move_from_other)
        });
        if let Err(e) = &result {
            if e.is_refusal() {
                let (error, details) = EventDetail::refusal(e);
                let detail = EventDetail::SeatRefused {
                    user: user.to_owned(),
                    plan: plan.to_owned(),
                    error,
                    details,
                };
                self.log_alone(now, &detail);
            }
        }
        result
    }

    /// Releases `user`'s seat of `plan`.
    ///
    /// # Errors
    /// [`Error::UnknownCode`], [`Error::UnknownUser`], [`Error::NoSuchSeat`].
    pub fn release_seat(&self, user: &str, plan: &str, now: DateTime<Utc>) -> Result<()> {
        known_plan(plan)?;
        self.write(now, |tx, ctx| {
            users::login_of(tx, user)?;
            if !remove(tx, user, plan)? {
                return Err(Error::NoSuchSeat {
                    user: user.to_owned(),
                    plan: plan.to_owned(),
                });
            }
            let detail = EventDetail::SeatReleased {
                user: user.to_owned(),
                plan: plan.to_owned(),
            };
            events::log(tx, ctx.now, &detail)
        })
    }

    /// Every seat, or those of one plan, in plan then rank order.
    ///
    /// # Errors
    /// [`Error::UnknownCode`], [`Error::DamagedStore`].
    pub fn seats(&self, plan: Option<&str>, now: DateTime<Utc>) -> Result<Vec<SeatRow>> {
        if let Some(plan) = plan {
            known_plan(plan)?;
        }
        self.read(now, |tx, ctx| {
            let license = ctx.license()?;
            let plans: Vec<&str> = match plan {
                Some(p) => vec![p],
                None => license_catalog::builtin()
                    .user_plans
                    .iter()
                    .map(|e| e.code.as_str())
                    .collect(),
            };
            let mut rows = Vec::new();
            for plan in plans {
                let total = counted_seats(license, plan, ctx.now);
                for held in holders(tx, plan, 1..=u64::MAX)? {
                    rows.push(SeatRow {
                        plan: plan.to_owned(),
                        user: held.user,
                        rank: held.rank,
                        counted: held.rank <= total,
                        assigned_at: held.assigned_at,
                    });
                }
            }
            Ok(rows)
        })
    }

    /// Whether a seat of `plan` is free.
    ///
    /// # Errors
    /// [`Error::UnknownCode`], [`Error::DamagedStore`].
    pub fn check_seats(&self, plan: &str, now: DateTime<Utc>) -> Result<SeatCheck> {
        known_plan(plan)?;
        self.read(now, |tx, ctx| {
            let license = ctx.license()?;
            let seats_used = used(tx, plan)?;
            let seats_total = license.and_then(|l| l.seats(plan)).unwrap_or(0);
            let decision = decide_seats(license, plan, seats_used, ctx.now);
            let seats_free = if decision.allowed {
                u64::from(seats_total).saturating_sub(seats_used)
            } else {
                0
            };
            Ok(SeatCheck {
                decision,
                plan: plan.to_owned(),
                seats_total,
                seats_used,
                seats_free,
            })
        })
    }
}

/// Seats that give access now: the licensed count while the plan is usable, else 0.
pub(crate) fn counted_seats(
    license: Option<&VerifiedLicense>,
    plan: &str,
    now: DateTime<Utc>,
) -> u64 {
    let Some(l) = license else { return 0 };
    let usable = l.state_at(now).is_usable()
        && l.grant_state_at(plan, now)
            .is_some_and(|s: State| s.is_usable());
    if usable {
        l.seats(plan).map_or(0, u64::from)
    } else {
        0
    }
}

/// The user's other exclusive plans: refused, or released with `--move`.
fn release_exclusive(
    tx: &Connection,
    user: &str,
    plan: &str,
    held: &[String],
    move_from_other: bool,
) -> Result<Vec<String>> {
    let catalog = license_catalog::builtin();
    if !catalog.is_exclusive_plan(plan) {
        return Ok(Vec::new());
    }
    let others: Vec<String> = held
        .iter()
        .filter(|p| catalog.is_exclusive_plan(p))
        .cloned()
        .collect();
    if let (Some(other), false) = (others.first(), move_from_other) {
        return Err(Error::HoldsOtherPlan {
            user: user.to_owned(),
            held: other.clone(),
        });
    }
    for other in &others {
        remove(tx, user, other)?;
    }
    Ok(others)
}

fn assign_in(
    tx: &Connection,
    ctx: &mut Ctx,
    user: &str,
    plan: &str,
    move_from_other: bool,
) -> Result<SeatAssignment> {
    users::login_of(tx, user)?;
    let seats_total = assignable_seats(ctx.license()?, plan, ctx.now)?;
    let held = users::plans_of(tx, user)?;
    let mut out = SeatAssignment {
        user: user.to_owned(),
        plan: plan.to_owned(),
        already_held: held.iter().any(|p| p == plan),
        released: Vec::new(),
        seats_used: 0,
        seats_total,
    };
    if out.already_held {
        out.seats_used = used(tx, plan)?;
        return Ok(out);
    }
    out.released = release_exclusive(tx, user, plan, &held, move_from_other)?;
    // Read again inside this transaction: no other writer can run in between.
    let held_now = used(tx, plan)?;
    if held_now >= u64::from(seats_total) {
        return Err(Error::NoFreeSeat {
            plan: plan.to_owned(),
            seats: seats_total,
        });
    }
    out.seats_used = held_now + 1;
    // The next position: below seats_total, a u32, so it always fits an i64.
    let place = i64::try_from(out.seats_used).unwrap_or(i64::MAX);
    tx.execute(
        "INSERT INTO seats (user, plan, seq, assigned_at) VALUES (?1, ?2, ?3, ?4)",
        params![user, plan, place, format_rfc3339(&ctx.now)],
    )?;
    let detail = EventDetail::SeatAssigned {
        user: user.to_owned(),
        plan: plan.to_owned(),
        moved_from: out.released.clone(),
    };
    events::log(tx, ctx.now, &detail)?;
    Ok(out)
}
