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

use oauth_model::{Counted, ErrorSite, Presentation, ProviderDef, Requirement, VarValue};
use serde_json::Value;
use url::Url;

use crate::authorize::{pkce_challenge, random_token, Redirect};
use crate::classify::{self, classify, Grant, Seen};
use crate::config::{allowed, check_value, default_value, is_secure, quoted};
use crate::error::Error;
use crate::limits::RateLimiter;
use crate::request::with_sensitive_authorization;
use crate::response::fetch;
use crate::secret::{AuthorizationCode, Credentials, CsrfToken, Password, PkceVerifier};
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
    pub(crate) limiter: Arc<RateLimiter>,
    pub(crate) user_agent: reqwest::header::HeaderValue,
    pub(crate) allowed_api_origins: Vec<url::Origin>,
}

/// The `User-Agent` of every request unless the builder sets another (GitHub and Reddit
/// refuse requests without one).
pub const DEFAULT_USER_AGENT: &str = concat!("oauth-providers/", env!("CARGO_PKG_VERSION"));

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    def: &'static ProviderDef,
    credentials: Credentials,
    vars: Vec<Option<VarValue>>,
    redirect_uri: Option<Url>,
    origin_override: Option<Url>,
    http: Option<reqwest::ClientBuilder>,
    timeout: Duration,
    limiter: Option<Arc<RateLimiter>>,
    unknown_vars: Vec<String>,
    user_agent: Option<String>,
    allowed_api_origins: Vec<Url>,
}

