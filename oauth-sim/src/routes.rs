//! The HTTP side: one axum fallback handler routes each request by path to the endpoint of the
//! [`ProviderDef`] it belongs to, then the per-endpoint functions below apply the provider's
//! rules to [`State`].
//!
//! Routing is by *path only*: every endpoint template is rendered with the def's default (or
//! first, or example) variable values and only the path is kept, so a client whose origin is
//! overridden to the simulator's reaches the right handler whatever its data centre or
//! instance. Handlers never panic on request data; every failure is rendered by
//! [`crate::render`] in the provider's format.

use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::{Body, Bytes};
use axum::extract::State as AxumState;
use axum::http::{header, HeaderMap, Method as HttpMethod, StatusCode, Uri};
use axum::response::Response;
use base64::Engine;
use oauth_model::{
    Capped, Counted, ErrorMeaning as M, ErrorSite, Lifetime, Method, ParamSource, Presentation,
    ProviderDef, Requirement, ResponseDef, VarValue, VariableKind,
};
use sha2::{Digest, Sha256};

use crate::limits::Keys;
use crate::render::{self, Failure, Issued, Reply};
use crate::state::{
    random_pin, random_token, AccessRec, Clock, CodeKind, CodeRec, Consent, RefreshRec, State,
};

/// Default lifetimes where the def documents none.
const DEFAULT_CODE_SECS: u64 = 600;
const DEFAULT_ACCESS_SECS: u64 = 3600;
const DEFAULT_CODE_LEN: usize = 32;
const DEFAULT_PIN_LEN: usize = 8;
const TOKEN_LEN: usize = 40;

/// What an endpoint does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Authorize,
    Token,
    Revoke,
    Custom(usize),
    Api,
}

/// One routed endpoint.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub name: String,
    pub path: String,
    pub method: Method,
    pub kind: Kind,
}

/// Everything a handler needs.
#[derive(Debug)]
pub(crate) struct App {
    pub def: ProviderDef,
    pub routes: Vec<Route>,
    pub state: Mutex<State>,
    pub clock: Clock,
    /// Wall-clock start, for dates in properties bodies.
    pub start_unix: u64,
}

impl App {
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn now_ms(&self) -> u64 {
        self.clock.now_ms()
    }

    fn date(&self) -> String {
        render::java_date(self.start_unix.saturating_add(self.now_ms() / 1000))
    }

    fn fail(&self, site: ErrorSite, meanings: &[M], description: &str) -> Reply {
        self.fail_as(site, meanings, description, Some(&self.def.token_response))
    }

    /// Like [`App::fail`], preferring rules that send the RFC code `hint`.
    fn fail_hint(&self, site: ErrorSite, meanings: &[M], hint: &str, description: &str) -> Reply {
        let failure = Failure {
            meanings,
            site,
            description,
            response: Some(&self.def.token_response),
            hint: Some(hint),
        };
        render::error(&self.def, failure, &self.date())
    }

    fn fail_as(
        &self,
        site: ErrorSite,
        meanings: &[M],
        description: &str,
        response: Option<&ResponseDef>,
    ) -> Reply {
        let failure = Failure {
            meanings,
            site,
            description,
            response,
            hint: None,
        };
        render::error(&self.def, failure, &self.date())
    }
}

/// The value each variable takes when rendering paths: its default, else its first choice or
/// its example.
pub(crate) fn default_values(def: &ProviderDef) -> Vec<VarValue> {
    def.variables
        .iter()
        .map(|v| match &v.kind {
            VariableKind::Choice { default, .. } => VarValue::Choice(default.unwrap_or(0)),
            VariableKind::Free {
                default, example, ..
            } => VarValue::Free(
                default
                    .as_deref()
                    .or(example.as_deref())
                    .unwrap_or("sim")
                    .to_string(),
            ),
        })
        .collect()
}

/// The path an endpoint is served at.
pub(crate) fn endpoint_path(def: &ProviderDef, values: &[VarValue], name: &str) -> Option<String> {
    let ep = def.endpoint(name)?;
    let rendered = ep.url.render(def, values).ok()?;
    let url = url::Url::parse(&rendered)
        .or_else(|_| url::Url::parse(&format!("http://sim.invalid/{rendered}")))
        .ok()?;
    Some(url.path().to_string())
}

