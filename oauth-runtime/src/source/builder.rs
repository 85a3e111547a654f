//! [`TokenSourceBuilder`]: how a [`TokenSource`] is configured.

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::Arc;
use std::time::Duration;

use oauth_model::Counted;

use crate::clock::RuntimeClock;
use crate::limits::RateLimiter;
use crate::store::{MemoryStore, TokenStore};
use crate::token::TokenSet;

use super::cache::{deadline_of, refresh_at, Current};
use super::shared::{ClientSources, Config, FetcherKind};
use super::{
    Flight, Inner, OnChange, RetryPolicy, TokenCap, TokenFetcher, TokenSource,
    DEFAULT_MIN_RENEWAL_INTERVAL,
};

/// The client a builder was made from: its store is the default, and sources built alike
/// from it share one configuration.
pub(super) struct FromClient {
    pub(super) identity: usize,
    pub(super) provider: &'static str,
    pub(super) kind: FetcherKind,
    pub(super) sources: Arc<ClientSources>,
}

/// Configures a [`TokenSource`].
pub struct TokenSourceBuilder {
    pub(super) key: String,
    pub(super) issuer: Option<String>,
    pub(super) fetcher: Arc<dyn TokenFetcher>,
    pub(super) store: Option<Arc<dyn TokenStore>>,
    pub(super) skew: Duration,
    pub(super) retry: RetryPolicy,
    pub(super) reuses_token: bool,
    pub(super) lock_ttl: Duration,
    pub(super) poll_interval: Duration,
    pub(super) min_renewal_interval: Duration,
    pub(super) on_change: Option<OnChange>,
    pub(super) limiter: Option<(Arc<RateLimiter>, Counted)>,
    pub(super) cap: Option<TokenCap>,
    pub(super) initial: Option<TokenSet>,
    pub(super) clock: RuntimeClock,
    pub(super) client: Option<FromClient>,
}

