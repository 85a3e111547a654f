//! Client authentication at the token and device endpoints, by every method of
//! [`oauth_model::ClientAuthDef`].
//!
//! The method decides where the credentials are read, and nothing else is read:
//! - `basic`: `Authorization: Basic`, decoded per `basic_encoding` (`form`: RFC 6749 §2.3.1,
//!   both halves form-decoded; `raw`: as they are), so a client that encodes the other way
//!   presents another secret and is refused;
//! - `request_body` (Basic also works, as at Nest), `query` (the body also works, as at
//!   Zoho), `none` (`client_id` only: a secret sent along is refused);
//! - `private_key_jwt` and `client_secret_jwt`: an RFC 7523 client assertion;
//! - `signed_client_secret`: `client_secret` is a JWT the client signs (Apple).
//!
//! A client registered with neither secret nor key is public: where the def names a `public`
//! method it must use that one; where it names none, it is accepted wherever the method puts
//! the id (the behaviour before `public` existed).
//!
//! A JWT must carry the spec's `alg` (never `none`) and a signature that verifies under the
//! registered key (HS256: the secret); `iss` and `sub` are the client id unless the spec
//! templates them; `aud` is the spec's audience (by default, or written `token_endpoint`, the
//! URL of the endpoint the request reached or of the token endpoint, as the spec writes it or
//! as the simulator serves it; `issuer`: their origins); `exp` is required, in the future, and
//! no further than the spec's JWT lifetime; `nbf` and `iat` are not in the future (60 s of
//! skew everywhere); a client assertion's `jti` is accepted once. Times are the simulator's
//! wall clock (start time plus the simulated [`crate::Clock`]).

use oauth_model::{
    ClientAuth, ErrorMeaning as M, ErrorSite, GrantKind, JwtAlgorithm, RenderContext,
};

use super::request::Req;
use super::{missing, App};
use crate::crypto::jwt::{Jwt, Verifier};
use crate::render::Reply;
use crate::state::{Client, State};

/// RFC 7523 §2.2.
const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// Clock skew allowed on JWT times, in seconds.
const SKEW_SECS: u64 = 60;

/// An authenticated client.
#[derive(Debug, Clone)]
pub(super) struct Authenticated {
    pub client_id: String,
}

/// What a request presents under one method.
enum Presented {
    /// An id and maybe a secret.
    Secret { id: String, secret: Option<String> },
    /// A JWT (a client assertion, or Apple's signed secret), and the id if one was named.
    Jwt { id: Option<String>, jwt: String },
    /// Credentials that cannot be read (a malformed Basic header).
    Malformed,
}

/// Reads the credentials `method` puts in the request; `None` when there are none there.
fn present(app: &App, req: &Req<'_>, method: ClientAuth) -> Option<Presented> {
    let encoding = app.def.client_auth.basic_encoding;
    let basic = || {
        req.basic(encoding).map(|b| match b {
            Ok((id, secret)) => Presented::Secret {
                id,
                secret: Some(secret),
            },
            Err(()) => Presented::Malformed,
        })
    };
    let body = || {
        req.std_body("client_id").map(|id| Presented::Secret {
            id: id.to_string(),
            secret: req.std_body("client_secret").map(str::to_string),
        })
    };
    let query = || {
        req.std_query("client_id").map(|id| Presented::Secret {
            id: id.to_string(),
            secret: req.std_query("client_secret").map(str::to_string),
        })
    };
    match method {
        ClientAuth::Basic => basic(),
        // Nest: "the header form still works but is discouraged".
        ClientAuth::RequestBody => body().or_else(basic),
        // Zoho documents the query and the body.
        ClientAuth::Query => query().or_else(body),
        ClientAuth::None => body().or_else(query),
        ClientAuth::PrivateKeyJwt | ClientAuth::ClientSecretJwt => {
            let jwt = req.body("client_assertion")?;
            if req.body("client_assertion_type") != Some(ASSERTION_TYPE) {
                return Some(Presented::Malformed);
            }
            Some(Presented::Jwt {
                id: req.std_body("client_id").map(str::to_string),
                jwt: jwt.to_string(),
            })
        }
        ClientAuth::SignedClientSecret => {
            let id = req.std_body("client_id")?;
            Some(match req.std_body("client_secret") {
                Some(jwt) => Presented::Jwt {
                    id: Some(id.to_string()),
                    jwt: jwt.to_string(),
                },
                None => Presented::Secret {
                    id: id.to_string(),
                    secret: None,
                },
            })
        }
    }
}

