//! Error classification: turns a provider response into `Ok` or a typed [`Error`].
//!
//! Runs on every response, whatever its status (Zoho and Marketo report errors inside HTTP
//! 200). The spec's rules are tried first, in order; then RFC 6749's standard `error` codes;
//! then the HTTP status. It reads only the parsed body and headers and must never copy a body
//! into an error: only the provider's code and its description field travel on.

use std::time::Duration;

use oauth_model::{
    ErrorMeaning, ErrorSite, FieldOp, FieldTest, GrantKind, LimitDef, ProviderDef, ScalarDef,
};
use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde_json::Value;

use crate::error::{Error, ProviderError};

/// Longest provider description kept on an error, in characters.
const MAX_DESCRIPTION_CHARS: usize = 300;

/// Longest provider error code kept on an error, in characters (RFC 6749's codes are under 30).
const MAX_CODE_CHARS: usize = 64;

/// Whether `c` may appear in an `error` or `error_description` value: RFC 6749 §4.1.2.1 and
/// §5.2 allow `%x20-21 / %x23-5B / %x5D-7E` (printable ASCII but `"` and `\`). Everything
/// else, CR and LF above all, could forge log lines or terminal output.
fn rfc6749_char(c: char) -> bool {
    matches!(c, '\x20'..='\x21' | '\x23'..='\x5b' | '\x5d'..='\x7e')
}

/// Provider text made safe to keep on an error: characters outside RFC 6749's set dropped
/// (a description in another language keeps its letters: only control characters, `"` and
/// `\` go), at most `max` characters.
fn sanitize(text: &str, max: usize, keep: impl Fn(char) -> bool) -> String {
    text.chars().filter(|c| keep(*c)).take(max).collect()
}

/// A provider's error code as the runtime keeps it (see [`rfc6749_char`]).
pub(crate) fn sanitize_code(code: &str) -> String {
    sanitize(code, MAX_CODE_CHARS, rfc6749_char)
}

/// A provider's description as the runtime keeps it: no control characters, `"` or `\`.
fn sanitize_description(text: &str) -> String {
    sanitize(text, MAX_DESCRIPTION_CHARS, |c| {
        !c.is_control() && c != '"' && c != '\\'
    })
}

/// A value from a server quoted for an error message: `` `value` `` when it is a short
/// RFC 6749 code, else a placeholder (the value itself could be anything).
pub(crate) fn quoted_code(value: &str) -> String {
    let clean = sanitize_code(value);
    if clean.is_empty() || clean.len() != value.len() {
        "(unreadable)".to_string()
    } else {
        format!("`{clean}`")
    }
}

/// Which grant a token-endpoint response answers (RFC 6749's `invalid_grant` means a bad code
/// on an exchange and a bad refresh token on a refresh).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grant {
    /// Authorization code or PIN exchange.
    Code,
    /// Refresh.
    Refresh,
    /// Device code polling (and device authorization).
    Device,
    /// Client credentials.
    ClientCredentials,
    /// A custom grant.
    Custom,
    /// Not a grant (API calls, revocation, redirects).
    None,
}

impl Grant {
    /// The spec's name for this grant, as error rules restrict themselves to it.
    fn kind(self) -> Option<GrantKind> {
        Some(match self {
            Grant::Code => GrantKind::AuthorizationCode,
            Grant::Refresh => GrantKind::RefreshToken,
            Grant::Device => GrantKind::DeviceCode,
            Grant::ClientCredentials => GrantKind::ClientCredentials,
            Grant::Custom => GrantKind::Custom,
            Grant::None => return None,
        })
    }
}

/// What was received, as the classifier sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seen<'a> {
    /// Where it came from.
    pub(crate) site: ErrorSite,
    /// HTTP status; 0 for a redirect's query (no HTTP status of its own).
    pub(crate) status: u16,
    /// Response headers, when there was a response.
    pub(crate) headers: Option<&'a HeaderMap>,
    /// The body parsed as a JSON value (form and properties bodies as flat objects); `None`
    /// when it did not parse.
    pub(crate) body: Option<&'a Value>,
    /// The grant this answers (error rules may be restricted to one).
    pub(crate) grant: Grant,
}