impl fmt::Debug for TokenSourceBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSourceBuilder")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl TokenSourceBuilder {
    pub(super) fn new(key: String, fetcher: Arc<dyn TokenFetcher>) -> TokenSourceBuilder {
        TokenSourceBuilder {
            key,
            issuer: None,
            fetcher,
            store: None,
            skew: Duration::ZERO,
            retry: RetryPolicy::default(),
            reuses_token: false,
            lock_ttl: Duration::from_secs(30),
            poll_interval: Duration::from_millis(100),
            min_renewal_interval: DEFAULT_MIN_RENEWAL_INTERVAL,
            on_change: None,
            limiter: None,
            cap: None,
            initial: None,
            clock: RuntimeClock::default(),
            client: None,
        }
    }

    /// Where sets are kept (unless set: the client's [`MemoryStore`], which every source
    /// built from that client shares, for a source built from a client; else a
    /// [`MemoryStore`] of its own).
    pub fn store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.store = Some(store);
        self
    }

    /// Renew this long before expiry.
    pub fn skew(mut self, skew: Duration) -> Self {
        self.skew = skew;
        self
    }

    /// Retry policy for fetches.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The token endpoint hands back the same token until it expires (Marketo). A renewal
    /// ahead of expiry that gets the same token back keeps it until it expires instead of
    /// asking again and again as its time runs out; a token handed back after an API
    /// rejected it is an error, not a loop.
    pub fn reuses_token(mut self, yes: bool) -> Self {
        self.reuses_token = yes;
        self
    }

    /// The TTL of a cross-process refresh lock (30 s unless set): a crashed holder's lock
    /// frees itself after this long. A live holder extends it every third of the TTL while
    /// its fetch runs; a process waiting for another's refresh gives up after twice the TTL.
    pub fn lock_ttl(mut self, ttl: Duration) -> Self {
        self.lock_ttl = ttl;
        self
    }

    /// How often a process waiting for another's refresh looks at the store (100 ms).
    pub fn poll_interval(mut self, every: Duration) -> Self {
        self.poll_interval = every;
        self
    }

    /// The shortest time between two fetches due to expiry ([`DEFAULT_MIN_RENEWAL_INTERVAL`](super::DEFAULT_MIN_RENEWAL_INTERVAL)
    /// unless set; a quarter of the lifetime for tokens that live less than four intervals,
    /// at least 100 ms). A set fetched more recently is handed out again while it is valid
    /// rather than renewed, and one that arrived expired is an error until the window passes:
    /// a provider answering `expires_in: 0` costs one request per window, not one per call.
    pub fn min_renewal_interval(mut self, interval: Duration) -> Self {
        self.min_renewal_interval = interval;
        self
    }

    /// Called with the new set whenever the stored set changes.
    pub fn on_change(mut self, f: impl Fn(&TokenSet) + Send + Sync + 'static) -> Self {
        self.on_change = Some(Arc::new(f));
        self
    }

    /// Checks `limiter` for an event of kind `counted` before every fetch attempt.
    pub fn limiter(mut self, limiter: Arc<RateLimiter>, counted: Counted) -> Self {
        self.limiter = Some((limiter, counted));
        self
    }

    /// Refuses renewals that would pass `cap` (see [`TokenCap`]; set from the spec by
    /// [`TokenSource::for_client`] and the constructors built on it).
    pub fn cap(mut self, cap: TokenCap) -> Self {
        self.cap = Some(cap);
        self
    }

    /// A set to use before anything is fetched or loaded (it is not saved; see
    /// [`TokenSource::set`] to save one).
    pub fn initial(mut self, tokens: TokenSet) -> Self {
        self.initial = Some(tokens);
        self
    }

    /// The clock expiries and renewals go by (the system's unless set; a source built from a
    /// client takes the client's).
    pub fn clock(mut self, clock: Arc<dyn crate::clock::Clock>) -> Self {
        self.clock = RuntimeClock::new(clock);
        self
    }

    /// Builds the source.
    pub fn build(self) -> TokenSource {
        let store = match (self.store, &self.client) {
            (Some(store), _) => store,
            (None, Some(c)) => Arc::clone(&c.sources.store) as Arc<dyn TokenStore>,
            (None, None) => Arc::new(MemoryStore::new()) as Arc<dyn TokenStore>,
        };
        let config = Config {
            issuer: self.issuer,
            fetcher: self.fetcher,
            store,
            skew: self.skew,
            retry: self.retry,
            reuses_token: self.reuses_token,
            lock_ttl: self.lock_ttl,
            poll_interval: self.poll_interval,
            min_renewal_interval: self.min_renewal_interval,
            on_change: self.on_change,
            limiter: self.limiter,
            cap: self.cap,
            clock: self.clock,
            client: self.client.as_ref().map_or(0, |c| c.identity),
            provider: self.client.as_ref().map(|c| c.provider),
        };
        let config = match &self.client {
            Some(c) if c.kind != FetcherKind::Custom => {
                c.sources.intern(c.identity, &c.kind, config)
            }
            _ => Arc::new(config),
        };
        let (set, deadline) = match self.initial {
            Some(t) => {
                let at = refresh_at(&t, config.skew, config.clock.wall());
                (Some(Arc::new(t)), deadline_of(at))
            }
            None => (None, 0),
        };
        TokenSource {
            inner: Arc::new(Inner {
                current: Current::new(set, deadline),
                config,
                key: Arc::from(self.key),
                minted: AtomicU64::new(0),
                fetches: AtomicU64::new(0),
                generation: AtomicU64::new(0),
                unproven: AtomicBool::new(false),
                rejected: AtomicBool::new(false),
                replaced_at: AtomicU64::new(0),
                flight: tokio::sync::Mutex::new(Flight {
                    last: None,
                    unsaved: None,
                }),
            }),
        }
    }
}
