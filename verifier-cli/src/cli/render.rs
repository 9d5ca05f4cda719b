//! Text output for people, in the chosen language's words (`i18n`). JSON output is the
//! library's structures as they are.

use std::fmt::Write as _;

use super::i18n::{self, n, s as text, t};
use std::io::IsTerminal;

use chrono::{DateTime, Utc};
use license_verifier::store::{
    ActiveLicense, ClockResetReport, Event, HistoryEntry, ImportReport, LicenseDetail,
    LicensesScreen, SeatRow, Status, UserRow,
};
use license_verifier::text as words;
use license_verifier::{Decision, FileCheck};

/// The last day of a term, the word for "perpetual" when it has none.
fn day(t_end: &Option<DateTime<Utc>>) -> String {
    words::last_day(i18n::language(), t_end)
}

/// The start of a term: its first day, with the time when it starts during the day.
fn start_day(t: &DateTime<Utc>) -> String {
    if t.time() == chrono::NaiveTime::MIN {
        t.date_naive().to_string()
    } else {
        t.format("%Y-%m-%d %H:%M UTC").to_string()
    }
}

/// A stored value, safe to show: a row written by hand into the store may hold control
/// characters (FORMAT.md §1.4's display rule).
fn shown(value: &str) -> std::borrow::Cow<'_, str> {
    license_format::text::escape_for_display(value)
}

