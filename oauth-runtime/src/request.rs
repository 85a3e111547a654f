//! Building token-endpoint requests from the spec: where the client authenticates (Basic
//! header, body or query), where each parameter goes, and the headers every token request
//! carries.
//!
//! A [`FormRequest`] holds secrets (client secret, codes, refresh tokens, passwords) in plain
//! strings on their way to the wire, so it deliberately has no `Debug`, and nothing here logs
//! or formats a parameter value. It must never grow I/O of its own: sending is the caller's.

use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use oauth_model::{ClientAuth, Method, ParamsIn};
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use url::form_urlencoded;
use url::Url;

use crate::secret::Credentials;

/// The media type of every token-request body.
pub(crate) const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// A token-endpoint request under construction. No `Debug`: it carries secrets.
pub(crate) struct FormRequest {
    /// The spec's endpoint name (for logs; never the URL).
    pub(crate) endpoint: String,
    /// The spec's method.
    pub(crate) method: Method,
    url: Url,
    query: Vec<(String, String)>,
    body: Vec<(String, String)>,
    authorization: Option<String>,
    accept_json: bool,
}

impl FormRequest {
    /// A request to endpoint `endpoint` (its spec name) at `url`.
    pub(crate) fn new(endpoint: &str, method: Method, url: Url) -> Self {
        FormRequest {
            endpoint: endpoint.to_string(),
            method,
            url,
            query: Vec::new(),
            body: Vec::new(),
            authorization: None,
            accept_json: false,
        }
    }

    /// Sends `Accept: application/json` (for JSON responses).
    pub(crate) fn accept_json(mut self, yes: bool) -> Self {
        self.accept_json = yes;
        self
    }

    /// Adds a parameter to the query or the body. Methods without a body (GET, DELETE) move
    /// body parameters to the query when the request is built.
    pub(crate) fn param(&mut self, place: ParamsIn, name: &str, value: &str) {
        let pair = (name.to_string(), value.to_string());
        match place {
            ParamsIn::Query => self.query.push(pair),
            ParamsIn::Body => self.body.push(pair),
        }
    }

    /// Authenticates the client the way the spec says. A public client (no secret) sends its
    /// id as a body parameter when the spec asks for Basic (RFC 6749 §2.3.1 has no form for
    /// an id without a secret).
    pub(crate) fn client_auth(&mut self, auth: ClientAuth, credentials: &Credentials) {
        let id = credentials.client_id.as_str();
        let secret = credentials.client_secret.as_ref().map(|s| s.secret());
        match (auth, secret) {
            (ClientAuth::Basic, Some(secret)) => {
                self.authorization = Some(basic_authorization(id, secret));
            }
            (ClientAuth::Basic, None) => self.param(ParamsIn::Body, "client_id", id),
            (ClientAuth::RequestBody, _) => {
                self.param(ParamsIn::Body, "client_id", id);
                if let Some(secret) = secret {
                    self.param(ParamsIn::Body, "client_secret", secret);
                }
            }
            (ClientAuth::Query, _) => {
                self.param(ParamsIn::Query, "client_id", id);
                if let Some(secret) = secret {
                    self.param(ParamsIn::Query, "client_secret", secret);
                }
            }
            (_, _) => self.param(ParamsIn::Body, "client_id", id),
        }
    }

    /// The reqwest request: query appended to the endpoint URL (keeping any query the
    /// template has), a form body for methods that carry one, sensitive `Authorization`.
    pub(crate) fn build(
        self,
        http: &reqwest::Client,
        timeout: Duration,
    ) -> reqwest::RequestBuilder {
        let FormRequest {
            method,
            mut url,
            mut query,
            mut body,
            authorization,
            accept_json,
            ..
        } = self;
        let has_body = matches!(method, Method::Post | Method::Put);
        if !has_body {
            query.append(&mut body);
        }
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query.iter());
        }
        let mut request = http.request(reqwest_method(method), url).timeout(timeout);
        if accept_json {
            request = request.header(ACCEPT, HeaderValue::from_static("application/json"));
        }
        if let Some(value) = authorization {
            request = with_sensitive_authorization(request, value);
        }
        if has_body {
            let encoded = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(body.iter())
                .finish();
            request = request
                .header(CONTENT_TYPE, HeaderValue::from_static(FORM_CONTENT_TYPE))
                .body(encoded);
        }
        request
    }
}

