//! Authorized API calls: where an access token may go, how it is attached, the headers every
//! API call carries, and the classification of API answers.
//!
//! A token goes only over HTTPS (or HTTP to a loopback address), and only to the origin of
//! the spec's `api` endpoint (rendered with the set's connection values), an origin the spec
//! lists in `api.origins` (exact, or with one leading `*.` wildcard label), the origin
//! override, or one the builder allows. Everything else is refused before anything is sent.

use oauth_model::{ErrorSite, Presentation};
use reqwest::header::{HeaderName, HeaderValue, AUTHORIZATION, USER_AGENT};
use serde_json::Value;
use url::Url;

use crate::api_response::ApiResponse;
use crate::classify::{self, classify, Grant, Seen};
use crate::config::is_secure;
use crate::error::Error;
use crate::request::with_sensitive_header;
use crate::response::fetch;
use crate::token::TokenSet;

use super::client::Client;

impl Client {
    /// Whether an access token of `tokens` may be sent to `url` (see the module docs).
    pub(crate) fn check_api_target(&self, url: &Url, tokens: &TokenSet) -> Result<(), Error> {
        if !is_secure(url) {
            return Err(Error::Config(
                "an access token is sent only over https (or http to a loopback address)".into(),
            ));
        }
        let origin = url.origin();
        let inner = &self.inner;
        let def = self.def();
        let declared = def.endpoint("api").is_some()
            && self
                .declared_url_in("api", Some(&tokens.connection), None)
                .is_ok_and(|api| api.origin() == origin);
        let listed = def
            .api
            .origins
            .iter()
            .any(|pattern| origin_matches(&render_origin(pattern, tokens), url));
        let overridden = inner
            .origin_override
            .as_ref()
            .is_some_and(|o| o.origin() == origin);
        if declared || listed || overridden || inner.allowed_api_origins.contains(&origin) {
            return Ok(());
        }
        Err(Error::Config(format!(
            "{} declares no API at this origin; an access token is sent only to the origins \
             the spec declares (allow another with `allow_api_origin`)",
            def.display_name
        )))
    }

    /// Attaches the access token of `tokens` to a request the way the spec says (a header
    /// with a scheme, a bare token in a custom header, or query parameters; a token a custom
    /// grant issued is presented the way that grant says), with the spec's API headers and
    /// the `User-Agent`. The token header is marked sensitive.
    ///
    /// Refused, before anything is sent, unless the request goes to an origin that may receive
    /// tokens, and for a provider whose tokens serve no API.
    pub fn authorize_request(
        &self,
        request: reqwest::RequestBuilder,
        tokens: &TokenSet,
    ) -> Result<reqwest::RequestBuilder, Error> {
        let (http, built) = request.build_split();
        let built = built.map_err(|e| Error::transport(ErrorSite::Api, e, self.inner.timeout))?;
        self.check_api_target(built.url(), tokens)?;
        let key = self.bound_key(tokens)?;
        let proof = match &key {
            Some(key) => Some(self.dpop_proof(
                key,
                built.method(),
                built.url(),
                Some(&tokens.access_token),
            )?),
            None => None,
        };
        let request = reqwest::RequestBuilder::from_parts(http, built)
            .header(USER_AGENT, self.inner.user_agent.clone());
        let request = self.api_headers(request, tokens, false)?;
        match proof {
            // RFC 9449 §7.1: `Authorization: DPoP <token>` and a proof with `ath`.
            Some(proof) => Ok(with_sensitive_header(
                request,
                AUTHORIZATION,
                format!("DPoP {}", tokens.access_token.secret()),
            )
            .header(HeaderName::from_static("dpop"), proof)),
            None => self.present(request, tokens),
        }
    }

