//! The front channel of [`Client`]: the authorization URL (scopes in their parameters,
//! fixed and optional parameters, `state`, PKCE, renamed standard parameters), the PIN page,
//! and the redirect: checked (`state` in constant time, the provider's HMAC, provider
//! errors, parameters that select a variable, connection values) and exchanged in one call
//! that uses the pending authorization up.

use oauth_model::{Counted, ErrorSite, ParamsIn, Requirement, ResponseMode};
use url::Url;

use crate::config::whole_match;
use crate::error::Error;
use crate::pending::PendingAuthorization;
use crate::secret::{AuthorizationCode, CsrfToken, PkceVerifier};
use crate::token::TokenSet;

use super::client::Client;
use super::params::{AuthorizeParams, Callback};
use super::redirect::{pkce_challenge, random_token, Redirect};

impl Client {
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
            started_at: self.runtime_clock().wall(),
            nonce: None,
        };
        Ok((url, pending))
    }

    /// The URL to send the user to, and what to keep until the redirect comes back.
    ///
    /// Sends `response_type=code` (unless the provider leaves it out), the client id, the
    /// redirect URI, each scope parameter's scopes (the spec's defaults when parameter 0 has
    /// none), `state` and PKCE as the spec says, the spec's fixed parameters (rendered), and
    /// the optional ones given (checked) or sent by default.
    ///
    /// For an OpenID provider with `openid` among the scopes sent, a fresh `nonce` too (kept
    /// in the pending authorization: the exchange's ID token must carry it). Where
    /// authorization requests must be pushed (`par: required`, or the builder's `par`), this
    /// refuses: use [`Client::authorize_url_pushed`].
    pub fn authorize_url(
        &self,
        params: &AuthorizeParams,
    ) -> Result<(Url, PendingAuthorization), Error> {
        if self.par_forced() {
            return Err(Error::Config(format!(
                "{} pushes authorization requests (PAR): build the URL with \
                 `authorize_url_pushed` (the generated `start()`)",
                self.def().display_name
            )));
        }
        Ok(super::oidc::finish_url(self.authorize_parts(params)?))
    }

    /// The authorization endpoint and the parameters of a request, before they go into the
    /// URL or a push.
    pub(crate) fn authorize_parts(
        &self,
        params: &AuthorizeParams,
    ) -> Result<super::oidc::AuthorizeParts, Error> {
        let def = self.def();
        let grant = self.grant(def.grants.authorization_code.as_ref(), "authorization_code")?;
        let (url, mut pending) = self.begin_authorization(&grant.authorize_endpoint)?;
        let mut query: Vec<(String, String)> = Vec::new();
        let push = |standard: &str, value: String, q: &mut Vec<(String, String)>| {
            if let Some(name) = self.wire(standard) {
                q.push((name.to_string(), value));
            }
        };
        push("response_type", "code".into(), &mut query);
        push(
            "client_id",
            self.inner.credentials.client_id.as_str().into(),
            &mut query,
        );
        match (grant.redirect_uri, &self.inner.redirect_uri) {
            (Requirement::Unsupported, _) | (Requirement::Optional, None) => {}
            (_, Some(uri)) => {
                push("redirect_uri", uri.to_string(), &mut query);
                pending.redirect_uri = Some(uri.to_string());
            }
            (Requirement::Required, None) => {
                return Err(Error::Config(format!(
                    "{} requires a redirect URI; set one with `ClientBuilder::redirect_uri`",
                    def.display_name
                )))
            }
        }
        let separator = def.scopes.as_ref().map_or(" ", |s| s.separator.as_ref());
        let scope_wire = self.wire("scope");
        let mut openid = false;
        for (name, value) in self.scope_params(&params.scopes)? {
            openid |=
                Some(name.as_str()) == scope_wire && value.split(separator).any(|s| s == "openid");
            query.push((name, value));
        }
        if openid && def.oidc.is_some() {
            let nonce = crate::oidc::Nonce::random();
            query.push(("nonce".into(), nonce.secret().to_string()));
            pending.nonce = Some(nonce);
        }
        if grant.state != Requirement::Unsupported {
            let state = random_token();
            push("state", state.clone(), &mut query);
            pending.state = Some(CsrfToken::new(state));
        }
        if grant.pkce != Requirement::Unsupported {
            let verifier = random_token();
            push("code_challenge", pkce_challenge(&verifier), &mut query);
            push("code_challenge_method", "S256".into(), &mut query);
            pending.pkce_verifier = Some(PkceVerifier::new(verifier));
        }
        for p in grant.params.iter() {
            query.push((p.name.to_string(), self.render(&p.value, None, None)?));
        }
        if grant.response_mode == ResponseMode::FormPost
            && !query.iter().any(|(k, _)| k == "response_mode")
        {
            query.push(("response_mode".into(), "form_post".into()));
        }
        for (i, extra) in grant.extra_params.iter().enumerate() {
            let given = params.extra.iter().find(|(j, _)| *j == i).map(|(_, v)| v);
            let value = match given {
                Some(v) => {
                    let allowed = if extra.values.is_empty() {
                        extra.format.as_deref().is_none_or(|f| whole_match(f, v))
                    } else {
                        extra.values.iter().any(|a| a == v)
                    };
                    if !allowed {
                        return Err(Error::Config(format!(
                            "invalid value for authorize parameter `{}`",
                            extra.name
                        )));
                    }
                    v.clone()
                }
                None => match &extra.send {
                    Some(v) => v.to_string(),
                    None => continue,
                },
            };
            query.push((extra.name.to_string(), value));
        }
        if let Some((i, _)) = params
            .extra
            .iter()
            .find(|(i, _)| *i >= grant.extra_params.len())
        {
            return Err(Error::Config(format!(
                "{} has no optional authorize parameter #{i}",
                def.display_name
            )));
        }
        Ok(super::oidc::AuthorizeParts {
            url,
            query,
            pending,
        })
    }

    /// Each scope parameter with its value: the scopes given for it, joined with the spec's
    /// separator; parameter 0 gets the defaults when none are given.
    fn scope_params(&self, scopes: &[(usize, String)]) -> Result<Vec<(String, String)>, Error> {
        let def = self.def();
        let Some(spec) = &def.scopes else {
            if scopes.iter().any(|(i, _)| *i != 0) {
                return Err(Error::Config(format!(
                    "{} has no further scope parameters",
                    def.display_name
                )));
            }
            let all: Vec<&str> = scopes.iter().map(|(_, s)| s.as_str()).collect();
            return Ok(match self.wire("scope") {
                Some(name) if !all.is_empty() => vec![(name.to_string(), all.join(" "))],
                _ => Vec::new(),
            });
        };
        if let Some((i, _)) = scopes.iter().find(|(i, _)| *i >= spec.params.len().max(1)) {
            return Err(Error::Config(format!(
                "{} has no scope parameter #{i}",
                def.display_name
            )));
        }
        let mut out = Vec::new();
        for index in 0..spec.params.len().max(1) {
            let mut names: Vec<&str> = scopes
                .iter()
                .filter(|(i, _)| *i == index)
                .map(|(_, s)| s.as_str())
                .collect();
            if index == 0 && names.is_empty() {
                names = spec.default.iter().map(|s| s.as_ref()).collect();
                if names.is_empty() && spec.required {
                    return Err(Error::Config(format!(
                        "{} requires at least one scope",
                        def.display_name
                    )));
                }
            }
            if names.is_empty() {
                continue;
            }
            let wire = if index == 0 {
                self.wire("scope").map(str::to_string)
            } else {
                spec.params.get(index).map(|p| p.to_string())
            };
            if let Some(wire) = wire {
                out.push((wire, names.join(&spec.separator)));
            }
        }
        Ok(out)
    }

    /// The `scope` value of a token request (client credentials, device, refresh): the names
    /// given, or the spec's defaults when none are (and `use_defaults`), joined with the
    /// spec's separator. `None` when there is nothing to send.
    pub(crate) fn scope_value(
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

    /// Adds the `scope` value of a token request where it goes.
    pub(crate) fn scope_param(
        &self,
        request: &mut crate::request::OutRequest,
        place: ParamsIn,
        scopes: &[String],
        use_defaults: bool,
    ) -> Result<(), Error> {
        if let Some(scope) = self.scope_value(scopes, use_defaults)? {
            self.std_param(request, place, "scope", &scope);
        }
        Ok(())
    }

    /// The PIN page URL (PIN grant): `response_type=code`, `client_id` and `state` when the
    /// spec sends one.
    pub fn pin_url(&self) -> Result<(Url, PendingAuthorization), Error> {
        let grant = self.grant(self.def().grants.pin.as_ref(), "pin")?;
        let (mut url, mut pending) = self.begin_authorization(&grant.authorize_endpoint)?;
        let mut query: Vec<(String, String)> = Vec::new();
        if let Some(n) = self.wire("response_type") {
            query.push((n.into(), "code".into()));
        }
        if let Some(n) = self.wire("client_id") {
            query.push((n.into(), self.inner.credentials.client_id.as_str().into()));
        }
        if grant.state != Requirement::Unsupported {
            let state = random_token();
            if let Some(n) = self.wire("state") {
                query.push((n.into(), state.clone()));
            }
            pending.state = Some(CsrfToken::new(state));
        }
        url.query_pairs_mut().extend_pairs(query.iter());
        Ok((url, pending))
    }

    /// Checks a redirect's parameters: `state` (constant-time), the provider's HMAC where the
    /// spec declares one, provider errors (`error=access_denied`), redirect parameters that
    /// select a variable (only values the spec declares) and connection values (against
    /// their formats).
    ///
    /// `state` and the signature are checked first, so a forged redirect cannot pass off an
    /// error as the provider's. Provider errors from a redirect carry HTTP status 0.
    pub fn parse_callback(
        &self,
        pending: &PendingAuthorization,
        query: &str,
    ) -> Result<Callback, Error> {
        let def = self.def();
        let redirect = Redirect::parse(query);
        redirect.check_state(pending.state.as_ref())?;
        if let Some(hmac) = def
            .grants
            .authorization_code
            .as_ref()
            .and_then(|a| a.hmac.as_ref())
        {
            redirect.check_hmac(hmac, self.inner.credentials.client_secret.as_ref())?;
        }
        if let Some(error) = redirect.provider_error(def) {
            return Err(error);
        }
        let code_name = self.wire("code").unwrap_or("code");
        let code = redirect
            .get(code_name)
            .filter(|c| !c.is_empty())
            .ok_or_else(|| Error::InvalidResponse {
                site: ErrorSite::Authorize,
                reason: "the redirect has no `code` parameter".into(),
            })?;
        Ok(Callback {
            code: AuthorizationCode::new(code),
            selected: redirect.selected(def)?,
            connection: self.callback_connection(&redirect)?,
        })
    }

    /// Handles the authorization redirect (its query string) and exchanges its code: checks
    /// it ([`Client::parse_callback`]), re-targets the client at the variables it selected,
    /// and exchanges the code there. Returns the re-targeted client (the one to keep: its
    /// hosts are the account's) and the token set, with its connection values.
    ///
    /// Takes the pending authorization by value: its `state` and verifier serve once.
    pub async fn exchange_callback(
        &self,
        pending: PendingAuthorization,
        query: &str,
    ) -> Result<(Client, TokenSet), Error> {
        self.expect_mode(ResponseMode::Query)?;
        self.exchange_redirect(pending, query).await
    }

    /// [`Client::exchange_callback`] for a redirect that arrives as a form POST
    /// (`response_mode: form_post`, Sign in with Apple): `body` is the POST's form body.
    pub async fn exchange_form_post(
        &self,
        pending: PendingAuthorization,
        body: &str,
    ) -> Result<(Client, TokenSet), Error> {
        self.expect_mode(ResponseMode::FormPost)?;
        self.exchange_redirect(pending, body).await
    }

    fn expect_mode(&self, mode: ResponseMode) -> Result<(), Error> {
        let grant = self.grant(
            self.def().grants.authorization_code.as_ref(),
            "authorization_code",
        )?;
        if grant.response_mode == mode {
            return Ok(());
        }
        Err(Error::Config(format!(
            "{}'s authorization response arrives as `{}`; use {}",
            self.def().display_name,
            grant.response_mode,
            match grant.response_mode {
                ResponseMode::Query => "`exchange_callback` with the query string",
                ResponseMode::FormPost => "`exchange_form_post` with the POST body",
            }
        )))
    }

    async fn exchange_redirect(
        &self,
        pending: PendingAuthorization,
        params: &str,
    ) -> Result<(Client, TokenSet), Error> {
        let callback = self.parse_callback(&pending, params)?;
        let mut client = self.clone();
        for (index, value) in callback.selected {
            client = client.with_var(index, value)?;
        }
        let tokens = client
            .exchange_code_with(&pending, &callback.code, Some(&callback.connection))
            .await?;
        Ok((client, tokens))
    }
}
