//! Reading responses: the capped body read, the three body formats (JSON, form, Java
//! properties) as one flat field view, and the token set a token response describes.
//!
//! Bodies may hold tokens, so nothing here logs or formats a body, and every failure reason
//! names the field or the rule that was broken, never the content.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use bytes::{Bytes, BytesMut};
use oauth_model::{
    ErrorSite, ExpiresIn, ExpiresInZero, Lifetime, ResponseDef, ResponseFormat, ScopeFormat,
    TimeFormat, TimeUnit,
};
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use serde_json::{Map, Value};

use crate::classify::{test_holds, values_at};

use crate::error::Error;
use crate::secret::{AccessToken, RefreshToken};
use crate::token::TokenSet;

/// A response read to its end (within the size cap).
#[derive(Clone)]
pub(crate) struct RawResponse {
    /// HTTP status.
    pub(crate) status: u16,
    /// Headers.
    pub(crate) headers: HeaderMap,
    /// Body.
    pub(crate) body: Bytes,
}

/// Largest response body the runtime reads (golang's oauth2 uses the same 1 MiB cap).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Sends `request` and reads the whole response within `timeout`.
pub(crate) async fn fetch(
    request: reqwest::RequestBuilder,
    site: ErrorSite,
    timeout: Duration,
) -> Result<RawResponse, Error> {
    let exchange = async {
        let response = request
            .send()
            .await
            .map_err(|e| Error::transport(site, e, timeout))?;
        read_capped(response, site, timeout).await
    };
    // reqwest's own timeout covers the body too; this one also bounds a custom HTTP client.
    match tokio::time::timeout(timeout, exchange).await {
        Ok(result) => result,
        Err(_) => Err(Error::Timeout {
            site,
            after: timeout,
        }),
    }
}

/// Reads the body chunk by chunk, failing as soon as it passes [`MAX_BODY_BYTES`].
pub(crate) async fn read_capped(
    mut response: reqwest::Response,
    site: ErrorSite,
    timeout: Duration,
) -> Result<RawResponse, Error> {
    let too_large = || Error::InvalidResponse {
        site,
        reason: format!("the body is larger than {MAX_BODY_BYTES} bytes"),
    };
    let declared = response.content_length();
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(too_large());
    }
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let initial = declared.map_or(0, |n| usize::try_from(n).unwrap_or(0));
    let mut body = BytesMut::with_capacity(initial.min(64 * 1024));
    loop {
        let chunk = match response.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(e) if e.is_timeout() => {
                return Err(Error::Timeout {
                    site,
                    after: timeout,
                })
            }
            Err(_) => {
                return Err(Error::InvalidResponse {
                    site,
                    reason: "the body ended early (truncated) or could not be read".into(),
                })
            }
        };
        if body.len().saturating_add(chunk.len()) > MAX_BODY_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(RawResponse {
        status,
        headers,
        body: body.freeze(),
    })
}

