//! The provider spec language: the YAML model as plain serde types.
//!
//! This module only *describes* the format (the reference is `docs/spec-format.md`). It holds
//! no logic beyond deserialisation: semantic checks live in [`crate::validate`], code
//! generation in [`crate::codegen`], and reading files (including `extends:`) in
//! [`crate::load`].
//!
//! Every value whose mistakes a user may need pointed out carries its source position through
//! [`Sp`], so validation can report `specs/x.yaml:12:5`.
//!
//! Enums are *externally* tagged (`limits: [{ rate: {...} }]`) rather than internally tagged:
//! serde buffers internally tagged and untagged content, which would strip the positions that
//! [`Sp`] records. Values with a short and a long form go through [`ShortOrLong`], which reads
//! a mapping straight from the YAML deserialiser for the same reason.
//!
//! The JSON Schema of this model (`schema/provider-spec.schema.json`) is generated from these
//! types with `schemars`, so editors validate and complete specs as they are typed.
//!
//! One concept a file: [`positions`] (`Sp`, `Pos`), [`either`] (short and long forms),
//! [`requests`] (endpoints, client authentication, token requests, presentation, API
//! headers), [`response`] (token responses and field tests), [`grants`], [`lifetimes`] (and
//! limits), [`scopes`], [`errors`]; this file holds the whole spec, identity, variables and
//! connection values.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub mod either;
pub mod errors;
pub mod grants;
pub mod lifetimes;
pub mod oidc;
pub mod positions;
pub mod requests;
pub mod response;
pub mod scopes;

pub use either::{Short, ShortOrLong};
pub use errors::{ErrorRule, FieldTestSpec, Scalar};
pub use grants::*;
pub use lifetimes::{LifetimeSpec, Lifetimes, Limit};
pub use oauth_model::{
    BasicEncoding, BodyFormat, Capped, ClientAuth, Counted, ErrorMeaning, ErrorSite, ExpiresIn,
    ExpiresInZero, GrantKind, HmacEncoding, JwtAlgorithm, LimitKey, Method, OnExceed, ParamsIn,
    RenewWith, Requirement, ResponseFormat, ResponseMode, ScopeFormat, TimeFormat, TimeUnit,
};
pub use oidc::{Claim, ClaimType, Oidc};
pub(crate) use positions::with_file;
pub use positions::{Pos, Sp};
pub use requests::*;
pub use response::*;
pub use scopes::*;

/// One provider spec file, as written (before `extends` is resolved).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Editor hint; ignored by the generator (editors read the `# yaml-language-server` comment).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// A base spec (path relative to this file) whose sections this file inherits. Maps merge
    /// key by key and other sections are replaced whole, this file winning; `limits` add to
    /// the base's (a limit with the `id` of a base limit replaces it), and `errors` are tried
    /// before the base's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<Sp<String>>,
    /// Lets `extends` name a file outside the crate that invokes `provider!` (refused
    /// otherwise, so that a spec cannot make a build read files from elsewhere).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extends_outside_crate: bool,
    /// Who the provider is. Required once `extends` is resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderInfo>,
    /// Values that differ per account or tenant (data centre, instance id).
    #[serde(default)]
    pub variables: BTreeMap<Sp<String>, Variable>,
    /// Values learned after authorization (from the redirect, the token response or a
    /// follow-up call), kept with the token set and usable in templates as
    /// `{connection.<name>}`.
    #[serde(default)]
    pub connection: BTreeMap<Sp<String>, ConnectionValue>,
    /// Named endpoints. Well-known names: `authorize`, `token`, `revoke`,
    /// `device_authorization`, `api`. Other names are free (grants and connection requests
    /// refer to them).
    #[serde(default)]
    pub endpoints: BTreeMap<Sp<String>, Endpoint>,
    /// How the client authenticates itself at the token endpoint: `basic`, `request_body`,
    /// `query`, `none`, or a mapping with `method` and its settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_auth: Option<Sp<ShortOrLong<ClientAuthSpec>>>,
    /// How token requests are encoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_request: Option<TokenRequest>,
    /// Standard parameter names the provider spells differently (`client_id: client_key`), or
    /// leaves out (`response_type: null`).
    #[serde(default)]
    pub param_names: BTreeMap<Sp<String>, Sp<ShortOrLong<ParamRenameSpec>>>,
    /// How an access token is attached to API requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_presentation: Option<TokenPresentation>,
    /// Headers on every API call, and further origins that receive tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api: Option<ApiSpec>,
    /// How token-endpoint responses are read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_response: Option<TokenResponse>,
    /// The grants the provider supports. A grant that is absent generates no method.
    #[serde(default)]
    pub grants: Grants,
    /// How long codes and tokens live.
    #[serde(default)]
    pub lifetimes: Lifetimes,
    /// Documented rate limits and caps.
    #[serde(default)]
    pub limits: Vec<Limit>,
    /// Scopes: how they are sent and the catalogue. Absent: the provider has no scopes and no
    /// scope API is generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Scopes>,
    /// Error rules, tried in order; the first that matches classifies the response.
    #[serde(default)]
    pub errors: Vec<ErrorRule>,
    /// OpenID Connect: the issuer, discovery, ID token checks, pushed authorization requests
    /// (RFC 9126) and DPoP (RFC 9449). Absent: a plain OAuth 2.0 provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc: Option<Oidc>,
}

