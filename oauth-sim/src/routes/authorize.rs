//! The authorize endpoint: the consent page of the authorization-code flow and the PIN page.
//!
//! It checks the client and the redirect URI, `response_type=code` (on the redirect flow,
//! where the provider has the parameter), `state`, PKCE (required of public clients unless
//! the provider has none), the scopes, and in strict mode the grant's fixed `params`; applies
//! the scripted [`Consent`]; enforces the authorization-code rate limits; and issues codes
//! (or PINs) with the def's lifetime and length, each with the connection values of its
//! authorization and the scopes of the secondary token sets asked for (the scopes section's
//! further `params`, Slack's `user_scope`). `access_type` (fixed or an extra parameter)
//! decides whether the code yields a refresh token: only `offline` does.
//!
//! Errors go back through [`super::callback`] when there is a redirect URI to trust, as a page
//! on the PIN page (Nest shows them to the user: "Oops! We found an error", "connection to
//! `<company>` is not available"), in the provider's error body otherwise. It never issues
//! tokens.

use std::collections::HashSet;
use std::sync::MutexGuard;

use oauth_model::{Counted, ErrorMeaning as M, ErrorSite, Lifetime, Requirement};

use super::callback::Callback;
use super::request::Req;
use super::{
    callback_value, connection, default_values, expires_at, missing, required, split_list,
    split_scopes, App,
};
use crate::limits::Keys;
use crate::render::{self, Reply};
use crate::secret::Secret;
use crate::state::{
    random_pin, random_token, CodeKind, CodeRec, Connection, Consent, PendingConsent, PendingKind,
    State, WebAuthorization, MAX_PENDING_CONSENTS,
};

/// Where the def documents no code lifetime.
const DEFAULT_CODE_SECS: u64 = 600;
/// Where the def documents no code length.
const DEFAULT_CODE_LEN: usize = 32;
/// Where the def documents no PIN length.
const DEFAULT_PIN_LEN: usize = 8;

