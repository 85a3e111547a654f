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

use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use arc_swap::ArcSwapOption;
use futures::future::BoxFuture;
use oauth_model::{Capped, Counted, Lifetime, LimitDef, LimitKey, ProviderDef};

use crate::clock::RuntimeClock;
use crate::engine::Client;
use crate::error::Error;
use crate::limits::RateLimiter;
use crate::secret::{AccessToken, ClientId};
use crate::store::{LockGuard, MemoryStore, TokenStore};
use crate::token::TokenSet;

/// Obtains a new token set: a refresh, a client-credentials request, a custom grant.
pub trait TokenFetcher: Send + Sync + 'static {
    /// Fetches a new set. `current` is the set stored now (its refresh token is what a
    /// refresh uses), `None` when nothing is stored.
    fn fetch<'a>(&'a self, current: Option<&'a TokenSet>)
        -> BoxFuture<'a, Result<TokenSet, Error>>;

    /// Whether a fetch whose outcome is unknown ([`Error::outcome_unknown`]: it timed out or
    /// lost its connection after sending) may be sent again. `true` unless sending it twice
    /// can do harm: a refresh at a provider that rotates refresh tokens has perhaps already
    /// consumed the one it sent, and sending it again is a reuse, which such providers answer
    /// with `invalid_grant` and may punish by revoking every token of the grant.
    fn replayable(&self) -> bool {
        true
    }
}

/// Renews with the refresh token of the stored set.
///
/// Where the spec says the provider rotates refresh tokens (`refresh_token.rotates`), a
/// refresh that timed out or lost its connection after sending is not repeated (see
/// [`TokenFetcher::replayable`]): the error is returned, and the stored set is kept.
#[derive(Debug, Clone)]
pub struct RefreshFetcher {
    client: Client,
    scopes: Vec<String>,
    rotates: bool,
}

impl RefreshFetcher {
    /// Refreshes through `client`, asking for the set's own scopes.
    #[doc(hidden)]
    pub fn new(client: Client) -> RefreshFetcher {
        let rotates = client
            .def()
            .grants
            .refresh_token
            .as_ref()
            .is_some_and(|r| r.rotates);
        RefreshFetcher {
            client,
            scopes: Vec::new(),
            rotates,
        }
    }

    /// Asks for `scopes` on refresh (where the spec sends scope).
    pub fn with_scopes(mut self, scopes: Vec<String>) -> RefreshFetcher {
        self.scopes = scopes;
        self
    }
}

impl TokenFetcher for RefreshFetcher {
    fn fetch<'a>(
        &'a self,
        current: Option<&'a TokenSet>,
    ) -> BoxFuture<'a, Result<TokenSet, Error>> {
        Box::pin(async move {
            let current = current.ok_or_else(|| {
                Error::NoToken(
                    "no token set is stored for this source: the user must authorize".into(),
                )
            })?;
            let scopes = (!self.scopes.is_empty()).then_some(self.scopes.as_slice());
            self.client.refresh_with(current, scopes).await
        })
    }

    fn replayable(&self) -> bool {
        !self.rotates
    }
}

/// Obtains tokens with the client credentials grant.
#[derive(Debug, Clone)]
pub struct ClientCredentialsFetcher {
    client: Client,
    scopes: Vec<String>,
}

impl ClientCredentialsFetcher {
    /// Client credentials through `client` for `scopes`.
    #[doc(hidden)]
    pub fn new(client: Client, scopes: Vec<String>) -> ClientCredentialsFetcher {
        ClientCredentialsFetcher { client, scopes }
    }
}

impl TokenFetcher for ClientCredentialsFetcher {
    fn fetch<'a>(
        &'a self,
        _current: Option<&'a TokenSet>,
    ) -> BoxFuture<'a, Result<TokenSet, Error>> {
        Box::pin(async move { self.client.client_credentials(&self.scopes).await })
    }
}

