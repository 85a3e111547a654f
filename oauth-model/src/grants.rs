//! The grants a provider supports and what each sends.

use crate::{
    HmacEncoding, List, ParamsIn, Presentation, RenewWith, Requirement, ResponseDef, ResponseMode,
    Str, Template,
};

/// The supported grants.
#[derive(Debug, Clone)]
pub struct GrantsDef {
    /// Authorization code.
    pub authorization_code: Option<AuthorizationCodeDef>,
    /// PIN / out-of-band code.
    pub pin: Option<PinDef>,
    /// Refresh (or a renewal that exchanges the access token).
    pub refresh_token: Option<RefreshDef>,
    /// Client credentials.
    pub client_credentials: Option<ClientCredentialsDef>,
    /// Device code.
    pub device_code: Option<DeviceCodeDef>,
    /// Custom token requests.
    pub custom: List<CustomGrantDef>,
}

/// A request parameter with a fixed or templated value.
#[derive(Debug, Clone)]
pub struct ParamDef {
    /// Wire name.
    pub name: Str,
    /// Value template (over variables, `{client_id}`).
    pub value: Template,
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
    /// Parameters sent on every authorize request.
    pub params: List<ParamDef>,
    /// Optional authorize parameters, each a typed setter.
    pub extra_params: List<ExtraParamDef>,
    /// Further parameters of the code exchange.
    pub token_params: List<ParamDef>,
    /// Redirect parameters that select a variable.
    pub callback_params: List<CallbackParamDef>,
    /// How the authorization response arrives.
    pub response_mode: ResponseMode,
    /// The redirect is signed (Shopify).
    pub hmac: Option<HmacDef>,
    /// Documented code length.
    pub code_length: Option<u32>,
}

/// An optional authorize parameter.
#[derive(Debug, Clone)]
pub struct ExtraParamDef {
    /// Wire name (`access_type`).
    pub name: Str,
    /// What it does.
    pub description: Str,
    /// Allowed values (an enum); empty for a free value checked against `format`.
    pub values: List<Str>,
    /// The regular expression a free value must match.
    pub format: Option<Str>,
    /// The provider's default when the parameter is left out.
    pub default: Option<Str>,
    /// Sent with this value unless the caller sets another.
    pub send: Option<Str>,
}

/// An HMAC over the redirect's other parameters (Shopify).
#[derive(Debug, Clone)]
pub struct HmacDef {
    /// The parameter carrying the HMAC.
    pub param: Str,
    /// Other parameters left out of the signed message besides `param` (`signature`).
    pub exclude: List<Str>,
    /// How the HMAC is written.
    pub encoding: HmacEncoding,
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
    /// Whether `redirect_uri` is sent (GitLab).
    pub send_redirect_uri: bool,
    /// What the renewal sends: the refresh token, or the access token (Facebook).
    pub renew_with: RenewWith,
    /// `grant_type` (`refresh_token` unless the provider names another).
    pub grant_type: Str,
    /// The parameter carrying the token (`refresh_token`, `fb_exchange_token`).
    pub token_param: Str,
    /// The endpoint hands back the same access token while it is still valid (Strava).
    pub reuses_token: bool,
    /// Further parameters.
    pub params: List<ParamDef>,
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
    /// `grant_type` (`client_credentials` unless the provider names another).
    pub grant_type: Str,
    /// Further parameters (`audience`).
    pub params: List<ParamDef>,
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
    /// Further parameters of the device authorization request.
    pub params: List<ParamDef>,
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
    pub deprecated: Option<crate::Deprecation>,
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
