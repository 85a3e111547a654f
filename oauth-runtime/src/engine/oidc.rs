//! OpenID Connect and the OAuth security profile in the engine, for a spec with `oidc:`: the
//! provider's metadata (discovered, cached), the ID token checks of every login and refresh,
//! UserInfo with its `sub` check, pushed authorization requests (RFC 9126), DPoP proofs
//! (RFC 9449) on token requests with the server's nonce, and the RP-initiated logout URL.
//!
//! The metadata is fetched only when something needs it (an ID token to verify, UserInfo, a
//! pushed request, a logout URL), so a client that never meets an ID token sends nothing
//! more than a plain OAuth client. Endpoints the spec declares are used as declared; the
//! OpenID ones it leaves out (`jwks`, `userinfo`, `par`, `end_session`) come from the
//! metadata, moved to the origin override when one is set.
//!
//! Nothing here logs or formats a token, a nonce, a proof or a key.

use std::sync::{Arc, Mutex};

use oauth_model::{ErrorSite, ParamsIn, ProviderDef, RenderContext, Requirement, VarValue};
use serde_json::Value;
use url::Url;

use crate::clock::RuntimeClock;
use crate::error::Error;
use crate::jose::JwsAlgorithm;
use crate::oidc::discovery::move_to;
use crate::oidc::{
    Discovery, DpopKey, Expected, ExportedDpopKey, IdTokenError, IdTokenVerifier, JwksCache, Nonce,
    ProviderMetadata, UserInfo, UserInfoClaims,
};
use crate::pending::PendingAuthorization;
use crate::request::OutRequest;
use crate::response::parse_body;
use crate::secret::{AuthorizationCode, Credentials};
use crate::token::TokenSet;

use super::client::Client;
use super::params::AuthorizeParams;

/// What a client of an OpenID provider keeps: its issuer, the metadata cache, the verifier
/// (built once, from the metadata or the spec's `jwks` endpoint) and the last DPoP nonce the
/// server handed out.
pub(crate) struct OidcState {
    issuer: String,
    discovery: Option<Discovery>,
    verifier: tokio::sync::OnceCell<IdTokenVerifier>,
    dpop_nonce: Mutex<Option<String>>,
}

impl std::fmt::Debug for OidcState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcState")
            .field("issuer", &self.issuer)
            .field("discovery", &self.discovery.is_some())
            .finish_non_exhaustive()
    }
}

impl OidcState {
    /// The state of a client with `vars`, or `None` for a provider without `oidc:`.
    pub(crate) fn new(
        def: &'static ProviderDef,
        vars: &[VarValue],
        credentials: &Credentials,
        http: &reqwest::Client,
        clock: &RuntimeClock,
        origin_override: Option<&Url>,
    ) -> Result<Option<Arc<OidcState>>, Error> {
        let Some(oidc) = &def.oidc else {
            return Ok(None);
        };
        let cx = RenderContext {
            vars,
            connection: None,
            client_id: Some(credentials.client_id.as_str()),
            token: None,
        };
        let issuer = oidc
            .issuer
            .render_with(def, &cx)
            .map_err(|_| Error::Config(format!("{}'s issuer does not render", def.display_name)))?;
        let discovery = if oidc.discovery {
            let mut builder = Discovery::builder(issuer.clone())
                .http_client(http.clone())
                .clock(clock.shared());
            if let Some(origin) = origin_override {
                builder = builder.origin_override(origin.clone());
            }
            Some(builder.build()?)
        } else {
            None
        };
        Ok(Some(Arc::new(OidcState {
            issuer,
            discovery,
            verifier: tokio::sync::OnceCell::new(),
            dpop_nonce: Mutex::new(None),
        })))
    }
}

/// The parameters of an authorization request, before they go into a URL or a push.
pub(crate) struct AuthorizeParts {
    pub(crate) url: Url,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) pending: PendingAuthorization,
}

impl Client {
    fn oidc_state(&self) -> Result<&Arc<OidcState>, Error> {
        self.inner.oidc.as_ref().ok_or_else(|| {
            Error::Config(format!(
                "{} is not an OpenID provider (its spec has no `oidc:`)",
                self.def().display_name
            ))
        })
    }