/// When and how often a failed fetch is tried again.
///
/// Only transient failures are retried ([`RetryPolicy::is_transient`]): timeouts, transport
/// errors, HTTP 5xx / 408 / 429 and provider errors meaning `rate_limited` or `server_error`;
/// and a timeout or a connection lost after sending only where the fetch is
/// [replayable](TokenFetcher::replayable).
/// Delays double from `base_delay`; a `Retry-After` is honoured when it is at most
/// `max_delay`, and surfaced to the caller at once when it is longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1: never retry).
    pub max_attempts: u32,
    /// Delay after the first failure.
    pub base_delay: Duration,
    /// Longest single wait.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub const NONE: RetryPolicy = RetryPolicy {
        max_attempts: 1,
        base_delay: Duration::ZERO,
        max_delay: Duration::ZERO,
    };

    /// Whether trying the same request again later may succeed.
    pub fn is_transient(e: &Error) -> bool {
        match e {
            Error::Timeout { .. } | Error::Transport { .. } => true,
            Error::Http { status, .. } => *status >= 500 || *status == 429 || *status == 408,
            Error::Provider(p) => matches!(
                p.meaning,
                oauth_model::ErrorMeaning::RateLimited | oauth_model::ErrorMeaning::ServerError
            ),
            _ => false,
        }
    }

    fn retry_after(e: &Error) -> Option<Duration> {
        match e {
            Error::Http { retry_after, .. } => *retry_after,
            Error::Provider(p) => p.retry_after,
            _ => None,
        }
    }

    /// The wait before attempt `failed + 1` after `failed` attempts ended with `e`, or `None`
    /// when `e` must be returned now.
    pub fn delay(&self, failed: u32, e: &Error) -> Option<Duration> {
        if failed >= self.max_attempts || !RetryPolicy::is_transient(e) {
            return None;
        }
        let exp = failed.saturating_sub(1).min(16);
        let backoff = self
            .base_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay);
        match RetryPolicy::retry_after(e) {
            Some(ra) if ra > self.max_delay => None,
            Some(ra) => Some(ra.max(backoff)),
            None => Some(backoff),
        }
    }
}

/// Called with the new set whenever the stored set changes.
pub type OnChange = Arc<dyn Fn(&TokenSet) + Send + Sync>;

/// What the cache holds: the set, when to renew it, and whether an API rejected it.
struct Cached {
    tokens: Arc<TokenSet>,
    /// When to renew, in Unix milliseconds (`u64::MAX` for never): what the hot path compares.
    refresh_at_ms: u64,
    rejected: bool,
    /// When this set was fetched to replace one an API rejected (see [`REJECTION_COOLDOWN`]).
    replaced_rejected_at: Option<Instant>,
    /// Whether an API has accepted this set since ([`TokenSource::accepted`]); shared by the
    /// copies [`TokenSource::invalidate`] makes.
    accepted: Arc<AtomicBool>,
}

impl Cached {
    /// A set no API has rejected, to renew at `refresh_at` (never when `None`).
    fn new(tokens: Arc<TokenSet>, refresh_at: Option<SystemTime>) -> Cached {
        Cached {
            tokens,
            refresh_at_ms: refresh_at.map_or(u64::MAX, unix_ms),
            rejected: false,
            replaced_rejected_at: None,
            accepted: Arc::new(AtomicBool::new(false)),
        }
    }

    /// How long ago this set replaced a rejected one, while that is less than
    /// [`REJECTION_COOLDOWN`] and no API has accepted it.
    fn unproven_replacement(&self, now: Instant) -> Option<Duration> {
        let ago = now.saturating_duration_since(self.replaced_rejected_at?);
        (!self.accepted.load(Ordering::Relaxed) && ago < REJECTION_COOLDOWN).then_some(ago)
    }

    /// Usable at `now_ms` (milliseconds since the Unix epoch, from [`now_for_cache`]).
    fn fresh(&self, now_ms: u64) -> bool {
        now_ms < self.usable_until_ms()
    }

    /// Usable while the clock is below this: the renewal time, or 0 once an API rejected it.
    fn usable_until_ms(&self) -> u64 {
        if self.rejected {
            0
        } else {
            self.refresh_at_ms
        }
    }
}

