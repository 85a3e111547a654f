//! A token source: the one place an access token is obtained, cached, renewed and persisted.
//!
//! [`TokenSource::token`] answers from an atomically swapped cache (no lock, no allocation but
//! an `Arc` clone) while the token is not within the skew of its expiry. Each thread keeps a
//! copy of the set it read last, in an `Arc` of its own, and checks it with one atomic load of
//! the cell's version: no count shared between cores, so callers on many threads scale.
//! [`TokenSource::with_token`] lends that copy to a closure instead, so a cached read is a
//! clock read, a thread-local lookup and one atomic load, with no reference count at all.
//! Otherwise exactly one
//! caller (per process; per store, with a store that locks across processes) runs the
//! [`TokenFetcher`], with the bounded [`RetryPolicy`] for transient failures, and every caller
//! waiting on it gets its result, error included. A fetch under a store's lock extends the
//! lock every third of its TTL until it ends, so a slow provider cannot outlast the lock and
//! let a second process refresh with the same refresh token.
//!
//! Refresh tokens are what a crash or a race can lose for good, so the rules are: a new set is
//! saved to the [`TokenStore`] before any caller sees it; a response without a refresh token
//! keeps the old one; a failed fetch never touches the store; a token the provider hands back
//! after it was rejected is an error, never a loop. This module must never log, format or
//! return a secret, and never fetch more than once per expiry for any number of callers.
//!
//! One concept a file: this one holds the source itself (its state, its cache's public face,
//! `token`, `invalidate`, `set`); `builder` its configuration, `cache` what the hot path
//! reads (the cached set, the per-thread copy, the fast clock, when a set falls due),
//! `fetcher` what obtains sets ([`TokenFetcher`], [`RefreshFetcher`],
//! [`ClientCredentialsFetcher`]), `renewal` the one fetch for all callers under the store's
//! lock, `cap` the cap on live tokens per refresh token ([`TokenCap`]) and `retry` the retry
//! policy ([`RetryPolicy`]).

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use arc_swap::ArcSwapOption;
use oauth_model::{Counted, ProviderDef};

use crate::clock::RuntimeClock;
use crate::engine::Client;
use crate::error::Error;
use crate::limits::RateLimiter;
use crate::secret::ClientId;
use crate::store::TokenStore;
use crate::token::TokenSet;

mod builder;
mod cache;
mod cap;
mod fetcher;
mod renewal;
mod retry;

pub use builder::TokenSourceBuilder;
pub use cap::TokenCap;
pub use fetcher::{ClientCredentialsFetcher, RefreshFetcher, TokenFetcher};
pub use retry::RetryPolicy;

use cache::{now_for_cache, unix_ms, Cached, ThreadCopy, LAST_READ};

/// Called with the new set whenever the stored set changes.
pub type OnChange = Arc<dyn Fn(&TokenSet) + Send + Sync>;

/// How long a source refuses to renew a set an API rejected when that set had itself just
/// replaced a rejected one and no API has accepted it ([`TokenSource::accepted`]): a minute,
/// so a misconfigured client spends at most one refresh a minute, not one per call.
pub const REJECTION_COOLDOWN: Duration = Duration::from_secs(60);

/// The default of [`TokenSourceBuilder::min_renewal_interval`]: one second.
pub const DEFAULT_MIN_RENEWAL_INTERVAL: Duration = Duration::from_secs(1);

/// The shortest renewal window however short a token's lifetime (see
/// [`TokenSourceBuilder::min_renewal_interval`]): 100 ms, at most ten requests a second.
const MIN_RENEWAL_FLOOR: Duration = Duration::from_millis(100);

/// The generation a fetch completed, its result, and when it completed (`None` for a set
/// given with [`TokenSource::set`]: not fetched, so not subject to the renewal interval).
type Outcome = (u64, Result<Arc<TokenSet>, Error>, Option<Instant>);

struct Flight {
    /// Outcome of the latest fetch (or [`TokenSource::set`]).
    last: Option<Outcome>,
    /// A fetched set whose save failed: saved (then published) before anything else.
    unsaved: Option<TokenSet>,
}