/// Provider identity and documentation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderInfo {
    /// The Rust type name of the generated client, UpperCamelCase (`ZohoProjects`).
    pub name: Sp<String>,
    /// Human name for docs (`Zoho Projects`).
    pub display_name: Sp<String>,
    /// Where the provider documents its OAuth implementation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs_url: Option<Sp<String>>,
    /// A paragraph that ends up in the generated rustdoc.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Set when the provider (or the whole API) is deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<Deprecation>,
    /// The vendor page the provider-wide facts come from, when it is not `docs_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where the vendor's pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A deprecation notice, carried into `#[deprecated]`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deprecation {
    /// When it was (or will be) retired, `YYYY-MM-DD`.
    pub since: Sp<String>,
    /// What happened, for the deprecation message.
    pub note: String,
    /// What to use instead (a grant name or free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
}

/// A per-account or per-tenant value used in templates as `{name}` or `{name.property}`.
///
/// Either a *choice* (`values:`, generated as an enum) or a *free* value (`format:`, generated
/// as a newtype checked against the format).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variable {
    /// What the value is and where a user finds theirs.
    pub description: String,
    /// For a choice: the allowed values, each with named properties (`accounts`, `api_domain`).
    #[serde(default)]
    pub values: BTreeMap<Sp<String>, VariableValue>,
    /// For a free value: a regular expression the whole value must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Sp<String>>,
    /// An example value (must satisfy `format`); shown in docs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<Sp<String>>,
    /// Default value. A variable with no default is a required constructor argument.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Sp<String>>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One allowed value of a choice variable.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct VariableValue {
    /// Human label (`Europe`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Named properties usable in templates as `{variable.property}`. Every value of one
    /// variable must define the same properties.
    #[serde(default)]
    pub properties: BTreeMap<Sp<String>, Sp<String>>,
    /// The public page this value comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A value learned after authorization.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConnectionValue {
    /// What it is.
    pub description: String,
    /// Where it comes from: `callback`, `token_response` or `request`.
    pub from: Sp<ConnectionFromSpec>,
    /// For `callback`: the redirect parameter; for `token_response`: a dotted path into the
    /// body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<Sp<String>>,
    /// For `request`: the follow-up call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<ConnectionRequest>,
    /// The regular expression the whole value must match; a value that does not is refused.
    pub format: Sp<String>,
    /// Whether an authorization that does not yield it is an error (default `true`).
    #[serde(default = "yes")]
    pub required: bool,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

pub(crate) fn yes() -> bool {
    true
}

/// Where a connection value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionFromSpec {
    /// A parameter of the authorization redirect.
    Callback,
    /// A field of the token response.
    TokenResponse,
    /// A follow-up call made with the new access token.
    Request,
}

/// A follow-up call that yields a connection value.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConnectionRequest {
    /// A declared endpoint, called with the new access token (its method).
    pub endpoint: Sp<String>,
    /// A dotted path into the JSON answer; `*` matches any array element.
    pub select: Sp<String>,
}
