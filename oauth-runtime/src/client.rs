//! The untyped, spec-driven client that generated provider types wrap.
//!
//! A [`Client`] is a [`ProviderDef`] (static, from the generated code) plus what differs per
//! registration: credentials, variable values, the redirect URI and an HTTP client. Every
//! request it makes is built from the definition: endpoint templates, client authentication,
//! where parameters go, how responses are parsed and how errors are recognised.
//!
//! Generated code exposes only the methods a provider's spec declares; this type has them all
//! and answers `Error::Config` if asked for a grant the definition lacks.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use oauth_model::{ProviderDef, VarValue};
use url::Url;

use crate::error::Error;
use crate::secret::{AuthorizationCode, CsrfToken, Credentials, Password, PkceVerifier, RefreshToken};
use crate::token::TokenSet;

/// Largest response body the runtime reads (golang's oauth2 uses the same 1 MiB cap).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Default time allowed for one request.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A spec-driven OAuth client. Cheap to clone (one `Arc`).
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) def: &'static ProviderDef,
    pub(crate) credentials: Credentials,
    pub(crate) vars: Vec<VarValue>,
    pub(crate) redirect_uri: Option<Url>,
    pub(crate) origin_override: Option<Url>,
    pub(crate) http: reqwest::Client,
    pub(crate) timeout: Duration,
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    def: &'static ProviderDef,
    credentials: Credentials,
    vars: Vec<Option<VarValue>>,
    redirect_uri: Option<Url>,
    origin_override: Option<Url>,
    http: Option<reqwest::Client>,
    timeout: Duration,
}

impl ClientBuilder {
    /// Sets a variable by name. A free value is checked against the spec's format in
    /// [`ClientBuilder::build`].
    pub fn var(mut self, name: &str, value: VarValue) -> Self {
        if let Some((i, _)) = self.def.variable(name) {
            if let Some(slot) = self.vars.get_mut(i) {
                *slot = Some(value);
            }
        }
        self
    }

    /// The redirect URI registered with the provider.
    pub fn redirect_uri(mut self, uri: Url) -> Self {
        self.redirect_uri = Some(uri);
        self
    }

    /// Sends every request to `origin` (scheme, host and port) instead of the spec's hosts,
    /// keeping paths and queries: for the simulator and tests. Must be HTTPS unless loopback.
    pub fn origin_override(mut self, origin: Url) -> Self {
        self.origin_override = Some(origin);
        self
    }

    /// Uses this HTTP client (connection pool, proxies, user agent).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Time allowed for one request (30 s unless set).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Checks the configuration and builds the client: every variable has a value (given or
    /// the spec's default), free values match their format, the override is HTTPS or loopback.
    pub fn build(self) -> Result<Client, Error> {
        let _ = (
            self.def,
            &self.credentials,
            &self.vars,
            &self.redirect_uri,
            &self.origin_override,
            &self.http,
            self.timeout,
        );
        Err(Error::Config("not implemented yet".into()))
    }
}

/// What an authorization request asks for.
#[derive(Debug, Clone, Default)]
pub struct AuthorizeParams {
    /// Scopes, joined with the spec's separator.
    pub scopes: Vec<String>,
    /// Extra parameters (`access_type=offline`), already checked by the generated code.
    pub extra: Vec<(String, String)>,
}

/// What must be kept between sending the user to the provider and handling the redirect.
#[derive(Debug, Clone)]
pub struct PendingAuthorization {
    /// The `state` sent, if the spec sends one.
    pub state: Option<CsrfToken>,
    /// The PKCE verifier, if the spec uses PKCE.
    pub pkce_verifier: Option<PkceVerifier>,
    /// The redirect URI sent, which the exchange must repeat.
    pub redirect_uri: Option<String>,
    /// When the authorization started (codes have a documented lifetime).
    pub started_at: SystemTime,
}

/// A parsed, checked authorization redirect.
#[derive(Debug)]
pub struct Callback {
    /// The authorization code.
    pub code: AuthorizationCode,
    /// Variable values the redirect selected (Zoho's `location` / `accounts-server`), already
    /// checked against the spec's declared values: `(variable index, value)`.
    pub selected: Vec<(usize, VarValue)>,
}

/// A device authorization in progress (RFC 8628 §3.2).
#[derive(Debug, Clone)]
pub struct DeviceAuthorization {
    /// The code the client polls with (secret).
    pub device_code: AuthorizationCode,
    /// The code the user types in.
    pub user_code: String,
    /// Where the user goes.
    pub verification_uri: String,
    /// The URI with the code filled in, when sent.
    pub verification_uri_complete: Option<String>,
    /// When the device code expires.
    pub expires_at: SystemTime,
    /// Polling interval.
    pub interval: Duration,
}

/// A custom grant argument.
#[derive(Debug, Clone)]
pub enum ParamValue {
    /// Plain text.
    Text(String),
    /// A secret.
    Secret(Password),
}