    /// The issuer this client expects in the metadata and in every ID token, when the
    /// provider is an OpenID provider.
    pub fn oidc_issuer(&self) -> Option<&str> {
        self.inner.oidc.as_deref().map(|s| s.issuer.as_str())
    }

    /// The provider's metadata: discovered on first use, then cached as its
    /// `Cache-Control` says. Its `issuer` has been checked against [`Client::oidc_issuer`].
    pub async fn discover(&self) -> Result<Arc<ProviderMetadata>, Error> {
        let state = self.oidc_state()?;
        let discovery = state.discovery.as_ref().ok_or_else(|| {
            Error::Config(format!(
                "{}'s spec turns discovery off (`oidc.discovery: false`)",
                self.def().display_name
            ))
        })?;
        Ok(discovery.metadata().await?)
    }

    /// The metadata when the spec discovers it, `None` otherwise.
    async fn metadata_if_discovered(&self) -> Result<Option<Arc<ProviderMetadata>>, Error> {
        match &self.oidc_state()?.discovery {
            Some(d) => Ok(Some(d.metadata().await?)),
            None => Ok(None),
        }
    }

    /// An OpenID endpoint: the spec's endpoint `name` when it declares one, else the
    /// metadata's, moved to the origin override.
    async fn oidc_endpoint(
        &self,
        name: &str,
        from_metadata: impl FnOnce(&ProviderMetadata) -> Option<&Url>,
    ) -> Result<Url, Error> {
        if self.def().endpoint(name).is_some() {
            return self.endpoint_url(name);
        }
        let metadata = self.metadata_if_discovered().await?;
        let url = metadata
            .as_deref()
            .and_then(from_metadata)
            .cloned()
            .ok_or_else(|| {
                Error::Config(format!(
                    "{} has no `{name}` endpoint (neither the spec nor its metadata names one)",
                    self.def().display_name
                ))
            })?;
        self.moved(url)
    }

    /// `url` moved to the origin override, when one is set.
    fn moved(&self, mut url: Url) -> Result<Url, Error> {
        if let Some(origin) = &self.inner.origin_override {
            move_to(&mut url, origin).map_err(|()| {
                Error::Config("a metadata endpoint cannot be moved to the origin override".into())
            })?;
        }
        Ok(url)
    }

    /// The ID token verifier, built on first use.
    async fn verifier(&self) -> Result<&IdTokenVerifier, Error> {
        let state = self.oidc_state()?;
        state
            .verifier
            .get_or_try_init(|| async {
                let oidc = self
                    .def()
                    .oidc
                    .as_ref()
                    .ok_or_else(|| Error::Config("not an OpenID provider".into()))?;
                let metadata = self.metadata_if_discovered().await?;
                let jwks_uri = self.oidc_endpoint("jwks", |m| m.jwks_uri.as_ref()).await?;
                let jwks = JwksCache::builder(jwks_uri)
                    .http_client(self.inner.http.clone())
                    .clock(self.runtime_clock().shared())
                    .timeout(self.inner.timeout)
                    .build()
                    .map_err(|e| Error::from(IdTokenError::Jwks(e)))?;
                let mut algorithms: Vec<JwsAlgorithm> = oidc
                    .id_token_algorithms
                    .iter()
                    .filter_map(|a| JwsAlgorithm::from_name(a))
                    .collect();
                if algorithms.is_empty() {
                    algorithms = match &metadata {
                        Some(m) => crate::oidc::id_token::metadata_algorithms(m),
                        None => vec![JwsAlgorithm::RS256],
                    };
                }
                IdTokenVerifier::builder(
                    state.issuer.clone(),
                    self.credentials().client_id.clone(),
                    Arc::new(jwks),
                )
                .algorithms(algorithms)
                .clock_skew(crate::time::secs(oidc.clock_skew_secs))
                .build()
                .map_err(|e| Error::Config(format!("ID token verifier: {e}")))
            })
            .await
    }

