//! Client authentication at the token endpoint.

use crate::{BasicEncoding, ClientAuth, JwtAlgorithm, Template};

/// How the client authenticates.
#[derive(Debug, Clone)]
pub struct ClientAuthDef {
    /// The method for a confidential client (one with a secret or a key).
    pub method: ClientAuth,
    /// The method for a public client (no secret), when the provider documents one.
    pub public: Option<ClientAuth>,
    /// How Basic encodes the id and secret.
    pub basic_encoding: BasicEncoding,
    /// The JWT of `private_key_jwt`, `client_secret_jwt` or `signed_client_secret`.
    pub jwt: Option<JwtDef>,
}

/// A client assertion or signed client secret.
#[derive(Debug, Clone)]
pub struct JwtDef {
    /// The signing algorithm.
    pub algorithm: JwtAlgorithm,
    /// `iss`; the client id when `None`.
    pub issuer: Option<Template>,
    /// `sub`; the client id when `None`.
    pub subject: Option<Template>,
    /// `aud`; the token endpoint's URL when `None`.
    pub audience: Option<Template>,
    /// How long a JWT is valid, in seconds.
    pub lifetime_secs: u64,
}
