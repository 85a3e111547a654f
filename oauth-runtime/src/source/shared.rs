//! What sources share: their configuration ([`Config`], one `Arc` for every source built
//! alike), and, for sources built from one client, that client's default store and the
//! configurations already built ([`ClientSources`]).
//!
//! A fleet of a million sources built from one client with the same settings holds one
//! [`Config`] and one [`MemoryStore`], not a million of each: a source itself is its key, its
//! cached set and a few words of state (see [`super::cache`]).

use std::fmt;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use oauth_model::Counted;

use crate::clock::RuntimeClock;
use crate::limits::RateLimiter;
use crate::store::{MemoryStore, TokenStore};

use super::{OnChange, RetryPolicy, TokenCap, TokenFetcher};

/// How a source is configured: everything but its key and its state.
pub(super) struct Config {
    /// The issuer every set must come from ([`crate::TokenSet::issuer`]); `None` for a
    /// source built from a bare key.
    pub(super) issuer: Option<String>,
    pub(super) fetcher: Arc<dyn TokenFetcher>,
    pub(super) store: Arc<dyn TokenStore>,
    pub(super) skew: Duration,
    pub(super) retry: RetryPolicy,
    pub(super) reuses_token: bool,
    pub(super) lock_ttl: Duration,
    pub(super) poll_interval: Duration,
    pub(super) min_renewal_interval: Duration,
    pub(super) on_change: Option<OnChange>,
    pub(super) limiter: Option<(Arc<RateLimiter>, Counted)>,
    pub(super) cap: Option<TokenCap>,
    pub(super) clock: RuntimeClock,
    /// The client it was built from ([`crate::engine::Client`]'s identity; 0 for none).
    pub(super) client: usize,
    /// The provider's name, for a source built from a client.
    pub(super) provider: Option<&'static str>,
}

impl Config {
    /// Whether `other` is configured the same way, its fetcher aside (the caller compares
    /// how the fetchers were made).
    fn same_settings(&self, other: &Config) -> bool {
        fn same_arc<T: ?Sized>(a: &Arc<T>, b: &Arc<T>) -> bool {
            std::ptr::addr_eq(Arc::as_ptr(a), Arc::as_ptr(b))
        }
        let limiter = match (&self.limiter, &other.limiter) {
            (None, None) => true,
            (Some((a, ca)), Some((b, cb))) => same_arc(a, b) && ca == cb,
            _ => false,
        };
        let on_change = match (&self.on_change, &other.on_change) {
            (None, None) => true,
            (Some(a), Some(b)) => same_arc(a, b),
            _ => false,
        };
        limiter
            && on_change
            && self.issuer == other.issuer
            && same_arc(&self.store, &other.store)
            && self.skew == other.skew
            && self.retry == other.retry
            && self.reuses_token == other.reuses_token
            && self.lock_ttl == other.lock_ttl
            && self.poll_interval == other.poll_interval
            && self.min_renewal_interval == other.min_renewal_interval
            && self.cap == other.cap
            && self.clock.same(&other.clock)
            && self.client == other.client
            && self.provider == other.provider
    }
}

/// How a source's fetcher was made, so that sources whose fetchers were made alike from one
/// client can share one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FetcherKind {
    /// Given by the caller: never shared.
    Custom,
    /// [`super::RefreshFetcher::new`] of the client.
    Refresh,
    /// [`super::ClientCredentialsFetcher::new`] of the client for these scopes.
    ClientCredentials(Vec<String>),
}

/// How many configurations a client keeps for reuse: sources configured in more ways than
/// this (a closure of their own for each, say) simply hold their own.
const KEPT_CONFIGS: usize = 16;

/// What the token sources built from one client share: the default store (one map for all
/// of them, keyed as every store is, by provider, issuer, client and subject) and the
/// configurations already built, so that sources built alike hold one.
#[derive(Default)]
pub(crate) struct ClientSources {
    pub(super) store: Arc<MemoryStore>,
    /// Configurations in use, with the client they were built from (an address, compared
    /// only while the configuration is alive, which keeps that client alive) and how their
    /// fetcher was made. Weak: a configuration lives as long as a source holds it.
    configs: Mutex<Vec<(usize, FetcherKind, Weak<Config>)>>,
}

impl fmt::Debug for ClientSources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientSources")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl ClientSources {
    /// A configuration equal to `config` already in use for `client` and `kind`, else
    /// `config` itself, kept for the next source built alike (while there is room).
    pub(super) fn intern(&self, client: usize, kind: &FetcherKind, config: Config) -> Arc<Config> {
        let Ok(mut configs) = self.configs.lock() else {
            return Arc::new(config);
        };
        configs.retain(|(_, _, c)| c.strong_count() > 0);
        for (c, k, weak) in configs.iter() {
            if *c == client && k == kind {
                if let Some(found) = weak.upgrade() {
                    if found.same_settings(&config) {
                        return found;
                    }
                }
            }
        }
        let config = Arc::new(config);
        if configs.len() < KEPT_CONFIGS {
            configs.push((client, kind.clone(), Arc::downgrade(&config)));
        }
        config
    }
}