    /// Verifies the `id_token` of a token response and records its claims on `tokens`. On a
    /// new authorization (`nonce` set) the token is required and must carry the nonce; on a
    /// refresh it is optional, carries no nonce check, and must name the same `sub` as the
    /// set it renews (OIDC Core §12.2).
    pub(crate) async fn check_id_token(
        &self,
        body: &Value,
        tokens: &mut TokenSet,
        nonce: Option<&Nonce>,
        code: Option<&AuthorizationCode>,
        previous: Option<&TokenSet>,
    ) -> Result<(), Error> {
        if self.inner.oidc.is_none() {
            return Ok(());
        }
        let Some(id_token) = body.get("id_token") else {
            if nonce.is_some() {
                return Err(IdTokenError::Malformed(
                    "the token response of an OpenID login has no `id_token`".into(),
                )
                .into());
            }
            if let Some(previous) = previous {
                tokens.id_token_claims = previous.id_token_claims.clone();
                if let Some(hint) = previous.extra.get("id_token") {
                    tokens.extra.insert("id_token".into(), hint.clone());
                }
            }
            return Ok(());
        };
        let id_token = id_token.as_str().ok_or_else(|| {
            Error::from(IdTokenError::Malformed("`id_token` is not a string".into()))
        })?;
        let verifier = self.verifier().await?;
        let expected = Expected {
            nonce,
            access_token: Some(&tokens.access_token),
            code,
            ..Expected::default()
        };
        let claims = verifier
            .verify_at(id_token, &expected, self.runtime_clock().wall())
            .await?;
        if let Some(before) = previous.and_then(|p| p.id_token_claims.as_deref()) {
            if before.sub != claims.sub {
                return Err(IdTokenError::SubjectChanged.into());
            }
        }
        tokens.id_token_claims = Some(Arc::new(claims));
        // Kept (redacted in `Debug`, sealed where the store is) as the logout's
        // `id_token_hint`, whether or not the spec lists it among its extra fields.
        tokens.extra.insert("id_token".into(), id_token.to_string());
        Ok(())
    }

    /// UserInfo (OIDC Core §5.3) for `tokens`: its `sub` must be the verified ID token's.
    /// A DPoP-bound set is presented with a proof of its key.
    pub async fn userinfo(&self, tokens: &TokenSet) -> Result<UserInfoClaims, Error> {
        let sub = tokens
            .id_token_claims
            .as_deref()
            .map(|c| c.sub.clone())
            .ok_or_else(|| {
                Error::NoToken(
                    "the token set has no verified ID token, so UserInfo's `sub` cannot be \
                     checked: log in with the `openid` scope"
                        .into(),
                )
            })?;
        let endpoint = self
            .oidc_endpoint("userinfo", |m| m.userinfo_endpoint.as_ref())
            .await?;
        let userinfo = UserInfo::new(endpoint)?
            .with_http_client(self.inner.http.clone())
            .with_timeout(self.inner.timeout);
        match self.bound_key(tokens)? {
            Some(key) => Ok(userinfo
                .fetch_with_dpop(&tokens.access_token, &key, &sub)
                .await?),
            None => Ok(userinfo.fetch(&tokens.access_token, &sub).await?),
        }
    }

    /// The RP-initiated logout URL (OpenID Connect RP-Initiated Logout 1.0 §2): the metadata's
    /// `end_session_endpoint` (or the spec's `end_session`) with `id_token_hint` (the set's
    /// ID token, when kept), `client_id`, and the `post_logout_redirect_uri` and `state`
    /// given.
    pub async fn end_session_url(
        &self,
        tokens: &TokenSet,
        post_logout_redirect_uri: Option<&Url>,
        state: Option<&str>,
    ) -> Result<Url, Error> {
        let mut url = self
            .oidc_endpoint("end_session", |m| m.end_session_endpoint.as_ref())
            .await?;
        {
            let mut q = url.query_pairs_mut();
            if let Some(hint) = tokens.extra.get("id_token") {
                q.append_pair("id_token_hint", hint);
            }
            q.append_pair("client_id", self.credentials().client_id.as_str());
            if let Some(uri) = post_logout_redirect_uri {
                q.append_pair("post_logout_redirect_uri", uri.as_str());
            }
            if let Some(state) = state {
                q.append_pair("state", state);
            }
        }
        Ok(url)
    }

