//! Signing the JWTs a client sends: client assertions (RFC 7523 `private_key_jwt` and
//! `client_secret_jwt`), Apple's ES256-signed client secret, and the compact JWS framing that
//! [`crate::oidc::dpop`] proofs share.
//!
//! The cryptography is [ring]'s, called from one private module (`jose::crypto`): the TLS
//! stack (rustls) links ring already, so signatures add no library and no build requirement,
//! and ring's RSA, ECDSA and Ed25519 private-key operations are constant-time (the RustCrypto
//! `rsa` crate's are not: RUSTSEC-2023-0071). This crate owns the JOSE framing and every claim
//! check and never implements a signature primitive; the JWK model and its thumbprint are
//! [`crate::oidc::jwk`]'s.
//!
//! [ring]: https://docs.rs/ring/0.17
//!
//! This module must never put key material or a signed assertion into `Debug`, `Display`,
//! errors or logs, and never sign with a key that does not fit the algorithm named.
//!
//! ```
//! use oauth_runtime::jose::{AppleClientSecret, ClientAssertion, JwsAlgorithm, SigningKey};
//! use oauth_runtime::{ClientId, ClientSecret};
//!
//! # fn run() -> Result<(), oauth_runtime::jose::JoseError> {
//! let client_id = ClientId::new("my-client");
//! // client_secret_jwt: the form gets `client_assertion_type` and `client_assertion`.
//! let secret = ClientSecret::new("a-shared-secret-of-32-bytes-or-more");
//! let assertion = ClientAssertion::builder(&client_id, "https://id.example.com/token")
//!     .client_secret_jwt(&secret, JwsAlgorithm::HS256)?;
//! let form = assertion.form_params();
//! assert_eq!(form[0].1, oauth_runtime::jose::CLIENT_ASSERTION_TYPE);
//!
//! // private_key_jwt and Apple's client secret sign with a private key (PEM, PKCS#8 or JWK).
//! # let pem = b"";
//! # if !pem.is_empty() {
//! let key = SigningKey::from_pem(JwsAlgorithm::ES256, pem)?.with_kid("ABC123DEFG");
//! let apple_secret = AppleClientSecret::builder("TEAM123456", &client_id).sign(&key)?;
//! # let _ = apple_secret;
//! # }
//! # Ok(()) }
//! # run().unwrap();
//! ```

use std::fmt;
use std::time::{Duration, SystemTime};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore as _;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::secret::{ClientId, ClientSecret};

pub(crate) mod crypto;
mod key;

pub use key::SigningKey;

/// `client_assertion_type` for a JWT client assertion (RFC 7523 §2.2).
pub const CLIENT_ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// The audience of Sign in with Apple's client secret.
pub const APPLE_AUDIENCE: &str = "https://appleid.apple.com";

/// The longest lifetime Apple accepts for a client secret (about six months).
pub const APPLE_MAX_LIFETIME: Duration = Duration::from_secs(15_777_000);

/// The default lifetime of a client assertion: long enough for one token request.
pub const DEFAULT_ASSERTION_LIFETIME: Duration = Duration::from_secs(60);

/// The longest client assertion lifetime accepted: an assertion can be replayed until it
/// expires, so it should be short-lived.
pub const MAX_ASSERTION_LIFETIME: Duration = Duration::from_secs(3600);

/// A JWS `alg` (RFC 7518 §3; `Ed25519` from RFC 9864). `none` is deliberately absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JwsAlgorithm {
    /// HMAC with SHA-256.
    HS256,
    /// HMAC with SHA-384.
    HS384,
    /// HMAC with SHA-512.
    HS512,
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    RS256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    RS384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    RS512,
    /// RSASSA-PSS with SHA-256.
    PS256,
    /// RSASSA-PSS with SHA-384.
    PS384,
    /// RSASSA-PSS with SHA-512.
    PS512,
    /// ECDSA on P-256 with SHA-256.
    ES256,
    /// ECDSA on P-384 with SHA-384.
    ES384,
    /// EdDSA (here: Ed25519 only).
    EdDSA,
    /// Ed25519, the fully-specified name (RFC 9864).
    Ed25519,
}

/// The key types a [`JwsAlgorithm`] takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyFamily {
    Hmac,
    Rsa,
    P256,
    P384,
    Ed25519,
}

