//! Blocks of labelled lines (`inspect`, `ledger show`) and terms shown by their last day.

use chrono::{DateTime, Utc};
use license_format::time::{format_rfc3339, last_day};
use serde_json::{json, Value};

use super::i18n::t;

/// Lines of `label: value`, the values aligned one column after the longest label, in
/// the chosen language (Dutch labels are longer).
pub fn block(rows: &[(&str, String)]) -> String {
    let labels: Vec<String> = rows.iter().map(|(id, _)| t(id, &[]) + ":").collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
    let mut out = String::new();
    for (label, (_, value)) in labels.iter().zip(rows) {
        out.push_str(&format!("{label:<width$}{value}\n"));
    }
    out
}

/// A term's end in words: its last day (inclusive, FORMAT.md §7.1), or "perpetual".
pub fn last_day_text(end: Option<&DateTime<Utc>>) -> String {
    end.map_or_else(|| t("term-perpetual", &[]), |e| last_day(e).to_string())
}

/// A term's end in JSON: `ends_at` (the exclusive instant) and `last_day` (the inclusive
/// date), both `null` for a perpetual term.
pub fn end_json(end: Option<&DateTime<Utc>>) -> (Value, Value) {
    match end {
        Some(e) => (json!(format_rfc3339(e)), json!(last_day(e).to_string())),
        None => (Value::Null, Value::Null),
    }
}
