//! The untyped, spec-driven engine that generated provider types wrap: not a stable API.
//!
//! Generated code describes a provider as a static [`ProviderDef`](oauth_model::ProviderDef)
//! and calls this engine with indexes into it (variables, scope parameters, optional
//! authorize parameters, custom grants), never with names: the typed client checks at
//! compile time what the engine would otherwise look up and re-check at run time. Users see
//! the typed clients and the public types of the crate root (`TokenSet`, `TokenSource`,
//! `AuthorizedClient`, ...); this module is reachable as `oauth_runtime::__private::engine`
//! and hidden from the docs.
//!
//! One concept a file: `client` (the client, its URLs and templates),
//! `builder` (configuration and its checks), `params` (what generated code passes in),
//! `authorize` (the front channel and the redirect), `redirect` (the redirect's checks),
//! `grants` (every token-endpoint request), `client_auth`, `connection` (values learned
//! after authorization), `api` (authorized API calls) and `oidc` (OpenID Connect, PAR,
//! DPoP).

mod api;
mod authorize;
mod builder;
mod client;
mod client_auth;
mod connection;
mod grants;
mod oidc;
mod params;
pub(crate) mod redirect;

pub use crate::response::MAX_BODY_BYTES;
pub use builder::{ClientBuilder, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT};
pub use client::Client;
pub use params::{AuthorizeParams, Callback, ParamValue};
