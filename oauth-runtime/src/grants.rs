//! The token-endpoint grants of [`Client`]: code and PIN exchange, refresh, client
//! credentials, the device flow, custom grants and revocation, and the plumbing they share
//! (send a form, read the capped body, classify, read the token set).
//!
//! Every request is logged by endpoint name and method only: the URL may carry the client
//! secret (Zoho's documented token URL) and the body carries codes, tokens and passwords.

use std::time::{Duration, SystemTime};

use oauth_model::{
    ClientAuth, ErrorMeaning, ErrorSite, Lifetime, Method, ParamSource, ParamsIn, ResponseDef,
    ResponseFormat, TimeUnit,
};
use serde_json::Value;

use crate::classify::{self, classify, Grant, Seen};
use crate::client::{Client, DeviceAuthorization, ParamValue, PendingAuthorization};
use crate::config::quoted;
use crate::error::{Error, ProviderError};
use crate::request::FormRequest;
use crate::response::{fetch, lifetime, number, parse_body, token_set, RawResponse};
use crate::secret::{AuthorizationCode, RefreshToken};
use crate::token::TokenSet;

impl Client {
    /// Exchanges an authorization code.
    pub async fn exchange_code(
        &self,
        pending: &PendingAuthorization,
        code: &AuthorizationCode,
    ) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = def
            .grants
            .authorization_code
            .as_ref()
            .ok_or_else(|| self.no_grant("authorization_code"))?;
        let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
        request.param(ParamsIn::Body, "grant_type", "authorization_code");
        request.param(ParamsIn::Body, "code", code.secret());
        if let Some(uri) = &pending.redirect_uri {
            request.param(ParamsIn::Body, "redirect_uri", uri);
        }
        if let Some(verifier) = &pending.pkce_verifier {
            request.param(ParamsIn::Body, "code_verifier", verifier.secret());
        }
        request.client_auth(def.client_auth.method, &self.inner.credentials);
        self.token_request(request, &def.token_response, Grant::Code, None)
            .await
    }

    /// Exchanges a PIN the user typed in (`grant_type=authorization_code`, no redirect URI).
    pub async fn exchange_pin(&self, pin: &AuthorizationCode) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = def
            .grants
            .pin
            .as_ref()
            .ok_or_else(|| self.no_grant("pin"))?;
        let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
        request.param(ParamsIn::Body, "grant_type", "authorization_code");
        request.param(ParamsIn::Body, "code", pin.secret());
        request.client_auth(def.client_auth.method, &self.inner.credentials);
        self.token_request(request, &def.token_response, Grant::Code, None)
            .await
    }

    /// Refreshes. A response without a refresh token keeps `refresh_token` in the result; a
    /// response with one (a rotating provider) replaces it.
    pub async fn refresh(
        &self,
        refresh_token: &RefreshToken,
        scopes: &[String],
    ) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = def
            .grants
            .refresh_token
            .as_ref()
            .ok_or_else(|| self.no_grant("refresh_token"))?;
        let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
        request.param(ParamsIn::Body, "grant_type", "refresh_token");
        request.param(ParamsIn::Body, "refresh_token", refresh_token.secret());
        if grant.send_scope && !scopes.is_empty() {
            if let Some(scope) = self.scope_param(scopes, false)? {
                request.param(ParamsIn::Body, "scope", &scope);
            }
        }
        request.client_auth(def.client_auth.method, &self.inner.credentials);
        let mut tokens = self
            .token_request(request, &def.token_response, Grant::Refresh, None)
            .await?;
        if tokens.refresh_token.is_some() && !grant.rotates {
            // The spec says refresh tokens do not rotate, yet one came back: the provider's
            // answer is the newer fact, so it is kept.
            tracing::debug!(
                provider = %def.name,
                "refresh response carried a refresh token though the spec says none rotate"
            );
        }
        if tokens.refresh_token.is_none() {
            tokens.refresh_token = Some(refresh_token.clone());
        }
        Ok(tokens)
    }

    /// Client credentials grant: `grant_type`, `scope` (or the spec's default scopes) and
    /// `extra`, in the query or the body as the spec says, with the endpoint's method.
    pub async fn client_credentials(
        &self,
        scopes: &[String],
        extra: &[(String, String)],
    ) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = def
            .grants
            .client_credentials
            .as_ref()
            .ok_or_else(|| self.no_grant("client_credentials"))?;
        let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
        request.param(grant.params_in, "grant_type", "client_credentials");
        if let Some(scope) = self.scope_param(scopes, true)? {
            request.param(grant.params_in, "scope", &scope);
        }
        for (name, value) in extra {
            request.param(grant.params_in, name, value);
        }
        request.client_auth(def.client_auth.method, &self.inner.credentials);
        self.token_request(request, &def.token_response, Grant::ClientCredentials, None)
            .await
    }

    /// Starts a device authorization (RFC 8628 §3.1): the client authenticates as at the
    /// token endpoint (a public client sends its `client_id`), with `scope`.
    pub async fn device_authorization(
        &self,
        scopes: &[String],
    ) -> Result<DeviceAuthorization, Error> {
        let def = self.def();
        let grant = def
            .grants
            .device_code
            .as_ref()
            .ok_or_else(|| self.no_grant("device_code"))?;
        let site = ErrorSite::TokenEndpoint;
        let mut request = self.form(&grant.device_endpoint)?.accept_json(true);
        if let Some(scope) = self.scope_param(scopes, true)? {
            request.param(ParamsIn::Body, "scope", &scope);
        }
        request.client_auth(def.client_auth.method, &self.inner.credentials);
        let (raw, sent_at) = self.send_form(request, site).await?;
        let body = self.checked_body(&raw, ResponseFormat::Json, site, Grant::Device)?;
        let text = |name: &str| {
            body.get(name)
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
        };
        let missing = |name: &str| Error::InvalidResponse {
            site,
            reason: format!("no `{name}` field"),
        };
        let device_code = text("device_code").ok_or_else(|| missing("device_code"))?;
        let user_code = text("user_code").ok_or_else(|| missing("user_code"))?;
        // Google's older endpoint says `verification_url`.
        let verification_uri = text("verification_uri")
            .or_else(|| text("verification_url"))
            .ok_or_else(|| missing("verification_uri"))?;
        let expires_in = body
            .get("expires_in")
            .and_then(number)
            .ok_or_else(|| missing("expires_in"))?;
        let minimum = Duration::from_secs(grant.poll_interval_secs);
        let interval = match body.get("interval").and_then(number) {
            Some(secs) => lifetime(secs.ceil(), TimeUnit::Seconds).max(minimum),
            None => minimum,
        };
        Ok(DeviceAuthorization {
            device_code: AuthorizationCode::new(device_code),
            user_code: user_code.to_string(),
            verification_uri: verification_uri.to_string(),
            verification_uri_complete: text("verification_uri_complete").map(str::to_string),
            expires_at: sent_at
                .checked_add(lifetime(expires_in, TimeUnit::Seconds))
                .unwrap_or(sent_at),
            // RFC 8628 §3.2: 5 seconds when neither the provider nor the spec names one.
            interval: if interval.is_zero() {
                Duration::from_secs(5)
            } else {
                interval
            },
        })
    }

    /// Polls until the user finishes, honouring `interval` and `slow_down` (RFC 8628 §3.5:
    /// five more seconds each time). Gives up with `CodeExpired` when the device code would
    /// expire before the next poll.
    pub async fn poll_device_token(&self, device: &DeviceAuthorization) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = def
            .grants
            .device_code
            .as_ref()
            .ok_or_else(|| self.no_grant("device_code"))?;
        let mut interval = device.interval;
        loop {
            let next_poll = SystemTime::now().checked_add(interval);
            if next_poll.is_none_or(|at| at >= device.expires_at) {
                return Err(Error::Provider(ProviderError {
                    code: "expired_token".into(),
                    meaning: ErrorMeaning::CodeExpired,
                    rule: None,
                    site: ErrorSite::TokenEndpoint,
                    status: 0,
                    description: Some("the device code expired before the user finished".into()),
                    retry_after: None,
                }));
            }
            tokio::time::sleep(interval).await;
            let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
            request.param(ParamsIn::Body, "grant_type", &grant.grant_type);
            request.param(ParamsIn::Body, "device_code", device.device_code.secret());
            request.client_auth(def.client_auth.method, &self.inner.credentials);
            match self
                .token_request(request, &def.token_response, Grant::Device, None)
                .await
            {
                Err(Error::Provider(p)) if p.meaning == ErrorMeaning::AuthorizationPending => {}
                Err(Error::Provider(p)) if p.meaning == ErrorMeaning::SlowDown => {
                    interval = interval.saturating_add(Duration::from_secs(5));
                }
                other => return other,
            }
        }
    }

    /// Runs the custom grant `name` with its inputs by argument name. Parameters go in the
    /// spec's order; the grant authenticates itself (no client authentication is added).
    pub async fn custom_grant(
        &self,
        name: &str,
        inputs: &[(&str, ParamValue)],
    ) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = def.custom_grant(name).ok_or_else(|| {
            Error::Config(format!("{} has no custom grant `{name}`", def.display_name))
        })?;
        let input_names = || {
            grant.params.iter().filter_map(|p| match &p.source {
                ParamSource::Input { name, .. } => Some(name.as_ref()),
                ParamSource::Value(_) => None,
            })
        };
        if let Some((unknown, _)) = inputs.iter().find(|(k, _)| !input_names().any(|n| n == *k)) {
            return Err(Error::Config(format!(
                "custom grant `{name}` takes no input `{unknown}`; expected {}",
                quoted(input_names())
            )));
        }
        let mut request = self.token_form(&grant.endpoint, &grant.response)?;
        for param in grant.params.iter() {
            let value = match &param.source {
                ParamSource::Value(v) => v.as_ref(),
                ParamSource::Input { name: input, .. } => inputs
                    .iter()
                    .find(|(k, _)| *k == input.as_ref())
                    .map(|(_, v)| v.wire())
                    .ok_or_else(|| {
                        Error::Config(format!("custom grant `{name}` needs input `{input}`"))
                    })?,
            };
            request.param(grant.params_in, &param.wire, value);
        }
        self.token_request(request, &grant.response, Grant::Custom, Some(&grant.name))
            .await
    }

    /// Revokes a token at the `revoke` endpoint. A DELETE endpoint takes the token as the last
    /// path segment (Nest), and its 404 means already revoked; otherwise `token` and
    /// `token_type_hint` go where the client authenticates (RFC 7009). A provider error that
    /// says the token is already invalid counts as success.
    pub async fn revoke(&self, token: &str, token_type_hint: Option<&str>) -> Result<(), Error> {
        let def = self.def();
        let site = ErrorSite::Revoke;
        let endpoint = def.endpoint("revoke").ok_or_else(|| {
            Error::Config(format!("{} has no `revoke` endpoint", def.display_name))
        })?;
        let mut url = self.endpoint_url("revoke")?;
        let by_path = endpoint.method == Method::Delete;
        let request = if by_path {
            url.path_segments_mut()
                .map_err(|()| Error::Config("endpoint `revoke` has no path to extend".into()))?
                .pop_if_empty()
                .push(token);
            FormRequest::new("revoke", endpoint.method, url)
        } else {
            let mut request = FormRequest::new("revoke", endpoint.method, url);
            let place = match def.client_auth.method {
                ClientAuth::Query => ParamsIn::Query,
                _ => ParamsIn::Body,
            };
            request.param(place, "token", token);
            if let Some(hint) = token_type_hint {
                request.param(place, "token_type_hint", hint);
            }
            request.client_auth(def.client_auth.method, &self.inner.credentials);
            request
        };
        let (raw, _) = self.send_form(request.accept_json(true), site).await?;
        let body = parse_body(ResponseFormat::Json, &raw.headers, &raw.body).ok();
        let seen = Seen {
            site,
            status: raw.status,
            headers: Some(&raw.headers),
            body: body.as_ref(),
        };
        if by_path && raw.status == 404 && classify::match_rules(def, &seen).is_none() {
            return Ok(());
        }
        match classify(def, &seen, Grant::None) {
            // RFC 7009 §2.2: a token that is already invalid is not an error to the caller
            // of a revocation; what it wanted is true (Nest's 404, Zoho's 400).
            Err(Error::Provider(p))
                if matches!(
                    p.meaning,
                    ErrorMeaning::AccessTokenInvalid
                        | ErrorMeaning::AccessTokenExpired
                        | ErrorMeaning::RefreshTokenInvalid
                ) =>
            {
                tracing::debug!(endpoint = "revoke", code = %p.code, "token already invalid");
                Ok(())
            }
            other => other,
        }
    }

    /// A request to endpoint `name` with its method and rendered URL.
    pub(crate) fn form(&self, name: &str) -> Result<FormRequest, Error> {
        let url = self.endpoint_url(name)?;
        let method = self.def().endpoint(name).map_or(Method::Post, |e| e.method);
        Ok(FormRequest::new(name, method, url))
    }

    /// A token request to endpoint `name`, asking for JSON when the response is JSON.
    pub(crate) fn token_form(
        &self,
        name: &str,
        response: &ResponseDef,
    ) -> Result<FormRequest, Error> {
        Ok(self
            .form(name)?
            .accept_json(response.format == ResponseFormat::Json))
    }

    /// Sends a form request, logging only the endpoint's name, method and the status.
    pub(crate) async fn send_form(
        &self,
        request: FormRequest,
        site: ErrorSite,
    ) -> Result<(RawResponse, SystemTime), Error> {
        let endpoint = request.endpoint.clone();
        tracing::debug!(endpoint = %endpoint, method = %request.method, "sending request");
        let sent_at = SystemTime::now();
        let builder = request
            .build(&self.inner.http, self.inner.timeout)
            .header(reqwest::header::USER_AGENT, self.inner.user_agent.clone());
        let raw = fetch(builder, site, self.inner.timeout).await?;
        tracing::debug!(endpoint = %endpoint, status = raw.status, "response");
        Ok((raw, sent_at))
    }

    /// Parses and classifies a token-endpoint body: an unparseable success is an invalid
    /// response; an unparseable failure is classified by its status.
    pub(crate) fn checked_body(
        &self,
        raw: &RawResponse,
        format: ResponseFormat,
        site: ErrorSite,
        grant: Grant,
    ) -> Result<Value, Error> {
        let parsed = parse_body(format, &raw.headers, &raw.body);
        let seen = Seen {
            site,
            status: raw.status,
            headers: Some(&raw.headers),
            body: parsed.as_ref().ok(),
        };
        classify(self.def(), &seen, grant)?;
        parsed.map_err(|reason| Error::InvalidResponse { site, reason })
    }

    /// Sends a token request and reads the token set from its response.
    pub(crate) async fn token_request(
        &self,
        request: FormRequest,
        response: &ResponseDef,
        grant: Grant,
        issued_by: Option<&str>,
    ) -> Result<TokenSet, Error> {
        let site = ErrorSite::TokenEndpoint;
        let (raw, sent_at) = self.send_form(request, site).await?;
        let body = self.checked_body(&raw, response.format, site, grant)?;
        // The documented lifetime stands in for a missing `expires_in`, for the standard
        // grants only (a custom grant's token has its own lifetime rules).
        let fallback: Option<Lifetime> = match grant {
            Grant::Custom => None,
            _ => self.def().lifetimes.access_token,
        };
        let mut tokens = token_set(response, &body, sent_at, fallback, issued_by)
            .map_err(|reason| Error::InvalidResponse { site, reason })?;
        tokens.issuer = Some(self.issuer()?);
        Ok(tokens)
    }
}
