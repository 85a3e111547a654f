//! [`Client`]: a [`ProviderDef`] (static, from the generated code) plus what differs per
//! registration: credentials, variable values, the redirect URI, a signing key and an HTTP
//! client. This file holds the client itself, its accessors, endpoint URLs and template
//! rendering, and the one check every grant method makes (`Client::grant`): the grant
//! methods live in [`super::grants`], the front channel in [`super::authorize`], API calls in
//! [`super::api`].

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use oauth_model::{ProviderDef, RenderContext, RenderError, Template, VarValue};
use reqwest::header::HeaderValue;
use url::Url;

use crate::clock::{Clock, RuntimeClock};
use crate::config::{check_value, is_secure};
use crate::error::Error;
use crate::jose::SigningKey;
use crate::limits::RateLimiter;
use crate::secret::Credentials;

use super::builder::ClientBuilder;

/// A spec-driven OAuth client. Cheap to clone (one `Arc`).
///
/// Generated code exposes only the methods a provider's spec declares; this type has them
/// all and answers `Error::Config` if asked for a grant the definition lacks.
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

/// Everything a client holds. `Debug` is safe: credentials and the signing key redact
/// themselves.
#[derive(Debug, Clone)]
pub(crate) struct Inner {
    pub(crate) def: &'static ProviderDef,
    pub(crate) credentials: Credentials,
    pub(crate) vars: Vec<VarValue>,
    pub(crate) redirect_uri: Option<Url>,
    pub(crate) origin_override: Option<Url>,
    pub(crate) http: reqwest::Client,
    pub(crate) timeout: Duration,
    pub(crate) limiter: Arc<RateLimiter>,
    pub(crate) user_agent: HeaderValue,
    pub(crate) allowed_api_origins: Vec<url::Origin>,
    pub(crate) signing_key: Option<SigningKey>,
    /// The client authentication method in use: the spec's, or its public one for
    /// credentials without a secret (decided once, at build time).
    pub(crate) auth_method: oauth_model::ClientAuth,
    /// Each connection value's format, compiled, aligned with `def.connection`.
    pub(crate) connection_formats: Vec<regex_lite::Regex>,
    pub(crate) clock: RuntimeClock,
    /// OpenID state (issuer, metadata, verifier, DPoP nonce), for a spec with `oidc:`.
    pub(crate) oidc: Option<Arc<super::oidc::OidcState>>,
    /// Tokens are DPoP-bound (the spec requires it or the builder turned it on).
    pub(crate) dpop: bool,
    /// Authorization requests are pushed (the builder turned PAR on).
    pub(crate) par: bool,
    /// What the token sources built from this client share: the default store, their
    /// configuration (see [`crate::source::ClientSources`]). Copies made with
    /// [`Client::with_var`] share it too (keys name the issuer, so they never mix).
    pub(crate) sources: Arc<crate::source::ClientSources>,
}

impl Client {
    /// Starts building a client for `def`.
    pub fn builder(def: &'static ProviderDef, credentials: Credentials) -> ClientBuilder {
        ClientBuilder::new(def, credentials)
    }

    /// The limiter this client checks before each authorization URL it hands out (the
    /// spec's rate limits unless the builder was given another; clones and
    /// [`Client::with_var`] copies share it). Token sources built from this client check it
    /// before each token request.
    pub fn rate_limiter(&self) -> &Arc<RateLimiter> {
        &self.inner.limiter
    }

