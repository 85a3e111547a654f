//! The device authorization grant (RFC 8628): the device authorization endpoint, polling at the
//! token endpoint, and the verification page where the user enters the user code.
//!
//! A device authorization starts `Pending`; the user decides on the verification page (which
//! applies the scripted [`Consent`]) or the test decides through
//! [`crate::Simulator::approve_device`]. Polls follow RFC 8628 §3.5 by the simulator's clock:
//! `authorization_pending` until a decision, `slow_down` (and five more seconds of interval)
//! when two polls come closer than the interval, `expired_token` once the device code has
//! lived its lifetime, `access_denied` after a denial, then the tokens, once. Every error body
//! is synthesised from the def's rules like the other endpoints' (the device grant's rules
//! first). The device code lives the def's `device_code` lifetime (else the authorization
//! code's, else ten minutes). In strict mode the grant's fixed `params` must be sent to the
//! device authorization endpoint. Tokens come from [`super::mint`].

use axum::http::header;
use oauth_model::{ErrorMeaning as M, ErrorSite, GrantKind, Lifetime, RenewWith};

use super::client_auth::authenticate;
use super::mint::{access_lifetime, mint, Mint, RefreshPlan};
use super::request::Req;
use super::{connection, missing, required, split_scopes, App};
use crate::render::{self, Reply};
use crate::state::{random_token, random_user_code, Consent, DeviceRec, DeviceStatus, State};

/// Where the verification page is served: a path of the simulator's own, since specs name no
/// such endpoint.
pub(crate) const VERIFICATION_PATH: &str = "/sim/device";
/// The route name of the verification page (for [`crate::Simulator::endpoint_url`]).
pub(crate) const VERIFICATION_NAME: &str = "device_verification";
/// Device code lifetime where the def documents none (oidc-provider's default).
const DEFAULT_DEVICE_SECS: u64 = 600;
/// Length of device codes.
const DEVICE_CODE_LEN: usize = 40;
/// What RFC 8628 §3.5 adds to the interval at each `slow_down`.
const SLOW_DOWN_STEP_MS: u64 = 5_000;

/// `POST` to the device authorization endpoint (RFC 8628 §3.1, §3.2).
pub(super) fn authorize_device(app: &App, req: &Req<'_>, endpoint: &str) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let kind = Some(GrantKind::DeviceCode);
    let Some(grant) = def.grants.device_code.as_ref() else {
        return app.fail(site, &[M::ServerError], "no device grant");
    };
    let mut st = app.lock();
    let client_id = match authenticate(app, &mut st, req, endpoint, kind) {
        Ok(c) => c.client_id,
        Err(reply) => return reply,
    };
    if let Err(wrong) =
        required::params(app, st.strict_params, req, &grant.params, Some(&client_id))
    {
        return app.fail_grant(kind, &[M::BadRequest], None, &wrong.describe());
    }
    if let Some(scopes) = &def.scopes {
        if scopes.required && req.std("scope").is_none() {
            return app.fail_grant(
                kind,
                &[M::InsufficientScope, M::BadRequest],
                None,
                "scope required",
            );
        }
    }
    let scopes = split_scopes(def, req.std("scope"));
    let lifetime_secs = match def
        .lifetimes
        .device_code
        .or(def.lifetimes.authorization_code)
    {
        Some(Lifetime::Secs(s)) => s,
        Some(Lifetime::Never) | None => DEFAULT_DEVICE_SECS,
    };
    let now = app.now_ms();
    // User codes are short: draw again on the rare clash with a live one.
    let user_code = loop {
        let code = random_user_code();
        if !st.devices.values().any(|d| d.user_code == code) {
            break code;
        }
    };
    let device_code = random_token(DEVICE_CODE_LEN);
    st.devices.insert(
        device_code.clone(),
        DeviceRec {
            client_id,
            user_code: user_code.clone(),
            scopes,
            expires_at_ms: now.saturating_add(lifetime_secs.saturating_mul(1000)),
            interval_ms: grant.poll_interval_secs.saturating_mul(1000),
            last_poll_ms: None,
            status: DeviceStatus::Pending,
        },
    );
    st.stats.device_codes_issued += 1;
    let host = req
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let verification_uri = format!("http://{host}{VERIFICATION_PATH}");
    // User codes are letters and a dash: nothing to escape.
    let complete = format!("{verification_uri}?user_code={user_code}");
    Reply::json(
        200,
        &serde_json::json!({
            "device_code": device_code,
            "user_code": user_code,
            "verification_uri": verification_uri,
            "verification_uri_complete": complete,
            "expires_in": lifetime_secs,
            "interval": grant.poll_interval_secs,
        }),
    )
}