/// Parses a body in `format` into a JSON value; form and properties bodies become flat
/// objects of strings. The error is a reason that never quotes the body.
pub(crate) fn parse_body(
    format: ResponseFormat,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Value, String> {
    if looks_like_html(headers, body) {
        return Err(format!("an HTML page instead of a {format} body"));
    }
    match format {
        ResponseFormat::Json => serde_json::from_slice(body).map_err(|e| {
            if e.is_eof() {
                "a truncated json body".to_string()
            } else {
                "a body that is not valid json".to_string()
            }
        }),
        ResponseFormat::Form => parse_form(body),
        ResponseFormat::Properties => parse_properties(body),
    }
}

fn looks_like_html(headers: &HeaderMap, body: &[u8]) -> bool {
    let html_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html"));
    html_type || body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

fn parse_form(body: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(body).map_err(|_| "a form body that is not UTF-8")?;
    let mut map = Map::new();
    for (k, v) in url::form_urlencoded::parse(text.trim().as_bytes()) {
        if k.is_empty() {
            return Err("a form body with an empty field name".into());
        }
        map.insert(k.into_owned(), Value::String(v.into_owned()));
    }
    if map.is_empty() {
        return Err("an empty form body".into());
    }
    Ok(Value::Object(map))
}

/// Java properties: `#`/`!` comments, `KEY=value` or `KEY: value` lines, simple escapes.
/// Continuation lines are not supported (Zoho's authtoken response has none).
pub(crate) fn parse_properties(body: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(body).map_err(|_| "a properties body that is not UTF-8")?;
    let mut map = Map::new();
    for line in text.lines() {
        let line = line.trim_start();
        if line.is_empty() || line.starts_with('#') || line.starts_with('!') {
            continue;
        }
        let sep = unescaped_separator(line)
            .ok_or_else(|| "a properties line that is not KEY=value".to_string())?;
        let (key, rest) = line.split_at(sep);
        let value = rest.get(1..).unwrap_or_default();
        let key = unescape(key.trim_end());
        if key.is_empty() {
            return Err("a properties line with an empty key".into());
        }
        map.insert(key, Value::String(unescape(value.trim())));
    }
    if map.is_empty() {
        return Err("a properties body without a KEY=value line".into());
    }
    Ok(Value::Object(map))
}

fn unescaped_separator(line: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '=' | ':' => return Some(i),
            _ => {}
        }
    }
    None
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push_str(&hex),
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Reads a successful token response into a [`TokenSet`], with the secondary sets the spec
/// declares (each read with the same field names from the object at its path).
///
/// `sent_at` is when the request left (so a lifetime is counted from before the provider
/// minted the token); `fallback` is the spec's documented access-token lifetime, used when the
/// response has no lifetime field and as the longest lifetime believed (see [`believable`]).
pub(crate) fn token_set(
    def: &ResponseDef,
    body: &Value,
    sent_at: SystemTime,
    fallback: Option<Lifetime>,
    issued_by: Option<&str>,
) -> Result<TokenSet, String> {
    if !body.is_object() {
        return Err(format!("a {} body that is not an object", def.format));
    }
    if let Some(test) = &def.success_when {
        if !test_holds(body, test) {
            return Err(format!("`{}` does not report success", test.path));
        }
    }
    let mut tokens = one_set(def, body, sent_at, fallback)?;
    tokens.issued_by = issued_by.map(str::to_string);
    for secondary in def.secondary.iter() {
        let Some(nested) = field(body, &secondary.path).filter(|v| v.is_object()) else {
            continue;
        };
        // A nested object without a token (Slack's `authed_user` when no user scopes were
        // asked for) is no set.
        if field(nested, &def.fields.access_token).is_none() {
            continue;
        }
        let set = one_set(def, nested, sent_at, fallback)
            .map_err(|reason| format!("in `{}`: {reason}", secondary.path))?;
        tokens.secondary.insert(secondary.name.to_string(), set);
    }
    Ok(tokens)
}

/// One token set from the object `body` (the top level or a secondary set's).
fn one_set(
    def: &ResponseDef,
    body: &Value,
    sent_at: SystemTime,
    fallback: Option<Lifetime>,
) -> Result<TokenSet, String> {
    let names = &def.fields;
    let access_token = match field(body, &names.access_token) {
        Some(Value::String(s)) if !s.is_empty() => AccessToken::new(s.as_str()),
        Some(_) => {
            return Err(format!(
                "`{}` is not a non-empty string",
                names.access_token
            ))
        }
        None => return Err(format!("no `{}` field", names.access_token)),
    };
    let refresh_token = match field(body, &names.refresh_token) {
        Some(Value::String(s)) if !s.is_empty() => Some(RefreshToken::new(s.as_str())),
        Some(Value::String(_)) | Some(Value::Null) | None => None,
        Some(_) => return Err(format!("`{}` is not a string", names.refresh_token)),
    };
    let expires_at = expiry(def, body, sent_at, fallback)?;
    let refresh_expires_at = match names.refresh_token_expires_in.as_deref() {
        Some(name) => match field(body, name) {
            None | Some(Value::Null) => None,
            Some(v) => {
                let secs = number(v).ok_or_else(|| format!("`{name}` is not a number"))?;
                Some(crate::time::later(
                    sent_at,
                    lifetime(secs, TimeUnit::Seconds),
                ))
            }
        },
        None => None,
    };
    let scopes = match (field(body, &names.scope), def.scope_format) {
        (None | Some(Value::Null), _) => None,
        (Some(Value::String(s)), ScopeFormat::String) => {
            Some(split_scopes(s, &def.scope_separator))
        }
        (Some(Value::Array(items)), ScopeFormat::Array) => Some(
            items
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| format!("`{}` is not an array of strings", names.scope))?,
        ),
        (Some(_), ScopeFormat::String) => return Err(format!("`{}` is not a string", names.scope)),
        (Some(_), ScopeFormat::Array) => {
            return Err(format!("`{}` is not an array of strings", names.scope))
        }
    };
    let token_type = field(body, &names.token_type)
        .and_then(Value::as_str)
        .map(str::to_string);
    if let Some(t) = &token_type {
        if !presentable(t, def) {
            return Err(format!(
                "token type {} is not one this client can present (expected `Bearer`{})",
                crate::classify::quoted_code(t),
                if def.token_types.is_empty() {
                    ""
                } else {
                    " or one the spec names"
                }
            ));
        }
    }
    let mut extra = BTreeMap::new();
    for name in def.extra_fields.iter() {
        if let Some(text) = field(body, name).and_then(scalar_text) {
            extra.insert(name.to_string(), text);
        }
    }
    Ok(TokenSet {
        access_token,
        token_type,
        refresh_token,
        expires_at,
        scopes,
        extra,
        issued_by: None,
        obtained_at: Some(sent_at),
        mints: Vec::new(),
        issuer: None,
        connection: BTreeMap::new(),
        refresh_expires_at,
        secondary: BTreeMap::new(),
        dpop_key: None,
        id_token_claims: None,
    })
}

