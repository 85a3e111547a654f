//! The signature primitives under [`crate::jose`] and [`crate::oidc`], every one of them
//! ring's: RSASSA-PKCS1-v1_5 and RSASSA-PSS, ECDSA on P-256 and P-384, Ed25519 and HMAC with
//! SHA-2, plus the ECDSA and Ed25519 key pairs DPoP generates. ring is what the TLS stack
//! (rustls) already links, so the runtime carries one cryptography library, and its RSA
//! private-key operations are constant-time (the `rsa` crate's are not: RUSTSEC-2023-0071).
//!
//! This is the only module that calls ring. It hands ring key encodings (PKCS#1, PKCS#8, the
//! raw members of a JWK) and messages unchanged. It must never implement a primitive itself,
//! never sign or verify under an algorithm the key was not read for, and never put key
//! material into `Debug` or errors.

use std::sync::Arc;

use ring::hmac;
use ring::rand::SystemRandom;
use ring::signature;
use secrecy::SecretSlice;

use super::{JwsAlgorithm, KeyFamily};

/// Why ring refused a key, for [`super::JoseError::Key`].
pub(crate) type Refused = &'static str;

const RSA_REFUSED: Refused = "not an RSA private key of 2048 to 4096 bits";

/// A private key (or HMAC secret) read for one algorithm family; cloning shares it.
#[derive(Clone)]
pub(crate) enum PrivateKey {
    Hmac(hmac::Key),
    Rsa(Arc<signature::RsaKeyPair>),
    Ecdsa(Arc<signature::EcdsaKeyPair>),
    Ed25519(Arc<signature::Ed25519KeyPair>),
}

fn ecdsa_signing(alg: JwsAlgorithm) -> Option<&'static signature::EcdsaSigningAlgorithm> {
    match alg {
        JwsAlgorithm::ES256 => Some(&signature::ECDSA_P256_SHA256_FIXED_SIGNING),
        JwsAlgorithm::ES384 => Some(&signature::ECDSA_P384_SHA384_FIXED_SIGNING),
        _ => None,
    }
}

fn rsa_padding(alg: JwsAlgorithm) -> Option<&'static dyn signature::RsaEncoding> {
    Some(match alg {
        JwsAlgorithm::RS256 => &signature::RSA_PKCS1_SHA256,
        JwsAlgorithm::RS384 => &signature::RSA_PKCS1_SHA384,
        JwsAlgorithm::RS512 => &signature::RSA_PKCS1_SHA512,
        JwsAlgorithm::PS256 => &signature::RSA_PSS_SHA256,
        JwsAlgorithm::PS384 => &signature::RSA_PSS_SHA384,
        JwsAlgorithm::PS512 => &signature::RSA_PSS_SHA512,
        _ => return None,
    })
}

impl PrivateKey {
    /// An HMAC key; `None` for an algorithm that is not an HMAC.
    pub(crate) fn hmac(alg: JwsAlgorithm, secret: &[u8]) -> Option<PrivateKey> {
        let algorithm = match alg {
            JwsAlgorithm::HS256 => hmac::HMAC_SHA256,
            JwsAlgorithm::HS384 => hmac::HMAC_SHA384,
            JwsAlgorithm::HS512 => hmac::HMAC_SHA512,
            _ => return None,
        };
        Some(PrivateKey::Hmac(hmac::Key::new(algorithm, secret)))
    }

    /// A PKCS#8 private key (RFC 5958) for `alg`: RSA, EC on `alg`'s curve, or Ed25519 (v1 or
    /// v2). ring checks the type, the curve and that an EC key's public part matches it.
    pub(crate) fn from_pkcs8(alg: JwsAlgorithm, der: &[u8]) -> Result<PrivateKey, Refused> {
        let refused = |_| "the key cannot sign with this algorithm (wrong type or curve)";
        match alg.family() {
            KeyFamily::Hmac => Err("an HMAC algorithm takes a secret, not a private key"),
            KeyFamily::Rsa => signature::RsaKeyPair::from_pkcs8(der)
                .map(|k| PrivateKey::Rsa(Arc::new(k)))
                .map_err(|_| RSA_REFUSED),
            KeyFamily::P256 | KeyFamily::P384 => {
                let curve = ecdsa_signing(alg).ok_or("not an ECDSA algorithm")?;
                signature::EcdsaKeyPair::from_pkcs8(curve, der, &SystemRandom::new())
                    .map(|k| PrivateKey::Ecdsa(Arc::new(k)))
                    .map_err(refused)
            }
            KeyFamily::Ed25519 => signature::Ed25519KeyPair::from_pkcs8_maybe_unchecked(der)
                .map(|k| PrivateKey::Ed25519(Arc::new(k)))
                .map_err(refused),
        }
    }

