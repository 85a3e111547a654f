//! Values learned after authorization: from the redirect, the token response or a follow-up
//! call the spec declares. The runtime keeps them with the token set
//! (`TokenSet::connection`), checks each against its format, and renders them into endpoint
//! templates and API headers as `{connection.<name>}`.

use crate::Str;

/// One connection value.
#[derive(Debug, Clone)]
pub struct ConnectionDef {
    /// snake_case name used in templates.
    pub name: Str,
    /// What it is.
    pub description: Str,
    /// Where it comes from.
    pub from: ConnectionFrom,
    /// The regular expression the whole value must match (a value from a response that does
    /// not is refused, so a host taken from it is one the spec allows).
    pub format: Str,
    /// Whether an authorization that does not yield it is an error.
    pub required: bool,
}

/// Where a connection value comes from.
#[derive(Debug, Clone)]
pub enum ConnectionFrom {
    /// A parameter of the authorization redirect (QuickBooks `realmId`).
    Callback {
        /// The parameter's name.
        param: Str,
    },
    /// A field of the token response (Salesforce `instance_url`); re-read on each refresh
    /// response that carries it.
    TokenResponse {
        /// A dotted path into the body.
        field: Str,
    },
    /// A follow-up call made with the new access token (Xero `GET /connections`).
    Request {
        /// The endpoint called (its spec name).
        endpoint: Str,
        /// A dotted path into the JSON answer; `*` matches any array element (the first
        /// value found is kept).
        select: Str,
    },
}