/// Milliseconds since the Unix epoch (0 before it).
fn unix_ms(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// How long a source refuses to renew a set an API rejected when that set had itself just
/// replaced a rejected one and no API has accepted it ([`TokenSource::accepted`]): a minute,
/// so a misconfigured client spends at most one refresh a minute, not one per call.
pub const REJECTION_COOLDOWN: Duration = Duration::from_secs(60);

/// The default of [`TokenSourceBuilder::min_renewal_interval`]: one second.
pub const DEFAULT_MIN_RENEWAL_INTERVAL: Duration = Duration::from_secs(1);

/// The shortest renewal window however short a token's lifetime (see
/// [`TokenSourceBuilder::min_renewal_interval`]): 100 ms, at most ten requests a second.
const MIN_RENEWAL_FLOOR: Duration = Duration::from_millis(100);

/// A unique id per source, for the per-thread copy (an address could be reused).
static NEXT_SOURCE_ID: AtomicU64 = AtomicU64::new(1);

/// This thread's copy of the set a source last handed it (see [`LAST_READ`]).
struct ThreadCopy {
    source: u64,
    version: u64,
    /// [`Cached::usable_until_ms`], kept here so the check follows no pointer.
    usable_until_ms: u64,
    /// A copy of the cached set in an `Arc` of this thread's own: its count is raised and
    /// lowered on every `token()` call, and a count shared by all threads would bounce one
    /// cache line between cores on every call.
    tokens: Arc<TokenSet>,
}

thread_local! {
    /// The set this thread read last, with the source id and the version of the source's
    /// cell it came from. While the version is unchanged, `token()` answers from here after
    /// one plain atomic load, instead of taking and releasing a slot of the shared cell. One
    /// copy per thread, kept until the thread next reads another source or version (the
    /// secrets in it are zeroed when it is dropped, like any `TokenSet`).
    static LAST_READ: RefCell<Option<ThreadCopy>> = const { RefCell::new(None) };
}

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

/// Configures a [`TokenSource`].
pub struct TokenSourceBuilder {
    key: String,
    issuer: Option<String>,
    fetcher: Arc<dyn TokenFetcher>,
    store: Option<Arc<dyn TokenStore>>,
    skew: Duration,
    retry: RetryPolicy,
    reuses_token: bool,
    lock_ttl: Duration,
    poll_interval: Duration,
    min_renewal_interval: Duration,
    on_change: Option<OnChange>,
    limiter: Option<(Arc<RateLimiter>, Counted)>,
    cap: Option<TokenCap>,
    initial: Option<TokenSet>,
    clock: RuntimeClock,
}

impl fmt::Debug for TokenSourceBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSourceBuilder")
            .field("key", &self.key)
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

impl TokenSourceBuilder {
    /// Where sets are kept (a [`MemoryStore`] unless set).
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

    /// The shortest time between two fetches due to expiry ([`DEFAULT_MIN_RENEWAL_INTERVAL`]
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
        let skew = self.skew;
        let current = ArcSwapOption::from(self.initial.map(|t| {
            let at = refresh_at(&t, skew, self.clock.wall());
            Arc::new(Cached::new(Arc::new(t), at))
        }));
        TokenSource {
            inner: Arc::new(Inner {
                key: self.key,
                issuer: self.issuer,
                fetcher: self.fetcher,
                store: self
                    .store
                    .unwrap_or_else(|| Arc::new(MemoryStore::new()) as Arc<dyn TokenStore>),
                skew,
                retry: self.retry,
                reuses_token: self.reuses_token,
                lock_ttl: self.lock_ttl,
                poll_interval: self.poll_interval,
                min_renewal_interval: self.min_renewal_interval,
                on_change: self.on_change,
                limiter: self.limiter,
                cap: self.cap,
                clock: self.clock,
                current,
                minted: AtomicU64::new(0),
                fetches: AtomicU64::new(0),
                generation: AtomicU64::new(0),
                id: NEXT_SOURCE_ID.fetch_add(1, Ordering::Relaxed),
                version: AtomicU64::new(0),
                flight: tokio::sync::Mutex::new(Flight {
                    last: None,
                    unsaved: None,
                }),
            }),
        }
    }
}

