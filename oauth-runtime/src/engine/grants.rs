//! The token-endpoint grants of [`Client`]: code and PIN exchange, refresh (or renewal with
//! the access token), client credentials, the device flow, custom grants and revocation, and
//! the plumbing they share: a token request as the spec encodes it (form or JSON body,
//! `token_request.headers`, renamed standard parameters, client authentication), the capped
//! body read, classification, and the token set with its connection values.
//!
//! Every request is logged by endpoint name and method only: the URL may carry the client
//! secret (Zoho's documented token URL) and the body carries codes, tokens and passwords.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use oauth_model::{
    ErrorMeaning, ErrorSite, Lifetime, Method, ParamDef, ParamSource, ParamsIn, RenewWith,
    ResponseDef, ResponseFormat, TemplatePart, TimeUnit,
};
use reqwest::header::{HeaderName, HeaderValue, USER_AGENT};
use serde_json::Value;

use crate::classify::{self, classify, Grant, Seen};
use crate::device::DeviceAuthorization;
use crate::error::{Error, ProviderError};
use crate::pending::PendingAuthorization;
use crate::request::{path_segment, OutRequest};
use crate::response::{fetch, lifetime, number, parse_body, token_set, RawResponse};
use crate::secret::AuthorizationCode;
use crate::token::TokenSet;

use super::client::Client;
use super::connection::Gathering;
use super::params::ParamValue;