struct Inner {
    key: String,
    /// The issuer every set of this source must come from ([`TokenSet::issuer`]); `None`
    /// for a source built from a bare key.
    issuer: Option<String>,
    fetcher: Arc<dyn TokenFetcher>,
    store: Arc<dyn TokenStore>,
    skew: Duration,
    retry: RetryPolicy,
    reuses_token: bool,
    lock_ttl: Duration,
    poll_interval: Duration,
    min_renewal_interval: Duration,
    on_change: Option<OnChange>,
    limiter: Option<(Arc<RateLimiter>, Counted)>,
    cap: Option<TokenCap>,
    clock: RuntimeClock,
    current: ArcSwapOption<Cached>,
    minted: AtomicU64,
    fetches: AtomicU64,
    generation: AtomicU64,
    /// [`NEXT_SOURCE_ID`] at creation.
    id: u64,
    /// Bumped after every change of `current`, so per-thread copies know they are stale.
    version: AtomicU64,
    flight: tokio::sync::Mutex<Flight>,
}

/// A cached, self-renewing access token for one key (provider, client, subject). Cheap to
/// clone (one `Arc`); clones share the cache.
#[derive(Clone)]
pub struct TokenSource {
    inner: Arc<Inner>,
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSource")
            .field("key", &self.inner.key)
            .field("skew", &self.inner.skew)
            .field("minted", &self.minted())
            .finish_non_exhaustive()
    }
}

fn escape_key_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            ':' => out.push_str("%3A"),
            c => out.push(c),
        }
    }
    out
}
impl TokenSource {
    /// A source for `key` that obtains sets with `fetcher` (memory store, no skew, default
    /// retry policy unless configured).
    pub fn builder(key: impl Into<String>, fetcher: impl TokenFetcher) -> TokenSourceBuilder {
        TokenSourceBuilder {
            key: key.into(),
            issuer: None,
            fetcher: Arc::new(fetcher),
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
        }
    }

    /// A builder set up from `client`'s definition: key from provider, issuer, client id and
    /// `subject` ([`TokenSource::key_for`]), every set bound to the client's issuer, skew
    /// from `lifetimes.refresh_skew_secs`, the cap on access tokens per refresh token from
    /// its limits ([`TokenCap::from_def`]).
    #[doc(hidden)]
    pub fn for_client(
        client: &Client,
        subject: &str,
        fetcher: impl TokenFetcher,
    ) -> TokenSourceBuilder {
        let def = client.def();
        // A client without a token endpoint has no issuer: its key names none either.
        let issuer = client.issuer().ok();
        let mut builder = TokenSource::builder(
            TokenSource::key_for(
                def,
                issuer.as_deref(),
                &client.credentials().client_id,
                subject,
            ),
            fetcher,
        )
        .skew(crate::time::secs(def.lifetimes.refresh_skew_secs));
        builder.issuer = issuer;
        builder.clock = client.runtime_clock().clone();
        match TokenCap::from_def(def) {
            Some(cap) => builder.cap(cap),
            None => builder,
        }
    }

    /// A source renewing with the refresh grant (see [`TokenSource::for_client`]). Seed it with
    /// [`TokenSource::set`] after the authorization, or give it a store that holds a set.
    #[doc(hidden)]
    pub fn refreshing(client: &Client, subject: &str) -> TokenSourceBuilder {
        let reuses = client
            .def()
            .grants
            .refresh_token
            .as_ref()
            .is_some_and(|g| g.reuses_token);
        TokenSource::for_client(client, subject, RefreshFetcher::new(client.clone()))
            .limiter(Arc::clone(client.rate_limiter()), Counted::Refreshes)
            .reuses_token(reuses)
    }

    /// A source using the client credentials grant (see [`TokenSource::for_client`]); knows
    /// whether the provider reuses tokens from `grants.client_credentials.reuses_token`.
    #[doc(hidden)]
    pub fn client_credentials(
        client: &Client,
        subject: &str,
        scopes: Vec<String>,
    ) -> TokenSourceBuilder {
        let reuses = client
            .def()
            .grants
            .client_credentials
            .as_ref()
            .is_some_and(|g| g.reuses_token);
        TokenSource::for_client(
            client,
            subject,
            ClientCredentialsFetcher::new(client.clone(), scopes),
        )
        .limiter(Arc::clone(client.rate_limiter()), Counted::TokenRequests)
        .reuses_token(reuses)
    }

