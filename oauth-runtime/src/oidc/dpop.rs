//! DPoP (RFC 9449): a per-source key pair and the proof JWTs that bind requests to it.
//!
//! A [`DpopKey`] (ES256 by default, or Ed25519) signs one proof per request: `typ: dpop+jwt`,
//! the public key in the header, and `jti`, `htm`, `htu` (no query, no fragment), `iat`, plus
//! `ath` for resource requests and the server's `nonce` when it demands one. The key's RFC 7638
//! thumbprint is the `jkt` the server binds tokens to. The pair exports to a private JWK
//! ([`ExportedDpopKey`]) so it can be stored with the token set it is bound to.
//!
//! This module must never show the private key in `Debug`, errors or logs, and never reuse a
//! `jti`.

use std::fmt;
use std::time::SystemTime;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::EncodingKey;
use rand::RngCore as _;
use reqwest::header::HeaderMap;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use url::Url;

use crate::jose::{b64, random_id, unix_seconds, JoseError, JwsAlgorithm, SigningKey};
use crate::oidc::jwk::Jwk;
use crate::secret::AccessToken;

/// Why a DPoP key or proof could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DpopError {
    /// An algorithm DPoP keys are not made for here (ES256 and EdDSA are).
    #[error("DPoP keys are ES256 or EdDSA, not {0}")]
    Algorithm(JwsAlgorithm),
    /// The key could not be built or read back.
    #[error("the DPoP key is invalid: {0}")]
    Key(&'static str),
    /// `htu` must be an absolute http(s) URL.
    #[error("a DPoP proof is for an http or https URL")]
    Url,
    /// Signing failed.
    #[error(transparent)]
    Signing(#[from] JoseError),
}

enum Private {
    P256(p256::SecretKey),
    Ed25519(ed25519_dalek::SigningKey),
}

/// A DPoP key pair. `Debug` shows the algorithm and thumbprint only.
pub struct DpopKey {
    private: Private,
    signing: SigningKey,
    public: Jwk,
    thumbprint: String,
}

impl fmt::Debug for DpopKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DpopKey")
            .field("alg", &self.signing.algorithm())
            .field("jkt", &self.thumbprint)
            .field("private_key", &"[REDACTED]")
            .finish()
    }
}

impl Clone for DpopKey {
    fn clone(&self) -> Self {
        let private = match &self.private {
            Private::P256(k) => Private::P256(k.clone()),
            Private::Ed25519(k) => Private::Ed25519(k.clone()),
        };
        DpopKey {
            private,
            signing: self.signing.clone(),
            public: self.public.clone(),
            thumbprint: self.thumbprint.clone(),
        }
    }
}

/// A private JWK holding a DPoP key pair, for a token store. `Debug` redacts it.
#[derive(Clone)]
pub struct ExportedDpopKey(SecretString);

impl fmt::Debug for ExportedDpopKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ExportedDpopKey([REDACTED])")
    }
}

impl ExportedDpopKey {
    /// Wraps a value read back from a store.
    pub fn new(private_jwk: impl Into<String>) -> ExportedDpopKey {
        ExportedDpopKey(SecretString::from(private_jwk.into()))
    }

    /// The private JWK as JSON. Call this only to store it.
    pub fn secret(&self) -> &str {
        self.0.expose_secret()
    }
}

/// The private JWK form of a DPoP key.
#[derive(Serialize, Deserialize)]
struct PrivateJwk {
    kty: String,
    crv: String,
    x: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    y: Option<String>,
    d: String,
}

impl DpopKey {
    /// A fresh ES256 key pair.
    pub fn generate() -> Result<DpopKey, DpopError> {
        DpopKey::generate_for(JwsAlgorithm::ES256)
    }

