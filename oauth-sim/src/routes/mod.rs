//! The HTTP side: one axum fallback handler routes each request by path to the endpoint of the
//! [`ProviderDef`] it belongs to, then the endpoint's submodule applies the provider's rules
//! to [`State`].
//!
//! Routing is by *path only*: every endpoint template is rendered with the def's default (or
//! first, or example) variable values and only the path is kept, so a client whose origin is
//! overridden to the simulator's reaches the right handler whatever its data centre or
//! instance. A connection value that opens a template is its origin and drops out; one inside
//! the path matches any segment, captured for the handler to check (as `{token}` in a
//! revocation path is). Every method the endpoint lists is accepted. Handlers never panic on
//! request data; every failure is rendered by [`crate::render`] in the provider's format.
//!
//! [`table`] holds the routing table. One submodule per endpoint kind ([`authorize`] with
//! [`callback`], the token endpoint's [`token`] dispatching to [`code`], [`refresh`],
//! [`client_credentials`] and [`device`]; [`custom`], [`revoke`], [`api`], and
//! [`connection`] for the follow-up calls that yield connection values), plus what they share: [`request`] (reading a request under the
//! provider's parameter names), [`client_auth`] (every client authentication method),
//! [`required`] (declared headers and fixed parameters) and [`mint`], the one place tokens
//! are created (so every cap is enforced on every grant). This module owns the handler, the
//! request log and the failure helpers; it never decides a response itself.

mod api;
mod authorize;
mod callback;
mod client_auth;
mod client_credentials;
mod code;
mod connection;
mod consent;
mod custom;
mod device;
mod mint;
mod refresh;
mod request;
mod required;
mod revoke;
mod table;
mod token;

pub(crate) use authorize::issue_pin_locked;
pub(crate) use connection::check_formats;
pub(crate) use device::decide as decide_device;

use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::{Body, Bytes};
use axum::extract::State as AxumState;
use axum::http::{header, HeaderMap, Method as HttpMethod, StatusCode, Uri};
use axum::response::Response;
use oauth_model::{
    ErrorMeaning as M, ErrorSite, GrantKind, Lifetime, ProviderDef, RenderContext, ResponseDef,
    VarValue, VariableKind,
};

use crate::admin;
use crate::formats::Format;
use crate::limits::Slots;
use crate::render::{self, Failure, Reply};
use crate::state::{Clock, RecordedRequest, State, MAX_RECORDED};

use request::Req;
use table::{accepts, match_path, Captures, Kind};
pub(crate) use table::{build_routes, Route};

/// Everything a handler needs.
#[derive(Debug)]
pub(crate) struct App {
    pub def: ProviderDef,
    pub routes: Vec<Route>,
    pub state: Mutex<State>,
    pub clock: Clock,
    /// Wall-clock start, for dates in properties bodies, JWT times and absolute expiries.
    pub start_unix: u64,
    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub origin: String,
    /// The compiled `format` of each connection value (aligned with the def's `connection`).
    pub formats: Vec<Format>,
    /// The issuer and signing key of an OpenID provider (a spec with `oidc:`).
    pub oidc: Option<crate::oidc::Oidc>,
    /// Whether `/sim/admin/...` is served (the admin HTTP API).
    pub admin_api: bool,
}

impl App {
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn now_ms(&self) -> u64 {
        self.clock.now_ms()
    }

    /// The simulator's wall clock: its start time plus the simulated clock, in unix seconds.
    pub fn now_unix(&self) -> u64 {
        self.unix_at(self.now_ms())
    }

    /// The unix time of simulated instant `ms`.
    fn unix_at(&self, ms: u64) -> u64 {
        self.start_unix.saturating_add(ms / 1000)
    }

    fn date(&self) -> String {
        render::java_date(self.now_unix())
    }

    /// The values variables take in this simulator (their defaults).
    fn vars(&self) -> Vec<VarValue> {
        default_values(&self.def)
    }

    /// The URL the simulator serves route `name` at.
    fn route_url(&self, name: &str) -> Option<String> {
        let route = self.routes.iter().find(|r| r.name == name)?;
        Some(format!("{}{}", self.origin, route.path))
    }

    /// The spec's URL of endpoint `name`, rendered with the default values (and `client_id`).
    fn spec_url(&self, name: &str, client_id: Option<&str>) -> Option<String> {
        let ep = self.def.endpoint(name)?;
        let vars = self.vars();
        let cx = RenderContext {
            vars: &vars,
            client_id,
            ..RenderContext::default()
        };
        ep.url.render_with(&self.def, &cx).ok()
    }

    fn fail(&self, site: ErrorSite, meanings: &[M], description: &str) -> Reply {
        self.fail_as(site, meanings, description, Some(&self.def.token_response))
    }