impl Seen<'_> {
    fn retry_after(&self) -> Option<Duration> {
        self.headers.and_then(retry_after)
    }

    fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Classifies a response: `Ok(())` when it is not an error.
pub(crate) fn classify(def: &ProviderDef, seen: &Seen<'_>) -> Result<(), Error> {
    let grant = seen.grant;
    if let Some(p) = match_rules(def, seen) {
        return Err(Error::Provider(p));
    }
    if let Some(code) = seen
        .body
        .and_then(|b| b.get("error"))
        .and_then(Value::as_str)
    {
        let meaning = standard_meaning(code, seen.site, grant).or_else(|| {
            (!seen.is_success())
                .then(|| status_meaning(seen.status, seen.site))
                .flatten()
        });
        if let Some(meaning) = meaning {
            return Err(provider_error(seen, code, meaning, None));
        }
    }
    if seen.is_success() {
        return Ok(());
    }
    Err(match seen.status {
        429 => provider_error(seen, "http_429", ErrorMeaning::RateLimited, None),
        401 if seen.site == ErrorSite::Api => {
            provider_error(seen, "http_401", ErrorMeaning::AccessTokenInvalid, None)
        }
        status => Error::Http {
            site: seen.site,
            status,
            retry_after: seen.retry_after(),
        },
    })
}

/// The first spec rule that covers this response, as a provider error.
pub(crate) fn match_rules(def: &ProviderDef, seen: &Seen<'_>) -> Option<ProviderError> {
    def.errors.iter().enumerate().find_map(|(i, rule)| {
        if !rule.at.covers(seen.site) {
            return None;
        }
        if rule.grant.is_some() && rule.grant != seen.grant.kind() {
            return None;
        }
        // An error delivered in a redirect (status 0) carries no HTTP status of its own: the
        // 400 a provider documents was the status of the page, so only the body tests decide.
        let redirected = seen.status == 0;
        if redirected && rule.when.is_empty() {
            return None;
        }
        if !redirected && rule.status.is_some_and(|s| s != seen.status) {
            return None;
        }
        // A rule with neither a status nor a test would match every success: never apply it.
        if rule.status.is_none() && rule.when.is_empty() {
            return None;
        }
        let holds = match seen.body {
            Some(body) => rule.when.iter().all(|t| test_holds(body, t)),
            None => rule.when.is_empty(),
        };
        holds.then(|| {
            let mut p = provider_data(seen, &rule.code, rule.meaning, Some(i));
            if p.retry_after.is_none() {
                p.retry_after = limit_wait(def, i);
            }
            p
        })
    })
}

/// How long the limit that names error rule `rule` blocks a client that passed it: its
/// `block_for`, else its window (a cap has no wait to give).
fn limit_wait(def: &ProviderDef, rule: usize) -> Option<Duration> {
    def.limits.iter().find_map(|l| match l {
        LimitDef::Rate {
            error: Some(e),
            block_for_secs,
            per_secs,
            ..
        } if *e == rule => Some(crate::time::secs(block_for_secs.unwrap_or(*per_secs))),
        _ => None,
    })
}

/// A provider error for `code` with the body's description and the `Retry-After` header.
pub(crate) fn provider_error(
    seen: &Seen<'_>,
    code: &str,
    meaning: ErrorMeaning,
    rule: Option<usize>,
) -> Error {
    Error::Provider(provider_data(seen, code, meaning, rule))
}

fn provider_data(
    seen: &Seen<'_>,
    code: &str,
    meaning: ErrorMeaning,
    rule: Option<usize>,
) -> ProviderError {
    ProviderError {
        code: sanitize_code(code),
        meaning,
        rule,
        site: seen.site,
        status: seen.status,
        description: seen.body.and_then(description),
        retry_after: seen.retry_after(),
    }
}