/// `Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1 form-encodes both).
pub(crate) fn basic_authorization(id: &str, secret: &str) -> String {
    let id: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
    let secret: String = form_urlencoded::byte_serialize(secret.as_bytes()).collect();
    format!("Basic {}", STANDARD.encode(format!("{id}:{secret}")))
}

/// Sets `Authorization` marked sensitive (kept out of reqwest's and hyper's debug output).
/// A value that is not a valid header value is passed on unmarked so the builder records its
/// own error (which does not carry the value) and the send fails.
pub(crate) fn with_sensitive_authorization(
    request: reqwest::RequestBuilder,
    value: String,
) -> reqwest::RequestBuilder {
    match HeaderValue::from_str(&value) {
        Ok(mut v) => {
            v.set_sensitive(true);
            request.header(AUTHORIZATION, v)
        }
        Err(_) => request.header(AUTHORIZATION, value),
    }
}

/// The spec's method as reqwest's.
pub(crate) fn reqwest_method(method: Method) -> reqwest::Method {
    match method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Delete => reqwest::Method::DELETE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> Url {
        Url::parse("https://auth.example/token?fixed=1").unwrap()
    }

    #[test]
    fn basic_header_form_encodes_id_and_secret() {
        // RFC 6749 §2.3.1: encoded with application/x-www-form-urlencoded, then base64.
        let v = basic_authorization("id:1", "s p&");
        let expected = format!("Basic {}", STANDARD.encode("id%3A1:s+p%26"));
        assert_eq!(v, expected);
    }

    #[test]
    fn get_moves_body_params_to_the_query_after_query_params() {
        let http = reqwest::Client::new();
        let mut r = FormRequest::new("token", Method::Get, url());
        r.param(ParamsIn::Body, "b", "2");
        r.param(ParamsIn::Query, "a", "1");
        let req = r.build(&http, Duration::from_secs(1)).build().unwrap();
        assert_eq!(req.url().query(), Some("fixed=1&a=1&b=2"));
        assert!(req.body().is_none());
        assert!(req.headers().get(CONTENT_TYPE).is_none());
    }

    #[test]
    fn post_sends_a_form_body_and_sensitive_basic_auth() {
        let http = reqwest::Client::new();
        let mut r = FormRequest::new("token", Method::Post, url()).accept_json(true);
        r.param(ParamsIn::Body, "grant_type", "refresh_token");
        r.client_auth(ClientAuth::Basic, &Credentials::new("cid", "sec"));
        let req = r.build(&http, Duration::from_secs(1)).build().unwrap();
        let body = req.body().and_then(|b| b.as_bytes()).unwrap();
        assert_eq!(body, b"grant_type=refresh_token");
        let auth = req.headers().get(AUTHORIZATION).unwrap();
        assert!(auth.is_sensitive());
        assert_eq!(req.headers()[ACCEPT], "application/json");
        assert_eq!(req.headers()[CONTENT_TYPE], FORM_CONTENT_TYPE);
    }

    #[test]
    fn public_client_with_basic_sends_its_id_in_the_body() {
        let http = reqwest::Client::new();
        let mut r = FormRequest::new("token", Method::Post, url());
        r.client_auth(ClientAuth::Basic, &Credentials::public("cid"));
        let req = r.build(&http, Duration::from_secs(1)).build().unwrap();
        assert!(req.headers().get(AUTHORIZATION).is_none());
        assert_eq!(
            req.body().and_then(|b| b.as_bytes()).unwrap(),
            b"client_id=cid"
        );
    }
}