pub(super) fn authorize(app: &App, req: &Req<'_>) -> Reply {
    let def = &app.def;
    let site = ErrorSite::Authorize;
    let redirect_param = req.std("redirect_uri");
    // Errors on the PIN page are shown to the user, as a page; until the client is known, a
    // request without a redirect URI to a provider with PINs may be for that page.
    let maybe_pin_page = def.grants.pin.is_some() && redirect_param.is_none();
    let client_wire = req.wire("client_id").unwrap_or("client_id");
    let Some(client_id) = req.std("client_id") else {
        if maybe_pin_page {
            return page_error(
                app,
                &[M::BadRequest],
                &format!("missing required parameters: {client_wire}"),
            );
        }
        return missing(app, site, client_wire);
    };
    let mut st = app.lock();
    let Some(client) = st.clients.get(client_id).cloned() else {
        if maybe_pin_page {
            // Nest's page for "no client for that client id" (and for a provider failure).
            return page_error(app, &[M::ClientInvalid], "Oops! We found an error");
        }
        return app.fail(site, &[M::ClientInvalid], "no client for that client id");
    };
    let ac = def.grants.authorization_code.as_ref();
    let redirect_rule = ac.map(|a| a.redirect_uri).unwrap_or(Requirement::Optional);
    let explicit_redirect = redirect_param.map(str::to_string);
    let redirect = match &explicit_redirect {
        Some(r) if client.allows_redirect(r) => Some(r.clone()),
        Some(_) => {
            return app.fail(site, &[M::BadRequest], "redirect_uri not pre-registered");
        }
        None if redirect_rule == Requirement::Required && def.grants.pin.is_none() => {
            return missing(
                app,
                site,
                req.wire("redirect_uri").unwrap_or("redirect_uri"),
            );
        }
        None => client.redirect_uris.first().cloned(),
    };
    let state_rule = match (&redirect, ac, &def.grants.pin) {
        (None, _, Some(pin)) => pin.state,
        (_, Some(a), _) => a.state,
        _ => Requirement::Optional,
    };
    let state = req.std("state").map(str::to_string);
    if state.is_none() && state_rule == Requirement::Required {
        if redirect.is_none() {
            return page_error(app, &[M::BadRequest], "missing required parameters: state");
        }
        return missing(app, site, req.wire("state").unwrap_or("state"));
    }
    let consent = st.consent.clone();
    let now = app.now_ms();
    let Some(redirect) = redirect else {
        // No redirect URI at all: the PIN page.
        return match consent {
            Consent::Approve { user } => {
                if let Some(company) = over_user_quota(&st, client_id, &user, now) {
                    let message = format!("connection to {company} is not available");
                    return page_error(app, &[M::AccessDenied], &message);
                }
                let pin = issue_pin_locked(app, &mut st, &user);
                render::pin_page(&app.def.display_name, &pin)
            }
            Consent::Deny => page_error(app, &[M::AccessDenied], "the user denied access"),
            Consent::ServerError => page_error(app, &[M::ServerError], "Oops! We found an error"),
            Consent::Ask => ask(
                app,
                &mut st,
                client_id,
                split_scopes(def, req.std("scope")),
                PendingKind::Pin,
            ),
        };
    };
    let Ok(target) = url::Url::parse(&redirect) else {
        return app.fail(site, &[M::BadRequest], "redirect_uri is not a URL");
    };
    let redirect_error = |meaning: M, hint: Option<&str>, description: &str| {
        error_redirect(
            app,
            &target,
            state.as_deref(),
            &client.secret,
            (meaning, hint),
            description,
        )
    };
    if let Some(wire) = req.wire("response_type") {
        match req.param(wire) {
            Some("code") => {}
            None => {
                return redirect_error(
                    M::BadRequest,
                    None,
                    &format!("missing required parameters: {wire}"),
                )
            }
            Some(_) => {
                return redirect_error(
                    M::BadRequest,
                    Some("unsupported_response_type"),
                    "unsupported response_type",
                )
            }
        }
    }
    // `None`: the user decides on the consent page, once the request has passed its checks.
    let user = match consent {
        Consent::Approve { user } => match over_user_quota(&st, client_id, &user, now) {
            Some(company) => {
                let message = format!("connection to {company} is not available");
                return redirect_error(M::AccessDenied, None, &message);
            }
            None => Some(user),
        },
        Consent::Deny => return redirect_error(M::AccessDenied, None, "the user denied access"),
        Consent::ServerError => return redirect_error(M::ServerError, None, "the provider failed"),
        Consent::Ask => None,
    };
    let public = client.is_public()
        && (def.client_auth.method == oauth_model::ClientAuth::None
            || def.client_auth.public.is_some());
    let pkce_rule = ac.map_or(Requirement::Unsupported, |a| a.pkce);
    let pkce = match req.std("code_challenge") {
        Some(ch) => {
            let method = req.std("code_challenge_method").unwrap_or("plain");
            if method != "S256" && method != "plain" {
                return redirect_error(M::BadRequest, None, "unsupported code_challenge_method");
            }
            Some((method.to_string(), ch.to_string()))
        }
        None if pkce_rule == Requirement::Required => {
            return redirect_error(M::BadRequest, None, "code_challenge required");
        }
        None if public && pkce_rule != Requirement::Unsupported => {
            return redirect_error(
                M::BadRequest,
                None,
                "code_challenge required for public clients",
            );
        }
        None => None,
    };
    let scope_param = req.std("scope");
    if let Some(scopes) = &def.scopes {
        if scopes.required && scope_param.is_none() {
            return redirect_error(M::InsufficientScope, None, "scope required");
        }
    }
    let scopes = split_scopes(def, scope_param);
    // Further scope parameters (Slack's `user_scope`) scope the secondary sets, in order.
    let separator = def.scopes.as_ref().map_or(" ", |s| s.separator.as_ref());
    let secondary_scopes: Vec<Vec<String>> = def
        .scopes
        .as_ref()
        .map(|s| {
            s.params
                .iter()
                .skip(1)
                .map(|p| {
                    req.param(p)
                        .map(|raw| split_list(separator, raw))
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    if let Some(a) = ac {
        if let Err(wrong) = required::params(app, st.strict_params, req, &a.params, Some(client_id))
        {
            return redirect_error(M::BadRequest, None, &wrong.describe());
        }
    }
    // `access_type` (Zoho, Google): refresh tokens only for offline access.
    let offline = match ac {
        Some(a) if a.params.iter().any(|p| p.name == "access_type") => {
            req.param("access_type") == Some("offline")
        }
        Some(a) => match a.extra_params.iter().find(|p| p.name == "access_type") {
            Some(p) => req.param("access_type").or(p.default.as_deref()) == Some("offline"),
            None => true,
        },
        None => true,
    };
    let web = WebAuthorization {
        target,
        explicit_redirect,
        state,
        scopes,
        pkce,
        offline,
        secondary_scopes,
        nonce: req.param("nonce").map(str::to_string),
    };
    match user {
        Some(user) => issue_code(app, st, client_id, &client.secret, web, &user),
        None => {
            let shown = web.scopes.clone();
            ask(
                app,
                &mut st,
                client_id,
                shown,
                PendingKind::Web(Box::new(web)),
            )
        }
    }
}

/// Keeps a checked request for the consent page ([`Consent::Ask`]) and shows the page.
fn ask(
    app: &App,
    st: &mut State,
    client_id: &str,
    scopes: Vec<String>,
    kind: PendingKind,
) -> Reply {
    if st.consents.len() >= MAX_PENDING_CONSENTS {
        let oldest = st
            .consents
            .iter()
            .min_by_key(|(_, p)| p.created_ms)
            .map(|(id, _)| id.clone());
        if let Some(id) = oldest {
            st.consents.remove(&id);
        }
    }
    let id = random_token(32);
    let page = render::consent_page(&render::ConsentPage {
        provider: &app.def.display_name,
        client_id,
        scopes: &scopes,
        action: super::consent::CONSENT_PATH,
        hidden: &[("request", id.as_str())],
        error: None,
        pin: matches!(kind, PendingKind::Pin),
    });
    st.consents.insert(
        id,
        PendingConsent {
            client_id: client_id.to_string(),
            scopes,
            created_ms: app.now_ms(),
            kind,
        },
    );
    page
}

/// The authorization response carrying an error, as the grant's response mode sends it.
pub(super) fn error_redirect(
    app: &App,
    target: &url::Url,
    state: Option<&str>,
    secret: &Secret,
    (meaning, hint): (M, Option<&str>),
    description: &str,
) -> Reply {
    let mut cb = Callback::new(target.clone());
    cb.push(
        "error",
        &render::authorize_error_code(&app.def, meaning, hint),
    );
    cb.push("error_description", description);
    if let Some(s) = state {
        cb.push("state", s);
    }
    cb.deliver(app, secret)
}

/// Issues the code of a checked request to `user` (the authorization-code rate limits
/// first) and sends it to the redirect URI.
pub(super) fn issue_code(
    app: &App,
    mut st: MutexGuard<'_, State>,
    client_id: &str,
    secret: &Secret,
    web: WebAuthorization,
    user: &str,
) -> Reply {
    let def = &app.def;
    let ac = def.grants.authorization_code.as_ref();
    let now = app.now_ms();
    let keys = Keys {
        client: Some(client_id),
        user: Some(user),
        refresh_token: None,
    };
    if let Err(e) = st
        .limits
        .hit(&def.limits, Counted::AuthorizationCodes, keys, now)
    {
        return error_redirect(
            app,
            &web.target,
            web.state.as_deref(),
            secret,
            (M::RateLimited, None),
            &format!(
                "too many authorization codes; try again in {} s",
                e.retry_after_secs
            ),
        );
    }
    let len = ac
        .and_then(|a| a.code_length)
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or(DEFAULT_CODE_LEN);
    let code = random_token(len);
    let lifetime = def
        .lifetimes
        .authorization_code
        .unwrap_or(Lifetime::Secs(DEFAULT_CODE_SECS));
    let connection = connection::draw(app, &st);
    st.codes.insert(
        code.clone(),
        CodeRec {
            kind: CodeKind::Web,
            client_id: Some(client_id.to_string()),
            redirect_uri: web.explicit_redirect,
            user: user.to_string(),
            scopes: web.scopes,
            expires_at_ms: expires_at(now, lifetime),
            pkce: web.pkce,
            offline: web.offline,
            used: false,
            secondary_scopes: web.secondary_scopes,
            nonce: web.nonce,
            connection: connection.clone(),
        },
    );
    st.stats.codes_issued += 1;
    drop(st);
    let mut cb = Callback::new(web.target);
    cb.push("code", &code);
    if let Some(s) = &web.state {
        cb.push("state", s);
    }
    let values = default_values(def);
    for cp in ac.map(|a| &a.callback_params[..]).unwrap_or(&[]) {
        if let Some(v) = callback_value(def, &values, cp.variable, cp.by_property) {
            cb.push(&cp.name, &v);
        }
    }
    for (param, value) in connection::callback_params(def, &connection) {
        cb.push(&param, &value);
    }
    cb.deliver(app, secret)
}

/// An error shown on the PIN page: the message as a page, with the status the provider's
/// error body for it would have had.
pub(super) fn page_error(app: &App, meanings: &[M], message: &str) -> Reply {
    let status = app.fail(ErrorSite::Authorize, meanings, message).status;
    render::page(status, "error", message)
}

/// The company name to show when `user` would be one user too many for the client's quota
/// (users holding live tokens of that client), if the client has one.
pub(super) fn over_user_quota(
    st: &State,
    client_id: &str,
    user: &str,
    now_ms: u64,
) -> Option<String> {
    let (company, max) = st.user_quotas.get(client_id)?;
    let connected: HashSet<&str> = st
        .access
        .values()
        .filter(|a| a.client_id == client_id && a.expires_at_ms.is_none_or(|e| now_ms < e))
        .map(|a| a.user.as_str())
        .collect();
    (!connected.contains(user) && connected.len() >= *max).then(|| company.clone())
}

pub(crate) fn issue_pin_locked(app: &App, st: &mut State, user: &str) -> String {
    let def = &app.def;
    let len = def
        .grants
        .pin
        .as_ref()
        .and_then(|p| p.code_length)
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or(DEFAULT_PIN_LEN);
    let pin = random_pin(len);
    let lifetime = def
        .lifetimes
        .pin_code
        .or(def.lifetimes.authorization_code)
        .unwrap_or(Lifetime::Secs(DEFAULT_CODE_SECS));
    let connection: Connection = connection::draw(app, st);
    st.codes.insert(
        pin.clone(),
        CodeRec {
            kind: CodeKind::Pin,
            client_id: None,
            redirect_uri: None,
            user: user.to_string(),
            scopes: split_scopes(def, None),
            expires_at_ms: expires_at(app.now_ms(), lifetime),
            pkce: None,
            offline: true,
            used: false,
            secondary_scopes: Vec::new(),
            nonce: None,
            connection,
        },
    );
    st.stats.pins_issued += 1;
    pin
}
