//! Typed problems through serde. serde's errors carry only text, so a type that judges
//! a value of an order leaves its typed [`OrderProblem`](P) on this thread ([`raise`])
//! before it returns serde's error, and the reader takes it back beside the path that
//! `serde_path_to_error` found. The mistakes derive reports in words only (an unknown,
//! a duplicated and a missing member) are turned into problems where an object is read
//! ([`read_members`]).

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Number;

use crate::problem::{Expected, JsonKind, OrderProblem as P};

/// A problem raised while reading, and the member to add to serde's path when serde
/// reports the error at the enclosing object (a missing or a duplicated member).
#[derive(Debug)]
pub(super) struct Raised {
    pub(super) member: Option<&'static str>,
    pub(super) problem: P,
}

thread_local! {
    /// The problem behind the error being returned on this thread. A read stops at its
    /// first error, so one slot is enough; the reader empties it before each read.
    static RAISED: Cell<Option<Raised>> = const { Cell::new(None) };
}

/// serde's error for `problem`, which is left on this thread for the reader.
pub(super) fn raise<E: de::Error>(problem: P) -> E {
    raise_at(None, problem)
}

pub(super) fn raise_at<E: de::Error>(member: Option<&'static str>, problem: P) -> E {
    let error = E::custom(&problem);
    RAISED.set(Some(Raised { member, problem }));
    error
}

pub(super) fn wrong<E: de::Error>(found: JsonKind, expected: Expected) -> E {
    raise(P::WrongType { found, expected })
}

/// Takes the problem behind the last failed read on this thread.
pub(super) fn take_raised() -> Option<Raised> {
    RAISED.take()
}

/// An object read by derive: its members, for "unknown member", and what a value of
/// another type is told to be.
pub(super) trait Members {
    const ALLOWED: &'static [&'static str];
    fn expected() -> Expected {
        Expected::Object {
            allowed: Self::ALLOWED.to_vec(),
        }
    }
}

/// The kinds of JSON value a type takes; every other kind is [`P::WrongType`]. One
/// visitor ([`Shape`]) serves every type, so that each says only what it accepts.
pub(super) trait Accept<'de>: Sized {
    type Value;
    fn expected(&self) -> Expected;
    fn string<E: de::Error>(self, _: String) -> Result<Self::Value, E> {
        Err(wrong(JsonKind::String, self.expected()))
    }
    fn number<E: de::Error>(self, _: Number) -> Result<Self::Value, E> {
        Err(wrong(JsonKind::Number, self.expected()))
    }
    fn map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(wrong(JsonKind::Object, self.expected()))
    }
    fn seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(wrong(JsonKind::Array, self.expected()))
    }
}

/// Reads one value of `d` as `accept` takes it.
pub(super) fn read_as<'de, D: Deserializer<'de>, T: Accept<'de>>(
    d: D,
    accept: T,
) -> Result<T::Value, D::Error> {
    d.deserialize_any(Shape(accept))
}

struct Shape<T>(T);

impl<'de, T: Accept<'de>> Visitor<'de> for Shape<T> {
    type Value = T::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0.expected())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<T::Value, E> {
        Err(wrong(JsonKind::Boolean, self.0.expected()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<T::Value, E> {
        Err(wrong(JsonKind::Null, self.0.expected()))
    }
    fn visit_none<E: de::Error>(self) -> Result<T::Value, E> {
        self.visit_unit()
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T::Value, E> {
        self.0.number(v.into())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T::Value, E> {
        self.0.number(v.into())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T::Value, E> {
        // JSON has no NaN or infinity, so from_f64 always succeeds here.
        match Number::from_f64(v) {
            Some(n) => self.0.number(n),
            None => Err(wrong(JsonKind::Number, self.0.expected())),
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T::Value, E> {
        self.0.string(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<T::Value, E> {
        self.0.string(v)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T::Value, A::Error> {
        self.0.map(map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T::Value, A::Error> {
        self.0.seq(seq)
    }
}

/// Accepts a string (`Scalar<true>`) or a number (`Scalar<false>`).
struct Scalar<const STRING: bool>(Expected);

impl<'de> Accept<'de> for Scalar<true> {
    type Value = String;
    fn expected(&self) -> Expected {
        self.0.clone()
    }
    fn string<E: de::Error>(self, s: String) -> Result<String, E> {
        Ok(s)
    }
}

impl<'de> Accept<'de> for Scalar<false> {
    type Value = Number;
    fn expected(&self) -> Expected {
        self.0.clone()
    }
    fn number<E: de::Error>(self, n: Number) -> Result<Number, E> {
        Ok(n)
    }
}

pub(super) fn string<'de, D: Deserializer<'de>>(
    d: D,
    expected: Expected,
) -> Result<String, D::Error> {
    d.deserialize_any(Shape(Scalar::<true>(expected)))
}

pub(super) fn number<'de, D: Deserializer<'de>>(
    d: D,
    expected: Expected,
) -> Result<Number, D::Error> {
    d.deserialize_any(Shape(Scalar::<false>(expected)))
}

/// Reads a derived struct from a JSON object, `T::expected()` for any other value.
pub(super) fn object<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Members + Deserialize<'de>,
{
    d.deserialize_any(Shape(ObjectOf::<T>(PhantomData)))
}

struct ObjectOf<T>(PhantomData<T>);

impl<'de, T: Members + Deserialize<'de>> Accept<'de> for ObjectOf<T> {
    type Value = T;
    fn expected(&self) -> Expected {
        T::expected()
    }
    fn map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        read_members(map)
    }
}

/// Reads `T`'s members with derive, and turns the mistakes derive reports in words only
/// into problems: serde names the object, the problem names the member.
pub(super) fn read_members<'de, T, A>(map: A) -> Result<T, A::Error>
where
    T: Members + Deserialize<'de>,
    A: MapAccess<'de>,
{
    T::deserialize(MapAccessDeserializer::new(map)).inspect_err(|e| {
        let raised = take_raised().or_else(|| derive_problem(&e.to_string(), T::ALLOWED));
        RAISED.set(raised);
    })
}

/// The problem in the words of serde's derive (the default messages of
/// `serde::de::Error`, which a test of this module pins), or `None` for other words.
pub(super) fn derive_problem(message: &str, allowed: &'static [&'static str]) -> Option<Raised> {
    if message.starts_with("unknown field `") {
        let allowed = allowed.to_vec();
        let problem = P::UnknownMember { allowed };
        return Some(Raised {
            member: None,
            problem,
        });
    }
    let member = |prefix: &str| {
        let name = message.strip_prefix(prefix)?.split('`').next()?;
        allowed.iter().copied().find(|m| *m == name)
    };
    if let Some(member) = member("duplicate field `") {
        return Some(Raised {
            member: Some(member),
            problem: P::GivenTwice,
        });
    }
    let member = member("missing field `")?;
    Some(Raised {
        member: Some(member),
        problem: P::Missing { member },
    })
}