/// RFC 6749 §4.1.2.1 / §5.2, RFC 6750 §3.1 and RFC 8628 §3.5 codes.
pub(crate) fn standard_meaning(code: &str, site: ErrorSite, grant: Grant) -> Option<ErrorMeaning> {
    Some(match code {
        "invalid_grant" => match grant {
            Grant::Refresh => ErrorMeaning::RefreshTokenInvalid,
            Grant::Code | Grant::Device => ErrorMeaning::CodeInvalid,
            _ => ErrorMeaning::BadRequest,
        },
        "invalid_client" | "unauthorized_client" => ErrorMeaning::ClientInvalid,
        "invalid_request" | "unsupported_grant_type" | "unsupported_response_type" => {
            ErrorMeaning::BadRequest
        }
        "access_denied" => ErrorMeaning::AccessDenied,
        "authorization_pending" => ErrorMeaning::AuthorizationPending,
        "slow_down" => ErrorMeaning::SlowDown,
        "expired_token" if site == ErrorSite::Api => ErrorMeaning::AccessTokenExpired,
        "expired_token" => ErrorMeaning::CodeExpired,
        "invalid_token" => ErrorMeaning::AccessTokenInvalid,
        "invalid_scope" | "insufficient_scope" => ErrorMeaning::InsufficientScope,
        "temporarily_unavailable" | "server_error" => ErrorMeaning::ServerError,
        _ => return None,
    })
}

/// What a non-success status means when the body names a code no rule knows.
fn status_meaning(status: u16, site: ErrorSite) -> Option<ErrorMeaning> {
    Some(match (status, site) {
        (400, _) => ErrorMeaning::BadRequest,
        (401, ErrorSite::Api) => ErrorMeaning::AccessTokenInvalid,
        (401, _) => ErrorMeaning::ClientInvalid,
        (403, ErrorSite::Api) => ErrorMeaning::InsufficientScope,
        (403, _) => ErrorMeaning::AccessDenied,
        (429, _) => ErrorMeaning::RateLimited,
        (500..=599, _) => ErrorMeaning::ServerError,
        _ => return None,
    })
}

/// The provider's own words: `error_description`, `message`, `errors.*.message` or
/// `error.message`, shortened.
fn description(body: &Value) -> Option<String> {
    [
        "error_description",
        "message",
        "errors.*.message",
        "error.message",
    ]
    .iter()
    .find_map(|path| {
        values_at(body, path)
            .into_iter()
            .find_map(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    })
    .map(sanitize_description)
}

/// `Retry-After` as delta-seconds (the HTTP-date form is ignored).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
}

/// Whether `test` holds on `body`: some value at `test.path` passes `test.op` (any match,
/// when `*` selects several); `Absent` holds when no value there is other than `null`.
pub(crate) fn test_holds(body: &Value, test: &FieldTest) -> bool {
    let values = values_at(body, &test.path);
    match &test.op {
        FieldOp::Absent => values.iter().all(|v| v.is_null()),
        FieldOp::OneOf(scalars) => values
            .iter()
            .any(|v| scalars.iter().any(|s| scalar_matches(v, s))),
        FieldOp::StartsWith(prefix) => values
            .iter()
            .any(|v| v.as_str().is_some_and(|t| t.starts_with(prefix.as_ref()))),
        FieldOp::Contains(part) => values
            .iter()
            .any(|v| v.as_str().is_some_and(|t| t.contains(part.as_ref()))),
        FieldOp::Between(low, high) => values.iter().any(|v| {
            let n = match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse::<f64>().ok(),
                _ => None,
            };
            n.is_some_and(|n| n >= *low as f64 && n <= *high as f64)
        }),
    }
}

/// The values at a dotted path; `*` selects every element of an array, a number an index.
/// A flat body whose key itself contains dots (`a.b` in a properties file) matches whole.
pub(crate) fn values_at<'a>(body: &'a Value, path: &str) -> Vec<&'a Value> {
    if let Some(v) = body.as_object().and_then(|m| m.get(path)) {
        return vec![v];
    }
    let mut current = vec![body];
    for segment in path.split('.') {
        let mut next = Vec::new();
        for value in current {
            match value {
                Value::Array(items) if segment == "*" => next.extend(items.iter()),
                Value::Array(items) => {
                    if let Some(v) = segment.parse::<usize>().ok().and_then(|i| items.get(i)) {
                        next.push(v);
                    }
                }
                Value::Object(map) => {
                    if let Some(v) = map.get(segment) {
                        next.push(v);
                    }
                }
                _ => {}
            }
        }
        if next.is_empty() {
            return next;
        }
        current = next;
    }
    current
}

