//! Minting: the one place access and refresh tokens are created.
//!
//! Every grant goes through [`mint`], so the caps of the def (refresh tokens per user, access
//! tokens per refresh token) hold whatever grant asks, with their refusal or eviction policy
//! (and the error rule a cap names). It also fills in what every token response carries
//! besides the tokens: the absolute expiry, what is left of the refresh token's life, extra
//! fields and connection values. [`mint_sets`] adds the secondary token sets (Slack's user
//! token). It renders no body; the caller does, in the format of the grant it serves.

use oauth_model::{
    Capped, ErrorMeaning as M, ErrorSite, Lifetime, ProviderDef, ResponseDef, VariableKind,
};

use super::{callback_value, connection, default_values, expires_at, App};
use crate::limits::Keys;
use crate::render::{Failure, Issued, Reply};
use crate::state::{random_token, AccessRec, Connection, RefreshRec, State};

/// Where the def documents no access-token lifetime.
const DEFAULT_ACCESS_SECS: u64 = 3600;
/// Length of minted tokens.
const TOKEN_LEN: usize = 40;

/// How a mint treats refresh tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The authorization's connection values.
    pub connection: Connection,
    /// The authorization's redirect URI, kept with a new refresh token.
    pub redirect_uri: Option<String>,
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
        if let Err(full) = limits.would_reject(&def.limits, Capped::RefreshTokens, user_keys, |t| {
            refresh.contains_key(t)
        }) {
            return Err(app.answer(Failure {
                response: Some(&def.token_response),
                rule: full.error,
                ..Failure::new(
                    ErrorSite::TokenEndpoint,
                    &[M::QuotaExhausted, M::RateLimited, M::AccessDenied],
                    "Access Denied: the user holds the maximum number of refresh tokens",
                )
            }));
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
                redirect_uri: m.redirect_uri.clone(),
                connection: m.connection.clone(),
                latest_access: None,
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
    let expires = expires_at(now, m.lifetime);
    st.access.insert(
        at.clone(),
        AccessRec {
            user: m.user.to_string(),
            client_id: m.client_id.to_string(),
            scopes: m.scopes.clone(),
            issued_at_ms: now,
            expires_at_ms: expires,
            refresh: attached.clone(),
            custom: m.custom,
            connection: m.connection.clone(),
        },
    );
    if let Some(rec) = attached.as_ref().and_then(|rt| st.refresh.get_mut(rt)) {
        rec.latest_access = Some(at.clone());
    }
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
    let mut extra = extra_fields(def, &def.token_response);
    if m.custom.is_none() {
        extra.extend(connection::response_fields(def, &m.connection));
    }
    Ok(Issued {
        access_token: at,
        refresh_token: new_refresh.clone(),
        expires_in_secs: match m.lifetime {
            Lifetime::Secs(s) => Some(s),
            Lifetime::Never => None,
        },
        expires_at_unix: expires.map(|ms| app.unix_at(ms)),
        refresh_expires_in_secs: new_refresh
            .as_deref()
            .and_then(|rt| refresh_left(st, rt, now)),
        scopes: m.scopes,
        extra,
        secondary: Vec::new(),
    })
}

/// [`mint`], then one secondary token set for each non-empty entry of `secondary_scopes`
/// (aligned with the def's `token_response.secondary`), with a refresh token where the primary
/// set gets a new one.
pub(super) fn mint_sets(
    app: &App,
    st: &mut State,
    m: Mint<'_>,
    secondary_scopes: &[Vec<String>],
) -> Result<Issued, Reply> {
    let (client_id, user, lifetime) = (m.client_id, m.user, m.lifetime);
    let refresh = if m.refresh == RefreshPlan::New {
        RefreshPlan::New
    } else {
        RefreshPlan::None
    };
    let (connection, redirect_uri) = (m.connection.clone(), m.redirect_uri.clone());
    let mut issued = mint(app, st, m)?;
    for (i, scopes) in secondary_scopes.iter().enumerate() {
        if scopes.is_empty() || app.def.token_response.secondary.get(i).is_none() {
            continue;
        }
        let mut set = mint(
            app,
            st,
            Mint {
                client_id,
                user,
                scopes: scopes.clone(),
                refresh: refresh.clone(),
                custom: None,
                lifetime,
                connection: connection.clone(),
                redirect_uri: redirect_uri.clone(),
            },
        )?;
        set.extra.clear();
        issued.secondary.push((i, set));
    }
    Ok(issued)
}

/// The answer for a live access token handed out again (a reused token): what is left of its
/// life, and `refresh` (the refresh token the request used) when there is one.
pub(super) fn again(
    app: &App,
    st: &State,
    token: &str,
    rec: &AccessRec,
    refresh: Option<String>,
) -> Issued {
    let def = &app.def;
    let now = app.now_ms();
    let mut extra = extra_fields(def, &def.token_response);
    extra.extend(connection::response_fields(def, &rec.connection));
    Issued {
        access_token: token.to_string(),
        refresh_expires_in_secs: refresh.as_deref().and_then(|rt| refresh_left(st, rt, now)),
        refresh_token: refresh,
        expires_in_secs: rec.expires_at_ms.map(|e| e.saturating_sub(now) / 1000),
        expires_at_unix: rec.expires_at_ms.map(|ms| app.unix_at(ms)),
        scopes: rec.scopes.clone(),
        extra,
        secondary: Vec::new(),
    }
}

/// What is left of refresh token `rt`'s life, in seconds (`None`: it never expires).
pub(super) fn refresh_left(st: &State, rt: &str, now_ms: u64) -> Option<u64> {
    let rec = st.refresh.get(rt)?;
    rec.expires_at_ms.map(|e| e.saturating_sub(now_ms) / 1000)
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
