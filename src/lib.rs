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

/// The bundled providers, generated from `specs/`, one cargo feature each (`all-providers`
/// enables all of them); the table in `docs/providers.md` lists their grants and quirks.
pub mod providers {
    /// Airtable, generated from `specs/airtable.yaml`.
    #[cfg(feature = "airtable")]
    pub mod airtable {
        crate::provider!("specs/airtable.yaml");
    }

    /// Login with Amazon, generated from `specs/amazon.yaml`.
    #[cfg(feature = "amazon")]
    pub mod amazon {
        crate::provider!("specs/amazon.yaml");
    }

    /// Sign in with Apple, generated from `specs/apple.yaml`.
    #[cfg(feature = "apple")]
    pub mod apple {
        crate::provider!("specs/apple.yaml");
    }

    /// Asana, generated from `specs/asana.yaml`.
    #[cfg(feature = "asana")]
    pub mod asana {
        crate::provider!("specs/asana.yaml");
    }

    /// Atlassian (Jira / Confluence Cloud), generated from `specs/atlassian.yaml`.
    #[cfg(feature = "atlassian")]
    pub mod atlassian {
        crate::provider!("specs/atlassian.yaml");
    }

    /// Auth0, generated from `specs/auth0.yaml`.
    #[cfg(feature = "auth0")]
    pub mod auth0 {
        crate::provider!("specs/auth0.yaml");
    }

    /// Bitbucket Cloud, generated from `specs/bitbucket.yaml`.
    #[cfg(feature = "bitbucket")]
    pub mod bitbucket {
        crate::provider!("specs/bitbucket.yaml");
    }

