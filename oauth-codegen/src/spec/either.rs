//! Values a spec may write short or long: `client_auth: basic` or `client_auth: { method:
//! basic, source: ... }`, `access_token: 1h` or `access_token: { value: 1h, source: ... }`.
//!
//! [`ShortOrLong<T>`] deserialises a scalar through [`Short::from_short`] and a mapping as `T`
//! itself (read straight from the YAML deserialiser, so the positions inside it are kept).

use std::fmt;
use std::marker::PhantomData;

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// A long form (a mapping) with a scalar short form.
pub trait Short: Sized {
    /// What the short form is, for messages (`"a client authentication method"`).
    const EXPECTING: &'static str;
    /// The long form of the scalar `s`; `Err` with the reason when `s` is not valid.
    fn from_short(s: &str) -> Result<Self, String>;
    /// The JSON Schema of the short form (a string unless overridden).
    fn short_schema(_g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

/// `T`, written short or long.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ShortOrLong<T>(pub T);

impl<T> std::ops::Deref for ShortOrLong<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<'de, T: Short + Deserialize<'de>> Deserialize<'de> for ShortOrLong<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Short + Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}, or a mapping", T::EXPECTING)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
                T::from_short(v).map_err(E::custom)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
                T::from_short(if v { "true" } else { "false" }).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
                T::from_short(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
                T::from_short(&v.to_string()).map_err(E::custom)
            }
            fn visit_unit<E: de::Error>(self) -> Result<T, E> {
                T::from_short("null").map_err(E::custom)
            }
            fn visit_none<E: de::Error>(self) -> Result<T, E> {
                T::from_short("null").map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_any(V(PhantomData)).map(ShortOrLong)
    }
}

impl<T: Short + JsonSchema> JsonSchema for ShortOrLong<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("ShortOrLong_{}", T::schema_name()).into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let short = T::short_schema(g);
        let long = g.subschema_for::<T>();
        schemars::json_schema!({ "anyOf": [short, long] })
    }
}

/// One value or a list of them (`method: GET` or `method: [GET, POST]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or a list of values")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<T>, E> {
                use de::IntoDeserializer as _;
                T::deserialize(v.into_deserializer()).map(|t| vec![t])
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(t) = seq.next_element()? {
                    out.push(t);
                }
                Ok(out)
            }
        }
        d.deserialize_any(V(PhantomData)).map(OneOrMany)
    }
}

impl<T: JsonSchema> JsonSchema for OneOrMany<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("OneOrMany_{}", T::schema_name()).into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = g.subschema_for::<T>();
        let many = g.subschema_for::<Vec<T>>();
        schemars::json_schema!({ "anyOf": [one, many] })
    }
}
