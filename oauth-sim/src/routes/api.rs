//! The sample protected API (`<api path>/sim/me`): checks the token the way the def says it
//! is presented, enforces the API-call limits, and answers who the token belongs to.
//!
//! Token errors (expired, unknown, presented the wrong way) are the def's API errors, so a
//! runtime that classifies with the same rules sees exactly what the real API would send.
//!
//! Limits are checked in the order a provider meets them: the token first, then the
//! concurrency caps (Marketo's 10 calls in flight, error 615), then the rate limits and
//! quotas (606, 607). A call refused by one limit is not counted by the next. An admitted call
//! holds its concurrency slots until the router has waited out the configured latency.

use oauth_model::{Capped, Counted, ErrorMeaning as M, ErrorSite, Presentation};

use super::{App, Req};
use crate::limits::{Keys, Slots};
use crate::render::Reply;

/// What became of an API call.
pub(super) enum Outcome {
    /// Answered at once (refused, or nothing to hold).
    Done(Reply),
    /// Admitted: the answer, and the concurrency slots to hold while the call is in flight.
    Admitted(Reply, Slots),
}

pub(super) fn api(app: &App, req: &Req<'_>) -> Outcome {
    match call(app, req) {
        Ok((reply, slots)) => Outcome::Admitted(reply, slots),
        Err(reply) => Outcome::Done(reply),
    }
}

fn call(app: &App, req: &Req<'_>) -> Result<(Reply, Slots), Reply> {
    let def = &app.def;
    let site = ErrorSite::Api;
    let now = app.now_ms();
    let mut st = app.lock();
    st.stats.api_calls += 1;
    // Every presentation the def declares, with the grant whose tokens use it.
    let mut presentations: Vec<(Option<usize>, &Presentation)> =
        vec![(None, &def.token_presentation)];
    for (i, g) in def.grants.custom.iter().enumerate() {
        presentations.push((Some(i), &g.presentation));
    }
    let mut seen_token = false;
    let mut failure: Option<(M, &str)> = None;
    let mut granted = None;
    for (origin, pres) in presentations {
        let token = match pres {
            Presentation::None => None,
            Presentation::Header { name, scheme } => req
                .headers
                .get(name.as_ref())
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split_once(' '))
                .filter(|(s, _)| s.eq_ignore_ascii_case(scheme))
                .map(|(_, t)| t.trim().to_string()),
            Presentation::Query { param, extra } => {
                let t = req.query(param).map(str::to_string);
                if t.is_some() {
                    if let Some((name, _)) =
                        extra.iter().find(|(n, v)| req.query(n) != Some(v.as_ref()))
                    {
                        return Err(app.fail(
                            site,
                            &[M::BadRequest],
                            &format!("missing required parameters: {name}"),
                        ));
                    }
                }
                t
            }
        };
        let Some(token) = token else { continue };
        seen_token = true;
        match st.check_access(&token, now) {
            Ok(rec) if rec.custom == origin => {
                granted = Some((token.clone(), rec.clone()));
                break;
            }
            Ok(_) => failure = Some((M::AccessTokenInvalid, "token presented the wrong way")),
            Err(true) => {
                failure = failure.or(Some((M::AccessTokenExpired, "access token expired")))
            }
            Err(false) => {
                failure = failure.or(Some((M::AccessTokenInvalid, "Invalid OAuth access token")))
            }
        }
    }
    let Some((token, rec)) = granted else {
        let (meaning, description) = match failure {
            Some(f) => f,
            None if !seen_token => (M::AccessTokenInvalid, "no access token"),
            None => (M::AccessTokenInvalid, "Invalid OAuth access token"),
        };
        let other = if meaning == M::AccessTokenExpired {
            M::AccessTokenInvalid
        } else {
            M::AccessTokenExpired
        };
        return Err(app.fail_as(site, &[meaning, other], description, None));
    };
    let keys = Keys {
        client: Some(&rec.client_id),
        user: Some(&rec.user),
        refresh_token: rec.refresh.as_deref(),
    };
    let Some(slots) = st
        .limits
        .enter(&def.limits, Capped::ConcurrentApiCalls, keys)
    else {
        // Among the rate-limit rules, the one whose documented description says this
        // (Marketo's 615) is chosen over the others (606).
        return Err(app.fail_as(
            site,
            &[M::RateLimited, M::QuotaExhausted, M::AccessDenied],
            "Concurrent access limit reached",
            None,
        ));
    };
    if let Err(e) = st.limits.hit(&def.limits, Counted::ApiCalls, keys, now) {
        st.limits.leave(slots);
        let description = if e.quota {
            "Daily quota reached"
        } else {
            "Max rate limit exceeded"
        };
        return Err(app
            .fail_as(site, e.meanings(), description, None)
            .with_header("retry-after", e.retry_after_secs.to_string()));
    }
    let body = serde_json::json!({
        "user": rec.user,
        "scopes": rec.scopes,
        "client_id": rec.client_id,
        "token_age_secs": now.saturating_sub(rec.issued_at_ms) / 1000,
        "token_suffix": token.chars().rev().take(4).collect::<String>().chars().rev().collect::<String>(),
    });
    Ok((Reply::json(200, &body), slots))
}