    /// Signs the user out at the provider: the RP-initiated logout URL for `tokens` (as
    /// [`Client::end_session_url`]; `None` when neither the spec nor the metadata has an
    /// end-session endpoint), after revoking `tokens` (their refresh token, else their access
    /// token) where the spec has a `revoke` endpoint. The URL is built before the revocation,
    /// so its `id_token_hint` is the set's; a failed revocation is the error.
    pub async fn logout(
        &self,
        tokens: &TokenSet,
        post_logout_redirect_uri: Option<&Url>,
        state: Option<&str>,
    ) -> Result<Option<Url>, Error> {
        let has_end_session = self.def().endpoint("end_session").is_some()
            || self
                .metadata_if_discovered()
                .await?
                .is_some_and(|m| m.end_session_endpoint.is_some());
        let url = if has_end_session {
            Some(
                self.end_session_url(tokens, post_logout_redirect_uri, state)
                    .await?,
            )
        } else {
            None
        };
        if self.def().endpoint("revoke").is_some() {
            self.revoke(tokens).await?;
        }
        Ok(url)
    }

    /// Whether authorization requests are pushed without asking the metadata: the spec
    /// says `par: required`, or the builder turned it on.
    pub(crate) fn par_forced(&self) -> bool {
        self.def()
            .oidc
            .as_ref()
            .is_some_and(|o| o.par == Requirement::Required)
            || self.inner.par
    }