impl ClientBuilder {
    /// Sets a variable by name. A free value is checked against the spec's format in
    /// [`ClientBuilder::build`]; a name the spec does not declare fails there too. A choice
    /// variable also accepts `VarValue::Free(key)`.
    pub fn var(mut self, name: &str, value: VarValue) -> Self {
        match self.def.variable(name) {
            Some((i, _)) => {
                if let Some(slot) = self.vars.get_mut(i) {
                    *slot = Some(value);
                }
            }
            None => self.unknown_vars.push(name.to_string()),
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

    /// Builds the HTTP client from `http` (proxies, TLS roots, pool settings) instead of
    /// reqwest's defaults. Whatever it says about redirects, the client is built to follow
    /// none: a followed redirect would replay a token request (code, PKCE verifier, client
    /// secret) to wherever it points, and carry an access token to another host.
    pub fn http_client(mut self, http: reqwest::ClientBuilder) -> Self {
        self.http = Some(http);
        self
    }

    /// The `User-Agent` sent on every request ([`DEFAULT_USER_AGENT`] unless set).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Also sends access tokens to `origin` (its scheme, host and port): for an API host the
    /// spec does not declare. Tokens go only to HTTPS origins (or HTTP on a loopback address)
    /// the spec declares, the origin override, and origins allowed here.
    pub fn allow_api_origin(mut self, origin: Url) -> Self {
        self.allowed_api_origins.push(origin);
        self
    }

    /// Time allowed for one request (30 s unless set).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Counts and limits this client's requests with `limiter` instead of a
    /// [`RateLimiter::from_def`] of its own: to share one between clients of the same
    /// client id, to drive it with a test clock, or [`RateLimiter::unlimited`] to send
    /// everything and let the provider judge.
    pub fn rate_limiter(mut self, limiter: Arc<RateLimiter>) -> Self {
        self.limiter = Some(limiter);
        self
    }

    /// Checks the configuration and builds the client: every variable has a value (given or
    /// the spec's default), free values match their format, the override is HTTPS or loopback.
    pub fn build(self) -> Result<Client, Error> {
        let def = self.def;
        if let Some(name) = self.unknown_vars.first() {
            return Err(Error::Config(format!(
                "{} declares no variable `{name}`; expected one of {}",
                def.display_name,
                quoted(def.variables.iter().map(|v| v.name.as_ref()))
            )));
        }
        let mut vars = Vec::with_capacity(def.variables.len());
        for (i, var) in def.variables.iter().enumerate() {
            let value = match self.vars.get(i).cloned().flatten() {
                Some(value) => value,
                None => default_value(var).ok_or_else(|| {
                    Error::Config(format!(
                        "variable `{}` has no value and no default; {}",
                        var.name,
                        allowed(var)
                    ))
                })?,
            };
            vars.push(check_value(var, value)?);
        }
        if let Some(origin) = &self.origin_override {
            if !is_secure(origin) {
                return Err(Error::Config(
                    "the origin override must use https, or http on a loopback address".into(),
                ));
            }
        }
        let http = self
            .http
            .unwrap_or_default()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))?;
        let user_agent = match &self.user_agent {
            Some(ua) => reqwest::header::HeaderValue::from_str(ua)
                .map_err(|_| Error::Config("the user agent is not a valid header value".into()))?,
            None => reqwest::header::HeaderValue::from_static(DEFAULT_USER_AGENT),
        };
        let mut allowed_api_origins = Vec::with_capacity(self.allowed_api_origins.len());
        for origin in &self.allowed_api_origins {
            if !is_secure(origin) {
                return Err(Error::Config(
                    "an allowed API origin must use https, or http on a loopback address".into(),
                ));
            }
            allowed_api_origins.push(origin.origin());
        }
        Ok(Client {
            inner: Arc::new(Inner {
                def,
                credentials: self.credentials,
                vars,
                redirect_uri: self.redirect_uri,
                origin_override: self.origin_override,
                http,
                timeout: self.timeout,
                limiter: self
                    .limiter
                    .unwrap_or_else(|| Arc::new(RateLimiter::from_def(def))),
                user_agent,
                allowed_api_origins,
            }),
        })
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

impl ParamValue {
    /// The value as it goes on the wire.
    pub(crate) fn wire(&self) -> &str {
        match self {
            ParamValue::Text(t) => t,
            ParamValue::Secret(p) => p.secret(),
        }
    }
}

/// A response from an authorized API call, with provider errors already detected. Its
/// `Debug` shows the body's length, not the body (it may carry secrets of its own).
#[derive(Clone)]
pub struct ApiResponse {
    /// HTTP status.
    pub status: u16,
    /// Response headers.
    pub headers: reqwest::header::HeaderMap,
    /// The body (read with the size cap).
    pub body: bytes::Bytes,
}

impl std::fmt::Debug for ApiResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body_bytes", &self.body.len())
            .finish()
    }
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
            limiter: None,
            unknown_vars: Vec::new(),
            user_agent: None,
            allowed_api_origins: Vec::new(),
        }
    }

    /// The limiter this client checks before each authorization URL it hands out (the
    /// spec's rate limits unless the builder was given another; clones and
    /// [`Client::with_var`] copies share it). Token sources built from this client check it
    /// before each token request.
    pub fn rate_limiter(&self) -> &Arc<RateLimiter> {
        &self.inner.limiter
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

    /// A copy of this client with one variable changed (after a redirect selected it). The
    /// copy shares credentials and the HTTP client; the value is checked like at build time.
    pub fn with_var(&self, index: usize, value: VarValue) -> Result<Client, Error> {
        let inner = &self.inner;
        let var = inner.def.variables.get(index).ok_or_else(|| {
            Error::Config(format!(
                "{} has no variable #{index}",
                inner.def.display_name
            ))
        })?;
        let value = check_value(var, value)?;
        let mut vars = inner.vars.clone();
        if let Some(slot) = vars.get_mut(index) {
            *slot = value;
        }
        Ok(Client {
            inner: Arc::new(Inner {
                def: inner.def,
                credentials: inner.credentials.clone(),
                vars,
                redirect_uri: inner.redirect_uri.clone(),
                origin_override: inner.origin_override.clone(),
                http: inner.http.clone(),
                timeout: inner.timeout,
                limiter: Arc::clone(&inner.limiter),
                user_agent: inner.user_agent.clone(),
                allowed_api_origins: inner.allowed_api_origins.clone(),
            }),
        })
    }

    /// The URL of endpoint `name` as the spec declares it, rendered for this client's
    /// variables (the origin override not applied).
    pub fn declared_url(&self, name: &str) -> Result<Url, Error> {
        let inner = &self.inner;
        let endpoint = inner.def.endpoint(name).ok_or_else(|| {
            Error::Config(format!(
                "{} has no `{name}` endpoint",
                inner.def.display_name
            ))
        })?;
        let rendered = endpoint
            .url
            .render(inner.def, &inner.vars)
            .map_err(|e| Error::Config(format!("endpoint `{name}`: {e}")))?;
        Url::parse(&rendered)
            .map_err(|e| Error::Config(format!("endpoint `{name}` is not a valid URL: {e}")))
    }

    /// The authorization server this client talks to, as stored on every token set it
    /// obtains ([`TokenSet::issuer`]): the declared URL of its token endpoint (`token`, else
    /// the first grant's), without query or fragment.
    pub fn issuer(&self) -> Result<String, Error> {
        let def = self.def();
        let g = &def.grants;
        let name = if def.endpoint("token").is_some() {
            "token"
        } else if let Some(ac) = &g.authorization_code {
            &ac.token_endpoint
        } else if let Some(cc) = &g.client_credentials {
            &cc.token_endpoint
        } else if let Some(r) = &g.refresh_token {
            &r.token_endpoint
        } else if let Some(p) = &g.pin {
            &p.token_endpoint
        } else if let Some(d) = &g.device_code {
            &d.token_endpoint
        } else if let Some(c) = g.custom.first() {
            &c.endpoint
        } else {
            return Err(Error::Config(format!(
                "{} has no token endpoint",
                def.display_name
            )));
        };
        let mut url = self.declared_url(name)?;
        url.set_query(None);
        url.set_fragment(None);
        Ok(url.to_string())
    }

    /// Whether an access token may be sent to `url`: HTTPS (or HTTP on a loopback address),
    /// and an origin the spec declares for its API (the `api` endpoint), the origin override,
    /// or one allowed with [`ClientBuilder::allow_api_origin`].
    pub(crate) fn check_api_target(&self, url: &Url) -> Result<(), Error> {
        if !is_secure(url) {
            return Err(Error::Config(
                "an access token is sent only over https (or http to a loopback address)".into(),
            ));
        }
        let origin = url.origin();
        let inner = &self.inner;
        let declared = self.def().endpoint("api").is_some()
            && self
                .declared_url("api")
                .is_ok_and(|api| api.origin() == origin);
        let overridden = inner
            .origin_override
            .as_ref()
            .is_some_and(|o| o.origin() == origin);
        if declared || overridden || inner.allowed_api_origins.contains(&origin) {
            return Ok(());
        }
        Err(Error::Config(format!(
            "{} declares no API at this origin; an access token is sent only to the origins \
             the spec declares (allow another with `allow_api_origin`)",
            self.def().display_name
        )))
    }

    /// The URL of endpoint `name`, rendered for this client's variables (and override).
    pub fn endpoint_url(&self, name: &str) -> Result<Url, Error> {
        let inner = &self.inner;
        let mut url = self.declared_url(name)?;
        if let Some(origin) = &inner.origin_override {
            let redirected = url
                .set_scheme(origin.scheme())
                .and_then(|()| url.set_host(origin.host_str()).map_err(|_| ()))
                .and_then(|()| url.set_port(origin.port()));
            if redirected.is_err() {
                return Err(Error::Config(format!(
                    "endpoint `{name}` cannot be moved to the origin override"
                )));
            }
        }
        if !is_secure(&url) {
            return Err(Error::Config(format!(
                "endpoint `{name}` must use https, or http on a loopback address"
            )));
        }
        Ok(url)
    }

    /// The URL of `endpoint` where an authorization starts, and an empty record of it, with
    /// one authorization code counted against the rate limiter: each URL may become a code,
    /// so a URL past the limit is refused here rather than blocked by the provider.
    fn begin_authorization(&self, endpoint: &str) -> Result<(Url, PendingAuthorization), Error> {
        let url = self.endpoint_url(endpoint)?;
        self.inner.limiter.check(Counted::AuthorizationCodes)?;
        let pending = PendingAuthorization {
            state: None,
            pkce_verifier: None,
            redirect_uri: None,
            started_at: SystemTime::now(),
        };
        Ok((url, pending))
    }

    /// The URL to send the user to, and what to keep until the redirect comes back.
    pub fn authorize_url(
        &self,
        params: &AuthorizeParams,
    ) -> Result<(Url, PendingAuthorization), Error> {
        let def = self.def();
        let grant = def
            .grants
            .authorization_code
            .as_ref()
            .ok_or_else(|| self.no_grant("authorization_code"))?;
        let (mut url, mut pending) = self.begin_authorization(&grant.authorize_endpoint)?;
        let mut query: Vec<(&str, String)> = vec![
            ("response_type", "code".into()),
            (
                "client_id",
                self.inner.credentials.client_id.as_str().into(),
            ),
        ];
        match (grant.redirect_uri, &self.inner.redirect_uri) {
            (Requirement::Unsupported, _) | (Requirement::Optional, None) => {}
            (_, Some(uri)) => {
                query.push(("redirect_uri", uri.to_string()));
                pending.redirect_uri = Some(uri.to_string());
            }
            (Requirement::Required, None) => {
                return Err(Error::Config(format!(
                    "{} requires a redirect URI; set one with `ClientBuilder::redirect_uri`",
                    def.display_name
                )))
            }
        }
        if let Some(scope) = self.scope_param(&params.scopes, true)? {
            query.push(("scope", scope));
        }
        if grant.state != Requirement::Unsupported {
            let state = random_token();
            query.push(("state", state.clone()));
            pending.state = Some(CsrfToken::new(state));
        }
        if grant.pkce != Requirement::Unsupported {
            let verifier = random_token();
            query.push(("code_challenge", pkce_challenge(&verifier)));
            query.push(("code_challenge_method", "S256".into()));
            pending.pkce_verifier = Some(PkceVerifier::new(verifier));
        }
        for (name, value) in &params.extra {
            query.push((name, value.clone()));
        }
        url.query_pairs_mut().extend_pairs(query.iter());
        Ok((url, pending))
    }

    /// The PIN page URL (PIN grant): `response_type=code`, `client_id` and `state` when the
    /// spec sends one.
    pub fn pin_url(&self) -> Result<(Url, PendingAuthorization), Error> {
        let grant = self
            .def()
            .grants
            .pin
            .as_ref()
            .ok_or_else(|| self.no_grant("pin"))?;
        let (mut url, mut pending) = self.begin_authorization(&grant.authorize_endpoint)?;
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("response_type", "code");
            query.append_pair("client_id", self.inner.credentials.client_id.as_str());
            if grant.state != Requirement::Unsupported {
                let state = random_token();
                query.append_pair("state", &state);
                pending.state = Some(CsrfToken::new(state));
            }
        }
        Ok((url, pending))
    }

    /// Checks a redirect's query string: `state` (constant-time), provider errors
    /// (`error=access_denied`), and redirect parameters that select a variable (only values
    /// the spec declares are accepted).
    ///
    /// `state` is checked first, so a forged redirect cannot pass off an error as the
    /// provider's. Provider errors from a redirect carry HTTP status 0 (there is none).
    pub fn parse_callback(
        &self,
        pending: &PendingAuthorization,
        query: &str,
    ) -> Result<Callback, Error> {
        let redirect = Redirect::parse(query);
        redirect.check_state(pending.state.as_ref())?;
        if let Some(error) = redirect.provider_error(self.def()) {
            return Err(error);
        }
        let code = redirect
            .get("code")
            .filter(|c| !c.is_empty())
            .ok_or_else(|| Error::InvalidResponse {
                site: ErrorSite::Authorize,
                reason: "the redirect has no `code` parameter".into(),
            })?;
        Ok(Callback {
            code: AuthorizationCode::new(code),
            selected: redirect.selected(self.def())?,
        })
    }

    /// Attaches `token` to a request the way the spec says (header scheme or query); a token a
    /// custom grant issued is presented the way that grant says. The header is marked
    /// sensitive.
    ///
    /// Refused, before anything is sent, unless the request goes to an origin that may receive
    /// tokens (see [`ClientBuilder::allow_api_origin`]).
    pub fn authorize_request(
        &self,
        request: reqwest::RequestBuilder,
        token: &TokenSet,
    ) -> Result<reqwest::RequestBuilder, Error> {
        let (http, built) = request.build_split();
        let built = built.map_err(|e| Error::transport(ErrorSite::Api, e, self.inner.timeout))?;
        self.check_api_target(built.url())?;
        let request = reqwest::RequestBuilder::from_parts(http, built)
            .header(reqwest::header::USER_AGENT, self.inner.user_agent.clone());
        Ok(self.present(request, token))
    }

    /// Puts the token on a request already checked by [`Client::check_api_target`].
    fn present(
        &self,
        request: reqwest::RequestBuilder,
        token: &TokenSet,
    ) -> reqwest::RequestBuilder {
        let def = self.def();
        let presentation = token
            .issued_by
            .as_deref()
            .and_then(|name| def.custom_grant(name))
            .map_or(&def.token_presentation, |g| &g.presentation);
        let secret = token.access_token.secret();
        match presentation {
            Presentation::Header { scheme, .. } => {
                with_sensitive_authorization(request, format!("{scheme} {secret}"))
            }
            Presentation::Query { param, extra } => {
                let mut pairs: Vec<(&str, &str)> = Vec::with_capacity(extra.len() + 1);
                pairs.push((param, secret));
                pairs.extend(extra.iter().map(|(k, v)| (k.as_ref(), v.as_ref())));
                request.query(&pairs)
            }
            Presentation::None => request,
        }
    }

    /// Sends an authorized API request and detects provider errors in the response (including
    /// errors inside HTTP 200 bodies). The body is read with the size cap; a body that is not
    /// JSON can match only status rules. A 3xx that no rule classifies is returned as it is
    /// (with its `Location`) and never followed: following it would hand the token to
    /// wherever it points. A request to an origin that may not receive tokens is refused
    /// before it is sent (see [`Client::authorize_request`]).
    pub async fn send_api(
        &self,
        request: reqwest::RequestBuilder,
        token: &TokenSet,
    ) -> Result<ApiResponse, Error> {
        let site = ErrorSite::Api;
        let timeout = self.inner.timeout;
        let (http, request) = self
            .authorize_request(request, token)?
            .timeout(timeout)
            .build_split();
        let request = request.map_err(|e| Error::transport(site, e, timeout))?;
        tracing::debug!(endpoint = "api", method = %request.method(), "sending request");
        let raw = fetch(
            reqwest::RequestBuilder::from_parts(http, request),
            site,
            timeout,
        )
        .await?;
        tracing::debug!(endpoint = "api", status = raw.status, "response");
        let body = serde_json::from_slice::<Value>(&raw.body).ok();
        let seen = Seen {
            site,
            status: raw.status,
            headers: Some(&raw.headers),
            body: body.as_ref(),
        };
        // A redirect is handed back, not followed and not an error: only the caller can know
        // whether its `Location` deserves the token (Nest's data API redirects to per-user
        // hosts), and sending it again through `send_api` checks that origin.
        let redirect =
            (300..400).contains(&raw.status) && classify::match_rules(self.def(), &seen).is_none();
        if !redirect {
            classify(self.def(), &seen, Grant::None)?;
        }
        Ok(ApiResponse {
            status: raw.status,
            headers: raw.headers,
            body: raw.body,
        })
    }

    pub(crate) fn no_grant(&self, grant: &str) -> Error {
        Error::Config(format!("{} has no {grant} grant", self.def().display_name))
    }

    /// The `scope` value: the names given, or the spec's defaults when none are (and
    /// `use_defaults`), joined with the spec's separator. `None` when there is nothing to send.
    pub(crate) fn scope_param(
        &self,
        scopes: &[String],
        use_defaults: bool,
    ) -> Result<Option<String>, Error> {
        let def = self.def();
        let Some(spec) = &def.scopes else {
            return Ok((!scopes.is_empty()).then(|| scopes.join(" ")));
        };
        let names: Vec<&str> = if scopes.is_empty() && use_defaults {
            spec.default.iter().map(|s| s.as_ref()).collect()
        } else {
            scopes.iter().map(String::as_str).collect()
        };
        if names.is_empty() {
            if spec.required && use_defaults {
                return Err(Error::Config(format!(
                    "{} requires at least one scope",
                    def.display_name
                )));
            }
            return Ok(None);
        }
        Ok(Some(names.join(&spec.separator)))
    }

    /// The HTTP client, for building API requests.
    pub fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }
}
