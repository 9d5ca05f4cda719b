//! The system events in words.

use crate::store::EventDetail;
use chrono::{DateTime, Utc};
use license_format::Lang;

use super::{n, s as text, t};

/// What an event records, in words.
pub fn event(lang: Lang, detail: &EventDetail) -> String {
    let time = license_format::time::format_rfc3339;
    let opt_time = |t_opt: &Option<DateTime<Utc>>| {
        t_opt
            .as_ref()
            .map_or_else(|| t(lang, "reset-none", &[]), time)
    };
    match detail {
        EventDetail::StoreCreated { installation_id } => t(
            lang,
            "event-store-created",
            &[("installation_id", text(installation_id))],
        ),
        EventDetail::LicenseActivated {
            license_id,
            serial,
            customer_id,
            replaces,
            customer_before,
            users_losing_access,
        } => {
            let mut out = t(
                lang,
                "event-license-activated",
                &[
                    ("license_id", text(license_id)),
                    ("serial", n(*serial as f64)),
                    ("customer_id", text(customer_id)),
                ],
            );
            if let Some(id) = replaces {
                out += &t(lang, "event-replaces", &[("license_id", text(id))]);
            }
            if let Some(before) = customer_before {
                let args = [("before", text(before)), ("after", text(customer_id))];
                out += &t(lang, "event-customer-changes", &args);
            }
            if !users_losing_access.is_empty() {
                let users: Vec<String> = users_losing_access
                    .iter()
                    .map(|l| format!("{} ({})", l.user, l.plan))
                    .collect();
                out += &t(
                    lang,
                    "event-users-losing-access",
                    &[("users", text(users.join(", ")))],
                );
            }
            out
        }
        EventDetail::LicenseRestored { license_id } => t(
            lang,
            "event-license-restored",
            &[("license_id", text(license_id))],
        ),
        EventDetail::ImportRefused {
            dry_run,
            error,
            details,
        } => {
            let id = if *dry_run {
                "event-dry-run-refused"
            } else {
                "event-import-refused"
            };
            t(
                lang,
                id,
                &[("reason", text(super::error(lang, error, details)))],
            )
        }
        EventDetail::ClockResetRefused { error, details } => t(
            lang,
            "event-clock-reset-refused",
            &[("reason", text(super::error(lang, error, details)))],
        ),
        EventDetail::SeatAssigned {
            user,
            plan,
            moved_from,
        } if moved_from.is_empty() => t(
            lang,
            "event-seat-assigned",
            &[("user", text(user)), ("plan", text(plan))],
        ),
        EventDetail::SeatAssigned {
            user,
            plan,
            moved_from,
        } => t(
            lang,
            "event-seat-assigned-moved",
            &[
                ("user", text(user)),
                ("plan", text(plan)),
                ("from", text(moved_from.join(", "))),
            ],
        ),
        EventDetail::SeatReleased { user, plan } => t(
            lang,
            "event-seat-released",
            &[("user", text(user)), ("plan", text(plan))],
        ),
        EventDetail::SeatRefused {
            user,
            plan,
            error,
            details,
        } => t(
            lang,
            "event-seat-refused",
            &[
                ("user", text(user)),
                ("plan", text(plan)),
                ("reason", text(super::error(lang, error, details))),
            ],
        ),
        EventDetail::UserAdded { user, login } => t(
            lang,
            "event-user-added",
            &[("user", text(user)), ("login", text(login.to_string()))],
        ),
        EventDetail::LoginChanged { user, login } => t(
            lang,
            "event-login-changed",
            &[("user", text(user)), ("login", text(login.to_string()))],
        ),
        EventDetail::UserRemoved { user, released } if released.is_empty() => {
            t(lang, "event-user-removed", &[("user", text(user))])
        }
        EventDetail::UserRemoved { user, released } => t(
            lang,
            "event-user-removed-released",
            &[("user", text(user)), ("plans", text(released.join(", ")))],
        ),
        EventDetail::ClockBehind { clock, mark, hours } => t(
            lang,
            "event-clock-behind",
            &[
                ("clock", text(time(clock))),
                ("mark", text(time(mark))),
                ("hours", n(*hours as f64)),
            ],
        ),
        EventDetail::ClockResetRequested { nonce, clock, mark } => t(
            lang,
            "event-clock-reset-requested",
            &[
                ("nonce", text(nonce)),
                ("clock", text(time(clock))),
                ("mark", text(opt_time(mark))),
            ],
        ),
        EventDetail::ClockReset {
            issuer,
            kid,
            nonce,
            mark_before,
            mark_after,
        } => t(
            lang,
            "event-clock-reset",
            &[
                ("issuer", text(issuer)),
                ("kid", text(kid)),
                ("nonce", text(nonce)),
                ("before", text(opt_time(mark_before))),
                ("after", text(time(mark_after))),
            ],
        ),
        EventDetail::RevocationListImported {
            serial,
            kid,
            licenses,
            keys,
            revokes_active,
        } => {
            let mut out = t(
                lang,
                "event-revocation-list-imported",
                &[
                    ("serial", n(*serial as f64)),
                    ("kid", text(kid)),
                    ("licenses", n(*licenses as f64)),
                    ("keys", n(*keys as f64)),
                ],
            );
            if let Some(id) = revokes_active {
                out += &t(lang, "event-revokes-active", &[("license_id", text(id))]);
            }
            out
        }
        EventDetail::StateChanged {
            license_id,
            state,
            days_left,
        } => {
            let state = state_word(lang, state, *days_left);
            t(
                lang,
                "event-state-changed",
                &[("license_id", text(license_id)), ("state", text(&state))],
            )
        }
        EventDetail::Text { text: stored } => t(lang, "event-text", &[("text", text(stored))]),
    }
}

/// A state logged by its code, in words.
fn state_word(lang: Lang, code: &str, days_left: Option<i64>) -> String {
    match (code, days_left) {
        ("active", _) => t(lang, "state-active", &[]),
        ("grace", Some(days)) => t(lang, "state-word-grace", &[("days", n(days as f64))]),
        ("grace", None) => t(lang, "state-word-grace", &[("days", n(0))]),
        ("expired", _) => t(lang, "state-word-expired", &[]),
        ("not-yet-valid", _) => t(lang, "state-word-not-yet-valid", &[]),
        ("revoked", _) => t(lang, "state-word-revoked", &[]),
        (other, _) => other.to_owned(),
    }
}