fn line(out: &mut String, id: &str, args: &[(&str, i18n::FluentValue<'_>)]) {
    let _ = writeln!(out, "{}", t(id, args));
}

fn indented(out: &mut String, indent: &str, id: &str, args: &[(&str, i18n::FluentValue<'_>)]) {
    let _ = writeln!(out, "{indent}{}", t(id, args));
}

/// `history`: one line per license imported, and what it changed.
pub(crate) fn history(entries: &[HistoryEntry]) -> String {
    let mut s = String::new();
    if entries.is_empty() {
        line(&mut s, "history-none", &[]);
        return s;
    }
    for e in entries {
        let mark = if e.active { "*" } else { " " };
        let entry = t(
            "history-line",
            &[
                ("at", text(e.imported_at.format("%Y-%m-%d").to_string())),
                ("license_id", text(&e.license_id)),
                ("serial", n(e.serial as f64)),
                ("customer", text(&e.customer.name)),
                ("customer_id", text(&e.customer.id)),
                ("last_day", text(day(&e.valid_until))),
            ],
        );
        let _ = writeln!(s, "{mark} {entry}");
        for m in &e.modules_gained {
            indented(
                &mut s,
                "    ",
                "history-module-gained",
                &[("code", text(m))],
            );
        }
        for m in &e.modules_lost {
            indented(&mut s, "    ", "history-module-lost", &[("code", text(m))]);
        }
        for c in &e.seats {
            let args = [
                ("plan", text(&c.plan)),
                ("from", n(c.from)),
                ("to", n(c.to)),
            ];
            indented(&mut s, "    ", "history-seats", &args);
        }
        if e.customer_changes {
            indented(&mut s, "    ", "history-customer-changed", &[]);
        }
    }
    line(&mut s, "history-active", &[]);
    s
}

/// `show` without a code: the active license in full.
pub(crate) fn active(a: &ActiveLicense) -> String {
    let f = &a.file;
    let mut s = verify(f);
    let issued = license_format::time::format_rfc3339(&f.issued_at);
    let args = [("at", text(&issued)), ("issuer", text(&f.issuer))];
    indented(&mut s, "  ", "show-issued", &args);
    for p in &a.seats {
        let args = [
            ("plan", text(&p.plan)),
            ("used", n(p.seats_used as f64)),
            ("total", n(p.seats_total)),
            ("free", n(p.seats_free as f64)),
        ];
        indented(&mut s, "  ", "show-plan-seats", &args);
    }
    s
}

/// `verify`: one license file checked.
pub(crate) fn verify(r: &FileCheck) -> String {
    let mut s = String::new();
    let head = if r.valid {
        "verify-valid"
    } else {
        "verify-not-valid"
    };
    let args = [
        ("license_id", text(&r.license_id)),
        ("serial", n(r.serial as f64)),
        ("customer", text(&r.customer.name)),
        ("customer_id", text(&r.customer.id)),
    ];
    line(&mut s, head, &args);
    for reason in &r.reasons {
        let reason = words::reason(i18n::language(), reason);
        indented(&mut s, "  ", "verify-reason", &[("text", text(&reason))]);
    }
    let state = words::state(i18n::language(), Some(&r.state));
    match r.days_left {
        Some(d) => indented(
            &mut s,
            "  ",
            "verify-state-left",
            &[("state", text(&state)), ("days", n(d as f64))],
        ),
        None => indented(&mut s, "  ", "verify-state", &[("state", text(&state))]),
    }
    let args = [
        ("from", text(start_day(&r.valid_from))),
        ("last_day", text(day(&r.valid_until))),
        ("grace", n(r.grace_days)),
    ];
    indented(&mut s, "  ", "verify-term", &args);
    match &r.installation_id {
        Some(id) => indented(&mut s, "  ", "verify-installation", &[("id", text(id))]),
        None => indented(&mut s, "  ", "verify-any-installation", &[]),
    }
    let kid = r.kid.to_string();
    indented(&mut s, "  ", "verify-key", &[("kid", text(&kid))]);
    for g in &r.system_licenses {
        let state = words::state(i18n::language(), Some(&g.state)) + &own_end(g, r);
        let args = [("code", text(&g.code)), ("state", text(&state))];
        indented(&mut s, "  ", "verify-module", &args);
    }
    for g in &r.user_plans {
        let state = words::state(i18n::language(), Some(&g.state)) + &own_end(g, r);
        let args = [
            ("code", text(&g.code)),
            ("seats", n(g.seats.unwrap_or(0))),
            ("state", text(&state)),
        ];
        indented(&mut s, "  ", "verify-plan", &args);
    }
    s
}

/// A grant's last day, when it ends before the license.
fn own_end(g: &license_verifier::GrantCheck, r: &FileCheck) -> String {
    if g.valid_until == r.valid_until {
        String::new()
    } else {
        t("verify-own-end", &[("last_day", text(day(&g.valid_until)))])
    }
}

/// `import`: what the file activates, or would, and what it changes.
pub(crate) fn import(r: &ImportReport) -> String {
    let mut s = String::new();
    for l in words::import_lines(i18n::language(), r) {
        let _ = writeln!(s, "{l}");
    }
    s
}

pub(crate) fn status(st: &Status) -> String {
    let mut s = String::new();
    let state = words::state(i18n::language(), st.state.as_ref());
    let _ = writeln!(s, "{}", t("status-state", &[("state", text(&state))]));
    if let (Some(id), Some(serial)) = (&st.license_id, st.serial) {
        let license = t(
            "status-license",
            &[("license_id", text(id)), ("serial", n(serial as f64))],
        );
        let _ = writeln!(s, "{license}");
    }
    if let Some(c) = &st.customer {
        let customer = t(
            "status-customer",
            &[("name", text(&c.name)), ("id", text(&c.id))],
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
                ("last_day", text(day(&st.valid_until))),
                ("left", text(&left)),
            ],
        );
        let _ = writeln!(s, "{customer}\n{until}");
    }
    let installation = t("status-installation", &[("id", text(&st.installation_id))]);
    let _ = writeln!(s, "{installation}");
    for w in &st.warnings {
        let warning = t(
            "status-warning",
            &[("text", text(words::warning(i18n::language(), w)))],
        );
        let _ = writeln!(s, "{warning}");
    }
    s
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
                    ("customer", text(&h.customer.name)),
                    ("customer_id", text(&h.customer.id)),
                ],
            );
            let license = t(
                "list-head-license",
                &[
                    ("license_id", text(&h.license_id)),
                    ("serial", n(h.serial as f64)),
                    ("issuer", text(&h.issuer)),
                ],
            );
            let state = t(
                "list-head-state",
                &[
                    (
                        "state",
                        text(words::state(i18n::language(), Some(&h.state))),
                    ),
                    ("last_day", text(day(&h.valid_until))),
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
                // A plan the license does not grant and nobody holds has no seats to show.
                (Some(0), _) if r.state.is_none() => String::new(),
                (Some(used), Some(total)) if tty => {
                    format!(", {} {used}/{total}", bar(used, total, 10))
                }
                (Some(used), Some(total)) => t(
                    "list-row-seats",
                    &[("used", n(used as f64)), ("total", n(total))],
                ),
                _ => String::new(),
            };
            let until = if r.state.is_none() {
                String::new()
            } else {
                t(
                    "list-row-last-day",
                    &[("last_day", text(day(&r.valid_until)))],
                )
            };
            // A long (Dutch) name puts its code on a line of its own.
            if r.name.chars().count() + r.code.len() + 5 <= 80 {
                let _ = writeln!(s, "  {} ({})", r.name, r.code);
            } else {
                let _ = writeln!(s, "  {}\n    ({})", r.name, r.code);
            }
            let state = words::grant_state(i18n::language(), r.state.as_ref());
            let line = format!("      {state}{until}{seats}");
            if line.chars().count() <= 80 {
                let _ = writeln!(s, "{line}");
            } else {
                // Too long for the terminal: the seats go on a line of their own.
                let seats = seats.trim_start_matches([',', ' ']);
                let _ = writeln!(s, "      {state}{until}\n      {seats}");
            }
        }
    }
    s
}