    /// A PKCS#1 `RSAPrivateKey` (RFC 8017 A.1.2).
    pub(crate) fn from_rsa_pkcs1(der: &[u8]) -> Result<PrivateKey, Refused> {
        signature::RsaKeyPair::from_der(der)
            .map(|k| PrivateKey::Rsa(Arc::new(k)))
            .map_err(|_| RSA_REFUSED)
    }

    /// A key pair from its raw parts, as a JWK carries them: for ES256 and ES384 the private
    /// scalar (big-endian, curve-sized) and the uncompressed SEC1 point; for EdDSA the 32-byte
    /// seed and public key. ring refuses a pair whose halves do not belong together.
    pub(crate) fn from_raw(
        alg: JwsAlgorithm,
        private: &[u8],
        public: &[u8],
    ) -> Result<PrivateKey, Refused> {
        let mismatch = |_| "the private key and the public key are not one key pair";
        match alg.family() {
            KeyFamily::P256 | KeyFamily::P384 => {
                let curve = ecdsa_signing(alg).ok_or("not an ECDSA algorithm")?;
                signature::EcdsaKeyPair::from_private_key_and_public_key(
                    curve,
                    private,
                    public,
                    &SystemRandom::new(),
                )
                .map(|k| PrivateKey::Ecdsa(Arc::new(k)))
                .map_err(mismatch)
            }
            KeyFamily::Ed25519 => {
                signature::Ed25519KeyPair::from_seed_and_public_key(private, public)
                    .map(|k| PrivateKey::Ed25519(Arc::new(k)))
                    .map_err(mismatch)
            }
            KeyFamily::Hmac | KeyFamily::Rsa => {
                Err("raw key parts are read for EC and Ed25519 keys")
            }
        }
    }

    /// The JWS signature of `message` under `alg` (fixed-size `r || s` for ECDSA, RFC 7518
    /// §3.4); `None` when the key was not read for `alg`'s family or ring fails.
    pub(crate) fn sign(&self, alg: JwsAlgorithm, message: &[u8]) -> Option<Vec<u8>> {
        let rng = SystemRandom::new();
        match (self, alg.family()) {
            (PrivateKey::Hmac(k), KeyFamily::Hmac) => {
                Some(hmac::sign(k, message).as_ref().to_vec())
            }
            (PrivateKey::Rsa(k), KeyFamily::Rsa) => {
                let mut signature = vec![0; k.public().modulus_len()];
                k.sign(rsa_padding(alg)?, &rng, message, &mut signature)
                    .ok()?;
                Some(signature)
            }
            (PrivateKey::Ecdsa(k), KeyFamily::P256 | KeyFamily::P384) => {
                Some(k.sign(&rng, message).ok()?.as_ref().to_vec())
            }
            (PrivateKey::Ed25519(k), KeyFamily::Ed25519) => Some(k.sign(message).as_ref().to_vec()),
            _ => None,
        }
    }
}

/// A public key that verifies signatures, read from a JWK's members.
#[derive(Clone)]
pub(crate) enum PublicKey {
    /// Modulus and exponent, big-endian without leading zeros.
    Rsa { n: Vec<u8>, e: Vec<u8> },
    /// An uncompressed SEC1 point, `0x04 || x || y`.
    Ec(Vec<u8>),
    /// The 32-byte public key.
    Ed25519(Vec<u8>),
}

