//! [`ClientBuilder`]: everything a [`Client`] is configured with, checked once in
//! [`ClientBuilder::build`] (variable values against the spec, HTTPS rules, the client
//! authentication method against the key and secret given, connection value formats), so a
//! built client cannot be misconfigured at the first request.
//!
//! Variables are set by index (`var_at`), as generated code knows them: there is no lookup
//! by name.

use std::sync::Arc;
use std::time::Duration;

use oauth_model::{ClientAuth, JwtAlgorithm, ProviderDef, VarValue};
use reqwest::header::HeaderValue;
use url::Url;

use crate::clock::{Clock, RuntimeClock};
use crate::config::{allowed, check_value, default_value, is_secure};
use crate::error::Error;
use crate::jose::{JwsAlgorithm, SigningKey};
use crate::limits::RateLimiter;
use crate::secret::Credentials;

use super::client::{Client, Inner};

/// Default time allowed for one request.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The `User-Agent` of every request unless the builder sets another (GitHub and Reddit
/// refuse requests without one).
pub const DEFAULT_USER_AGENT: &str = concat!("oauth-providers/", env!("CARGO_PKG_VERSION"));

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    def: &'static ProviderDef,
    credentials: Credentials,
    vars: Vec<Option<VarValue>>,
    bad_var_index: Option<usize>,
    redirect_uri: Option<Url>,
    origin_override: Option<Url>,
    http: Option<reqwest::ClientBuilder>,
    timeout: Duration,
    limiter: Option<Arc<RateLimiter>>,
    user_agent: Option<String>,
    allowed_api_origins: Vec<Url>,
    signing_key: Option<SigningKey>,
    clock: RuntimeClock,
    dpop: Option<bool>,
    par: bool,
}

