//! The provider's public keys (RFC 7517 §5): the set served at `jwks_uri`, and a cache that refetches once when a token names a key it does not hold (rotation), at most
//! once per [`JwksCacheBuilder::min_refetch_interval`].
//!
//! It must never keep a symmetric (`oct`) or private key from a key set, never hand out a key
//! for an algorithm it does not fit (type, curve, size, `use`, `key_ops`, `alg`), and never let
//! tokens naming unknown keys drive more than one fetch per interval: an attacker sending
//! random `kid`s costs us nothing.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwapOption;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

use crate::jose::crypto::PublicKey;
use crate::jose::JwsAlgorithm;
use crate::limits::{Clock, SystemClock};
use crate::oidc::cache::CachePolicy;
use crate::oidc::discovery::{clip, shape_reason};
use crate::oidc::fetch::{self, FetchError, DEFAULT_TIMEOUT};
use crate::oidc::jwk::Jwk;

/// The default minimum time between two fetches of a key set caused by unknown keys.
pub const DEFAULT_MIN_REFETCH_INTERVAL: Duration = Duration::from_secs(30);

/// A key set (RFC 7517 §5): only the public signature keys this crate can use are kept; a key
/// it cannot read (another type, a private or symmetric key) is left out, not an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct JwkSet {
    /// The keys.
    pub keys: Vec<Jwk>,
}

/// The outcome of looking a key up in one set.
pub(crate) enum Lookup {
    Found(PublicKey),
    NotFound,
    Mismatch,
    Ambiguous,
}

impl JwkSet {
    /// Parses `{"keys": [...]}`.
    pub fn from_json(body: &[u8]) -> Result<JwkSet, JwksError> {
        #[derive(Deserialize)]
        struct Raw {
            keys: Vec<Value>,
        }
        let raw: Raw = serde_json::from_slice(body).map_err(|e| JwksError::Document {
            reason: shape_reason(&e),
        })?;
        let keys = raw
            .keys
            .into_iter()
            .filter_map(|k| serde_json::from_value::<Jwk>(k).ok())
            .filter(|k| matches!(k.kty.as_str(), "RSA" | "EC" | "OKP"))
            .collect();
        Ok(JwkSet { keys })
    }

    /// The key for a JWS with header `kid` and `alg`. Without a `kid`, the one key that fits
    /// (OIDC Core §10.1: several keys require a `kid`).
    pub(crate) fn lookup(&self, kid: Option<&str>, alg: JwsAlgorithm) -> Lookup {
        match kid {
            Some(kid) => {
                let mut named = self.keys.iter().filter(|k| k.kid.as_deref() == Some(kid));
                let Some(first) = named.next() else {
                    return Lookup::NotFound;
                };
                std::iter::once(first)
                    .chain(named)
                    .find_map(|k| k.verifying_key(alg).ok())
                    .map_or(Lookup::Mismatch, Lookup::Found)
            }
            None => {
                let mut fitting = self.keys.iter().filter_map(|k| k.verifying_key(alg).ok());
                match (fitting.next(), fitting.next()) {
                    (Some(key), None) => Lookup::Found(key),
                    (None, _) => Lookup::NotFound,
                    (Some(_), Some(_)) => Lookup::Ambiguous,
                }
            }
        }
    }
}

/// Why no key could be had.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JwksError {
    /// `jwks_uri` could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// `jwks_uri` answered a non-success status.
    #[error("the JWKS answered HTTP {status}")]
    Status {
        /// The status.
        status: u16,
    },
    /// The body is not a key set.
    #[error("the JWKS is malformed: {reason}")]
    Document {
        /// Which rule it broke.
        reason: String,
    },
    /// No key with this `kid` (or, without one, no key fitting the algorithm), even after the
    /// refetch this lookup was allowed.
    #[error("no key `{}` in the JWKS{}", kid.as_deref().unwrap_or("(no kid)"),
        if *refetched { "" } else { " (refetch suppressed: the last fetch was too recent)" })]
    UnknownKey {
        /// The `kid` asked for (clipped to 200 characters).
        kid: Option<String>,
        /// Whether the set was refetched for this lookup.
        refetched: bool,
    },
    /// The key named cannot verify this algorithm (type, curve, size, `use`, `alg`).
    #[error("key `{}` does not fit {alg}", kid.as_deref().unwrap_or("(no kid)"))]
    KeyMismatch {
        /// The `kid` (clipped).
        kid: Option<String>,
        /// The algorithm of the token.
        alg: JwsAlgorithm,
    },
    /// No key set has been fetched yet and the last attempt, less than the refetch interval
    /// ago, failed.
    #[error(
        "the JWKS could not be fetched recently; the next attempt waits for the refetch interval"
    )]
    RecentlyFailed,
    /// The token names no `kid` and several keys fit.
    #[error("the token names no `kid` and several keys in the JWKS fit {0}")]
    AmbiguousKey(JwsAlgorithm),
}

