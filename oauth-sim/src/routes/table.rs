//! The routing table: which endpoint of the def each path (and method) reaches, and what a
//! path captures.
//!
//! Every endpoint template is rendered with the def's default variable values and only the
//! path is kept. Connection values and `{token}` are rendered as marks first: a connection
//! value that opens the template is its origin and drops out, one inside the path becomes a
//! segment that matches anything (captured for the handler to check), as `{token}` does.

use std::collections::BTreeMap;

use axum::http::Method as HttpMethod;
use oauth_model::{Method, ProviderDef, RenderContext, TemplatePart, VarValue};

use super::{consent, default_values, device};

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
    /// A follow-up call that yields connection values (`from: request`).
    Connection,
    /// The consent page's answer (the simulator's own: `POST /sim/consent`).
    Consent,
}

/// One segment of a routed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// Literal text.
    Lit(String),
    /// Any segment: connection value `i` (checked by the handler).
    Conn(usize),
    /// Any segment: the token being revoked.
    Token,
}

/// One routed endpoint.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    pub name: String,
    /// The path as [`crate::Simulator::endpoint_url`] shows it (`{name}` for a connection
    /// value in the path).
    pub path: String,
    pub(super) pattern: Vec<Seg>,
    pub(super) methods: Vec<Method>,
    pub kind: Kind,
}

/// What a matched path captured.
#[derive(Debug, Clone, Default)]
pub(crate) struct Captures {
    /// Connection values in the path, by index into the def's `connection`.
    pub connection: Vec<(usize, String)>,
    /// The token in a revocation path.
    pub token: Option<String>,
}

/// Stands for the token in a revocation template.
const TOKEN_MARK: &str = "oauth-sim-token";
/// Stands for connection value `i` inside a path: `oauth-sim-connection-<i>`.
const CONNECTION_MARK: &str = "oauth-sim-connection-";
/// Stands for a connection value that opens a template (an origin).
const ORIGIN_MARK: &str = "http://oauth-sim-origin.invalid";

/// The path pattern endpoint `name` is served at.
pub(crate) fn endpoint_pattern(
    def: &ProviderDef,
    values: &[VarValue],
    name: &str,
) -> Option<Vec<Seg>> {
    let ep = def.endpoint(name)?;
    let marks: BTreeMap<String, String> = def
        .connection
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let opens =
                matches!(ep.url.parts.first(), Some(TemplatePart::Connection(j)) if *j == i);
            let mark = if opens {
                ORIGIN_MARK.to_string()
            } else {
                format!("{CONNECTION_MARK}{i}")
            };
            (c.name.to_string(), mark)
        })
        .collect();
    let cx = RenderContext {
        vars: values,
        connection: Some(&marks),
        client_id: Some("oauth-sim-client"),
        token: Some(TOKEN_MARK),
    };
    let rendered = ep.url.render_with(def, &cx).ok()?;
    let url = url::Url::parse(&rendered)
        .or_else(|_| url::Url::parse(&format!("http://sim.invalid/{rendered}")))
        .ok()?;
    Some(
        url.path()
            .split('/')
            .skip(1)
            .map(|seg| {
                if seg == TOKEN_MARK {
                    Seg::Token
                } else if let Some(i) = seg
                    .strip_prefix(CONNECTION_MARK)
                    .and_then(|i| i.parse::<usize>().ok())
                {
                    Seg::Conn(i)
                } else {
                    Seg::Lit(seg.to_string())
                }
            })
            .collect(),
    )
}