    /// [`Client::authorize_url`], pushed first (RFC 9126) when the spec requires it, the
    /// builder asked, or the metadata says `require_pushed_authorization_requests`: the
    /// parameters go to the PAR endpoint (with the client authentication of the token
    /// endpoint) and the URL carries only `client_id` and the `request_uri` it answers.
    pub async fn authorize_url_pushed(
        &self,
        params: &AuthorizeParams,
    ) -> Result<(Url, PendingAuthorization), Error> {
        let unsupported = self
            .def()
            .oidc
            .as_ref()
            .is_none_or(|o| o.par == Requirement::Unsupported);
        let push = if unsupported {
            false
        } else if self.par_forced() {
            true
        } else {
            self.metadata_if_discovered()
                .await?
                .is_some_and(|m| m.require_pushed_authorization_requests)
        };
        let parts = self.authorize_parts(params)?;
        if !push {
            return Ok(finish_url(parts));
        }
        let endpoint = self
            .oidc_endpoint("par", |m| m.pushed_authorization_request_endpoint.as_ref())
            .await?;
        let mut request =
            OutRequest::new("par", oauth_model::Method::Post, endpoint.clone()).accept_json(true);
        for (name, value) in &parts.query {
            if Some(name.as_str()) != self.wire("client_id") {
                request.param(ParamsIn::Body, name, value);
            }
        }
        self.authenticate(&mut request, &endpoint)?;
        // `client_id` is a parameter of the authorization request, so the push carries it
        // (RFC 9126 §2.1) even where the client authenticates by a header (oidc-provider
        // refuses a push without it); a body-authenticated client has it there already.
        if let Some(name) = self.wire("client_id") {
            if !request.has_body_param(name) {
                request.param(ParamsIn::Body, name, self.credentials().client_id.as_str());
            }
        }
        let site = ErrorSite::Authorize;
        let (raw, _) = self.send_form(request, site).await?;
        let body = self.checked_body(
            &raw,
            oauth_model::ResponseFormat::Json,
            site,
            crate::classify::Grant::None,
        )?;
        let request_uri = body
            .get("request_uri")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty())
            .ok_or_else(|| Error::InvalidResponse {
                site,
                reason: "the pushed authorization response has no `request_uri`".into(),
            })?;
        let mut url = parts.url;
        {
            let mut q = url.query_pairs_mut();
            if let Some(name) = self.wire("client_id") {
                q.append_pair(name, self.credentials().client_id.as_str());
            }
            q.append_pair("request_uri", request_uri);
        }
        Ok((url, parts.pending))
    }

    /// The DPoP key `tokens` are bound to, read back from the set; `None` for a Bearer set.
    /// A `DPoP` set without its key cannot be presented.
    pub(crate) fn bound_key(&self, tokens: &TokenSet) -> Result<Option<DpopKey>, Error> {
        let bound = tokens
            .token_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("dpop"));
        match (&tokens.dpop_key, bound) {
            (Some(key), true) => Ok(Some(DpopKey::import(key)?)),
            (None, true) => Err(Error::Config(
                "the token set is DPoP-bound but holds no DPoP key".into(),
            )),
            (_, false) => Ok(None),
        }
    }

    /// The key a token request is signed with: the set's own for a renewal, a fresh pair
    /// for a new set. `None` when DPoP is off.
    pub(crate) fn token_request_key(
        &self,
        previous: Option<&TokenSet>,
    ) -> Result<Option<DpopKey>, Error> {
        if !self.inner.dpop {
            return Ok(None);
        }
        if let Some(exported) = previous.and_then(|p| p.dpop_key.as_ref()) {
            return Ok(Some(DpopKey::import(exported)?));
        }
        Ok(Some(DpopKey::generate()?))
    }

    /// The last `DPoP-Nonce` the server handed out.
    pub(crate) fn dpop_nonce(&self) -> Option<String> {
        let state = self.inner.oidc.as_ref()?;
        state.dpop_nonce.lock().ok().and_then(|n| n.clone())
    }

    /// Keeps the server's `DPoP-Nonce` for the next proofs.
    pub(crate) fn remember_dpop_nonce(&self, headers: &reqwest::header::HeaderMap) {
        let (Some(state), Some(nonce)) = (
            self.inner.oidc.as_ref(),
            crate::oidc::dpop::server_nonce(headers),
        ) else {
            return;
        };
        if let Ok(mut slot) = state.dpop_nonce.lock() {
            *slot = Some(nonce);
        }
    }

    /// The proof for a `method` request to `url` with `key` (and `ath` for `access_token`),
    /// carrying the server's last nonce.
    pub(crate) fn dpop_proof(
        &self,
        key: &DpopKey,
        method: &http::Method,
        url: &Url,
        access_token: Option<&crate::secret::AccessToken>,
    ) -> Result<String, Error> {
        let mut proof = key
            .proof(method, url)?
            .issued_at(self.runtime_clock().wall());
        if let Some(token) = access_token {
            proof = proof.access_token(token);
        }
        if let Some(nonce) = self.dpop_nonce() {
            proof = proof.nonce(nonce);
        }
        Ok(proof.sign()?.as_str().to_string())
    }
}

/// Whether a failed response asks for a DPoP nonce (RFC 9449 §8: `use_dpop_nonce`, in the
/// body at a token endpoint, in `WWW-Authenticate` at a resource server).
pub(crate) fn asks_for_dpop_nonce(raw: &crate::response::RawResponse) -> bool {
    if !(400..500).contains(&raw.status) || crate::oidc::dpop::server_nonce(&raw.headers).is_none()
    {
        return false;
    }
    let in_body = parse_body(oauth_model::ResponseFormat::Json, &raw.headers, &raw.body)
        .ok()
        .is_some_and(|b| b.get("error").and_then(Value::as_str) == Some("use_dpop_nonce"));
    let in_header = raw
        .headers
        .get_all(reqwest::header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("use_dpop_nonce"));
    in_body || in_header
}

/// The front-channel URL of `parts`.
pub(crate) fn finish_url(parts: AuthorizeParts) -> (Url, PendingAuthorization) {
    let mut url = parts.url;
    url.query_pairs_mut().extend_pairs(parts.query.iter());
    (url, parts.pending)
}

/// The key exported for storage with the set (`None` for a set the server did not bind).
pub(crate) fn stored_key(key: Option<&DpopKey>, tokens: &TokenSet) -> Option<ExportedDpopKey> {
    let bound = tokens
        .token_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("dpop"));
    key.filter(|_| bound).map(DpopKey::export)
}
