//! Connection values (values a client learns after authorization): drawn once per
//! authorization and kept with its tokens, handed out where the def says the provider hands
//! them out, and served by the follow-up calls that yield them.
//!
//! - Each value matches its `format` (it is drawn from it), unless the test set one with
//!   [`crate::Simulator::set_connection_value`]. A `from: token_response` value is the
//!   simulator's own origin when the format allows it, so a client that follows it comes back
//!   here. A host value (Salesforce's `instance_url`) cannot be: it must be `https://` and the
//!   simulator speaks HTTP, so a client reaches the simulator through its origin override
//!   (routing is by path).
//! - `from: callback` values go in the authorization redirect (QuickBooks' `realmId`),
//!   `from: token_response` values at their (dotted) field of every token response that
//!   carries the authorization's tokens.
//! - `from: request` values are served at their endpoint's path (Xero's `GET /connections`):
//!   with the access token presented as the API takes it (and a `User-Agent` where the API
//!   requires one), the answer is the JSON `select` reads: `*.tenantId` gives
//!   `[{"tenantId": ".."}]`; several values of one endpoint share the element.

use oauth_model::{ConnectionFrom, ErrorMeaning as M, ErrorSite, ProviderDef};
use serde_json::Value;

use super::api::{check_user_agent, token_of};
use super::request::Req;
use super::App;
use crate::fields::put;
use crate::formats::Format;
use crate::render::Reply;
use crate::state::{Connection, State};

/// Compiles every connection value's format and makes sure a value can be drawn from it, so
/// a def the simulator cannot serve fails at start, not at the first authorization.
pub(crate) fn check_formats(def: &ProviderDef) -> Result<Vec<Format>, String> {
    def.connection
        .iter()
        .map(|c| {
            let format = Format::new(&c.format)
                .map_err(|e| format!("connection value `{}`: {e}", c.name))?;
            format
                .draw()
                .map_err(|e| format!("connection value `{}`: {e}", c.name))?;
            Ok(format)
        })
        .collect()
}

/// The connection values of a new authorization.
pub(super) fn draw(app: &App, st: &State) -> Connection {
    let mut out = Connection::new();
    for (c, format) in app.def.connection.iter().zip(&app.formats) {
        let value = if let Some(v) = st.connection_values.get(c.name.as_ref()) {
            v.clone()
        } else if matches!(c.from, ConnectionFrom::TokenResponse { .. })
            && format.matches(&app.origin)
        {
            app.origin.clone()
        } else {
            // Drawable: checked at start.
            format.draw().unwrap_or_default()
        };
        out.insert(c.name.to_string(), value);
    }
    out
}

/// The `(field, value)` pairs of `from: token_response` values.
pub(super) fn response_fields(def: &ProviderDef, connection: &Connection) -> Vec<(String, String)> {
    def.connection
        .iter()
        .filter_map(|c| match &c.from {
            ConnectionFrom::TokenResponse { field } => connection
                .get(c.name.as_ref())
                .map(|v| (field.to_string(), v.clone())),
            _ => None,
        })
        .collect()
}

/// The `(parameter, value)` pairs of `from: callback` values.
pub(super) fn callback_params(def: &ProviderDef, connection: &Connection) -> Vec<(String, String)> {
    def.connection
        .iter()
        .filter_map(|c| match &c.from {
            ConnectionFrom::Callback { param } => connection
                .get(c.name.as_ref())
                .map(|v| (param.to_string(), v.clone())),
            _ => None,
        })
        .collect()
}

/// A follow-up call to `endpoint`.
pub(super) fn serve(app: &App, req: &Req<'_>, endpoint: &str) -> Reply {
    let def = &app.def;
    let site = ErrorSite::Api;
    if let Err(reply) = check_user_agent(app, req) {
        return reply;
    }
    let now = app.now_ms();
    let st = app.lock();
    let rec = match token_of(app, &st, req, now) {
        Ok((_, rec)) => rec,
        Err(reply) => return reply,
    };
    let mut root = Value::Null;
    for c in def.connection.iter() {
        let ConnectionFrom::Request {
            endpoint: from,
            select,
        } = &c.from
        else {
            continue;
        };
        if from != endpoint {
            continue;
        }
        if let Some(v) = rec.connection.get(c.name.as_ref()) {
            put(&mut root, select, Value::String(v.clone()));
        }
    }
    if root.is_null() {
        return app.fail_as(site, &[M::ServerError], "no connection values here", None);
    }
    Reply::json(200, &root)
}
