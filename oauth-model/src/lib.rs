//! The resolved provider model: one provider, every default filled in, every reference checked.
//!
//! This is the single description of a provider that the rest of the project shares:
//! - `oauth-codegen` builds it from a validated YAML spec and emits it as a `static` (every
//!   string and list is `Cow::Borrowed`, so the generated value is a constant with no parsing
//!   or allocation at run time);
//! - `oauth-runtime` interprets it to build requests, parse responses and classify errors;
//! - `oauth-sim` builds it at run time from the same YAML and serves the provider it describes.
//!
//! It has no dependencies and no behaviour beyond lookups and template rendering. It must
//! never grow I/O, HTTP or parsing of the spec format: those belong to the crates above.
//! The `serde` feature derives (de)serialisation and JSON Schema for the leaf enums so the
//! spec format can reuse them verbatim.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::borrow::Cow;

/// A string that is `&'static` in generated code and owned when built at run time.
pub type Str = Cow<'static, str>;
/// A list that is `&'static [T]` in generated code and owned when built at run time.
pub type List<T> = Cow<'static, [T]>;

macro_rules! leaf_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $v:ident => $wire:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Deserialize, serde::Serialize, schemars::JsonSchema))]
        pub enum $name {
            $($(#[$vm])* #[cfg_attr(feature = "serde", serde(rename = $wire))] $v,)*
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v),*];
            /// The name used in spec files.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$v => $wire),* }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

leaf_enum! {
    /// HTTP methods a spec may name.
    pub enum Method {
        /// GET
        Get => "GET",
        /// POST
        Post => "POST",
        /// PUT
        Put => "PUT",
        /// DELETE
        Delete => "DELETE",
    }
}

leaf_enum! {
    /// Where the client id and secret go on token requests.
    pub enum ClientAuth {
        /// `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1, `client_secret_basic`).
        Basic => "basic",
        /// `client_id` and `client_secret` form fields in the body (`client_secret_post`).
        RequestBody => "request_body",
        /// `client_id` and `client_secret` in the query string (Zoho's documented form, Marketo).
        Query => "query",
    }
}

leaf_enum! {
    /// Body formats the runtime parses.
    pub enum ResponseFormat {
        /// `application/json`; numbers may arrive as strings.
        Json => "json",
        /// `application/x-www-form-urlencoded`.
        Form => "form",
        /// Java properties text: `#` comments, then `KEY=value` lines (Zoho's v1 authtoken).
        Properties => "properties",
    }
}

leaf_enum! {
    /// Meaning of `expires_in`.
    pub enum ExpiresIn {
        /// A freshly minted token's whole lifetime (RFC 6749).
        Full => "full",
        /// What is left of a token that may have been handed out before (Marketo).
        Remaining => "remaining",
    }
}

leaf_enum! {
    /// Time units of `expires_in`.
    pub enum TimeUnit {
        /// Seconds.
        Seconds => "seconds",
        /// Milliseconds (old Zoho responses).
        Milliseconds => "milliseconds",
    }
}

leaf_enum! {
    /// Whether a parameter must, may or cannot be sent.
    pub enum Requirement {
        /// Always sent; the provider rejects requests without it.
        Required => "required",
        /// Sent by the runtime; the provider also accepts requests without it.
        Optional => "optional",
        /// Never sent; the provider does not know it.
        Unsupported => "unsupported",
    }
}

leaf_enum! {
    /// Where request parameters go.
    pub enum ParamsIn {
        /// URL query string.
        Query => "query",
        /// `application/x-www-form-urlencoded` body.
        Body => "body",
    }
}

leaf_enum! {
    /// Events a rate limit counts.
    pub enum Counted {
        /// Authorization codes issued and exchanged.
        AuthorizationCodes => "authorization_codes",
        /// Any token-endpoint request.
        TokenRequests => "token_requests",
        /// Refresh requests.
        Refreshes => "refreshes",
        /// API calls.
        ApiCalls => "api_calls",
    }
}

leaf_enum! {
    /// Objects a cap counts.
    pub enum Capped {
        /// Live access tokens.
        AccessTokens => "access_tokens",
        /// Live refresh tokens.
        RefreshTokens => "refresh_tokens",
        /// API calls in flight at once.
        ConcurrentApiCalls => "concurrent_api_calls",
    }
}

leaf_enum! {
    /// What a limit is kept per.
    pub enum LimitKey {
        /// Per client id.
        Client => "client",
        /// Per user.
        User => "user",
        /// Per refresh token.
        RefreshToken => "refresh_token",
        /// Per instance or subscription.
        Instance => "instance",
    }
}

leaf_enum! {
    /// What the provider does when one more object is minted past a cap.
    pub enum OnExceed {
        /// The request is refused.
        Reject => "reject",
        /// The oldest object is deleted, whether or not it was still in use.
        EvictOldest => "evict_oldest",
    }
}

leaf_enum! {
    /// Where an error rule applies.
    pub enum ErrorSite {
        /// Token-endpoint responses (including custom grants).
        TokenEndpoint => "token_endpoint",
        /// Authorization redirects and pages.
        Authorize => "authorize",
        /// API responses.
        Api => "api",
        /// Revocation responses.
        Revoke => "revoke",
        /// Anywhere.
        Any => "any",
    }
}

leaf_enum! {
    /// The fixed vocabulary of error meanings the runtime acts on.
    pub enum ErrorMeaning {
        /// The access token expired: refresh and retry.
        AccessTokenExpired => "access_token_expired",
        /// The access token is not valid (revoked, evicted, malformed): refresh and retry once.
        AccessTokenInvalid => "access_token_invalid",
        /// The refresh token is not valid: the user must authorize again.
        RefreshTokenInvalid => "refresh_token_invalid",
        /// The authorization code expired: start the authorization again.
        CodeExpired => "code_expired",
        /// The authorization code is unknown or already used.
        CodeInvalid => "code_invalid",
        /// The client id or secret is wrong.
        ClientInvalid => "client_invalid",
        /// The client is disabled or not active.
        ClientDisabled => "client_disabled",
        /// The user (or the provider on the user's behalf) denied access.
        AccessDenied => "access_denied",
        /// The token lacks a needed scope or permission.
        InsufficientScope => "insufficient_scope",
        /// Too many requests: wait (`Retry-After` when given).
        RateLimited => "rate_limited",
        /// A quota or cap is used up (daily quota, refresh-token cap).
        QuotaExhausted => "quota_exhausted",
        /// Device flow: the user has not finished yet; poll again.
        AuthorizationPending => "authorization_pending",
        /// Device flow: poll more slowly.
        SlowDown => "slow_down",
        /// The request was malformed (missing or bad parameter, unregistered redirect URI).
        BadRequest => "bad_request",
        /// The provider failed; retrying later may work.
        ServerError => "server_error",
    }
}

impl ErrorMeaning {
    /// Whether a fresh access token may cure this error (refresh, then retry once).
    pub const fn is_token_error(self) -> bool {
        matches!(
            self,
            ErrorMeaning::AccessTokenExpired | ErrorMeaning::AccessTokenInvalid
        )
    }

    /// Whether retrying the same request later may succeed.
    pub const fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorMeaning::RateLimited | ErrorMeaning::ServerError | ErrorMeaning::SlowDown
        )
    }
}

