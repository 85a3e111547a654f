//! Error bodies, *synthesised from the provider's error rules*: to answer meaning M at site S
//! the first rule with that meaning covering S is taken, and a body is built that satisfies
//! every one of its `when` tests (dotted paths become nested JSON, `*` an array element;
//! properties text gets one `KEY=value` line per test). So a runtime that classifies
//! responses with the same rules must recognise what the simulator sends. When the def has no
//! rule for a meaning, the RFC 6749 §5.2 JSON form is used.

use oauth_model::{
    ErrorMeaning, ErrorRuleDef, ErrorSite, FieldOp, FieldTest, ProviderDef, ResponseDef,
    ResponseFormat, ScalarDef,
};
use serde_json::{Map, Value};

use super::Reply;
use crate::fields::{first, scalar_json, scalar_text, set_path, values};

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