/// When the access token expires: from `expires_in` (with `expires_in: 0` meaning never
/// where the spec says so), else from an absolute `expires_at` field, else the documented
/// lifetime; never later than [`believable`] allows.
fn expiry(
    def: &ResponseDef,
    body: &Value,
    sent_at: SystemTime,
    fallback: Option<Lifetime>,
) -> Result<Option<SystemTime>, String> {
    let names = &def.fields;
    let cap = believable(fallback);
    if let Some(v) = field(body, &names.expires_in).filter(|v| !v.is_null()) {
        let amount = number(v).ok_or_else(|| format!("`{}` is not a number", names.expires_in))?;
        if amount == 0.0 && def.expires_in_zero == ExpiresInZero::Never {
            return Ok(None);
        }
        // Full and remaining lifetimes both count from the request: a remaining lifetime
        // (Marketo) is already shortened by the provider, a full one is the whole span.
        let lifetime = lifetime(amount, def.expires_in_unit).min(cap);
        return Ok(match def.expires_in {
            ExpiresIn::Full | ExpiresIn::Remaining => Some(crate::time::later(sent_at, lifetime)),
        });
    }
    if let Some(name) = names.expires_at.as_deref() {
        if let Some(v) = field(body, name).filter(|v| !v.is_null()) {
            let amount = number(v).ok_or_else(|| format!("`{name}` is not a number"))?;
            let since_epoch = match def.expires_at_format {
                TimeFormat::UnixSeconds => lifetime(amount, TimeUnit::Seconds),
                TimeFormat::UnixMilliseconds => lifetime(amount, TimeUnit::Milliseconds),
            };
            let at = crate::time::later(SystemTime::UNIX_EPOCH, since_epoch);
            return Ok(Some(at.min(crate::time::later(sent_at, cap))));
        }
    }
    Ok(fallback.and_then(|l| match l {
        Lifetime::Secs(s) => Some(crate::time::later(sent_at, crate::time::secs(s))),
        Lifetime::Never => None,
    }))
}

