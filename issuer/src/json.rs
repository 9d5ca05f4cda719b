//! A JSON tree that keeps object members in order and keeps duplicates, so that the
//! order reader can name a duplicated member instead of silently taking the last one
//! (which is what `serde_json::Value` does).

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use crate::problem::{JsonKind, SyntaxProblem};

/// One JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Number(Number),
    Str(String),
    Array(Vec<Node>),
    /// Members in document order, duplicates kept.
    Object(Vec<(String, Node)>),
}

impl Node {
    /// Reads one JSON document; a UTF-8 byte order mark is skipped.
    pub(crate) fn parse(bytes: &[u8]) -> Result<Node, SyntaxProblem> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        std::str::from_utf8(bytes).map_err(|e| SyntaxProblem::NotUtf8 {
            offset: e.valid_up_to(),
        })?;
        serde_json::from_slice(bytes).map_err(|e| not_json(&e))
    }

    /// What kind of value this is.
    pub(crate) fn kind(&self) -> JsonKind {
        match self {
            Node::Null => JsonKind::Null,
            Node::Bool(_) => JsonKind::Boolean,
            Node::Number(_) => JsonKind::Number,
            Node::Str(_) => JsonKind::String,
            Node::Array(_) => JsonKind::Array,
            Node::Object(_) => JsonKind::Object,
        }
    }
}

/// serde_json's error as data: its position as numbers, its words without them, so that
/// a front end places the position in its own sentence.
fn not_json(e: &serde_json::Error) -> SyntaxProblem {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    let position = format!(" at line {line} column {column}");
    SyntaxProblem::NotJson {
        line,
        column,
        detail: text.strip_suffix(&position).unwrap_or(&text).to_owned(),
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        // JSON has no NaN or infinity, so from_f64 always succeeds here.
        Ok(Number::from_f64(v).map_or(Node::Null, Node::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut members = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            members.push((key, value));
        }
        Ok(Node::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_duplicates_and_order() {
        let node = Node::parse(br#"{"b":1,"a":[true,null],"b":"x"}"#).unwrap();
        let Node::Object(members) = node else {
            panic!("not an object")
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(members[2].1, Node::Str("x".into()));
    }

    #[test]
    fn refuses_trailing_data_and_non_utf8() {
        let SyntaxProblem::NotJson {
            line,
            column,
            detail,
        } = Node::parse(b"{}\n {}").unwrap_err()
        else {
            panic!("trailing data is JSON")
        };
        assert_eq!(
            (line, column, detail.as_str()),
            (2, 2, "trailing characters")
        );
        assert_eq!(
            Node::parse(b"\"\xff\"").unwrap_err(),
            SyntaxProblem::NotUtf8 { offset: 1 }
        );
        assert_eq!(
            Node::parse(b"\xEF\xBB\xBF{}").unwrap(),
            Node::Object(vec![])
        );
    }
}
