//! The token endpoint: client authentication, then the code (and PIN) exchange, refresh and
//! client credentials grants (device-code polls are handed to [`super::device`]).
//!
//! Each grant checks what it is handed (code lifetime and single use, redirect URI, PKCE,
//! refresh-token ownership) and leaves minting, and the caps that go with it, to
//! [`super::mint`]. Rate limits on token requests and refreshes are enforced here.

use base64::Engine;
use oauth_model::{Counted, ErrorMeaning as M, ErrorSite, Requirement};
use sha2::{Digest, Sha256};

use super::mint::{access_lifetime, extra_fields, mint, Mint, RefreshPlan};
use super::{device, missing, App, Req};
use crate::limits::Keys;
use crate::render::{self, Issued, Reply};
use crate::state::{CodeKind, State};

pub(super) fn token(app: &App, req: &Req<'_>) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let grant = req.param("grant_type").unwrap_or("").to_string();
    let mut st = app.lock();
    st.count_request(if grant.is_empty() { "(none)" } else { &grant });
    if grant.is_empty() {
        return missing(app, site, "grant_type");
    }
    let client_id = match authenticate(app, &st, req) {
        Ok(id) => id,
        Err(reply) => return reply,
    };
    let now = app.now_ms();
    let keys = Keys {
        client: Some(&client_id),
        ..Keys::default()
    };
    if let Err(e) = st
        .limits
        .hit(&def.limits, Counted::TokenRequests, keys, now)
    {
        return app
            .fail(
                site,
                e.meanings(),
                "You have made too many requests continuously. Please try again after some time.",
            )
            .with_header("retry-after", e.retry_after_secs.to_string());
    }
    let g = &def.grants;
    match grant.as_str() {
        "authorization_code" if g.authorization_code.is_some() || g.pin.is_some() => {
            exchange_code(app, &mut st, req, &client_id)
        }
        "refresh_token" if g.refresh_token.is_some() => refresh(app, &mut st, req, &client_id),
        "client_credentials" if g.client_credentials.is_some() => {
            client_credentials(app, &mut st, &client_id)
        }
        polled
            if g.device_code
                .as_ref()
                .is_some_and(|d| d.grant_type == polled) =>
        {
            device::poll(app, &mut st, req, &client_id)
        }
        _ => app.fail_hint(
            site,
            &[M::BadRequest],
            "unsupported_grant_type",
            &format!("unsupported grant_type `{grant}`"),
        ),
    }
}

/// Checks the client's credentials where `client_auth` puts them.
pub(super) fn authenticate(app: &App, st: &State, req: &Req<'_>) -> Result<String, Reply> {
    use oauth_model::ClientAuth;
    let site = ErrorSite::TokenEndpoint;
    let from_body = || {
        req.form("client_id").map(|id| {
            (
                id.to_string(),
                req.form("client_secret").map(str::to_string),
            )
        })
    };
    let from_query = || {
        req.query("client_id").map(|id| {
            (
                id.to_string(),
                req.query("client_secret").map(str::to_string),
            )
        })
    };
    let from_basic = || req.basic().map(|(id, s)| (id, Some(s)));
    let found = match app.def.client_auth.method {
        ClientAuth::Basic => from_basic(),
        // Nest: "the header form still works but is discouraged".
        ClientAuth::RequestBody => from_body().or_else(from_basic),
        // Zoho documents the query and the body.
        ClientAuth::Query => from_query().or_else(from_body),
        _ => from_body(),
    };
    let Some((id, secret)) = found else {
        return Err(missing(app, site, "client_id"));
    };
    let Some(client) = st.clients.get(&id) else {
        return Err(app.fail(site, &[M::ClientInvalid], "no client for that client id"));
    };
    if !client.active {
        return Err(app.fail(
            site,
            &[M::ClientDisabled, M::ClientInvalid],
            "client is not active",
        ));
    }
    match secret {
        _ if client.secret.is_empty() => Ok(id),
        None => Err(app.fail(
            site,
            &[M::ClientInvalid, M::BadRequest],
            "client secret not found",
        )),
        Some(s) if s == client.secret => Ok(id),
        Some(_) => Err(app.fail(site, &[M::ClientInvalid], "client secret not found")),
    }
}

