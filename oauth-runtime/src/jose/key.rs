//! [`SigningKey`]: a private key or HMAC secret read once, checked against the algorithm it is
//! for, and the one place a JWT this crate sends gets its signature.
//!
//! It must never put key material into `Debug`, `Display` or errors, and never sign with a
//! key that does not fit the algorithm named.

use std::fmt;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use serde::Serialize;
use serde_json::{Map, Value};

use super::crypto::{public_key_bytes, PrivateKey};
use super::{b64, JoseError, JwsAlgorithm, KeyFamily};
use crate::secret::ClientSecret;

/// A private key (or HMAC secret) with the algorithm it signs with and an optional `kid`.
/// `Debug` shows the algorithm and `kid`, never the key.
#[derive(Clone)]
pub struct SigningKey {
    alg: JwsAlgorithm,
    key: PrivateKey,
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
    /// ES256, ES384 and EdDSA; PKCS#1 (`BEGIN RSA PRIVATE KEY`) or PKCS#8 for the RSA
    /// algorithms, 2048 to 4096 bits. The key is read here, so a key that does not fit `alg`
    /// fails now rather than at the first token request.
    pub fn from_pem(alg: JwsAlgorithm, pem: &[u8]) -> Result<SigningKey, JoseError> {
        let bad = |reason| JoseError::Key { alg, reason };
        if alg.is_symmetric() {
            return Err(bad("an HMAC algorithm takes a secret, not a PEM key"));
        }
        let (label, der) = pem_block(pem).ok_or(bad("not a PEM private key of this type"))?;
        let key = match (label, alg.family()) {
            ("PRIVATE KEY", _) => PrivateKey::from_pkcs8(alg, &der),
            ("RSA PRIVATE KEY", KeyFamily::Rsa) => PrivateKey::from_rsa_pkcs1(&der),
            _ => Err("not a PEM private key of this type"),
        }
        .map_err(bad)?;
        Ok(SigningKey::from_parts(alg, key))
    }

    /// A PKCS#8 DER private key for ES256, ES384 or EdDSA.
    pub fn from_pkcs8_der(alg: JwsAlgorithm, der: &[u8]) -> Result<SigningKey, JoseError> {
        if matches!(alg.family(), KeyFamily::Hmac | KeyFamily::Rsa) {
            return Err(JoseError::Key {
                alg,
                reason: "PKCS#8 DER is read for EC and Ed25519 keys only; use PEM",
            });
        }
        let key =
            PrivateKey::from_pkcs8(alg, der).map_err(|reason| JoseError::Key { alg, reason })?;
        Ok(SigningKey::from_parts(alg, key))
    }

    /// A private key from a private JWK (RFC 7517 with `d` and the public members: `x` and
    /// `y` for EC, `x` for OKP): EC P-256 (ES256) or OKP Ed25519 (EdDSA); its `kid`, when
    /// present, becomes the key's. A JWK whose public members are not `d`'s is refused. RSA
    /// JWKs are not read: use PEM.
    pub fn from_jwk(private_jwk: &str) -> Result<SigningKey, JoseError> {
        #[derive(serde::Deserialize)]
        struct PrivateJwk {
            kty: String,
            #[serde(default)]
            crv: Option<String>,
            #[serde(default)]
            kid: Option<String>,
            d: String,
            #[serde(default)]
            x: Option<String>,
            #[serde(default)]
            y: Option<String>,
        }
        let unreadable = |alg| JoseError::Key {
            alg,
            reason: "not a private EC P-256 or OKP Ed25519 JWK with `d` and its public members",
        };
        let jwk: PrivateJwk =
            serde_json::from_str(private_jwk).map_err(|_| unreadable(JwsAlgorithm::ES256))?;
        let alg = match (jwk.kty.as_str(), jwk.crv.as_deref()) {
            ("EC", Some("P-256")) => JwsAlgorithm::ES256,
            ("OKP", Some("Ed25519")) => JwsAlgorithm::EdDSA,
            _ => return Err(unreadable(JwsAlgorithm::ES256)),
        };
        let decode = |member: &str| URL_SAFE_NO_PAD.decode(member).map_err(|_| unreadable(alg));
        let d = decode(&jwk.d)?;
        let x = decode(jwk.x.as_deref().ok_or(unreadable(alg))?)?;
        let y = jwk.y.as_deref().map(decode).transpose()?;
        let public = public_key_bytes(alg, &x, y.as_deref()).ok_or(unreadable(alg))?;
        let key = PrivateKey::from_raw(alg, &d, &public)
            .map_err(|reason| JoseError::Key { alg, reason })?;
        let key = SigningKey::from_parts(alg, key);
        Ok(match jwk.kid {
            Some(kid) => key.with_kid(kid),
            None => key,
        })
    }

    /// An HMAC key from a shared secret (`client_secret_jwt`).
    pub fn hmac(alg: JwsAlgorithm, secret: &ClientSecret) -> Result<SigningKey, JoseError> {
        let refused = |reason| JoseError::Key { alg, reason };
        if !alg.is_symmetric() {
            return Err(refused("only the HS algorithms sign with a shared secret"));
        }
        if secret.secret().is_empty() {
            return Err(refused("the secret is empty"));
        }
        let key = PrivateKey::hmac(alg, secret.secret().as_bytes())
            .ok_or(refused("only the HS algorithms sign with a shared secret"))?;
        Ok(SigningKey::from_parts(alg, key))
    }

    /// A key already read for `alg` (here, or DPoP's from its key pair).
    pub(crate) fn from_parts(alg: JwsAlgorithm, key: PrivateKey) -> SigningKey {
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
        header.insert("alg".into(), Value::from(self.alg.as_str()));
        if let Some(kid) = &self.kid {
            header.insert("kid".into(), Value::from(kid.as_str()));
        }
        let header = serde_json::to_vec(&header).map_err(|_| JoseError::Signing(self.alg))?;
        let claims = serde_json::to_vec(claims).map_err(|_| JoseError::Signing(self.alg))?;
        let mut jws = format!("{}.{}", b64(header), b64(claims));
        let signature = self
            .key
            .sign(self.alg, jws.as_bytes())
            .ok_or(JoseError::Signing(self.alg))?;
        jws.push('.');
        jws.push_str(&b64(signature));
        Ok(jws)
    }
}

/// The label and DER of the first PEM block in `pem` (RFC 7468): text before it is skipped,
/// the base64 may be wrapped at any width.
fn pem_block(pem: &[u8]) -> Option<(&str, Vec<u8>)> {
    let text = std::str::from_utf8(pem).ok()?;
    let (_, rest) = text.split_once("-----BEGIN ")?;
    let (label, rest) = rest.split_once("-----")?;
    let (body, _) = rest.split_once(&format!("-----END {label}-----"))?;
    let body: String = body.split_ascii_whitespace().collect();
    let der = STANDARD.decode(body).ok()?;
    Some((label, der))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_blocks_are_read_with_their_label() {
        let pem = "explanatory text\n-----BEGIN PRIVATE KEY-----\nAQID\nBA==\n-----END PRIVATE KEY-----\n";
        assert_eq!(
            pem_block(pem.as_bytes()),
            Some(("PRIVATE KEY", vec![1, 2, 3, 4]))
        );
        let mismatched = "-----BEGIN PRIVATE KEY-----\nAQID\n-----END RSA PRIVATE KEY-----";
        assert_eq!(pem_block(mismatched.as_bytes()), None);
        assert_eq!(
            pem_block(b"-----BEGIN PRIVATE KEY-----\n!!\n-----END PRIVATE KEY-----"),
            None
        );
    }
}
