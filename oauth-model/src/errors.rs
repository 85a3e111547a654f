//! Error rules: where a provider error appears, how to recognise it, what it means.

use crate::{ErrorMeaning, ErrorSite, FieldTest, GrantKind, List, Str};

/// An error rule.
#[derive(Debug, Clone)]
pub struct ErrorRuleDef {
    /// The provider's code.
    pub code: Str,
    /// Where it applies.
    pub at: ErrorSite,
    /// Only for responses to this grant.
    pub grant: Option<GrantKind>,
    /// Required HTTP status, if any.
    pub status: Option<u16>,
    /// Body tests that must all hold.
    pub when: List<FieldTest>,
    /// What it means.
    pub meaning: ErrorMeaning,
    /// The provider's words.
    pub description: Option<Str>,
}

impl ErrorSite {
    /// Whether a rule declared for `self` applies to a response from `site`.
    pub fn covers(self, site: ErrorSite) -> bool {
        self == ErrorSite::Any || self == site
    }
}
