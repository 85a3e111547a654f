//! What a spec says about scopes.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::either::{Short, ShortOrLong};
use super::Sp;

/// Scopes: how they are sent, and the catalogue.
///
/// One family may be written inline (`catalogue`, `prefix`, `syntax`, `split`, `module`) or
/// several under `families`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scopes {
    /// Whether authorize requests must carry at least one scope.
    #[serde(default)]
    pub required: bool,
    /// Joins scopes in requests: `" "` (RFC 6749, the default), `","` (Zoho), `"+"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separator: Option<Sp<String>>,
    /// Scopes sent when the user names none.
    #[serde(default)]
    pub default: Vec<Sp<String>>,
    /// Further scope parameters of the authorize request (Slack `user_scope`, HubSpot
    /// `optional_scope`), each a method of the authorization request.
    #[serde(default)]
    pub params: BTreeMap<Sp<String>, ScopeParam>,
    /// Strings outside the catalogue may be asked for (`Scope::other`), for providers whose
    /// scopes are configured per tenant or API.
    #[serde(default)]
    pub open: bool,
    /// The inline family's `syntax` (v1): `ZohoProjects.{module}.{operation}`; each scope of
    /// the family is checked against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub syntax: Option<Sp<String>>,
    /// The inline family's prefix, stripped before naming (`https://www.googleapis.com/auth/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<Sp<String>>,
    /// The inline family's segment separators for naming (`.:/` unless given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<Sp<String>>,
    /// The inline family's catalogue.
    #[serde(default)]
    pub catalogue: Vec<Sp<ShortOrLong<CatalogueEntry>>>,
    /// Scope families, each with its own prefix, module and catalogue.
    #[serde(default)]
    pub families: Vec<ScopeFamily>,
    /// The public page this fact comes from (the scope reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A further scope parameter.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeParam {
    /// What it is for (rustdoc).
    pub description: String,
}

/// A family of scopes sharing a shape.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeFamily {
    /// The module its scopes live in (`scopes::<module>::...`); the root when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Sp<String>>,
    /// Stripped from each scope before naming.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<Sp<String>>,
    /// Segment separators for naming (`.:/` unless given; `""` for none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<Sp<String>>,
    /// A v1 syntax each scope of the family must follow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub syntax: Option<Sp<String>>,
    /// The scope parameter its scopes go in (`user_scope`); `scope` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<Sp<String>>,
    /// Its scopes.
    pub catalogue: Vec<Sp<ShortOrLong<CatalogueEntry>>>,
    /// What the family is (rustdoc).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A catalogue entry: a scope, a `{a,b}` pattern, or a scope with its own name.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    /// The scope (or pattern).
    pub scope: Sp<String>,
    /// Its Rust name (a path such as `mail` or `drive::all`), instead of the derived one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Sp<String>>,
    /// What it grants (rustdoc).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
}

impl Short for CatalogueEntry {
    const EXPECTING: &'static str = "a scope or a pattern";

    fn from_short(s: &str) -> Result<Self, String> {
        Ok(CatalogueEntry {
            scope: Sp::unplaced(s.to_string()),
            name: None,
            description: None,
            source: None,
        })
    }
}