/// Whether a token of type `token_type` can be sent the way the spec presents tokens: a
/// bearer token (RFC 6750; the type is case-insensitive, RFC 6749 §5.1), or a type the spec
/// names (Slack's `bot`, `user`). A `mac`, `DPoP` or unknown type sent as a bearer token would
/// either fail or leak a key-bound token.
fn presentable(token_type: &str, def: &ResponseDef) -> bool {
    token_type.eq_ignore_ascii_case("bearer")
        || def
            .token_types
            .iter()
            .any(|t| t.eq_ignore_ascii_case(token_type))
}

/// A field by name (or dotted path).
pub(crate) fn field<'a>(body: &'a Value, name: &str) -> Option<&'a Value> {
    values_at(body, name).into_iter().next()
}

/// A number, or a string holding one (`"3600"`); negative values count as zero.
pub(crate) fn number(v: &Value) -> Option<f64> {
    let n = match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    }?;
    n.is_finite().then_some(n.max(0.0))
}

/// The longest lifetime believed from a server when the spec documents none: ten years.
pub(crate) const UNDOCUMENTED_LIFETIME_CAP: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

/// The longest lifetime a token response is believed to give: the spec's documented one (a
/// server claiming more is not trusted to know better: renewing early is harmless, renewing
/// never is not), [`crate::time::MAX_DURATION`] where the spec says tokens never expire, and
/// [`UNDOCUMENTED_LIFETIME_CAP`] where it says nothing. So `expires_in: 1e308` cannot mean
/// "never renew".
fn believable(documented: Option<Lifetime>) -> Duration {
    match documented {
        Some(Lifetime::Secs(s)) => crate::time::secs(s),
        Some(Lifetime::Never) => crate::time::MAX_DURATION,
        None => UNDOCUMENTED_LIFETIME_CAP,
    }
}

/// A lifetime amount in `unit` as a duration (saturating at ~ 584 million years).
pub(crate) fn lifetime(amount: f64, unit: TimeUnit) -> Duration {
    let secs = match unit {
        TimeUnit::Seconds => amount,
        TimeUnit::Milliseconds => amount / 1000.0,
    };
    Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX)
}