/// A response from an authorized API call, with provider errors already detected.
#[derive(Debug, Clone)]
pub struct ApiResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers.
    pub headers: reqwest::header::HeaderMap,
    /// The body (read with the size cap).
    pub body: bytes::Bytes,
}

impl Client {
    /// Starts building a client for `def`.
    pub fn builder(def: &'static ProviderDef, credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            def,
            credentials,
            vars: vec![None; def.variables.len()],
            redirect_uri: None,
            origin_override: None,
            http: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// The provider definition.
    pub fn def(&self) -> &'static ProviderDef {
        self.inner.def
    }

    /// The client id.
    pub fn credentials(&self) -> &Credentials {
        &self.inner.credentials
    }

    /// Variable values, aligned with the definition's variables.
    pub fn vars(&self) -> &[VarValue] {
        &self.inner.vars
    }

    /// A copy of this client with one variable changed (after a redirect selected it).
    pub fn with_var(&self, index: usize, value: VarValue) -> Result<Client, Error> {
        let _ = (index, value);
        Err(Error::Config("not implemented yet".into()))
    }

    /// The URL of endpoint `name`, rendered for this client's variables (and override).
    pub fn endpoint_url(&self, name: &str) -> Result<Url, Error> {
        let _ = name;
        Err(Error::Config("not implemented yet".into()))
    }

    /// The URL to send the user to, and what to keep until the redirect comes back.
    pub fn authorize_url(
        &self,
        params: &AuthorizeParams,
    ) -> Result<(Url, PendingAuthorization), Error> {
        let _ = params;
        Err(Error::Config("not implemented yet".into()))
    }

    /// The PIN page URL (PIN grant).
    pub fn pin_url(&self) -> Result<(Url, PendingAuthorization), Error> {
        Err(Error::Config("not implemented yet".into()))
    }

    /// Checks a redirect's query string: `state` (constant-time), provider errors
    /// (`error=access_denied`), and redirect parameters that select a variable (only values
    /// the spec declares are accepted).
    pub fn parse_callback(
        &self,
        pending: &PendingAuthorization,
        query: &str,
    ) -> Result<Callback, Error> {
        let _ = (pending, query);
        Err(Error::Config("not implemented yet".into()))
    }

    /// Exchanges an authorization code.
    pub async fn exchange_code(
        &self,
        pending: &PendingAuthorization,
        code: &AuthorizationCode,
    ) -> Result<TokenSet, Error> {
        let _ = (pending, code);
        Err(Error::Config("not implemented yet".into()))
    }

    /// Exchanges a PIN the user typed in.
    pub async fn exchange_pin(&self, pin: &AuthorizationCode) -> Result<TokenSet, Error> {
        let _ = pin;
        Err(Error::Config("not implemented yet".into()))
    }

    /// Refreshes. A response without a refresh token keeps `refresh_token` in the result.
    pub async fn refresh(
        &self,
        refresh_token: &RefreshToken,
        scopes: &[String],
    ) -> Result<TokenSet, Error> {
        let _ = (refresh_token, scopes);
        Err(Error::Config("not implemented yet".into()))
    }

    /// Client credentials grant.
    pub async fn client_credentials(
        &self,
        scopes: &[String],
        extra: &[(String, String)],
    ) -> Result<TokenSet, Error> {
        let _ = (scopes, extra);
        Err(Error::Config("not implemented yet".into()))
    }

    /// Starts a device authorization.
    pub async fn device_authorization(
        &self,
        scopes: &[String],
    ) -> Result<DeviceAuthorization, Error> {
        let _ = scopes;
        Err(Error::Config("not implemented yet".into()))
    }

    /// Polls until the user finishes, honouring `interval` and `slow_down`.
    pub async fn poll_device_token(&self, device: &DeviceAuthorization) -> Result<TokenSet, Error> {
        let _ = device;
        Err(Error::Config("not implemented yet".into()))
    }

    /// Runs the custom grant `name` with its inputs by argument name.
    pub async fn custom_grant(
        &self,
        name: &str,
        inputs: &[(&str, ParamValue)],
    ) -> Result<TokenSet, Error> {
        let _ = (name, inputs);
        Err(Error::Config("not implemented yet".into()))
    }

    /// Revokes a token at the `revoke` endpoint.
    pub async fn revoke(&self, token: &str, token_type_hint: Option<&str>) -> Result<(), Error> {
        let _ = (token, token_type_hint);
        Err(Error::Config("not implemented yet".into()))
    }

    /// Attaches `token` to a request the way the spec says (header scheme or query).
    pub fn authorize_request(
        &self,
        request: reqwest::RequestBuilder,
        token: &TokenSet,
    ) -> reqwest::RequestBuilder {
        let _ = token;
        request
    }

    /// Sends an authorized API request and detects provider errors in the response (including
    /// errors inside HTTP 200 bodies).
    pub async fn send_api(
        &self,
        request: reqwest::RequestBuilder,
        token: &TokenSet,
    ) -> Result<ApiResponse, Error> {
        let _ = (request, token);
        Err(Error::Config("not implemented yet".into()))
    }

    /// The HTTP client, for building API requests.
    pub fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }
}
