//! The JSON of the answers, as the command line's `--json` prints them: the library's
//! structures with each coded value's words beside its code (docs/JSON.md).

use crate::store::{SeatCheck, Status};
use crate::{Decision, Error, FileCheck, Reason, Warning};
use license_format::Lang;
use serde_json::{Map, Value};

/// An answer as every front end gives it: the exit status (0 yes, 1 a clean no, 2 an
/// error) and the JSON the command line's `--json` prints. The command line and the C
/// interface both build their answers here, so they cannot differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// 0 yes / done, 1 a clean no, 2 an error.
    pub exit: u8,
    /// The JSON object.
    pub json: Value,
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// `status`: 0 when the product may run licensed, else 1.
pub fn status(lang: Lang, status: &Status) -> Answer {
    Answer {
        exit: if status.usable { 0 } else { 1 },
        json: with_warning_texts(lang, to_json(status), &status.warnings),
    }
}

/// `check system` and `check capability`: 0 when allowed, else 1.
pub fn decision(lang: Lang, decision: &Decision) -> Answer {
    Answer {
        exit: if decision.allowed { 0 } else { 1 },
        json: with_texts(lang, to_json(decision), &decision.reasons),
    }
}

/// `check seats`: 0 when a seat is free, else 1.
pub fn seat_check(lang: Lang, check: &SeatCheck) -> Answer {
    Answer {
        exit: if check.decision.allowed { 0 } else { 1 },
        json: with_texts(lang, to_json(check), &check.decision.reasons),
    }
}

/// `verify`: 0 when the file works, else 1.
pub fn file_check(lang: Lang, report: &FileCheck) -> Answer {
    Answer {
        exit: if report.valid { 0 } else { 1 },
        json: with_texts(lang, to_json(report), &report.reasons),
    }
}

/// The exit status of an error: 1 for a refusal by the license rules, else 2.
pub fn exit_of(e: &Error) -> u8 {
    if e.is_refusal() {
        1
    } else {
        2
    }
}

/// A library error as an answer: its exit status and [`error`]'s JSON.
pub fn failure(lang: Lang, e: &Error) -> Answer {
    let exit = exit_of(e);
    Answer {
        exit,
        json: error(lang, e.code(), &e.details(), exit),
    }
}

/// Puts each reason's words beside its code in `json["reasons"]`: `{code, text, ...}`.
pub fn with_texts(lang: Lang, json: Value, reasons: &[Reason]) -> Value {
    texts_in(
        json,
        "reasons",
        reasons.iter().map(|r| super::reason(lang, r)),
    )
}

/// Puts each warning's words beside its code in `json["warnings"]`.
pub fn with_warning_texts(lang: Lang, json: Value, warnings: &[Warning]) -> Value {
    texts_in(
        json,
        "warnings",
        warnings.iter().map(|w| super::warning(lang, w)),
    )
}

fn texts_in(mut json: Value, member: &str, texts: impl Iterator<Item = String>) -> Value {
    if let Some(list) = json.get_mut(member).and_then(Value::as_array_mut) {
        for (item, text) in list.iter_mut().zip(texts) {
            item["text"] = text.into();
        }
    }
    json
}

/// An error as JSON: `{"error": {code, text, ...details}, "refused", "exit"}`.
pub fn error(lang: Lang, code: &str, details: &Map<String, Value>, exit: u8) -> Value {
    let mut error = details.clone();
    error.insert("code".into(), code.into());
    error.insert("text".into(), super::error(lang, code, details).into());
    serde_json::json!({ "error": error, "refused": exit == 1, "exit": exit })
}
