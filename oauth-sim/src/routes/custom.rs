//! Custom token requests (the legacy Zoho authtoken): parameters as the def lists them, a
//! registered user and password, and a reply in the grant's own response format.
//!
//! The def gives parameters no roles, so the first plain input names the user and the first
//! secret input is the password. An unknown user, a wrong password and an unconfirmed account
//! fail with their `CAUSE`. Tokens come from [`super::mint`] like every other grant.

use oauth_model::{ErrorMeaning as M, ErrorSite, GrantKind, Lifetime, ParamSource};

use super::mint::{mint, Mint, RefreshPlan};
use super::request::Req;
use super::App;
use crate::render::{self, Failure, Reply};

pub(super) fn custom(app: &App, req: &Req<'_>, index: usize) -> Reply {
    let def = &app.def;
    let Some(grant) = def.grants.custom.get(index) else {
        return app.fail(ErrorSite::TokenEndpoint, &[M::ServerError], "no such grant");
    };
    let resp = &grant.response;
    let fail = |meanings: &[M], description: &str| {
        app.answer(Failure {
            response: Some(resp),
            grant: Some(GrantKind::Custom),
            ..Failure::new(ErrorSite::TokenEndpoint, meanings, description)
        })
    };
    let mut st = app.lock();
    st.count_request(&grant.name);
    // The def gives parameters no roles: the first plain input names the user, the first
    // secret input is the password.
    let mut user = None;
    let mut password = None;
    for p in grant.params.iter() {
        let value = req.param(&p.wire);
        match &p.source {
            ParamSource::Value(fixed) => {
                if value != Some(fixed.as_ref()) {
                    return fail(
                        &[M::BadRequest],
                        &format!("parameter {} must be {fixed}", p.wire),
                    );
                }
            }
            ParamSource::Input { secret, .. } => {
                let Some(value) = value else {
                    return fail(
                        &[M::BadRequest],
                        &format!("missing required parameters: {}", p.wire),
                    );
                };
                if *secret {
                    password.get_or_insert(value);
                } else {
                    user.get_or_insert(value);
                }
            }
        }
    }
    let user = user.unwrap_or("");
    let cause = match (st.users.get(user), password) {
        (None, _) => Some("NO_SUCH_USER"),
        (Some(expected), Some(given)) if expected == given => None,
        // A grant without a secret parameter only needs a known user.
        (Some(_), None) => None,
        (Some(_), Some(_)) => Some("INVALID_PASSWORD"),
    };
    // Checked after the password, as a provider would: only the account's owner learns that
    // its registration is unconfirmed.
    let cause = cause.or_else(|| {
        st.unconfirmed_users
            .contains(user)
            .then_some("ACCOUNT_REGISTRATION_NOT_CONFIRMED")
    });
    if let Some(cause) = cause {
        return fail(&[M::AccessDenied, M::ClientInvalid, M::BadRequest], cause);
    }
    let issued = mint(
        app,
        &mut st,
        Mint {
            client_id: "",
            user,
            scopes: Vec::new(),
            refresh: RefreshPlan::None,
            custom: Some(index),
            // The def has no lifetime per custom grant; the legacy authtoken is permanent.
            lifetime: Lifetime::Never,
            connection: Default::default(),
            redirect_uri: None,
        },
    );
    match issued {
        Ok(mut issued) => {
            issued.extra.clear();
            issued.scopes.clear();
            render::token(resp, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}
