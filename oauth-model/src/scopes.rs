//! Scopes: how they are sent and every scope the provider has.

use std::borrow::Cow;

use crate::{List, Str};

/// Scopes: how they are sent, and the catalogue.
#[derive(Debug, Clone)]
pub struct ScopesDef {
    /// At least one scope must be requested.
    pub required: bool,
    /// Request separator.
    pub separator: Str,
    /// The authorize parameters scopes go in: `scope` first (or the provider's name for it),
    /// then any further ones (Slack's `user_scope`, HubSpot's `optional_scope`). A typed
    /// scope names its parameter by index.
    pub params: List<Str>,
    /// Every scope, expanded and sorted.
    pub catalogue: Catalogue,
    /// Each scope's Rust path below `scopes::` (`drive::readonly`), aligned with
    /// [`ScopesDef::catalogue`]: what code generation names it.
    pub names: Catalogue,
    /// Each scope's parameter, as an index into [`ScopesDef::params`] written as one base-36
    /// digit, aligned with [`ScopesDef::catalogue`].
    pub param_of: Str,
    /// Scopes sent when none are named.
    pub default: List<Str>,
    /// Strings outside the catalogue may be asked for (`Scope::other`): the provider's scopes
    /// are configured per tenant or API, so no catalogue can list them all.
    pub open: bool,
}

/// Every scope of a provider, sorted, kept as one newline-separated string.
///
/// One string rather than a list of strings because generated code carries the catalogue as a
/// constant: a single literal costs rustc next to nothing to check, while thousands of
/// `Cow::Borrowed("...")` elements cost it about 0.3 s per 5,000 scopes. Validation guarantees
/// that no scope contains whitespace, so the newline is never part of a scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalogue(Str);

impl Catalogue {
    /// A catalogue from scopes already joined with `'\n'` (what generated code emits).
    pub const fn from_joined(joined: &'static str) -> Catalogue {
        Catalogue(Cow::Borrowed(joined))
    }

    /// The scopes, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.0.split('\n').filter(|s| !s.is_empty())
    }

    /// How many scopes there are.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `scope` is one of them.
    pub fn contains(&self, scope: &str) -> bool {
        self.iter().any(|s| s == scope)
    }

    /// The scopes joined with `'\n'`.
    pub fn joined(&self) -> &str {
        &self.0
    }
}

impl<S: AsRef<str>> FromIterator<S> for Catalogue {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Catalogue {
        let mut joined = String::new();
        for s in iter {
            if !joined.is_empty() {
                joined.push('\n');
            }
            joined.push_str(s.as_ref());
        }
        Catalogue(Cow::Owned(joined))
    }
}