/// How far the coarse clock may lag real time, with room to spare: one tick is 1 to 4 ms.
#[cfg(any(target_os = "linux", target_os = "android"))]
const COARSE_TICK_MS: u64 = 10;

/// The wall clock of the cached-token check, which every `token()` call makes, in
/// milliseconds since the Unix epoch.
///
/// On Linux, the kernel's coarse clock (`CLOCK_REALTIME_COARSE`): read from the vDSO in a few
/// nanoseconds, where `SystemTime::now()` takes 30 to 40 on a virtual machine, which was half
/// the cost of a cached `token()`. It ticks every 1 to 4 ms, so a tick is added: the check
/// may renew a few milliseconds early (`refresh_at` is a whole skew before expiry anyway),
/// never late. Elsewhere, `SystemTime::now()`.
#[inline]
fn now_for_cache() -> u64 {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        let ts = rustix::time::clock_gettime(rustix::time::ClockId::RealtimeCoarse);
        if let (Ok(secs), Ok(nanos)) = (u64::try_from(ts.tv_sec), u64::try_from(ts.tv_nsec)) {
            return secs
                .saturating_mul(1000)
                .saturating_add(nanos / 1_000_000)
                .saturating_add(COARSE_TICK_MS);
        }
    }
    unix_ms(SystemTime::now())
}

/// When a set should be renewed: `skew` before expiry, but never earlier than halfway through
/// its lifetime (so a skew longer than the lifetime does not renew on every call). The
/// lifetime counts from when the set was obtained, so every process sharing it agrees on the
/// moment; for a set without that time, from `now`.
fn refresh_at(t: &TokenSet, skew: Duration, now: SystemTime) -> Option<SystemTime> {
    let at = t.expires_at?;
    let from = t.obtained_at.filter(|o| *o <= now).unwrap_or(now);
    let life = at.duration_since(from).unwrap_or(Duration::ZERO);
    Some(at - skew.min(life / 2))
}

/// When to renew a set that a provider which reuses tokens (Marketo) handed back unchanged on
/// a renewal: at its expiry, since asking earlier only hands it back again with less time
/// left each time (renewing by the usual rule would ask again at half the time left, a dozen
/// requests in the last minute). The renewal ahead of expiry still happened once, and
/// re-read the expiry from the provider's own count. Never earlier than
/// [`REUSED_TOKEN_GRAIN`] after it was obtained: `expires_in` counts whole seconds, so a
/// token reported with 0 left may have most of a second to go, and asking again within it
/// only hands it back once more.
fn reused_refresh_at(t: &TokenSet, now: SystemTime) -> Option<SystemTime> {
    let at = t.expires_at?;
    Some(at.max(crate::time::later(
        t.obtained_at.unwrap_or(now),
        REUSED_TOKEN_GRAIN,
    )))
}

/// The resolution of a remaining lifetime in whole seconds.
const REUSED_TOKEN_GRAIN: Duration = Duration::from_secs(1);

/// A cap on the access tokens one refresh token may have live at once, enforced before a
/// renewal would pass it.
///
/// Zoho allows 30 live access tokens per refresh token and deletes the oldest when a 31st is
/// minted, whether or not another process is still using it. A [`TokenSource`] reuses its
/// token until it is due, so normal use never comes near; what does is a loop of renewals (an
/// API rejecting every token) or many processes each renewing with its own memory store. With
/// a cap, the source counts the mints of its refresh token (in [`TokenSet::mints`], stored
/// with the set, so processes sharing a store count together) and refuses the renewal that
/// would pass it with [`Error::LimitReached`], saying when the oldest live token expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenCap {
    /// Access tokens allowed live per refresh token.
    pub max: u32,
    /// How long a minted access token stays live (the access-token lifetime); `None` when
    /// tokens never expire, so every mint counts for ever.
    pub live_for: Option<Duration>,
    /// The limit in the provider's words, for [`Error::LimitReached`].
    pub description: String,
}

