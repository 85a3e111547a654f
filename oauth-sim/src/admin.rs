//! The admin HTTP API: what a test suite in any language needs to drive the simulator over
//! plain HTTP and JSON, the same operations [`crate::Simulator`] offers in Rust. Served under
//! `/sim/admin` only when asked for ([`crate::ServeOptions::admin_api`], which `oauth serve`
//! turns on); its requests are not recorded with the provider's.
//!
//! | method and path | body | answer |
//! |---|---|---|
//! | `GET /sim/admin` | | the provider, origin, endpoints, clients, consent, clock |
//! | `GET /sim/admin/clients` | | `[{client_id, public, has_key, active, redirect_uris}]` |
//! | `POST /sim/admin/clients` | `{client_id, client_secret?, redirect_uris, jwk?}` | `201` the client |
//! | `DELETE /sim/admin/clients/{id}` | | `204` |
//! | `PUT /sim/admin/clients/{id}/key` | a public JWK | the client |
//! | `PUT /sim/admin/clients/{id}/active` | `{active}` | the client |
//! | `GET`, `PUT /sim/admin/consent` | `{mode: approve\|deny\|server_error\|ask, user?}` | the consent |
//! | `GET /sim/admin/clock` | | `{elapsed_ms, now_unix}` |
//! | `POST /sim/admin/clock/advance` | `{seconds}` or `{ms}` | the clock |
//! | `GET /sim/admin/stats` | | the counters ([`crate::Stats`]) |
//! | `GET /sim/admin/requests?endpoint=&since=` | | `[{index, endpoint, method, path, query, form, json, headers, authorization, status, body}]` |
//! | `DELETE /sim/admin/requests` | | `204` |
//! | `POST /sim/admin/users` | `{user, password, confirmed?}` | `201` |
//! | `POST /sim/admin/pins` | `{user}` | `{pin}` |
//! | `POST /sim/admin/devices/{user_code}/approve` | `{user}` | `{decided}` (`404` when none) |
//! | `POST /sim/admin/devices/{user_code}/deny` | | `{decided}` (`404` when none) |
//! | `PUT /sim/admin/strict_params` | `{strict}` | `{strict}` |
//! | `PUT /sim/admin/connection_values/{name}` | `{value}` | `{name, value}` |
//!
//! Errors are `{"error": "..."}` with `400` (a body that does not fit), `404` (an unknown
//! path, client or code) or `405`. Pairs (`query`, `form`, `json`, `headers`) are arrays of
//! `[name, value]` in the order sent. The recorded requests hold what clients sent, secrets
//! included: the API is a test fixture on a loopback address, like the Rust one.

use std::time::Duration;

use axum::http::Method;
use serde_json::{json, Map, Value};

use crate::render::Reply;
use crate::routes::App;
use crate::state::{Consent, RecordedRequest};

/// Where the admin API is served.
pub(crate) const PREFIX: &str = "/sim/admin";

