//! Response bodies in the provider's own formats: token responses and errors.
//!
//! Errors are *synthesised from the provider's error rules*: to answer meaning M at site S the
//! first rule with that meaning covering S is taken, and a body is built that satisfies every
//! one of its `when` tests (dotted paths become nested JSON, `*` an array element; properties
//! text gets one `KEY=value` line per test). So a runtime that classifies responses with the
//! same rules must recognise what the simulator sends. When the def has no rule for a meaning,
//! the RFC 6749 §5.2 JSON form is used. This module never decides *whether* to fail.

use oauth_model::{
    ErrorMeaning, ErrorRuleDef, ErrorSite, FieldOp, FieldTest, ProviderDef, ResponseDef,
    ResponseFormat, ScalarDef, TimeUnit,
};
use serde_json::{Map, Value};

/// `expires_in` sent for tokens that never expire (ten years, as Nest does).
pub(crate) const NEVER_EXPIRES_SECS: u64 = 315_360_000;

/// A response ready to be sent.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    pub fn json(status: u16, body: &Value) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: body.to_string(),
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: &'static str, value: String) -> Reply {
        self.headers.push((name, value));
        self
    }
}

/// What a failed request should say.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Failure<'a> {
    /// Meanings to answer, most specific first; the first one with a rule wins.
    pub meanings: &'a [ErrorMeaning],
    /// Where the response comes from.
    pub site: ErrorSite,
    /// Human explanation, sent as `error_description` where the format has room for it.
    pub description: &'a str,
    /// The response format of the request being answered (a custom grant's may differ).
    pub response: Option<&'a ResponseDef>,
    /// The RFC 6749 code the situation calls for (`unsupported_grant_type`); among rules of
    /// the same meaning, one that sends it is preferred. `None`: the meaning's usual code.
    pub hint: Option<&'a str>,
}

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

/// The error response for `failure`.
pub(crate) fn error(def: &ProviderDef, failure: Failure<'_>, now: &str) -> Reply {
    let properties = failure
        .response
        .filter(|r| r.format == ResponseFormat::Properties);
    let success_path = failure
        .response
        .and_then(|r| r.success_when.as_ref())
        .map(|t| t.path.as_ref());
    let rule = pick_rule(def, &failure, properties.is_some(), success_path);
    let Some(rule) = rule else {
        return rfc_error(failure);
    };
    let status = rule.status.unwrap_or(200);
    if let Some(resp) = properties {
        let mut lines = vec!["#".to_string(), format!("#{now}")];
        let mut tests: Vec<&FieldTest> = rule.when.iter().collect();
        let negated;
        if let Some(sw) = resp.success_when.as_ref() {
            if !tests.iter().any(|t| t.path == sw.path) {
                negated = FieldTest {
                    path: sw.path.clone(),
                    op: FieldOp::OneOf(vec![negate(first(&sw.op))].into()),
                };
                tests.push(&negated);
            }
        }
        for t in tests {
            lines.push(format!("{}={}", t.path, scalar_text(first(&t.op))));
        }
        let mut body = lines.join("\n");
        body.push('\n');
        return Reply {
            status,
            content_type: "text/plain;charset=UTF-8",
            body,
            headers: Vec::new(),
        };
    }
    let mut root = Value::Object(Map::new());
    if rule.when.is_empty() {
        set_path(&mut root, &["error"], Value::String(rule.code.to_string()));
    }
    for t in rule.when.iter() {
        let segs: Vec<&str> = t.path.split('.').collect();
        set_path(&mut root, &segs, scalar_json(first(&t.op)));
    }
    // A provider that answers with a `code` puts its words beside it (Marketo's
    // `errors[].message`, Zoho CRM's `message` and `response.error.message`).
    for t in rule.when.iter() {
        let Some(parent) = t
            .path
            .strip_suffix("code")
            .filter(|p| p.is_empty() || p.ends_with('.'))
        else {
            continue;
        };
        let message = format!("{parent}message");
        if rule.when.iter().any(|u| u.path == message) {
            continue;
        }
        let segs: Vec<&str> = message.split('.').collect();
        set_path(
            &mut root,
            &segs,
            Value::String(failure.description.to_string()),
        );
    }
    // A REST envelope with a `success` flag (Marketo) names the request it answers.
    if failure.site == ErrorSite::Api && rule.when.iter().any(|t| t.path == "success") {
        if let Value::Object(map) = &mut root {
            map.insert("requestId".to_string(), Value::String(request_id()));
        }
    }
    if let Some(sw) = failure.response.and_then(|r| r.success_when.as_ref()) {
        if !rule.when.iter().any(|t| t.path == sw.path) {
            let segs: Vec<&str> = sw.path.split('.').collect();
            set_path(&mut root, &segs, scalar_json(Some(&negate(first(&sw.op)))));
        }
    }
    if let Value::Object(map) = &mut root {
        if map.get("error").is_some_and(Value::is_string) && !map.contains_key("error_description")
        {
            map.insert(
                "error_description".to_string(),
                Value::String(failure.description.to_string()),
            );
        }
    }
    Reply::json(status, &root)
}

