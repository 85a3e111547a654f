//! Successful token responses in the format the def reads them in (JSON, form, properties),
//! with the def's field names (dotted paths are nested objects in JSON, dotted keys
//! elsewhere), token types, expiry fields, scope format, secondary token sets and success
//! field.

use oauth_model::{ExpiresInZero, ResponseDef, ResponseFormat, ScopeFormat, TimeFormat, TimeUnit};
use serde_json::{Map, Value};

use super::Reply;
use crate::fields::{put, satisfying, scalar_json};

/// `expires_in` sent for tokens that never expire where `0` would mean "expired" (ten years,
/// as Nest does).
pub(crate) const NEVER_EXPIRES_SECS: u64 = 315_360_000;

/// The tokens a successful token request hands out.
#[derive(Debug, Clone, Default)]
pub(crate) struct Issued {
    pub access_token: String,
    pub refresh_token: Option<String>,
    /// Seconds until the access token expires; `None`: never.
    pub expires_in_secs: Option<u64>,
    /// When the access token expires, in unix seconds; `None`: never.
    pub expires_at_unix: Option<u64>,
    /// What is left of the refresh token's life, in seconds (`None`: no refresh token, or
    /// one that never expires).
    pub refresh_expires_in_secs: Option<u64>,
    pub scopes: Vec<String>,
    /// Further fields, by dotted path.
    pub extra: Vec<(String, String)>,
    /// Secondary token sets, by index into the def's `secondary`.
    pub secondary: Vec<(usize, Issued)>,
}

/// One field of a token response: a dotted path and its value.
type Field = (String, Value);

/// The fields of one token set, each path prefixed with `prefix` (a secondary set's path).
fn fields(resp: &ResponseDef, issued: &Issued, token_type: &str, prefix: &str) -> Vec<Field> {
    let f = &resp.fields;
    let at = |name: &str| {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        }
    };
    let mut out: Vec<Field> = vec![(
        at(&f.access_token),
        Value::String(issued.access_token.clone()),
    )];
    if let Some(rt) = &issued.refresh_token {
        out.push((at(&f.refresh_token), Value::String(rt.clone())));
    }
    out.push((at(&f.token_type), Value::String(token_type.to_string())));
    let expires = match (issued.expires_in_secs, resp.expires_in_zero) {
        (Some(s), _) => s,
        (None, ExpiresInZero::Never) => 0,
        (None, ExpiresInZero::Expired) => NEVER_EXPIRES_SECS,
    };
    let expires = match resp.expires_in_unit {
        TimeUnit::Seconds => expires,
        TimeUnit::Milliseconds => expires.saturating_mul(1000),
    };
    out.push((at(&f.expires_in), Value::from(expires)));
    if let (Some(field), Some(unix)) = (&f.expires_at, issued.expires_at_unix) {
        let when = match resp.expires_at_format {
            TimeFormat::UnixSeconds => unix,
            TimeFormat::UnixMilliseconds => unix.saturating_mul(1000),
        };
        out.push((at(field), Value::from(when)));
    }
    if let (Some(field), Some(_), Some(left)) = (
        &f.refresh_token_expires_in,
        &issued.refresh_token,
        issued.refresh_expires_in_secs,
    ) {
        out.push((at(field), Value::from(left)));
    }
    if !issued.scopes.is_empty() {
        let scope = match resp.scope_format {
            ScopeFormat::String => Value::String(issued.scopes.join(&resp.scope_separator)),
            ScopeFormat::Array => Value::from(issued.scopes.clone()),
        };
        out.push((at(&f.scope), scope));
    }
    for (k, v) in &issued.extra {
        out.push((at(k), Value::String(v.clone())));
    }
    out
}

/// The provider's token type for the primary set (`index` 0) or secondary set `index - 1`:
/// the `token_types` entry at that position, else the first, else `Bearer`.
fn token_type(resp: &ResponseDef, index: usize) -> &str {
    resp.token_types
        .get(index)
        .or(resp.token_types.first())
        .map_or("Bearer", |t| t.as_ref())
}

/// A successful token response in `resp`'s format.
pub(crate) fn token(resp: &ResponseDef, issued: &Issued, now: &str) -> Reply {
    let mut all = fields(resp, issued, token_type(resp, 0), "");
    for (i, set) in &issued.secondary {
        if let Some(def) = resp.secondary.get(*i) {
            all.extend(fields(resp, set, token_type(resp, i + 1), &def.path));
        }
    }
    if let Some(sw) = &resp.success_when {
        if let Some(v) = satisfying(&[&sw.op], "") {
            all.push((sw.path.to_string(), scalar_json(Some(&v))));
        }
    }
    // Text of a value in the flat formats (arrays are joined like strings).
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(&resp.scope_separator),
        other => other.to_string(),
    };
    match resp.format {
        ResponseFormat::Properties => {
            let mut lines = vec!["#".to_string(), format!("#{now}")];
            // The properties format has no room for a token type or lifetime (Zoho's
            // authtoken): only what the def names besides them.
            let f = &resp.fields;
            for (k, v) in &all {
                if *k == f.token_type || *k == f.expires_in {
                    continue;
                }
                lines.push(format!("{k}={}", text(v)));
            }
            let mut body = lines.join("\n");
            body.push('\n');
            Reply {
                status: 200,
                content_type: "text/plain;charset=UTF-8",
                body,
                headers: Vec::new(),
            }
        }
        ResponseFormat::Json => {
            let mut root = Value::Object(Map::new());
            for (k, v) in all {
                put(&mut root, &k, v);
            }
            Reply::json(200, &root)
        }
        ResponseFormat::Form => {
            let mut ser = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in &all {
                ser.append_pair(k, &text(v));
            }
            Reply {
                status: 200,
                content_type: "application/x-www-form-urlencoded",
                body: ser.finish(),
                headers: Vec::new(),
            }
        }
    }
}
