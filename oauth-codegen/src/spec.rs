//! The provider spec language: the YAML model as plain serde types.
//!
//! This module only *describes* the format. It holds no logic beyond deserialisation: semantic
//! checks live in [`crate::validate`], code generation in [`crate::codegen`], and reading files
//! (including `extends:`) in [`crate::load`].
//!
//! Every value whose mistakes a user may need pointed out carries its source position through
//! [`Sp`], so validation can report `specs/x.yaml:12:5`.
//!
//! Enums are *externally* tagged (`token_presentation: { header: { scheme: Bearer } }`) rather
//! than internally tagged: serde buffers internally tagged and untagged content, which would
//! strip the positions that [`Sp`] records.
//!
//! The JSON Schema of this model (`schema/provider-spec.schema.json`) is generated from these
//! types with `schemars`, so editors validate and complete specs as they are typed.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

pub use oauth_model::{
    Capped, ClientAuth, Counted, ErrorMeaning, ErrorSite, ExpiresIn, LimitKey, Method, OnExceed,
    ParamsIn, Requirement, ResponseFormat, TimeUnit,
};

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

/// One provider spec file, as written (before `extends` is resolved).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Editor hint; ignored by the generator (editors read the `# yaml-language-server` comment).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// A base spec (path relative to this file) whose sections this file inherits. Maps merge
    /// key by key and other sections are replaced whole, this file winning; `limits` add to
    /// the base's, and `errors` are tried before the base's.
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
    /// Named endpoints. Well-known names: `authorize`, `token`, `revoke`,
    /// `device_authorization`, `api`. Other names are free (custom grants refer to them).
    #[serde(default)]
    pub endpoints: BTreeMap<Sp<String>, Endpoint>,
    /// How the client authenticates itself at the token endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_auth: Option<Sp<ClientAuth>>,
    /// How an access token is attached to API requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_presentation: Option<TokenPresentation>,
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
    /// Scope syntax and catalogue. Absent: the provider has no scopes and no scope API is
    /// generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Scopes>,
    /// Error rules, tried in order; the first that matches classifies the response.
    #[serde(default)]
    pub errors: Vec<ErrorRule>,
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

/// A per-account or per-tenant value used in endpoint templates as `{name}` or
/// `{name.property}`.
///
/// Either a *choice* (`values:`, generated as an enum) or a *free* value (`format:`, generated
/// as a validated string argument).
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
}

/// An HTTP endpoint.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    /// URL template over the variables: `{data_center.accounts}/oauth/v2/token`.
    pub url: Sp<String>,
    /// HTTP method; GET for `authorize` and `api`, POST otherwise, unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Sp<Method>>,
    /// Free documentation for this endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// How an access token is attached to API requests.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum TokenPresentation {
    /// `Authorization: <scheme> <token>`.
    Header {
        /// The scheme word: `Bearer` (default) or a custom one such as `Zoho-oauthtoken`.
        #[serde(default = "default_scheme")]
        scheme: Sp<String>,
    },
    /// Query parameters: `?authtoken=<token>&scope=crmapi`.
    Query {
        /// The parameter that carries the token.
        param: Sp<String>,
        /// Fixed parameters sent alongside.
        #[serde(default)]
        extra: BTreeMap<String, String>,
    },
}

fn default_scheme() -> Sp<String> {
    Sp::unplaced("Bearer".to_string())
}

/// How token responses are parsed.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TokenResponse {
    /// Body format; JSON unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Sp<ResponseFormat>>,
    /// Whether `expires_in` is the token's full lifetime or what remains of it (Marketo
    /// hands back the same token with its *remaining* lifetime).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<ExpiresIn>,
    /// The unit of `expires_in`; seconds unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_unit: Option<TimeUnit>,
    /// Field names, where they differ from RFC 6749's.
    #[serde(default)]
    pub fields: ResponseFields,
    /// Other response fields to keep on the token set (`api_domain`).
    #[serde(default)]
    pub extra_fields: Vec<Sp<String>>,
    /// Separator of the `scope` field in responses (Zoho sends spaces though requests use
    /// commas). Defaults to the scope request separator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_separator: Option<String>,
    /// For formats without an error field: a field that must hold a value for success, e.g.
    /// the authtoken's `RESULT=TRUE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_when: Option<FieldEquals>,
}

/// Response field names; RFC 6749's names by default.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ResponseFields {
    /// Field holding the access token (`AUTHTOKEN` for the legacy authtoken).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<Sp<String>>,
    /// Field holding the refresh token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<Sp<String>>,
    /// Field holding the lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<Sp<String>>,
    /// Field holding the granted scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Sp<String>>,
    /// Field holding the token type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_type: Option<Sp<String>>,
}

/// A `field == value` test on a parsed body.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldEquals {
    /// A dotted path into the body; `*` matches any array element (`errors.*.code`).
    pub field: Sp<String>,
    /// The value it must equal. A string matches a JSON string or the text of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Scalar>,
    /// Alternatively, any of these values.
    #[serde(default)]
    pub one_of: Vec<Scalar>,
}

/// A scalar JSON value in a spec.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    /// true / false
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// Text.
    Str(String),
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Bool(b) => write!(f, "{b}"),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Str(s) => f.write_str(s),
        }
    }
}