/// A lifetime: a number of seconds, or `Never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// Lives this many seconds.
    Secs(u64),
    /// Does not expire (valid until revoked).
    Never,
}

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
    /// Named endpoints.
    pub endpoints: List<EndpointDef>,
    /// Client authentication at the token endpoint.
    pub client_auth: ClientAuth,
    /// How access tokens are attached to API requests.
    pub token_presentation: Presentation,
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

    /// The custom grant called `name`.
    pub fn custom_grant(&self, name: &str) -> Option<&CustomGrantDef> {
        self.grants.custom.iter().find(|g| g.name == name)
    }
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

/// A per-account variable.
#[derive(Debug, Clone)]
pub struct VariableDef {
    /// snake_case name used in templates.
    pub name: Str,
    /// What it is.
    pub description: Str,
    /// Choice or free value.
    pub kind: VariableKind,
}

/// The two kinds of variable.
#[derive(Debug, Clone)]
pub enum VariableKind {
    /// One of a fixed set of values, each with the same named properties.
    Choice {
        /// Property names, in the order each choice lists its values.
        properties: List<Str>,
        /// The allowed values.
        choices: List<ChoiceDef>,
        /// Index of the default choice.
        default: Option<usize>,
    },
    /// A free value matching a regular expression.
    Free {
        /// The regular expression the whole value must match.
        format: Str,
        /// An example value.
        example: Option<Str>,
        /// The default value.
        default: Option<Str>,
    },
}