impl JwsAlgorithm {
    /// Every algorithm, in a fixed order.
    pub const ALL: [JwsAlgorithm; 13] = [
        JwsAlgorithm::HS256,
        JwsAlgorithm::HS384,
        JwsAlgorithm::HS512,
        JwsAlgorithm::RS256,
        JwsAlgorithm::RS384,
        JwsAlgorithm::RS512,
        JwsAlgorithm::PS256,
        JwsAlgorithm::PS384,
        JwsAlgorithm::PS512,
        JwsAlgorithm::ES256,
        JwsAlgorithm::ES384,
        JwsAlgorithm::EdDSA,
        JwsAlgorithm::Ed25519,
    ];

    /// The asymmetric algorithms: those a public key (a JWKS) can verify.
    pub fn asymmetric() -> impl Iterator<Item = JwsAlgorithm> {
        JwsAlgorithm::ALL.into_iter().filter(|a| !a.is_symmetric())
    }

    /// The name in a JWS header.
    pub fn as_str(self) -> &'static str {
        match self {
            JwsAlgorithm::HS256 => "HS256",
            JwsAlgorithm::HS384 => "HS384",
            JwsAlgorithm::HS512 => "HS512",
            JwsAlgorithm::RS256 => "RS256",
            JwsAlgorithm::RS384 => "RS384",
            JwsAlgorithm::RS512 => "RS512",
            JwsAlgorithm::PS256 => "PS256",
            JwsAlgorithm::PS384 => "PS384",
            JwsAlgorithm::PS512 => "PS512",
            JwsAlgorithm::ES256 => "ES256",
            JwsAlgorithm::ES384 => "ES384",
            JwsAlgorithm::EdDSA => "EdDSA",
            JwsAlgorithm::Ed25519 => "Ed25519",
        }
    }

    /// The algorithm a header names, exactly (names are case-sensitive); `None` for `none`
    /// and anything unknown.
    pub fn from_name(name: &str) -> Option<JwsAlgorithm> {
        JwsAlgorithm::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// Whether this is an HMAC: a shared secret, never a public key.
    pub fn is_symmetric(self) -> bool {
        self.family() == KeyFamily::Hmac
    }

    pub(crate) fn family(self) -> KeyFamily {
        match self {
            JwsAlgorithm::HS256 | JwsAlgorithm::HS384 | JwsAlgorithm::HS512 => KeyFamily::Hmac,
            JwsAlgorithm::RS256
            | JwsAlgorithm::RS384
            | JwsAlgorithm::RS512
            | JwsAlgorithm::PS256
            | JwsAlgorithm::PS384
            | JwsAlgorithm::PS512 => KeyFamily::Rsa,
            JwsAlgorithm::ES256 => KeyFamily::P256,
            JwsAlgorithm::ES384 => KeyFamily::P384,
            JwsAlgorithm::EdDSA | JwsAlgorithm::Ed25519 => KeyFamily::Ed25519,
        }
    }
}

impl fmt::Display for JwsAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for JwsAlgorithm {
    type Err = JoseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        JwsAlgorithm::from_name(s).ok_or(JoseError::UnknownAlgorithm)
    }
}

/// What can go wrong building or signing a JWT. No variant carries key material or a token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JoseError {
    /// The key could not be read, or does not fit the algorithm.
    #[error("the key does not fit {alg}: {reason}")]
    Key {
        /// The algorithm the key was meant for.
        alg: JwsAlgorithm,
        /// Why, without the key.
        reason: &'static str,
    },
    /// An algorithm name this crate does not know (or `none`).
    #[error("unknown or unsupported JWS algorithm")]
    UnknownAlgorithm,
    /// The backend refused to sign.
    #[error("signing with {0} failed")]
    Signing(JwsAlgorithm),
    /// An argument breaks a rule of the assertion (lifetime, missing `kid`, empty id).
    #[error("invalid assertion: {0}")]
    Invalid(&'static str),
    /// The system clock is before 1970 or past what a JWT can hold.
    #[error("the system clock is out of range for a JWT")]
    Clock,
}

/// Base64url without padding (RFC 7515 §2).
pub(crate) fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// 128 random bits, base64url: a `jti`.
pub(crate) fn random_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    b64(bytes)
}

/// Seconds since the Unix epoch.
pub(crate) fn unix_seconds(t: SystemTime) -> Result<i64, JoseError> {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_err(|_| JoseError::Clock)?
        .as_secs();
    i64::try_from(secs).map_err(|_| JoseError::Clock)
}

/// A signed client assertion (a bearer credential until it expires). `Debug` redacts it.
#[derive(Clone)]
pub struct ClientAssertion(SecretString);

impl fmt::Debug for ClientAssertion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientAssertion([REDACTED])")
    }
}