fn split_scopes(s: &str, separator: &str) -> Vec<String> {
    let parts: Vec<&str> = if separator.trim().is_empty() {
        s.split_whitespace().collect()
    } else {
        s.split(separator).collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// A kept field as text: strings as they are, numbers and booleans as written, structures as
/// JSON; `null` is left out.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(_) | Value::Bool(_) | Value::Array(_) | Value::Object(_) => {
            Some(v.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use oauth_model::{FieldNames, FieldTest, ScalarDef};
    use serde_json::json;

    use super::*;

    fn json_def() -> ResponseDef {
        ResponseDef {
            format: ResponseFormat::Json,
            expires_in: ExpiresIn::Full,
            expires_in_unit: TimeUnit::Seconds,
            fields: FieldNames {
                access_token: Cow::Borrowed("access_token"),
                refresh_token: Cow::Borrowed("refresh_token"),
                expires_in: Cow::Borrowed("expires_in"),
                expires_at: None,
                refresh_token_expires_in: None,
                scope: Cow::Borrowed("scope"),
                token_type: Cow::Borrowed("token_type"),
            },
            extra_fields: Cow::Owned(vec![Cow::Borrowed("api_domain")]),
            scope_separator: Cow::Borrowed(" "),
            success_when: None,
            expires_in_zero: oauth_model::ExpiresInZero::Expired,
            expires_at_format: oauth_model::TimeFormat::UnixSeconds,
            scope_format: oauth_model::ScopeFormat::String,
            token_types: Cow::Owned(Vec::new()),
            secondary: Cow::Owned(Vec::new()),
        }
    }

    #[test]
    fn properties_skip_comments_and_read_key_values() {
        let body = b"#\n#Wed Feb 29 03:07:33 PST 2012\nAUTHTOKEN=bad18eba\r\nRESULT=TRUE\n";
        let v = parse_properties(body).unwrap();
        assert_eq!(v, json!({"AUTHTOKEN": "bad18eba", "RESULT": "TRUE"}));
        let v = parse_properties(b"CAUSE = INVALID\\=PASSWORD\nRESULT: FALSE").unwrap();
        assert_eq!(v, json!({"CAUSE": "INVALID=PASSWORD", "RESULT": "FALSE"}));
        assert!(parse_properties(b"just text").is_err());
        assert!(parse_properties(b"# only a comment").is_err());
    }

    #[test]
    fn html_is_rejected_in_every_format() {
        let headers = HeaderMap::new();
        for f in ResponseFormat::ALL {
            let err = parse_body(*f, &headers, b"  <html lang=\"en\"><body>x=1</body></html>");
            assert!(err.unwrap_err().contains("HTML"));
        }
    }

    #[test]
    fn numbers_as_strings_and_milliseconds_are_read() {
        let mut def = json_def();
        let sent = SystemTime::UNIX_EPOCH;
        let body = json!({"access_token": "a", "expires_in": "3600"});
        let t = token_set(&def, &body, sent, None, None).unwrap();
        assert_eq!(t.expires_at, Some(sent + Duration::from_secs(3600)));
        def.expires_in_unit = TimeUnit::Milliseconds;
        let body = json!({"access_token": "a", "expires_in": 3_600_000});
        let t = token_set(&def, &body, sent, None, None).unwrap();
        assert_eq!(t.expires_at, Some(sent + Duration::from_secs(3600)));
    }

    #[test]
    fn missing_lifetime_falls_back_to_the_documented_one() {
        let def = json_def();
        let sent = SystemTime::UNIX_EPOCH;
        let body = json!({"access_token": "a"});
        let t = token_set(&def, &body, sent, Some(Lifetime::Secs(60)), None).unwrap();
        assert_eq!(t.expires_at, Some(sent + Duration::from_secs(60)));
        let t = token_set(&def, &body, sent, Some(Lifetime::Never), None).unwrap();
        assert_eq!(t.expires_at, None);
    }

    #[test]
    fn scopes_extra_fields_and_type_are_copied() {
        let def = json_def();
        let body = json!({"access_token": "a", "scope": "A.READ  B.ALL", "token_type": "Bearer",
            "api_domain": "https://www.zohoapis.eu", "refresh_token": "r"});
        let t = token_set(&def, &body, SystemTime::UNIX_EPOCH, None, Some("g")).unwrap();
        assert_eq!(t.scopes, Some(vec!["A.READ".into(), "B.ALL".into()]));
        assert_eq!(
            t.extra.get("api_domain").map(String::as_str),
            Some("https://www.zohoapis.eu")
        );
        assert_eq!(t.token_type.as_deref(), Some("Bearer"));
        assert_eq!(t.refresh_token.as_ref().map(|r| r.secret()), Some("r"));
        assert_eq!(t.issued_by.as_deref(), Some("g"));
    }

    #[test]
    fn missing_access_token_names_the_field_not_the_body() {
        let def = json_def();
        let body = json!({"refresh_token": "secret-refresh"});
        let reason = token_set(&def, &body, SystemTime::UNIX_EPOCH, None, None).unwrap_err();
        assert_eq!(reason, "no `access_token` field");
    }

    #[test]
    fn success_when_must_hold() {
        let mut def = json_def();
        def.success_when = Some(FieldTest {
            path: Cow::Borrowed("RESULT"),
            op: oauth_model::FieldOp::OneOf(Cow::Owned(vec![ScalarDef::Str(Cow::Borrowed(
                "TRUE",
            ))])),
        });
        let body = json!({"access_token": "a", "RESULT": "FALSE"});
        assert!(token_set(&def, &body, SystemTime::UNIX_EPOCH, None, None).is_err());
    }
}