    /// A fresh key pair for `alg`: `ES256`, or `EdDSA` / `Ed25519`.
    pub fn generate_for(alg: JwsAlgorithm) -> Result<DpopKey, DpopError> {
        match alg {
            JwsAlgorithm::ES256 => {
                // A random scalar is valid unless zero or past the group order (< 2^-32);
                // a few tries cannot all fail with a working random source.
                for _ in 0..8 {
                    let mut bytes = [0u8; 32];
                    rand::rng().fill_bytes(&mut bytes);
                    if let Ok(secret) = p256::SecretKey::from_slice(&bytes) {
                        return DpopKey::from_private(Private::P256(secret), alg);
                    }
                }
                Err(DpopError::Key(
                    "no valid P-256 scalar from the random source",
                ))
            }
            JwsAlgorithm::EdDSA | JwsAlgorithm::Ed25519 => {
                let mut bytes = [0u8; 32];
                rand::rng().fill_bytes(&mut bytes);
                DpopKey::from_private(
                    Private::Ed25519(ed25519_dalek::SigningKey::from_bytes(&bytes)),
                    alg,
                )
            }
            other => Err(DpopError::Algorithm(other)),
        }
    }

    fn from_private(private: Private, alg: JwsAlgorithm) -> Result<DpopKey, DpopError> {
        // One trait (the `pkcs8` crate's) for both key types.
        use ed25519_dalek::pkcs8::EncodePrivateKey as _;
        let (encoding, public) = match &private {
            Private::P256(secret) => {
                let der = secret
                    .to_pkcs8_der()
                    .map_err(|_| DpopError::Key("P-256 key encoding"))?;
                let point = secret.public_key().to_sec1_bytes();
                // Uncompressed SEC1: 0x04 || x || y.
                let (x, y) = match point.as_ref() {
                    [0x04, rest @ ..] if rest.len() == 64 => rest.split_at(32),
                    _ => return Err(DpopError::Key("P-256 public key encoding")),
                };
                (
                    EncodingKey::from_ec_der(der.as_bytes()),
                    public_jwk("EC", "P-256", alg, b64(x), Some(b64(y))),
                )
            }
            Private::Ed25519(secret) => {
                let der = secret
                    .to_pkcs8_der()
                    .map_err(|_| DpopError::Key("Ed25519 key encoding"))?;
                let x = b64(secret.verifying_key().as_bytes());
                (
                    EncodingKey::from_ed_der(der.as_bytes()),
                    public_jwk("OKP", "Ed25519", alg, x, None),
                )
            }
        };
        let thumbprint = public
            .thumbprint()
            .map_err(|_| DpopError::Key("public key thumbprint"))?;
        Ok(DpopKey {
            private,
            signing: SigningKey::from_parts(alg, encoding),
            public,
            thumbprint,
        })
    }

    /// The algorithm proofs are signed with.
    pub fn algorithm(&self) -> JwsAlgorithm {
        self.signing.algorithm()
    }

    /// The public key, as it goes into each proof's header.
    pub fn public_jwk(&self) -> &Jwk {
        &self.public
    }

    /// The RFC 7638 SHA-256 thumbprint of the public key: `dpop_jkt` and `cnf.jkt`.
    pub fn thumbprint(&self) -> &str {
        &self.thumbprint
    }

    /// The key pair as a private JWK, for storing with the token set it is bound to.
    pub fn export(&self) -> ExportedDpopKey {
        let d = match &self.private {
            Private::P256(secret) => b64(secret.to_bytes()),
            Private::Ed25519(secret) => b64(secret.to_bytes()),
        };
        let jwk = PrivateJwk {
            kty: self.public.kty.clone(),
            crv: self.public.crv.clone().unwrap_or_default(),
            x: self.public.x.clone().unwrap_or_default(),
            y: self.public.y.clone(),
            d,
        };
        // Serialising a struct of strings cannot fail.
        ExportedDpopKey::new(serde_json::to_string(&jwk).unwrap_or_default())
    }