struct CachedSet {
    set: Arc<JwkSet>,
    fresh_until: Instant,
    generation: u64,
}

/// The key set at one `jwks_uri`, cached as its `Cache-Control` says (within bounds). A lookup
/// of an unknown key refetches the set once, unless a fetch happened less than the minimum
/// refetch interval ago. When a refresh fails, the stale set is used a little longer.
pub struct JwksCache {
    uri: Url,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
    policy: CachePolicy,
    timeout: Duration,
    min_refetch: Duration,
    cached: ArcSwapOption<CachedSet>,
    /// When the last fetch was attempted; held across a fetch so concurrent callers share it.
    last_attempt: tokio::sync::Mutex<Option<Instant>>,
    fetches: AtomicU64,
}

impl std::fmt::Debug for JwksCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwksCache")
            .field("uri", &self.uri.as_str())
            .field("min_refetch", &self.min_refetch)
            .finish_non_exhaustive()
    }
}

/// Builds a [`JwksCache`].
pub struct JwksCacheBuilder {
    uri: Url,
    http: Option<reqwest::Client>,
    clock: Arc<dyn Clock>,
    policy: CachePolicy,
    timeout: Duration,
    min_refetch: Duration,
}

impl JwksCacheBuilder {
    /// The HTTP client (default: rustls, no redirects).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// The clock the cache and the refetch limit go by (tests).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Cache bounds.
    pub fn cache_policy(mut self, policy: CachePolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The timeout of one fetch (default 10 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The least time between two fetches caused by unknown keys or failed refreshes
    /// (default [`DEFAULT_MIN_REFETCH_INTERVAL`]). A key rotated in sooner than this after a
    /// fetch is found once the interval has passed.
    pub fn min_refetch_interval(mut self, interval: Duration) -> Self {
        self.min_refetch = interval;
        self
    }

    /// Checks the URL and builds.
    pub fn build(self) -> Result<JwksCache, JwksError> {
        if !fetch::is_secure(&self.uri) {
            return Err(FetchError::Insecure { what: "JWKS" }.into());
        }
        let http = match self.http {
            Some(http) => http,
            None => fetch::default_client()?,
        };
        Ok(JwksCache {
            uri: self.uri,
            http,
            clock: self.clock,
            policy: self.policy,
            timeout: self.timeout,
            min_refetch: self.min_refetch,
            cached: ArcSwapOption::empty(),
            last_attempt: tokio::sync::Mutex::new(None),
            fetches: AtomicU64::new(0),
        })
    }
}

impl JwksCache {
    /// A cache of the set at `uri`, with the defaults.
    pub fn new(uri: Url) -> Result<JwksCache, JwksError> {
        JwksCache::builder(uri).build()
    }

    /// Starts a builder.
    pub fn builder(uri: Url) -> JwksCacheBuilder {
        JwksCacheBuilder {
            uri,
            http: None,
            clock: Arc::new(SystemClock),
            policy: CachePolicy::default(),
            timeout: DEFAULT_TIMEOUT,
            min_refetch: DEFAULT_MIN_REFETCH_INTERVAL,
        }
    }

    /// The `jwks_uri`.
    pub fn uri(&self) -> &Url {
        &self.uri
    }

    /// How many times the set has been fetched (attempts, failed ones included).
    pub fn fetch_count(&self) -> u64 {
        self.fetches.load(Ordering::Relaxed)
    }

    /// The current set: the cached one while fresh, else a new one (or, when that fails, the
    /// stale one for another refetch interval).
    pub async fn keys(&self) -> Result<Arc<JwkSet>, JwksError> {
        Ok(Arc::clone(&self.current().await?.set))
    }

    async fn current(&self) -> Result<Arc<CachedSet>, JwksError> {
        if let Some(fresh) = self.fresh() {
            return Ok(fresh);
        }
        let mut last_attempt = self.last_attempt.lock().await;
        if let Some(fresh) = self.fresh() {
            return Ok(fresh);
        }
        let now = self.clock.now();
        // No set yet and the last attempt failed: wait out the interval rather than let every
        // token (an attacker's included) send a fetch to a server that is down.
        if self.cached.load().is_none()
            && last_attempt.is_some_and(|at| now.saturating_duration_since(at) < self.min_refetch)
        {
            return Err(JwksError::RecentlyFailed);
        }
        match self.fetch(&mut last_attempt).await {
            Ok(set) => Ok(set),
            Err(e) => match self.cached.load_full() {
                Some(stale) => {
                    tracing::warn!(error = %e, "JWKS refresh failed; using the stale key set");
                    let extended = Arc::new(CachedSet {
                        set: Arc::clone(&stale.set),
                        fresh_until: now + self.min_refetch.max(Duration::from_secs(1)),
                        generation: stale.generation,
                    });
                    self.cached.store(Some(Arc::clone(&extended)));
                    Ok(extended)
                }
                None => Err(e),
            },
        }
    }

    fn fresh(&self) -> Option<Arc<CachedSet>> {
        let cached = self.cached.load_full()?;
        (self.clock.now() < cached.fresh_until).then_some(cached)
    }

    /// Fetches the set and stores it; the caller holds the attempt lock.
    async fn fetch(&self, last_attempt: &mut Option<Instant>) -> Result<Arc<CachedSet>, JwksError> {
        *last_attempt = Some(self.clock.now());
        self.fetches.fetch_add(1, Ordering::Relaxed);
        let request = self.http.get(self.uri.clone()).header(
            reqwest::header::ACCEPT,
            "application/jwk-set+json, application/json",
        );
        let got = fetch::send(request, &self.uri, "JWKS", self.timeout).await?;
        if !(200..300).contains(&got.status) {
            return Err(JwksError::Status { status: got.status });
        }
        let set = JwkSet::from_json(&got.body)?;
        let generation = self.cached.load().as_ref().map_or(0, |c| c.generation + 1);
        let cached = Arc::new(CachedSet {
            set: Arc::new(set),
            fresh_until: self.clock.now() + self.policy.ttl(&got.headers),
            generation,
        });
        self.cached.store(Some(Arc::clone(&cached)));
        Ok(cached)
    }

    /// The key that verifies a JWS with header `kid` and `alg`, refetching the set once for
    /// an unknown key when the refetch interval allows.
    pub(crate) async fn verifying_key(
        &self,
        kid: Option<&str>,
        alg: JwsAlgorithm,
    ) -> Result<PublicKey, JwksError> {
        let seen = self.current().await?;
        if let Some(result) = self.decide(&seen.set, kid, alg) {
            return result;
        }
        let mut last_attempt = self.last_attempt.lock().await;
        if let Some(now_held) = self.cached.load_full() {
            if now_held.generation != seen.generation {
                // Another lookup refetched while we waited: its set is the newest there is.
                return self
                    .decide(&now_held.set, kid, alg)
                    .unwrap_or_else(|| Err(unknown(kid, true)));
            }
        }
        let now = self.clock.now();
        if last_attempt.is_some_and(|at| now.saturating_duration_since(at) < self.min_refetch) {
            return Err(unknown(kid, false));
        }
        let fresh = self.fetch(&mut last_attempt).await?;
        self.decide(&fresh.set, kid, alg)
            .unwrap_or_else(|| Err(unknown(kid, true)))
    }

    /// The answer a set gives, or `None` when the key is not there (a refetch may help).
    fn decide(
        &self,
        set: &JwkSet,
        kid: Option<&str>,
        alg: JwsAlgorithm,
    ) -> Option<Result<PublicKey, JwksError>> {
        match set.lookup(kid, alg) {
            Lookup::Found(key) => Some(Ok(key)),
            Lookup::NotFound => None,
            Lookup::Mismatch => Some(Err(JwksError::KeyMismatch {
                kid: kid.map(clip),
                alg,
            })),
            Lookup::Ambiguous => Some(Err(JwksError::AmbiguousKey(alg))),
        }
    }
}

fn unknown(kid: Option<&str>, refetched: bool) -> JwksError {
    JwksError::UnknownKey {
        kid: kid.map(clip),
        refetched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_enc_and_unreadable_keys_are_left_out() {
        let set = JwkSet::from_json(
            br#"{"keys":[{"kty":"oct","k":"c2VjcmV0"},{"kty":"RSA","use":"enc","n":"AQAB","e":"AQAB"},
                {"kty":"EC","crv":"P-256","x":"AA","y":"AA","kid":"ok"},{"kty":42},{"nokty":true}]}"#,
        )
        .unwrap();
        let kinds: Vec<_> = set.keys.iter().map(|k| k.kty.as_str()).collect();
        assert_eq!(kinds, ["RSA", "EC"]);
        assert!(matches!(
            set.lookup(None, JwsAlgorithm::HS256),
            Lookup::NotFound
        ));
        // The `enc` RSA key does not verify; the EC key's coordinates are too short.
        assert!(matches!(
            set.lookup(Some("ok"), JwsAlgorithm::ES256),
            Lookup::Mismatch
        ));
    }
}
