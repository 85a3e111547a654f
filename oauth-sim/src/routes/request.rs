//! A request as the endpoints read it: the query, the body (a form, or a JSON object where
//! the provider takes one), the headers, and the provider's names for the standard
//! parameters (`param_names`).
//!
//! Standard parameters are read only under the provider's spelling: with `client_id:
//! client_key` (TikTok), [`Req::std`]`("client_id")` reads `client_key` and a `client_id`
//! sent instead is not seen; a parameter the provider leaves out (`response_type: null`) reads
//! as absent. A JSON body must be an object whose members are strings, numbers or booleans
//! (numbers and booleans are read as their text); anything else is a `400` (`body_error`).

use axum::http::{header, HeaderMap, Method as HttpMethod};
use base64::Engine;
use oauth_model::{BasicEncoding, ProviderDef};
use serde_json::Value;

/// How the body was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind {
    /// No body.
    Empty,
    /// `application/x-www-form-urlencoded` (or no content type).
    Form,
    /// `application/json`.
    Json,
}

/// A parsed request.
pub(crate) struct Req<'a> {
    pub method: &'a HttpMethod,
    pub headers: &'a HeaderMap,
    pub query: Vec<(String, String)>,
    /// Form body pairs (empty for a JSON body).
    pub form: Vec<(String, String)>,
    /// JSON body members, as text (empty for a form body).
    pub json: Vec<(String, String)>,
    pub body_kind: BodyKind,
    /// Why the body could not be read, if it could not.
    pub body_error: Option<String>,
    def: &'a ProviderDef,
}

impl<'a> Req<'a> {
    pub fn new(
        def: &'a ProviderDef,
        method: &'a HttpMethod,
        headers: &'a HeaderMap,
        query: Option<&str>,
        body: &[u8],
    ) -> Req<'a> {
        let query = query
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .into_owned()
                    .collect()
            })
            .unwrap_or_default();
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let media = content_type.split(';').next().unwrap_or("").trim();
        let is_json = media == "application/json" || media.ends_with("+json");
        let mut req = Req {
            method,
            headers,
            query,
            form: Vec::new(),
            json: Vec::new(),
            body_kind: BodyKind::Empty,
            body_error: None,
            def,
        };
        if is_json {
            req.body_kind = BodyKind::Json;
            match json_members(body) {
                Ok(members) => req.json = members,
                Err(e) => req.body_error = Some(e),
            }
        } else if !body.is_empty() {
            req.body_kind = BodyKind::Form;
            req.form = url::form_urlencoded::parse(body).into_owned().collect();
        }
        req
    }

    /// The first non-empty query value named `name`.
    pub fn query(&self, name: &str) -> Option<&str> {
        find(&self.query, name)
    }

    /// The first non-empty body value named `name` (form or JSON).
    pub fn body(&self, name: &str) -> Option<&str> {
        find(&self.form, name).or_else(|| find(&self.json, name))
    }

    /// A parameter from the body, else the query.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.body(name).or_else(|| self.query(name))
    }

    /// The provider's name for standard parameter `standard` (`None`: it leaves it out).
    pub fn wire(&self, standard: &'a str) -> Option<&'a str> {
        self.def.param_name(standard)
    }

    /// Standard parameter `standard` under the provider's name, from the body or the query.
    pub fn std(&self, standard: &'a str) -> Option<&str> {
        self.wire(standard).and_then(|w| self.param(w))
    }

    /// [`Req::std`] from the body only.
    pub fn std_body(&self, standard: &'a str) -> Option<&str> {
        self.wire(standard).and_then(|w| self.body(w))
    }

    /// [`Req::std`] from the query only.
    pub fn std_query(&self, standard: &'a str) -> Option<&str> {
        self.wire(standard).and_then(|w| self.query(w))
    }

    /// A header's value, when it is text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `Authorization: Basic` credentials, decoded per `encoding`: `None` without such a
    /// header, `Some(Err)` when it is malformed.
    pub fn basic(&self, encoding: BasicEncoding) -> Option<Result<(String, String), ()>> {
        let value = self.header(header::AUTHORIZATION.as_str())?;
        let (scheme, rest) = value.split_once(' ')?;
        if !scheme.eq_ignore_ascii_case("basic") {
            return None;
        }
        let decoded = base64::engine::general_purpose::STANDARD.decode(rest.trim());
        let text = decoded.ok().and_then(|d| String::from_utf8(d).ok());
        let Some((id, secret)) = text.as_deref().and_then(|t| t.split_once(':')) else {
            return Some(Err(()));
        };
        Some(Ok(match encoding {
            BasicEncoding::Raw => (id.to_string(), secret.to_string()),
            BasicEncoding::Form => (form_decode(id), form_decode(secret)),
        }))
    }
}

/// `application/x-www-form-urlencoded` decoding of one value (`+` is a space).
fn form_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// The members of a JSON object body, as text.
fn json_members(body: &[u8]) -> Result<Vec<(String, String)>, String> {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return Err("the body is not a JSON object".into());
    };
    let mut out = Vec::with_capacity(map.len());
    for (k, v) in map {
        let text = match v {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Null => continue,
            _ => return Err(format!("body member `{k}` is not a string")),
        };
        out.push((k, text));
    }
    Ok(out)
}

fn find<'p>(pairs: &'p [(String, String)], name: &str) -> Option<&'p str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}
