//! JWS compact serialisation (RFC 7515 §7.1) of client assertions and signed client secrets:
//! split, decoded and verified with a registered key or the client secret (HS256). Only the
//! signature is judged here; the claims are checked by `routes::client_auth`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use oauth_model::JwtAlgorithm;
use serde_json::{Map, Value};

use super::jwk::ClientKey;

/// Longest JWT read (a JWT is a few hundred bytes; this keeps hostile ones cheap).
const MAX_LEN: usize = 16 * 1024;

/// A decoded, not yet verified, JWT.
#[derive(Debug, Clone)]
pub(crate) struct Jwt {
    /// The protected header.
    pub header: Map<String, Value>,
    /// The claims.
    pub claims: Map<String, Value>,
    signing_input: String,
    signature: Vec<u8>,
}

/// What verifies a signature.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Verifier<'a> {
    /// A registered public key.
    Key(&'a ClientKey),
    /// The client secret (HS256).
    Secret(&'a [u8]),
}

impl Jwt {
    /// Splits and decodes `token`; `Err` says why it is not a JWT.
    pub fn parse(token: &str) -> Result<Jwt, String> {
        if token.len() > MAX_LEN {
            return Err("the JWT is too long".into());
        }
        let mut parts = token.split('.');
        let (Some(h), Some(c), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err("a JWT is three base64url parts joined by `.`".into());
        };
        let object = |part: &str, what: &str| -> Result<Map<String, Value>, String> {
            let bytes = URL_SAFE_NO_PAD
                .decode(part)
                .map_err(|_| format!("the JWT {what} is not base64url"))?;
            match serde_json::from_slice(&bytes) {
                Ok(Value::Object(map)) => Ok(map),
                _ => Err(format!("the JWT {what} is not a JSON object")),
            }
        };
        let signature = URL_SAFE_NO_PAD
            .decode(s)
            .map_err(|_| "the JWT signature is not base64url".to_string())?;
        Ok(Jwt {
            header: object(h, "header")?,
            claims: object(c, "claims")?,
            signing_input: format!("{h}.{c}"),
            signature,
        })
    }

    /// A string header parameter.
    pub fn header_str(&self, name: &str) -> Option<&str> {
        self.header.get(name).and_then(Value::as_str)
    }

    /// A string claim.
    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.claims.get(name).and_then(Value::as_str)
    }

    /// A numeric date claim (RFC 7519 §2), in whole seconds.
    pub fn claim_time(&self, name: &str) -> Option<Result<u64, ()>> {
        let v = self.claims.get(name)?;
        Some(match v {
            Value::Number(n) => n
                .as_u64()
                .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
                .ok_or(()),
            _ => Err(()),
        })
    }

    /// The audiences (`aud` is a string or an array of strings).
    pub fn audiences(&self) -> Vec<&str> {
        match self.claims.get("aud") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the signature is `alg`'s, by `verifier`.
    pub fn verify(&self, alg: JwtAlgorithm, verifier: Verifier<'_>) -> bool {
        let message = self.signing_input.as_bytes();
        match (verifier, alg) {
            (Verifier::Secret(secret), JwtAlgorithm::Hs256) => {
                let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
                ring::hmac::verify(&key, message, &self.signature).is_ok()
            }
            (Verifier::Key(key), alg) if alg != JwtAlgorithm::Hs256 => {
                key.verify(alg, message, &self.signature)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hs256(secret: &[u8], header: &str, claims: &str) -> String {
        let h = URL_SAFE_NO_PAD.encode(header);
        let c = URL_SAFE_NO_PAD.encode(claims);
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
        let sig = ring::hmac::sign(&key, format!("{h}.{c}").as_bytes());
        format!("{h}.{c}.{}", URL_SAFE_NO_PAD.encode(sig.as_ref()))
    }

    #[test]
    fn hs256_verifies_with_the_secret_only() {
        let t = hs256(
            b"s3cret",
            r#"{"alg":"HS256"}"#,
            r#"{"sub":"id","aud":["a","b"]}"#,
        );
        let jwt = Jwt::parse(&t).expect("parses");
        assert_eq!(jwt.claim_str("sub"), Some("id"));
        assert_eq!(jwt.audiences(), vec!["a", "b"]);
        assert!(jwt.verify(JwtAlgorithm::Hs256, Verifier::Secret(b"s3cret")));
        assert!(!jwt.verify(JwtAlgorithm::Hs256, Verifier::Secret(b"other")));
        assert!(!jwt.verify(JwtAlgorithm::Rs256, Verifier::Secret(b"s3cret")));
    }

    #[test]
    fn malformed_jwts_are_errors() {
        for t in ["", "a.b", "a.b.c.d", "!!.e30.", "e30.e30.!!", "W10.e30."] {
            assert!(Jwt::parse(t).is_err(), "{t}");
        }
    }
}
