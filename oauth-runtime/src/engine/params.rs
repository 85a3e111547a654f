//! What generated code passes the engine: the scopes and optional parameters of an
//! authorization request (by index into the spec, never by name), custom grant arguments,
//! and a checked redirect.

use std::collections::BTreeMap;

use oauth_model::VarValue;

use crate::secret::{AuthorizationCode, Password};

/// What an authorization request asks for.
#[derive(Debug, Clone, Default)]
pub struct AuthorizeParams {
    /// Each scope with the index of its parameter in `ScopesDef::params` (0: `scope`; further
    /// ones: Slack's `user_scope`, HubSpot's `optional_scope`). When parameter 0 gets none,
    /// the spec's default scopes are sent.
    pub scopes: Vec<(usize, String)>,
    /// Each optional parameter with its index in `AuthorizationCodeDef::extra_params`. A free
    /// value is checked against the parameter's format; a parameter with a `send` value is
    /// sent with it unless set here.
    pub extra: Vec<(usize, String)>,
}

/// A custom grant argument.
#[derive(Debug, Clone)]
pub enum ParamValue {
    /// Plain text.
    Text(String),
    /// A secret.
    Secret(Password),
}

impl ParamValue {
    /// The value as it goes on the wire.
    pub(crate) fn wire(&self) -> &str {
        match self {
            ParamValue::Text(t) => t,
            ParamValue::Secret(p) => p.secret(),
        }
    }
}

/// A parsed, checked authorization redirect.
#[derive(Debug)]
pub struct Callback {
    /// The authorization code.
    pub code: AuthorizationCode,
    /// Variable values the redirect selected (Zoho's `location` / `accounts-server`), already
    /// checked against the spec's declared values: `(variable index, value)`.
    pub selected: Vec<(usize, VarValue)>,
    /// Connection values the redirect carried (`from: callback`, QuickBooks' `realmId`),
    /// checked against their formats.
    pub connection: BTreeMap<String, String>,
}
