//! The revocation endpoint: RFC 7009 (`token` in the body) or a token in the path (`{token}`
//! in the template, or appended to it as Nest's `DELETE .../access_tokens/<token>`).
//!
//! Revoking a refresh token ends the access tokens minted from it. An unknown token is a
//! success unless the def has a rule written for the revoke site (Zoho: 400, Nest: 404).

use axum::http::Method as HttpMethod;
use oauth_model::{ErrorMeaning as M, ErrorSite};

use super::request::Req;
use super::{missing, App};
use crate::render::{self, Reply};

pub(super) fn revoke(app: &App, req: &Req<'_>, tail: Option<String>) -> Reply {
    let token = tail.or_else(|| req.param("token").map(str::to_string));
    let Some(token) = token else {
        return missing(app, ErrorSite::Revoke, "token");
    };
    let mut st = app.lock();
    let revoked = if st.refresh.contains_key(&token) {
        st.revoke_refresh(&token)
    } else {
        st.access.remove(&token).is_some()
    };
    if revoked {
        st.cc_tokens.retain(|_, t| *t != token);
        st.stats.revocations += 1;
    } else {
        // RFC 7009 §2.2 says unknown tokens are not an error, but some providers (Zoho: 400,
        // Nest: 404) say otherwise in rules written for the revoke site.
        let meanings = [M::AccessTokenInvalid, M::RefreshTokenInvalid];
        if render::has_rule_at(&app.def, ErrorSite::Revoke, &meanings) {
            return app.fail(ErrorSite::Revoke, &meanings, "token not found");
        }
    }
    Reply {
        status: if *req.method == HttpMethod::DELETE {
            204
        } else {
            200
        },
        content_type: "application/json",
        body: if *req.method == HttpMethod::DELETE {
            String::new()
        } else {
            "{}".to_string()
        },
        headers: Vec::new(),
    }
}
