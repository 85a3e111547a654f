//! A client's public key, registered as a JWK (RFC 7517, RFC 7518 §6, RFC 8037): RSA (`n`,
//! `e`), EC P-256 (`x`, `y`) or Ed25519 (`OKP`, `x`), with an optional `kid`. The components
//! are decoded and size-checked once, at registration, and handed to `ring` to verify.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use oauth_model::JwtAlgorithm;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use serde_json::Value;

/// The key material.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Material {
    /// Modulus and exponent, big-endian without leading zeros.
    Rsa { n: Vec<u8>, e: Vec<u8> },
    /// An uncompressed SEC1 point (`0x04 || x || y`).
    P256(Vec<u8>),
    /// The 32-byte public key.
    Ed25519(Vec<u8>),
}

/// A registered public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClientKey {
    material: Material,
    /// The key id JWT headers must name, when the JWK has one.
    pub kid: Option<String>,
}

impl ClientKey {
    /// Reads a JWK; `Err` says what is wrong with it.
    pub fn from_jwk(text: &str) -> Result<ClientKey, String> {
        let jwk: Value =
            serde_json::from_str(text).map_err(|e| format!("the JWK is not JSON: {e}"))?;
        let field = |name: &str| jwk.get(name).and_then(Value::as_str);
        let bytes = |name: &str| -> Result<Vec<u8>, String> {
            let text = field(name).ok_or_else(|| format!("the JWK has no `{name}`"))?;
            URL_SAFE_NO_PAD
                .decode(text)
                .map_err(|_| format!("the JWK's `{name}` is not base64url"))
        };
        if field("d").is_some() {
            return Err("the JWK holds a private key; register the public key only".into());
        }
        let material = match (field("kty"), field("crv")) {
            (Some("RSA"), _) => {
                let n = strip_zeros(bytes("n")?);
                let e = strip_zeros(bytes("e")?);
                // What ring verifies: 2048 to 8192 bits.
                if !(256..=1024).contains(&n.len()) {
                    return Err(format!(
                        "the RSA key has {} bits; 2048 to 8192 are accepted",
                        n.len() * 8
                    ));
                }
                if e.is_empty() || e.len() > 4 {
                    return Err("the RSA exponent is not a small positive number".into());
                }
                Material::Rsa { n, e }
            }
            (Some("EC"), Some("P-256")) => {
                let (x, y) = (bytes("x")?, bytes("y")?);
                if x.len() != 32 || y.len() != 32 {
                    return Err("a P-256 key has 32-byte `x` and `y`".into());
                }
                let mut point = Vec::with_capacity(65);
                point.push(0x04);
                point.extend_from_slice(&x);
                point.extend_from_slice(&y);
                Material::P256(point)
            }
            (Some("OKP"), Some("Ed25519")) => {
                let x = bytes("x")?;
                if x.len() != 32 {
                    return Err("an Ed25519 key has a 32-byte `x`".into());
                }
                Material::Ed25519(x)
            }
            (kty, crv) => {
                return Err(format!(
                    "unsupported key type {} {}: use RSA, EC P-256 or OKP Ed25519",
                    kty.unwrap_or("(none)"),
                    crv.unwrap_or("")
                ))
            }
        };
        Ok(ClientKey {
            material,
            kid: field("kid").map(str::to_string),
        })
    }

    /// Whether the key signs with `alg`.
    pub fn fits(&self, alg: JwtAlgorithm) -> bool {
        matches!(
            (&self.material, alg),
            (
                Material::Rsa { .. },
                JwtAlgorithm::Rs256 | JwtAlgorithm::Ps256
            ) | (Material::P256(_), JwtAlgorithm::Es256)
                | (Material::Ed25519(_), JwtAlgorithm::EdDsa)
        )
    }

    /// Whether `signature` is `alg`'s signature of `message` under this key.
    pub fn verify(&self, alg: JwtAlgorithm, message: &[u8], sig: &[u8]) -> bool {
        match (&self.material, alg) {
            (Material::Rsa { n, e }, JwtAlgorithm::Rs256 | JwtAlgorithm::Ps256) => {
                let params = if alg == JwtAlgorithm::Rs256 {
                    &signature::RSA_PKCS1_2048_8192_SHA256
                } else {
                    &signature::RSA_PSS_2048_8192_SHA256
                };
                RsaPublicKeyComponents { n, e }
                    .verify(params, message, sig)
                    .is_ok()
            }
            (Material::P256(point), JwtAlgorithm::Es256) => {
                // JWS ES256 signatures are `r || s` (RFC 7518 §3.4), ring's FIXED form.
                UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, point)
                    .verify(message, sig)
                    .is_ok()
            }
            (Material::Ed25519(x), JwtAlgorithm::EdDsa) => {
                UnparsedPublicKey::new(&signature::ED25519, x)
                    .verify(message, sig)
                    .is_ok()
            }
            _ => false,
        }
    }
}

fn strip_zeros(mut bytes: Vec<u8>) -> Vec<u8> {
    let zeros = bytes.iter().take_while(|b| **b == 0).count();
    bytes.drain(..zeros);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use ring::rand::SystemRandom;
    use ring::signature::{EcdsaKeyPair, Ed25519KeyPair, KeyPair};

    fn b64(b: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(b)
    }

    #[test]
    fn p256_and_ed25519_keys_verify_their_signatures_only() {
        let rng = SystemRandom::new();
        let alg = &signature::ECDSA_P256_SHA256_FIXED_SIGNING;
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(alg, &rng).expect("generate");
        let pair = EcdsaKeyPair::from_pkcs8(alg, pkcs8.as_ref(), &rng).expect("pair");
        let point = pair.public_key().as_ref();
        let jwk = serde_json::json!({
            "kty": "EC", "crv": "P-256", "kid": "k1",
            "x": b64(&point[1..33]), "y": b64(&point[33..65]),
        });
        let key = ClientKey::from_jwk(&jwk.to_string()).expect("jwk");
        assert_eq!(key.kid.as_deref(), Some("k1"));
        let sig = pair.sign(&rng, b"msg").expect("sign");
        assert!(key.verify(JwtAlgorithm::Es256, b"msg", sig.as_ref()));
        assert!(!key.verify(JwtAlgorithm::Es256, b"other", sig.as_ref()));
        assert!(!key.verify(JwtAlgorithm::Rs256, b"msg", sig.as_ref()));

        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).expect("generate");
        let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).expect("pair");
        let jwk = serde_json::json!({"kty": "OKP", "crv": "Ed25519", "x": b64(pair.public_key().as_ref())});
        let key = ClientKey::from_jwk(&jwk.to_string()).expect("jwk");
        let sig = pair.sign(b"msg");
        assert!(key.verify(JwtAlgorithm::EdDsa, b"msg", sig.as_ref()));
        assert!(!key.verify(JwtAlgorithm::EdDsa, b"msh", sig.as_ref()));
    }

    #[test]
    fn unusable_jwks_are_refused_with_a_reason() {
        for (jwk, why) in [
            ("not json", "not JSON"),
            (
                r#"{"kty":"EC","crv":"P-384","x":"AA","y":"AA"}"#,
                "unsupported",
            ),
            (r#"{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}"#, "32-byte"),
            (r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#, "bits"),
            (
                r#"{"kty":"OKP","crv":"Ed25519","x":"AA","d":"AA"}"#,
                "private",
            ),
        ] {
            let err = ClientKey::from_jwk(jwk).expect_err(jwk);
            assert!(err.contains(why), "{jwk}: {err}");
        }
    }
}