/// The path of a pattern as [`crate::Simulator::endpoint_url`] shows it.
fn pattern_path(def: &ProviderDef, pattern: &[Seg]) -> String {
    let mut path = String::new();
    for seg in pattern {
        path.push('/');
        match seg {
            Seg::Lit(s) => path.push_str(s),
            Seg::Conn(i) => {
                let name = def
                    .connection
                    .get(*i)
                    .map_or("connection", |c| c.name.as_ref());
                path.push_str(&format!("{{{name}}}"));
            }
            Seg::Token => path.push_str("{token}"),
        }
    }
    if path.is_empty() {
        path.push('/');
    }
    path
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
    let connection_endpoints: Vec<&str> = def
        .connection
        .iter()
        .filter_map(|c| match &c.from {
            oauth_model::ConnectionFrom::Request { endpoint, .. } => Some(endpoint.as_ref()),
            _ => None,
        })
        .collect();
    let mut routes = Vec::new();
    for ep in def.endpoints.iter() {
        let name: &str = &ep.name;
        // A custom grant on an endpoint the standard grants also use (Zoom's and Reddit's
        // token endpoint) is told apart by its fixed `grant_type` when the request arrives
        // (see [`custom_at_token`]); on an endpoint of its own it owns the route.
        let kind = if let Some(i) = g
            .custom
            .iter()
            .position(|c| c.endpoint == name && !token.contains(&name))
        {
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
        } else if connection_endpoints.contains(&name) {
            Kind::Connection
        } else if name == "revoke" {
            Kind::Revoke
        } else if name == "api" {
            Kind::Api
        } else {
            continue;
        };
        let Some(mut pattern) = endpoint_pattern(def, &values, name) else {
            continue;
        };
        if kind == Kind::Api {
            if pattern.last() == Some(&Seg::Lit(String::new())) {
                pattern.pop();
            }
            pattern.push(Seg::Lit("sim".into()));
            pattern.push(Seg::Lit("me".into()));
        }
        let mut methods = vec![ep.method];
        methods.extend(ep.other_methods.iter().copied());
        routes.push(Route {
            name: name.to_string(),
            path: pattern_path(def, &pattern),
            pattern,
            methods,
            kind,
        });
    }
    if routes.iter().any(|r| r.kind == Kind::Device) {
        routes.push(own_route(
            device::VERIFICATION_NAME,
            device::VERIFICATION_PATH,
            Method::Get,
            Kind::DeviceVerify,
        ));
    }
    if routes.iter().any(|r| r.kind == Kind::Authorize) {
        routes.push(own_route(
            consent::CONSENT_NAME,
            consent::CONSENT_PATH,
            Method::Post,
            Kind::Consent,
        ));
    }
    routes
}

/// A route of the simulator's own (not in the spec) at a literal path.
fn own_route(name: &str, path: &str, method: Method, kind: Kind) -> Route {
    Route {
        name: name.to_string(),
        path: path.to_string(),
        pattern: path
            .split('/')
            .skip(1)
            .map(|s| Seg::Lit(s.to_string()))
            .collect(),
        methods: vec![method],
        kind,
    }
}

/// The custom grant a request to standard token endpoint `endpoint` belongs to: the one on
/// that endpoint whose fixed `grant_type` the request carries.
pub(crate) fn custom_at_token(
    def: &ProviderDef,
    endpoint: &str,
    grant_type: Option<&str>,
) -> Option<usize> {
    let grant_type = grant_type?;
    def.grants.custom.iter().position(|c| {
        c.endpoint == endpoint
            && c.params.iter().any(|p| {
                p.wire == "grant_type"
                    && matches!(&p.source, oauth_model::ParamSource::Value(v) if v == grant_type)
            })
    })
}

/// What `path` captures against `route`, if it matches. A revocation path also matches with
/// the token appended as one more segment (Nest's `DELETE .../access_tokens/<token>`).
pub(super) fn match_path(route: &Route, path: &str) -> Option<Captures> {
    let segs: Vec<&str> = path.split('/').skip(1).collect();
    let mut pattern: Vec<Seg> = route.pattern.clone();
    if route.kind == Kind::Revoke
        && !pattern.contains(&Seg::Token)
        && segs.len() == pattern.len() + 1
    {
        pattern.push(Seg::Token);
    }
    if segs.len() != pattern.len() {
        return None;
    }
    let mut captures = Captures::default();
    for (seg, want) in segs.iter().zip(&pattern) {
        match want {
            Seg::Lit(lit) if lit == seg => {}
            Seg::Lit(_) => return None,
            Seg::Conn(_) | Seg::Token if seg.is_empty() => return None,
            Seg::Conn(i) => captures.connection.push((*i, percent_decode(seg))),
            Seg::Token => captures.token = Some(percent_decode(seg)),
        }
    }
    Some(captures)
}

fn percent_decode(seg: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", seg.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

pub(super) fn accepts(route: &Route, m: &HttpMethod) -> bool {
    route.methods.iter().any(|spec| m.as_str() == spec.as_str())
}