/// Authenticates the client of a request to endpoint `endpoint` for `grant`.
pub(super) fn authenticate(
    app: &App,
    st: &mut State,
    req: &Req<'_>,
    endpoint: &str,
    grant: Option<GrantKind>,
) -> Result<Authenticated, Reply> {
    let ca = &app.def.client_auth;
    let fail = |meanings: &[M], why: &str| app.fail_grant(grant, meanings, None, why);
    let id_of = |p: &Presented, st: &State| match p {
        Presented::Secret { id, .. } => Some(id.clone()),
        Presented::Jwt { id: Some(id), .. } => Some(id.clone()),
        Presented::Jwt { id: None, jwt } => claimed_id(jwt, st),
        Presented::Malformed => None,
    };
    let is_public = |p: &Presented, st: &State| {
        id_of(p, st)
            .and_then(|id| st.clients.get(&id))
            .is_some_and(Client::is_public)
    };
    // A public client presents itself the public way, where the def has one.
    let public = ca.public.and_then(|m| present(app, req, m).map(|p| (m, p)));
    let chosen = match public {
        Some((m, p)) if is_public(&p, st) => Some((m, p)),
        public => present(app, req, ca.method)
            .map(|p| (ca.method, p))
            .or(public),
    };
    let Some((method, presented)) = chosen else {
        let wanted = match ca.method {
            ClientAuth::PrivateKeyJwt | ClientAuth::ClientSecretJwt => "client_assertion",
            _ => req.wire("client_id").unwrap_or("client_id"),
        };
        return Err(missing(app, ErrorSite::TokenEndpoint, wanted));
    };
    if matches!(presented, Presented::Malformed) {
        return Err(fail(&[M::ClientInvalid], "malformed client credentials"));
    }
    let Some(id) = id_of(&presented, st) else {
        return Err(fail(
            &[M::ClientInvalid],
            "the client assertion names no client",
        ));
    };
    let Some(client) = st.clients.get(&id).cloned() else {
        return Err(fail(&[M::ClientInvalid], "no client for that client id"));
    };
    if !client.active {
        return Err(fail(
            &[M::ClientDisabled, M::ClientInvalid],
            "client is not active",
        ));
    }
    let ok = || {
        Ok(Authenticated {
            client_id: id.clone(),
        })
    };
    if client.is_public() {
        match ca.public {
            // Without a public method, a secret method accepts it wherever it puts the id, as
            // before `public` existed; the JWT methods never accept a client without a key.
            None if matches!(
                method,
                ClientAuth::Basic | ClientAuth::RequestBody | ClientAuth::Query
            ) =>
            {
                return ok()
            }
            Some(m) if m != method => {
                return Err(fail(
                    &[M::ClientInvalid, M::BadRequest],
                    &format!("a public client authenticates with `{m}`"),
                ))
            }
            _ => {}
        }
    } else if ca.public == Some(method) && method != ca.method {
        // A confidential client presenting itself as a public one.
        return Err(fail(
            &[M::ClientInvalid, M::BadRequest],
            "client secret not found",
        ));
    }
    match presented {
        Presented::Secret { secret, .. } if method == ClientAuth::None => match secret {
            None => ok(),
            Some(_) => Err(fail(
                &[M::BadRequest, M::ClientInvalid],
                "a public client sends no client secret",
            )),
        },
        // A public client's own method other than `none` (its id where the method puts it).
        Presented::Secret { .. } if client.is_public() => ok(),
        Presented::Secret { secret, .. } => match secret {
            Some(s) if method != ClientAuth::SignedClientSecret && client.secret.matches(&s) => {
                ok()
            }
            None => Err(fail(
                &[M::ClientInvalid, M::BadRequest],
                "client secret not found",
            )),
            Some(_) => Err(fail(&[M::ClientInvalid], "client secret not found")),
        },
        Presented::Jwt { jwt, .. } => {
            match check_jwt(app, st, &id, &client, &jwt, method, endpoint) {
                Ok(()) => ok(),
                Err(why) => Err(fail(&[M::ClientInvalid], &why)),
            }
        }
        Presented::Malformed => Err(fail(&[M::ClientInvalid], "malformed client credentials")),
    }
}

/// The client an assertion claims to be (`sub`, else `iss`), before anything is verified.
fn claimed_id(jwt: &str, st: &State) -> Option<String> {
    let jwt = Jwt::parse(jwt).ok()?;
    let id = [jwt.claim_str("sub"), jwt.claim_str("iss")]
        .into_iter()
        .flatten()
        .find(|id| st.clients.contains_key(*id))
        .map(str::to_string);
    id
}

