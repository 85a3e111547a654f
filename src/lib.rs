//! Typed OAuth clients generated from declarative provider specs.
//!
//! Each provider is a YAML file; [`provider!`] turns one into a typed client: a constructor
//! that demands the provider's required variables, one method per grant the provider
//! supports, typed scopes, and errors classified by the provider's documented codes. The
//! bundled providers live in [`providers`], one cargo feature each.
//!
//! ```no_run
//! use oauth_providers::providers::zoho_projects::{AccessType, DataCenter, ZohoProjects};
//! use oauth_providers::{scope, Credentials};
//!
//! # fn main() -> Result<(), oauth_providers::Error> {
//! let client = ZohoProjects::builder(Credentials::new("id", "secret"))
//!     .data_center(DataCenter::Eu)
//!     .redirect_uri("https://app.example.com/callback".parse().expect("static URL"))
//!     .build()?;
//! let (url, pending) = client
//!     .authorize()
//!     .scope(scope!(ZohoProjects.portals.READ))
//!     .access_type(AccessType::Offline)
//!     .url()?;
//! # let _ = (url, pending);
//! # Ok(())
//! # }
//! ```
//!
//! # Token sources and API calls
//!
//! A token source hands out a valid access token: it renews ahead of expiry, once for any
//! number of concurrent callers, and keeps the set in a [`TokenStore`] shared by every process
//! that uses the same store. Generated clients offer one only for grants that can renew
//! (`token_source` for providers with refresh tokens, `client_credentials_source` for client
//! credentials). An authorized client sends API requests with the token the provider's way,
//! and on a token error renews once and retries once.
//!
//! ```no_run
//! use std::sync::Arc;
//!
//! use oauth_providers::providers::marketo::Marketo;
//! use oauth_providers::{Credentials, FileStore};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let marketo = Marketo::new(Credentials::new("client-id", "client-secret"), "123-ABC-456")?;
//! let source = marketo
//!     .client_credentials_source("reporting")
//!     .store(Arc::new(FileStore::new("/var/lib/my-app/tokens")))
//!     .build();
//! let token = source.token().await?; // cached until shortly before it expires
//! # let _ = token;
//!
//! let api = marketo.authorized(source);
//! let leads = format!("{}/rest/v1/leads.json", marketo.endpoint_url("api")?);
//! let response = api.send(|http| http.get(leads.as_str())).await?;
//! println!("HTTP {}", response.status);
//! # Ok(())
//! # }
//! ```
//!
//! # Stores
//!
//! [`MemoryStore`] (the default: one process), [`FileStore`] (one machine; refuses a
//! directory others can write), `RedisStore` (feature `redis`) and `PostgresStore` (feature
//! `postgres`) for fleets of processes, and `SealedStore`, which encrypts every set with a key
//! the application holds, around any of them:
//!
//! ```no_run
//! use std::sync::Arc;
//!
//! use oauth_providers::store::{Keyring, SealedStore, SealingKey};
//! use oauth_providers::{FileStore, TokenStore};
//!
//! # fn run(key_bytes: [u8; 32]) -> Result<(), oauth_providers::Error> {
//! let keys = Keyring::new(SealingKey::new("2026-12", key_bytes)?);
//! let store: Arc<dyn TokenStore> =
//!     Arc::new(SealedStore::new(FileStore::new("/var/lib/my-app/tokens"), keys));
//! # let _ = store;
//! # Ok(())
//! # }
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// Generated code names this crate as `::oauth_providers`, inside it as well as outside.
extern crate self as oauth_providers;

pub use oauth_macros::{provider, scope};
pub use oauth_runtime::*;

/// Re-exports for generated code only; not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use oauth_runtime as rt;
    pub use oauth_runtime::__private::{reqwest, url};
    pub use oauth_runtime::model;
}

/// The bundled spec files as text, whatever features are on: what the `oauth` command embeds,
/// and what a program can hand to the simulator or the code generator.
pub mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_specs.rs"));
}

/// The bundled providers, generated from `specs/`, one cargo feature each.
pub mod providers {
    /// Zoho Projects (Zoho Accounts OAuth 2.0), generated from `specs/zoho_projects.yaml`.
    #[cfg(feature = "zoho-projects")]
    pub mod zoho_projects {
        crate::provider!("specs/zoho_projects.yaml");
    }

    /// Zoho CRM (Zoho Accounts OAuth 2.0 and the retired v1 authtoken), generated from
    /// `specs/zoho_crm.yaml`.
    #[cfg(feature = "zoho-crm")]
    pub mod zoho_crm {
        crate::provider!("specs/zoho_crm.yaml");
    }

    /// Marketo (client credentials), generated from `specs/marketo.yaml`.
    #[cfg(feature = "marketo")]
    pub mod marketo {
        crate::provider!("specs/marketo.yaml");
    }

    /// Works with Nest (web and PIN codes, no refresh tokens), generated from
    /// `specs/nest.yaml`.
    #[cfg(feature = "nest")]
    pub mod nest {
        crate::provider!("specs/nest.yaml");
    }

    /// A generic OpenID Connect / OAuth 2.0 provider with a templated issuer, generated from
    /// `specs/openid.yaml`.
    #[cfg(feature = "openid")]
    pub mod openid {
        crate::provider!("specs/openid.yaml");
    }
}