/// A spec scalar against a body value. Text formats have no types, so a string also matches
/// the text of a number or boolean, an integer matches a string holding it, and a boolean
/// matches `true`/`false` in any case (`RESULT=TRUE`).
pub(crate) fn scalar_matches(value: &Value, scalar: &ScalarDef) -> bool {
    match (scalar, value) {
        (ScalarDef::Str(s), Value::String(v)) => v == s.as_ref(),
        (ScalarDef::Str(s), Value::Number(n)) => n.to_string() == s.as_ref(),
        (ScalarDef::Str(s), Value::Bool(b)) => b.to_string() == s.as_ref(),
        (ScalarDef::Int(i), Value::Number(n)) => {
            n.as_i64() == Some(*i) || n.as_f64().is_some_and(|f| f == *i as f64)
        }
        (ScalarDef::Int(i), Value::String(v)) => v.trim().parse::<i64>().ok() == Some(*i),
        (ScalarDef::Bool(b), Value::Bool(v)) => b == v,
        (ScalarDef::Bool(b), Value::String(v)) => v.trim().eq_ignore_ascii_case(&b.to_string()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use serde_json::json;

    use super::*;

    fn test(path: &'static str, values: Vec<ScalarDef>) -> FieldTest {
        FieldTest {
            path: Cow::Borrowed(path),
            op: oauth_model::FieldOp::OneOf(Cow::Owned(values)),
        }
    }

    #[test]
    fn star_matches_any_array_element() {
        let body = json!({"success": false, "errors": [{"code": "601"}, {"code": "602"}]});
        let t = test("errors.*.code", vec![ScalarDef::Str("602".into())]);
        assert!(test_holds(&body, &t));
        let t = test("errors.*.code", vec![ScalarDef::Str("603".into())]);
        assert!(!test_holds(&body, &t));
        let t = test("errors.1.code", vec![ScalarDef::Int(602)]);
        assert!(test_holds(&body, &t));
    }

    #[test]
    fn strings_match_numbers_and_booleans_as_text() {
        assert!(scalar_matches(&json!(602), &ScalarDef::Str("602".into())));
        assert!(scalar_matches(
            &json!(false),
            &ScalarDef::Str("false".into())
        ));
        assert!(scalar_matches(&json!("602"), &ScalarDef::Int(602)));
        assert!(scalar_matches(&json!("TRUE"), &ScalarDef::Bool(true)));
        assert!(!scalar_matches(&json!("TRUE"), &ScalarDef::Bool(false)));
        assert!(!scalar_matches(
            &json!(null),
            &ScalarDef::Str("null".into())
        ));
    }

    #[test]
    fn dotted_keys_of_flat_bodies_match_whole() {
        let body = json!({"a.b": "1"});
        assert_eq!(values_at(&body, "a.b"), vec![&json!("1")]);
    }

    #[test]
    fn invalid_grant_depends_on_the_grant() {
        let at = ErrorSite::TokenEndpoint;
        assert_eq!(
            standard_meaning("invalid_grant", at, Grant::Refresh),
            Some(ErrorMeaning::RefreshTokenInvalid)
        );
        assert_eq!(
            standard_meaning("invalid_grant", at, Grant::Code),
            Some(ErrorMeaning::CodeInvalid)
        );
        assert_eq!(standard_meaning("oauth2_error", at, Grant::Code), None);
    }

    #[test]
    fn description_is_taken_from_known_fields_and_shortened() {
        let long = "x".repeat(1000);
        let body = json!({"errors": [{"message": long}]});
        assert_eq!(
            description(&body).map(|d| d.len()),
            Some(MAX_DESCRIPTION_CHARS)
        );
        assert_eq!(
            description(&json!({"error_description": "bad"})),
            Some("bad".into())
        );
    }
}
