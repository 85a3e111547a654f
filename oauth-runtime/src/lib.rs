//! The small runtime behind generated OAuth provider clients.
//!
//! Generated code describes a provider as a static [`ProviderDef`]; this crate interprets it:
//! [`Client`] builds every request the spec describes and classifies every error the spec
//! declares; [`token`] holds what grants yield; [`error`] is the typed error vocabulary.
//!
//! Secrets live in [`secret`] newtypes: they never reach `Debug`, `Display`, errors or logs.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod authorize;
pub mod authorized;
mod classify;
pub mod client;
mod config;
pub mod error;
mod grants;
pub mod jose;
pub mod limits;
pub mod oidc;
mod request;
mod response;
pub mod secret;
pub mod source;
pub mod store;
pub mod time;
pub mod token;

pub use authorized::AuthorizedClient;
pub use client::{
    ApiResponse, AuthorizeParams, Callback, Client, ClientBuilder, DeviceAuthorization, ParamValue,
    PendingAuthorization,
};
pub use error::{Error, ErrorMeaning, ErrorSite, ProviderError};
pub use limits::{Clock, RateLimiter};
pub use oauth_model as model;
pub use oauth_model::{ProviderDef, VarValue};
pub use secret::{
    AccessToken, AuthorizationCode, ClientId, ClientSecret, Credentials, CsrfToken, Password,
    PkceVerifier, RefreshToken,
};
pub use source::{
    ClientCredentialsFetcher, RefreshFetcher, RetryPolicy, TokenCap, TokenFetcher, TokenSource,
};
pub use store::{FileStore, MemoryStore, TokenStore};
pub use token::TokenSet;

/// Re-exports for generated code only; not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use oauth_model;
    pub use reqwest;
    pub use url;
}