impl ClientAssertion {
    /// Starts an RFC 7523 assertion for `client_id`, addressed to `audience` (the token
    /// endpoint URL, or the issuer where the provider says so).
    pub fn builder(client_id: &ClientId, audience: impl Into<String>) -> ClientAssertionBuilder {
        ClientAssertionBuilder {
            client_id: client_id.clone(),
            issuer: None,
            subject: None,
            audience: audience.into(),
            lifetime: DEFAULT_ASSERTION_LIFETIME,
            issued_at: None,
        }
    }

    /// The JWT. Call this only to put it on the wire.
    pub fn secret(&self) -> &str {
        self.0.expose_secret()
    }

    /// The two form parameters of RFC 7523 §2.2: `client_assertion_type` and
    /// `client_assertion`.
    pub fn form_params(&self) -> [(&'static str, &str); 2] {
        [
            ("client_assertion_type", CLIENT_ASSERTION_TYPE),
            ("client_assertion", self.secret()),
        ]
    }
}

/// Claims of an RFC 7523 client assertion (§3).
#[derive(Serialize)]
struct AssertionClaims<'a> {
    iss: &'a str,
    sub: &'a str,
    aud: &'a str,
    jti: String,
    iat: i64,
    exp: i64,
}

/// Builds a client assertion: `iss` = `sub` = the client id (unless the provider names
/// others), `aud`, a fresh `jti`, `iat` and `exp`.
#[derive(Debug, Clone)]
pub struct ClientAssertionBuilder {
    client_id: ClientId,
    issuer: Option<String>,
    subject: Option<String>,
    audience: String,
    lifetime: Duration,
    issued_at: Option<SystemTime>,
}

impl ClientAssertionBuilder {
    /// `iss`, where the provider wants another than the client id.
    pub fn issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer = Some(issuer.into());
        self
    }

    /// `sub`, where the provider wants another than the client id.
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// How long the assertion is valid (default [`DEFAULT_ASSERTION_LIFETIME`], at most
    /// [`MAX_ASSERTION_LIFETIME`]).
    pub fn lifetime(mut self, lifetime: Duration) -> Self {
        self.lifetime = lifetime;
        self
    }

    /// The issue time (default: now). For tests and replays of a known clock.
    pub fn issued_at(mut self, at: SystemTime) -> Self {
        self.issued_at = Some(at);
        self
    }

    /// `private_key_jwt`: signed with the client's private key (an asymmetric algorithm).
    pub fn private_key_jwt(&self, key: &SigningKey) -> Result<ClientAssertion, JoseError> {
        if key.algorithm().is_symmetric() {
            return Err(JoseError::Invalid(
                "private_key_jwt signs with a private key; use client_secret_jwt for HMAC",
            ));
        }
        self.sign(key)
    }

    /// `client_secret_jwt`: an HMAC (`HS256`, `HS384`, `HS512`) keyed with the client secret.
    pub fn client_secret_jwt(
        &self,
        secret: &ClientSecret,
        alg: JwsAlgorithm,
    ) -> Result<ClientAssertion, JoseError> {
        self.sign(&SigningKey::hmac(alg, secret)?)
    }

    fn sign(&self, key: &SigningKey) -> Result<ClientAssertion, JoseError> {
        if self.client_id.as_str().is_empty() {
            return Err(JoseError::Invalid("the client id is empty"));
        }
        if self.audience.is_empty() {
            return Err(JoseError::Invalid("the audience is empty"));
        }
        if self.lifetime.is_zero() || self.lifetime > MAX_ASSERTION_LIFETIME {
            return Err(JoseError::Invalid(
                "the lifetime must be between 1 second and 1 hour",
            ));
        }
        let iat = unix_seconds(self.issued_at.unwrap_or_else(SystemTime::now))?;
        let iss = self.issuer.as_deref().unwrap_or(self.client_id.as_str());
        let sub = self.subject.as_deref().unwrap_or(self.client_id.as_str());
        if iss.is_empty() || sub.is_empty() {
            return Err(JoseError::Invalid("the issuer or subject is empty"));
        }
        let claims = AssertionClaims {
            iss,
            sub,
            aud: &self.audience,
            jti: random_id(),
            iat,
            exp: iat.saturating_add(lifetime_secs(self.lifetime)),
        };
        let mut header = Map::new();
        header.insert("typ".into(), Value::from("JWT"));
        key.sign(header, &claims)
            .map(|jwt| ClientAssertion(SecretString::from(jwt)))
    }
}

fn lifetime_secs(d: Duration) -> i64 {
    i64::try_from(d.as_secs()).unwrap_or(i64::MAX)
}

