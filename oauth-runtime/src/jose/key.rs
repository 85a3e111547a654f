//! [`SigningKey`]: a private key or HMAC secret read once, checked against the algorithm it is
//! for, and the one place a JWT this crate sends gets its signature.
//!
//! It must never put key material into `Debug`, `Display` or errors, and never sign with a
//! key that does not fit the algorithm named.

use std::fmt;

use jsonwebtoken::EncodingKey;
use serde::Serialize;
use serde_json::{Map, Value};

use super::{b64, ensure_crypto_provider, JoseError, JwsAlgorithm, KeyFamily};
use crate::secret::ClientSecret;

/// A private key (or HMAC secret) with the algorithm it signs with and an optional `kid`.
/// `Debug` shows the algorithm and `kid`, never the key.
#[derive(Clone)]
pub struct SigningKey {
    alg: JwsAlgorithm,
    key: EncodingKey,
    kid: Option<String>,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("alg", &self.alg)
            .field("kid", &self.kid)
            .field("key", &"[REDACTED]")
            .finish()
    }
}

impl SigningKey {
    /// A private key from PEM: PKCS#8 (`BEGIN PRIVATE KEY`, as Apple's `.p8` files are) for
    /// ES256, ES384 and EdDSA; PKCS#1 or PKCS#8 for the RSA algorithms. The key is tried once
    /// here, so a key that does not fit `alg` fails now rather than at the first token request.
    pub fn from_pem(alg: JwsAlgorithm, pem: &[u8]) -> Result<SigningKey, JoseError> {
        let bad = |reason| JoseError::Key { alg, reason };
        let key = match alg.family() {
            KeyFamily::Hmac => return Err(bad("an HMAC algorithm takes a secret, not a PEM key")),
            KeyFamily::Rsa => EncodingKey::from_rsa_pem(pem),
            KeyFamily::P256 | KeyFamily::P384 => EncodingKey::from_ec_pem(pem),
            KeyFamily::Ed25519 => EncodingKey::from_ed_pem(pem),
        }
        .map_err(|_| bad("not a PEM private key of this type"))?;
        SigningKey::checked(alg, key)
    }

    /// A PKCS#8 DER private key for ES256, ES384 or EdDSA.
    pub fn from_pkcs8_der(alg: JwsAlgorithm, der: &[u8]) -> Result<SigningKey, JoseError> {
        let key = match alg.family() {
            KeyFamily::P256 | KeyFamily::P384 => EncodingKey::from_ec_der(der),
            KeyFamily::Ed25519 => EncodingKey::from_ed_der(der),
            KeyFamily::Hmac | KeyFamily::Rsa => {
                return Err(JoseError::Key {
                    alg,
                    reason: "PKCS#8 DER is read for EC and Ed25519 keys only; use PEM",
                })
            }
        };
        SigningKey::checked(alg, key)
    }

    /// A private key from a private JWK (RFC 7517 with `d`): EC P-256 (ES256) or OKP Ed25519
    /// (EdDSA); its `kid`, when present, becomes the key's. RSA JWKs are not read: use PEM.
    pub fn from_jwk(private_jwk: &str) -> Result<SigningKey, JoseError> {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine as _;
        use ed25519_dalek::pkcs8::EncodePrivateKey as _;
        #[derive(serde::Deserialize)]
        struct PrivateJwk {
            kty: String,
            #[serde(default)]
            crv: Option<String>,
            #[serde(default)]
            kid: Option<String>,
            d: String,
        }
        let unreadable = |alg| JoseError::Key {
            alg,
            reason: "not a private EC P-256 or OKP Ed25519 JWK",
        };
        let jwk: PrivateJwk =
            serde_json::from_str(private_jwk).map_err(|_| unreadable(JwsAlgorithm::ES256))?;
        let d = URL_SAFE_NO_PAD
            .decode(&jwk.d)
            .map_err(|_| unreadable(JwsAlgorithm::ES256))?;
        let (alg, der) = match (jwk.kty.as_str(), jwk.crv.as_deref()) {
            ("EC", Some("P-256")) => {
                let alg = JwsAlgorithm::ES256;
                let der = p256::SecretKey::from_slice(&d)
                    .map_err(|_| unreadable(alg))?
                    .to_pkcs8_der()
                    .map_err(|_| unreadable(alg))?;
                (alg, der)
            }
            ("OKP", Some("Ed25519")) => {
                let alg = JwsAlgorithm::EdDSA;
                let bytes: [u8; 32] = d.as_slice().try_into().map_err(|_| unreadable(alg))?;
                let der = ed25519_dalek::SigningKey::from_bytes(&bytes)
                    .to_pkcs8_der()
                    .map_err(|_| unreadable(alg))?;
                (alg, der)
            }
            _ => return Err(unreadable(JwsAlgorithm::ES256)),
        };
        let key = SigningKey::from_pkcs8_der(alg, der.as_bytes())?;
        Ok(match jwk.kid {
            Some(kid) => key.with_kid(kid),
            None => key,
        })
    }