/// One allowed value of a choice variable.
#[derive(Debug, Clone)]
pub struct ChoiceDef {
    /// The key written in specs and templates (`eu`).
    pub key: Str,
    /// Human label (`Europe`).
    pub label: Option<Str>,
    /// Property values, aligned with [`VariableKind::Choice::properties`].
    pub values: List<Str>,
}

/// The value a client has for one variable.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VarValue {
    /// Index into the variable's choices.
    Choice(usize),
    /// A free value (already checked against the format).
    Free(String),
}

/// A named endpoint.
#[derive(Debug, Clone)]
pub struct EndpointDef {
    /// `authorize`, `token`, `revoke`, `device_authorization`, `api` or a custom name.
    pub name: Str,
    /// URL template.
    pub url: Template,
    /// HTTP method.
    pub method: Method,
}

/// A parsed URL template.
#[derive(Debug, Clone)]
pub struct Template {
    /// The template as written.
    pub source: Str,
    /// Literal text and variable references, in order.
    pub parts: List<TemplatePart>,
}

/// One piece of a template.
#[derive(Debug, Clone)]
pub enum TemplatePart {
    /// Literal text.
    Lit(Str),
    /// `{variable}` (a choice renders its key) or `{variable.property}`.
    Var {
        /// Index into [`ProviderDef::variables`].
        var: usize,
        /// Index into the choice's properties.
        property: Option<usize>,
    },
}

/// Why a template could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RenderError {}

