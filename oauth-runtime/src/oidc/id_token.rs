//! ID token verification (OIDC Core §3.1.3.7, §3.2.2.11, §3.3.2.12): the signature against the
//! provider's JWKS with an algorithm from an allow-list, then `iss`, `aud` / `azp`, `exp`,
//! `iat`, `nbf`, `nonce`, `auth_time` and the `at_hash` / `c_hash` bindings.
//!
//! Every refusal is an [`IdTokenError`] variant naming the check that failed. This module must
//! never accept `alg: none` or an HMAC (so a public key can never be used as an HMAC secret:
//! the HS/RS confusion), never return claims before the signature is verified, and never put
//! the token, the nonce or a hash into an error.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::jose::JwsAlgorithm;
use crate::oidc::claims::IdTokenClaims;
use crate::oidc::discovery::{clip, ProviderMetadata};
use crate::oidc::hash::token_hash;
use crate::oidc::jwks::{JwksCache, JwksError};
use crate::oidc::jws;
use crate::oidc::nonce::Nonce;
use crate::secret::{AccessToken, AuthorizationCode, ClientId};

/// The default allowance for clocks that disagree.
pub const DEFAULT_CLOCK_SKEW: Duration = Duration::from_secs(60);

/// The largest clock skew accepted: beyond it, an expired token is simply accepted.
pub const MAX_CLOCK_SKEW: Duration = Duration::from_secs(300);

/// Why an ID token was refused. The token itself is never part of an error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IdTokenError {
    /// Not a compact JWS, or claims that are not an ID token's.
    #[error("malformed ID token: {0}")]
    Malformed(String),
    /// `alg` is `none`, an HMAC, unknown, or outside the allow-list.
    #[error("ID token algorithm `{alg}` is not allowed")]
    Algorithm {
        /// The header's `alg` (clipped to 200 characters).
        alg: String,
    },
    /// No key in the JWKS has the token's `kid`, even after the refetch that was allowed.
    #[error("no key `{}` in the provider's JWKS{}", kid.as_deref().unwrap_or("(no kid)"),
        if *refetched { "" } else { " (refetch suppressed: the last fetch was too recent)" })]
    UnknownKey {
        /// The header's `kid` (clipped).
        kid: Option<String>,
        /// Whether the JWKS was refetched for this token.
        refetched: bool,
    },
    /// The key the token names cannot verify its algorithm.
    #[error("key `{}` does not fit the ID token's algorithm {alg}", kid.as_deref().unwrap_or("(no kid)"))]
    KeyMismatch {
        /// The `kid` (clipped).
        kid: Option<String>,
        /// The algorithm.
        alg: JwsAlgorithm,
    },
    /// The JWKS could not be had (fetch, status, document, ambiguous key).
    #[error("the provider's keys could not be used: {0}")]
    Jwks(#[source] JwksError),
    /// The signature does not verify.
    #[error("the ID token signature does not verify")]
    Signature,
    /// `iss` is not the issuer.
    #[error("ID token issuer `{found}` is not `{expected}`")]
    Issuer {
        /// The configured issuer.
        expected: String,
        /// The token's (clipped).
        found: String,
    },
    /// `aud` does not contain the client id.
    #[error("the ID token's audience does not include client `{client_id}`")]
    Audience {
        /// The client id.
        client_id: String,
    },
    /// `aud` holds an audience the client does not trust (Core §3.1.3.7 step 3).
    #[error("the ID token's audience includes untrusted `{audience}`")]
    UntrustedAudience {
        /// The audience (clipped).
        audience: String,
    },
    /// `azp` is missing while there are several audiences, or is not the client.
    #[error("the ID token's authorized party (`azp`) is {}", found.as_deref().map_or("missing".to_string(), |f| format!("`{f}`, not this client")))]
    AuthorizedParty {
        /// The token's `azp` (clipped), if any.
        found: Option<String>,
    },
    /// `exp` is past (beyond the skew).
    #[error("the ID token expired at {exp} (now {now}, skew {skew}s)")]
    Expired {
        /// `exp`.
        exp: i64,
        /// Now, in Unix seconds.
        now: i64,
        /// The allowed skew in seconds.
        skew: u64,
    },
    /// `iat` is in the future (beyond the skew).
    #[error("the ID token was issued in the future ({iat}, now {now})")]
    IssuedInFuture {
        /// `iat`.
        iat: i64,
        /// Now.
        now: i64,
    },
    /// `nbf` is in the future (beyond the skew).
    #[error("the ID token is not valid before {nbf} (now {now})")]
    NotYetValid {
        /// `nbf`.
        nbf: i64,
        /// Now.
        now: i64,
    },
    /// `nonce` is missing, or not the pending authorization's.
    #[error("the ID token's nonce is {}", if *missing { "missing" } else { "not the one sent" })]
    Nonce {
        /// Whether the claim was absent (else it differed).
        missing: bool,
    },
    /// `auth_time` is missing though `max_age` was requested, or too old.
    #[error("the ID token's auth_time is {}", if *missing { "missing though max_age was requested" } else { "older than max_age" })]
    AuthTime {
        /// Whether the claim was absent (else too old).
        missing: bool,
    },
    /// `at_hash` does not match the access token.
    #[error("the ID token's at_hash does not match the access token")]
    AtHash,
    /// `c_hash` does not match the code.
    #[error("the ID token's c_hash does not match the authorization code")]
    CHash,
    /// A refresh's ID token names another `sub` than the set it renews (OIDC Core §12.2).
    #[error("the refreshed ID token names another subject than the one it renews")]
    SubjectChanged,
}

