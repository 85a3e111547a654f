//! Where each fact of a spec comes from: the public vendor page beside it, and the note that
//! says which page the spec follows where pages disagree.
//!
//! Generated rustdoc shows these next to the items they describe, and the catalogue's fact
//! coverage counts them; the runtime never reads them.

use crate::Str;

/// One fact of a spec and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactDef {
    /// Where the fact is in the spec: `endpoints.token`, `lifetimes.access_token`,
    /// `errors.invalid_grant`, `scopes`, ...
    pub path: Str,
    /// The public page it comes from; `None` when the spec names none.
    pub source: Option<Str>,
    /// Why the spec says what it says (which page it follows where pages disagree).
    pub note: Option<Str>,
}
