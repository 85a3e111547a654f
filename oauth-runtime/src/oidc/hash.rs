//! `at_hash` and `c_hash` (OIDC Core §3.1.3.6, §3.3.2.11): the left-most half of the hash of
//! the access token or code, with the hash function of the ID token's `alg`, base64url.
//!
//! This module only computes; it must never decide which tokens need a hash (that is
//! [`super::id_token`]).

use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::jose::{b64, JwsAlgorithm};

/// The `at_hash` / `c_hash` of `value` for an ID token signed with `alg`. EdDSA (Ed25519)
/// uses SHA-512, as OpenID's errata for EdDSA specify.
pub fn token_hash(alg: JwsAlgorithm, value: &str) -> String {
    let bytes = value.as_bytes();
    match alg {
        JwsAlgorithm::HS256 | JwsAlgorithm::RS256 | JwsAlgorithm::PS256 | JwsAlgorithm::ES256 => {
            half(&Sha256::digest(bytes))
        }
        JwsAlgorithm::HS384 | JwsAlgorithm::RS384 | JwsAlgorithm::PS384 | JwsAlgorithm::ES384 => {
            half(&Sha384::digest(bytes))
        }
        JwsAlgorithm::HS512
        | JwsAlgorithm::RS512
        | JwsAlgorithm::PS512
        | JwsAlgorithm::EdDSA
        | JwsAlgorithm::Ed25519 => half(&Sha512::digest(bytes)),
    }
}

fn half(digest: &[u8]) -> String {
    b64(&digest[..digest.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// OIDC Core's example (Appendix A.3): the access token `jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y`
    /// has at_hash `77QmUPtjPfzWtF2AnpK9RQ` under RS256.
    #[test]
    fn matches_the_spec_example() {
        assert_eq!(
            token_hash(
                JwsAlgorithm::RS256,
                "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"
            ),
            "77QmUPtjPfzWtF2AnpK9RQ"
        );
        assert_eq!(token_hash(JwsAlgorithm::ES384, "x").len(), 32);
        assert_eq!(token_hash(JwsAlgorithm::EdDSA, "x").len(), 43);
    }
}