/// Answers one admin request.
pub(crate) fn handle(
    app: &App,
    method: &Method,
    path: &str,
    query: Option<&str>,
    body: &[u8],
) -> Reply {
    let rest = path.strip_prefix(PREFIX).unwrap_or("");
    let segs: Vec<String> = rest
        .split('/')
        .filter(|s| !s.is_empty())
        .map(decode)
        .collect();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let body = match parse_body(body) {
        Ok(v) => v,
        Err(why) => return error(400, &why),
    };
    let m = method.as_str();
    match (m, segs.as_slice()) {
        ("GET", []) => Reply::json(200, &overview(app)),
        ("GET", ["clients"]) => Reply::json(200, &Value::Array(clients(app))),
        ("POST", ["clients"]) => add_client(app, &body),
        ("DELETE", ["clients", id]) => {
            if app.lock().clients.remove(*id).is_some() {
                empty()
            } else {
                no_client(id)
            }
        }
        ("PUT", ["clients", id, "key"]) => match crate::register_key(app, id, &body.to_string()) {
            Ok(()) => client_reply(app, id),
            Err(crate::SimError::Key(why)) if why.starts_with("no client") => no_client(id),
            Err(e) => error(400, &e.to_string()),
        },
        ("PUT", ["clients", id, "active"]) => {
            let Some(active) = body.get("active").and_then(Value::as_bool) else {
                return error(400, "expected {\"active\": true|false}");
            };
            match app.lock().clients.get_mut(*id) {
                Some(c) => c.active = active,
                None => return no_client(id),
            }
            client_reply(app, id)
        }
        ("GET", ["consent"]) => Reply::json(200, &consent_json(&app.lock().consent)),
        ("PUT", ["consent"]) => match consent_from(&body) {
            Ok(c) => {
                let out = consent_json(&c);
                app.lock().consent = c;
                Reply::json(200, &out)
            }
            Err(why) => error(400, &why),
        },
        ("GET", ["clock"]) => Reply::json(200, &clock_json(app)),
        ("POST", ["clock", "advance"]) => {
            let by = if let Some(s) = body.get("seconds").and_then(Value::as_f64) {
                (s.is_finite() && s >= 0.0).then(|| Duration::from_secs_f64(s.min(1e12)))
            } else {
                body.get("ms")
                    .and_then(Value::as_u64)
                    .map(Duration::from_millis)
            };
            let Some(by) = by else {
                return error(
                    400,
                    "expected {\"seconds\": N} or {\"ms\": N}, a number not below zero",
                );
            };
            app.clock.advance(by);
            Reply::json(200, &clock_json(app))
        }
        ("GET", ["stats"]) => Reply::json(200, &stats_json(&app.lock().stats)),
        ("GET", ["requests"]) => requests(app, query),
        ("DELETE", ["requests"]) => {
            let mut st = app.lock();
            let n = st.requests.len() as u64;
            st.requests.clear();
            st.requests_dropped += n;
            empty()
        }
        ("POST", ["users"]) => {
            let (Some(user), Some(password)) = (
                body.get("user").and_then(Value::as_str),
                body.get("password").and_then(Value::as_str),
            ) else {
                return error(400, "expected {\"user\": \"...\", \"password\": \"...\"}");
            };
            let confirmed = body
                .get("confirmed")
                .and_then(Value::as_bool)
                .unwrap_or(true);
            let mut st = app.lock();
            st.users.insert(user.to_string(), password.to_string());
            if confirmed {
                st.unconfirmed_users.remove(user);
            } else {
                st.unconfirmed_users.insert(user.to_string());
            }
            Reply::json(201, &json!({ "user": user, "confirmed": confirmed }))
        }
        ("POST", ["pins"]) => {
            let Some(user) = body.get("user").and_then(Value::as_str) else {
                return error(400, "expected {\"user\": \"...\"}");
            };
            if app.def.grants.pin.is_none() {
                return error(400, &format!("{} has no PIN grant", app.def.display_name));
            }
            let mut st = app.lock();
            let pin = crate::routes::issue_pin_locked(app, &mut st, user);
            Reply::json(201, &json!({ "pin": pin }))
        }
        ("POST", ["devices", code, decision @ ("approve" | "deny")]) => {
            let status = if *decision == "approve" {
                let user = body
                    .get("user")
                    .and_then(Value::as_str)
                    .unwrap_or("alice")
                    .to_string();
                crate::state::DeviceStatus::Approved { user }
            } else {
                crate::state::DeviceStatus::Denied
            };
            let now = app.clock.now_ms();
            if crate::routes::decide_device(&mut app.lock(), code, status, now) {
                Reply::json(200, &json!({ "decided": true }))
            } else {
                error(
                    404,
                    &format!("no pending, unexpired device authorization has the code `{code}`"),
                )
            }
        }
        ("PUT", ["strict_params"]) => {
            let Some(strict) = body.get("strict").and_then(Value::as_bool) else {
                return error(400, "expected {\"strict\": true|false}");
            };
            app.lock().strict_params = strict;
            Reply::json(200, &json!({ "strict": strict }))
        }
        ("PUT", ["connection_values", name]) => {
            let Some(value) = body.get("value").and_then(Value::as_str) else {
                return error(400, "expected {\"value\": \"...\"}");
            };
            match crate::set_connection_value(app, name, value) {
                Ok(()) => Reply::json(200, &json!({ "name": name, "value": value })),
                Err(e) => error(400, &e.to_string()),
            }
        }
        (
            _,
            []
            | ["clients", ..]
            | ["consent"]
            | ["clock", ..]
            | ["stats"]
            | ["requests"]
            | ["users"]
            | ["pins"]
            | ["devices", ..]
            | ["strict_params"]
            | ["connection_values", ..],
        ) if known_path(&segs) => error(405, &format!("{m} is not allowed here")),
        _ => error(
            404,
            &format!("no admin endpoint at {path}; `GET {PREFIX}` describes the simulator"),
        ),
    }
}

