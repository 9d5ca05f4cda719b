//! Text output for people. JSON output is the library's structures as they are.

use std::fmt::Write as _;

use super::i18n::{self, n, t};
use super::reasons::count;
use std::io::IsTerminal;

use chrono::{DateTime, Utc};
use license_verifier::store::{
    ActiveLicense, ClockResetReport, Event, HistoryEntry, ImportOutcome, ImportReport,
    LicenseDetail, LicensesScreen, SeatRow, Status, UserRow,
};
use license_verifier::{Decision, FileCheck};

/// The end of a term, "perpetual" when it has none.
fn day(t: &Option<DateTime<Utc>>) -> String {
    t.as_ref()
        .map_or_else(|| "perpetual".to_owned(), license_verifier::end_day)
}

/// The start of a term: its first day, with the time when it starts during the day.
fn start_day(t: &DateTime<Utc>) -> String {
    if t.time() == chrono::NaiveTime::MIN {
        t.date_naive().to_string()
    } else {
        t.format("%Y-%m-%d %H:%M UTC").to_string()
    }
}

/// `history`: one line per license imported, and what it changed.
pub(crate) fn history(entries: &[HistoryEntry]) -> String {
    if entries.is_empty() {
        return "no license imported\n".to_owned();
    }
    let mut s = String::new();
    for e in entries {
        let mark = if e.active { "*" } else { " " };
        let _ = writeln!(
            s,
            "{mark} {} {} serial {} for {} ({}), until {}",
            e.imported_at.format("%Y-%m-%d"),
            e.license_id,
            e.serial,
            e.customer.name,
            e.customer.id,
            day(&e.valid_until)
        );
        for m in &e.modules_gained {
            let _ = writeln!(s, "    + module {m}");
        }
        for m in &e.modules_lost {
            let _ = writeln!(s, "    - module {m}");
        }
        for c in &e.seats {
            let _ = writeln!(s, "    seats {}: {} -> {}", c.plan, c.from, c.to);
        }
        if e.customer_changes {
            let _ = writeln!(s, "    customer changed");
        }
    }
    s.push_str("* active\n");
    s
}

/// `show` without a code: the active license in full.
pub(crate) fn active(a: &ActiveLicense) -> String {
    let f = &a.file;
    let mut s = verify(f);
    let _ = writeln!(
        s,
        "  issued: {} by {}",
        license_format::time::format_rfc3339(&f.issued_at),
        f.issuer
    );
    for p in &a.seats {
        let _ = writeln!(
            s,
            "  seats of {}: {} of {} used, {} free",
            p.plan,
            p.seats_used,
            count(p.seats_total, "seat", "seats"),
            p.seats_free
        );
    }
    s
}

pub(crate) fn verify(r: &FileCheck) -> String {
    let mut s = String::new();
    let verdict = if r.valid { "valid" } else { "not valid" };
    let _ = writeln!(
        s,
        "{verdict}: license {} serial {} for {} ({})",
        r.license_id, r.serial, r.customer.name, r.customer.id
    );
    for reason in &r.reasons {
        let _ = writeln!(s, "  reason: {}", super::reasons::text(reason));
    }
    let left = r
        .days_left
        .map(|d| format!(", {} left", days(d)))
        .unwrap_or_default();
    let _ = writeln!(s, "  state: {}{left}", r.state.name());
    let _ = writeln!(
        s,
        "  term: {} to {} (+{} grace)",
        start_day(&r.valid_from),
        day(&r.valid_until),
        count(r.grace_days, "day", "days")
    );
    let bound = r.installation_id.as_deref().unwrap_or("any installation");
    let _ = writeln!(s, "  installation: {bound}\n  signed by key: {}", r.kid);
    for g in &r.system_licenses {
        let _ = writeln!(
            s,
            "  module {}: {}{}",
            g.code,
            g.state.name(),
            own_end(g, r)
        );
    }
    for g in &r.user_plans {
        let _ = writeln!(
            s,
            "  plan {}: {}, {}{}",
            g.code,
            count(g.seats.unwrap_or(0), "seat", "seats"),
            g.state.name(),
            own_end(g, r)
        );
    }
    s
}

/// A grant's last day, when it ends before the license.
fn own_end(g: &license_verifier::GrantCheck, r: &FileCheck) -> String {
    if g.valid_until == r.valid_until {
        String::new()
    } else {
        format!(", until {}", day(&g.valid_until))
    }
}

