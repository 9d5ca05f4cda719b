//! Users of the installation and their login rights.

use chrono::{DateTime, Utc};
use license_format::time::format_rfc3339;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::events::EventDetail;
use super::{events, seats, LicenseStore};
use crate::{Error, Result, UserFacts};

/// Longest user name accepted, in characters.
const MAX_USER_NAME: usize = 128;

/// One user as `users list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UserRow {
    /// The user's name.
    pub name: String,
    /// Whether the user may log in.
    pub login: bool,
    /// The plans the user holds a seat of, in assignment order.
    pub plans: Vec<String>,
}

fn check_name(name: &str) -> Result<()> {
    let len = name.chars().count();
    if len == 0 || len > MAX_USER_NAME || name.trim() != name || name.chars().any(char::is_control)
    {
        return Err(Error::InvalidUserName(name.to_owned()));
    }
    Ok(())
}

/// The user's login flag, or [`Error::UnknownUser`].
pub(crate) fn login_of(conn: &Connection, name: &str) -> Result<bool> {
    let login: rusqlite::types::Value = conn
        .prepare_cached("SELECT login FROM users WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::UnknownUser(name.to_owned()))?;
    login_value(name, login)
}

/// A stored login flag. Only 0 and 1 are ever written; anything else was put there with
/// the table's CHECK ignored, and is damage, not a yes.
fn login_value(name: &str, login: rusqlite::types::Value) -> Result<bool> {
    match login {
        rusqlite::types::Value::Integer(0) => Ok(false),
        rusqlite::types::Value::Integer(1) => Ok(true),
        other => Err(Error::DamagedStore(crate::Damage::BadLogin {
            user: name.to_owned(),
            value: format!("{other:?}"),
        })),
    }
}

/// What a per-user decision needs: login and each held plan with the user's place among
/// its holders in assignment order: `seq`, read from the row, not counted. The user's own
/// plans come in assignment order too (time, then insertion).
pub(crate) fn facts(conn: &Connection, name: &str) -> Result<Option<UserFacts>> {
    let login = match login_of(conn, name) {
        Ok(login) => login,
        Err(Error::UnknownUser(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut stmt = conn.prepare_cached(
        "SELECT plan, seq FROM seats WHERE user = ?1 ORDER BY assigned_at, rowid",
    )?;
    let seats = stmt
        .query_map([name], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<(String, i64)>>>()?;
    let seats = seats
        .into_iter()
        .map(|(plan, position)| own_position(conn, name, plan, position))
        .collect::<Result<Vec<_>>>()?;
    Ok(Some(UserFacts {
        name: name.to_owned(),
        login,
        seats,
    }))
}

/// The user's place among the plan's holders, checked against the position itself:
/// the row's `seq` counts only if it is at least 1 and the position's holder is this
/// user. Otherwise an edit made it, and it is reported.
fn own_position(
    conn: &Connection,
    user: &str,
    plan: String,
    position: i64,
) -> Result<(String, u64)> {
    if position < 1 {
        return Err(seats::position_damage(&plan, user, position));
    }
    if seats::position_holder(conn, &plan, position)?.as_deref() != Some(user) {
        return Err(seats::position_damage(&plan, user, position));
    }
    Ok((plan, u64::try_from(position).unwrap_or(u64::MAX)))
}

impl LicenseStore {
    /// Adds a user, with or without login rights.
    ///
    /// # Errors
    /// [`Error::InvalidUserName`], [`Error::UserExists`].
    pub fn add_user(&self, name: &str, login: bool, now: DateTime<Utc>) -> Result<()> {
        check_name(name)?;
        self.write(now, |tx, ctx| {
            let inserted = tx.execute(
                "INSERT INTO users (name, login, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING",
                params![name, login, format_rfc3339(&ctx.now)],
            )?;
            if inserted == 0 {
                return Err(Error::UserExists(name.to_owned()));
            }
            let detail = EventDetail::UserAdded {
                user: name.to_owned(),
                login,
            };
            events::log(tx, ctx.now, &detail)
        })
    }

    /// Grants or withdraws a user's login rights; returns whether anything changed.
    ///
    /// # Errors
    /// [`Error::UnknownUser`].
    pub fn set_login(&self, name: &str, login: bool, now: DateTime<Utc>) -> Result<bool> {
        self.write(now, |tx, ctx| {
            if login_of(tx, name)? == login {
                return Ok(false);
            }
            tx.execute(
                "UPDATE users SET login = ?2 WHERE name = ?1",
                params![name, login],
            )?;
            let detail = EventDetail::LoginChanged {
                user: name.to_owned(),
                login,
            };
            events::log(tx, ctx.now, &detail)?;
            Ok(true)
        })
    }

    /// Removes a user and releases the user's seats; returns the plans released.
    ///
    /// # Errors
    /// [`Error::UnknownUser`].
    pub fn remove_user(&self, name: &str, now: DateTime<Utc>) -> Result<Vec<String>> {
        self.write(now, |tx, ctx| {
            login_of(tx, name)?;
            let plans = plans_of(tx, name)?;
            // Released one by one first, so each plan's later holders move up a place;
            // the foreign key's cascade would leave a gap that denies them.
            for plan in &plans {
                seats::remove(tx, name, plan)?;
            }
            tx.execute("DELETE FROM users WHERE name = ?1", [name])?;
            let detail = EventDetail::UserRemoved {
                user: name.to_owned(),
                released: plans.clone(),
            };
            events::log(tx, ctx.now, &detail)?;
            Ok(plans)
        })
    }

    /// Every user, by name.
    ///
    /// # Errors
    /// [`Error::Sqlite`] or [`Error::DamagedStore`].
    pub fn users(&self, now: DateTime<Utc>) -> Result<Vec<UserRow>> {
        self.read(now, |tx, _| {
            let mut stmt = tx.prepare(
                "SELECT u.name, u.login, group_concat(s.plan, ',') FROM users u LEFT JOIN seats s ON s.user = u.name
                 GROUP BY u.name ORDER BY u.name",
            )?;
            let rows = stmt.query_map([], |r| {
                let plans: Option<String> = r.get(2)?;
                Ok((r.get::<_, String>(0)?, r.get(1)?, plans))
            })?;
            rows.map(|row| {
                let (name, login, plans) = row?;
                Ok(UserRow {
                    login: login_value(&name, login)?,
                    plans: plans
                        .map(|p| p.split(',').map(str::to_owned).collect())
                        .unwrap_or_default(),
                    name,
                })
            })
            .collect()
        })
    }
}

/// The plans a user holds, in assignment order.
pub(crate) fn plans_of(conn: &Connection, name: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT plan FROM seats WHERE user = ?1 ORDER BY assigned_at, rowid")?;
    let plans = stmt
        .query_map([name], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(plans)
}