impl From<JwksError> for IdTokenError {
    fn from(e: JwksError) -> Self {
        match e {
            JwksError::UnknownKey { kid, refetched } => IdTokenError::UnknownKey { kid, refetched },
            JwksError::KeyMismatch { kid, alg } => IdTokenError::KeyMismatch { kid, alg },
            other => IdTokenError::Jwks(other),
        }
    }
}

/// A verifier's configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifierConfigError {
    /// An HMAC algorithm was allowed: ID tokens are verified with public keys only.
    #[error("{0} cannot be allowed: ID tokens are verified with the provider's public keys")]
    SymmetricAlgorithm(JwsAlgorithm),
    /// The allow-list is empty (or the metadata names no algorithm this crate supports).
    #[error("no ID token algorithm is allowed")]
    NoAlgorithm,
    /// The clock skew is above [`MAX_CLOCK_SKEW`].
    #[error("the clock skew may be at most {}s", MAX_CLOCK_SKEW.as_secs())]
    ClockSkew,
    /// The metadata has no `jwks_uri`.
    #[error("the provider metadata has no jwks_uri")]
    NoJwksUri,
    /// The JWKS cache could not be built.
    #[error("the JWKS cache could not be built: {0}")]
    Jwks(String),
}

/// What the ID token must match besides the provider and the client: the values of the
/// authorization that yielded it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Expected<'a> {
    /// The nonce bound to the pending authorization. When set, the token must carry it.
    pub nonce: Option<&'a Nonce>,
    /// The access token issued with the ID token: checked against `at_hash` when present.
    pub access_token: Option<&'a AccessToken>,
    /// The code issued with the ID token (hybrid flow): checked against `c_hash` when present.
    pub code: Option<&'a AuthorizationCode>,
    /// The `max_age` requested: `auth_time` must be present and no older.
    pub max_age: Option<Duration>,
    /// Require `at_hash` (implicit `id_token token` responses).
    pub require_at_hash: bool,
    /// Require `c_hash` (hybrid `code id_token` responses).
    pub require_c_hash: bool,
}

/// Verifies the ID tokens of one issuer for one client.
#[derive(Debug, Clone)]
pub struct IdTokenVerifier {
    issuer: String,
    client_id: ClientId,
    jwks: Arc<JwksCache>,
    algorithms: Vec<JwsAlgorithm>,
    skew: Duration,
    trusted_audiences: Vec<String>,
}

/// Builds an [`IdTokenVerifier`].
#[derive(Debug)]
pub struct IdTokenVerifierBuilder {
    issuer: String,
    client_id: ClientId,
    jwks: Arc<JwksCache>,
    algorithms: Vec<JwsAlgorithm>,
    skew: Duration,
    trusted_audiences: Vec<String>,
}

impl IdTokenVerifierBuilder {
    /// The algorithms accepted (default: every asymmetric one, or those the metadata lists).
    pub fn algorithms(mut self, algorithms: impl IntoIterator<Item = JwsAlgorithm>) -> Self {
        self.algorithms = algorithms.into_iter().collect();
        self
    }

