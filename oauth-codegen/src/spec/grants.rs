//! What a spec says about grants.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::response::TokenResponse;
use super::{
    Deprecation, HmacEncoding, ParamsIn, RenewWith, Requirement, ResponseMode, Sp,
    TokenPresentation,
};

/// Parameters with fixed or templated values, by wire name.
pub type Params = BTreeMap<Sp<String>, Sp<String>>;

/// The grants a provider supports; each present key generates methods.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Grants {
    /// RFC 6749 §4.1, with the provider's `state`, PKCE and parameter rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_code: Option<AuthorizationCodeGrant>,
    /// A code the user reads off a page and types in (Nest PIN, out-of-band codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<PinGrant>,
    /// RFC 6749 §6 (or a renewal that exchanges the access token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<RefreshGrant>,
    /// RFC 6749 §4.4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_credentials: Option<ClientCredentialsGrant>,
    /// RFC 8628.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_code: Option<DeviceCodeGrant>,
    /// Token requests outside RFC 6749 (Zoho's legacy authtoken), by method name.
    #[serde(default)]
    pub custom: BTreeMap<Sp<String>, CustomGrant>,
}

/// The authorization code grant.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthorizationCodeGrant {
    /// The endpoint that shows consent; `authorize` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorize_endpoint: Option<Sp<String>>,
    /// The endpoint that exchanges the code; `token` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<Sp<String>>,
    /// `state` (CSRF). The runtime always generates 256 random bits when sent.
    #[serde(default = "required")]
    pub state: Sp<Requirement>,
    /// PKCE S256 (RFC 7636): `required`, `optional` (sent anyway), or `unsupported`.
    #[serde(default = "unsupported")]
    pub pkce: Sp<Requirement>,
    /// Whether `redirect_uri` is sent on authorize and exchange.
    #[serde(default = "required")]
    pub redirect_uri: Sp<Requirement>,
    /// Parameters sent on every authorize request (`access_type: offline`,
    /// `audience: "{audience}"`); templates allowed.
    #[serde(default)]
    pub params: Params,
    /// Optional authorize parameters (`prompt`) with their allowed values, each a typed
    /// setter.
    #[serde(default)]
    pub extra_params: BTreeMap<Sp<String>, ExtraParam>,
    /// Further parameters of the code exchange (Shopify `expiring: "1"`).
    #[serde(default)]
    pub token_params: Params,
    /// Parameters the provider adds to the redirect that pin a variable (Zoho's `location`
    /// and `accounts-server` pick the data centre).
    #[serde(default)]
    pub callback_params: BTreeMap<Sp<String>, CallbackParam>,
    /// How the authorization response arrives: `query` (default) or `form_post`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_mode: Option<Sp<ResponseMode>>,
    /// What the redirect carries that must be checked (Shopify's HMAC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback: Option<CallbackSpec>,
    /// The shape of the code, where documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_length: Option<u32>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn required() -> Sp<Requirement> {
    Sp::unplaced(Requirement::Required)
}
fn unsupported() -> Sp<Requirement> {
    Sp::unplaced(Requirement::Unsupported)
}

/// An optional authorize parameter.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraParam {
    /// What it does (rustdoc).
    pub description: String,
    /// The allowed values; generated as an enum. Leave out for a free value with `format`.
    #[serde(default)]
    pub values: Vec<Sp<String>>,
    /// For a free value: the regular expression it must match (`login_hint`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Sp<String>>,
    /// The provider's default when the parameter is left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Sp<String>>,
    /// Sent with this value unless the caller sets another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send: Option<Sp<String>>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
}

/// A redirect parameter that selects a variable's value.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallbackParam {
    /// The choice variable it selects.
    pub selects: Sp<String>,
    /// Match against this property of each value (a URL); absent: against the value's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_property: Option<Sp<String>>,
}

/// Checks on the authorization redirect.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallbackSpec {
    /// The redirect is signed with an HMAC over its other parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hmac: Option<HmacSpec>,
}