impl PublicKey {
    /// Whether `signature` is `alg`'s signature of `message` under this key. A key of another
    /// family than `alg`'s never verifies; RSA moduli under 2048 bits never verify either.
    pub(crate) fn verify(&self, alg: JwsAlgorithm, message: &[u8], signature: &[u8]) -> bool {
        let unparsed = |algorithm: &'static dyn signature::VerificationAlgorithm, key: &[u8]| {
            signature::UnparsedPublicKey::new(algorithm, key)
                .verify(message, signature)
                .is_ok()
        };
        match (self, alg) {
            (PublicKey::Rsa { n, e }, _) => {
                let params: &'static signature::RsaParameters = match alg {
                    JwsAlgorithm::RS256 => &signature::RSA_PKCS1_2048_8192_SHA256,
                    JwsAlgorithm::RS384 => &signature::RSA_PKCS1_2048_8192_SHA384,
                    JwsAlgorithm::RS512 => &signature::RSA_PKCS1_2048_8192_SHA512,
                    JwsAlgorithm::PS256 => &signature::RSA_PSS_2048_8192_SHA256,
                    JwsAlgorithm::PS384 => &signature::RSA_PSS_2048_8192_SHA384,
                    JwsAlgorithm::PS512 => &signature::RSA_PSS_2048_8192_SHA512,
                    _ => return false,
                };
                signature::RsaPublicKeyComponents { n, e }
                    .verify(params, message, signature)
                    .is_ok()
            }
            (PublicKey::Ec(point), JwsAlgorithm::ES256) => {
                unparsed(&signature::ECDSA_P256_SHA256_FIXED, point)
            }
            (PublicKey::Ec(point), JwsAlgorithm::ES384) => {
                unparsed(&signature::ECDSA_P384_SHA384_FIXED, point)
            }
            (PublicKey::Ed25519(x), JwsAlgorithm::EdDSA | JwsAlgorithm::Ed25519) => {
                unparsed(&signature::ED25519, x)
            }
            _ => false,
        }
    }
}

/// The public key of a JWK in the form ring takes: for P-256 the uncompressed SEC1 point built
/// from `x` and `y` (32 bytes each), for Ed25519 `x` (32 bytes); `None` when a member has the
/// wrong length or is missing.
pub(crate) fn public_key_bytes(alg: JwsAlgorithm, x: &[u8], y: Option<&[u8]>) -> Option<Vec<u8>> {
    match (alg.family(), y) {
        (KeyFamily::P256, Some(y)) if x.len() == 32 && y.len() == 32 => {
            Some([&[0x04][..], x, y].concat())
        }
        (KeyFamily::Ed25519, None) if x.len() == 32 => Some(x.to_vec()),
        _ => None,
    }
}

/// Where the keys sit in the PKCS#8 documents ring generates. ring fills a fixed template
/// (RFC 5915 inside RFC 5958 v1 for P-256, RFC 8410 v2 for Ed25519), so the raw keys are read
/// at fixed offsets once the template bytes around them are checked.
struct Layout {
    prefix: &'static [u8],
    private_len: usize,
    middle: &'static [u8],
    public_len: usize,
}

const P256_PKCS8: Layout = Layout {
    prefix: &[
        0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d,
        0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x04, 0x6d, 0x30,
        0x6b, 0x02, 0x01, 0x01, 0x04, 0x20,
    ],
    private_len: 32,
    middle: &[0xa1, 0x44, 0x03, 0x42, 0x00],
    public_len: 65,
};

const ED25519_PKCS8: Layout = Layout {
    prefix: &[
        0x30, 0x51, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ],
    private_len: 32,
    middle: &[0x81, 0x21, 0x00],
    public_len: 32,
};

fn layout(alg: JwsAlgorithm) -> Option<&'static Layout> {
    match alg.family() {
        KeyFamily::P256 => Some(&P256_PKCS8),
        KeyFamily::Ed25519 => Some(&ED25519_PKCS8),
        _ => None,
    }
}

/// A fresh key pair from ring as a PKCS#8 document: ES256 or EdDSA / Ed25519.
pub(crate) fn generate_pkcs8(alg: JwsAlgorithm) -> Result<SecretSlice<u8>, Refused> {
    let rng = SystemRandom::new();
    let document = match alg.family() {
        KeyFamily::P256 => signature::EcdsaKeyPair::generate_pkcs8(
            &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
            &rng,
        ),
        KeyFamily::Ed25519 => signature::Ed25519KeyPair::generate_pkcs8(&rng),
        _ => return Err("key pairs are generated for ES256 and EdDSA only"),
    }
    .map_err(|_| "the system random source failed")?;
    Ok(SecretSlice::from(document.as_ref().to_vec()))
}

