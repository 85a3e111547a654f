//! A token source: the one place an access token is obtained, cached, renewed and persisted.
//!
//! [`TokenSource::token`] answers from the source's cached set while it is not within the
//! skew of its expiry: a clock read, three loads from the source's first cache line and an
//! `Arc` clone, no lock and no allocation (`source/cache.rs` says what a cached read does and why).
//! [`TokenSource::with_token`] lends the set to a closure instead, with no reference count
//! at all. Otherwise exactly one
//! caller (per process; per store, with a store that locks across processes) runs the
//! [`TokenFetcher`], with the bounded [`RetryPolicy`] for transient failures, and every caller
//! waiting on it gets its result, error included. A fetch under a store's lock extends the
//! lock every third of its TTL until it ends, so a slow provider cannot outlast the lock and
//! let a second process refresh with the same refresh token. A [`Renewer`] renews many
//! sources ahead of expiry in the background, so their callers never wait for a renewal.
//!
//! Refresh tokens are what a crash or a race can lose for good, so the rules are: a new set is
//! saved to the [`TokenStore`](crate::TokenStore) before any caller sees it; a response without a refresh token
//! keeps the old one; a failed fetch never touches the store; a token the provider hands back
//! after it was rejected is an error, never a loop. This module must never log, format or
//! return a secret, and never fetch more than once per expiry for any number of callers.
//!
//! A source is small, so a process can hold a million: its key, its cached set with the
//! deadline beside it, a few counters and a lock word; everything it is configured with is
//! one shared configuration (`source/shared.rs`) for all the sources of a client built alike, and the default
//! store is the client's, one map for all of them.
//!
//! One concept a file: this one holds the source itself (its state, its cache's public face,
//! `token`, `invalidate`, `set`); `builder` its configuration, `shared` what sources share,
//! `cache` what the hot path reads (the cached set and its deadline, the per-thread copy,
//! the fast clock, when a set falls due), `fetcher` what obtains sets ([`TokenFetcher`],
//! [`RefreshFetcher`], [`ClientCredentialsFetcher`]), `renewal` the one fetch for all callers
//! under the store's lock, `renewer` the background renewal of fleets ([`Renewer`]), `cap`
//! the cap on live tokens per refresh token ([`TokenCap`]) and `retry` the retry policy
//! ([`RetryPolicy`]).

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use oauth_model::ProviderDef;

use crate::engine::Client;
use crate::error::Error;
use crate::secret::ClientId;
use crate::token::TokenSet;

mod builder;
mod cache;
mod cap;
mod fetcher;
mod renewal;
mod renewer;
mod retry;
mod shared;

pub use builder::TokenSourceBuilder;
pub use cap::TokenCap;
pub use fetcher::{ClientCredentialsFetcher, RefreshFetcher, TokenFetcher};
pub use renewer::{RenewalEvent, Renewer, RenewerBuilder, RenewerStats};
pub use retry::RetryPolicy;

pub(crate) use shared::ClientSources;

use cache::{now_for_cache, slot_of, unix_ms, Current, Slot, ThreadCopy, READS, SLOTS, STREAK};
use shared::Config;

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

/// The generation a caller's fetch completed, its result, and when it completed.
type Outcome = (u64, Result<Arc<TokenSet>, Error>, Option<Instant>);

struct Flight {
    /// Outcome of the latest fetch a caller waited for, while it is the latest change
    /// (`None` after [`TokenSource::set`] or a renewal ahead of time: the cached set is the
    /// outcome then); boxed, so a source at rest pays one word for it.
    last: Option<Box<Outcome>>,
    /// A fetched set whose save failed: saved (then published) before anything else.
    unsaved: Option<Arc<TokenSet>>,
}

