//! The small runtime behind generated OAuth provider clients.
//!
//! Generated code describes a provider as a static [`ProviderDef`] and wraps this crate's
//! engine (hidden from these docs: it is called with indexes into the definition, which only
//! generated code should hold). What users handle is here: the [`TokenSet`] a grant yields
//! (with its connection values and secondary sets), the [`TokenSource`] that caches, renews
//! and persists it in a [`TokenStore`], the [`AuthorizedClient`] that attaches it to API
//! calls, the pending authorization and device flow records, and the typed [`Error`]
//! vocabulary. [`Clock`] is the one notion of "now" they all share.
//!
//! Secrets live in [`secret`] newtypes: they never reach `Debug`, `Display`, errors or logs.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod api_response;
pub mod authorized;
mod classify;
mod clock;
mod config;
mod device;
mod engine;
pub mod error;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzz;
pub mod jose;
pub mod limits;
pub mod oidc;
mod pending;
mod request;
mod response;
mod seam;
pub mod secret;
pub mod source;
pub mod store;
pub mod time;
pub mod token;

pub use api_response::ApiResponse;
pub use authorized::AuthorizedClient;
pub use clock::{Clock, ManualClock, SystemClock};
pub use device::DeviceAuthorization;
pub use error::{Error, ErrorMeaning, ErrorSite, ProviderError};
pub use limits::RateLimiter;
pub use oauth_model as model;
pub use oauth_model::{ProviderDef, VarValue};
pub use pending::PendingAuthorization;
pub use secret::{
    AccessToken, AuthorizationCode, ClientId, ClientSecret, Credentials, CsrfToken, Password,
    PkceVerifier, RefreshToken,
};
pub use source::{
    ClientCredentialsFetcher, RefreshFetcher, RenewalEvent, Renewer, RenewerBuilder, RenewerStats,
    RetryPolicy, TokenCap, TokenFetcher, TokenSource, TokenSourceBuilder,
};
pub use store::{FileStore, MemoryStore, TokenStore};
pub use token::TokenSet;

/// Re-exports for generated code only; not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use oauth_model;
    pub use reqwest;
    pub use url;

    /// The spec-driven engine generated clients wrap.
    pub mod engine {
        pub use crate::engine::*;
    }

    pub use crate::seam::{scope_at, scope_index, scope_param, NoGrant, Uninhabited};
}
