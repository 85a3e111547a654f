//! Minting: the one place access and refresh tokens are created.
//!
//! Every grant goes through [`mint`], so the caps of the def (refresh tokens per user, access
//! tokens per refresh token) hold whatever grant asks, with their refusal or eviction policy.
//! It renders no success body; the caller does, in the format of the grant it serves.

use oauth_model::{
    Capped, ErrorMeaning as M, ErrorSite, Lifetime, ProviderDef, ResponseDef, VariableKind,
};

use super::{callback_value, default_values, expires_at, App};
use crate::limits::Keys;
use crate::render::{Issued, Reply};
use crate::state::{random_token, AccessRec, RefreshRec, State};

/// Where the def documents no access-token lifetime.
const DEFAULT_ACCESS_SECS: u64 = 3600;
/// Length of minted tokens.
const TOKEN_LEN: usize = 40;

/// How a mint treats refresh tokens.
pub(super) enum RefreshPlan {
    None,
    New,
    Existing(String),
}

pub(super) struct Mint<'a> {
    pub client_id: &'a str,
    pub user: &'a str,
    pub scopes: Vec<String>,
    pub refresh: RefreshPlan,
    pub custom: Option<usize>,
    pub lifetime: Lifetime,
}

/// Mints an access token (and a refresh token when asked), enforcing caps.
pub(super) fn mint(app: &App, st: &mut State, m: Mint<'_>) -> Result<Issued, Reply> {
    let def = &app.def;
    let now = app.now_ms();
    let user_keys = Keys {
        client: Some(m.client_id),
        user: Some(m.user),
        refresh_token: None,
    };
    let mut new_refresh = None;
    if let RefreshPlan::New = m.refresh {
        let State {
            limits, refresh, ..
        } = &mut *st;
        if limits.would_reject(&def.limits, Capped::RefreshTokens, user_keys, |t| {
            refresh.contains_key(t)
        }) {
            return Err(app.fail(
                ErrorSite::TokenEndpoint,
                &[M::QuotaExhausted, M::RateLimited, M::AccessDenied],
                "Access Denied: the user holds the maximum number of refresh tokens",
            ));
        }
        let rt = random_token(TOKEN_LEN);
        let rt_life = def.lifetimes.refresh_token.unwrap_or(Lifetime::Never);
        refresh.insert(
            rt.clone(),
            RefreshRec {
                user: m.user.to_string(),
                client_id: m.client_id.to_string(),
                scopes: m.scopes.clone(),
                expires_at_ms: expires_at(now, rt_life),
            },
        );
        let evicted = limits.minted(&def.limits, Capped::RefreshTokens, user_keys, &rt, |t| {
            refresh.contains_key(t)
        });
        for old in evicted {
            st.revoke_refresh(&old);
        }
        st.stats.refresh_tokens_issued += 1;
        new_refresh = Some(rt);
    }
    let attached = match &m.refresh {
        RefreshPlan::None => None,
        RefreshPlan::New => new_refresh.clone(),
        RefreshPlan::Existing(rt) => Some(rt.clone()),
    };
    let at = random_token(TOKEN_LEN);
    st.access.insert(
        at.clone(),
        AccessRec {
            user: m.user.to_string(),
            client_id: m.client_id.to_string(),
            scopes: m.scopes.clone(),
            issued_at_ms: now,
            expires_at_ms: expires_at(now, m.lifetime),
            refresh: attached.clone(),
            custom: m.custom,
        },
    );
    let keys = Keys {
        refresh_token: attached.as_deref(),
        ..user_keys
    };
    let State { limits, access, .. } = &mut *st;
    let evicted = limits.minted(&def.limits, Capped::AccessTokens, keys, &at, |t| {
        access.contains_key(t)
    });
    for old in evicted {
        st.access.remove(&old);
    }
    st.stats.access_tokens_issued += 1;
    Ok(Issued {
        access_token: at,
        refresh_token: new_refresh,
        expires_in_secs: match m.lifetime {
            Lifetime::Secs(s) => Some(s),
            Lifetime::Never => None,
        },
        scopes: m.scopes,
        extra: extra_fields(def, &def.token_response),
    })
}

/// Extra response fields (`api_domain`) filled from a choice property of the same name.
pub(super) fn extra_fields(def: &ProviderDef, resp: &ResponseDef) -> Vec<(String, String)> {
    let values = default_values(def);
    resp.extra_fields
        .iter()
        .filter_map(|field| {
            def.variables.iter().enumerate().find_map(|(i, v)| {
                let VariableKind::Choice { properties, .. } = &v.kind else {
                    return None;
                };
                let p = properties.iter().position(|p| p == field)?;
                callback_value(def, &values, i, Some(p)).map(|val| (field.to_string(), val))
            })
        })
        .collect()
}

pub(super) fn access_lifetime(def: &ProviderDef) -> Lifetime {
    def.lifetimes
        .access_token
        .unwrap_or(Lifetime::Secs(DEFAULT_ACCESS_SECS))
}