pub(crate) fn import(r: &ImportReport) -> String {
    let mut s = String::new();
    let head = match r.outcome {
        ImportOutcome::Activated => "activated",
        ImportOutcome::AlreadyActive => "already active",
        ImportOutcome::DryRun => "dry run, nothing changed; would activate",
    };
    let _ = writeln!(
        s,
        "{head}: license {} serial {} (customer {}), valid until {}",
        r.license_id,
        r.serial,
        r.customer,
        day(&r.valid_until)
    );
    if r.outcome == ImportOutcome::AlreadyActive {
        return s;
    }
    if let Some(prev) = &r.previous {
        let _ = writeln!(s, "replaces: {prev}");
    }
    let c = &r.changes;
    if let (Some(before), Some(after), true) =
        (&c.customer_before, &c.customer_after, c.customer_changes)
    {
        let _ = writeln!(
            s,
            "  ! customer changes: {} {} -> {} {}",
            before.id, before.name, after.id, after.name
        );
    }
    for m in &c.modules_gained {
        let _ = writeln!(s, "  + module {m}");
    }
    for m in &c.modules_lost {
        let _ = writeln!(s, "  - module {m}");
    }
    for ch in &c.seats {
        let dir = if ch.to > ch.from { "up" } else { "down" };
        let _ = writeln!(s, "  seats {} {dir}: {} -> {}", ch.plan, ch.from, ch.to);
    }
    for u in &c.users_losing_access {
        let _ = writeln!(
            s,
            "  ! user {} loses access to {}: holder {} of {}",
            u.user,
            u.plan,
            u.rank,
            count(u.seats, "seat", "seats")
        );
    }
    if c.expiry_moves {
        let _ = writeln!(
            s,
            "  expiry moves: {} -> {}",
            day(&c.valid_until_before),
            day(&c.valid_until_after)
        );
    }
    s
}

/// A state in the chosen language's words.
pub(crate) fn state_text(state: Option<&license_verifier::State>) -> String {
    use license_verifier::State;
    match state {
        None => t("state-unlicensed", &[]),
        Some(State::Active { .. }) => t("state-active", &[]),
        Some(State::Grace { until, days_left }) => t(
            "state-grace",
            &[
                ("until", i18n::s(&license_verifier::end_day(until))),
                ("days_left", n(*days_left as f64)),
            ],
        ),
        Some(State::Expired { since }) => t(
            "state-expired",
            &[("since", i18n::s(&since.format("%Y-%m-%d").to_string()))],
        ),
        Some(State::NotYetValid { from }) => t(
            "state-not-yet-valid",
            &[("from", i18n::s(&from.format("%Y-%m-%d").to_string()))],
        ),
    }
}

pub(crate) fn status(st: &Status) -> String {
    let mut s = String::new();
    let state = state_text(st.state.as_ref());
    let _ = writeln!(s, "{}", t("status-state", &[("state", i18n::s(&state))]));
    if let (Some(id), Some(serial)) = (&st.license_id, st.serial) {
        let license = t(
            "status-license",
            &[("license_id", i18n::s(id)), ("serial", n(serial as f64))],
        );
        let _ = writeln!(s, "{license}");
    }
    if let Some(c) = &st.customer {
        let customer = t(
            "status-customer",
            &[("name", i18n::s(&c.name)), ("id", i18n::s(&c.id))],
        );
        let left = match (st.days_left, st.state) {
            (Some(d), Some(license_verifier::State::Grace { .. })) => {
                t("status-left-in-grace", &[("days", n(d as f64))])
            }
            (Some(d), _) => t("status-left", &[("days", n(d as f64))]),
            (None, _) => String::new(),
        };
        let until = t(
            "status-valid-until",
            &[
                ("last_day", i18n::s(&day(&st.valid_until))),
                ("left", i18n::s(&left)),
            ],
        );
        let _ = writeln!(s, "{customer}\n{until}");
    }
    let installation = t(
        "status-installation",
        &[("id", i18n::s(&st.installation_id))],
    );
    let _ = writeln!(s, "{installation}");
    for w in &st.warnings {
        let warning = t(
            "status-warning",
            &[("text", i18n::s(&super::reasons::warning_text(w)))],
        );
        let _ = writeln!(s, "{warning}");
    }
    s
}

/// Whole days, worded: "1 day", "3 days".
fn days(n: i64) -> String {
    count(u64::try_from(n).unwrap_or(0), "day", "days")
}

/// A usage bar of `width` cells for a terminal.
fn bar(used: u64, total: u32, width: u64) -> String {
    let total = u64::from(total);
    let filled = if total == 0 {
        0
    } else {
        (used.min(total) * width).div_ceil(total)
    };
    format!(
        "[{}{}]",
        "#".repeat(filled as usize),
        ".".repeat((width - filled) as usize)
    )
}

