//! Building provider requests from the spec: where each parameter goes (query or body), how
//! the body is encoded (a form, or a JSON object for `token_request.body: json`), the
//! headers a request carries, and `Authorization`.
//!
//! An [`OutRequest`] holds secrets (client secret, codes, refresh tokens, passwords, client
//! assertions) in plain strings on their way to the wire, so it deliberately has no `Debug`,
//! and nothing here logs or formats a parameter value. It must never grow I/O of its own:
//! sending is the caller's. Renaming standard parameters (`param_names`) is the caller's too
//! (see `Client::wire`), so that this module stays a plain container.

use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use oauth_model::{BasicEncoding, BodyFormat, Method, ParamsIn};
use reqwest::header::{HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use url::form_urlencoded;
use url::Url;

/// The media type of a form body.
pub(crate) const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// The media type of a JSON body.
pub(crate) const JSON_CONTENT_TYPE: &str = "application/json";

/// A provider request under construction. No `Debug`: it carries secrets. `Clone` so a
/// request refused for a missing DPoP nonce can be sent again.
#[derive(Clone)]
pub(crate) struct OutRequest {
    /// The spec's endpoint name (for logs; never the URL).
    pub(crate) endpoint: String,
    /// The spec's method.
    pub(crate) method: Method,
    url: Url,
    query: Vec<(String, String)>,
    body: Vec<(String, String)>,
    body_format: BodyFormat,
    headers: Vec<(HeaderName, HeaderValue)>,
    authorization: Option<String>,
    accept_json: bool,
}

impl OutRequest {
    /// A request to endpoint `endpoint` (its spec name) at `url`, with a form body.
    pub(crate) fn new(endpoint: &str, method: Method, url: Url) -> Self {
        OutRequest {
            endpoint: endpoint.to_string(),
            method,
            url,
            query: Vec::new(),
            body: Vec::new(),
            body_format: BodyFormat::Form,
            headers: Vec::new(),
            authorization: None,
            accept_json: false,
        }
    }

    /// Sends `Accept: application/json` (for JSON responses).
    pub(crate) fn accept_json(mut self, yes: bool) -> Self {
        self.accept_json = yes;
        self
    }

    /// Encodes the body as `format`.
    pub(crate) fn body_format(mut self, format: BodyFormat) -> Self {
        self.body_format = format;
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

    /// Whether the body already has parameter `name`.
    pub(crate) fn has_body_param(&self, name: &str) -> bool {
        self.body.iter().any(|(n, _)| n == name)
    }

    /// The URL the request goes to (before query parameters are added).
    pub(crate) fn url(&self) -> &Url {
        &self.url
    }

    /// Adds a header (a spec's `token_request.headers`).
    pub(crate) fn header(&mut self, name: HeaderName, value: HeaderValue) {
        self.headers.push((name, value));
    }

    /// Sets `Authorization` (sent marked sensitive).
    pub(crate) fn authorization(&mut self, value: String) {
        self.authorization = Some(value);
    }

    /// The reqwest request: query appended to the endpoint URL (keeping any query the
    /// template has), a form or JSON body for methods that carry one, sensitive
    /// `Authorization`.
    pub(crate) fn build(
        self,
        http: &reqwest::Client,
        timeout: Duration,
    ) -> reqwest::RequestBuilder {
        let OutRequest {
            method,
            mut url,
            mut query,
            mut body,
            body_format,
            headers,
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
            request = request.header(ACCEPT, HeaderValue::from_static(JSON_CONTENT_TYPE));
        }
        for (name, value) in headers {
            request = request.header(name, value);
        }
        if let Some(value) = authorization {
            request = with_sensitive_header(request, AUTHORIZATION, value);
        }
        if has_body {
            let (content_type, encoded) = match body_format {
                BodyFormat::Form => (
                    FORM_CONTENT_TYPE,
                    form_urlencoded::Serializer::new(String::new())
                        .extend_pairs(body.iter())
                        .finish(),
                ),
                BodyFormat::Json => {
                    let mut map = serde_json::Map::new();
                    for (k, v) in body {
                        map.entry(k).or_insert(serde_json::Value::String(v));
                    }
                    (
                        JSON_CONTENT_TYPE,
                        serde_json::Value::Object(map).to_string(),
                    )
                }
            };
            request = request
                .header(CONTENT_TYPE, HeaderValue::from_static(content_type))
                .body(encoded);
        }
        request
    }
}

/// `Basic base64(id:secret)`: with `Form` (RFC 6749 §2.3.1) each is form-encoded first;
/// with `Raw` they are joined as they are.
pub(crate) fn basic_authorization(id: &str, secret: &str, encoding: BasicEncoding) -> String {
    let joined = match encoding {
        BasicEncoding::Form => {
            let id: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
            let secret: String = form_urlencoded::byte_serialize(secret.as_bytes()).collect();
            format!("{id}:{secret}")
        }
        BasicEncoding::Raw => format!("{id}:{secret}"),
    };
    format!("Basic {}", STANDARD.encode(joined))
}

/// Sets header `name` marked sensitive (kept out of reqwest's and hyper's debug output). A
/// value that is not a valid header value is passed on unmarked so the builder records its
/// own error (which does not carry the value) and the send fails.
pub(crate) fn with_sensitive_header(
    request: reqwest::RequestBuilder,
    name: HeaderName,
    value: String,
) -> reqwest::RequestBuilder {
    match HeaderValue::from_str(&value) {
        Ok(mut v) => {
            v.set_sensitive(true);
            request.header(name, v)
        }
        Err(_) => request.header(name, value),
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

/// `s` percent-encoded as one URL path segment (everything but RFC 3986's unreserved
/// characters), for a token put in a path (`{token}`).
pub(crate) fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> Url {
        Url::parse("https://auth.example/token?fixed=1").unwrap()
    }

    #[test]
    fn basic_header_form_encodes_id_and_secret_unless_raw() {
        // RFC 6749 §2.3.1: encoded with application/x-www-form-urlencoded, then base64.
        let v = basic_authorization("id:1", "s p&", BasicEncoding::Form);
        assert_eq!(v, format!("Basic {}", STANDARD.encode("id%3A1:s+p%26")));
        let v = basic_authorization("id:1", "s p&", BasicEncoding::Raw);
        assert_eq!(v, format!("Basic {}", STANDARD.encode("id:1:s p&")));
    }

    #[test]
    fn get_moves_body_params_to_the_query_after_query_params() {
        let http = reqwest::Client::new();
        let mut r = OutRequest::new("token", Method::Get, url());
        r.param(ParamsIn::Body, "b", "2");
        r.param(ParamsIn::Query, "a", "1");
        let req = r.build(&http, Duration::from_secs(1)).build().unwrap();
        assert_eq!(req.url().query(), Some("fixed=1&a=1&b=2"));
        assert!(req.body().is_none());
        assert!(req.headers().get(CONTENT_TYPE).is_none());
    }

    #[test]
    fn post_sends_a_form_body_and_sensitive_authorization() {
        let http = reqwest::Client::new();
        let mut r = OutRequest::new("token", Method::Post, url()).accept_json(true);
        r.param(ParamsIn::Body, "grant_type", "refresh_token");
        r.authorization(basic_authorization("cid", "sec", BasicEncoding::Form));
        let req = r.build(&http, Duration::from_secs(1)).build().unwrap();
        let body = req.body().and_then(|b| b.as_bytes()).unwrap();
        assert_eq!(body, b"grant_type=refresh_token");
        assert!(req.headers().get(AUTHORIZATION).unwrap().is_sensitive());
        assert_eq!(req.headers()[ACCEPT], "application/json");
        assert_eq!(req.headers()[CONTENT_TYPE], FORM_CONTENT_TYPE);
    }

    #[test]
    fn json_bodies_are_objects_of_strings() {
        let http = reqwest::Client::new();
        let mut r = OutRequest::new("token", Method::Post, url()).body_format(BodyFormat::Json);
        r.param(ParamsIn::Body, "grant_type", "authorization_code");
        r.param(ParamsIn::Body, "code", "a\"b");
        let req = r.build(&http, Duration::from_secs(1)).build().unwrap();
        let body: serde_json::Value =
            serde_json::from_slice(req.body().and_then(|b| b.as_bytes()).unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"grant_type": "authorization_code", "code": "a\"b"})
        );
        assert_eq!(req.headers()[CONTENT_TYPE], JSON_CONTENT_TYPE);
    }

    #[test]
    fn path_segments_escape_everything_but_unreserved() {
        assert_eq!(path_segment("c.tok/SENS ?#"), "c.tok%2FSENS%20%3F%23");
    }
}
