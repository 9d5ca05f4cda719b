//! Seat assignments. Assigning counts again inside the IMMEDIATE transaction, so
//! concurrent processes never exceed a plan's seats. Holders beyond the licensed count
//! (after a license with fewer seats) keep their assignment and are denied by rank:
//! assignment order, earliest first, ties by user name.

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use license_format::{Catalog, LicenseKind};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::{events, users, Ctx, LicenseStore};
use crate::{decide_seats, Decision, Error, Result, State, VerifiedLicense};

/// The result of `seats assign`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    let catalog = Catalog::builtin();
    match catalog.entry(plan) {
        Some(e) if e.kind == LicenseKind::UserPlan => Ok(()),
        _ => Err(Error::UnknownCode {
            what: "user plan",
            code: plan.to_owned(),
            hint: catalog
                .suggest(plan, LicenseKind::UserPlan)
                .map(|s| format!(" (did you mean {s}?)"))
                .unwrap_or_default(),
        }),
    }
}

/// How many seats of `plan` are held.
pub(crate) fn used(conn: &Connection, plan: &str) -> Result<u64> {
    let n: i64 = conn.query_row("SELECT count(*) FROM seats WHERE plan = ?1", [plan], |r| {
        r.get(0)
    })?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// The holders of `plan` in rank order, with when they were assigned.
pub(crate) fn holders(conn: &Connection, plan: &str) -> Result<Vec<(String, String)>> {
    let mut stmt =
        conn.prepare("SELECT user, assigned_at FROM seats WHERE plan = ?1 ORDER BY seq, user")?;
    let rows = stmt.query_map([plan], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The seats a plan has at the effective time, refusing a plan that cannot be assigned.
fn assignable_seats(
    license: Option<&VerifiedLicense>,
    plan: &str,
    now: DateTime<Utc>,
) -> Result<u32> {
    let license = license.ok_or(Error::NoLicense)?;
    license.check_usable_at(now)?;
    let not_licensed = |detail: String| Error::NotLicensed {
        code: plan.to_owned(),
        detail,
    };
    match (license.seats(plan), license.grant_state_at(plan, now)) {
        (Some(seats), Some(state)) if state.is_usable() => Ok(seats),
        (Some(_), Some(state)) => Err(not_licensed(format!(" now ({state})"))),
        _ => Err(not_licensed(format!(
            " by license {}",
            license.license_id()
        ))),
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
                self.log_alone(
                    now,
                    "seat-refused",
                    &format!("seat of {plan} for user {user} refused: {e}"),
                )?;
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
            let n = tx.execute(
                "DELETE FROM seats WHERE user = ?1 AND plan = ?2",
                [user, plan],
            )?;
            if n == 0 {
                return Err(Error::NoSuchSeat {
                    user: user.to_owned(),
                    plan: plan.to_owned(),
                });
            }
            events::log(
                tx,
                ctx.now,
                "seat-released",
                &format!("seat of {plan} released by user {user}"),
            )
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
        self.write(now, |tx, ctx| {
            let license = ctx.license()?;
            let plans: Vec<&str> = match plan {
                Some(p) => vec![p],
                None => Catalog::builtin()
                    .user_plans
                    .iter()
                    .map(|e| e.code.as_str())
                    .collect(),
            };
            let mut rows = Vec::new();
            for plan in plans {
                let total = counted_seats(license, plan, ctx.now);
                for (i, (user, assigned_at)) in holders(tx, plan)?.into_iter().enumerate() {
                    let rank = i as u64 + 1;
                    rows.push(SeatRow {
                        plan: plan.to_owned(),
                        user,
                        rank,
                        counted: rank <= total,
                        assigned_at,
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
        self.write(now, |tx, ctx| {
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
    let catalog = Catalog::builtin();
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
        tx.execute(
            "DELETE FROM seats WHERE user = ?1 AND plan = ?2",
            [user, other],
        )?;
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
    // Counted again inside this transaction: no other writer can run in between.
    if used(tx, plan)? >= u64::from(seats_total) {
        return Err(Error::NoFreeSeat {
            plan: plan.to_owned(),
            seats: seats_total,
        });
    }
    tx.execute(
        "INSERT INTO seats (user, plan, seq, assigned_at) VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM seats), ?3)",
        params![user, plan, format_rfc3339(&ctx.now)],
    )?;
    out.seats_used = used(tx, plan)?;
    let moved = if out.released.is_empty() {
        String::new()
    } else {
        format!(", moved from {}", out.released.join(", "))
    };
    events::log(
        tx,
        ctx.now,
        "seat-assigned",
        &format!("seat of {plan} assigned to user {user}{moved}"),
    )?;
    Ok(out)
}