    /// The store key for `subject` (a user, a tenant, a service name) of `client_id` at the
    /// provider `def` and the authorization server `issuer` (the client's token endpoint):
    /// `provider:issuer:client_id:subject`, the issuer as the first 16 hex digits of the
    /// SHA-256 of its URL (`-` without one) and every other part with `%` and `:` escaped,
    /// so two issuers, two clients or two subjects never share a token. (A Zoho client in
    /// Europe and one in the US, two Marketo instances or two OpenID issuers with one client
    /// id get different keys.)
    pub fn key_for(
        def: &ProviderDef,
        issuer: Option<&str>,
        client_id: &ClientId,
        subject: &str,
    ) -> String {
        let issuer = issuer.map_or_else(
            || "-".to_string(),
            |url| {
                use sha2::Digest as _;
                let digest = sha2::Sha256::digest(url.as_bytes());
                digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
            },
        );
        format!(
            "{}:{issuer}:{}:{}",
            escape_key_part(&def.name),
            escape_key_part(client_id.as_str()),
            escape_key_part(subject)
        )
    }

    /// This source's store key.
    pub fn key(&self) -> &str {
        &self.inner.key
    }

    /// How many token sets this source has obtained from the provider (successful fetches):
    /// watch it against caps such as Zoho's 30 access tokens per refresh token.
    pub fn minted(&self) -> u64 {
        self.inner.minted.load(Ordering::Relaxed)
    }

    /// How many access tokens minted with the cached set's refresh token are still live, as
    /// far as this source (and any process sharing its store) recorded, beside the cap: `None`
    /// without a [`TokenCap`] or a cached set with a refresh token.
    pub fn live_tokens(&self) -> Option<(u32, u32)> {
        let cap = self.inner.cap.as_ref()?;
        let cached = self.cached().filter(|t| t.refresh_token.is_some())?;
        let live = cap.live(&cached.mints, self.inner.clock.wall()).len();
        Some((u32::try_from(live).unwrap_or(u32::MAX), cap.max))
    }

    /// How many fetch attempts this source has made (successful or not, retries included).
    pub fn fetch_attempts(&self) -> u64 {
        self.inner.fetches.load(Ordering::Relaxed)
    }

    /// The cached set, valid or not, without renewing anything.
    pub fn cached(&self) -> Option<Arc<TokenSet>> {
        self.inner
            .current
            .load()
            .as_ref()
            .map(|c| Arc::clone(&c.tokens))
    }

    /// Calls `f` on the cached set if it is still usable (`None` when it is not): from this
    /// thread's copy when the source has not changed since this thread last read it, else
    /// from the shared cell (renewing the copy). No reference count is touched unless `f`
    /// touches one. `f` is called at most once.
    #[inline]
    fn read_fresh<R>(&self, f: &mut impl FnMut(&Arc<TokenSet>) -> R) -> Option<R> {
        let now = if self.inner.clock.is_system() {
            now_for_cache()
        } else {
            unix_ms(self.inner.clock.wall())
        };
        let id = self.inner.id;
        // Loaded before the cell: a copy is tagged with a version no newer than its contents,
        // so a change published after this load is seen on the next call.
        let version = self.inner.version.load(Ordering::Acquire);
        // `Some(answer)` when this thread's copy decided (`None`: stale); `None` to fall back
        // to the shared cell (no copy, or the copy is borrowed because `f` reads a source
        // from inside another `f`).
        let from_copy = LAST_READ.try_with(|last| {
            let mut last = last.try_borrow_mut().ok()?;
            if let Some(copy) = last.as_ref() {
                if copy.source == id && copy.version == version {
                    return Some((now < copy.usable_until_ms).then(|| f(&copy.tokens)));
                }
            }
            let current = self.inner.current.load_full()?;
            if !current.fresh(now) {
                return Some(None);
            }
            let copy = last.insert(ThreadCopy {
                source: id,
                version,
                usable_until_ms: current.usable_until_ms(),
                tokens: Arc::new(TokenSet::clone(&current.tokens)),
            });
            Some(Some(f(&copy.tokens)))
        });
        match from_copy {
            Ok(Some(answer)) => answer,
            // Nothing cached, or no thread-local storage (the thread is exiting).
            _ => {
                let guard = self.inner.current.load();
                guard
                    .as_ref()
                    .filter(|c| c.fresh(now))
                    .map(|c| f(&c.tokens))
            }
        }
    }

    /// Replaces the shared cell, then tells per-thread copies they are stale.
    fn set_current(&self, cached: Option<Arc<Cached>>) {
        self.inner.current.store(cached);
        self.inner.version.fetch_add(1, Ordering::Release);
    }

    /// A valid access token: the cached one, or a new one (one fetch for all concurrent
    /// callers, who all get its result).
    pub async fn token(&self) -> Result<Arc<TokenSet>, Error> {
        match self.read_fresh(&mut Arc::clone) {
            Some(t) => Ok(t),
            None => self.renew().await,
        }
    }

