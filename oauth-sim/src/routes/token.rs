//! The token endpoint: the body format and headers the provider wants, client authentication,
//! the token-request rate limits, then the grant the request names (by the grant types the
//! def gives each grant): [`super::code`] (codes and PINs), [`super::refresh`],
//! [`super::client_credentials`] and [`super::device`] polls.
//!
//! With `token_request.body: json` (Notion) a request must be a JSON object: a form body is
//! refused before anything else is read, as a JSON-only API refuses it. With `form` a JSON
//! body is refused the same way. `token_request.headers` are checked after authentication
//! (their templates may name the client id). Errors of a grant's request use the rules for
//! that grant (`ErrorRuleDef::grant`).

use axum::http::Method as HttpMethod;
use oauth_model::{BodyFormat, Counted, ErrorMeaning as M, ErrorSite, GrantKind};

use super::client_auth::authenticate;
use super::request::{BodyKind, Req};
use super::{client_credentials, code, device, missing, refresh, required, App};
use crate::limits::Keys;
use crate::render::{Failure, Reply};

/// The grant a `grant_type` selects in this def.
fn grant_of(app: &App, grant_type: &str) -> Option<GrantKind> {
    let g = &app.def.grants;
    if grant_type == "authorization_code" && (g.authorization_code.is_some() || g.pin.is_some()) {
        Some(GrantKind::AuthorizationCode)
    } else if g
        .refresh_token
        .as_ref()
        .is_some_and(|r| r.grant_type == grant_type)
    {
        Some(GrantKind::RefreshToken)
    } else if g
        .client_credentials
        .as_ref()
        .is_some_and(|c| c.grant_type == grant_type)
    {
        Some(GrantKind::ClientCredentials)
    } else if g
        .device_code
        .as_ref()
        .is_some_and(|d| d.grant_type == grant_type)
    {
        Some(GrantKind::DeviceCode)
    } else {
        None
    }
}

pub(super) fn token(app: &App, req: &Req<'_>, endpoint: &str) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let wrong_body = match (def.token_request.body, req.body_kind) {
        (BodyFormat::Json, BodyKind::Form | BodyKind::Empty) if *req.method != HttpMethod::GET => {
            Some("the token endpoint takes an application/json body")
        }
        (BodyFormat::Form, BodyKind::Json) => {
            Some("the token endpoint takes an application/x-www-form-urlencoded body")
        }
        _ => None,
    };
    // A provider that leaves `grant_type` out (ClickUp: `param_names.grant_type: null`) tells
    // its grants apart by what the request carries: a refresh token, else a code.
    let grant_type = match req.wire("grant_type") {
        Some(_) => req.std("grant_type").unwrap_or("").to_string(),
        None => match &def.grants.refresh_token {
            Some(r) if req.param(&r.token_param).is_some() => r.grant_type.to_string(),
            _ => "authorization_code".to_string(),
        },
    };
    let mut st = app.lock();
    st.count_request(if grant_type.is_empty() {
        "(none)"
    } else {
        &grant_type
    });
    if let Some(why) = wrong_body {
        return app.fail(site, &[M::BadRequest], why);
    }
    if grant_type.is_empty() {
        return missing(app, site, req.wire("grant_type").unwrap_or("grant_type"));
    }
    let grant = grant_of(app, &grant_type);
    let client = match authenticate(app, &mut st, req, endpoint, grant) {
        Ok(c) => c,
        Err(reply) => return reply,
    };
    if let Err(wrong) = required::headers(
        app,
        req,
        &def.token_request.headers,
        Some(&client.client_id),
        None,
    ) {
        return app.fail_grant(grant, &[M::BadRequest], None, &wrong.describe());
    }
    let now = app.now_ms();
    let keys = Keys {
        client: Some(&client.client_id),
        ..Keys::default()
    };
    if let Err(e) = st
        .limits
        .hit(&def.limits, Counted::TokenRequests, keys, now)
    {
        return app
            .answer(Failure {
                response: Some(&def.token_response),
                grant,
                rule: e.error,
                ..Failure::new(
                    site,
                    e.meanings(),
                    "You have made too many requests continuously. Please try again after some time.",
                )
            })
            .with_header("retry-after", e.retry_after_secs.to_string());
    }
    match grant {
        Some(GrantKind::AuthorizationCode) => code::exchange(app, &mut st, req, &client),
        Some(GrantKind::RefreshToken) => refresh::refresh(app, &mut st, req, &client),
        Some(GrantKind::ClientCredentials) => {
            client_credentials::issue(app, &mut st, req, &client.client_id)
        }
        Some(GrantKind::DeviceCode) => device::poll(app, &mut st, req, &client.client_id),
        _ => app.fail_hint(
            site,
            &[M::BadRequest],
            "unsupported_grant_type",
            &format!("unsupported grant_type `{grant_type}`"),
        ),
    }
}
