//! What an import does or would do, in lines: the same words for `import --dry-run` on
//! the command line and the web console's preview, so that the two cannot differ.

use chrono::{DateTime, Utc};
use license_format::Lang;
use license_i18n::FluentValue;

use super::{n, s, t};
use crate::store::{ImportOutcome, ImportReport, ListOutcome, RevocationImport};

/// The last day of a term, the word for "perpetual" when it has none.
pub fn last_day(lang: Lang, end: &Option<DateTime<Utc>>) -> String {
    end.as_ref()
        .map_or_else(|| t(lang, "term-perpetual", &[]), crate::end_day)
}

/// The report of an import (or its dry run), one line each; the changes are indented by
/// two spaces under the first line.
pub fn import_lines(lang: Lang, r: &ImportReport) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = |indent: &str, id: &str, args: &[(&str, FluentValue<'_>)]| {
        out.push(format!("{indent}{}", t(lang, id, args)));
    };
    let head = match r.outcome {
        ImportOutcome::AlreadyActive => "import-already-active",
        ImportOutcome::DryRun => "import-dry-run",
        _ => "import-activated",
    };
    let args = [
        ("license_id", s(&r.license_id)),
        ("serial", n(r.serial as f64)),
        ("customer", s(&r.customer)),
        ("last_day", s(last_day(lang, &r.valid_until))),
    ];
    line("", head, &args);
    if r.outcome == ImportOutcome::AlreadyActive {
        return out;
    }
    if let Some(prev) = &r.previous {
        line("", "import-replaces", &[("license_id", s(prev))]);
    }
    let c = &r.changes;
    if let (Some(before), Some(after), true) =
        (&c.customer_before, &c.customer_after, c.customer_changes)
    {
        let args = [
            ("before_id", s(&before.id)),
            ("before", s(&before.name)),
            ("after_id", s(&after.id)),
            ("after", s(&after.name)),
        ];
        line("  ", "import-customer-changes", &args);
    }
    for m in &c.modules_gained {
        line("  ", "import-module-gained", &[("code", s(m))]);
    }
    for m in &c.modules_lost {
        line("  ", "import-module-lost", &[("code", s(m))]);
    }
    for ch in &c.seats {
        let id = if ch.to > ch.from {
            "import-seats-up"
        } else {
            "import-seats-down"
        };
        line(
            "  ",
            id,
            &[
                ("plan", s(&ch.plan)),
                ("from", n(ch.from)),
                ("to", n(ch.to)),
            ],
        );
    }
    for u in &c.users_losing_access {
        let args = [
            ("user", s(&u.user)),
            ("plan", s(&u.plan)),
            ("rank", n(u.rank as f64)),
            ("seats", n(u.seats)),
        ];
        line("  ", "import-user-loses", &args);
    }
    if c.expiry_moves {
        let args = [
            ("before", s(last_day(lang, &c.valid_until_before))),
            ("after", s(last_day(lang, &c.valid_until_after))),
        ];
        line("  ", "import-expiry-moves", &args);
    }
    out
}

/// The report of importing a revocation list (or its dry run), one line each: what the
/// list is, then, indented, what it does to the active license.
pub fn revocation_lines(lang: Lang, r: &RevocationImport) -> Vec<String> {
    let head = match r.outcome {
        ListOutcome::DryRun => "revocations-dry-run",
        _ => "revocations-imported",
    };
    let kid = r.kid.to_string();
    let previous = r.previous_serial.map_or(0.0, |p| p as f64);
    let args = [
        ("serial", n(r.serial as f64)),
        ("issuer", s(&r.issuer)),
        ("kid", s(&kid)),
        ("licenses", n(r.licenses as f64)),
        ("keys", n(r.keys as f64)),
        ("previous", n(previous)),
    ];
    let mut out = vec![t(lang, head, &args)];
    let active = match (&r.active_license, &r.revokes_active) {
        (Some(id), Some(revocation)) => super::reasons::reason(
            lang,
            &crate::Reason::LicenseRevoked {
                license_id: id.clone(),
                revocation: revocation.clone(),
            },
        ),
        (Some(id), None) => t(lang, "revocations-active-stands", &[("license_id", s(id))]),
        (None, _) => return out,
    };
    out.push(format!("  {active}"));
    out
}