fn pick_rule<'d>(
    def: &'d ProviderDef,
    failure: &Failure<'_>,
    properties: bool,
    success_path: Option<&str>,
) -> Option<&'d ErrorRuleDef> {
    // The def does not say which grant (hence which body format) a rule belongs to. Rules
    // written for a properties-format custom grant look like properties (upper-case keys, or
    // a test on its success field): keep them for that format and out of JSON answers.
    let has_properties_grant = def
        .grants
        .custom
        .iter()
        .any(|g| g.response.format == ResponseFormat::Properties);
    let candidates_for = |meaning: ErrorMeaning| {
        def.errors.iter().filter(move |r| {
            r.meaning == meaning
                && r.at.covers(failure.site)
                && if properties {
                    is_properties_like(r)
                        || r.when.iter().any(|t| Some(t.path.as_ref()) == success_path)
                } else {
                    !(has_properties_grant && is_properties_like(r))
                }
        })
    };
    // An explicit hint outranks the order of meanings: specs label one wire code with
    // different meanings (OpenID's `invalid_grant` is `refresh_token_invalid`, its
    // `expired_token` is the device code's `code_expired`).
    if let Some(hint) = failure.hint {
        let mut best: Option<(u8, &ErrorRuleDef)> = None;
        for meaning in failure.meanings {
            for rule in candidates_for(*meaning) {
                let score = describe_score(rule, failure.description, hint);
                if score >= 3 && best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, rule));
                }
            }
        }
        if let Some((_, rule)) = best {
            return Some(rule);
        }
    }
    for meaning in failure.meanings {
        let candidates = candidates_for(*meaning);
        // Several rules may share a meaning (Nest's `oauth2_error` family): prefer the one
        // whose text is the description, then one that leaves the description free.
        let hint = failure
            .hint
            .unwrap_or_else(|| rfc_code(*meaning, failure.site).0);
        let mut best: Option<(u8, &ErrorRuleDef)> = None;
        for rule in candidates {
            let score = describe_score(rule, failure.description, hint);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, rule));
            }
        }
        if let Some((_, rule)) = best {
            return Some(rule);
        }
    }
    None
}

/// 4: a test value is the description; 3: the rule sends the hinted code; 2: the spec's own
/// words for the rule say the description (Marketo's 615 "Concurrent access limit reached"
/// among its rate-limit rules); 1: no test fixes a description or message; 0: the rule's text
/// is about something else.
fn describe_score(rule: &ErrorRuleDef, description: &str, hint: &str) -> u8 {
    let says = |text: &str, exact: bool| {
        rule.when.iter().any(|t| {
            values(&t.op).iter().any(|v| {
                matches!(v, ScalarDef::Str(s)
                    if if exact { s == text } else { s.eq_ignore_ascii_case(text) })
            })
        })
    };
    if says(description, false) {
        return 4;
    }
    // Codes are compared exactly: Zoho's `INVALID_TOKEN` is not RFC 6750's `invalid_token`.
    if says(hint, true) || (rule.when.is_empty() && rule.code == hint) {
        return 3;
    }
    let documented = rule.description.as_deref().unwrap_or("");
    if !description.is_empty()
        && documented
            .to_ascii_lowercase()
            .contains(&description.to_ascii_lowercase())
    {
        return 2;
    }
    let fixes_text = rule.when.iter().any(|t| {
        let last = t.path.rsplit('.').next().unwrap_or("");
        last.contains("description") || last.contains("message")
    });
    if fixes_text {
        0
    } else {
        1
    }
}

