//! The consent page's answer ([`Consent::Ask`]): `POST /sim/consent` with the page's
//! `request` id, the `user` signing in (and a `password`, checked only for a user registered
//! with one) and `decision=approve` or `deny`.
//!
//! Approving issues what the request was checked for: a code sent to the redirect URI (the
//! user quota and the authorization-code limits are applied now, as the user is known only
//! now), or a PIN shown on the PIN page. Denying sends `access_denied` back the same way. A
//! request id serves once; an unknown or used one, or one older than the code lifetime, is a
//! page saying to start again.
//!
//! [`Consent::Ask`]: crate::Consent::Ask

use oauth_model::{ErrorMeaning as M, Lifetime};

use super::authorize::{error_redirect, issue_code, issue_pin_locked, over_user_quota, page_error};
use super::request::Req;
use super::App;
use crate::render::{self, Reply};
use crate::state::{PendingKind, State};

/// Where the consent page's form posts.
pub(crate) const CONSENT_PATH: &str = "/sim/consent";
/// The route name of the consent page's answer.
pub(crate) const CONSENT_NAME: &str = "consent";
/// How long a consent page waits where the def documents no code lifetime.
const DEFAULT_WAIT_SECS: u64 = 600;

/// Who signs in on a page: the user name (trimmed) when it is not empty and the password is
/// right for a user registered with one; otherwise what to tell the user.
pub(super) fn sign_in(st: &State, req: &Req<'_>) -> Result<String, &'static str> {
    let user = req.param("user").map(str::trim).unwrap_or_default();
    if user.is_empty() {
        return Err("Enter a user name to sign in.");
    }
    if let Some(password) = st.users.get(user) {
        let given = req.param("password").unwrap_or_default();
        if !crate::secret::Secret::new(password).matches(given) {
            return Err("Wrong password for that user.");
        }
    }
    Ok(user.to_string())
}

/// `POST /sim/consent`.
pub(super) fn answer(app: &App, req: &Req<'_>) -> Reply {
    const ID: &str = "error";
    let Some(id) = req.param("request") else {
        return render::page(400, ID, "missing required parameters: request");
    };
    let mut st = app.lock();
    let Some(pending) = st.consents.remove(id) else {
        return render::page(
            400,
            ID,
            "This sign-in request is unknown or was already answered; start again from the \
             application.",
        );
    };
    let wait_ms = match app.def.lifetimes.authorization_code {
        Some(Lifetime::Secs(s)) => s.saturating_mul(1000),
        _ => DEFAULT_WAIT_SECS * 1000,
    };
    if app.now_ms().saturating_sub(pending.created_ms) > wait_ms {
        return render::page(
            400,
            ID,
            "This sign-in request has expired; start again from the application.",
        );
    }
    let Some(client) = st.clients.get(&pending.client_id).cloned() else {
        return page_error(app, &[M::ClientInvalid], "no client for that client id");
    };
    let approve = match req.param("decision") {
        Some("approve") => true,
        Some("deny") => false,
        _ => {
            return render::page(400, ID, "decision must be `approve` or `deny`");
        }
    };
    let user = if approve {
        match sign_in(&st, req) {
            Ok(user) => Some(user),
            Err(why) => {
                // The same request, shown again with what went wrong.
                let page = render::consent_page(&render::ConsentPage {
                    provider: &app.def.display_name,
                    client_id: &pending.client_id,
                    scopes: &pending.scopes,
                    action: CONSENT_PATH,
                    hidden: &[("request", id)],
                    error: Some(why),
                    pin: matches!(pending.kind, PendingKind::Pin),
                });
                st.consents.insert(id.to_string(), pending);
                return Reply {
                    status: 401,
                    ..page
                };
            }
        }
    } else {
        None
    };
    let now = app.now_ms();
    match pending.kind {
        PendingKind::Pin => match user {
            None => page_error(app, &[M::AccessDenied], "the user denied access"),
            Some(user) => {
                if let Some(company) = over_user_quota(&st, &pending.client_id, &user, now) {
                    let message = format!("connection to {company} is not available");
                    return page_error(app, &[M::AccessDenied], &message);
                }
                let pin = issue_pin_locked(app, &mut st, &user);
                render::pin_page(&app.def.display_name, &pin)
            }
        },
        PendingKind::Web(web) => {
            let deny = |meaning: M, why: &str| {
                error_redirect(
                    app,
                    &web.target,
                    web.state.as_deref(),
                    &client.secret,
                    (meaning, None),
                    why,
                )
            };
            let Some(user) = user else {
                return deny(M::AccessDenied, "the user denied access");
            };
            if let Some(company) = over_user_quota(&st, &pending.client_id, &user, now) {
                let message = format!("connection to {company} is not available");
                return deny(M::AccessDenied, &message);
            }
            issue_code(app, st, &pending.client_id, &client.secret, *web, &user)
        }
    }
}