    /// The allowance for clock differences (default [`DEFAULT_CLOCK_SKEW`], at most
    /// [`MAX_CLOCK_SKEW`]).
    pub fn clock_skew(mut self, skew: Duration) -> Self {
        self.skew = skew;
        self
    }

    /// An audience besides the client that a token may also name (Core §3.1.3.7 step 3:
    /// tokens naming audiences the client does not trust are refused).
    pub fn trust_audience(mut self, audience: impl Into<String>) -> Self {
        self.trusted_audiences.push(audience.into());
        self
    }

    /// Checks the configuration and builds.
    pub fn build(self) -> Result<IdTokenVerifier, VerifierConfigError> {
        if let Some(alg) = self.algorithms.iter().find(|a| a.is_symmetric()) {
            return Err(VerifierConfigError::SymmetricAlgorithm(*alg));
        }
        if self.algorithms.is_empty() {
            return Err(VerifierConfigError::NoAlgorithm);
        }
        if self.skew > MAX_CLOCK_SKEW {
            return Err(VerifierConfigError::ClockSkew);
        }
        Ok(IdTokenVerifier {
            issuer: self.issuer,
            client_id: self.client_id,
            jwks: self.jwks,
            algorithms: self.algorithms,
            skew: self.skew,
            trusted_audiences: self.trusted_audiences,
        })
    }
}

impl IdTokenVerifier {
    /// A verifier for tokens from `issuer` (compared exactly) for `client_id`, with keys from
    /// `jwks`.
    pub fn builder(
        issuer: impl Into<String>,
        client_id: ClientId,
        jwks: Arc<JwksCache>,
    ) -> IdTokenVerifierBuilder {
        IdTokenVerifierBuilder {
            issuer: issuer.into(),
            client_id,
            jwks,
            algorithms: JwsAlgorithm::asymmetric().collect(),
            skew: DEFAULT_CLOCK_SKEW,
            trusted_audiences: Vec::new(),
        }
    }

    /// A verifier from discovered metadata: its issuer, a JWKS cache of its `jwks_uri`
    /// (default settings), and the asymmetric algorithms of its
    /// `id_token_signing_alg_values_supported` (RS256 when it lists none, Core §3.1.3.7).
    pub fn from_metadata(
        metadata: &ProviderMetadata,
        client_id: ClientId,
    ) -> Result<IdTokenVerifierBuilder, VerifierConfigError> {
        let uri = metadata
            .jwks_uri
            .clone()
            .ok_or(VerifierConfigError::NoJwksUri)?;
        let jwks = JwksCache::new(uri).map_err(|e| VerifierConfigError::Jwks(e.to_string()))?;
        Ok(
            IdTokenVerifier::builder(&metadata.issuer, client_id, Arc::new(jwks))
                .algorithms(metadata_algorithms(metadata)),
        )
    }

    /// The key cache (for its counters, or to share it).
    pub fn jwks(&self) -> &Arc<JwksCache> {
        &self.jwks
    }

    /// Verifies `id_token` now.
    pub async fn verify(
        &self,
        id_token: &str,
        expected: &Expected<'_>,
    ) -> Result<IdTokenClaims, IdTokenError> {
        self.verify_at(id_token, expected, SystemTime::now()).await
    }

    /// Verifies `id_token` as of `now`.
    pub async fn verify_at(
        &self,
        id_token: &str,
        expected: &Expected<'_>,
        now: SystemTime,
    ) -> Result<IdTokenClaims, IdTokenError> {
        let jws = jws::parse(id_token).map_err(|r| IdTokenError::Malformed(r.into()))?;
        // RFC 8725 §3.11: a JWT of another kind (an access token, a logout token, a DPoP
        // proof) must not pass as an ID token.
        if jws.header.typ.as_deref().is_some_and(|t| {
            !t.eq_ignore_ascii_case("JWT") && !t.eq_ignore_ascii_case("application/jwt")
        }) {
            return Err(IdTokenError::Malformed(
                "the header's `typ` is not an ID token's".into(),
            ));
        }
        let alg = JwsAlgorithm::from_name(&jws.header.alg)
            .filter(|a| self.algorithms.contains(a))
            .ok_or_else(|| IdTokenError::Algorithm {
                alg: clip(&jws.header.alg),
            })?;
        let key = self
            .jwks
            .verifying_key(jws.header.kid.as_deref(), alg)
            .await?;
        if !jws.signature_valid(&key, alg) {
            return Err(IdTokenError::Signature);
        }
        let claims = IdTokenClaims::from_payload(&jws.payload).map_err(IdTokenError::Malformed)?;
        self.check_claims(&claims, alg, expected, now)?;
        Ok(claims)
    }

