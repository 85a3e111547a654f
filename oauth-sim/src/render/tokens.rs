//! Successful token responses in the format the def reads them in (JSON, form, properties).

use oauth_model::{ResponseDef, ResponseFormat, TimeUnit};
use serde_json::{Map, Value};

use super::Reply;
use crate::fields::{first, scalar_json, scalar_text, set_path};

/// `expires_in` sent for tokens that never expire (ten years, as Nest does).
pub(crate) const NEVER_EXPIRES_SECS: u64 = 315_360_000;

/// The token a successful token request hands out.
#[derive(Debug, Clone, Default)]
pub(crate) struct Issued {
    pub access_token: String,
    pub refresh_token: Option<String>,
    /// `None`: never expires.
    pub expires_in_secs: Option<u64>,
    pub scopes: Vec<String>,
    pub extra: Vec<(String, String)>,
}

/// A successful token response in `resp`'s format.
pub(crate) fn token(resp: &ResponseDef, issued: &Issued, now: &str) -> Reply {
    let f = &resp.fields;
    let expires = issued.expires_in_secs.unwrap_or(NEVER_EXPIRES_SECS);
    let expires = match resp.expires_in_unit {
        TimeUnit::Seconds => expires,
        TimeUnit::Milliseconds => expires.saturating_mul(1000),
    };
    let scope = issued.scopes.join(&resp.scope_separator);
    match resp.format {
        ResponseFormat::Properties => {
            let mut lines = vec![
                "#".to_string(),
                format!("#{now}"),
                format!("{}={}", f.access_token, issued.access_token),
            ];
            if let Some(rt) = &issued.refresh_token {
                lines.push(format!("{}={rt}", f.refresh_token));
            }
            for (k, v) in &issued.extra {
                lines.push(format!("{k}={v}"));
            }
            if let Some(sw) = &resp.success_when {
                lines.push(format!("{}={}", sw.path, scalar_text(first(&sw.op))));
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
            let mut put = |path: &str, v: Value| {
                let segs: Vec<&str> = path.split('.').collect();
                set_path(&mut root, &segs, v);
            };
            put(&f.access_token, Value::String(issued.access_token.clone()));
            if let Some(rt) = &issued.refresh_token {
                put(&f.refresh_token, Value::String(rt.clone()));
            }
            put(&f.token_type, Value::String("Bearer".to_string()));
            put(&f.expires_in, Value::from(expires));
            if !scope.is_empty() {
                put(&f.scope, Value::String(scope.clone()));
            }
            for (k, v) in &issued.extra {
                put(k, Value::String(v.clone()));
            }
            if let Some(sw) = &resp.success_when {
                put(&sw.path, scalar_json(first(&sw.op)));
            }
            Reply::json(200, &root)
        }
        ResponseFormat::Form => {
            let mut ser = url::form_urlencoded::Serializer::new(String::new());
            ser.append_pair(&f.access_token, &issued.access_token);
            if let Some(rt) = &issued.refresh_token {
                ser.append_pair(&f.refresh_token, rt);
            }
            ser.append_pair(&f.token_type, "Bearer");
            ser.append_pair(&f.expires_in, &expires.to_string());
            if !scope.is_empty() {
                ser.append_pair(&f.scope, &scope);
            }
            for (k, v) in &issued.extra {
                ser.append_pair(k, v);
            }
            if let Some(sw) = &resp.success_when {
                ser.append_pair(&sw.path, &scalar_text(first(&sw.op)));
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