    /// Adds `api.headers`, rendered over the variables, the client id and the set's
    /// connection values (leaving off, with `skip_missing`, those that need a value the set
    /// does not have yet).
    pub(crate) fn api_headers(
        &self,
        mut request: reqwest::RequestBuilder,
        tokens: &TokenSet,
        skip_missing: bool,
    ) -> Result<reqwest::RequestBuilder, Error> {
        for h in self.def().api.headers.iter() {
            let value = match self.render(&h.value, Some(&tokens.connection), None) {
                Ok(v) => v,
                Err(Error::MissingConnectionValue { .. }) if skip_missing => continue,
                Err(e) => return Err(e),
            };
            let name = HeaderName::from_bytes(h.name.as_bytes())
                .map_err(|_| Error::Config(format!("`{}` is not a header name", h.name)))?;
            let value = HeaderValue::from_str(&value).map_err(|_| {
                Error::Config(format!("header `{}` renders to an invalid value", h.name))
            })?;
            request = request.header(name, value);
        }
        Ok(request)
    }

    /// Puts the token on a request already checked by [`Client::check_api_target`].
    pub(crate) fn present(
        &self,
        request: reqwest::RequestBuilder,
        tokens: &TokenSet,
    ) -> Result<reqwest::RequestBuilder, Error> {
        let def = self.def();
        // The name a token set records (stored sets outlive any index into the spec).
        let presentation = tokens
            .issued_by
            .as_deref()
            .and_then(|name| def.grants.custom.iter().find(|g| g.name == name))
            .map_or(&def.token_presentation, |g| &g.presentation);
        let secret = tokens.access_token.secret();
        match presentation {
            Presentation::Header { name, scheme } => {
                let name = HeaderName::from_bytes(name.as_bytes())
                    .map_err(|_| Error::Config(format!("`{name}` is not a header name")))?;
                let value = if scheme.is_empty() {
                    secret.to_string()
                } else {
                    format!("{scheme} {secret}")
                };
                Ok(with_sensitive_header(request, name, value))
            }
            Presentation::Query { param, extra } => {
                let mut pairs: Vec<(&str, &str)> = Vec::with_capacity(extra.len() + 1);
                pairs.push((param, secret));
                pairs.extend(extra.iter().map(|(k, v)| (k.as_ref(), v.as_ref())));
                Ok(request.query(&pairs))
            }
            Presentation::None => Err(Error::Config(format!(
                "{}'s tokens serve no API (token_presentation: none)",
                def.display_name
            ))),
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
        tokens: &TokenSet,
    ) -> Result<ApiResponse, Error> {
        let site = ErrorSite::Api;
        let timeout = self.inner.timeout;
        let (http, request) = self
            .authorize_request(request, tokens)?
            .timeout(timeout)
            .build_split();
        let request = request.map_err(|e| Error::transport(site, e, timeout))?;
        tracing::debug!(endpoint = "api", method = %request.method(), "sending request");
        let key = self.bound_key(tokens)?;
        let again = key.as_ref().and_then(|_| request.try_clone());
        let mut raw = fetch(
            reqwest::RequestBuilder::from_parts(http.clone(), request),
            site,
            timeout,
        )
        .await?;
        if let (Some(key), Some(mut again)) = (key, again) {
            self.remember_dpop_nonce(&raw.headers);
            // RFC 9449 §9: the resource server wants a nonce; one retry with it.
            if super::oidc::asks_for_dpop_nonce(&raw) {
                let proof = self.dpop_proof(
                    &key,
                    again.method(),
                    again.url(),
                    Some(&tokens.access_token),
                )?;
                let proof = HeaderValue::from_str(&proof)
                    .map_err(|_| Error::Config("a DPoP proof is not a header value".into()))?;
                again
                    .headers_mut()
                    .insert(HeaderName::from_static("dpop"), proof);
                raw = fetch(
                    reqwest::RequestBuilder::from_parts(http, again),
                    site,
                    timeout,
                )
                .await?;
                self.remember_dpop_nonce(&raw.headers);
            }
        }
        tracing::debug!(endpoint = "api", status = raw.status, "response");
        let body = serde_json::from_slice::<Value>(&raw.body).ok();
        let seen = Seen {
            site,
            status: raw.status,
            headers: Some(&raw.headers),
            body: body.as_ref(),
            grant: Grant::None,
        };
        // A redirect is handed back, not followed and not an error: only the caller can know
        // whether its `Location` deserves the token (Nest's data API redirects to per-user
        // hosts), and sending it again through `send_api` checks that origin.
        let redirect =
            (300..400).contains(&raw.status) && classify::match_rules(self.def(), &seen).is_none();
        if !redirect {
            classify(self.def(), &seen)?;
        }
        Ok(ApiResponse {
            status: raw.status,
            headers: raw.headers,
            body: raw.body,
        })
    }
}

/// `pattern` with `{connection.<name>}` replaced by the set's values; a pattern that names a
/// value the set lacks matches nothing (it keeps its braces, which no host has).
fn render_origin(pattern: &str, tokens: &TokenSet) -> String {
    let mut out = pattern.to_string();
    for (name, value) in &tokens.connection {
        out = out.replace(&format!("{{connection.{name}}}"), value);
    }
    out
}

/// Whether `url` is at the origin `pattern` names: `https://host[:port]` exactly (or a
/// loopback `http://` one), or `https://*.domain[:port]`, whose `*` stands for one or more
/// labels, never none and never a different suffix.
pub(crate) fn origin_matches(pattern: &str, url: &Url) -> bool {
    if let Some(rest) = pattern.strip_prefix("https://*.") {
        if url.scheme() != "https" {
            return false;
        }
        let Ok(parent) = Url::parse(&format!("https://{rest}")) else {
            return false;
        };
        if parent.path() != "/" || parent.query().is_some() {
            return false;
        }
        let (Some(host), Some(domain)) = (url.host_str(), parent.host_str()) else {
            return false;
        };
        let host = host.to_ascii_lowercase();
        let suffix = format!(".{}", domain.to_ascii_lowercase());
        let labels = host.strip_suffix(&suffix);
        return labels.is_some_and(|l| !l.is_empty() && !l.starts_with('.'))
            && url.port_or_known_default() == parent.port_or_known_default();
    }
    match Url::parse(pattern) {
        Ok(p) if is_secure(&p) && p.path() == "/" => p.origin() == url.origin(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn wildcards_match_one_or_more_labels_of_the_same_suffix_over_https() {
        let p = "https://*.googleapis.com";
        assert!(origin_matches(p, &u("https://drive.googleapis.com/v3")));
        assert!(origin_matches(p, &u("https://a.b.googleapis.com/")));
        assert!(!origin_matches(p, &u("https://googleapis.com/")));
        assert!(!origin_matches(p, &u("https://evilgoogleapis.com/")));
        assert!(!origin_matches(
            p,
            &u("https://drive.googleapis.com.evil.com/")
        ));
        assert!(!origin_matches(p, &u("http://drive.googleapis.com/")));
        assert!(!origin_matches(p, &u("https://drive.googleapis.com:8443/")));
    }

    #[test]
    fn templated_origins_take_the_sets_connection_values() {
        let mut t = TokenSet::bearer("a", None);
        let p = "https://{connection.shop}.myshopify.com";
        assert!(!origin_matches(
            &render_origin(p, &t),
            &u("https://s1.myshopify.com/")
        ));
        t.connection.insert("shop".into(), "s1".into());
        assert!(origin_matches(
            &render_origin(p, &t),
            &u("https://s1.myshopify.com/admin")
        ));
        assert!(!origin_matches(
            &render_origin(p, &t),
            &u("https://s2.myshopify.com/")
        ));
    }

    #[test]
    fn exact_origins_match_scheme_host_and_port() {
        let p = "https://api.example.com";
        assert!(origin_matches(p, &u("https://api.example.com/x?y")));
        assert!(origin_matches(p, &u("https://API.example.com:443/")));
        assert!(!origin_matches(p, &u("https://api.example.com:444/")));
        assert!(!origin_matches(p, &u("http://api.example.com/")));
        assert!(!origin_matches(
            "http://api.example.com",
            &u("http://api.example.com/")
        ));
    }
}
