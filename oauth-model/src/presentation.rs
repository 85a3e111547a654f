//! What goes on requests besides their parameters: how an access token is presented, the
//! headers every API call carries, where tokens may be sent, and how token requests are
//! encoded.

use crate::{BodyFormat, List, Str, Template};

/// How an access token is attached to a request.
#[derive(Debug, Clone)]
pub enum Presentation {
    /// `<name>: <scheme> <token>` (`<name>: <token>` with an empty scheme).
    Header {
        /// The header: `Authorization` unless the provider says otherwise
        /// (`X-Shopify-Access-Token`).
        name: Str,
        /// `Bearer`, `Zoho-oauthtoken`, or empty for the bare token.
        scheme: Str,
    },
    /// Query parameters.
    Query {
        /// The parameter carrying the token.
        param: Str,
        /// Fixed parameters sent alongside, `(name, value)`.
        extra: List<(Str, Str)>,
    },
    /// The tokens serve no API (Sign in with Apple: only the ID token matters).
    None,
}

/// What API calls carry besides the token, and where a token may be sent.
#[derive(Debug, Clone, Default)]
pub struct ApiDef {
    /// Headers on every API call (`Notion-Version`, `xero-tenant-id: {connection.tenant_id}`).
    pub headers: List<HeaderDef>,
    /// Further origins that receive tokens, besides the `api` endpoint's: exact
    /// (`https://api.example.com`) or with one leading `*.` label wildcard
    /// (`https://*.googleapis.com`).
    pub origins: List<Str>,
    /// The provider refuses requests without a `User-Agent` (documentation; one is always
    /// sent).
    pub user_agent_required: bool,
}

/// A header and its template.
#[derive(Debug, Clone)]
pub struct HeaderDef {
    /// Header name.
    pub name: Str,
    /// Value template.
    pub value: Template,
}

/// How token requests are encoded.
#[derive(Debug, Clone)]
pub struct TokenRequestDef {
    /// The body format (form unless the provider wants JSON).
    pub body: BodyFormat,
    /// Headers on every token request.
    pub headers: List<HeaderDef>,
}
