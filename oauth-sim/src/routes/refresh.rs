//! Renewal at the token endpoint, by the def's refresh grant: its `grant_type` and
//! `token_param`, and what it renews with.
//!
//! - `renew_with: refresh_token` (RFC 6749 §6): the refresh token must be live and the
//!   client's; `send_redirect_uri` (GitLab) requires the redirect URI of the authorization
//!   it comes from; `rotates` replaces it with a new one (the old one, and its access tokens,
//!   end); `reuses_token` (Strava) hands back the access token minted with it last, with what
//!   is left of its life, while it is valid. The rate limits on refreshes apply.
//! - `renew_with: access_token` (Facebook's `fb_exchange_token`): a live access token of the
//!   client is exchanged for a new one with the same user, scopes and connection values; the
//!   old one stays valid until it expires.
//!
//! In strict mode the grant's fixed `params` must be sent.

use oauth_model::{Counted, ErrorMeaning as M, ErrorSite, GrantKind, RefreshDef, RenewWith};

use super::client_auth::Authenticated;
use super::mint::{access_lifetime, again, mint, Mint, RefreshPlan};
use super::request::Req;
use super::{missing, required, App};
use crate::limits::Keys;
use crate::render::{self, Failure, Reply};
use crate::state::State;

pub(super) fn refresh(app: &App, st: &mut State, req: &Req<'_>, client: &Authenticated) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let Some(rd) = def.grants.refresh_token.as_ref() else {
        return app.fail(site, &[M::BadRequest], "no refresh grant");
    };
    // The standard name goes through `param_names`; another is the provider's own.
    let param = if rd.token_param == "refresh_token" {
        req.wire("refresh_token").unwrap_or("refresh_token")
    } else {
        &rd.token_param
    };
    let Some(token) = req.param(param).map(str::to_string) else {
        return missing(app, site, param);
    };
    if let Err(wrong) = required::params(
        app,
        st.strict_params,
        req,
        &rd.params,
        Some(&client.client_id),
    ) {
        return app.fail_grant(
            Some(GrantKind::RefreshToken),
            &[M::BadRequest],
            None,
            &wrong.describe(),
        );
    }
    match rd.renew_with {
        RenewWith::RefreshToken => with_refresh_token(app, st, req, rd, &client.client_id, &token),
        RenewWith::AccessToken => with_access_token(app, st, &client.client_id, &token),
    }
}

fn with_refresh_token(
    app: &App,
    st: &mut State,
    req: &Req<'_>,
    rd: &RefreshDef,
    client_id: &str,
    rt: &str,
) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let grant = Some(GrantKind::RefreshToken);
    let now = app.now_ms();
    let invalid = [M::RefreshTokenInvalid, M::CodeInvalid];
    let rec = match st.refresh.get(rt) {
        Some(rec) if rec.client_id == client_id => rec.clone(),
        _ => {
            return app.fail_grant(
                grant,
                &invalid,
                Some("invalid_grant"),
                "refresh token not found",
            )
        }
    };
    if rec.expires_at_ms.is_some_and(|e| now >= e) {
        st.revoke_refresh(rt);
        return app.fail_grant(
            grant,
            &invalid,
            Some("invalid_grant"),
            "refresh token expired",
        );
    }
    if rd.send_redirect_uri {
        let wire = req.wire("redirect_uri").unwrap_or("redirect_uri");
        let registered = st
            .clients
            .get(client_id)
            .map(|c| c.redirect_uris.clone())
            .unwrap_or_default();
        match req.param(wire) {
            None => return missing(app, site, wire),
            Some(r)
                if rec
                    .redirect_uri
                    .as_deref()
                    .map_or(registered.iter().any(|u| u == r), |want| want == r) => {}
            Some(_) => {
                return app.fail_grant(
                    grant,
                    &[M::BadRequest, M::RefreshTokenInvalid],
                    Some("invalid_grant"),
                    "redirect_uri does not match the authorization's",
                )
            }
        }
    }
    let keys = Keys {
        client: Some(client_id),
        user: Some(&rec.user),
        refresh_token: Some(rt),
    };
    if let Err(e) = st.limits.hit(&def.limits, Counted::Refreshes, keys, now) {
        return app
            .answer(Failure {
                response: Some(&def.token_response),
                grant,
                rule: e.error,
                ..Failure::new(site, e.meanings(), "too many refreshes; try again later")
            })
            .with_header("retry-after", e.retry_after_secs.to_string());
    }
    if rd.reuses_token {
        let live = rec.latest_access.as_deref().and_then(|at| {
            st.check_access(at, now)
                .ok()
                .map(|a| (at.to_string(), a.clone()))
        });
        if let Some((at, access)) = live {
            st.stats.refreshes += 1;
            let issued = again(app, st, &at, &access, Some(rt.to_string()));
            return render::token(&def.token_response, &issued, &app.date());
        }
    }
    let plan = if rd.rotates {
        RefreshPlan::New
    } else {
        RefreshPlan::Existing(rt.to_string())
    };
    let issued = mint(
        app,
        st,
        Mint {
            client_id,
            user: &rec.user,
            scopes: rec.scopes.clone(),
            refresh: plan,
            custom: None,
            lifetime: access_lifetime(def),
            connection: rec.connection.clone(),
            redirect_uri: rec.redirect_uri.clone(),
        },
    );
    match issued {
        Ok(issued) => {
            if rd.rotates {
                st.revoke_refresh(rt);
            }
            st.stats.refreshes += 1;
            render::token(&def.token_response, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}

fn with_access_token(app: &App, st: &mut State, client_id: &str, token: &str) -> Reply {
    let def = &app.def;
    let grant = Some(GrantKind::RefreshToken);
    let now = app.now_ms();
    let rec = match st.check_access(token, now) {
        Ok(rec) if rec.client_id == client_id && rec.custom.is_none() => rec.clone(),
        Ok(_) | Err(false) => {
            return app.fail_grant(
                grant,
                &[M::RefreshTokenInvalid, M::AccessTokenInvalid],
                Some("invalid_grant"),
                "Invalid OAuth access token",
            )
        }
        Err(true) => {
            return app.fail_grant(
                grant,
                &[M::RefreshTokenInvalid, M::AccessTokenExpired],
                Some("invalid_grant"),
                "Error validating access token: Session has expired",
            )
        }
    };
    let keys = Keys {
        client: Some(client_id),
        user: Some(&rec.user),
        refresh_token: None,
    };
    if let Err(e) = st.limits.hit(&def.limits, Counted::Refreshes, keys, now) {
        return app
            .answer(Failure {
                response: Some(&def.token_response),
                grant,
                rule: e.error,
                ..Failure::new(
                    ErrorSite::TokenEndpoint,
                    e.meanings(),
                    "too many renewals; try again later",
                )
            })
            .with_header("retry-after", e.retry_after_secs.to_string());
    }
    let issued = mint(
        app,
        st,
        Mint {
            client_id,
            user: &rec.user,
            scopes: rec.scopes.clone(),
            refresh: RefreshPlan::None,
            custom: None,
            lifetime: access_lifetime(def),
            connection: rec.connection.clone(),
            redirect_uri: None,
        },
    );
    match issued {
        Ok(issued) => {
            st.stats.refreshes += 1;
            render::token(&def.token_response, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}