    /// An HMAC key from a shared secret (`client_secret_jwt`).
    pub fn hmac(alg: JwsAlgorithm, secret: &ClientSecret) -> Result<SigningKey, JoseError> {
        if !alg.is_symmetric() {
            return Err(JoseError::Key {
                alg,
                reason: "only the HS algorithms sign with a shared secret",
            });
        }
        if secret.secret().is_empty() {
            return Err(JoseError::Key {
                alg,
                reason: "the secret is empty",
            });
        }
        Ok(SigningKey {
            alg,
            key: EncodingKey::from_secret(secret.secret().as_bytes()),
            kid: None,
        })
    }

    /// Signs a probe message, so a key that cannot sign with `alg` is refused at once.
    fn checked(alg: JwsAlgorithm, key: EncodingKey) -> Result<SigningKey, JoseError> {
        ensure_crypto_provider();
        jsonwebtoken::crypto::sign(b"probe", &key, alg.backend()).map_err(|_| JoseError::Key {
            alg,
            reason: "the key cannot sign with this algorithm (wrong type or curve)",
        })?;
        Ok(SigningKey {
            alg,
            key,
            kid: None,
        })
    }

    /// A key the caller has already checked (DPoP keys, built from generated key pairs).
    pub(crate) fn from_parts(alg: JwsAlgorithm, key: EncodingKey) -> SigningKey {
        SigningKey {
            alg,
            key,
            kid: None,
        }
    }

    /// Sets the `kid` header the key's JWTs carry.
    pub fn with_kid(mut self, kid: impl Into<String>) -> SigningKey {
        self.kid = Some(kid.into());
        self
    }

    /// The `kid`, if set.
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The algorithm.
    pub fn algorithm(&self) -> JwsAlgorithm {
        self.alg
    }

    /// Signs `claims` as a compact JWS. `header` gets `alg` (and `kid` when the key has one)
    /// added; `typ` and anything else are the caller's.
    pub(crate) fn sign(
        &self,
        mut header: Map<String, Value>,
        claims: &impl Serialize,
    ) -> Result<String, JoseError> {
        ensure_crypto_provider();
        header.insert("alg".into(), Value::from(self.alg.as_str()));
        if let Some(kid) = &self.kid {
            header.insert("kid".into(), Value::from(kid.as_str()));
        }
        let header = serde_json::to_vec(&header).map_err(|_| JoseError::Signing(self.alg))?;
        let claims = serde_json::to_vec(claims).map_err(|_| JoseError::Signing(self.alg))?;
        let mut jws = format!("{}.{}", b64(header), b64(claims));
        let signature = jsonwebtoken::crypto::sign(jws.as_bytes(), &self.key, self.alg.backend())
            .map_err(|_| JoseError::Signing(self.alg))?;
        jws.push('.');
        jws.push_str(&signature);
        Ok(jws)
    }
}