/// What a token response is for, beyond the grant: whether it gets connection values, and
/// the set it renews.
enum Purpose<'a> {
    /// A new authorization; the redirect's connection values when there was one.
    Authorization(Option<&'a BTreeMap<String, String>>),
    /// A code exchange: the redirect's connection values, the nonce the authorization sent
    /// (its ID token must carry it) and the code (`c_hash`).
    Login {
        callback: Option<&'a BTreeMap<String, String>>,
        nonce: Option<&'a crate::oidc::Nonce>,
        code: &'a AuthorizationCode,
    },
    /// A renewal of `previous`.
    Renewal(&'a TokenSet),
    /// A custom grant's token (read by the grant's own response rules; no connection values).
    Custom,
}

impl Client {
    /// Exchanges an authorization code. Connection values from the redirect are not known
    /// here; [`Client::exchange_callback`] exchanges with them.
    pub async fn exchange_code(
        &self,
        pending: &PendingAuthorization,
        code: &AuthorizationCode,
    ) -> Result<TokenSet, Error> {
        self.exchange_code_with(pending, code, None).await
    }

    /// Exchanges an authorization code, with the connection values its redirect carried.
    pub(crate) async fn exchange_code_with(
        &self,
        pending: &PendingAuthorization,
        code: &AuthorizationCode,
        callback: Option<&BTreeMap<String, String>>,
    ) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = self.grant(def.grants.authorization_code.as_ref(), "authorization_code")?;
        let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
        let body = ParamsIn::Body;
        self.std_param(&mut request, body, "grant_type", "authorization_code");
        self.std_param(&mut request, body, "code", code.secret());
        if let Some(uri) = &pending.redirect_uri {
            self.std_param(&mut request, body, "redirect_uri", uri);
        }
        if let Some(verifier) = &pending.pkce_verifier {
            self.std_param(&mut request, body, "code_verifier", verifier.secret());
        }
        self.fixed_params(&mut request, body, &grant.token_params, None)?;
        self.token_request(
            request,
            &def.token_response,
            Grant::Code,
            Purpose::Login {
                callback,
                nonce: pending.nonce.as_ref(),
                code,
            },
        )
        .await
    }

    /// Exchanges a PIN the user typed in (`grant_type=authorization_code`, no redirect URI).
    pub async fn exchange_pin(&self, pin: &AuthorizationCode) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = self.grant(def.grants.pin.as_ref(), "pin")?;
        let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
        self.std_param(
            &mut request,
            ParamsIn::Body,
            "grant_type",
            "authorization_code",
        );
        self.std_param(&mut request, ParamsIn::Body, "code", pin.secret());
        self.token_request(
            request,
            &def.token_response,
            Grant::Code,
            Purpose::Authorization(None),
        )
        .await
    }

    /// Renews `tokens`: with the refresh token (RFC 6749 §6), or where the spec says so with
    /// the access token (`renew_with: access_token`, Facebook's `fb_exchange_token`), in the
    /// spec's `token_param` with its `grant_type`. Sends `scope` (the set's scopes) and
    /// `redirect_uri` where the spec says, and the spec's fixed parameters.
    ///
    /// A response without a refresh token keeps the old one (a rotating provider's new one
    /// replaces it); connection values are carried over unless the response brings new ones.
    pub async fn refresh(&self, tokens: &TokenSet) -> Result<TokenSet, Error> {
        self.refresh_with(tokens, None).await
    }

    /// [`Client::refresh`], asking for `scopes` instead of the set's where the spec sends
    /// scope.
    pub(crate) async fn refresh_with(
        &self,
        tokens: &TokenSet,
        scopes: Option<&[String]>,
    ) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = self.grant(def.grants.refresh_token.as_ref(), "refresh_token")?;
        let token = match grant.renew_with {
            RenewWith::RefreshToken => tokens
                .refresh_token
                .as_ref()
                .map(|r| r.secret())
                .ok_or_else(|| {
                    Error::NoToken(
                        "the token set has no refresh token: the user must authorize".into(),
                    )
                })?,
            RenewWith::AccessToken => tokens.access_token.secret(),
        };
        let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
        let body = ParamsIn::Body;
        self.std_param(&mut request, body, "grant_type", &grant.grant_type);
        self.std_param(&mut request, body, &grant.token_param, token);
        if grant.send_scope {
            let scopes = scopes.or(tokens.scopes.as_deref()).unwrap_or(&[]);
            if !scopes.is_empty() {
                self.scope_param(&mut request, body, scopes, false)?;
            }
        }
        if grant.send_redirect_uri {
            if let Some(uri) = &self.inner.redirect_uri {
                self.std_param(&mut request, body, "redirect_uri", uri.as_str());
            }
        }
        self.fixed_params(&mut request, body, &grant.params, Some(tokens))?;
        let mut fresh = self
            .token_request(
                request,
                &def.token_response,
                Grant::Refresh,
                Purpose::Renewal(tokens),
            )
            .await?;
        if fresh.refresh_token.is_some() && !grant.rotates {
            // The spec says refresh tokens do not rotate, yet one came back: the provider's
            // answer is the newer fact, so it is kept.
            tracing::debug!(
                provider = %def.name,
                "refresh response carried a refresh token though the spec says none rotate"
            );
        }
        if fresh.refresh_token.is_none() {
            fresh.refresh_token = tokens.refresh_token.clone();
            if fresh.refresh_expires_at.is_none() {
                fresh.refresh_expires_at = tokens.refresh_expires_at;
            }
        }
        if fresh.secondary.is_empty() {
            fresh.secondary = tokens.secondary.clone();
        }
        Ok(fresh)
    }

    /// Client credentials grant: the spec's `grant_type`, `scope` (or the spec's default
    /// scopes) and its fixed parameters, in the query or the body as the spec says, with the
    /// endpoint's method.
    pub async fn client_credentials(&self, scopes: &[String]) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = self.grant(def.grants.client_credentials.as_ref(), "client_credentials")?;
        let mut request = self.token_form(&grant.token_endpoint, &def.token_response)?;
        let place = grant.params_in;
        self.std_param(&mut request, place, "grant_type", &grant.grant_type);
        self.scope_param(&mut request, place, scopes, true)?;
        self.fixed_params(&mut request, place, &grant.params, None)?;
        self.token_request(
            request,
            &def.token_response,
            Grant::ClientCredentials,
            Purpose::Authorization(None),
        )
        .await
    }

    /// Starts a device authorization (RFC 8628 §3.1): the client authenticates as at the
    /// token endpoint (a public client sends its `client_id`), with `scope` and the spec's
    /// fixed parameters.
    pub async fn device_authorization(
        &self,
        scopes: &[String],
    ) -> Result<DeviceAuthorization, Error> {
        let def = self.def();
        let grant = self.grant(def.grants.device_code.as_ref(), "device_code")?;
        let site = ErrorSite::TokenEndpoint;
        let mut request = self.token_form(&grant.device_endpoint, &def.token_response)?;
        request = request.accept_json(true);
        self.scope_param(&mut request, ParamsIn::Body, scopes, true)?;
        self.fixed_params(&mut request, ParamsIn::Body, &grant.params, None)?;
        self.authenticate_request(&mut request)?;
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
        let minimum = crate::time::secs(grant.poll_interval_secs);
        let interval = match body.get("interval").and_then(number) {
            Some(secs) => lifetime(secs.ceil(), TimeUnit::Seconds).max(minimum),
            None => minimum,
        };
        Ok(DeviceAuthorization {
            device_code: AuthorizationCode::new(device_code),
            user_code: user_code.to_string(),
            verification_uri: verification_uri.to_string(),
            verification_uri_complete: text("verification_uri_complete").map(str::to_string),
            expires_at: crate::time::later(sent_at, lifetime(expires_in, TimeUnit::Seconds)),
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
        let grant = self.grant(def.grants.device_code.as_ref(), "device_code")?;
        let mut interval = device.interval;
        loop {
            let next_poll = self.runtime_clock().wall().checked_add(interval);
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
            self.std_param(
                &mut request,
                ParamsIn::Body,
                "grant_type",
                &grant.grant_type,
            );
            request.param(ParamsIn::Body, "device_code", device.device_code.secret());
            match self
                .token_request(
                    request,
                    &def.token_response,
                    Grant::Device,
                    Purpose::Authorization(None),
                )
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

    /// Runs custom grant `index` (into `grants.custom`) with `inputs`, aligned with the
    /// grant's input parameters in order. Parameters go in the spec's order; the grant
    /// authenticates itself (no client authentication is added).
    pub async fn custom_grant(
        &self,
        index: usize,
        inputs: Vec<ParamValue>,
    ) -> Result<TokenSet, Error> {
        let def = self.def();
        let grant = self.grant(def.grants.custom.get(index), "such custom")?;
        let wanted = grant
            .params
            .iter()
            .filter(|p| matches!(p.source, ParamSource::Input { .. }))
            .count();
        if inputs.len() != wanted {
            return Err(Error::Config(format!(
                "custom grant `{}` takes {wanted} input(s), not {}",
                grant.name,
                inputs.len()
            )));
        }
        let mut request = self.token_form(&grant.endpoint, &grant.response)?;
        let mut inputs = inputs.iter();
        for param in grant.params.iter() {
            let value = match &param.source {
                ParamSource::Value(v) => v.as_ref(),
                ParamSource::Input { .. } => {
                    inputs.next().map(ParamValue::wire).unwrap_or_default()
                }
            };
            request.param(grant.params_in, &param.wire, value);
        }
        let mut tokens = self
            .token_request(request, &grant.response, Grant::Custom, Purpose::Custom)
            .await?;
        tokens.issued_by = Some(grant.name.to_string());
        Ok(tokens)
    }

    /// Revokes the refresh token of `tokens` when there is one, else the access token, at the
    /// `revoke` endpoint. An endpoint whose URL has `{token}` takes it there (one path
    /// segment); a DELETE endpoint without it takes it as the last path segment (Nest), and
    /// its 404 means already revoked; otherwise `token` and `token_type_hint` go where the
    /// client authenticates (RFC 7009), with the client authentication. A provider error that
    /// says the token is already invalid counts as success.
    pub async fn revoke(&self, tokens: &TokenSet) -> Result<(), Error> {
        let def = self.def();
        let site = ErrorSite::Revoke;
        let endpoint = def.endpoint("revoke").ok_or_else(|| {
            Error::Config(format!("{} has no `revoke` endpoint", def.display_name))
        })?;
        let (token, hint) = match &tokens.refresh_token {
            Some(r) => (r.secret(), "refresh_token"),
            None => (tokens.access_token.secret(), "access_token"),
        };
        let templated = endpoint
            .url
            .parts
            .iter()
            .any(|p| matches!(p, TemplatePart::Token));
        let segment = path_segment(token);
        let mut url = self.endpoint_url_in("revoke", Some(&tokens.connection), Some(&segment))?;
        let by_path = templated || endpoint.method == Method::Delete;
        let request = if by_path {
            if !templated {
                url.path_segments_mut()
                    .map_err(|()| Error::Config("endpoint `revoke` has no path to extend".into()))?
                    .pop_if_empty()
                    .push(token);
            }
            OutRequest::new("revoke", endpoint.method, url)
        } else {
            let mut request = OutRequest::new("revoke", endpoint.method, url);
            let place = match self.inner.auth_method {
                oauth_model::ClientAuth::Query => ParamsIn::Query,
                _ => ParamsIn::Body,
            };
            request.param(place, "token", token);
            request.param(place, "token_type_hint", hint);
            self.authenticate_request(&mut request)?;
            request
        };
        let (raw, _) = self.send_form(request.accept_json(true), site).await?;
        let body = parse_body(ResponseFormat::Json, &raw.headers, &raw.body).ok();
        let seen = Seen {
            site,
            status: raw.status,
            headers: Some(&raw.headers),
            body: body.as_ref(),
            grant: Grant::None,
        };
        if by_path && raw.status == 404 && classify::match_rules(def, &seen).is_none() {
            return Ok(());
        }
        match classify(def, &seen) {
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

    /// Authenticates a request to its own URL.
    fn authenticate_request(&self, request: &mut OutRequest) -> Result<(), Error> {
        let url = request.url().clone();
        self.authenticate(request, &url)
    }

    /// Adds the spec's fixed parameters, rendered (over variables, the client id and, on a
    /// renewal, the set's connection values).
    fn fixed_params(
        &self,
        request: &mut OutRequest,
        place: ParamsIn,
        params: &[ParamDef],
        tokens: Option<&TokenSet>,
    ) -> Result<(), Error> {
        for p in params {
            let value = self.render(&p.value, tokens.map(|t| &t.connection), None)?;
            request.param(place, &p.name, &value);
        }
        Ok(())
    }

    /// A token request to endpoint `name`: its method and URL, JSON accepted when the
    /// response is JSON, the body as `token_request.body` says, `token_request.headers`.
    fn token_form(&self, name: &str, response: &ResponseDef) -> Result<OutRequest, Error> {
        let def = self.def();
        let url = self.endpoint_url(name)?;
        let method = def.endpoint(name).map_or(Method::Post, |e| e.method);
        let mut request = OutRequest::new(name, method, url)
            .accept_json(response.format == ResponseFormat::Json)
            .body_format(def.token_request.body);
        for h in def.token_request.headers.iter() {
            let value = self.render(&h.value, None, None)?;
            let name = HeaderName::from_bytes(h.name.as_bytes())
                .map_err(|_| Error::Config(format!("`{}` is not a header name", h.name)))?;
            let value = HeaderValue::from_str(&value).map_err(|_| {
                Error::Config(format!("header `{}` renders to an invalid value", h.name))
            })?;
            request.header(name, value);
        }
        Ok(request)
    }

    /// Sends a request, logging only the endpoint's name, method and the status; answers
    /// the response and when the request left (by the client's clock).
    pub(crate) async fn send_form(
        &self,
        request: OutRequest,
        site: ErrorSite,
    ) -> Result<(RawResponse, SystemTime), Error> {
        let endpoint = request.endpoint.clone();
        tracing::debug!(endpoint = %endpoint, method = %request.method, "sending request");
        let sent_at = self.runtime_clock().wall();
        let builder = request
            .build(&self.inner.http, self.inner.timeout)
            .header(USER_AGENT, self.inner.user_agent.clone());
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
            grant,
        };
        classify(self.def(), &seen)?;
        parsed.map_err(|reason| Error::InvalidResponse { site, reason })
    }

    /// Sends a token request and reads the token set from its response, with its connection
    /// values (for the standard grants).
    async fn token_request(
        &self,
        request: OutRequest,
        response: &ResponseDef,
        grant: Grant,
        purpose: Purpose<'_>,
    ) -> Result<TokenSet, Error> {
        let site = ErrorSite::TokenEndpoint;
        let previous = match &purpose {
            Purpose::Renewal(previous) => Some(*previous),
            _ => None,
        };
        // A custom grant authenticates itself and is never DPoP-bound.
        let standard = !matches!(purpose, Purpose::Custom);
        let key = if standard {
            self.token_request_key(previous)?
        } else {
            None
        };
        let mut attempt = 0;
        let (raw, sent_at) = loop {
            let mut out = request.clone();
            if standard {
                self.authenticate_request(&mut out)?;
            }
            if let Some(key) = &key {
                let method = crate::request::reqwest_method(out.method);
                let proof = self.dpop_proof(key, &method, out.url(), None)?;
                let value = HeaderValue::from_str(&proof)
                    .map_err(|_| Error::Config("a DPoP proof is not a header value".into()))?;
                out.header(HeaderName::from_static("dpop"), value);
            }
            let (raw, sent_at) = self.send_form(out, site).await?;
            if key.is_some() {
                self.remember_dpop_nonce(&raw.headers);
                // RFC 9449 §8: the server wants a nonce; one retry with it.
                if attempt == 0 && super::oidc::asks_for_dpop_nonce(&raw) {
                    attempt += 1;
                    continue;
                }
            }
            break (raw, sent_at);
        };
        let body = self.checked_body(&raw, response.format, site, grant)?;
        // `token_type: DPoP` is accepted only from a request that sent a proof.
        let dpop_response;
        let response = if key.is_some() {
            let mut widened = response.clone();
            let mut types = widened.token_types.into_owned();
            types.push("DPoP".into());
            widened.token_types = std::borrow::Cow::Owned(types);
            dpop_response = widened;
            &dpop_response
        } else {
            response
        };
        // The documented lifetime stands in for a missing `expires_in`, for the standard
        // grants only (a custom grant's token has its own lifetime rules).
        let fallback: Option<Lifetime> = match purpose {
            Purpose::Custom => None,
            _ => self.def().lifetimes.access_token,
        };
        let mut tokens = token_set(response, &body, sent_at, fallback, None)
            .map_err(|reason| Error::InvalidResponse { site, reason })?;
        tokens.issuer = Some(self.issuer()?);
        tokens.dpop_key = super::oidc::stored_key(key.as_ref(), &tokens);
        match purpose {
            Purpose::Custom => {}
            Purpose::Renewal(previous) => {
                self.check_id_token(&body, &mut tokens, None, None, Some(previous))
                    .await?;
                tokens.connection = previous.connection.clone();
                self.token_response_connection(&body, &mut tokens)?;
                self.complete_connection(&mut tokens, None, Gathering::Renewal)
                    .await?;
            }
            Purpose::Login {
                callback,
                nonce,
                code,
            } => {
                self.check_id_token(&body, &mut tokens, nonce, Some(code), None)
                    .await?;
                self.token_response_connection(&body, &mut tokens)?;
                self.complete_connection(&mut tokens, callback, Gathering::Authorization)
                    .await?;
            }
            Purpose::Authorization(callback) => {
                self.check_id_token(&body, &mut tokens, None, None, None)
                    .await?;
                self.token_response_connection(&body, &mut tokens)?;
                self.complete_connection(&mut tokens, callback, Gathering::Authorization)
                    .await?;
            }
        }
        Ok(tokens)
    }
}