/// An HMAC-SHA256 over the redirect's other parameters, sorted by name and joined as a query
/// string, keyed with the client secret (Shopify).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HmacSpec {
    /// The parameter carrying the HMAC (`hmac`).
    pub param: Sp<String>,
    /// The key: `client_secret` (the only one supported).
    pub key: Sp<String>,
    /// The hash: `sha256` (the only one supported).
    pub algorithm: Sp<String>,
    /// `hex` (default) or `base64`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<HmacEncoding>,
    /// Further parameters left out of the signed message (`signature`).
    #[serde(default)]
    pub exclude: Vec<Sp<String>>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
}

/// The PIN / out-of-band code grant: the user reads a code off the provider's page.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PinGrant {
    /// The page that shows the PIN; `authorize` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorize_endpoint: Option<Sp<String>>,
    /// The endpoint that exchanges the PIN; `token` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<Sp<String>>,
    /// `state` on the PIN page.
    #[serde(default = "required")]
    pub state: Sp<Requirement>,
    /// Documented PIN length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_length: Option<u32>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The refresh grant.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RefreshGrant {
    /// `token` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<Sp<String>>,
    /// Whether a refresh response may carry a new refresh token that replaces the old one.
    #[serde(default)]
    pub rotates: bool,
    /// Whether `scope` is sent on refresh.
    #[serde(default)]
    pub send_scope: bool,
    /// Whether `redirect_uri` is sent on refresh (GitLab).
    #[serde(default)]
    pub send_redirect_uri: bool,
    /// `refresh_token` (default), or `access_token` for a renewal that exchanges the current
    /// access token (Facebook's `fb_exchange_token`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub using: Option<Sp<RenewWith>>,
    /// `grant_type`; `refresh_token` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_type: Option<Sp<String>>,
    /// The parameter carrying the token; `refresh_token` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_param: Option<Sp<String>>,
    /// The endpoint hands back the same access token while it is still valid (Strava).
    #[serde(default)]
    pub reuses_token: bool,
    /// Further parameters.
    #[serde(default)]
    pub params: Params,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The client credentials grant.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ClientCredentialsGrant {
    /// `token` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<Sp<String>>,
    /// Where the grant's parameters go (Marketo: query string of a GET). Body unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params_in: Option<ParamsIn>,
    /// Whether the identity endpoint hands back the *same* token until it expires (Marketo).
    #[serde(default)]
    pub reuses_token: bool,
    /// `grant_type`; `client_credentials` unless given (Zoom: `account_credentials`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_type: Option<Sp<String>>,
    /// Further parameters (`audience: "{audience}"`).
    #[serde(default)]
    pub params: Params,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The device authorization grant (RFC 8628).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct DeviceCodeGrant {
    /// `device_authorization` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_endpoint: Option<Sp<String>>,
    /// `token` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<Sp<String>>,
    /// `grant_type` when polling; RFC 8628's URN unless given (Zoho: `device_token`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant_type: Option<String>,
    /// Minimum polling interval (`5s`); the server's `interval` wins when larger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_interval: Option<Sp<String>>,
    /// Further parameters of the device authorization request.
    #[serde(default)]
    pub params: Params,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A token request that is not one of RFC 6749's grants.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomGrant {
    /// What it does (rustdoc).
    pub description: String,
    /// The endpoint it calls.
    pub endpoint: Sp<String>,
    /// Where its parameters go.
    pub params_in: ParamsIn,
    /// The request parameters, by wire name, in order of declaration.
    pub params: BTreeMap<Sp<String>, CustomParam>,
    /// How its response is read; the top-level `token_response` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<TokenResponse>,
    /// How the token it yields is sent; the top-level `token_presentation` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_presentation: Option<TokenPresentation>,
    /// Retirement notice: the generated method carries `#[deprecated]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<Deprecation>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a custom parameter's value comes from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum CustomParam {
    /// A fixed value.
    Value(String),
    /// A method argument of this name; `secret: true` makes it a `SecretString`.
    Input {
        /// The argument name (snake_case).
        name: Sp<String>,
        /// Whether the argument is a secret (never logged, redacted in `Debug`).
        #[serde(default)]
        secret: bool,
        /// What to pass (rustdoc).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
    },
}
