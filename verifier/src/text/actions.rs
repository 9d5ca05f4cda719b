//! What an action on users and seats did, in words: the same sentence on the command
//! line and in the web console.

use license_format::Lang;

use super::{n, s, t};
use crate::store::SeatAssignment;

/// `users add`.
pub fn user_added(lang: Lang, user: &str, login: bool) -> String {
    let login = login.to_string();
    t(
        lang,
        "users-added",
        &[("user", s(user)), ("login", s(&login))],
    )
}

/// `users login`: the rights now, and whether they changed.
pub fn login_set(lang: Lang, user: &str, login: bool, changed: bool) -> String {
    let id = if login {
        "users-login-on"
    } else {
        "users-login-off"
    };
    let text = t(lang, id, &[("user", s(user))]);
    if changed {
        text
    } else {
        format!("{text} {}", t(lang, "users-unchanged", &[]))
    }
}

/// `users remove`, with the plans whose seats were released.
pub fn user_removed(lang: Lang, user: &str, released: &[String]) -> String {
    if released.is_empty() {
        return t(lang, "users-removed", &[("user", s(user))]);
    }
    let plans = released.join(", ");
    t(
        lang,
        "users-removed-released",
        &[("user", s(user)), ("plans", s(&plans))],
    )
}

/// `seats assign`: assigned, moved or already held, and the plan's seats now.
pub fn seat_assigned(lang: Lang, r: &SeatAssignment) -> String {
    let from = r.released.join(", ");
    let id = match (r.already_held, r.released.is_empty()) {
        (true, _) => "seats-already-held",
        (false, true) => "seats-assigned",
        (false, false) => "seats-assigned-moved",
    };
    let args = [
        ("user", s(&r.user)),
        ("plan", s(&r.plan)),
        ("from", s(&from)),
        ("used", n(r.seats_used as f64)),
        ("total", n(r.seats_total)),
    ];
    t(lang, id, &args)
}

/// `seats release`.
pub fn seat_released(lang: Lang, user: &str, plan: &str) -> String {
    t(
        lang,
        "seats-released",
        &[("user", s(user)), ("plan", s(plan))],
    )
}