impl TokenCap {
    /// The spec's cap on access tokens per refresh token, if it documents one, with the
    /// documented access-token lifetime.
    pub fn from_def(def: &ProviderDef) -> Option<TokenCap> {
        def.limits.iter().find_map(|l| match l {
            LimitDef::Cap {
                counts: Capped::AccessTokens,
                max,
                key: LimitKey::RefreshToken,
                description,
                ..
            } => Some(TokenCap {
                max: *max,
                live_for: match def.lifetimes.access_token {
                    Some(Lifetime::Secs(s)) => Some(crate::time::secs(s)),
                    Some(Lifetime::Never) | None => None,
                },
                description: description.to_string(),
            }),
            _ => None,
        })
    }

    /// The mints among `mints` still live at `now`, oldest first.
    fn live(&self, mints: &[SystemTime], now: SystemTime) -> Vec<SystemTime> {
        mints
            .iter()
            .copied()
            .filter(|m| {
                self.live_for
                    .is_none_or(|life| crate::time::later(*m, life) > now)
            })
            .collect()
    }

    /// Refuses a mint at `now` that would make more than `max` live tokens.
    fn check(&self, mints: &[SystemTime], now: SystemTime) -> Result<(), Error> {
        let live = self.live(mints, now);
        if live.len() < usize::try_from(self.max).unwrap_or(usize::MAX) {
            return Ok(());
        }
        // The oldest live token must expire before a mint stops evicting or being refused.
        let retry_after = match (live.first(), self.live_for) {
            (Some(oldest), Some(life)) => crate::time::later(*oldest, life)
                .duration_since(now)
                .unwrap_or(Duration::ZERO),
            _ => NEVER,
        };
        Err(Error::LimitReached {
            limit: self.description.clone(),
            retry_after,
        })
    }
}

/// The wait reported for a cap no wait can lift (tokens that never expire): a year.
const NEVER: Duration = Duration::from_secs(365 * 24 * 3600);

enum Locked {
    Held(LockGuard),
    Found(TokenSet),
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

    /// Stamps this source's issuer on `tokens` when they name none; refuses them when they
    /// name another.
    fn check_issuer(&self, tokens: &mut TokenSet) -> Result<(), Error> {
        let Some(expected) = &self.inner.issuer else {
            return Ok(());
        };
        match &tokens.issuer {
            None => {
                tokens.issuer = Some(expected.clone());
                Ok(())
            }
            Some(got) if got == expected => Ok(()),
            Some(_) => Err(Error::IssuerMismatch),
        }
    }

    /// The set stored under this source's key, refused when another issuer issued it.
    async fn load(&self) -> Result<Option<TokenSet>, Error> {
        match self.inner.store.load(&self.inner.key).await? {
            Some(mut s) => {
                self.check_issuer(&mut s)?;
                Ok(Some(s))
            }
            None => Ok(None),
        }
    }

    /// Forgets the set, here and in the store.
    pub async fn clear(&self) -> Result<(), Error> {
        let mut flight = self.inner.flight.lock().await;
        flight.unsaved = None;
        flight.last = None;
        self.inner.store.delete(&self.inner.key).await?;
        self.set_current(None);
        Ok(())
    }

    /// Makes `tokens` current, to be renewed by the usual rule ([`refresh_at`]).
    fn publish(&self, tokens: TokenSet) -> Arc<TokenSet> {
        let at = refresh_at(&tokens, self.inner.skew, self.inner.clock.wall());
        self.publish_with(tokens, at, false)
    }

    /// Makes `tokens` current, to be renewed at `refresh_at` (never when `None`), noting
    /// whether they were fetched to replace a set an API rejected.
    fn publish_with(
        &self,
        tokens: TokenSet,
        refresh_at: Option<SystemTime>,
        replaces_rejected: bool,
    ) -> Arc<TokenSet> {
        let tokens = Arc::new(tokens);
        let mut cached = Cached::new(Arc::clone(&tokens), refresh_at);
        if replaces_rejected {
            cached.replaced_rejected_at = Some(self.inner.clock.now());
        }
        self.set_current(Some(Arc::new(cached)));
        tokens
    }