/// Whether `segs` name an admin resource (so a wrong method is a `405`, not a `404`).
fn known_path(segs: &[&str]) -> bool {
    matches!(
        segs,
        [] | ["clients"]
            | ["clients", _]
            | ["clients", _, "key" | "active"]
            | ["consent"]
            | ["clock"]
            | ["clock", "advance"]
            | ["stats"]
            | ["requests"]
            | ["users"]
            | ["pins"]
            | ["devices", _, "approve" | "deny"]
            | ["strict_params"]
            | ["connection_values", _]
    )
}

fn decode(seg: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", seg.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// The JSON body (`null` when empty).
fn parse_body(body: &[u8]) -> Result<Value, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    serde_json::from_slice(body).map_err(|e| format!("the body is not JSON: {e}"))
}

fn error(status: u16, message: &str) -> Reply {
    Reply::json(status, &json!({ "error": message }))
}

fn empty() -> Reply {
    Reply {
        status: 204,
        content_type: "application/json",
        body: String::new(),
        headers: Vec::new(),
    }
}

fn no_client(id: &str) -> Reply {
    error(404, &format!("no client `{id}` is registered"))
}

fn overview(app: &App) -> Value {
    let endpoints: Map<String, Value> = app
        .routes
        .iter()
        .map(|r| (r.name.clone(), json!(format!("{}{}", app.origin, r.path))))
        .collect();
    json!({
        "provider": { "name": app.def.name.to_string(), "display_name": app.def.display_name.to_string() },
        "origin": app.origin,
        "admin": format!("{}{PREFIX}", app.origin),
        "endpoints": endpoints,
        "clients": clients(app),
        "consent": consent_json(&app.lock().consent),
        "clock": clock_json(app),
    })
}

fn client_json(id: &str, c: &crate::state::Client) -> Value {
    json!({
        "client_id": id,
        "public": c.is_public(),
        "has_key": c.key.is_some(),
        "active": c.active,
        "redirect_uris": c.redirect_uris,
    })
}

fn clients(app: &App) -> Vec<Value> {
    let st = app.lock();
    let mut ids: Vec<&String> = st.clients.keys().collect();
    ids.sort();
    ids.into_iter()
        .filter_map(|id| st.clients.get(id).map(|c| client_json(id, c)))
        .collect()
}

fn client_reply(app: &App, id: &str) -> Reply {
    match app.lock().clients.get(id) {
        Some(c) => Reply::json(200, &client_json(id, c)),
        None => no_client(id),
    }
}

