//! The HTTP side: one axum fallback handler routes each request by path to the endpoint of the
//! [`ProviderDef`] it belongs to, then the endpoint's submodule applies the provider's rules
//! to [`State`].
//!
//! Routing is by *path only*: every endpoint template is rendered with the def's default (or
//! first, or example) variable values and only the path is kept, so a client whose origin is
//! overridden to the simulator's reaches the right handler whatever its data centre or
//! instance. Handlers never panic on request data; every failure is rendered by
//! [`crate::render`] in the provider's format.
//!
//! One submodule per endpoint kind ([`authorize`], [`token`], [`device`], [`custom`],
//! [`revoke`], [`api`]), plus [`mint`], the one place tokens are created (so every cap is
//! enforced on every grant). This module owns the routing table, the parsed request, the
//! request log and the helpers the endpoints share; it never decides a response itself.

mod api;
mod authorize;
mod custom;
mod device;
mod mint;
mod revoke;
mod token;

pub(crate) use authorize::issue_pin_locked;
pub(crate) use device::decide as decide_device;

use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::{Body, Bytes};
use axum::extract::State as AxumState;
use axum::http::{header, HeaderMap, Method as HttpMethod, StatusCode, Uri};
use axum::response::Response;
use base64::Engine;
use oauth_model::{
    ErrorMeaning as M, ErrorSite, Lifetime, Method, ProviderDef, ResponseDef, VarValue,
    VariableKind,
};

use crate::limits::Slots;
use crate::render::{self, Failure, Reply};
use crate::state::{Clock, RecordedRequest, State, MAX_RECORDED};

/// What an endpoint does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Authorize,
    Token,
    Revoke,
    Custom(usize),
    Api,
    /// The RFC 8628 device authorization endpoint.
    Device,
    /// The page where the user enters a device flow's user code (the simulator's own).
    DeviceVerify,
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
        } else if g
            .device_code
            .as_ref()
            .is_some_and(|d| d.device_endpoint == name)
        {
            Kind::Device
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
    if routes.iter().any(|r| r.kind == Kind::Device) {
        routes.push(Route {
            name: device::VERIFICATION_NAME.to_string(),
            path: device::VERIFICATION_PATH.to_string(),
            method: Method::Get,
            kind: Kind::DeviceVerify,
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
        // The sample API and the verification page are the simulator's own: any method.
        let any_method = matches!(route.kind, Kind::Api | Kind::DeviceVerify);
        if any_method || same_method(&method, route.method) {
            chosen = Some((route.clone(), tail));
            break;
        }
    }
    let endpoint = chosen.as_ref().map(|(route, _)| route.name.clone());
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
            Kind::Authorize => authorize::authorize(&app, &req),
            Kind::Token => token::token(&app, &req),
            Kind::Custom(i) => custom::custom(&app, &req, i),
            Kind::Revoke => revoke::revoke(&app, &req, tail),
            Kind::Device => device::authorize_device(&app, &req),
            Kind::DeviceVerify => device::verify(&app, &req),
            Kind::Api => match api::api(&app, &req) {
                api::Outcome::Done(reply) => reply,
                api::Outcome::Admitted(reply, slots) => {
                    // The call stays in flight (holding its concurrency slots) for the
                    // configured latency; the guard gives the slots back even if the client
                    // goes away and this future is dropped mid-sleep.
                    let guard = InFlight {
                        app: Arc::clone(&app),
                        slots: Some(slots),
                    };
                    let latency = app.lock().api_latency;
                    if !latency.is_zero() {
                        tokio::time::sleep(latency).await;
                    }
                    drop(guard);
                    reply
                }
            },
        },
    };
    record(&app, &req, path, endpoint, &reply);
    into_response(reply)
}

/// Concurrency slots held by an API call in flight, given back on drop.
struct InFlight {
    app: Arc<App>,
    slots: Option<Slots>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(slots) = self.slots.take() {
            self.app.lock().limits.leave(slots);
        }
    }
}

/// Appends the request and its answer to the log, forgetting the oldest past the cap.
fn record(app: &App, req: &Req<'_>, path: &str, endpoint: Option<String>, reply: &Reply) {
    let entry = RecordedRequest {
        endpoint,
        method: req.method.as_str().to_string(),
        path: path.to_string(),
        query: req.query.clone(),
        form: req.form.clone(),
        authorization: req
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        status: reply.status,
        body: reply.body.clone(),
    };
    let mut st = app.lock();
    if st.requests.len() >= MAX_RECORDED {
        st.requests.pop_front();
    }
    st.requests.push_back(entry);
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
// helpers shared by the endpoints

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