    fn changed(&self, t: &TokenSet) {
        if let Some(f) = &self.inner.on_change {
            f(t);
        }
    }

    async fn renew(&self) -> Result<Arc<TokenSet>, Error> {
        let seen = self.inner.generation.load(Ordering::Acquire);
        let mut flight = self.inner.flight.lock().await;
        if let Some(t) = self.read_fresh(&mut Arc::clone) {
            return Ok(t);
        }
        let current = self.inner.current.load_full();
        if let Some((generation, result, at)) = &flight.last {
            // A fetch finished while we waited for it: its result is ours, error included.
            if *generation > seen {
                return result.clone();
            }
            // A set fetched (not given with `set`) moments ago and not rejected is not
            // renewed yet. Its age counts from when it was obtained, wherever: a set another
            // process fetched long ago and this one just loaded is renewed as usual.
            if let (Ok(t), Some(c), Some(_)) = (result, &current, at) {
                let age = t
                    .obtained_at
                    .and_then(|o| self.inner.clock.wall().duration_since(o).ok());
                if let Some(age) = age.filter(|_| !c.rejected && Arc::ptr_eq(t, &c.tokens)) {
                    if let Some(answer) = self.too_soon(t, age) {
                        return answer;
                    }
                }
            }
        }
        let result = self.run(&mut flight).await;
        let generation = self.inner.generation.fetch_add(1, Ordering::AcqRel) + 1;
        flight.last = Some((generation, result.clone(), Some(self.inner.clock.now())));
        result
    }

    /// What to answer instead of renewing `t`, fetched `ago`, when that is too soon: within
    /// the renewal interval, shortened for short lifetimes to a quarter of `t`'s (but never
    /// under [`MIN_RENEWAL_FLOOR`]), so a provider answering `expires_in: 0` or `0.001`
    /// costs a bounded number of requests. A set still valid is handed out again; one that
    /// was expired on arrival is an error until the window passes. `None`: renew.
    fn too_soon(&self, t: &Arc<TokenSet>, ago: Duration) -> Option<Result<Arc<TokenSet>, Error>> {
        let interval = self.inner.min_renewal_interval;
        let lifetime = match (t.expires_at, t.obtained_at) {
            (Some(exp), Some(obtained)) => exp.duration_since(obtained).unwrap_or_default(),
            _ => return None,
        };
        let window = if lifetime.is_zero() {
            interval
        } else {
            (lifetime / 4).clamp(MIN_RENEWAL_FLOOR.min(interval), interval)
        };
        if ago >= window {
            return None;
        }
        if t.expires_at
            .is_some_and(|exp| exp > self.inner.clock.wall())
        {
            return Some(Ok(Arc::clone(t)));
        }
        Some(Err(Error::NoToken(format!(
            "the provider handed out an access token that expired {}; not asking again \
             within {window:?}",
            if lifetime.is_zero() {
                "on arrival"
            } else {
                "almost at once"
            }
        ))))
    }

    /// The access token an API rejected, if the cached set is marked so.
    fn rejected(&self) -> Option<AccessToken> {
        self.inner
            .current
            .load()
            .as_ref()
            .filter(|c| c.rejected)
            .map(|c| c.tokens.access_token.clone())
    }

    /// Whether a stored set can be handed out as it is: not rejected, and not yet due for
    /// renewal by the same rule the cache applies ([`refresh_at`]) when it records when it was
    /// obtained, else not within the skew of its expiry.
    fn usable(&self, t: &TokenSet, rejected: Option<&AccessToken>) -> bool {
        let now = self.inner.clock.wall();
        let due = match t.obtained_at {
            Some(_) => refresh_at(t, self.inner.skew, now).is_some_and(|at| at <= now),
            None => t.needs_refresh(now, self.inner.skew),
        };
        !due && rejected.is_none_or(|r| *r != t.access_token)
    }

