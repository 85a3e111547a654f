//! [`PendingAuthorization`]: what a client keeps between sending the user to the provider and
//! handling the redirect.
//!
//! It holds the `state`, the PKCE verifier and the OpenID nonce, all secrets, so its `Debug` redacts them. It
//! is not `Clone`: the exchange takes it by value, so one authorization's `state` and
//! verifier can be used for one exchange only (a replayed redirect has nothing to match).

use std::time::SystemTime;

use crate::oidc::Nonce;
use crate::secret::{CsrfToken, PkceVerifier};

/// What must be kept between sending the user to the provider and handling the redirect.
/// Used up by the exchange.
#[derive(Debug)]
pub struct PendingAuthorization {
    /// The `state` sent, if the spec sends one.
    pub state: Option<CsrfToken>,
    /// The PKCE verifier, if the spec uses PKCE.
    pub pkce_verifier: Option<PkceVerifier>,
    /// The redirect URI sent, which the exchange must repeat.
    pub redirect_uri: Option<String>,
    /// When the authorization started (codes have a documented lifetime).
    pub started_at: SystemTime,
    /// The OpenID `nonce` sent (an OpenID provider, `openid` among the scopes): the ID token
    /// of the exchange must carry it.
    pub nonce: Option<Nonce>,
}