    /// Calls `f` on a valid token set and returns its result: the cached set, or a new one
    /// (one fetch for all concurrent callers, who all get its result).
    ///
    /// The same set as [`TokenSource::token`], lent instead of shared: a warm cache answers
    /// without touching a reference count, which is most of what an `Arc` costs a cached
    /// call. Use it where the token is used at once: to write a header, to sign, to copy.
    /// `f` is called exactly once when a set is obtained (never when that fails), on the
    /// calling thread, and should be short; it may read this or any other source.
    ///
    /// ```no_run
    /// # async fn demo(source: oauth_runtime::TokenSource) -> Result<(), oauth_runtime::Error> {
    /// let header = source
    ///     .with_token(|t| format!("Bearer {}", t.access_token.secret()))
    ///     .await?;
    /// # drop(header);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn with_token<R>(&self, mut f: impl FnMut(&TokenSet) -> R) -> Result<R, Error> {
        if let Some(out) = self.read_fresh(&mut |t: &Arc<TokenSet>| f(t)) {
            return Ok(out);
        }
        let t = self.renew().await?;
        Ok(f(&t))
    }

    /// Marks `rejected` as bad, if it is still the cached set (compared by access token), so
    /// the next [`TokenSource::token`] renews it.
    pub fn invalidate(&self, rejected: &TokenSet) {
        let guard = self.inner.current.load();
        let Some(c) = guard.as_ref() else {
            return;
        };
        if c.rejected || c.tokens.access_token != rejected.access_token {
            return;
        }
        let marked = Arc::new(Cached {
            tokens: Arc::clone(&c.tokens),
            refresh_at_ms: c.refresh_at_ms,
            rejected: true,
            replaced_rejected_at: c.replaced_rejected_at,
            accepted: Arc::clone(&c.accepted),
        });
        // Only if nobody replaced it in the meantime.
        let _ = self.inner.current.compare_and_swap(&*guard, Some(marked));
        self.inner.version.fetch_add(1, Ordering::Release);
    }

    /// When an API rejects `tokens`: how long ago they were fetched to replace a set an API
    /// had rejected, if that was less than [`REJECTION_COOLDOWN`] ago and no API has accepted
    /// them since. Renewing them again would not help (the provider rejects fresh tokens: a
    /// wrong header, a wrong host, missing scopes) and would spend a refresh token, so
    /// [`crate::AuthorizedClient`] answers [`Error::TokenRejected`] instead.
    pub fn rejected_replacement(&self, tokens: &TokenSet) -> Option<Duration> {
        let guard = self.inner.current.load();
        let c = guard.as_ref()?;
        if c.tokens.access_token != tokens.access_token {
            return None;
        }
        c.unproven_replacement(self.inner.clock.now())
    }

    /// Records that an API accepted `tokens` (what [`crate::AuthorizedClient`] reports after
    /// every successful call): a set that replaced a rejected one is then renewed as usual
    /// if it is rejected later (see [`REJECTION_COOLDOWN`]). One atomic load unless that flag
    /// is still to be set.
    pub fn accepted(&self, tokens: &TokenSet) {
        let guard = self.inner.current.load();
        if let Some(c) = guard.as_ref() {
            if c.replaced_rejected_at.is_some()
                && !c.accepted.load(Ordering::Relaxed)
                && c.tokens.access_token == tokens.access_token
            {
                c.accepted.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Saves `tokens` (after an authorization, say) and makes them current. With a cap, a set
    /// with a refresh token and no recorded mints counts as that refresh token's first mint.
    ///
    /// A set without an issuer is stamped with this source's; a set issued by another
    /// authorization server is refused ([`Error::IssuerMismatch`]).
    pub async fn set(&self, mut tokens: TokenSet) -> Result<Arc<TokenSet>, Error> {
        self.check_issuer(&mut tokens)?;
        if self.inner.cap.is_some() && tokens.refresh_token.is_some() && tokens.mints.is_empty() {
            tokens
                .mints
                .push(tokens.obtained_at.unwrap_or_else(SystemTime::now));
        }
        let mut flight = self.inner.flight.lock().await;
        flight.unsaved = None;
        self.inner.store.save(&self.inner.key, &tokens).await?;
        let t = self.publish(tokens);
        self.changed(&t);
        let generation = self.inner.generation.fetch_add(1, Ordering::AcqRel) + 1;
        flight.last = Some((generation, Ok(Arc::clone(&t)), None));
        Ok(t)
    }
}