/// A source: what a cached read touches first (its set, deadline and sequence number, then
/// the shared configuration it reads the clock from: 32 bytes, right after the `Arc`'s
/// counts), then everything else. What it is configured with is shared ([`Config`]).
///
/// Laid out as declared: left to the compiler, the configuration came first and the set
/// 24 bytes later, so the 48 bytes a read touches crossed a cache line for one source in
/// two (an allocation starts on any 16-byte boundary); these 32 cross one for one in four.
#[repr(C)]
struct Inner {
    current: Current,
    config: Arc<Config>,
    key: Arc<str>,
    minted: AtomicU64,
    fetches: AtomicU64,
    generation: AtomicU64,
    /// The cached set replaced a rejected one and no API has accepted it yet (what
    /// [`TokenSource::accepted`] reads, one load).
    unproven: AtomicBool,
    /// An API rejected the cached set ([`TokenSource::invalidate`]). Written under the
    /// write side of `current`, like the two below.
    rejected: AtomicBool,
    /// When the cached set was fetched to replace one an API rejected (Unix ms on the
    /// source's clock; 0: it was not), for [`REJECTION_COOLDOWN`].
    replaced_at: AtomicU64,
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
            .field("skew", &self.inner.config.skew)
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
        TokenSourceBuilder::new(key.into(), Arc::new(fetcher))
    }

    /// A builder set up from `client`'s definition: key from provider, issuer, client id and
    /// `subject` ([`TokenSource::key_for`]), every set bound to the client's issuer, skew
    /// from `lifetimes.refresh_skew_secs`, the cap on access tokens per refresh token from
    /// its limits ([`TokenCap::from_def`]). Unless given a store, the source keeps its sets
    /// in the client's memory store, which every source built from the client shares.
    #[doc(hidden)]
    pub fn for_client(
        client: &Client,
        subject: &str,
        fetcher: impl TokenFetcher,
    ) -> TokenSourceBuilder {
        TokenSource::for_client_with(
            client,
            subject,
            Arc::new(fetcher),
            shared::FetcherKind::Custom,
        )
    }

    fn for_client_with(
        client: &Client,
        subject: &str,
        fetcher: Arc<dyn TokenFetcher>,
        kind: shared::FetcherKind,
    ) -> TokenSourceBuilder {
        let def = client.def();
        // A client without a token endpoint has no issuer: its key names none either.
        let issuer = client.issuer().ok();
        let key = TokenSource::key_for(
            def,
            issuer.as_deref(),
            &client.credentials().client_id,
            subject,
        );
        let mut builder = TokenSourceBuilder::new(key, fetcher)
            .skew(crate::time::secs(def.lifetimes.refresh_skew_secs));
        builder.issuer = issuer;
        builder.clock = client.runtime_clock().clone();
        builder.client = Some(builder::FromClient {
            identity: client.identity(),
            provider: &def.name,
            kind,
            sources: Arc::clone(client.sources()),
        });
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
        TokenSource::for_client_with(
            client,
            subject,
            Arc::new(RefreshFetcher::new(client.clone())),
            shared::FetcherKind::Refresh,
        )
        .limiter(
            Arc::clone(client.rate_limiter()),
            oauth_model::Counted::Refreshes,
        )
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
        TokenSource::for_client_with(
            client,
            subject,
            Arc::new(ClientCredentialsFetcher::new(
                client.clone(),
                scopes.clone(),
            )),
            shared::FetcherKind::ClientCredentials(scopes),
        )
        .limiter(
            Arc::clone(client.rate_limiter()),
            oauth_model::Counted::TokenRequests,
        )
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
        let cap = self.inner.config.cap.as_ref()?;
        let cached = self.cached().filter(|t| t.refresh_token.is_some())?;
        let live = cap
            .live(&cached.mints, self.inner.config.clock.wall())
            .len();
        Some((u32::try_from(live).unwrap_or(u32::MAX), cap.max))
    }

    /// How many fetch attempts this source has made (successful or not, retries included).
    pub fn fetch_attempts(&self) -> u64 {
        self.inner.fetches.load(Ordering::Relaxed)
    }

    /// The cached set, valid or not, without renewing anything.
    pub fn cached(&self) -> Option<Arc<TokenSet>> {
        self.inner.current.load_full()
    }

    /// The cache clock: Unix milliseconds, from the coarse clock for the system's.
    #[inline]
    fn cache_now(&self) -> u64 {
        let clock = &self.inner.config.clock;
        if clock.is_system() {
            now_for_cache()
        } else {
            unix_ms(clock.wall())
        }
    }

    /// Calls `f` on the cached set if it is still usable (`None` when it is not): from this
    /// thread's copy when this thread reads this source often and it has not changed since,
    /// else from the source itself (see [`cache`]). No reference count is
    /// touched unless `f` touches one. `f` is called at most once.
    #[inline]
    fn read_fresh<R>(&self, f: &mut impl FnMut(&Arc<TokenSet>) -> R) -> Option<R> {
        let now = self.cache_now();
        let me = Arc::as_ptr(&self.inner) as usize;
        // `Some(answer)` when this thread's copy decided; `None` to read the source (no
        // copy, a streak too short, or the reads borrowed because `f` reads a source from
        // inside another `f`).
        let from_copy = READS.try_with(|reads| {
            let mut reads = reads.try_borrow_mut().ok()?;
            if reads.is_empty() {
                reads.resize_with(SLOTS, Slot::default);
            }
            let slot = reads.get_mut(slot_of(me))?;
            if slot.source != me {
                // Another source's slot: it loses a point, and the slot once it has none.
                slot.score = slot.score.saturating_sub(1);
                if slot.score == 0 {
                    slot.source = me;
                    slot.score = 1;
                    slot.copy = None;
                }
                return None;
            }
            if let Some(copy) = &slot.copy {
                if copy.source.as_ptr() as usize == me && copy.seq == self.inner.current.seq() {
                    return Some((now < copy.deadline).then(|| f(&copy.tokens)));
                }
            }
            if slot.score < STREAK {
                slot.score += 1;
                return None;
            }
            let snap = self.inner.current.snapshot()?;
            if now >= snap.deadline {
                return Some(None);
            }
            let tokens = Arc::new(TokenSet::clone(snap.set.as_ref()?));
            let copy = slot.copy.insert(ThreadCopy {
                source: Arc::downgrade(&self.inner),
                seq: snap.seq,
                deadline: snap.deadline,
                tokens,
            });
            Some(Some(f(&copy.tokens)))
        });
        if let Ok(Some(answer)) = from_copy {
            return answer;
        }
        self.read_shared(now, f)
    }

    /// [`TokenSource::read_fresh`] from the source itself.
    #[inline]
    fn read_shared<R>(&self, now: u64, f: &mut impl FnMut(&Arc<TokenSet>) -> R) -> Option<R> {
        let current = &self.inner.current;
        let snap = match current.snapshot() {
            Some(snap) => snap,
            // A writer is changing the set: a few stores, waited out.
            None => current.snapshot_waiting(),
        };
        if now >= snap.deadline {
            return None;
        }
        snap.set.as_ref().map(f)
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

    /// Replaces the cached set and what is known of it (whether an API rejected it, when it
    /// replaced a rejected one: Unix ms, 0 for never); every thread's copy of the old one is
    /// stale from here on.
    fn write_current(&self, set: Option<Arc<TokenSet>>, deadline: u64, replaced_at: u64) {
        let writer = self.inner.current.lock();
        self.inner.rejected.store(false, Ordering::Relaxed);
        self.inner.replaced_at.store(replaced_at, Ordering::Relaxed);
        self.inner
            .unproven
            .store(replaced_at != 0, Ordering::Relaxed);
        let old = writer.set(set, deadline);
        drop(writer);
        drop(old);
    }

    /// Marks `rejected` as bad, if it is still the cached set (compared by access token), so
    /// the next [`TokenSource::token`] renews it.
    pub fn invalidate(&self, rejected: &TokenSet) {
        let writer = self.inner.current.lock();
        let Some(c) = self.inner.current.load_full() else {
            return;
        };
        if self.inner.rejected.load(Ordering::Relaxed) || c.access_token != rejected.access_token {
            return;
        }
        self.inner.rejected.store(true, Ordering::Release);
        writer.set_deadline(0);
    }

    /// When an API rejects `tokens`: how long ago they were fetched to replace a set an API
    /// had rejected, if that was less than [`REJECTION_COOLDOWN`] ago and no API has accepted
    /// them since. Renewing them again would not help (the provider rejects fresh tokens: a
    /// wrong header, a wrong host, missing scopes) and would spend a refresh token, so
    /// [`crate::AuthorizedClient`] answers [`Error::TokenRejected`] instead.
    pub fn rejected_replacement(&self, tokens: &TokenSet) -> Option<Duration> {
        if !self.inner.unproven.load(Ordering::Acquire) {
            return None;
        }
        let at = self.inner.replaced_at.load(Ordering::Relaxed);
        let c = self.inner.current.load_full()?;
        if at == 0 || c.access_token != tokens.access_token {
            return None;
        }
        let now = unix_ms(self.inner.config.clock.wall());
        let ago = Duration::from_millis(now.saturating_sub(at));
        (ago < REJECTION_COOLDOWN).then_some(ago)
    }

    /// Records that an API accepted `tokens` (what [`crate::AuthorizedClient`] reports after
    /// every successful call): a set that replaced a rejected one is then renewed as usual
    /// if it is rejected later (see [`REJECTION_COOLDOWN`]). One atomic load unless that flag
    /// is still to be set.
    pub fn accepted(&self, tokens: &TokenSet) {
        if !self.inner.unproven.load(Ordering::Relaxed) {
            return;
        }
        if self
            .inner
            .current
            .load_full()
            .is_some_and(|c| c.access_token == tokens.access_token)
        {
            self.inner.unproven.store(false, Ordering::Relaxed);
        }
    }

    /// Saves `tokens` (after an authorization, say) and makes them current. With a cap, a set
    /// with a refresh token and no recorded mints counts as that refresh token's first mint.
    ///
    /// A set without an issuer is stamped with this source's; a set issued by another
    /// authorization server is refused ([`Error::IssuerMismatch`]).
    pub async fn set(&self, mut tokens: TokenSet) -> Result<Arc<TokenSet>, Error> {
        self.check_issuer(&mut tokens)?;
        if self.inner.config.cap.is_some()
            && tokens.refresh_token.is_some()
            && tokens.mints.is_empty()
        {
            tokens
                .mints
                .push(tokens.obtained_at.unwrap_or_else(SystemTime::now));
        }
        let mut flight = self.inner.flight.lock().await;
        flight.unsaved = None;
        let t = Arc::new(tokens);
        self.save(&t).await?;
        self.publish(Arc::clone(&t));
        self.changed(&t);
        self.inner.generation.fetch_add(1, Ordering::AcqRel);
        // A waiter on the flight takes the cached set, this one (see `renew`).
        flight.last = None;
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use std::mem::{offset_of, size_of};

    use super::cache::Current;
    use super::Inner;

    /// What a cached read touches of a source (its set, deadline and sequence number, then the
    /// configuration pointer it reads the clock through) is its first 32 bytes, so that it
    /// crosses a cache line for one source in four, not two in four (see [`Inner`]).
    #[test]
    fn what_a_read_touches_comes_first_in_a_source() {
        assert_eq!(offset_of!(Inner, current), 0);
        assert_eq!(size_of::<Current>(), 24);
        assert_eq!(offset_of!(Inner, config), size_of::<Current>());
    }
}