/// Whether the def has a rule for one of `meanings` at exactly `site`.
pub(crate) fn has_rule_at(def: &ProviderDef, site: ErrorSite, meanings: &[ErrorMeaning]) -> bool {
    def.errors
        .iter()
        .any(|r| r.at == site && meanings.contains(&r.meaning))
}

/// Properties keys are upper-case words (`CAUSE`, `RESULT`); JSON paths are not.
fn is_properties_like(rule: &ErrorRuleDef) -> bool {
    !rule.when.is_empty()
        && rule
            .when
            .iter()
            .all(|t| !t.path.contains('.') && !t.path.chars().any(|c| c.is_ascii_lowercase()))
}

/// RFC 6749 §5.2 (and RFC 6750 §3.1 for API errors) when the def has no rule.
fn rfc_error(failure: Failure<'_>) -> Reply {
    let meaning = failure
        .meanings
        .first()
        .copied()
        .unwrap_or(ErrorMeaning::BadRequest);
    let (rfc, status) = rfc_code(meaning, failure.site);
    // The code the situation calls for (`unsupported_grant_type`, `expired_token`) is more
    // precise than the meaning's usual one.
    let code = failure.hint.unwrap_or(rfc);
    let body = serde_json::json!({"error": code, "error_description": failure.description});
    let reply = Reply::json(status, &body);
    if failure.site == ErrorSite::Api && status == 401 {
        reply.with_header(
            "www-authenticate",
            format!(
                "Bearer error=\"{code}\", error_description=\"{}\"",
                failure.description
            ),
        )
    } else {
        reply
    }
}

/// The RFC code and status for a meaning.
pub(crate) fn rfc_code(meaning: ErrorMeaning, site: ErrorSite) -> (&'static str, u16) {
    use ErrorMeaning as M;
    match meaning {
        M::AccessTokenExpired | M::AccessTokenInvalid => ("invalid_token", 401),
        M::RefreshTokenInvalid | M::CodeExpired | M::CodeInvalid => ("invalid_grant", 400),
        M::ClientInvalid => ("invalid_client", 401),
        M::ClientDisabled => ("unauthorized_client", 400),
        M::AccessDenied if site == ErrorSite::Api => ("access_denied", 403),
        M::AccessDenied => ("access_denied", 400),
        M::InsufficientScope => ("insufficient_scope", 403),
        M::RateLimited => ("rate_limited", 429),
        M::QuotaExhausted => ("quota_exhausted", 429),
        M::AuthorizationPending => ("authorization_pending", 400),
        M::SlowDown => ("slow_down", 400),
        M::BadRequest => ("invalid_request", 400),
        M::ServerError => ("server_error", 500),
    }
}

/// The error code to put in an authorize redirect: the `error` value of an RFC-shaped rule
/// covering the authorize site (preferring RFC 6749 §4.1.2.1's code), else that code.
pub(crate) fn authorize_error_code(def: &ProviderDef, meaning: ErrorMeaning) -> String {
    let rfc = match meaning {
        ErrorMeaning::ServerError => "server_error",
        ErrorMeaning::RateLimited | ErrorMeaning::QuotaExhausted => "access_denied",
        ErrorMeaning::AccessDenied => "access_denied",
        ErrorMeaning::InsufficientScope => "invalid_scope",
        _ => "invalid_request",
    };
    let error_value = |r: &ErrorRuleDef| {
        r.when
            .iter()
            .find(|t| t.path == "error")
            .and_then(|t| first(&t.op))
            .map(|v| scalar_text(Some(v)))
    };
    let candidates: Vec<String> = def
        .errors
        .iter()
        .filter(|r| r.meaning == meaning && r.at.covers(ErrorSite::Authorize))
        .filter_map(error_value)
        .collect();
    if candidates.iter().any(|c| c == rfc) {
        return rfc.to_string();
    }
    def.errors
        .iter()
        .filter(|r| r.meaning == meaning && r.at == ErrorSite::Authorize)
        .find_map(error_value)
        .unwrap_or_else(|| rfc.to_string())
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

/// Sets the value at a dotted path, creating objects (and one-element arrays for `*`).
fn set_path(node: &mut Value, segs: &[&str], value: Value) {
    let Some((first, rest)) = segs.split_first() else {
        *node = value;
        return;
    };
    if *first == "*" {
        if !node.is_array() {
            *node = Value::Array(Vec::new());
        }
        if let Value::Array(items) = node {
            if items.is_empty() {
                items.push(Value::Null);
            }
            if let Some(item) = items.first_mut() {
                set_path(item, rest, value);
            }
        }
    } else {
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        if let Value::Object(map) = node {
            let child = map.entry(first.to_string()).or_insert(Value::Null);
            set_path(child, rest, value);
        }
    }
}

/// A request id in Marketo's shape (`e42b#14272d07d78`).
fn request_id() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    format!(
        "{:04x}#{:011x}",
        rng.random_range(0..0x1_0000u32),
        rng.random_range(0..0x100_0000_0000u64)
    )
}