/// The raw private key (a JWK's `d`) and public key inside a document [`generate_pkcs8`]
/// made for `alg`; `None` if the document is not laid out as ring's template.
pub(crate) fn generated_parts(alg: JwsAlgorithm, document: &[u8]) -> Option<(&[u8], &[u8])> {
    let layout = layout(alg)?;
    let rest = document.strip_prefix(layout.prefix)?;
    let (private, rest) = rest.split_at_checked(layout.private_len)?;
    let public = rest.strip_prefix(layout.middle)?;
    (public.len() == layout.public_len).then_some((private, public))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_documents_split_into_a_pair_ring_accepts() {
        for alg in [JwsAlgorithm::ES256, JwsAlgorithm::EdDSA] {
            let document = generate_pkcs8(alg).unwrap();
            let document = secrecy::ExposeSecret::expose_secret(&document);
            let (private, public) = generated_parts(alg, document).unwrap();
            let from_parts = PrivateKey::from_raw(alg, private, public).unwrap();
            let from_document = PrivateKey::from_pkcs8(alg, document).unwrap();
            let message = b"one message";
            let verifier = match alg {
                JwsAlgorithm::ES256 => PublicKey::Ec(public.to_vec()),
                _ => PublicKey::Ed25519(public.to_vec()),
            };
            for key in [&from_parts, &from_document] {
                let signature = key.sign(alg, message).unwrap();
                assert!(verifier.verify(alg, message, &signature));
                assert!(!verifier.verify(alg, b"another message", &signature));
            }
        }
        assert!(generated_parts(JwsAlgorithm::ES256, &[0x30, 0x81]).is_none());
        assert!(generate_pkcs8(JwsAlgorithm::RS256).is_err());
    }

    #[test]
    fn a_key_signs_only_for_its_own_family() {
        let hmac = PrivateKey::hmac(JwsAlgorithm::HS256, b"secret").unwrap();
        assert!(hmac.sign(JwsAlgorithm::HS256, b"m").is_some());
        assert!(hmac.sign(JwsAlgorithm::ES256, b"m").is_none());
        assert!(PrivateKey::hmac(JwsAlgorithm::RS256, b"secret").is_none());
        let document = generate_pkcs8(JwsAlgorithm::ES256).unwrap();
        let document = secrecy::ExposeSecret::expose_secret(&document);
        assert!(PrivateKey::from_pkcs8(JwsAlgorithm::ES384, document).is_err());
        assert!(PrivateKey::from_pkcs8(JwsAlgorithm::EdDSA, document).is_err());
        let ec = PrivateKey::from_pkcs8(JwsAlgorithm::ES256, document).unwrap();
        assert!(ec.sign(JwsAlgorithm::EdDSA, b"m").is_none());
        let (_, public) = generated_parts(JwsAlgorithm::ES256, document).unwrap();
        let point = PublicKey::Ec(public.to_vec());
        let signature = ec.sign(JwsAlgorithm::ES256, b"m").unwrap();
        assert!(!point.verify(JwsAlgorithm::ES384, b"m", &signature));
        assert!(!point.verify(JwsAlgorithm::RS256, b"m", &signature));
    }

    #[test]
    fn public_members_of_the_wrong_length_are_refused() {
        assert_eq!(
            public_key_bytes(JwsAlgorithm::ES256, &[1; 32], Some(&[2; 32])).map(|p| p.len()),
            Some(65)
        );
        // 31 + 33 bytes would also make 65: the split between x and y matters.
        assert_eq!(
            public_key_bytes(JwsAlgorithm::ES256, &[1; 31], Some(&[2; 33])),
            None
        );
        assert_eq!(public_key_bytes(JwsAlgorithm::ES256, &[1; 32], None), None);
        assert_eq!(
            public_key_bytes(JwsAlgorithm::EdDSA, &[1; 32], Some(&[2; 32])),
            None
        );
        assert_eq!(
            public_key_bytes(JwsAlgorithm::EdDSA, &[1; 32], None).map(|p| p.len()),
            Some(32)
        );
    }
}