    /// Box, generated from `specs/box.yaml`.
    #[cfg(feature = "box")]
    pub mod r#box {
        crate::provider!("specs/box.yaml");
    }

    /// Calendly, generated from `specs/calendly.yaml`.
    #[cfg(feature = "calendly")]
    pub mod calendly {
        crate::provider!("specs/calendly.yaml");
    }

    /// ClickUp, generated from `specs/clickup.yaml`.
    #[cfg(feature = "clickup")]
    pub mod clickup {
        crate::provider!("specs/clickup.yaml");
    }

    /// Discord, generated from `specs/discord.yaml`.
    #[cfg(feature = "discord")]
    pub mod discord {
        crate::provider!("specs/discord.yaml");
    }

    /// Docusign eSignature, generated from `specs/docusign.yaml`.
    #[cfg(feature = "docusign")]
    pub mod docusign {
        crate::provider!("specs/docusign.yaml");
    }

    /// Dropbox, generated from `specs/dropbox.yaml`.
    #[cfg(feature = "dropbox")]
    pub mod dropbox {
        crate::provider!("specs/dropbox.yaml");
    }

    /// Facebook Login, generated from `specs/facebook.yaml`.
    #[cfg(feature = "facebook")]
    pub mod facebook {
        crate::provider!("specs/facebook.yaml");
    }

    /// Figma, generated from `specs/figma.yaml`.
    #[cfg(feature = "figma")]
    pub mod figma {
        crate::provider!("specs/figma.yaml");
    }

    /// GitHub, generated from `specs/github.yaml`.
    #[cfg(feature = "github")]
    pub mod github {
        crate::provider!("specs/github.yaml");
    }

    /// GitLab, generated from `specs/gitlab.yaml`.
    #[cfg(feature = "gitlab")]
    pub mod gitlab {
        crate::provider!("specs/gitlab.yaml");
    }

    /// Google, generated from `specs/google.yaml`.
    #[cfg(feature = "google")]
    pub mod google {
        crate::provider!("specs/google.yaml");
    }

    /// Google Smart Device Management (Device Access), generated from `specs/google_sdm.yaml`.
    #[cfg(feature = "google-sdm")]
    pub mod google_sdm {
        crate::provider!("specs/google_sdm.yaml");
    }

    /// Gusto, generated from `specs/gusto.yaml`.
    #[cfg(feature = "gusto")]
    pub mod gusto {
        crate::provider!("specs/gusto.yaml");
    }

    /// HubSpot, generated from `specs/hubspot.yaml`.
    #[cfg(feature = "hubspot")]
    pub mod hubspot {
        crate::provider!("specs/hubspot.yaml");
    }

    /// Intercom, generated from `specs/intercom.yaml`.
    #[cfg(feature = "intercom")]
    pub mod intercom {
        crate::provider!("specs/intercom.yaml");
    }

    /// Keycloak, generated from `specs/keycloak.yaml`.
    #[cfg(feature = "keycloak")]
    pub mod keycloak {
        crate::provider!("specs/keycloak.yaml");
    }

    /// Linear, generated from `specs/linear.yaml`.
    #[cfg(feature = "linear")]
    pub mod linear {
        crate::provider!("specs/linear.yaml");
    }

    /// LinkedIn, generated from `specs/linkedin.yaml`.
    #[cfg(feature = "linkedin")]
    pub mod linkedin {
        crate::provider!("specs/linkedin.yaml");
    }

    /// Mailchimp, generated from `specs/mailchimp.yaml`.
    #[cfg(feature = "mailchimp")]
    pub mod mailchimp {
        crate::provider!("specs/mailchimp.yaml");
    }

    /// Marketo (client credentials), generated from `specs/marketo.yaml`.
    #[cfg(feature = "marketo")]
    pub mod marketo {
        crate::provider!("specs/marketo.yaml");
    }

    /// Microsoft Entra ID (Microsoft identity platform), generated from `specs/microsoft.yaml`.
    #[cfg(feature = "microsoft")]
    pub mod microsoft {
        crate::provider!("specs/microsoft.yaml");
    }

    /// Miro, generated from `specs/miro.yaml`.
    #[cfg(feature = "miro")]
    pub mod miro {
        crate::provider!("specs/miro.yaml");
    }

    /// monday.com, generated from `specs/monday.yaml`.
    #[cfg(feature = "monday")]
    pub mod monday {
        crate::provider!("specs/monday.yaml");
    }

    /// Works with Nest (web and PIN codes, no refresh tokens; retired, see `google_sdm`), generated from
    /// `specs/nest.yaml`.
    #[cfg(feature = "nest")]
    pub mod nest {
        crate::provider!("specs/nest.yaml");
    }

    /// Notion, generated from `specs/notion.yaml`.
    #[cfg(feature = "notion")]
    pub mod notion {
        crate::provider!("specs/notion.yaml");
    }

    /// Okta, generated from `specs/okta.yaml`.
    #[cfg(feature = "okta")]
    pub mod okta {
        crate::provider!("specs/okta.yaml");
    }

    /// A generic OpenID Connect / OAuth 2.0 provider with a templated issuer, generated from
    /// `specs/openid.yaml`.
    #[cfg(feature = "openid")]
    pub mod openid {
        crate::provider!("specs/openid.yaml");
    }

    /// Outreach, generated from `specs/outreach.yaml`.
    #[cfg(feature = "outreach")]
    pub mod outreach {
        crate::provider!("specs/outreach.yaml");
    }

    /// Pipedrive, generated from `specs/pipedrive.yaml`.
    #[cfg(feature = "pipedrive")]
    pub mod pipedrive {
        crate::provider!("specs/pipedrive.yaml");
    }

    /// QuickBooks Online, generated from `specs/quickbooks.yaml`.
    #[cfg(feature = "quickbooks")]
    pub mod quickbooks {
        crate::provider!("specs/quickbooks.yaml");
    }

    /// Reddit, generated from `specs/reddit.yaml`.
    #[cfg(feature = "reddit")]
    pub mod reddit {
        crate::provider!("specs/reddit.yaml");
    }

    /// Salesforce, generated from `specs/salesforce.yaml`.
    #[cfg(feature = "salesforce")]
    pub mod salesforce {
        crate::provider!("specs/salesforce.yaml");
    }

    /// Salesloft, generated from `specs/salesloft.yaml`.
    #[cfg(feature = "salesloft")]
    pub mod salesloft {
        crate::provider!("specs/salesloft.yaml");
    }

    /// Shopify, generated from `specs/shopify.yaml`.
    #[cfg(feature = "shopify")]
    pub mod shopify {
        crate::provider!("specs/shopify.yaml");
    }

    /// Slack, generated from `specs/slack.yaml`.
    #[cfg(feature = "slack")]
    pub mod slack {
        crate::provider!("specs/slack.yaml");
    }

    /// Spotify, generated from `specs/spotify.yaml`.
    #[cfg(feature = "spotify")]
    pub mod spotify {
        crate::provider!("specs/spotify.yaml");
    }

    /// Strava, generated from `specs/strava.yaml`.
    #[cfg(feature = "strava")]
    pub mod strava {
        crate::provider!("specs/strava.yaml");
    }

    /// Stripe Connect (OAuth), generated from `specs/stripe_connect.yaml`.
    #[cfg(feature = "stripe-connect")]
    pub mod stripe_connect {
        crate::provider!("specs/stripe_connect.yaml");
    }

    /// TikTok Login Kit, generated from `specs/tiktok.yaml`.
    #[cfg(feature = "tiktok")]
    pub mod tiktok {
        crate::provider!("specs/tiktok.yaml");
    }

    /// Twitch, generated from `specs/twitch.yaml`.
    #[cfg(feature = "twitch")]
    pub mod twitch {
        crate::provider!("specs/twitch.yaml");
    }

    /// Webex, generated from `specs/webex.yaml`.
    #[cfg(feature = "webex")]
    pub mod webex {
        crate::provider!("specs/webex.yaml");
    }

    /// X (Twitter), generated from `specs/x.yaml`.
    #[cfg(feature = "x")]
    pub mod x {
        crate::provider!("specs/x.yaml");
    }

    /// Xero, generated from `specs/xero.yaml`.
    #[cfg(feature = "xero")]
    pub mod xero {
        crate::provider!("specs/xero.yaml");
    }

    /// Yahoo, generated from `specs/yahoo.yaml`.
    #[cfg(feature = "yahoo")]
    pub mod yahoo {
        crate::provider!("specs/yahoo.yaml");
    }

    /// Zendesk, generated from `specs/zendesk.yaml`.
    #[cfg(feature = "zendesk")]
    pub mod zendesk {
        crate::provider!("specs/zendesk.yaml");
    }

    /// Zoho CRM (Zoho Accounts OAuth 2.0 and the retired v1 authtoken), generated from
    /// `specs/zoho_crm.yaml`.
    #[cfg(feature = "zoho-crm")]
    pub mod zoho_crm {
        crate::provider!("specs/zoho_crm.yaml");
    }

    /// Zoho Projects (Zoho Accounts OAuth 2.0), generated from `specs/zoho_projects.yaml`.
    #[cfg(feature = "zoho-projects")]
    pub mod zoho_projects {
        crate::provider!("specs/zoho_projects.yaml");
    }

    /// Zoom, generated from `specs/zoom.yaml`.
    #[cfg(feature = "zoom")]
    pub mod zoom {
        crate::provider!("specs/zoom.yaml");
    }
}