    /// A key pair read back from [`DpopKey::export`]. The public members must match the private
    /// key.
    pub fn import(exported: &ExportedDpopKey) -> Result<DpopKey, DpopError> {
        let jwk: PrivateJwk = serde_json::from_str(exported.secret())
            .map_err(|_| DpopError::Key("not a private JWK"))?;
        let d = URL_SAFE_NO_PAD
            .decode(&jwk.d)
            .map_err(|_| DpopError::Key("`d` is not base64url"))?;
        let key = match (jwk.kty.as_str(), jwk.crv.as_str()) {
            ("EC", "P-256") => {
                let secret = p256::SecretKey::from_slice(&d)
                    .map_err(|_| DpopError::Key("`d` is not a P-256 scalar"))?;
                DpopKey::from_private(Private::P256(secret), JwsAlgorithm::ES256)?
            }
            ("OKP", "Ed25519") => {
                let bytes: [u8; 32] = d
                    .as_slice()
                    .try_into()
                    .map_err(|_| DpopError::Key("`d` is not 32 bytes"))?;
                DpopKey::from_private(
                    Private::Ed25519(ed25519_dalek::SigningKey::from_bytes(&bytes)),
                    JwsAlgorithm::EdDSA,
                )?
            }
            _ => return Err(DpopError::Key("only EC P-256 and OKP Ed25519 keys")),
        };
        if key.public.x.as_deref() != Some(jwk.x.as_str()) || key.public.y != jwk.y {
            return Err(DpopError::Key("the public members do not match `d`"));
        }
        Ok(key)
    }

    /// Starts a proof for a `method` request to `url`.
    pub fn proof(
        &self,
        method: &http::Method,
        url: &Url,
    ) -> Result<DpopProofBuilder<'_>, DpopError> {
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(DpopError::Url);
        }
        let mut htu = url.clone();
        htu.set_query(None);
        htu.set_fragment(None);
        Ok(DpopProofBuilder {
            key: self,
            htm: method.as_str().to_string(),
            htu: htu.to_string(),
            ath: None,
            nonce: None,
            issued_at: None,
        })
    }
}

fn public_jwk(kty: &str, crv: &str, alg: JwsAlgorithm, x: String, y: Option<String>) -> Jwk {
    Jwk {
        kty: kty.into(),
        kid: None,
        use_: None,
        alg: Some(alg.as_str().into()),
        key_ops: None,
        crv: Some(crv.into()),
        n: None,
        e: None,
        x: Some(x),
        y,
    }
}

/// A proof being built.
#[derive(Debug)]
pub struct DpopProofBuilder<'a> {
    key: &'a DpopKey,
    htm: String,
    htu: String,
    ath: Option<String>,
    nonce: Option<String>,
    issued_at: Option<SystemTime>,
}

#[derive(Serialize)]
struct ProofClaims<'a> {
    jti: String,
    htm: &'a str,
    htu: &'a str,
    iat: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    ath: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    nonce: Option<&'a str>,
}

impl DpopProofBuilder<'_> {
    /// Binds the proof to `token` (`ath`, for requests to a resource server).
    pub fn access_token(mut self, token: &AccessToken) -> Self {
        self.ath = Some(b64(Sha256::digest(token.secret().as_bytes())));
        self
    }

    /// The nonce the server handed out (`DPoP-Nonce`).
    pub fn nonce(mut self, nonce: impl Into<String>) -> Self {
        self.nonce = Some(nonce.into());
        self
    }

    /// The issue time (default: now).
    pub fn issued_at(mut self, at: SystemTime) -> Self {
        self.issued_at = Some(at);
        self
    }

    /// Signs the proof.
    pub fn sign(&self) -> Result<DpopProof, DpopError> {
        let claims = ProofClaims {
            jti: random_id(),
            htm: &self.htm,
            htu: &self.htu,
            iat: unix_seconds(self.issued_at.unwrap_or_else(SystemTime::now))?,
            ath: self.ath.as_deref(),
            nonce: self.nonce.as_deref(),
        };
        let mut header = Map::new();
        header.insert("typ".into(), Value::from("dpop+jwt"));
        header.insert(
            "jwk".into(),
            serde_json::to_value(&self.key.public).map_err(|_| DpopError::Key("public JWK"))?,
        );
        Ok(DpopProof(self.key.signing.sign(header, &claims)?))
    }
}

/// A signed proof, for the `DPoP` request header. `Debug` does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct DpopProof(String);

impl fmt::Debug for DpopProof {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DpopProof(..)")
    }
}

impl DpopProof {
    /// The JWT, for the `DPoP` header.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The nonce a server handed out in `DPoP-Nonce` (RFC 9449 §8), if any.
pub fn server_nonce(headers: &HeaderMap) -> Option<String> {
    headers
        .get("dpop-nonce")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}