/// The routing table for a def.
pub(crate) fn build_routes(def: &ProviderDef) -> Vec<Route> {
    let values = default_values(def);
    let g = &def.grants;
    let mut authorize: Vec<&str> = Vec::new();
    let mut token: Vec<&str> = Vec::new();
    if let Some(ac) = &g.authorization_code {
        authorize.push(&ac.authorize_endpoint);
        token.push(&ac.token_endpoint);
    }
    if let Some(pin) = &g.pin {
        authorize.push(&pin.authorize_endpoint);
        token.push(&pin.token_endpoint);
    }
    if let Some(r) = &g.refresh_token {
        token.push(&r.token_endpoint);
    }
    if let Some(cc) = &g.client_credentials {
        token.push(&cc.token_endpoint);
    }
    if let Some(dc) = &g.device_code {
        token.push(&dc.token_endpoint);
    }
    let mut routes = Vec::new();
    for ep in def.endpoints.iter() {
        let name: &str = &ep.name;
        let kind = if let Some(i) = g.custom.iter().position(|c| c.endpoint == name) {
            Kind::Custom(i)
        } else if authorize.contains(&name) {
            Kind::Authorize
        } else if token.contains(&name) {
            Kind::Token
        } else if name == "revoke" {
            Kind::Revoke
        } else if name == "api" {
            Kind::Api
        } else {
            continue;
        };
        let Some(mut path) = endpoint_path(def, &values, name) else {
            continue;
        };
        if kind == Kind::Api {
            path = format!("{}/sim/me", path.trim_end_matches('/'));
        }
        routes.push(Route {
            name: name.to_string(),
            path,
            method: ep.method,
            kind,
        });
    }
    routes
}

fn same_method(m: &HttpMethod, spec: Method) -> bool {
    m.as_str() == spec.as_str()
}

/// The single axum handler.
pub(crate) async fn handle(
    AxumState(app): AxumState<Arc<App>>,
    method: HttpMethod,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path();
    let query: Vec<(String, String)> = uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let form: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    let req = Req {
        method: &method,
        headers: &headers,
        query,
        form,
    };

    let mut path_matched = false;
    let mut chosen: Option<(Route, Option<String>)> = None;
    for route in &app.routes {
        let tail = if route.path == path {
            Some(None)
        } else if route.kind == Kind::Revoke {
            path.strip_prefix(route.path.trim_end_matches('/'))
                .and_then(|rest| rest.strip_prefix('/'))
                .filter(|t| !t.is_empty() && !t.contains('/'))
                .map(|t| Some(t.to_string()))
        } else {
            None
        };
        let Some(tail) = tail else { continue };
        path_matched = true;
        if route.kind == Kind::Api || same_method(&method, route.method) {
            chosen = Some((route.clone(), tail));
            break;
        }
    }
    let reply = match chosen {
        None if path_matched => Reply {
            status: 405,
            content_type: "text/plain",
            body: "method not allowed".into(),
            headers: Vec::new(),
        },
        None => Reply {
            status: 404,
            content_type: "text/plain",
            body: format!("no endpoint of {} at {path}", app.def.name),
            headers: Vec::new(),
        },
        Some((route, tail)) => match route.kind {
            Kind::Authorize => authorize(&app, &req),
            Kind::Token => token(&app, &req),
            Kind::Custom(i) => custom(&app, &req, i),
            Kind::Revoke => revoke(&app, &req, tail),
            Kind::Api => api(&app, &req),
        },
    };
    into_response(reply)
}

fn into_response(reply: Reply) -> Response {
    let mut builder = Response::builder()
        .status(StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .header(header::CONTENT_TYPE, reply.content_type)
        .header(header::CACHE_CONTROL, "no-store");
    for (name, value) in reply.headers {
        builder = builder.header(name, value);
    }
    builder.body(Body::from(reply.body)).unwrap_or_else(|_| {
        let mut r = Response::new(Body::from("simulator failed to build a response"));
        *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        r
    })
}

/// A parsed request.
struct Req<'a> {
    method: &'a HttpMethod,
    headers: &'a HeaderMap,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
}