fn add_client(app: &App, body: &Value) -> Reply {
    let Some(id) = body
        .get("client_id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
    else {
        return error(
            400,
            "expected {\"client_id\": \"...\", \"client_secret\": \"...\", \"redirect_uris\": [...]}",
        );
    };
    let secret = match body.get("client_secret") {
        None | Some(Value::Null) => "",
        Some(Value::String(s)) => s.as_str(),
        Some(_) => return error(400, "client_secret must be a string"),
    };
    let uris: Vec<String> = match body.get("redirect_uris") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => {
            let mut out = Vec::new();
            for u in a {
                match u.as_str() {
                    Some(u) => out.push(u.to_string()),
                    None => return error(400, "redirect_uris must be strings"),
                }
            }
            out
        }
        Some(_) => return error(400, "redirect_uris must be an array of strings"),
    };
    crate::register_client(app, id, secret, uris);
    if let Some(jwk) = body.get("jwk").filter(|j| !j.is_null()) {
        if let Err(e) = crate::register_key(app, id, &jwk.to_string()) {
            app.lock().clients.remove(id);
            return error(400, &e.to_string());
        }
    }
    match client_reply(app, id) {
        Reply { status: 200, .. } => {
            let st = app.lock();
            match st.clients.get(id) {
                Some(c) => Reply::json(201, &client_json(id, c)),
                None => no_client(id),
            }
        }
        other => other,
    }
}

/// A consent as JSON: `{mode, user?}`.
pub(crate) fn consent_json(c: &Consent) -> Value {
    match c {
        Consent::Approve { user } => json!({ "mode": "approve", "user": user }),
        Consent::Deny => json!({ "mode": "deny" }),
        Consent::ServerError => json!({ "mode": "server_error" }),
        Consent::Ask => json!({ "mode": "ask" }),
    }
}

fn consent_from(body: &Value) -> Result<Consent, String> {
    let mode = body.get("mode").and_then(Value::as_str).unwrap_or_default();
    match mode {
        "approve" => Ok(Consent::Approve {
            user: body
                .get("user")
                .and_then(Value::as_str)
                .unwrap_or("alice")
                .to_string(),
        }),
        "deny" => Ok(Consent::Deny),
        "server_error" => Ok(Consent::ServerError),
        "ask" => Ok(Consent::Ask),
        _ => Err(
            "expected {\"mode\": \"approve\", \"user\": \"alice\"}, or mode `deny`, \
             `server_error` or `ask`"
                .into(),
        ),
    }
}

fn clock_json(app: &App) -> Value {
    json!({
        "elapsed_ms": app.clock.now_ms(),
        "now_unix": app.now_unix(),
    })
}

fn stats_json(s: &crate::Stats) -> Value {
    json!({
        "token_requests": s.token_requests,
        "codes_issued": s.codes_issued,
        "pins_issued": s.pins_issued,
        "refreshes": s.refreshes,
        "access_tokens_issued": s.access_tokens_issued,
        "refresh_tokens_issued": s.refresh_tokens_issued,
        "api_calls": s.api_calls,
        "revocations": s.revocations,
        "device_codes_issued": s.device_codes_issued,
    })
}

fn pairs(p: &[(String, String)]) -> Value {
    Value::Array(p.iter().map(|(k, v)| json!([k, v])).collect())
}

fn request_json(index: u64, r: &RecordedRequest) -> Value {
    json!({
        "index": index,
        "endpoint": r.endpoint,
        "method": r.method,
        "path": r.path,
        "query": pairs(&r.query),
        "form": pairs(&r.form),
        "json": pairs(&r.json),
        "headers": pairs(&r.headers),
        "authorization": r.authorization,
        "status": r.status,
        "body": r.body,
    })
}

fn requests(app: &App, query: Option<&str>) -> Reply {
    let mut endpoint: Option<String> = None;
    let mut since: u64 = 0;
    for (k, v) in url::form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        match k.as_ref() {
            "endpoint" => endpoint = Some(v.into_owned()),
            "since" => match v.parse() {
                Ok(n) => since = n,
                Err(_) => return error(400, "since must be a whole number (a request index)"),
            },
            other => {
                return error(
                    400,
                    &format!("unknown parameter `{other}`; use `endpoint` or `since`"),
                )
            }
        }
    }
    let st = app.lock();
    let first = st.requests_dropped;
    let out: Vec<Value> = st
        .requests
        .iter()
        .zip(first..)
        .filter(|(r, i)| {
            *i >= since
                && endpoint
                    .as_deref()
                    .is_none_or(|e| r.endpoint.as_deref() == Some(e))
        })
        .map(|(r, i)| request_json(i, r))
        .collect();
    Reply::json(200, &Value::Array(out))
}
