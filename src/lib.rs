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
