//! The client credentials grant, under the def's `grant_type` (Zoom's
//! `account_credentials`): a token for the client itself. Where the grant `reuses_token`
//! (Marketo) the same token comes back, with what is left of its life, until it expires. A
//! provider without scopes may say who owns the client instead (Marketo's API-only user, in
//! `scope`). In strict mode the grant's fixed `params` must be sent.

use oauth_model::{ErrorMeaning as M, GrantKind};

use super::mint::{access_lifetime, again, mint, Mint, RefreshPlan};
use super::request::Req;
use super::{connection, required, App};
use crate::render::{self, Reply};
use crate::state::State;

pub(super) fn issue(app: &App, st: &mut State, req: &Req<'_>, client_id: &str) -> Reply {
    let def = &app.def;
    let now = app.now_ms();
    let Some(cc) = def.grants.client_credentials.as_ref() else {
        return app.fail_grant(None, &[M::BadRequest], None, "no client credentials grant");
    };
    if let Err(wrong) = required::params(app, st.strict_params, req, &cc.params, Some(client_id)) {
        return app.fail_grant(
            Some(GrantKind::ClientCredentials),
            &[M::BadRequest],
            None,
            &wrong.describe(),
        );
    }
    if cc.reuses_token {
        if let Some(tok) = st.cc_tokens.get(client_id).cloned() {
            if let Ok(rec) = st.check_access(&tok, now) {
                let rec = rec.clone();
                let issued = again(app, st, &tok, &rec, None);
                return render::token(&def.token_response, &issued, &app.date());
            }
        }
    }
    let owner = match def.scopes {
        None => st.owners.get(client_id).cloned(),
        Some(_) => None,
    };
    let connection = connection::draw(app, st);
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
            connection,
            redirect_uri: None,
        },
    );
    match issued {
        Ok(issued) => {
            if cc.reuses_token {
                st.cc_tokens
                    .insert(client_id.to_string(), issued.access_token.clone());
            }
            render::token(&def.token_response, &issued, &app.date())
        }
        Err(reply) => reply,
    }
}