impl ClientBuilder {
    pub(crate) fn new(def: &'static ProviderDef, credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            def,
            credentials,
            vars: vec![None; def.variables.len()],
            bad_var_index: None,
            redirect_uri: None,
            origin_override: None,
            http: None,
            timeout: DEFAULT_TIMEOUT,
            limiter: None,
            user_agent: None,
            allowed_api_origins: Vec::new(),
            signing_key: None,
            clock: RuntimeClock::default(),
            dpop: None,
            par: false,
        }
    }

    /// Sets the variable at `index` (in [`ProviderDef::variables`]). A free value is checked
    /// against the spec's format in [`ClientBuilder::build`]; an index the spec does not have
    /// fails there too. A choice variable also accepts `VarValue::Free(key)`.
    pub fn var_at(mut self, index: usize, value: VarValue) -> Self {
        match self.vars.get_mut(index) {
            Some(slot) => *slot = Some(value),
            None => self.bad_var_index = Some(index),
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

    /// The key that signs client assertions (`private_key_jwt`) or the client secret
    /// (`signed_client_secret`, Sign in with Apple's `.p8` key with its key id).
    pub fn signing_key(mut self, key: SigningKey) -> Self {
        self.signing_key = Some(key);
        self
    }

    /// The clock the client, the limiter it builds and its token sources go by (the
    /// system's unless set).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = RuntimeClock::new(clock);
        self
    }

    /// Binds tokens to a DPoP key (RFC 9449): a key pair per token set, proofs on token and
    /// API requests, the server's nonce honoured. Off by default unless the spec says
    /// `dpop: required` (which cannot be turned off); refused at build for a provider whose
    /// spec says `unsupported` or has no `oidc:`.
    pub fn dpop(mut self, on: bool) -> Self {
        self.dpop = Some(on);
        self
    }

    /// Pushes every authorization request (RFC 9126) even when neither the spec nor the
    /// metadata requires it; refused at build where the spec says `par: unsupported`.
    pub fn par(mut self, on: bool) -> Self {
        self.par = on;
        self
    }

    /// Checks the configuration and builds the client: every variable has a value (given or
    /// the spec's default), free values match their format, the override is HTTPS or
    /// loopback, a JWT client authentication has its key, connection formats compile.
    pub fn build(self) -> Result<Client, Error> {
        let def = self.def;
        if let Some(i) = self.bad_var_index {
            return Err(Error::Config(format!(
                "{} has {} variable(s); there is no variable #{i}",
                def.display_name,
                def.variables.len()
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
        let auth_method = auth_method(def, &self.credentials, self.signing_key.as_ref())?;
        let http = self
            .http
            .unwrap_or_default()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Config(format!("could not build the HTTP client: {e}")))?;
        let user_agent = match &self.user_agent {
            Some(ua) => HeaderValue::from_str(ua)
                .map_err(|_| Error::Config("the user agent is not a valid header value".into()))?,
            None => HeaderValue::from_static(DEFAULT_USER_AGENT),
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
        let mut connection_formats = Vec::with_capacity(def.connection.len());
        for c in def.connection.iter() {
            let re = regex_lite::Regex::new(&format!("^(?:{})$", c.format)).map_err(|_| {
                Error::Config(format!(
                    "connection value `{}` has a format that is not a valid regular expression",
                    c.name
                ))
            })?;
            connection_formats.push(re);
        }
        let (dpop, par) = security_profile(def, self.dpop, self.par)?;
        let oidc = super::oidc::OidcState::new(
            def,
            &vars,
            &self.credentials,
            &http,
            &self.clock,
            self.origin_override.as_ref(),
        )?;
        let clock = self.clock;
        let limiter = self
            .limiter
            .unwrap_or_else(|| Arc::new(RateLimiter::with_clock(def, clock.shared())));
        Ok(Client {
            inner: Arc::new(Inner {
                def,
                credentials: self.credentials,
                vars,
                redirect_uri: self.redirect_uri,
                origin_override: self.origin_override,
                http,
                timeout: self.timeout,
                limiter,
                user_agent,
                allowed_api_origins,
                signing_key: self.signing_key,
                auth_method,
                connection_formats,
                clock,
                oidc,
                dpop,
                par,
                sources: Arc::default(),
            }),
        })
    }
}

/// Whether DPoP and PAR are on: the spec's requirement, or what the builder asked where the
/// spec allows it.
fn security_profile(
    def: &ProviderDef,
    dpop: Option<bool>,
    par: bool,
) -> Result<(bool, bool), Error> {
    use oauth_model::Requirement;
    let (spec_dpop, spec_par) = def
        .oidc
        .as_ref()
        .map_or((Requirement::Unsupported, Requirement::Unsupported), |o| {
            (o.dpop, o.par)
        });
    let dpop = match (spec_dpop, dpop) {
        (Requirement::Required, Some(false)) => {
            return Err(Error::Config(format!(
                "{} requires DPoP-bound tokens; `dpop(false)` cannot turn it off",
                def.display_name
            )))
        }
        (Requirement::Required, _) => true,
        (Requirement::Unsupported, Some(true)) => {
            return Err(Error::Config(format!(
                "{} does not support DPoP (its spec says so, or has no `oidc:`)",
                def.display_name
            )))
        }
        (_, asked) => asked.unwrap_or(false),
    };
    if par && spec_par == Requirement::Unsupported {
        return Err(Error::Config(format!(
            "{} does not support pushed authorization requests",
            def.display_name
        )));
    }
    Ok((dpop, par))
}

/// The client authentication method a client with `credentials` and `key` uses: the spec's
/// method; its public method (or `none`) for credentials without a secret where the method
/// needs one; a configuration error for a method that signs without a key to sign with.
fn auth_method(
    def: &ProviderDef,
    credentials: &Credentials,
    key: Option<&SigningKey>,
) -> Result<ClientAuth, Error> {
    let auth = &def.client_auth;
    let public = auth.public.unwrap_or(ClientAuth::None);
    let has_secret = credentials.client_secret.is_some();
    match auth.method {
        ClientAuth::Basic
        | ClientAuth::RequestBody
        | ClientAuth::Query
        | ClientAuth::ClientSecretJwt
            if !has_secret =>
        {
            Ok(public)
        }
        ClientAuth::PrivateKeyJwt | ClientAuth::SignedClientSecret => match key {
            Some(key) => {
                let wanted = auth.jwt.as_ref().map(|j| jws_algorithm(j.algorithm));
                if wanted.is_some_and(|w| w != key.algorithm()) {
                    return Err(Error::Config(format!(
                        "{} signs `{}` with {}; the signing key is for {}",
                        def.display_name,
                        auth.method,
                        wanted.map_or("?", JwsAlgorithm::as_str),
                        key.algorithm()
                    )));
                }
                Ok(auth.method)
            }
            None if !has_secret && auth.public.is_some() => Ok(public),
            None => Err(Error::Config(format!(
                "{} authenticates with `{}`, which needs a signing key; set one with \
                 `signing_key`",
                def.display_name, auth.method
            ))),
        },
        method => Ok(method),
    }
}

/// The spec's JWT algorithm as a JWS one.
pub(crate) fn jws_algorithm(alg: JwtAlgorithm) -> JwsAlgorithm {
    match alg {
        JwtAlgorithm::Rs256 => JwsAlgorithm::RS256,
        JwtAlgorithm::Ps256 => JwsAlgorithm::PS256,
        JwtAlgorithm::Es256 => JwsAlgorithm::ES256,
        JwtAlgorithm::EdDsa => JwsAlgorithm::EdDSA,
        JwtAlgorithm::Hs256 => JwsAlgorithm::HS256,
    }
}