    /// Like [`App::fail`], preferring rules that send the RFC code `hint`.
    fn fail_hint(&self, site: ErrorSite, meanings: &[M], hint: &str, description: &str) -> Reply {
        self.answer(Failure {
            response: Some(&self.def.token_response),
            hint: Some(hint),
            ..Failure::new(site, meanings, description)
        })
    }

    fn fail_as(
        &self,
        site: ErrorSite,
        meanings: &[M],
        description: &str,
        response: Option<&ResponseDef>,
    ) -> Reply {
        self.answer(Failure {
            response,
            ..Failure::new(site, meanings, description)
        })
    }

    /// A token-endpoint failure answering a request of `grant` (rules for other grants do
    /// not apply).
    fn fail_grant(
        &self,
        grant: Option<GrantKind>,
        meanings: &[M],
        hint: Option<&str>,
        description: &str,
    ) -> Reply {
        self.answer(Failure {
            response: Some(&self.def.token_response),
            hint,
            grant,
            ..Failure::new(ErrorSite::TokenEndpoint, meanings, description)
        })
    }

    fn answer(&self, failure: Failure<'_>) -> Reply {
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

/// The single axum handler.
pub(crate) async fn handle(
    AxumState(app): AxumState<Arc<App>>,
    method: HttpMethod,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path();
    if app.admin_api && (path == admin::PREFIX || path.starts_with(&format!("{}/", admin::PREFIX)))
    {
        // The test's own channel: not a provider endpoint, so not recorded.
        return into_response(admin::handle(&app, &method, path, uri.query(), &body));
    }
    let req = Req::new(&app.def, &method, &headers, uri.query(), &body);
    if let Some(reply) = crate::oidc::serve(&app, path) {
        record(&app, &req, path, None, &reply);
        return into_response(reply);
    }

    let mut path_matched = false;
    let mut chosen: Option<(Route, Captures)> = None;
    for route in &app.routes {
        let Some(captures) = match_path(route, path) else {
            continue;
        };
        path_matched = true;
        // The sample API and the verification page are the simulator's own: any method.
        let any_method = matches!(route.kind, Kind::Api | Kind::DeviceVerify);
        if any_method || accepts(route, &method) {
            chosen = Some((route.clone(), captures));
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
        Some((route, _)) if req.body_error.is_some() => {
            let site = match route.kind {
                Kind::Api | Kind::Connection => ErrorSite::Api,
                Kind::Authorize | Kind::Consent => ErrorSite::Authorize,
                Kind::Revoke => ErrorSite::Revoke,
                _ => ErrorSite::TokenEndpoint,
            };
            let why = req.body_error.clone().unwrap_or_default();
            app.fail(site, &[M::BadRequest], &why)
        }
        Some((route, captures)) => match route.kind {
            Kind::Authorize => authorize::authorize(&app, &req),
            Kind::Token => {
                match table::custom_at_token(&app.def, &route.name, req.param("grant_type")) {
                    Some(i) => custom::custom(&app, &req, i),
                    None => token::token(&app, &req, &route.name),
                }
            }
            Kind::Custom(i) => custom::custom(&app, &req, i),
            Kind::Revoke => revoke::revoke(&app, &req, captures.token),
            Kind::Device => device::authorize_device(&app, &req, &route.name),
            Kind::DeviceVerify => device::verify(&app, &req),
            Kind::Consent => consent::answer(&app, &req),
            Kind::Connection => connection::serve(&app, &req, &route.name),
            Kind::Api => match api::api(&app, &req, &captures) {
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
        json: req.json.clone(),
        headers: req
            .headers
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
            .collect(),
        authorization: req
            .header(header::AUTHORIZATION.as_str())
            .map(str::to_string),
        status: reply.status,
        body: reply.body.clone(),
    };
    let mut st = app.lock();
    if st.requests.len() >= MAX_RECORDED {
        st.requests.pop_front();
        st.requests_dropped += 1;
    }
    st.requests.push_back(entry);
}

pub(crate) fn into_response(reply: Reply) -> Response {
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
        Some(raw) => split_list(sep, raw),
        None => def
            .scopes
            .as_ref()
            .map(|s| s.default.iter().map(|x| x.to_string()).collect())
            .unwrap_or_default(),
    }
}

/// Scopes in a request, split at the def's separator (and at spaces).
fn split_list(sep: &str, raw: &str) -> Vec<String> {
    raw.split(sep)
        .flat_map(|s| s.split(' '))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn expires_at(now_ms: u64, lifetime: Lifetime) -> Option<u64> {
    match lifetime {
        Lifetime::Secs(s) => Some(now_ms.saturating_add(s.saturating_mul(1000))),
        Lifetime::Never => None,
    }
}
