//! The OIDC `nonce` (Core §3.1.2.1): a random value bound to one pending authorization and
//! expected back, unchanged, in the ID token it yields.
//!
//! A nonce must never be reused across authorizations, formatted into logs, or compared in a
//! way whose timing depends on the value.

use std::fmt;

use rand::RngCore as _;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq as _;

use crate::jose::b64;

/// A nonce. `Debug` redacts it; comparison is constant-time.
#[derive(Clone)]
pub struct Nonce(SecretString);

impl fmt::Debug for Nonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Nonce([REDACTED])")
    }
}

impl Nonce {
    /// 256 fresh random bits, base64url (43 characters).
    pub fn random() -> Nonce {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Nonce(SecretString::from(b64(bytes)))
    }

    /// A nonce restored from where the pending authorization was kept.
    pub fn new(value: impl Into<String>) -> Nonce {
        Nonce(SecretString::from(value.into()))
    }

    /// The value, for the authorization request's `nonce` parameter and for storage.
    pub fn secret(&self) -> &str {
        self.0.expose_secret()
    }

    /// Whether `claim` is this nonce (constant-time in the content).
    pub fn matches(&self, claim: &str) -> bool {
        self.secret().as_bytes().ct_eq(claim.as_bytes()).into()
    }
}

impl PartialEq for Nonce {
    fn eq(&self, other: &Self) -> bool {
        self.matches(other.secret())
    }
}

impl Eq for Nonce {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_nonces_differ_and_never_show() {
        let (a, b) = (Nonce::random(), Nonce::random());
        assert_ne!(a, b);
        assert_eq!(a.secret().len(), 43);
        assert!(a.matches(a.secret()));
        assert!(!a.matches(&a.secret()[..42]));
        assert!(!format!("{a:?}").contains(a.secret()));
    }
}