/// The Licenses screen: a head naming the active license, then each license on two
/// lines (its name and code; its state, last day and seats), so that every line fits 80
/// columns whatever the length of a name.
pub(crate) fn list(screen: &LicensesScreen) -> String {
    let tty = std::io::stdout().is_terminal();
    let mut s = String::new();
    match &screen.header {
        Some(h) => {
            let head = t(
                "list-head",
                &[
                    ("customer", i18n::s(&h.customer.name)),
                    ("customer_id", i18n::s(&h.customer.id)),
                ],
            );
            let license = t(
                "list-head-license",
                &[
                    ("license_id", i18n::s(&h.license_id)),
                    ("serial", n(h.serial as f64)),
                    ("issuer", i18n::s(&h.issuer)),
                ],
            );
            let state = t(
                "list-head-state",
                &[
                    ("state", i18n::s(h.state.name())),
                    ("last_day", i18n::s(&day(&h.valid_until))),
                ],
            );
            let _ = writeln!(s, "{head}\n  {license}\n  {state}");
        }
        None => {
            let _ = writeln!(s, "{}", t("list-none", &[]));
        }
    }
    for (kind, title) in [
        ("system", "list-system"),
        ("user-plan", "list-plans"),
        ("legacy", "list-legacy"),
    ] {
        let _ = writeln!(s, "\n{}", t(title, &[]));
        for r in screen.rows.iter().filter(|r| r.kind == kind) {
            let seats = match (r.seats_used, r.seats_total) {
                (Some(used), Some(total)) if tty => {
                    format!(", {} {used}/{total}", bar(used, total, 10))
                }
                (Some(used), Some(total)) => t(
                    "list-row-seats",
                    &[("used", n(used as f64)), ("total", n(total))],
                ),
                _ => String::new(),
            };
            let until = if r.status == "not licensed" {
                String::new()
            } else {
                t(
                    "list-row-last-day",
                    &[("last_day", i18n::s(&day(&r.valid_until)))],
                )
            };
            // A long (Dutch) name puts its code on a line of its own.
            if r.name.chars().count() + r.code.len() + 5 <= 80 {
                let _ = writeln!(s, "  {} ({})", r.name, r.code);
            } else {
                let _ = writeln!(s, "  {}\n    ({})", r.name, r.code);
            }
            let line = format!("      {}{until}{seats}", r.status);
            if line.chars().count() <= 80 {
                let _ = writeln!(s, "{line}");
            } else {
                // Too long for the terminal: the seats go on a line of their own.
                let seats = seats.trim_start_matches([',', ' ']);
                let _ = writeln!(s, "      {}{until}\n      {seats}", r.status);
            }
        }
    }
    s
}

pub(crate) fn show(d: &LicenseDetail) -> String {
    let r = &d.row;
    let mut s = String::new();
    let _ = writeln!(s, "{} ({}, {})\n{}", r.name, r.code, r.kind, d.description);
    if !d.enables.is_empty() {
        let _ = writeln!(s, "enables: {}", d.enables.join(", "));
    }
    let _ = writeln!(s, "status: {}", r.status);
    if r.status != "not licensed" {
        let _ = writeln!(s, "valid until: {}", day(&r.valid_until));
    }
    if let (Some(used), Some(total)) = (r.seats_used, r.seats_total) {
        let _ = writeln!(s, "seats: {used} of {} used", count(total, "seat", "seats"));
        for h in &d.holders {
            let over = if h.counted {
                ""
            } else {
                "  (over the licensed count: denied)"
            };
            let _ = writeln!(s, "  {:>4}. {}{over}", h.rank, h.user);
        }
    }
    s
}

pub(crate) fn users(users: &[UserRow]) -> String {
    let mut s = String::new();
    for u in users {
        let login = if u.login { "login" } else { "no login" };
        let _ = writeln!(s, "{:<24} {:<9} {}", u.name, login, u.plans.join(", "));
    }
    if users.is_empty() {
        s.push_str("no users\n");
    }
    s
}

pub(crate) fn seats(rows: &[SeatRow]) -> String {
    let mut s = String::new();
    for r in rows {
        let over = if r.counted {
            ""
        } else {
            "  (over the licensed count: denied)"
        };
        let _ = writeln!(s, "{:<22} {:>5}. {}{over}", r.plan, r.rank, r.user);
    }
    if rows.is_empty() {
        s.push_str("no seats assigned\n");
    }
    s
}

pub(crate) fn decision(d: &Decision) -> String {
    let mut s = t(
        if d.allowed {
            "decision-yes"
        } else {
            "decision-no"
        },
        &[],
    ) + "\n";
    // When allowed, the reasons are warnings that still hold (a grace period).
    let mark = if d.allowed {
        t("decision-warning", &[]) + " "
    } else {
        String::new()
    };
    for r in &d.reasons {
        let _ = writeln!(s, "  {mark}{}", super::reasons::text(r));
    }
    s
}

pub(crate) fn clock_reset(r: &ClockResetReport) -> String {
    let before = r
        .mark_before
        .as_ref()
        .map_or_else(|| "none".to_owned(), license_format::time::format_rfc3339);
    format!(
        "clock reset applied: signed by {} (key {})\n  latest time seen: {before} -> {}\n",
        r.issuer,
        r.kid,
        license_format::time::format_rfc3339(&r.mark_after)
    )
}

pub(crate) fn events(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        let _ = writeln!(
            s,
            "{} {:<14} {}",
            license_format::time::format_rfc3339(&e.at),
            e.kind,
            e.message
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn usage_bar_fills_by_share_and_caps_at_full() {
        assert_eq!(bar(0, 10, 10), "[..........]");
        assert_eq!(bar(1, 10, 10), "[#.........]");
        assert_eq!(bar(1, 3, 10), "[####......]");
        assert_eq!(bar(12, 10, 10), "[##########]");
        assert_eq!(bar(0, 0, 10), "[..........]");
    }
}