    async fn run(&self, flight: &mut Flight) -> Result<Arc<TokenSet>, Error> {
        let key = self.inner.key.as_str();
        let store = &self.inner.store;
        if let Some(pending) = flight.unsaved.take() {
            if let Err(e) = store.save(key, &pending).await {
                flight.unsaved = Some(pending);
                return Err(e);
            }
            let t = self.publish(pending);
            self.changed(&t);
            return Ok(t);
        }
        let rejected = self.rejected();
        // Another process, or an earlier run, may have a good set already.
        if let Some(s) = self.load().await? {
            if self.usable(&s, rejected.as_ref()) {
                return Ok(self.publish(s));
            }
        }
        let mut guard = match self.lock(rejected.as_ref()).await? {
            Locked::Found(s) => return Ok(self.publish(s)),
            Locked::Held(g) => g,
        };
        let result = self
            .keep_locked(&mut guard, self.fetch_under_lock(flight, rejected.as_ref()))
            .await;
        if let Err(e) = guard.release().await {
            tracing::debug!(error = %e, key, "releasing the refresh lock failed; it will expire");
        }
        result
    }

    /// Runs `work` holding `guard`, extending the lock every third of its TTL: a fetch slower
    /// than the TTL (a slow provider, retries) must not lose the lock to another process,
    /// which would refresh again with the refresh token this fetch is rotating away.
    ///
    /// (`&mut`: a shared `LockGuard` is not `Send`, and this future must be.)
    async fn keep_locked<T>(&self, guard: &mut LockGuard, work: impl Future<Output = T>) -> T {
        let ttl = self.inner.lock_ttl;
        let every = (ttl / 3).max(Duration::from_millis(1));
        let mut work = std::pin::pin!(work);
        let mut held = true;
        loop {
            tokio::select! {
                out = &mut work => return out,
                () = tokio::time::sleep(every), if held => match guard.extend(ttl).await {
                    Ok(true) => {}
                    Ok(false) => {
                        held = false;
                        tracing::warn!(
                            key = %self.inner.key,
                            "the refresh lock expired before the fetch ended; another process \
                             may refresh too"
                        );
                    }
                    Err(e) => tracing::debug!(
                        error = %e,
                        key = %self.inner.key,
                        "extending the refresh lock failed; trying again"
                    ),
                },
            }
        }
    }

    async fn lock(&self, rejected: Option<&AccessToken>) -> Result<Locked, Error> {
        let key = self.inner.key.as_str();
        let store = &self.inner.store;
        let deadline = crate::time::later_instant(
            self.inner.clock.now(),
            self.inner.lock_ttl.saturating_mul(2),
        );
        loop {
            if let Some(g) = store.lock(key, self.inner.lock_ttl).await? {
                return Ok(Locked::Held(g));
            }
            // Someone else is renewing: wait for their set to appear.
            tokio::time::sleep(self.inner.poll_interval).await;
            if let Some(s) = self.load().await? {
                if self.usable(&s, rejected) {
                    return Ok(Locked::Found(s));
                }
            }
            if self.inner.clock.now() >= deadline {
                return Err(Error::Store(
                    "timed out waiting for another process to renew the token".into(),
                ));
            }
        }
    }