/// The grants a provider supports; each present key generates methods.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Grants {
    /// RFC 6749 §4.1, with the provider's `state`, PKCE and extra-parameter rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_code: Option<AuthorizationCodeGrant>,
    /// A code the user reads off a page and types in (Nest PIN, out-of-band codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<PinGrant>,
    /// RFC 6749 §6.
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
    /// `state` (CSRF). The runtime always generates 128+ random bits when sent.
    #[serde(default = "required")]
    pub state: Sp<Requirement>,
    /// PKCE S256 (RFC 7636): `required`, `optional` (sent anyway), or `unsupported`.
    #[serde(default = "unsupported")]
    pub pkce: Sp<Requirement>,
    /// Whether `redirect_uri` is sent on authorize and exchange.
    #[serde(default = "required")]
    pub redirect_uri: Sp<Requirement>,
    /// Extra authorize parameters (`access_type`, `prompt`) with their allowed values.
    #[serde(default)]
    pub extra_params: BTreeMap<Sp<String>, ExtraParam>,
    /// Parameters the provider adds to the redirect that pin a variable (Zoho's `location`
    /// and `accounts-server` pick the data centre).
    #[serde(default)]
    pub callback_params: BTreeMap<Sp<String>, CallbackParam>,
    /// The shape of the code, where documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_length: Option<u32>,
}

fn required() -> Sp<Requirement> {
    Sp::unplaced(Requirement::Required)
}
fn unsupported() -> Sp<Requirement> {
    Sp::unplaced(Requirement::Unsupported)
}

/// An extra authorize parameter.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraParam {
    /// What it does (rustdoc).
    pub description: String,
    /// The allowed values; generated as an enum.
    pub values: Vec<Sp<String>>,
    /// The provider's default when the parameter is left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Sp<String>>,
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
}

/// The refresh grant.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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
}

/// The client credentials grant.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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
}

/// The device authorization grant (RFC 8628).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
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

/// Documented lifetimes, as durations (`2m`, `1h`, `48h`, `3600s`) or `never`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Lifetimes {
    /// Authorization (grant) code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_code: Option<Sp<String>>,
    /// PIN code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_code: Option<Sp<String>>,
    /// Access token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<Sp<String>>,
    /// Refresh token (`never`: valid until revoked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<Sp<String>>,
    /// How long before expiry the runtime refreshes; `60s` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_skew: Option<Sp<String>>,
}

/// A documented limit.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Limit {
    /// At most `max` events per `per`, counted per `key`; past it, blocked for `block_for`.
    Rate {
        /// What is counted.
        counts: Sp<Counted>,
        /// How many are allowed in the window.
        max: u32,
        /// The window (`1m`, `20s`, `1d`).
        per: Sp<String>,
        /// What the count is kept per.
        #[serde(default = "per_client")]
        key: LimitKey,
        /// How long the provider blocks the key after the limit is passed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        block_for: Option<Sp<String>>,
        /// The provider's words (rustdoc).
        description: String,
    },
    /// At most `max` live objects per `key`; past it, `on_exceed` happens.
    Cap {
        /// What is capped.
        counts: Sp<Capped>,
        /// How many may be live.
        max: u32,
        /// What the cap is kept per.
        key: LimitKey,
        /// What the provider does when one more is minted.
        on_exceed: OnExceed,
        /// The provider's words (rustdoc).
        description: String,
    },
}

fn per_client() -> LimitKey {
    LimitKey::Client
}

/// Scope syntax and catalogue.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scopes {
    /// Whether authorize requests must carry at least one scope.
    #[serde(default)]
    pub required: bool,
    /// Joins scopes in requests: `" "` (RFC 6749), `","` (Zoho), `"+"`.
    pub separator: Sp<String>,
    /// The shape of one scope: literal text with `{placeholder}`s, e.g.
    /// `ZohoProjects.{module}.{operation}`. The text before the first placeholder is the
    /// prefix every scope starts with; the text between placeholders separates segments.
    pub syntax: Sp<String>,
    /// The scopes that exist. Each entry is a full scope with optional `{a,b,c}` alternatives:
    /// `ZohoProjects.portals.{READ,CREATE,UPDATE,DELETE,ALL}`.
    pub catalogue: Vec<Sp<String>>,
    /// Scopes sent when the user names none.
    #[serde(default)]
    pub default: Vec<Sp<String>>,
}

/// An error rule: where a provider error appears, how to recognise it, and what it means.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorRule {
    /// The provider's code (`invalid_code`, `601`); names the generated enum variant.
    pub code: Sp<String>,
    /// Where it appears.
    #[serde(default = "anywhere")]
    pub at: ErrorSite,
    /// The HTTP status it arrives with; any status if absent (Zoho: 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Body tests that must all hold.
    #[serde(default)]
    pub when: Vec<FieldEquals>,
    /// What it means, in the vocabulary the runtime acts on.
    pub meaning: Option<Sp<ErrorMeaning>>,
    /// The provider's words (rustdoc and error messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

fn anywhere() -> ErrorSite {
    ErrorSite::Any
}