/// An HTML page showing the user one message in an element with id `id` (the PIN page, the
/// device verification page, and their errors).
pub(crate) fn page(status: u16, id: &str, message: &str) -> Reply {
    let escaped: String = message
        .chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            c => c.to_string(),
        })
        .collect();
    Reply {
        status,
        content_type: "text/html; charset=utf-8",
        body: format!("<html><body><p id=\"{id}\">{escaped}</p></body></html>"),
        headers: Vec::new(),
    }
}

/// The values a `one_of` test accepts (none for the other tests).
fn values(op: &FieldOp) -> &[ScalarDef] {
    match op {
        FieldOp::OneOf(v) => v,
        _ => &[],
    }
}

/// The first value a `one_of` test accepts.
fn first(op: &FieldOp) -> Option<&ScalarDef> {
    values(op).first()
}

fn scalar_json(s: Option<&ScalarDef>) -> Value {
    match s {
        Some(ScalarDef::Bool(b)) => Value::Bool(*b),
        Some(ScalarDef::Int(i)) => Value::from(*i),
        Some(ScalarDef::Str(s)) => Value::String(s.to_string()),
        None => Value::Null,
    }
}

fn scalar_text(s: Option<&ScalarDef>) -> String {
    match s {
        Some(ScalarDef::Bool(b)) => b.to_string(),
        Some(ScalarDef::Int(i)) => i.to_string(),
        Some(ScalarDef::Str(s)) => s.to_string(),
        None => String::new(),
    }
}

/// A value that fails a success test (`TRUE` -> `FALSE`, `true` -> `false`).
fn negate(s: Option<&ScalarDef>) -> ScalarDef {
    match s {
        Some(ScalarDef::Bool(b)) => ScalarDef::Bool(!b),
        Some(ScalarDef::Int(i)) => ScalarDef::Int(if *i == 0 { 1 } else { 0 }),
        Some(ScalarDef::Str(s)) if s.eq_ignore_ascii_case("true") => {
            let lower = s.chars().all(|c| c.is_ascii_lowercase());
            ScalarDef::Str(if lower { "false" } else { "FALSE" }.into())
        }
        Some(ScalarDef::Str(s)) if s.eq_ignore_ascii_case("success") => {
            ScalarDef::Str("failure".into())
        }
        _ => ScalarDef::Str("FALSE".into()),
    }
}

/// A Java `Date.toString()`-style stamp (`Wed Feb 29 03:07:33 UTC 2012`) for properties
/// comments: wall-clock start time plus the simulated clock.
pub(crate) fn java_date(unix_secs: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = unix_secs / 86_400;
    let secs = unix_secs % 86_400;
    // Howard Hinnant's civil_from_days, for days since 1970-01-01.
    let z = i64::try_from(days).unwrap_or(0) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let weekday = DAYS
        .get(usize::try_from(days % 7).unwrap_or(0))
        .copied()
        .unwrap_or("Thu");
    let month_name = MONTHS
        .get(usize::try_from(month - 1).unwrap_or(0))
        .copied()
        .unwrap_or("Jan");
    format!(
        "{weekday} {month_name} {day:02} {:02}:{:02}:{:02} UTC {year}",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_date_formats_a_known_instant() {
        // 2012-02-29T03:07:33Z
        assert_eq!(java_date(1_330_484_853), "Wed Feb 29 03:07:33 UTC 2012");
    }

    #[test]
    fn wildcard_paths_build_arrays() {
        let mut v = Value::Object(Map::new());
        set_path(&mut v, &["success"], Value::Bool(false));
        set_path(&mut v, &["errors", "*", "code"], Value::from("602"));
        set_path(&mut v, &["errors", "*", "message"], Value::from("expired"));
        assert_eq!(
            v,
            serde_json::json!({"success": false, "errors": [{"code": "602", "message": "expired"}]})
        );
    }
}