fn exchange_code(app: &App, st: &mut State, req: &Req<'_>, client_id: &str) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let Some(code) = req.param("code") else {
        return missing(app, site, "code");
    };
    let now = app.now_ms();
    let Some(rec) = st.codes.get(code).cloned() else {
        return app.fail_hint(
            site,
            &[M::CodeInvalid, M::CodeExpired, M::RefreshTokenInvalid],
            "invalid_grant",
            "authorization code not found",
        );
    };
    if rec.used {
        return app.fail_hint(
            site,
            &[M::CodeInvalid, M::CodeExpired, M::RefreshTokenInvalid],
            "invalid_grant",
            "authorization code already used",
        );
    }
    if rec.expires_at_ms.is_some_and(|e| now >= e) {
        st.codes.remove(code);
        return app.fail_hint(
            site,
            &[M::CodeExpired, M::CodeInvalid, M::RefreshTokenInvalid],
            "invalid_grant",
            "authorization code expired",
        );
    }
    if rec.client_id.as_deref().is_some_and(|c| c != client_id) {
        return app.fail_hint(
            site,
            &[M::CodeInvalid, M::CodeExpired, M::RefreshTokenInvalid],
            "invalid_grant",
            "authorization code not found",
        );
    }
    if let (CodeKind::Web, Some(expected)) = (rec.kind, &rec.redirect_uri) {
        let redirect_rule = def
            .grants
            .authorization_code
            .as_ref()
            .map(|a| a.redirect_uri)
            .unwrap_or(Requirement::Optional);
        match req.param("redirect_uri") {
            Some(r) if r == expected => {}
            Some(_) => return app.fail(site, &[M::BadRequest], "redirect_uri not allowed"),
            // `optional`: the provider also accepts an exchange without it (Nest).
            None if redirect_rule != Requirement::Required => {}
            None => return missing(app, site, "redirect_uri"),
        }
    }
    if let Some((method, challenge)) = &rec.pkce {
        let Some(verifier) = req.param("code_verifier") else {
            return missing(app, site, "code_verifier");
        };
        let computed = if method == "S256" {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier))
        } else {
            verifier.to_string()
        };
        if &computed != challenge {
            return app.fail_hint(
                site,
                &[
                    M::CodeInvalid,
                    M::CodeExpired,
                    M::RefreshTokenInvalid,
                    M::BadRequest,
                ],
                "invalid_grant",
                "PKCE verification failed",
            );
        }
    }
    let with_refresh = def.grants.refresh_token.is_some() && rec.offline;
    let issued = mint(
        app,
        st,
        Mint {
            client_id,
            user: &rec.user,
            scopes: rec.scopes.clone(),
            refresh: if with_refresh {
                RefreshPlan::New
            } else {
                RefreshPlan::None
            },
            custom: None,
            lifetime: access_lifetime(def),
        },
    );
    match issued {
        Ok(issued) => {
            if let Some(r) = st.codes.get_mut(code) {
                r.used = true;
            }
            render::token(&def.token_response, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}

fn refresh(app: &App, st: &mut State, req: &Req<'_>, client_id: &str) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let Some(rt) = req.param("refresh_token").map(str::to_string) else {
        return missing(app, site, "refresh_token");
    };
    let now = app.now_ms();
    let invalid = [M::RefreshTokenInvalid, M::CodeInvalid];
    let rec = match st.refresh.get(&rt) {
        Some(rec) if rec.client_id == client_id => rec.clone(),
        _ => return app.fail_hint(site, &invalid, "invalid_grant", "refresh token not found"),
    };
    if rec.expires_at_ms.is_some_and(|e| now >= e) {
        st.revoke_refresh(&rt);
        return app.fail_hint(site, &invalid, "invalid_grant", "refresh token expired");
    }
    let keys = Keys {
        client: Some(client_id),
        user: Some(&rec.user),
        refresh_token: Some(&rt),
    };
    if let Err(e) = st.limits.hit(&def.limits, Counted::Refreshes, keys, now) {
        return app
            .fail(site, e.meanings(), "too many refreshes; try again later")
            .with_header("retry-after", e.retry_after_secs.to_string());
    }
    let rotates = def.grants.refresh_token.as_ref().is_some_and(|r| r.rotates);
    let plan = if rotates {
        RefreshPlan::New
    } else {
        RefreshPlan::Existing(rt.clone())
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
        },
    );
    match issued {
        Ok(issued) => {
            if rotates {
                st.revoke_refresh(&rt);
            }
            st.stats.refreshes += 1;
            render::token(&def.token_response, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}

fn client_credentials(app: &App, st: &mut State, client_id: &str) -> Reply {
    let def = &app.def;
    let now = app.now_ms();
    let reuses = def
        .grants
        .client_credentials
        .as_ref()
        .is_some_and(|c| c.reuses_token);
    if reuses {
        if let Some(tok) = st.cc_tokens.get(client_id).cloned() {
            if let Ok(rec) = st.check_access(&tok, now) {
                let remaining = rec.expires_at_ms.map(|e| e.saturating_sub(now) / 1000);
                let issued = Issued {
                    access_token: tok,
                    refresh_token: None,
                    expires_in_secs: remaining,
                    scopes: rec.scopes.clone(),
                    extra: extra_fields(def, &def.token_response),
                };
                return render::token(&def.token_response, &issued, &app.date());
            }
        }
    }
    // A provider without scopes may say who owns the client instead (Marketo's API-only
    // user, in `scope`).
    let owner = match def.scopes {
        None => st.owners.get(client_id).cloned(),
        Some(_) => None,
    };
    let issued = mint(
        app,
        st,
        Mint {
            client_id,
            user: client_id,
            scopes: owner.into_iter().collect(),
            refresh: RefreshPlan::None,
            custom: None,
            lifetime: access_lifetime(def),
        },
    );
    match issued {
        Ok(issued) => {
            if reuses {
                st.cc_tokens
                    .insert(client_id.to_string(), issued.access_token.clone());
            }
            render::token(&def.token_response, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}
