//! Error bodies, *synthesised from the provider's error rules*: to answer meaning M at site S
//! the first rule with that meaning covering S is taken, and a body is built that satisfies
//! every one of its `when` tests (dotted paths become nested JSON, `*` an array element;
//! properties text gets one `KEY=value` line per test). So a runtime that classifies
//! responses with the same rules must recognise what the simulator sends. When the def has no
//! rule for a meaning, the RFC 6749 §5.2 JSON form is used.

use oauth_model::{
    ErrorMeaning, ErrorRuleDef, ErrorSite, FieldOp, FieldTest, GrantKind, ProviderDef, ResponseDef,
    ResponseFormat, ScalarDef,
};
use serde_json::{Map, Value};

use super::Reply;
use crate::fields::{
    failing, first, holds, holds_in_properties, put, satisfying, scalar_json, scalar_text, values,
};

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
    /// The grant whose request is answered: rules written for another grant are left out,
    /// and rules written for this one are preferred.
    pub grant: Option<GrantKind>,
    /// The rule to answer with, whatever the meanings (a limit's `error`).
    pub rule: Option<usize>,
}

impl<'a> Failure<'a> {
    /// A failure with no hint, grant or forced rule.
    pub fn new(site: ErrorSite, meanings: &'a [ErrorMeaning], description: &'a str) -> Self {
        Failure {
            meanings,
            site,
            description,
            response: None,
            hint: None,
            grant: None,
            rule: None,
        }
    }
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
    let forced = failure.rule.and_then(|i| def.errors.get(i));
    let rule = forced.or_else(|| pick_rule(def, &failure, properties.is_some(), success_path));
    let Some(rule) = rule else {
        return rfc_error(failure);
    };
    // No status in the rule: any status matches it, and 200 is the one a client is most
    // likely to take for a success (Zoho sends its errors so).
    let status = rule.status.unwrap_or(200);
    let success = failure.response.and_then(|r| r.success_when.as_ref());
    if let Some(resp) = properties {
        let body = properties_body(rule, resp, failure.description, now);
        if !rule.when.iter().all(|t| holds_in_properties(&body, t)) {
            tracing::warn!(
                "oauth-sim: the body for error rule `{}` does not match it",
                rule.code
            );
        }
        return Reply {
            status,
            content_type: "text/plain;charset=UTF-8",
            body,
            headers: Vec::new(),
        };
    }
    let body = json_body(rule, &failure, success);
    if !rule.when.iter().all(|t| holds(&body, t)) {
        tracing::warn!(
            "oauth-sim: the body for error rule `{}` does not match it",
            rule.code
        );
    }
    Reply::json(status, &body)
}

/// The tests of `rule`, grouped by path in the order the paths first appear.
fn by_path(rule: &ErrorRuleDef) -> Vec<(&str, Vec<&FieldOp>)> {
    let mut groups: Vec<(&str, Vec<&FieldOp>)> = Vec::new();
    for t in rule.when.iter() {
        match groups.iter_mut().find(|(p, _)| *p == t.path) {
            Some((_, ops)) => ops.push(&t.op),
            None => groups.push((&t.path, vec![&t.op])),
        }
    }
    groups
}

/// Properties text: one `KEY=value` line per tested key, and the success key failing.
fn properties_body(rule: &ErrorRuleDef, resp: &ResponseDef, words: &str, now: &str) -> String {
    let mut lines = vec!["#".to_string(), format!("#{now}")];
    let groups = by_path(rule);
    for (path, ops) in &groups {
        if let Some(v) = satisfying(ops, words) {
            lines.push(format!("{path}={}", scalar_text(Some(&v))));
        }
    }
    if let Some(sw) = resp.success_when.as_ref() {
        if !groups.iter().any(|(p, _)| *p == sw.path) {
            lines.push(format!(
                "{}={}",
                sw.path,
                scalar_text(Some(&failing(&sw.op)))
            ));
        }
    }
    let mut body = lines.join("\n");
    body.push('\n');
    body
}