/// Claims of Apple's client secret.
#[derive(Serialize)]
struct AppleClaims<'a> {
    iss: &'a str,
    sub: &'a str,
    aud: &'a str,
    iat: i64,
    exp: i64,
}

/// Builds Sign in with Apple's client secret: an ES256 JWT with `kid` = the key id,
/// `iss` = the team id, `sub` = the client (services) id, `aud` = [`APPLE_AUDIENCE`].
#[derive(Debug, Clone)]
pub struct AppleClientSecret {
    team_id: String,
    client_id: ClientId,
    subject: Option<String>,
    audience: Option<String>,
    lifetime: Duration,
    issued_at: Option<SystemTime>,
}

impl AppleClientSecret {
    /// For `team_id` and the services id `client_id`; lifetime defaults to one day.
    pub fn builder(team_id: impl Into<String>, client_id: &ClientId) -> AppleClientSecret {
        AppleClientSecret {
            team_id: team_id.into(),
            client_id: client_id.clone(),
            subject: None,
            audience: None,
            lifetime: Duration::from_secs(86_400),
            issued_at: None,
        }
    }

    /// `sub`, where it is not the client id.
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// `aud` ([`APPLE_AUDIENCE`] unless set).
    pub fn audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = Some(audience.into());
        self
    }

    /// How long the secret is valid (at most [`APPLE_MAX_LIFETIME`]).
    pub fn lifetime(mut self, lifetime: Duration) -> Self {
        self.lifetime = lifetime;
        self
    }

    /// The issue time (default: now).
    pub fn issued_at(mut self, at: SystemTime) -> Self {
        self.issued_at = Some(at);
        self
    }

    /// Signs with the `.p8` key Apple issued (ES256, with its key id as `kid`).
    pub fn sign(&self, key: &SigningKey) -> Result<ClientSecret, JoseError> {
        if key.algorithm() != JwsAlgorithm::ES256 {
            return Err(JoseError::Invalid(
                "Apple's client secret is signed with ES256",
            ));
        }
        if key.kid().is_none_or(str::is_empty) {
            return Err(JoseError::Invalid(
                "Apple's client secret needs the key id as `kid`",
            ));
        }
        if self.team_id.is_empty() || self.client_id.as_str().is_empty() {
            return Err(JoseError::Invalid("the team id and client id must be set"));
        }
        if self.lifetime.is_zero() || self.lifetime > APPLE_MAX_LIFETIME {
            return Err(JoseError::Invalid(
                "Apple's client secret lives between 1 second and 15777000 seconds",
            ));
        }
        let iat = unix_seconds(self.issued_at.unwrap_or_else(SystemTime::now))?;
        let claims = AppleClaims {
            iss: &self.team_id,
            sub: self.subject.as_deref().unwrap_or(self.client_id.as_str()),
            aud: self.audience.as_deref().unwrap_or(APPLE_AUDIENCE),
            iat,
            exp: iat.saturating_add(lifetime_secs(self.lifetime)),
        };
        key.sign(Map::new(), &claims).map(ClientSecret::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn algorithm_names_round_trip_and_none_is_not_one() {
        for alg in JwsAlgorithm::ALL {
            assert_eq!(JwsAlgorithm::from_name(alg.as_str()), Some(alg));
        }
        assert_eq!(JwsAlgorithm::from_name("none"), None);
        assert_eq!(
            JwsAlgorithm::from_name("rs256"),
            None,
            "names are case-sensitive"
        );
        assert!(JwsAlgorithm::asymmetric().all(|a| !a.is_symmetric()));
        assert_eq!(JwsAlgorithm::asymmetric().count(), 10);
    }

    #[test]
    fn hmac_key_refuses_asymmetric_algorithms_and_empty_secrets() {
        let secret = ClientSecret::new("s3cret-value");
        assert!(matches!(
            SigningKey::hmac(JwsAlgorithm::RS256, &secret),
            Err(JoseError::Key { .. })
        ));
        assert!(SigningKey::hmac(JwsAlgorithm::HS256, &ClientSecret::new("")).is_err());
        let key = SigningKey::hmac(JwsAlgorithm::HS256, &secret).unwrap();
        assert!(!format!("{key:?}").contains("s3cret"));
    }

    #[test]
    fn pem_for_hmac_is_refused() {
        assert!(matches!(
            SigningKey::from_pem(JwsAlgorithm::HS256, b"-----BEGIN PRIVATE KEY-----"),
            Err(JoseError::Key { .. })
        ));
        assert!(SigningKey::from_pem(JwsAlgorithm::ES256, b"not a key").is_err());
    }
}
