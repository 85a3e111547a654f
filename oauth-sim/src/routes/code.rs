//! The code exchange (`grant_type=authorization_code`), for web codes and PINs: the code must
//! be live, unused and the client's; an explicit redirect URI at authorize must be repeated;
//! a PKCE challenge must be answered (S256 or plain); in strict mode `token_params` (Shopify's
//! `expiring=1`) must be sent. A refresh token comes with the tokens where the def has a
//! refresh grant that renews with refresh tokens and the authorization was for offline
//! access; the secondary sets asked for at authorize come along, and for an OpenID provider an
//! `openid` authorization gets its ID token (`crate::oidc`).

use base64::Engine;
use oauth_model::{ErrorMeaning as M, ErrorSite, GrantKind, RenewWith, Requirement};
use sha2::{Digest, Sha256};

use super::client_auth::Authenticated;
use super::mint::{access_lifetime, mint_sets, Mint, RefreshPlan};
use super::request::Req;
use super::{missing, required, App};
use crate::render::{self, Reply};
use crate::state::{CodeKind, State};

pub(super) fn exchange(app: &App, st: &mut State, req: &Req<'_>, client: &Authenticated) -> Reply {
    let def = &app.def;
    let site = ErrorSite::TokenEndpoint;
    let grant = Some(GrantKind::AuthorizationCode);
    let invalid =
        |meanings: &[M], why: &str| app.fail_grant(grant, meanings, Some("invalid_grant"), why);
    let client_id = client.client_id.as_str();
    let Some(code) = req.std("code") else {
        return missing(app, site, req.wire("code").unwrap_or("code"));
    };
    let now = app.now_ms();
    let not_found = [M::CodeInvalid, M::CodeExpired, M::RefreshTokenInvalid];
    let Some(rec) = st.codes.get(code).cloned() else {
        return invalid(&not_found, "authorization code not found");
    };
    if rec.used {
        return invalid(&not_found, "authorization code already used");
    }
    if rec.expires_at_ms.is_some_and(|e| now >= e) {
        st.codes.remove(code);
        return invalid(
            &[M::CodeExpired, M::CodeInvalid, M::RefreshTokenInvalid],
            "authorization code expired",
        );
    }
    if rec.client_id.as_deref().is_some_and(|c| c != client_id) {
        return invalid(&not_found, "authorization code not found");
    }
    let ac = def.grants.authorization_code.as_ref();
    if let (CodeKind::Web, Some(expected)) = (rec.kind, &rec.redirect_uri) {
        let redirect_rule = ac.map(|a| a.redirect_uri).unwrap_or(Requirement::Optional);
        match req.std("redirect_uri") {
            Some(r) if r == expected => {}
            Some(_) => {
                return app.fail_grant(grant, &[M::BadRequest], None, "redirect_uri not allowed")
            }
            // `optional`: the provider also accepts an exchange without it (Nest).
            None if redirect_rule != Requirement::Required => {}
            None => {
                return missing(
                    app,
                    site,
                    req.wire("redirect_uri").unwrap_or("redirect_uri"),
                )
            }
        }
    }
    if let Some((method, challenge)) = &rec.pkce {
        let Some(verifier) = req.std("code_verifier") else {
            return missing(
                app,
                site,
                req.wire("code_verifier").unwrap_or("code_verifier"),
            );
        };
        let computed = if method == "S256" {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier))
        } else {
            verifier.to_string()
        };
        if &computed != challenge {
            return invalid(
                &[
                    M::CodeInvalid,
                    M::CodeExpired,
                    M::RefreshTokenInvalid,
                    M::BadRequest,
                ],
                "PKCE verification failed",
            );
        }
    }
    if rec.kind == CodeKind::Web {
        let token_params = ac.map(|a| &a.token_params[..]).unwrap_or(&[]);
        if let Err(wrong) =
            required::params(app, st.strict_params, req, token_params, Some(client_id))
        {
            return app.fail_grant(grant, &[M::BadRequest], None, &wrong.describe());
        }
    }
    let renews_with_refresh_tokens = def
        .grants
        .refresh_token
        .as_ref()
        .is_some_and(|r| r.renew_with == RenewWith::RefreshToken);
    let with_refresh = renews_with_refresh_tokens && rec.offline;
    let issued = mint_sets(
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
            connection: rec.connection.clone(),
            redirect_uri: rec.redirect_uri.clone().or_else(|| {
                st.clients
                    .get(client_id)
                    .and_then(|c| c.redirect_uris.first().cloned())
            }),
        },
        &rec.secondary_scopes,
    );
    match issued {
        Ok(mut issued) => {
            if let Some(r) = st.codes.get_mut(code) {
                r.used = true;
            }
            // An OpenID login: the ID token of the authorization (see `crate::oidc`).
            if let Some(oidc) = app
                .oidc
                .as_ref()
                .filter(|_| rec.kind == CodeKind::Web && rec.scopes.iter().any(|s| s == "openid"))
            {
                let tamper = st.id_token_tamper.take();
                let id_token = oidc.id_token(
                    client_id,
                    &rec.user,
                    rec.nonce.as_deref(),
                    &issued.access_token,
                    app.now_unix(),
                    tamper,
                );
                issued.extra.push(("id_token".into(), id_token));
            }
            render::token(&def.token_response, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}