/// A JSON body that `rule` matches: its tests satisfied, the provider's words where the body
/// has room for them, and a success field (if the response has one) failing.
fn json_body(rule: &ErrorRuleDef, failure: &Failure<'_>, success: Option<&FieldTest>) -> Value {
    let mut root = Value::Object(Map::new());
    let groups = by_path(rule);
    // Paths a test fixes, absent ones included: nothing else may be written there.
    let fixed = |path: &str| groups.iter().any(|(p, _)| *p == path);
    if rule.when.is_empty() {
        put(&mut root, "error", Value::String(rule.code.to_string()));
    }
    for (path, ops) in &groups {
        if let Some(v) = satisfying(ops, failure.description) {
            put(&mut root, path, scalar_json(Some(&v)));
        }
    }
    // A provider that answers with a `code` puts its words beside it (Marketo's
    // `errors[].message`, Zoho CRM's `message` and `response.error.message`).
    for (path, _) in &groups {
        let Some(parent) = path
            .strip_suffix("code")
            .filter(|p| p.is_empty() || p.ends_with('.'))
        else {
            continue;
        };
        let message = format!("{parent}message");
        if !fixed(&message) {
            put(
                &mut root,
                &message,
                Value::String(failure.description.to_string()),
            );
        }
    }
    // A REST envelope with a `success` flag (Marketo) names the request it answers.
    if failure.site == ErrorSite::Api && fixed("success") && !fixed("requestId") {
        if let Value::Object(map) = &mut root {
            map.insert("requestId".to_string(), Value::String(request_id()));
        }
    }
    if let Some(sw) = success {
        if !fixed(&sw.path) {
            put(&mut root, &sw.path, scalar_json(Some(&failing(&sw.op))));
        }
    }
    if let Value::Object(map) = &mut root {
        if map.get("error").is_some_and(Value::is_string) && !fixed("error_description") {
            map.entry("error_description".to_string())
                .or_insert_with(|| Value::String(failure.description.to_string()));
        }
    }
    root
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
                && (r.grant.is_none() || r.grant == failure.grant)
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
    // A rule written for the grant answered is the provider's word for that grant's errors
    // (Zoho's `invalid_code` for a bad refresh token): it outranks the others, hint included.
    if failure.grant.is_some() {
        for meaning in failure.meanings {
            let hint = failure
                .hint
                .unwrap_or_else(|| rfc_code(*meaning, failure.site).0);
            let mut best: Option<(u8, &ErrorRuleDef)> = None;
            for rule in candidates_for(*meaning).filter(|r| r.grant.is_some()) {
                let score = describe_score(rule, failure.description, hint);
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, rule));
                }
            }
            if let Some((_, rule)) = best {
                return Some(rule);
            }
        }
    }
    let rank = |rule: &ErrorRuleDef, score: u8| (score, rule.grant.is_some());
    if let Some(hint) = failure.hint {
        let mut best: Option<((u8, bool), &ErrorRuleDef)> = None;
        for meaning in failure.meanings {
            for rule in candidates_for(*meaning) {
                let score = describe_score(rule, failure.description, hint);
                let key = rank(rule, score);
                if score >= 3 && best.is_none_or(|(b, _)| key > b) {
                    best = Some((key, rule));
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
        let mut best: Option<((u8, bool), &ErrorRuleDef)> = None;
        for rule in candidates {
            let key = rank(rule, describe_score(rule, failure.description, hint));
            if best.is_none_or(|(b, _)| key > b) {
                best = Some((key, rule));
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
            let listed = values(&t.op).iter().any(|v| {
                matches!(v, ScalarDef::Str(s)
                    if if exact { s == text } else { s.eq_ignore_ascii_case(text) })
            });
            // Free text a test only partly fixes says the description if it fits it.
            let fits = !exact
                && !text.is_empty()
                && match &t.op {
                    FieldOp::StartsWith(p) => text.starts_with(p.as_ref()),
                    FieldOp::Contains(c) => text.contains(c.as_ref()),
                    _ => false,
                };
            listed || fits
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
        // Descriptions may quote a request: only printable ASCII, no quotes, in the header.
        let words: String = failure
            .description
            .chars()
            .filter(|c| (c.is_ascii_graphic() || *c == ' ') && *c != '"' && *c != '\\')
            .collect();
        reply.with_header(
            "www-authenticate",
            format!("Bearer error=\"{code}\", error_description=\"{words}\""),
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
/// covering the authorize site (preferring RFC 6749 §4.1.2.1's code, or `hint`, the code the
/// situation calls for, such as `unsupported_response_type`), else that code.
pub(crate) fn authorize_error_code(
    def: &ProviderDef,
    meaning: ErrorMeaning,
    hint: Option<&str>,
) -> String {
    let rfc = match (meaning, hint) {
        (_, Some(hint)) => hint,
        (ErrorMeaning::ServerError, _) => "server_error",
        (ErrorMeaning::RateLimited | ErrorMeaning::QuotaExhausted, _) => "access_denied",
        (ErrorMeaning::AccessDenied, _) => "access_denied",
        (ErrorMeaning::InsufficientScope, _) => "invalid_scope",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn def(yaml: &str) -> ProviderDef {
        let path = std::path::Path::new("test.yaml");
        let loaded =
            oauth_codegen::load::load_str(path, yaml, |_| Err(std::io::ErrorKind::NotFound.into()))
                .expect("loads");
        oauth_codegen::validate::validate(&loaded).expect("validates")
    }

    fn seed(name: &str) -> ProviderDef {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../specs")
            .join(name);
        let loaded = oauth_codegen::load::load_file(&path).expect("loads");
        oauth_codegen::validate::validate(&loaded).expect("validates")
    }

    /// Answers with rule `i` of `def` and checks that the rule matches the answer.
    fn answers_with_a_body_its_rule_matches(def: &ProviderDef, i: usize, response: &ResponseDef) {
        let Some(rule) = def.errors.get(i) else {
            return;
        };
        let site = match rule.at {
            ErrorSite::Any => ErrorSite::TokenEndpoint,
            at => at,
        };
        let meanings = [rule.meaning];
        let failure = Failure {
            response: Some(response),
            grant: rule.grant,
            rule: Some(i),
            ..Failure::new(site, &meanings, "Something went wrong")
        };
        let reply = error(def, failure, "now");
        if let Some(status) = rule.status {
            assert_eq!(reply.status, status, "{}: status", rule.code);
        }
        if response.format == ResponseFormat::Properties {
            for t in rule.when.iter() {
                assert!(
                    holds_in_properties(&reply.body, t),
                    "{}: {t:?} in {}",
                    rule.code,
                    reply.body
                );
            }
        } else {
            let body: Value = serde_json::from_str(&reply.body).expect("JSON");
            for t in rule.when.iter() {
                assert!(holds(&body, t), "{}: {t:?} in {body}", rule.code);
            }
        }
    }

    #[test]
    fn every_seed_rule_answers_with_a_body_it_matches() {
        for name in [
            "zoho_projects.yaml",
            "zoho_crm.yaml",
            "marketo.yaml",
            "nest.yaml",
            "openid.yaml",
        ] {
            let def = seed(name);
            for i in 0..def.errors.len() {
                let properties = def.errors.get(i).is_some_and(is_properties_like);
                let response = def
                    .grants
                    .custom
                    .iter()
                    .map(|g| &g.response)
                    .find(|r| properties && r.format == ResponseFormat::Properties)
                    .unwrap_or(&def.token_response);
                answers_with_a_body_its_rule_matches(&def, i, response);
            }
        }
    }

    const OPS: &str = r#"
provider: { name: Ops, display_name: Ops }
endpoints:
  authorize: { url: https://example.com/authorize }
  token: { url: https://example.com/token }
grants:
  authorization_code: {}
  refresh_token: {}
errors:
  - code: refresh_gone
    at: token_endpoint
    grant: refresh_token
    status: 400
    when:
      - { field: error, equals: invalid_grant }
    meaning: refresh_token_invalid
  - code: code_gone
    at: token_endpoint
    status: 400
    when:
      - { field: error, equals: invalid_grant }
    meaning: code_invalid
  - code: listed
    at: token_endpoint
    when:
      - { field: errors.*.code, one_of: ["601", "602"] }
      - { field: ok, equals: false }
      - { field: access_token, absent: true }
    meaning: access_token_invalid
  - code: words
    at: token_endpoint
    when:
      - { field: error_description, starts_with: "Invalid" }
      - { field: error_description, contains: expired }
    meaning: code_expired
  - code: numbered
    at: token_endpoint
    status: 200
    when:
      - { field: code, between: [600, 699] }
      - { field: message, absent: true }
    meaning: rate_limited
"#;

    #[test]
    fn every_field_op_is_synthesised_into_a_body_the_rule_matches() {
        let def = def(OPS);
        for i in 0..def.errors.len() {
            answers_with_a_body_its_rule_matches(&def, i, &def.token_response);
        }
        // `absent` fields stay absent even where the simulator would add its words.
        let meanings = [ErrorMeaning::RateLimited];
        let reply = error(
            &def,
            Failure::new(ErrorSite::TokenEndpoint, &meanings, "slow"),
            "",
        );
        let body: Value = serde_json::from_str(&reply.body).expect("JSON");
        assert_eq!(reply.status, 200);
        assert_eq!(body, serde_json::json!({"code": 600}));
    }

    #[test]
    fn a_rule_for_one_grant_answers_only_that_grants_requests() {
        let def = def(OPS);
        let meanings = [ErrorMeaning::RefreshTokenInvalid, ErrorMeaning::CodeInvalid];
        let pick = |grant| {
            let failure = Failure {
                grant,
                ..Failure::new(ErrorSite::TokenEndpoint, &meanings, "gone")
            };
            pick_rule(&def, &failure, false, None).map(|r| r.code.to_string())
        };
        assert_eq!(
            pick(Some(GrantKind::RefreshToken)).as_deref(),
            Some("refresh_gone")
        );
        assert_eq!(
            pick(Some(GrantKind::AuthorizationCode)).as_deref(),
            Some("code_gone")
        );
        assert_eq!(pick(None).as_deref(), Some("code_gone"));
    }
}