/// Checks a client assertion or signed client secret of client `id`.
fn check_jwt(
    app: &App,
    st: &mut State,
    id: &str,
    client: &Client,
    text: &str,
    method: ClientAuth,
    endpoint: &str,
) -> Result<(), String> {
    let def = &app.def;
    let jwt_def = def.client_auth.jwt.as_ref();
    let alg = jwt_def.map_or(
        match method {
            ClientAuth::ClientSecretJwt => JwtAlgorithm::Hs256,
            ClientAuth::SignedClientSecret => JwtAlgorithm::Es256,
            _ => JwtAlgorithm::Rs256,
        },
        |j| j.algorithm,
    );
    let jwt = Jwt::parse(text)?;
    let header_alg = jwt.header_str("alg").unwrap_or("none");
    if header_alg != alg.as_str() {
        return Err(format!(
            "the JWT is signed with `{header_alg}`; this provider takes `{alg}`"
        ));
    }
    let verifier = match method {
        ClientAuth::ClientSecretJwt => {
            if client.secret.is_empty() {
                return Err("the client has no secret to sign with".into());
            }
            Verifier::Secret(client.secret.expose().as_bytes())
        }
        _ => {
            let Some(key) = client.key.as_ref() else {
                return Err("the client has no registered key".into());
            };
            if !key.fits(alg) {
                return Err(format!("the client's key does not sign with `{alg}`"));
            }
            match (&key.kid, jwt.header_str("kid")) {
                (Some(want), Some(got)) if want != got => {
                    return Err(format!("the JWT names key `{got}`, not the client's"))
                }
                (Some(_), None) if method == ClientAuth::SignedClientSecret => {
                    return Err("the JWT names no key (`kid`)".into())
                }
                _ => {}
            }
            Verifier::Key(key)
        }
    };
    if !jwt.verify(alg, verifier) {
        return Err("the JWT signature does not verify".into());
    }
    // Claims.
    let vars = app.vars();
    let cx = RenderContext {
        vars: &vars,
        client_id: Some(id),
        ..RenderContext::default()
    };
    let render = |t: &oauth_model::Template| t.render_with(def, &cx).ok();
    let expected_iss = jwt_def
        .and_then(|j| j.issuer.as_ref())
        .and_then(render)
        .unwrap_or_else(|| id.to_string());
    let expected_sub = jwt_def
        .and_then(|j| j.subject.as_ref())
        .and_then(render)
        .unwrap_or_else(|| id.to_string());
    if jwt.claim_str("iss") != Some(&expected_iss) {
        return Err(format!("the JWT's `iss` is not `{expected_iss}`"));
    }
    if jwt.claim_str("sub") != Some(&expected_sub) {
        return Err(format!("the JWT's `sub` is not `{expected_sub}`"));
    }
    let audiences = expected_audiences(
        app,
        jwt_def.and_then(|j| j.audience.as_ref()).and_then(render),
        endpoint,
        id,
    );
    if !jwt
        .audiences()
        .iter()
        .any(|a| audiences.iter().any(|w| w == a))
    {
        return Err(format!(
            "the JWT's `aud` is not one of {}",
            audiences.join(", ")
        ));
    }
    let now = app.now_unix();
    let lifetime = jwt_def.map_or(300, |j| j.lifetime_secs);
    let exp = match jwt.claim_time("exp") {
        Some(Ok(exp)) => exp,
        Some(Err(())) => return Err("the JWT's `exp` is not a number".into()),
        None => return Err("the JWT has no `exp`".into()),
    };
    if exp <= now.saturating_sub(SKEW_SECS) {
        return Err("the JWT has expired".into());
    }
    if exp > now.saturating_add(lifetime).saturating_add(SKEW_SECS) {
        return Err(format!("the JWT lives longer than {lifetime} s"));
    }
    for claim in ["nbf", "iat"] {
        match jwt.claim_time(claim) {
            Some(Ok(t)) if t > now.saturating_add(SKEW_SECS) => {
                return Err(format!("the JWT's `{claim}` is in the future"))
            }
            Some(Err(())) => return Err(format!("the JWT's `{claim}` is not a number")),
            _ => {}
        }
    }
    if method != ClientAuth::SignedClientSecret {
        if let Some(jti) = jwt.claim_str("jti") {
            st.used_jtis
                .retain(|_, until| *until > now.saturating_sub(SKEW_SECS));
            let key = format!("{id}\u{0}{jti}");
            if st.used_jtis.contains_key(&key) {
                return Err("the client assertion was used before (`jti`)".into());
            }
            st.used_jtis.insert(key, exp);
        }
    }
    Ok(())
}

/// The audiences a JWT sent to `endpoint` may name.
fn expected_audiences(app: &App, spec: Option<String>, endpoint: &str, id: &str) -> Vec<String> {
    let urls = |name: &str| -> Vec<String> {
        [app.spec_url(name, Some(id)), app.route_url(name)]
            .into_iter()
            .flatten()
            .collect()
    };
    let mut endpoints = urls(endpoint);
    if endpoint != "token" {
        endpoints.extend(urls("token"));
    }
    match spec.as_deref() {
        None | Some("token_endpoint") => endpoints,
        Some("issuer") => endpoints
            .iter()
            .filter_map(|u| url::Url::parse(u).ok())
            .map(|u| u.origin().ascii_serialization())
            .collect(),
        Some(aud) => vec![aud.to_string()],
    }
}
