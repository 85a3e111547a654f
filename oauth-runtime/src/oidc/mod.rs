//! OpenID Connect for the runtime's clients: discovery, the provider's keys, ID token
//! verification, UserInfo, and DPoP proofs. Self-contained: nothing here sends a grant; the
//! grants call in (a nonce in the pending authorization, [`IdTokenVerifier::verify`] on the
//! token response, a [`DpopKey`] proof on token and API requests).
//!
//! - [`discovery`]: `/.well-known/openid-configuration` (RFC 8414 fallback), issuer checked
//!   exactly, cached by `Cache-Control`.
//! - [`jwk`]: one key, its thumbprint and fit checks; [`jwks`]: the key set, refetched once
//!   for an unknown `kid`, rate-limited.
//! - [`id_token`]: signature, algorithm allow-list, `iss`, `aud`/`azp`, times, `nonce`,
//!   `at_hash`/`c_hash`; one [`IdTokenError`] variant per check.
//! - [`claims`]: the typed claims; [`nonce`], [`hash`]: the values the checks compare.
//! - [`userinfo`]: UserInfo with the `sub` check; [`dpop`]: RFC 9449 proofs.
//!
//! Every fetch goes through one function that refuses redirects, plain HTTP off loopback and
//! bodies past 1 MiB. The cryptography is ring's (see [`crate::jose`] for why); this module
//! frames and checks, it never implements a primitive.
//! It must never log or format a token, a nonce, a proof or a private key.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use oauth_runtime::oidc::{Discovery, Expected, IdTokenVerifier, Nonce, UserInfo};
//! use oauth_runtime::{AccessToken, ClientId};
//!
//! let discovery = Discovery::new("https://id.example.com")?;
//! let metadata = discovery.metadata().await?;
//! let verifier = IdTokenVerifier::from_metadata(&metadata, ClientId::new("my-client"))?.build()?;
//!
//! let nonce = Nonce::random(); // sent as `nonce` in the authorization request, kept with it
//! # let (id_token, access_token) = (String::new(), AccessToken::new(""));
//! let claims = verifier
//!     .verify(&id_token, &Expected { nonce: Some(&nonce), access_token: Some(&access_token), ..Expected::default() })
//!     .await?;
//! let me = UserInfo::from_metadata(&metadata)?.fetch(&access_token, &claims.sub).await?;
//! println!("{} <{}>", claims.sub, me.standard.email.unwrap_or_default());
//! # Ok(()) }
//! ```

mod cache;
pub mod claims;
pub mod discovery;
pub mod dpop;
mod fetch;
pub mod hash;
pub mod id_token;
pub mod jwk;
pub mod jwks;
mod jws;
pub mod nonce;
pub mod userinfo;

pub use cache::CachePolicy;
pub use claims::{Address, IdTokenClaims, StandardClaims, UserInfoClaims};
pub use discovery::{Discovery, DiscoveryBuilder, DiscoveryError, ProviderMetadata};
pub use dpop::{DpopError, DpopKey, DpopProof, DpopProofBuilder, ExportedDpopKey};
pub use fetch::{FetchError, MAX_BODY_BYTES};
pub use id_token::{
    Expected, IdTokenError, IdTokenVerifier, IdTokenVerifierBuilder, VerifierConfigError,
    DEFAULT_CLOCK_SKEW, MAX_CLOCK_SKEW,
};
pub use jwk::{Jwk, JwkError};
pub use jwks::{JwkSet, JwksCache, JwksCacheBuilder, JwksError};
pub use nonce::Nonce;
pub use userinfo::{UserInfo, UserInfoError};
