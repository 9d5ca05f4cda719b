//! The JSON of the answers, as the command line's `--json` prints them: the library's
//! structures with each coded value's words beside its code (docs/JSON.md).

use crate::{Reason, Warning};
use license_format::Lang;
use serde_json::{Map, Value};

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