    fn check_claims(
        &self,
        claims: &IdTokenClaims,
        alg: JwsAlgorithm,
        expected: &Expected<'_>,
        now: SystemTime,
    ) -> Result<(), IdTokenError> {
        if claims.iss != self.issuer {
            return Err(IdTokenError::Issuer {
                expected: self.issuer.clone(),
                found: clip(&claims.iss),
            });
        }
        if claims.sub.is_empty() {
            return Err(IdTokenError::Malformed("`sub` is empty".into()));
        }
        let client = self.client_id.as_str();
        if !claims.aud.iter().any(|a| a == client) {
            return Err(IdTokenError::Audience {
                client_id: client.to_string(),
            });
        }
        if let Some(other) = claims
            .aud
            .iter()
            .find(|a| *a != client && !self.trusted_audiences.contains(a))
        {
            return Err(IdTokenError::UntrustedAudience {
                audience: clip(other),
            });
        }
        match claims.azp.as_deref() {
            Some(azp) if azp != client => {
                return Err(IdTokenError::AuthorizedParty {
                    found: Some(clip(azp)),
                })
            }
            None if claims.aud.len() > 1 => {
                return Err(IdTokenError::AuthorizedParty { found: None })
            }
            _ => {}
        }

        let now = unix(now);
        let skew = i64::try_from(self.skew.as_secs()).unwrap_or(i64::MAX);
        if now > claims.exp.saturating_add(skew) {
            return Err(IdTokenError::Expired {
                exp: claims.exp,
                now,
                skew: self.skew.as_secs(),
            });
        }
        if claims.iat > now.saturating_add(skew) {
            return Err(IdTokenError::IssuedInFuture {
                iat: claims.iat,
                now,
            });
        }
        if let Some(nbf) = claims.nbf {
            if nbf > now.saturating_add(skew) {
                return Err(IdTokenError::NotYetValid { nbf, now });
            }
        }

        if let Some(nonce) = expected.nonce {
            match claims.nonce.as_deref() {
                None => return Err(IdTokenError::Nonce { missing: true }),
                Some(claim) if !nonce.matches(claim) => {
                    return Err(IdTokenError::Nonce { missing: false })
                }
                Some(_) => {}
            }
        }
        if let Some(max_age) = expected.max_age {
            let Some(auth_time) = claims.auth_time else {
                return Err(IdTokenError::AuthTime { missing: true });
            };
            let max_age = i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX);
            if now > auth_time.saturating_add(max_age).saturating_add(skew) {
                return Err(IdTokenError::AuthTime { missing: false });
            }
        }

        check_hash(
            claims.at_hash.as_deref(),
            expected.access_token.map(AccessToken::secret),
            expected.require_at_hash,
            alg,
            IdTokenError::AtHash,
        )?;
        check_hash(
            claims.c_hash.as_deref(),
            expected.code.map(AuthorizationCode::secret),
            expected.require_c_hash,
            alg,
            IdTokenError::CHash,
        )
    }
}

/// A hash claim against its value: absent is fine unless required; present must match.
fn check_hash(
    claim: Option<&str>,
    value: Option<&str>,
    required: bool,
    alg: JwsAlgorithm,
    error: IdTokenError,
) -> Result<(), IdTokenError> {
    match (claim, value) {
        (Some(claim), Some(value)) if claim == token_hash(alg, value) => Ok(()),
        (Some(_), Some(_)) => Err(error),
        (None, _) if required => Err(error),
        _ => Ok(()),
    }
}

/// The asymmetric algorithms the metadata lists; RS256 when it lists none.
pub(crate) fn metadata_algorithms(metadata: &ProviderMetadata) -> Vec<JwsAlgorithm> {
    if metadata.id_token_signing_alg_values_supported.is_empty() {
        return vec![JwsAlgorithm::RS256];
    }
    metadata
        .id_token_signing_alg_values_supported
        .iter()
        .filter_map(|name| JwsAlgorithm::from_name(name))
        .filter(|a| !a.is_symmetric())
        .collect()
}

fn unix(t: SystemTime) -> i64 {
    match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_secs()).map_or(i64::MIN, |s| -s),
    }
}
