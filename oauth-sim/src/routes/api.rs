//! The sample protected API (`<api path>/sim/me`): checks the token the way the def says it
//! is presented, what every API call must carry, and the API-call limits, and answers who the
//! token belongs to.
//!
//! The token is taken as `token_presentation` says, or as a custom grant's tokens are
//! presented: a header (any name; with a scheme, or bare with an empty scheme, as Shopify's
//! `X-Shopify-Access-Token`), query parameters with their fixed companions, or none at all
//! (`none`: the tokens serve no API, so every call is refused). A token presented another way
//! is not seen. Then, in the order a provider meets them: a `User-Agent` where
//! `api.user_agent` requires one (refused before the token is looked at, as GitHub's edge
//! does), the token, the declared `api.headers` (a connection value in one, Xero's
//! `xero-tenant-id`, must be the token's), the connection values in the path (QuickBooks'
//! realm), the concurrency caps (Marketo's 10 calls in flight, error 615), then the rate limits
//! and quotas (606, 607). A call refused by one check is not counted by the next. An admitted
//! call holds its concurrency slots until the router has waited out the configured latency.
//!
//! Every refusal is the def's API error for it, so a runtime that classifies with the same
//! rules sees exactly what the real API would send.

use oauth_model::{Capped, Counted, ErrorMeaning as M, ErrorSite, Presentation};

use super::request::Req;
use super::required::{self, Wrong};
use super::{App, Captures};
use crate::limits::{Keys, Slots};
use crate::render::{Failure, Reply};
use crate::state::{AccessRec, State};

/// What became of an API call.
pub(super) enum Outcome {
    /// Answered at once (refused, or nothing to hold).
    Done(Reply),
    /// Admitted: the answer, and the concurrency slots to hold while the call is in flight.
    Admitted(Reply, Slots),
}

pub(super) fn api(app: &App, req: &Req<'_>, captures: &Captures) -> Outcome {
    match call(app, req, captures) {
        Ok((reply, slots)) => Outcome::Admitted(reply, slots),
        Err(reply) => Outcome::Done(reply),
    }
}

/// Refuses a call without a `User-Agent` where the API requires one.
pub(super) fn check_user_agent(app: &App, req: &Req<'_>) -> Result<(), Reply> {
    let missing = req
        .header("user-agent")
        .is_none_or(|ua| ua.trim().is_empty());
    if app.def.api.user_agent_required && missing {
        return Err(app.fail_as(
            ErrorSite::Api,
            &[M::BadRequest, M::AccessDenied],
            "Request forbidden by administrative rules. Please make sure your request has a \
             User-Agent header",
            None,
        ));
    }
    Ok(())
}

/// The token of a call, presented as the def (or the custom grant that minted it) says, and
/// its record; the def's API error when there is none, or it is not live.
pub(super) fn token_of(
    app: &App,
    st: &State,
    req: &Req<'_>,
    now: u64,
) -> Result<(String, AccessRec), Reply> {
    let def = &app.def;
    let site = ErrorSite::Api;
    // Every presentation the def declares, with the grant whose tokens use it.
    let mut presentations: Vec<(Option<usize>, &Presentation)> =
        vec![(None, &def.token_presentation)];
    for (i, g) in def.grants.custom.iter().enumerate() {
        presentations.push((Some(i), &g.presentation));
    }
    let mut seen_token = false;
    let mut failure: Option<(M, &str)> = None;
    for (origin, pres) in presentations {
        let token = match pres {
            Presentation::None => None,
            Presentation::Header { name, scheme } => req.header(name).and_then(|v| {
                if scheme.is_empty() {
                    Some(v.trim().to_string())
                } else {
                    v.split_once(' ')
                        .filter(|(s, _)| s.eq_ignore_ascii_case(scheme))
                        .map(|(_, t)| t.trim().to_string())
                }
            }),
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
        let Some(token) = token.filter(|t| !t.is_empty()) else {
            continue;
        };
        seen_token = true;
        match st.check_access(&token, now) {
            Ok(rec) if rec.custom == origin => return Ok((token.clone(), rec.clone())),
            Ok(_) => failure = Some((M::AccessTokenInvalid, "token presented the wrong way")),
            Err(true) => {
                failure = failure.or(Some((M::AccessTokenExpired, "access token expired")))
            }
            Err(false) => {
                failure = failure.or(Some((M::AccessTokenInvalid, "Invalid OAuth access token")))
            }
        }
    }
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
    Err(app.fail_as(site, &[meaning, other], description, None))
}

fn call(app: &App, req: &Req<'_>, captures: &Captures) -> Result<(Reply, Slots), Reply> {
    let def = &app.def;
    let site = ErrorSite::Api;
    let now = app.now_ms();
    check_user_agent(app, req)?;
    let mut st = app.lock();
    st.stats.api_calls += 1;
    let (token, rec) = token_of(app, &st, req, now)?;
    let refuse = |wrong: Wrong| {
        let meanings: &[M] = match wrong {
            Wrong::NotTheTokens(_) => &[M::AccessDenied, M::BadRequest],
            _ => &[M::BadRequest],
        };
        app.fail_as(site, meanings, &wrong.describe(), None)
    };
    required::headers(
        app,
        req,
        &def.api.headers,
        Some(&rec.client_id),
        Some(&rec.connection),
    )
    .map_err(refuse)?;
    for (i, value) in &captures.connection {
        let name = def.connection.get(*i).map_or("", |c| c.name.as_ref());
        if rec.connection.get(name) != Some(value) {
            return Err(refuse(Wrong::NotTheTokens(name.to_string())));
        }
    }
    let keys = Keys {
        client: Some(&rec.client_id),
        user: Some(&rec.user),
        refresh_token: rec.refresh.as_deref(),
    };
    let slots = match st
        .limits
        .enter(&def.limits, Capped::ConcurrentApiCalls, keys)
    {
        Ok(slots) => slots,
        Err(full) => {
            // Among the rate-limit rules, the one whose documented description says this
            // (Marketo's 615) is chosen over the others (606), unless the cap names its rule.
            return Err(app.answer(Failure {
                rule: full.error,
                ..Failure::new(
                    site,
                    &[M::RateLimited, M::QuotaExhausted, M::AccessDenied],
                    "Concurrent access limit reached",
                )
            }));
        }
    };
    if let Err(e) = st.limits.hit(&def.limits, Counted::ApiCalls, keys, now) {
        st.limits.leave(slots);
        let description = if e.quota {
            "Daily quota reached"
        } else {
            "Max rate limit exceeded"
        };
        return Err(app
            .answer(Failure {
                rule: e.error,
                ..Failure::new(site, e.meanings(), description)
            })
            .with_header("retry-after", e.retry_after_secs.to_string()));
    }
    let body = serde_json::json!({
        "user": rec.user,
        "scopes": rec.scopes,
        "client_id": rec.client_id,
        "connection": rec.connection,
        "token_age_secs": now.saturating_sub(rec.issued_at_ms) / 1000,
        "token_suffix": token.chars().rev().take(4).collect::<String>().chars().rev().collect::<String>(),
    });
    Ok((Reply::json(200, &body), slots))
}