    /// The clock this client, its limiter and its token sources go by.
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.inner.clock.shared()
    }

    pub(crate) fn runtime_clock(&self) -> &RuntimeClock {
        &self.inner.clock
    }

    pub(crate) fn sources(&self) -> &Arc<crate::source::ClientSources> {
        &self.inner.sources
    }

    /// An identity for this client (the address of what its clones share), compared only
    /// while something holds a clone of it.
    pub(crate) fn identity(&self) -> usize {
        Arc::as_ptr(&self.inner) as usize
    }

    /// The provider definition.
    pub fn def(&self) -> &'static ProviderDef {
        self.inner.def
    }

    /// The client id (and secret).
    pub fn credentials(&self) -> &Credentials {
        &self.inner.credentials
    }

    /// Variable values, aligned with the definition's variables.
    pub fn vars(&self) -> &[VarValue] {
        &self.inner.vars
    }

    /// The HTTP client, for building API requests.
    pub fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    /// A copy of this client with one variable changed (after a redirect selected it). The
    /// copy shares credentials, the limiter and the HTTP client; the value is checked like
    /// at build time.
    pub fn with_var(&self, index: usize, value: VarValue) -> Result<Client, Error> {
        let inner = &self.inner;
        let var = inner.def.variables.get(index).ok_or_else(|| {
            Error::Config(format!(
                "{} has no variable #{index}",
                inner.def.display_name
            ))
        })?;
        let value = check_value(var, value)?;
        let mut copy = Inner::clone(inner);
        if let Some(slot) = copy.vars.get_mut(index) {
            *slot = value;
        }
        // The issuer may be templated over the variable: a new one gets its own metadata.
        copy.oidc = super::oidc::OidcState::new(
            copy.def,
            &copy.vars,
            &copy.credentials,
            &copy.http,
            &copy.clock,
            copy.origin_override.as_ref(),
        )?;
        Ok(Client {
            inner: Arc::new(copy),
        })
    }

    /// The grant definition `grant`, or the one error every engine method gives for a grant
    /// the definition lacks.
    pub(crate) fn grant<'a, T>(&self, grant: Option<&'a T>, name: &str) -> Result<&'a T, Error> {
        grant.ok_or_else(|| {
            Error::Config(format!("{} has no {name} grant", self.def().display_name))
        })
    }

    /// Renders `template` with this client's variables and client id, `connection` values
    /// and a `token` for `{token}`. A connection value the set lacks is
    /// [`Error::MissingConnectionValue`].
    pub(crate) fn render(
        &self,
        template: &Template,
        connection: Option<&BTreeMap<String, String>>,
        token: Option<&str>,
    ) -> Result<String, Error> {
        let cx = RenderContext {
            vars: &self.inner.vars,
            connection,
            client_id: Some(self.inner.credentials.client_id.as_str()),
            token,
        };
        template.render_with(self.def(), &cx).map_err(|e| match e {
            RenderError::MissingConnection(name) => Error::MissingConnectionValue { name },
            RenderError::Other(s) => Error::Config(s),
        })
    }

    /// The URL of endpoint `name` as the spec declares it, rendered for this client's
    /// variables and `connection` values (the origin override not applied).
    pub(crate) fn declared_url_in(
        &self,
        name: &str,
        connection: Option<&BTreeMap<String, String>>,
        token: Option<&str>,
    ) -> Result<Url, Error> {
        let def = self.def();
        let endpoint = def.endpoint(name).ok_or_else(|| {
            Error::Config(format!("{} has no `{name}` endpoint", def.display_name))
        })?;
        let rendered = self.render(&endpoint.url, connection, token)?;
        Url::parse(&rendered)
            .map_err(|_| Error::Config(format!("endpoint `{name}` is not a valid URL")))
    }

    /// The URL of endpoint `name` as the spec declares it, rendered for this client's
    /// variables (the origin override not applied).
    pub fn declared_url(&self, name: &str) -> Result<Url, Error> {
        self.declared_url_in(name, None, None)
    }

    /// The URL of endpoint `name`, rendered for this client's variables (and override). An
    /// endpoint whose URL takes a connection value needs the token set: see
    /// [`Client::endpoint_url_for`].
    pub fn endpoint_url(&self, name: &str) -> Result<Url, Error> {
        self.endpoint_url_in(name, None, None)
    }

    /// The URL of endpoint `name` rendered with the connection values of `tokens` too
    /// (Salesforce's `{connection.instance_url}/services/data`).
    pub fn endpoint_url_for(&self, name: &str, tokens: &crate::TokenSet) -> Result<Url, Error> {
        self.endpoint_url_in(name, Some(&tokens.connection), None)
    }

    /// The URL of endpoint `name` in a full render context, moved to the origin override.
    pub(crate) fn endpoint_url_in(
        &self,
        name: &str,
        connection: Option<&BTreeMap<String, String>>,
        token: Option<&str>,
    ) -> Result<Url, Error> {
        let mut url = self.declared_url_in(name, connection, token)?;
        if let Some(origin) = &self.inner.origin_override {
            let moved = url
                .set_scheme(origin.scheme())
                .and_then(|()| url.set_host(origin.host_str()).map_err(|_| ()))
                .and_then(|()| url.set_port(origin.port()));
            if moved.is_err() {
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

    /// The authorization server this client talks to, as stored on every token set it
    /// obtains ([`crate::TokenSet::issuer`]): the declared URL of its token endpoint
    /// (`token`, else the first grant's), without query or fragment.
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

    /// The wire name of standard parameter `standard` (`param_names`), `None` when the
    /// provider wants it left out.
    pub(crate) fn wire<'a>(&'a self, standard: &'a str) -> Option<&'a str> {
        self.def().param_name(standard)
    }
}
