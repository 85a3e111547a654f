//! Positions: every value whose mistakes a user may need pointed out is an [`Sp`], which
//! records the file, line and column it was written at.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// A 1-based position in a spec file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Which file of the load (see [`crate::load::Loaded::files`]); 0 is the spec itself.
    pub file: u16,
    /// 1-based line; 0 when unknown.
    pub line: u32,
    /// 1-based column; 0 when unknown.
    pub column: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

thread_local! {
    /// The file index that positions deserialised on this thread belong to. Set by
    /// [`crate::load`] around each file's deserialisation; serde gives no other way to
    /// thread context into a `Deserialize` impl.
    static CURRENT_FILE: std::cell::Cell<u16> = const { std::cell::Cell::new(0) };
}

/// Runs `f` with positions attributed to file `index`.
pub(crate) fn with_file<R>(index: u16, f: impl FnOnce() -> R) -> R {
    let prev = CURRENT_FILE.with(|c| c.replace(index));
    let out = f();
    CURRENT_FILE.with(|c| c.set(prev));
    out
}

/// A value with the position it was written at.
///
/// Deserialises exactly like `T` (the position comes from `serde_saphyr::Spanned`); its JSON
/// Schema is `T`'s.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where the value was written.
    pub pos: Pos,
}

impl<T> Sp<T> {
    /// A value with no known position (for values built in code).
    pub fn unplaced(value: T) -> Self {
        Sp {
            value,
            pos: Pos::default(),
        }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Sp<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let line = u32::try_from(s.referenced.line()).unwrap_or(u32::MAX);
        let column = u32::try_from(s.referenced.column()).unwrap_or(u32::MAX);
        let file = CURRENT_FILE.with(|c| c.get());
        Ok(Sp {
            value: s.value,
            pos: Pos { file, line, column },
        })
    }
}

impl<T: Serialize> Serialize for Sp<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}