/// `show CODE`: one module or plan, and the holders of a plan.
pub(crate) fn show(d: &LicenseDetail) -> String {
    let r = &d.row;
    let mut s = String::new();
    let kind = match r.kind {
        "system" => t("kind-system", &[]),
        "user-plan" => t("kind-user-plan", &[]),
        _ => t("kind-legacy", &[]),
    };
    let args = [
        ("name", text(&r.name)),
        ("code", text(&r.code)),
        ("kind", text(&kind)),
    ];
    line(&mut s, "show-head", &args);
    let _ = writeln!(s, "{}", d.description);
    if !d.enables.is_empty() {
        let capabilities = d.enables.join(", ");
        line(
            &mut s,
            "show-enables",
            &[("capabilities", text(&capabilities))],
        );
    }
    let state = words::grant_state(i18n::language(), r.state.as_ref());
    line(&mut s, "show-state", &[("state", text(&state))]);
    if r.state.is_some() {
        line(
            &mut s,
            "show-last-day",
            &[("last_day", text(day(&r.valid_until)))],
        );
    }
    if let (Some(used), Some(total)) = (r.seats_used, r.seats_total) {
        line(
            &mut s,
            "show-seats",
            &[("used", n(used as f64)), ("total", n(total))],
        );
        let over = t("show-over", &[]);
        for h in &d.holders {
            let over = if h.counted {
                String::new()
            } else {
                format!("  {over}")
            };
            let _ = writeln!(s, "  {:>4}. {}{over}", h.rank, shown(&h.user));
        }
    }
    s
}

/// `users list`.
pub(crate) fn users(users: &[UserRow]) -> String {
    let mut s = String::new();
    let (yes, no) = (t("users-login", &[]), t("users-no-login", &[]));
    let width = yes.chars().count().max(no.chars().count());
    for u in users {
        let login = if u.login { &yes } else { &no };
        let plans = u.plans.join(", ");
        let _ = writeln!(
            s,
            "{:<24} {login:<width$} {}",
            shown(&u.name),
            shown(&plans)
        );
    }
    if users.is_empty() {
        line(&mut s, "users-none", &[]);
    }
    s
}

/// `seats list`.
pub(crate) fn seats(rows: &[SeatRow]) -> String {
    let mut s = String::new();
    let over = t("seats-over", &[]);
    for r in rows {
        let over = if r.counted {
            String::new()
        } else {
            format!("  {over}")
        };
        let _ = writeln!(
            s,
            "{:<22} {:>5}. {}{over}",
            shown(&r.plan),
            r.rank,
            shown(&r.user)
        );
    }
    if rows.is_empty() {
        line(&mut s, "seats-none", &[]);
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
        let _ = writeln!(s, "  {mark}{}", words::reason(i18n::language(), r));
    }
    s
}

/// `import` of a clock-reset file.
pub(crate) fn clock_reset(r: &ClockResetReport) -> String {
    let mut s = String::new();
    let kid = r.kid.to_string();
    line(
        &mut s,
        "reset-applied",
        &[("issuer", text(&r.issuer)), ("kid", text(&kid))],
    );
    let before = r.mark_before.as_ref().map_or_else(
        || t("reset-none", &[]),
        license_format::time::format_rfc3339,
    );
    let after = license_format::time::format_rfc3339(&r.mark_after);
    let args = [("before", text(&before)), ("after", text(&after))];
    indented(&mut s, "  ", "reset-mark", &args);
    s
}

/// `import` of a revocation list.
pub(crate) fn revocation_list(r: &license_verifier::store::RevocationImport) -> String {
    let lines = license_verifier::text::revocation_lines(super::i18n::language(), r);
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// `events`: one line per event, newest first.
pub(crate) fn events(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        // The kind is a code, for --kind and JSON; the text says it in words.
        let _ = writeln!(
            s,
            "{} {}",
            license_format::time::format_rfc3339(&e.at),
            words::event(i18n::language(), &e.detail)
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
