//! What a spec says about requests: endpoints, client authentication, how token requests are
//! encoded and which names they use, how tokens are presented, and what API calls carry.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::either::{OneOrMany, Short};
use super::{BasicEncoding, BodyFormat, ClientAuth, JwtAlgorithm, Method, Sp};

/// An HTTP endpoint.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    /// URL template over the variables: `{data_center.accounts}/oauth/v2/token`.
    pub url: Sp<String>,
    /// HTTP method; GET for `authorize` and `api`, POST otherwise, unless given. A list
    /// (`[GET, POST]`) says the provider accepts several: the first is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Sp<OneOrMany<Method>>>,
    /// Free documentation for this endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Client authentication at the token endpoint, long form.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClientAuthSpec {
    /// The method for a confidential client.
    pub method: Sp<ClientAuth>,
    /// The method for a public client (no secret), where the provider documents one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<Sp<ClientAuth>>,
    /// For `basic`: `form` (RFC 6749 §2.3.1, the default) or `raw`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<Sp<BasicEncoding>>,
    /// For JWT methods: the signing algorithm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<Sp<JwtAlgorithm>>,
    /// For JWT methods: `iss` (a template); the client id unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Sp<String>>,
    /// For JWT methods: `sub` (a template); the client id unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Sp<String>>,
    /// For JWT methods: `aud` (a template); the token endpoint's URL unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Sp<String>>,
    /// For JWT methods: how long each JWT is valid (`5m`; Apple allows up to `180d`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Sp<String>>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Short for ClientAuthSpec {
    const EXPECTING: &'static str =
        "a client authentication method (`basic`, `request_body`, `query`, `none`)";

    fn from_short(s: &str) -> Result<Self, String> {
        let method = ClientAuth::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown variant `{s}`, expected one of {}",
                    ClientAuth::ALL
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?;
        Ok(ClientAuthSpec {
            method: Sp::unplaced(method),
            public: None,
            encoding: None,
            algorithm: None,
            issuer: None,
            subject: None,
            audience: None,
            lifetime: None,
            source: None,
            note: None,
        })
    }
}

/// How token requests are encoded.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// `form` (the default) or `json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Sp<BodyFormat>>,
    /// Headers on every token request (templates).
    #[serde(default)]
    pub headers: BTreeMap<Sp<String>, Sp<String>>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A renamed (or dropped) standard parameter, long form.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParamRenameSpec {
    /// The provider's name; `null` to leave the parameter out.
    pub name: Option<Sp<String>>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Short for ParamRenameSpec {
    const EXPECTING: &'static str = "the provider's name for the parameter, or null";

    fn from_short(s: &str) -> Result<Self, String> {
        Ok(ParamRenameSpec {
            name: (!s.is_empty() && s != "null" && s != "~").then(|| Sp::unplaced(s.to_string())),
            source: None,
            note: None,
        })
    }
}

/// How an access token is attached to API requests: exactly one of `header`, `query` or
/// `none`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TokenPresentation {
    /// `<name>: <scheme> <token>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<HeaderPresentation>,
    /// Query parameters: `?authtoken=<token>&scope=crmapi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<QueryPresentation>,
    /// `true`: the tokens serve no API (Sign in with Apple).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub none: bool,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A token in a header.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeaderPresentation {
    /// The header (`Authorization` unless given: `X-Shopify-Access-Token`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Sp<String>>,
    /// The scheme word: `Bearer` (default), a custom one such as `Zoho-oauthtoken`, or `""` for
    /// the bare token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<Sp<String>>,
}

/// A token in the query string.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QueryPresentation {
    /// The parameter that carries the token.
    pub param: Sp<String>,
    /// Fixed parameters sent alongside.
    #[serde(default)]
    pub extra: BTreeMap<String, String>,
}

/// What API calls carry besides the token, and where tokens may go.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ApiSpec {
    /// Headers on every API call: templates over variables, `{client_id}` and
    /// `{connection.<name>}`.
    #[serde(default)]
    pub headers: BTreeMap<Sp<String>, Sp<String>>,
    /// Further origins that receive tokens (`https://api.example.com`, or a leading label
    /// wildcard `https://*.googleapis.com`).
    #[serde(default)]
    pub origins: Vec<Sp<String>>,
    /// `required`: the provider refuses requests without a `User-Agent` (one is always sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<Sp<UserAgentRule>>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether the provider requires a `User-Agent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UserAgentRule {
    /// Requests without one are refused.
    Required,
    /// Not needed.
    Optional,
}