impl Template {
    /// Renders the template with one value per provider variable (aligned with
    /// [`ProviderDef::variables`]).
    pub fn render(&self, def: &ProviderDef, values: &[VarValue]) -> Result<String, RenderError> {
        let mut out = String::with_capacity(self.source.len() + 16);
        for part in self.parts.iter() {
            match part {
                TemplatePart::Lit(s) => out.push_str(s),
                TemplatePart::Var { var, property } => {
                    let (vdef, value) = def
                        .variables
                        .get(*var)
                        .zip(values.get(*var))
                        .ok_or_else(|| RenderError(format!("no value for variable #{var}")))?;
                    match (&vdef.kind, value, property) {
                        (VariableKind::Choice { choices, .. }, VarValue::Choice(i), prop) => {
                            let choice = choices.get(*i).ok_or_else(|| {
                                RenderError(format!("no choice #{i} for `{}`", vdef.name))
                            })?;
                            match prop {
                                None => out.push_str(&choice.key),
                                Some(p) => {
                                    out.push_str(choice.values.get(*p).ok_or_else(|| {
                                        RenderError(format!("no property #{p} on `{}`", vdef.name))
                                    })?)
                                }
                            }
                        }
                        (VariableKind::Free { .. }, VarValue::Free(s), None) => out.push_str(s),
                        _ => {
                            return Err(RenderError(format!(
                                "value of the wrong kind for variable `{}`",
                                vdef.name
                            )))
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

/// How an access token is attached to a request.
#[derive(Debug, Clone)]
pub enum Presentation {
    /// `Authorization: <scheme> <token>`.
    Header {
        /// `Bearer`, `Zoho-oauthtoken`, ...
        scheme: Str,
    },
    /// Query parameters.
    Query {
        /// The parameter carrying the token.
        param: Str,
        /// Fixed parameters sent alongside, `(name, value)`.
        extra: List<(Str, Str)>,
    },
}

/// How a token response is read.
#[derive(Debug, Clone)]
pub struct ResponseDef {
    /// Body format.
    pub format: ResponseFormat,
    /// Full or remaining lifetime.
    pub expires_in: ExpiresIn,
    /// Unit of `expires_in`.
    pub expires_in_unit: TimeUnit,
    /// Field names.
    pub fields: FieldNames,
    /// Further fields kept on the token set.
    pub extra_fields: List<Str>,
    /// Separator of the granted-scope field.
    pub scope_separator: Str,
    /// A field test that must hold for success (formats without an `error` field).
    pub success_when: Option<FieldTest>,
}

/// Token response field names.
#[derive(Debug, Clone)]
pub struct FieldNames {
    /// Access token field.
    pub access_token: Str,
    /// Refresh token field.
    pub refresh_token: Str,
    /// Lifetime field.
    pub expires_in: Str,
    /// Granted scope field.
    pub scope: Str,
    /// Token type field.
    pub token_type: Str,
}

/// A test on a parsed body: the value at `path` is one of `values`.
#[derive(Debug, Clone)]
pub struct FieldTest {
    /// Dotted path; `*` matches any array element.
    pub path: Str,
    /// Accepted values (a string also matches the text of a number or boolean).
    pub values: List<ScalarDef>,
}

/// A scalar in a field test.
#[derive(Debug, Clone, PartialEq)]
pub enum ScalarDef {
    /// Boolean.
    Bool(bool),
    /// Whole number.
    Int(i64),
    /// Text.
    Str(Str),
}

/// The supported grants.
#[derive(Debug, Clone)]
pub struct GrantsDef {
    /// Authorization code.
    pub authorization_code: Option<AuthorizationCodeDef>,
    /// PIN / out-of-band code.
    pub pin: Option<PinDef>,
    /// Refresh.
    pub refresh_token: Option<RefreshDef>,
    /// Client credentials.
    pub client_credentials: Option<ClientCredentialsDef>,
    /// Device code.
    pub device_code: Option<DeviceCodeDef>,
    /// Custom token requests.
    pub custom: List<CustomGrantDef>,
}

/// The authorization code grant.
#[derive(Debug, Clone)]
pub struct AuthorizationCodeDef {
    /// Endpoint showing consent.
    pub authorize_endpoint: Str,
    /// Endpoint exchanging the code.
    pub token_endpoint: Str,
    /// `state` rule.
    pub state: Requirement,
    /// PKCE rule.
    pub pkce: Requirement,
    /// `redirect_uri` rule.
    pub redirect_uri: Requirement,
    /// Extra authorize parameters.
    pub extra_params: List<ExtraParamDef>,
    /// Redirect parameters that select a variable.
    pub callback_params: List<CallbackParamDef>,
    /// Documented code length.
    pub code_length: Option<u32>,
}

/// An extra authorize parameter.
#[derive(Debug, Clone)]
pub struct ExtraParamDef {
    /// Wire name (`access_type`).
    pub name: Str,
    /// What it does.
    pub description: Str,
    /// Allowed values.
    pub values: List<Str>,
    /// The provider's default.
    pub default: Option<Str>,
}

/// A redirect parameter that selects a choice variable's value.
#[derive(Debug, Clone)]
pub struct CallbackParamDef {
    /// Wire name (`accounts-server`).
    pub name: Str,
    /// Index of the variable it selects.
    pub variable: usize,
    /// Match this property (a URL origin); `None`: match the choice key.
    pub by_property: Option<usize>,
}

/// The PIN grant.
#[derive(Debug, Clone)]
pub struct PinDef {
    /// Page that shows the PIN.
    pub authorize_endpoint: Str,
    /// Endpoint exchanging the PIN.
    pub token_endpoint: Str,
    /// `state` rule.
    pub state: Requirement,
    /// Documented PIN length.
    pub code_length: Option<u32>,
}

/// The refresh grant.
#[derive(Debug, Clone)]
pub struct RefreshDef {
    /// Token endpoint.
    pub token_endpoint: Str,
    /// Whether a response may carry a replacement refresh token.
    pub rotates: bool,
    /// Whether `scope` is sent.
    pub send_scope: bool,
}

/// The client credentials grant.
#[derive(Debug, Clone)]
pub struct ClientCredentialsDef {
    /// Token endpoint.
    pub token_endpoint: Str,
    /// Where the parameters go.
    pub params_in: ParamsIn,
    /// The endpoint hands back the same token until it expires.
    pub reuses_token: bool,
}

/// The device code grant.
#[derive(Debug, Clone)]
pub struct DeviceCodeDef {
    /// Device authorization endpoint.
    pub device_endpoint: Str,
    /// Token endpoint.
    pub token_endpoint: Str,
    /// `grant_type` used when polling.
    pub grant_type: Str,
    /// Minimum polling interval in seconds.
    pub poll_interval_secs: u64,
}

/// A custom token request.
#[derive(Debug, Clone)]
pub struct CustomGrantDef {
    /// Method name (snake_case).
    pub name: Str,
    /// What it does.
    pub description: Str,
    /// Endpoint it calls.
    pub endpoint: Str,
    /// Where parameters go.
    pub params_in: ParamsIn,
    /// Parameters in order.
    pub params: List<CustomParamDef>,
    /// How the response is read.
    pub response: ResponseDef,
    /// How the token is sent.
    pub presentation: Presentation,
    /// Retirement notice.
    pub deprecated: Option<Deprecation>,
}

/// One custom parameter.
#[derive(Debug, Clone)]
pub struct CustomParamDef {
    /// Wire name.
    pub wire: Str,
    /// Where its value comes from.
    pub source: ParamSource,
}

/// Source of a custom parameter's value.
#[derive(Debug, Clone)]
pub enum ParamSource {
    /// Fixed.
    Value(Str),
    /// A method argument.
    Input {
        /// Argument name.
        name: Str,
        /// Whether it is a secret.
        secret: bool,
    },
}

/// Documented lifetimes.
#[derive(Debug, Clone)]
pub struct LifetimesDef {
    /// Authorization code.
    pub authorization_code: Option<Lifetime>,
    /// PIN code.
    pub pin_code: Option<Lifetime>,
    /// Access token.
    pub access_token: Option<Lifetime>,
    /// Refresh token.
    pub refresh_token: Option<Lifetime>,
    /// Refresh this many seconds ahead of expiry.
    pub refresh_skew_secs: u64,
}

/// A documented limit.
#[derive(Debug, Clone)]
pub enum LimitDef {
    /// At most `max` events per `per_secs`, per `key`; then blocked for `block_for_secs`.
    Rate {
        /// What is counted.
        counts: Counted,
        /// Allowed events per window.
        max: u32,
        /// Window length.
        per_secs: u64,
        /// What it is kept per.
        key: LimitKey,
        /// Block after the limit is passed.
        block_for_secs: Option<u64>,
        /// The provider's words.
        description: Str,
    },
    /// At most `max` live objects per `key`.
    Cap {
        /// What is capped.
        counts: Capped,
        /// Maximum live objects.
        max: u32,
        /// What it is kept per.
        key: LimitKey,
        /// What happens past the cap.
        on_exceed: OnExceed,
        /// The provider's words.
        description: Str,
    },
}

/// Scope syntax and catalogue.
#[derive(Debug, Clone)]
pub struct ScopesDef {
    /// At least one scope must be requested.
    pub required: bool,
    /// Request separator.
    pub separator: Str,
    /// The syntax template as written.
    pub syntax: Str,
    /// Placeholder names in the template (`module`, `operation`).
    pub placeholders: List<Str>,
    /// Every scope, expanded and sorted.
    pub catalogue: Catalogue,
    /// Scopes sent when none are named.
    pub default: List<Str>,
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

/// An error rule.
#[derive(Debug, Clone)]
pub struct ErrorRuleDef {
    /// The provider's code.
    pub code: Str,
    /// Where it applies.
    pub at: ErrorSite,
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
