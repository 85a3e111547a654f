//! The whole definition of one provider.

use crate::{
    ApiDef, ClientAuthDef, ConnectionDef, EndpointDef, ErrorRuleDef, FactDef, GrantsDef,
    LifetimesDef, LimitDef, List, OidcDef, Presentation, ResponseDef, ScopesDef, Str,
    TokenRequestDef, VariableDef,
};

/// One provider, resolved.
#[derive(Debug, Clone)]
pub struct ProviderDef {
    /// The Rust type name of the generated client (`ZohoProjects`).
    pub name: Str,
    /// Human name (`Zoho Projects`).
    pub display_name: Str,
    /// Where the provider documents its OAuth implementation.
    pub docs_url: Option<Str>,
    /// Free description.
    pub description: Option<Str>,
    /// Set when the provider is retired.
    pub deprecated: Option<Deprecation>,
    /// Per-account values used in templates.
    pub variables: List<VariableDef>,
    /// Values learned after authorization, kept with the token set.
    pub connection: List<ConnectionDef>,
    /// Named endpoints.
    pub endpoints: List<EndpointDef>,
    /// Client authentication at the token endpoint.
    pub client_auth: ClientAuthDef,
    /// How token requests are encoded.
    pub token_request: TokenRequestDef,
    /// Standard parameter names the provider spells differently (or omits).
    pub param_names: List<ParamRename>,
    /// How access tokens are attached to API requests.
    pub token_presentation: Presentation,
    /// What every API call carries besides the token, and where tokens may go.
    pub api: ApiDef,
    /// How token responses are read.
    pub token_response: ResponseDef,
    /// Supported grants.
    pub grants: GrantsDef,
    /// Documented lifetimes.
    pub lifetimes: LifetimesDef,
    /// Documented limits.
    pub limits: List<LimitDef>,
    /// Scope syntax and catalogue; `None` when the provider has no scopes.
    pub scopes: Option<ScopesDef>,
    /// Error rules, tried in order.
    pub errors: List<ErrorRuleDef>,
    /// OpenID Connect (issuer, discovery, ID token checks, PAR, DPoP); `None` for a plain
    /// OAuth provider.
    pub oidc: Option<OidcDef>,
    /// The source of each fact.
    pub facts: List<FactDef>,
}

impl ProviderDef {
    /// The endpoint called `name`.
    pub fn endpoint(&self, name: &str) -> Option<&EndpointDef> {
        self.endpoints.iter().find(|e| e.name == name)
    }

    /// The variable called `name`, with its position.
    pub fn variable(&self, name: &str) -> Option<(usize, &VariableDef)> {
        self.variables
            .iter()
            .enumerate()
            .find(|(_, v)| v.name == name)
    }

    /// The connection value called `name`, with its position.
    pub fn connection_value(&self, name: &str) -> Option<(usize, &ConnectionDef)> {
        self.connection
            .iter()
            .enumerate()
            .find(|(_, c)| c.name == name)
    }

    /// The custom grant called `name`.
    pub fn custom_grant(&self, name: &str) -> Option<&crate::CustomGrantDef> {
        self.grants.custom.iter().find(|g| g.name == name)
    }

    /// The wire name of standard parameter `standard` (`client_id`, `response_type`, ...):
    /// the provider's spelling, or `None` when the provider wants it left out.
    pub fn param_name<'a>(&'a self, standard: &'a str) -> Option<&'a str> {
        match self.param_names.iter().find(|r| r.standard == standard) {
            Some(r) => r.wire.as_deref(),
            None => Some(standard),
        }
    }

    /// The source recorded for the fact at `path` (see [`FactDef::path`]).
    pub fn fact(&self, path: &str) -> Option<&FactDef> {
        self.facts.iter().find(|f| f.path == path)
    }
}

/// A standard parameter under another name, or left out (`wire: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamRename {
    /// RFC 6749's name (`client_id`).
    pub standard: Str,
    /// The provider's (`client_key`); `None`: never sent.
    pub wire: Option<Str>,
}

/// A retirement notice.
#[derive(Debug, Clone)]
pub struct Deprecation {
    /// `YYYY-MM-DD`.
    pub since: Str,
    /// What happened.
    pub note: Str,
    /// What to use instead.
    pub replacement: Option<Str>,
}