impl Req<'_> {
    fn query(&self, name: &str) -> Option<&str> {
        find(&self.query, name)
    }
    fn form(&self, name: &str) -> Option<&str> {
        find(&self.form, name)
    }
    /// A parameter from the body, else the query.
    fn param(&self, name: &str) -> Option<&str> {
        self.form(name).or_else(|| self.query(name))
    }
    fn basic(&self) -> Option<(String, String)> {
        let value = self.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
        let (scheme, rest) = value.split_once(' ')?;
        if !scheme.eq_ignore_ascii_case("basic") {
            return None;
        }
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(rest.trim())
            .ok()?;
        let text = String::from_utf8(decoded).ok()?;
        let (id, secret) = text.split_once(':')?;
        let unescape = |s: &str| {
            url::form_urlencoded::parse(format!("x={s}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        };
        Some((unescape(id), unescape(secret)))
    }
}

fn find<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

fn missing(app: &App, site: ErrorSite, param: &str) -> Reply {
    app.fail(
        site,
        &[M::BadRequest],
        &format!("missing required parameters: {param}"),
    )
}

// ---------------------------------------------------------------------------------------------
// authorize

fn authorize(app: &App, req: &Req<'_>) -> Reply {
    let def = &app.def;
    let site = ErrorSite::Authorize;
    let Some(client_id) = req.param("client_id") else {
        return missing(app, site, "client_id");
    };
    let mut st = app.lock();
    let Some(client) = st.clients.get(client_id).cloned() else {
        return app.fail(site, &[M::ClientInvalid], "no client for that client id");
    };
    let ac = def.grants.authorization_code.as_ref();
    let redirect_rule = ac.map(|a| a.redirect_uri).unwrap_or(Requirement::Optional);
    let explicit_redirect = req.param("redirect_uri").map(str::to_string);
    let redirect = match &explicit_redirect {
        Some(r) if client.redirect_uris.iter().any(|u| u == r) => Some(r.clone()),
        Some(_) => {
            return app.fail(site, &[M::BadRequest], "redirect_uri not pre-registered");
        }
        None if redirect_rule == Requirement::Required && def.grants.pin.is_none() => {
            return missing(app, site, "redirect_uri");
        }
        None => client.redirect_uris.first().cloned(),
    };
    let state_rule = match (&redirect, ac, &def.grants.pin) {
        (None, _, Some(pin)) => pin.state,
        (_, Some(a), _) => a.state,
        _ => Requirement::Optional,
    };
    let state = req.param("state").map(str::to_string);
    if state.is_none() && state_rule == Requirement::Required {
        return missing(app, site, "state");
    }
    let consent = st.consent.clone();
    let Some(redirect) = redirect else {
        // No redirect URI at all: the PIN page.
        return match consent {
            Consent::Approve { user } => {
                let pin = issue_pin_locked(app, &mut st, &user);
                Reply {
                    status: 200,
                    content_type: "text/html; charset=utf-8",
                    body: format!(
                        "<html><body><p>Your PIN is</p><p id=\"pin\">{pin}</p></body></html>"
                    ),
                    headers: Vec::new(),
                }
            }
            Consent::Deny => app.fail(site, &[M::AccessDenied], "the user denied access"),
            Consent::ServerError => app.fail(site, &[M::ServerError], "Oops! We found an error"),
        };
    };
    let Ok(mut target) = url::Url::parse(&redirect) else {
        return app.fail(site, &[M::BadRequest], "redirect_uri is not a URL");
    };
    let redirect_error = |target: &mut url::Url, meaning: M, description: &str| {
        {
            let mut q = target.query_pairs_mut();
            q.append_pair("error", &render::authorize_error_code(def, meaning));
            q.append_pair("error_description", description);
            if let Some(s) = &state {
                q.append_pair("state", s);
            }
        }
        found(target.as_str())
    };
    let user = match consent {
        Consent::Approve { user } => user,
        Consent::Deny => {
            return redirect_error(&mut target, M::AccessDenied, "the user denied access")
        }
        Consent::ServerError => {
            return redirect_error(&mut target, M::ServerError, "the provider failed")
        }
    };
    let pkce = match req.param("code_challenge") {
        Some(ch) => {
            let method = req.param("code_challenge_method").unwrap_or("plain");
            if method != "S256" && method != "plain" {
                return redirect_error(
                    &mut target,
                    M::BadRequest,
                    "unsupported code_challenge_method",
                );
            }
            Some((method.to_string(), ch.to_string()))
        }
        None if ac.is_some_and(|a| a.pkce == Requirement::Required) => {
            return redirect_error(&mut target, M::BadRequest, "code_challenge required");
        }
        None => None,
    };
    if let Some(scopes) = &def.scopes {
        if scopes.required && req.param("scope").is_none() {
            return redirect_error(&mut target, M::InsufficientScope, "scope required");
        }
    }
    let scopes = split_scopes(def, req.param("scope"));
    // `access_type` (Zoho, Google): refresh tokens only for offline access.
    let offline = match ac.and_then(|a| a.extra_params.iter().find(|p| p.name == "access_type")) {
        Some(p) => req.param("access_type").or(p.default.as_deref()) == Some("offline"),
        None => true,
    };
    let now = app.now_ms();
    let keys = Keys {
        client: Some(client_id),
        user: Some(&user),
        refresh_token: None,
    };
    if let Err(e) = st
        .limits
        .hit(&def.limits, Counted::AuthorizationCodes, keys, now)
    {
        return redirect_error(
            &mut target,
            M::RateLimited,
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
    st.codes.insert(
        code.clone(),
        CodeRec {
            kind: CodeKind::Web,
            client_id: Some(client_id.to_string()),
            redirect_uri: explicit_redirect,
            user,
            scopes,
            expires_at_ms: expires_at(now, lifetime),
            pkce,
            offline,
            used: false,
        },
    );
    st.stats.codes_issued += 1;
    {
        let mut q = target.query_pairs_mut();
        q.append_pair("code", &code);
        if let Some(s) = &state {
            q.append_pair("state", s);
        }
        let values = default_values(def);
        for cp in ac.map(|a| &a.callback_params[..]).unwrap_or(&[]) {
            if let Some(v) = callback_value(def, &values, cp.variable, cp.by_property) {
                q.append_pair(&cp.name, &v);
            }
        }
    }
    found(target.as_str())
}

fn found(location: &str) -> Reply {
    Reply {
        status: 302,
        content_type: "text/plain",
        body: String::new(),
        headers: vec![("location", location.to_string())],
    }
}

fn callback_value(
    def: &ProviderDef,
    values: &[VarValue],
    var: usize,
    prop: Option<usize>,
) -> Option<String> {
    let v = def.variables.get(var)?;
    let VariableKind::Choice { choices, .. } = &v.kind else {
        return None;
    };
    let VarValue::Choice(i) = values.get(var)? else {
        return None;
    };
    let choice = choices.get(*i)?;
    match prop {
        None => Some(choice.key.to_string()),
        Some(p) => choice.values.get(p).map(|s| s.to_string()),
    }
}

fn split_scopes(def: &ProviderDef, raw: Option<&str>) -> Vec<String> {
    let sep = def
        .scopes
        .as_ref()
        .map(|s| s.separator.as_ref())
        .unwrap_or(" ");
    match raw {
        Some(raw) => raw
            .split(sep)
            .flat_map(|s| s.split(' '))
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        None => def
            .scopes
            .as_ref()
            .map(|s| s.default.iter().map(|x| x.to_string()).collect())
            .unwrap_or_default(),
    }
}

fn expires_at(now_ms: u64, lifetime: Lifetime) -> Option<u64> {
    match lifetime {
        Lifetime::Secs(s) => Some(now_ms.saturating_add(s.saturating_mul(1000))),
        Lifetime::Never => None,
    }
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
        },
    );
    st.stats.pins_issued += 1;
    pin
}

// ---------------------------------------------------------------------------------------------
// token

fn token(app: &App, req: &Req<'_>) -> Reply {
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
        _ => app.fail_hint(
            site,
            &[M::BadRequest],
            "unsupported_grant_type",
            &format!("unsupported grant_type `{grant}`"),
        ),
    }
}

/// Checks the client's credentials where `client_auth` puts them.
fn authenticate(app: &App, st: &State, req: &Req<'_>) -> Result<String, Reply> {
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
    let found = match app.def.client_auth {
        ClientAuth::Basic => from_basic(),
        // Nest: "the header form still works but is discouraged".
        ClientAuth::RequestBody => from_body().or_else(from_basic),
        // Zoho documents the query and the body.
        ClientAuth::Query => from_query().or_else(from_body),
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

/// How a mint treats refresh tokens.
enum RefreshPlan {
    None,
    New,
    Existing(String),
}

struct Mint<'a> {
    client_id: &'a str,
    user: &'a str,
    scopes: Vec<String>,
    refresh: RefreshPlan,
    custom: Option<usize>,
    lifetime: Lifetime,
}

/// Mints an access token (and a refresh token when asked), enforcing caps.
fn mint(app: &App, st: &mut State, m: Mint<'_>) -> Result<Issued, Reply> {
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
fn extra_fields(def: &ProviderDef, resp: &ResponseDef) -> Vec<(String, String)> {
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

fn access_lifetime(def: &ProviderDef) -> Lifetime {
    def.lifetimes
        .access_token
        .unwrap_or(Lifetime::Secs(DEFAULT_ACCESS_SECS))
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
    let issued = mint(
        app,
        st,
        Mint {
            client_id,
            user: client_id,
            scopes: Vec::new(),
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

// ---------------------------------------------------------------------------------------------
// custom grants

fn custom(app: &App, req: &Req<'_>, index: usize) -> Reply {
    let def = &app.def;
    let Some(grant) = def.grants.custom.get(index) else {
        return app.fail(ErrorSite::TokenEndpoint, &[M::ServerError], "no such grant");
    };
    let resp = &grant.response;
    let fail = |meanings: &[M], description: &str| {
        app.fail_as(ErrorSite::TokenEndpoint, meanings, description, Some(resp))
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

// ---------------------------------------------------------------------------------------------
// revoke

fn revoke(app: &App, req: &Req<'_>, tail: Option<String>) -> Reply {
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

// ---------------------------------------------------------------------------------------------
// sample protected API

fn api(app: &App, req: &Req<'_>) -> Reply {
    let def = &app.def;
    let site = ErrorSite::Api;
    let now = app.now_ms();
    let mut st = app.lock();
    st.stats.api_calls += 1;
    // Every presentation the def declares, with the grant whose tokens use it.
    let mut presentations: Vec<(Option<usize>, &Presentation)> =
        vec![(None, &def.token_presentation)];
    for (i, g) in def.grants.custom.iter().enumerate() {
        presentations.push((Some(i), &g.presentation));
    }
    let mut seen_token = false;
    let mut failure: Option<(M, &str)> = None;
    let mut granted = None;
    for (origin, pres) in presentations {
        let token = match pres {
            Presentation::Header { scheme } => req
                .headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split_once(' '))
                .filter(|(s, _)| s.eq_ignore_ascii_case(scheme))
                .map(|(_, t)| t.trim().to_string()),
            Presentation::Query { param, extra } => {
                let t = req.query(param).map(str::to_string);
                if t.is_some() {
                    if let Some((name, _)) =
                        extra.iter().find(|(n, v)| req.query(n) != Some(v.as_ref()))
                    {
                        return app.fail(
                            site,
                            &[M::BadRequest],
                            &format!("missing required parameters: {name}"),
                        );
                    }
                }
                t
            }
        };
        let Some(token) = token else { continue };
        seen_token = true;
        match st.check_access(&token, now) {
            Ok(rec) if rec.custom == origin => {
                granted = Some((token.clone(), rec.clone()));
                break;
            }
            Ok(_) => failure = Some((M::AccessTokenInvalid, "token presented the wrong way")),
            Err(true) => {
                failure = failure.or(Some((M::AccessTokenExpired, "access token expired")))
            }
            Err(false) => {
                failure = failure.or(Some((M::AccessTokenInvalid, "Invalid OAuth access token")))
            }
        }
    }
    let Some((token, rec)) = granted else {
        let (meaning, description) = match failure {
            Some(f) => f,
            None if !seen_token => (M::AccessTokenInvalid, "no access token"),
            None => (M::AccessTokenInvalid, "Invalid OAuth access token"),
        };
        let other = if meaning == M::AccessTokenExpired {
            M::AccessTokenInvalid
        } else {
            M::AccessTokenExpired
        };
        return app.fail_as(site, &[meaning, other], description, None);
    };
    let keys = Keys {
        client: Some(&rec.client_id),
        user: Some(&rec.user),
        refresh_token: rec.refresh.as_deref(),
    };
    if let Err(e) = st.limits.hit(&def.limits, Counted::ApiCalls, keys, now) {
        return app
            .fail_as(site, e.meanings(), "Max rate limit exceeded", None)
            .with_header("retry-after", e.retry_after_secs.to_string());
    }
    let body = serde_json::json!({
        "user": rec.user,
        "scopes": rec.scopes,
        "client_id": rec.client_id,
        "token_age_secs": now.saturating_sub(rec.issued_at_ms) / 1000,
        "token_suffix": token.chars().rev().take(4).collect::<String>().chars().rev().collect::<String>(),
    });
    Reply::json(200, &body)
}
