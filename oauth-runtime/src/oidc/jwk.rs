//! A JSON Web Key (RFC 7517 §4) as this crate uses it: the public members, the RFC 7638
//! thumbprint, and the one way to turn a key into a verifier: after checking its type, curve,
//! size, `use`, `key_ops` and `alg` against the algorithm of the token.
//!
//! It must never read private or symmetric members, and never hand out a key for an algorithm
//! it does not fit (a public key used as an HMAC secret, a P-384 key for ES256, a short RSA
//! modulus, coordinates of the wrong length for the curve).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::jose::crypto::PublicKey;
use crate::jose::{b64, JwsAlgorithm, KeyFamily};

/// The smallest RSA modulus accepted, in bits.
pub const MIN_RSA_BITS: usize = 2048;

/// A public JSON Web Key: the members this crate uses. Private members (`d`, `p`, `k`, ...)
/// are never read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwk {
    /// Key type: `RSA`, `EC`, `OKP`.
    pub kty: String,
    /// Key id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// `sig` or `enc`.
    #[serde(default, rename = "use", skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// The algorithm the key is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    /// Operations the key is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_ops: Option<Vec<String>>,
    /// Curve (`P-256`, `P-384`, `Ed25519`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crv: Option<String>,
    /// RSA modulus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    /// RSA exponent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e: Option<String>,
    /// EC or OKP x coordinate / public key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    /// EC y coordinate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
}

/// Why a key cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JwkError {
    /// A member the key type needs is missing or not base64url.
    #[error("the key lacks `{0}` or it is not base64url")]
    Member(&'static str),
    /// The key type or curve is not one this crate uses.
    #[error("unsupported key type or curve")]
    Unsupported,
    /// The key does not fit the algorithm (type, curve, size, `use`, `key_ops` or `alg`).
    #[error("the key does not fit the algorithm")]
    Mismatch,
}

impl Jwk {
    fn member(&self, name: &'static str) -> Result<&str, JwkError> {
        let value = match name {
            "crv" => &self.crv,
            "n" => &self.n,
            "e" => &self.e,
            "x" => &self.x,
            _ => &self.y,
        };
        value.as_deref().ok_or(JwkError::Member(name))
    }

    fn decoded(&self, name: &'static str) -> Result<Vec<u8>, JwkError> {
        URL_SAFE_NO_PAD
            .decode(self.member(name)?)
            .map_err(|_| JwkError::Member(name))
    }

    /// The RFC 7638 thumbprint (SHA-256, base64url): the hash of the required members in
    /// lexicographic order, as DPoP's `jkt` and `cnf.jkt` use it.
    pub fn thumbprint(&self) -> Result<String, JwkError> {
        let s = |v: &str| Value::from(v).to_string();
        let canonical = match self.kty.as_str() {
            "EC" => format!(
                r#"{{"crv":{},"kty":"EC","x":{},"y":{}}}"#,
                s(self.member("crv")?),
                s(self.member("x")?),
                s(self.member("y")?)
            ),
            "RSA" => format!(
                r#"{{"e":{},"kty":"RSA","n":{}}}"#,
                s(self.member("e")?),
                s(self.member("n")?)
            ),
            "OKP" => format!(
                r#"{{"crv":{},"kty":"OKP","x":{}}}"#,
                s(self.member("crv")?),
                s(self.member("x")?)
            ),
            _ => return Err(JwkError::Unsupported),
        };
        Ok(b64(Sha256::digest(canonical.as_bytes())))
    }

    /// Whether `use`, `key_ops` and `alg` allow verifying `alg` signatures.
    fn allows(&self, alg: JwsAlgorithm) -> bool {
        let use_ok = self.use_.as_deref().is_none_or(|u| u == "sig");
        let ops_ok = self
            .key_ops
            .as_ref()
            .is_none_or(|ops| ops.iter().any(|o| o == "verify"));
        let alg_ok = self.alg.as_deref().is_none_or(|a| {
            a == alg.as_str()
                || (alg.family() == KeyFamily::Ed25519 && (a == "EdDSA" || a == "Ed25519"))
        });
        use_ok && ops_ok && alg_ok
    }

    /// The key that verifies `alg` signatures, after every check of type, curve and size.
    pub(crate) fn verifying_key(&self, alg: JwsAlgorithm) -> Result<PublicKey, JwkError> {
        if !self.allows(alg) {
            return Err(JwkError::Mismatch);
        }
        let curve = |want: &str, len: usize| -> Result<(), JwkError> {
            if self.kty != if want == "Ed25519" { "OKP" } else { "EC" }
                || self.member("crv")? != want
            {
                return Err(JwkError::Mismatch);
            }
            if self.decoded("x")?.len() != len {
                return Err(JwkError::Member("x"));
            }
            if want != "Ed25519" && self.decoded("y")?.len() != len {
                return Err(JwkError::Member("y"));
            }
            Ok(())
        };
        match alg.family() {
            KeyFamily::Hmac => Err(JwkError::Mismatch),
            KeyFamily::Rsa => {
                if self.kty != "RSA" {
                    return Err(JwkError::Mismatch);
                }
                let n = self.decoded("n")?;
                let e = self.decoded("e")?;
                let n = strip_zeros(&n);
                let e = strip_zeros(&e);
                if modulus_bits(n) < MIN_RSA_BITS {
                    return Err(JwkError::Mismatch);
                }
                if e.is_empty() || e.len() > 8 {
                    return Err(JwkError::Member("e"));
                }
                Ok(PublicKey::Rsa {
                    n: n.to_vec(),
                    e: e.to_vec(),
                })
            }
            KeyFamily::P256 | KeyFamily::P384 => {
                let (name, len) = if alg.family() == KeyFamily::P256 {
                    ("P-256", 32)
                } else {
                    ("P-384", 48)
                };
                curve(name, len)?;
                let point = [&[0x04][..], &self.decoded("x")?, &self.decoded("y")?].concat();
                Ok(PublicKey::Ec(point))
            }
            KeyFamily::Ed25519 => {
                curve("Ed25519", 32)?;
                Ok(PublicKey::Ed25519(self.decoded("x")?))
            }
        }
    }
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    &bytes[first..]
}

fn modulus_bits(n: &[u8]) -> usize {
    match n.first() {
        None => 0,
        Some(top) => (n.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7638 §3.1's example key and thumbprint.
    #[test]
    fn thumbprint_matches_rfc_7638() {
        let jwk: Jwk = serde_json::from_str(
            r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#,
        )
        .unwrap();
        assert_eq!(
            jwk.thumbprint().unwrap(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn short_rsa_moduli_are_refused() {
        let n = b64([0xffu8; 128]); // 1024 bits
        let jwk = Jwk {
            kty: "RSA".into(),
            kid: None,
            use_: None,
            alg: None,
            key_ops: None,
            crv: None,
            n: Some(n),
            e: Some("AQAB".into()),
            x: None,
            y: None,
        };
        assert_eq!(
            jwk.verifying_key(JwsAlgorithm::RS256).err(),
            Some(JwkError::Mismatch)
        );
        assert_eq!(modulus_bits(&[0x01, 0, 0]), 17);
    }
}