/// A poll at the token endpoint with the device grant type (RFC 8628 §3.4, §3.5).
pub(super) fn poll(app: &App, st: &mut State, req: &Req<'_>, client_id: &str) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let kind = Some(GrantKind::DeviceCode);
    let fail =
        |meanings: &[M], hint: &str, why: &str| app.fail_grant(kind, meanings, Some(hint), why);
    let Some(code) = req.param("device_code") else {
        return missing(app, site, "device_code");
    };
    let invalid = [M::CodeInvalid, M::CodeExpired, M::RefreshTokenInvalid];
    let now = app.now_ms();
    let Some(rec) = st.devices.get_mut(code) else {
        return fail(&invalid, "invalid_grant", "device code not found");
    };
    if rec.client_id != client_id {
        return fail(&invalid, "invalid_grant", "device code not found");
    }
    // Kept after expiry, so every later poll hears `expired_token` too.
    if now >= rec.expires_at_ms {
        return fail(
            &[M::CodeExpired, M::CodeInvalid],
            "expired_token",
            "device code expired",
        );
    }
    let too_soon = rec
        .last_poll_ms
        .is_some_and(|last| now.saturating_sub(last) < rec.interval_ms);
    rec.last_poll_ms = Some(now);
    if too_soon {
        rec.interval_ms = rec.interval_ms.saturating_add(SLOW_DOWN_STEP_MS);
        let description = format!(
            "polling too fast; wait {} s between requests",
            rec.interval_ms / 1000
        );
        return fail(&[M::SlowDown], "slow_down", &description);
    }
    let user = match &rec.status {
        DeviceStatus::Pending => {
            return fail(
                &[M::AuthorizationPending],
                "authorization_pending",
                "the user has not finished the authorization yet",
            )
        }
        DeviceStatus::Denied => {
            st.devices.remove(code);
            return fail(
                &[M::AccessDenied],
                "access_denied",
                "the user denied the authorization",
            );
        }
        DeviceStatus::Approved { user } => user.clone(),
    };
    let scopes = rec.scopes.clone();
    let refresh = if def
        .grants
        .refresh_token
        .as_ref()
        .is_some_and(|r| r.renew_with == RenewWith::RefreshToken)
    {
        RefreshPlan::New
    } else {
        RefreshPlan::None
    };
    let connection = connection::draw(app, st);
    let issued = mint(
        app,
        st,
        Mint {
            client_id,
            user: &user,
            scopes,
            refresh,
            custom: None,
            lifetime: access_lifetime(def),
            connection,
            redirect_uri: None,
        },
    );
    match issued {
        Ok(issued) => {
            // A device code yields tokens once.
            st.devices.remove(code);
            render::token(&def.token_response, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}

/// The verification page. Without a `user_code`: a form asking for it. With one: decided
/// the way the scripted [`Consent`] says; under [`Consent::Ask`], a `GET` shows the consent
/// page for that device (sign in, approve or deny) and its `POST` (with `user`, `password`,
/// `decision`) decides.
pub(super) fn verify(app: &App, req: &Req<'_>) -> Reply {
    const ID: &str = "result";
    let provider = &app.def.display_name;
    let Some(user_code) = req.param("user_code").map(str::trim) else {
        return render::device_entry_page(provider, VERIFICATION_PATH, None);
    };
    let mut st = app.lock();
    let now = app.now_ms();
    let (status, done) = match st.consent.clone() {
        Consent::Approve { user } => (
            DeviceStatus::Approved { user },
            "Approved: you may return to your device",
        ),
        Consent::Deny => (DeviceStatus::Denied, "Access denied"),
        Consent::ServerError => {
            return render::page(500, ID, "the provider failed; try again later");
        }
        Consent::Ask => {
            let Some(scopes) = pending(&st, user_code, now).map(|d| d.scopes.clone()) else {
                return render::device_entry_page(
                    provider,
                    VERIFICATION_PATH,
                    Some("That code is not valid, or has expired or been used."),
                );
            };
            let client_id = pending(&st, user_code, now)
                .map(|d| d.client_id.clone())
                .unwrap_or_default();
            let show = |error: Option<&str>| {
                render::consent_page(&render::ConsentPage {
                    provider,
                    client_id: &client_id,
                    scopes: &scopes,
                    action: VERIFICATION_PATH,
                    hidden: &[("user_code", user_code)],
                    error,
                    pin: false,
                })
            };
            if *req.method != axum::http::Method::POST {
                return show(None);
            }
            match req.param("decision") {
                Some("approve") => match super::consent::sign_in(&st, req) {
                    Ok(user) => (
                        DeviceStatus::Approved { user },
                        "Approved: you may return to your device",
                    ),
                    Err(why) => {
                        return Reply {
                            status: 401,
                            ..show(Some(why))
                        }
                    }
                },
                Some("deny") => (DeviceStatus::Denied, "Access denied"),
                _ => return render::page(400, ID, "decision must be `approve` or `deny`"),
            }
        }
    };
    if decide(&mut st, user_code, status, now) {
        render::page(200, ID, done)
    } else {
        render::page(
            400,
            ID,
            "that code is not valid, or has expired or been used",
        )
    }
}

/// The pending, unexpired device authorization whose user code is `user_code`.
fn pending<'a>(st: &'a State, user_code: &str, now_ms: u64) -> Option<&'a DeviceRec> {
    let wanted = normalise(user_code);
    st.devices.values().find(|d| {
        d.status == DeviceStatus::Pending
            && now_ms < d.expires_at_ms
            && normalise(&d.user_code) == wanted
    })
}

/// Records the user's decision on the pending, unexpired device authorization whose user code
/// is `user_code` (compared without case or dashes, as users type them). `false` when there is
/// none.
pub(crate) fn decide(st: &mut State, user_code: &str, status: DeviceStatus, now_ms: u64) -> bool {
    let wanted = normalise(user_code);
    let found = st.devices.values_mut().find(|d| {
        d.status == DeviceStatus::Pending
            && now_ms < d.expires_at_ms
            && normalise(&d.user_code) == wanted
    });
    match found {
        Some(rec) => {
            rec.status = status;
            true
        }
        None => false,
    }
}

fn normalise(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