    async fn fetch_under_lock(
        &self,
        flight: &mut Flight,
        rejected: Option<&AccessToken>,
    ) -> Result<Arc<TokenSet>, Error> {
        let key = self.inner.key.as_str();
        let store = &self.inner.store;
        // Checked again under the lock: the previous holder may have just saved a set.
        let stored = self.load().await?;
        if let Some(s) = &stored {
            if self.usable(s, rejected) {
                return Ok(self.publish(s.clone()));
            }
        }
        let base = stored.or_else(|| self.cached().map(|t| (*t).clone()));
        if let (Some(cap), Some(b)) = (&self.inner.cap, &base) {
            if b.refresh_token.is_some() {
                cap.check(&b.mints, self.inner.clock.wall())?;
            }
        }
        let mut fresh = self.fetch_with_retry(base.as_ref()).await?;
        self.inner.minted.fetch_add(1, Ordering::Relaxed);
        self.check_issuer(&mut fresh)?;
        if fresh.refresh_token.is_none() {
            fresh.refresh_token = base.as_ref().and_then(|b| b.refresh_token.clone());
        }
        if let Some(cap) = &self.inner.cap {
            fresh.mints = self.mints_after_fetch(cap, base.as_ref(), &fresh);
        }
        if rejected.is_some_and(|r| *r == fresh.access_token) {
            return Err(Error::NoToken(if self.inner.reuses_token {
                "the provider handed back the access token that was just rejected (it reuses \
                 tokens until they expire); not retrying"
                    .into()
            } else {
                "the provider handed back the access token that was just rejected; not retrying"
                    .into()
            }));
        }
        if let Err(e) = store.save(key, &fresh).await {
            // Keep it (its refresh token may be the only valid one now) and save it first
            // next time; callers do not get a set the store does not hold.
            flight.unsaved = Some(fresh);
            return Err(e);
        }
        // Handed back unchanged by a provider that reuses tokens: asking again before it
        // expires would only hand it back again, with less time each time.
        let handed_back = self.inner.reuses_token
            && base
                .as_ref()
                .is_some_and(|b| b.access_token == fresh.access_token);
        let at = if handed_back {
            reused_refresh_at(&fresh, self.inner.clock.wall())
        } else {
            refresh_at(&fresh, self.inner.skew, self.inner.clock.wall())
        };
        let t = self.publish_with(fresh, at, rejected.is_some());
        self.changed(&t);
        Ok(t)
    }

    /// The mints of `fresh`'s refresh token once `fresh` is minted: those of `base` still
    /// live, if it had the same refresh token, and `fresh` itself.
    fn mints_after_fetch(
        &self,
        cap: &TokenCap,
        base: Option<&TokenSet>,
        fresh: &TokenSet,
    ) -> Vec<SystemTime> {
        if fresh.refresh_token.is_none() {
            return Vec::new();
        }
        let now = fresh.obtained_at.unwrap_or_else(SystemTime::now);
        let mut mints = match base {
            Some(b) if b.refresh_token == fresh.refresh_token => cap.live(&b.mints, now),
            _ => Vec::new(),
        };
        mints.push(now);
        mints
    }

    async fn fetch_with_retry(&self, base: Option<&TokenSet>) -> Result<TokenSet, Error> {
        let policy = self.inner.retry;
        let mut failed = 0u32;
        loop {
            if let Some((limiter, counted)) = &self.inner.limiter {
                limiter.check(*counted)?;
            }
            self.inner.fetches.fetch_add(1, Ordering::Relaxed);
            let e = match self.inner.fetcher.fetch(base).await {
                Ok(t) => return Ok(t),
                Err(e) => e,
            };
            failed += 1;
            if e.outcome_unknown() && !self.inner.fetcher.replayable() {
                tracing::warn!(
                    key = %self.inner.key,
                    error = %e,
                    "not repeating a fetch that may have reached the provider: it may have \
                     consumed the refresh token it sent"
                );
                return Err(e);
            }
            match policy.delay(failed, &e) {
                Some(wait) => {
                    tracing::debug!(
                        key = %self.inner.key,
                        attempt = failed,
                        ?wait,
                        error = %e,
                        "token fetch failed; retrying"
                    );
                    tokio::time::sleep(wait).await;
                }
                None => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::SystemTime;

    use super::{now_for_cache, unix_ms};

    /// The cache's clock may run a little ahead of the wall clock (so a token is renewed a
    /// few milliseconds early), never behind it (a token served past its renewal time).
    #[test]
    fn the_cache_clock_is_never_behind_the_wall_clock() {
        for _ in 0..10_000 {
            let before = unix_ms(SystemTime::now());
            let cache = now_for_cache();
            let after = unix_ms(SystemTime::now());
            assert!(cache >= before, "cache clock behind: {cache} < {before} ms");
            assert!(
                cache <= after + 20,
                "cache clock too far ahead: {cache} vs {after} ms"
            );
        }
    }
}
