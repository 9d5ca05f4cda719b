//! JSON helpers shared by the envelope, payload and request parsers.
//!
//! Derived `Deserialize` with `deny_unknown_fields` already refuses unknown and
//! duplicated members of a struct; free-form objects (`extensions`) need [`StrictValue`]
//! because `serde_json::Value` silently keeps the last of two equal keys.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::problem::JsonProblem;
use crate::time::TimestampProblem;

/// A JSON value read with every object key unique, at any depth.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StrictValue(pub Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(carried("duplicate-member", &Value::from(key)));
            }
            let StrictValue(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Deserializes an optional JSON object whose keys are unique at every depth.
pub(crate) fn strict_object<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Map<String, Value>>, D::Error> {
    match StrictValue::deserialize(deserializer)?.0 {
        Value::Object(map) => Ok(Some(map)),
        other => Err(de::Error::invalid_type(unexpected(&other), &"an object")),
    }
}

fn unexpected(v: &Value) -> de::Unexpected<'_> {
    match v {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(_) => de::Unexpected::Other("a number"),
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// Deserializes an `Option` that must be present, as `null` or a value: used with
/// `deserialize_with`, which turns off serde's "missing means `None`".
pub(crate) fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(deserializer)
}

/// Reads a UTF-8 JSON document into `T`, refusing trailing data.
///
/// # Errors
/// The problem, typed where serde's message has a fixed form or is this crate's own
/// (members missing, unknown or doubled, timestamps), else serde_json's words.
pub(crate) fn from_slice<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, JsonProblem> {
    serde_json::from_slice(bytes).map_err(|e| problem(&e))
}

/// serde_json keeps only the text of an error a visitor of this crate raises; such a
/// text is this marker, a kind and the data as JSON, and [`problem`] reads it back. It is
/// never shown.
const CARRIED: &str = "\u{0}license-format:";

fn carried<E: de::Error>(kind: &str, data: &Value) -> E {
    E::custom(format_args!("{CARRIED}{kind}:{data}"))
}

/// The error of a timestamp member: the text and what is wrong with it.
pub(crate) fn not_a_timestamp<E: de::Error>(text: &str, reason: TimestampProblem) -> E {
    carried("not-a-timestamp", &Value::from(vec![text, reason.code()]))
}

/// The problem of a serde_json error, its position apart.
fn problem(e: &serde_json::Error) -> JsonProblem {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    let position = format!(" at line {line} column {column}");
    let message = text.strip_suffix(&position).unwrap_or(&text);
    let typed = e.is_data().then(|| typed(message, line, column)).flatten();
    typed.unwrap_or_else(|| JsonProblem::NotJson {
        line,
        column,
        detail: message.to_owned(),
    })
}

/// A problem from a message of this crate's (see [`CARRIED`]) or of serde's fixed forms
/// for struct members.
fn typed(message: &str, line: usize, column: usize) -> Option<JsonProblem> {
    if let Some(carried) = message.strip_prefix(CARRIED) {
        let (kind, data) = carried.split_once(':')?;
        return match kind {
            "duplicate-member" => Some(JsonProblem::DuplicateMember {
                member: serde_json::from_str(data).ok()?,
                line,
                column,
            }),
            "not-a-timestamp" => {
                let (value, reason): (String, String) = serde_json::from_str(data).ok()?;
                Some(JsonProblem::NotATimestamp {
                    value,
                    reason: TimestampProblem::from_code(&reason)?,
                    line,
                    column,
                })
            }
            _ => None,
        };
    }
    let name = |prefix: &str| message.strip_prefix(prefix)?.strip_suffix('`');
    if let Some(member) = name("missing field `") {
        let member = member.to_owned();
        return Some(JsonProblem::MissingMember {
            member,
            line,
            column,
        });
    }
    if let Some(member) = name("duplicate field `") {
        let member = member.to_owned();
        return Some(JsonProblem::DuplicateMember {
            member,
            line,
            column,
        });
    }
    // `unknown field `NAME`, expected ...` or `..., there are no fields`; the list of
    // expected names holds no such text, the found name may.
    let rest = message.strip_prefix("unknown field `")?;
    let end = rest
        .rfind("`, expected ")
        .or_else(|| rest.rfind("`, there are no fields"))?;
    Some(JsonProblem::UnknownMember {
        member: rest[..end].to_owned(),
        line,
        column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_duplicate_keys_at_depth() {
        let err = from_slice::<StrictValue>(br#"{"a":{"b":1,"b":2}}"#).unwrap_err();
        assert!(
            matches!(&err, JsonProblem::DuplicateMember { member, line: 1, .. } if member == "b"),
            "{err:?}"
        );
        assert!(from_slice::<StrictValue>(br#"{"a":[{"b":1},{"b":2}]}"#).is_ok());
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Two {
        a: u32,
        #[serde(with = "crate::time::required")]
        t: chrono::DateTime<chrono::Utc>,
    }

    /// serde's messages for struct members have fixed forms; if one changes, its
    /// problem falls back to `not-json` and this test says so.
    #[test]
    fn serde_messages_become_typed_problems() {
        let member = |text: &str| match from_slice::<Two>(text.as_bytes()).unwrap_err() {
            JsonProblem::MissingMember { member, .. } => format!("missing {member}"),
            JsonProblem::UnknownMember { member, .. } => format!("unknown {member}"),
            JsonProblem::DuplicateMember { member, .. } => format!("duplicate {member}"),
            JsonProblem::NotATimestamp { value, reason, .. } => {
                format!("{value} {}", reason.code())
            }
            JsonProblem::NotJson { detail, .. } => format!("not-json {detail}"),
        };
        let t = r#""t":"2026-12-01T00:00:00Z""#;
        assert_eq!(member(&format!("{{{t}}}")), "missing a");
        assert_eq!(
            member(&format!(r#"{{"a":1,{t},"x`, expected y":1}}"#)),
            "unknown x`, expected y"
        );
        assert_eq!(member(&format!(r#"{{"a":1,"a":2,{t}}}"#)), "duplicate a");
        assert_eq!(
            member(r#"{"a":1,"t":"2016-12-31T23:59:60Z"}"#),
            "2016-12-31T23:59:60Z leap-second"
        );
        assert_eq!(
            member(r#"{"a":"1"}"#),
            "not-json invalid type: string \"1\", expected u32"
        );
        let err = from_slice::<Two>(b"{\n  \"a\": ").unwrap_err();
        assert!(
            matches!(
                err,
                JsonProblem::NotJson {
                    line: 2,
                    column: 7,
                    ..
                }
            ),
            "{err:?}"
        );
    }
}
