//! Renewal: exactly one fetch for all callers (per process; per store, with a store that
//! locks across processes), under the store's refresh lock kept alive while it runs, with the
//! cap, the rate limiter and the retry policy checked, and the new set saved before anyone
//! sees it.

use std::future::Future;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::error::Error;
use crate::secret::AccessToken;
use crate::store::LockGuard;
use crate::token::TokenSet;

use super::cache::{deadline_of, refresh_at, reused_refresh_at};
use super::{Flight, TokenCap, TokenSource, MIN_RENEWAL_FLOOR};

pub(super) enum Locked {
    Held(LockGuard),
    Found(Arc<TokenSet>),
}

impl TokenSource {
    /// Stamps this source's issuer on `tokens` when they name none; refuses them when they
    /// name another.
    pub(super) fn check_issuer(&self, tokens: &mut TokenSet) -> Result<(), Error> {
        let Some(expected) = &self.inner.config.issuer else {
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

    /// The set stored under this source's key, refused when another issuer issued it. A
    /// memory store hands over the very `Arc` it holds.
    pub(super) async fn load(&self) -> Result<Option<Arc<TokenSet>>, Error> {
        let store = &self.inner.config.store;
        let loaded = match store.as_memory() {
            Some(memory) => memory.load_shared(&self.inner.key)?,
            None => store.load(&self.inner.key).await?.map(Arc::new),
        };
        let Some(set) = loaded else {
            return Ok(None);
        };
        match (&self.inner.config.issuer, &set.issuer) {
            (Some(_), None) => {
                let mut s = TokenSet::clone(&set);
                self.check_issuer(&mut s)?;
                Ok(Some(Arc::new(s)))
            }
            (Some(expected), Some(got)) if expected != got => Err(Error::IssuerMismatch),
            _ => Ok(Some(set)),
        }
    }

    /// Saves `tokens` under this source's key (a memory store keeps the `Arc` itself).
    pub(super) async fn save(&self, tokens: &Arc<TokenSet>) -> Result<(), Error> {
        let store = &self.inner.config.store;
        match store.as_memory() {
            Some(memory) => memory.save_shared(&self.inner.key, Arc::clone(tokens)),
            None => store.save(&self.inner.key, tokens).await,
        }
    }

    /// Forgets the set, here and in the store.
    pub async fn clear(&self) -> Result<(), Error> {
        let mut flight = self.inner.flight.lock().await;
        flight.unsaved = None;
        flight.last = None;
        self.inner.config.store.delete(&self.inner.key).await?;
        self.write_current(None, 0, 0);
        Ok(())
    }

    /// Makes `tokens` current, to be renewed by the usual rule ([`refresh_at`]).
    pub(super) fn publish(&self, tokens: Arc<TokenSet>) -> Arc<TokenSet> {
        let at = refresh_at(
            &tokens,
            self.inner.config.skew,
            self.inner.config.clock.wall(),
        );
        self.publish_with(tokens, at, false)
    }

    /// Makes `tokens` current, to be renewed at `refresh_at` (never when `None`), noting
    /// whether they were fetched to replace a set an API rejected.
    pub(super) fn publish_with(
        &self,
        tokens: Arc<TokenSet>,
        refresh_at: Option<SystemTime>,
        replaces_rejected: bool,
    ) -> Arc<TokenSet> {
        let replaced_at = if replaces_rejected {
            super::cache::unix_ms(self.inner.config.clock.wall()).max(1)
        } else {
            0
        };
        self.write_current(
            Some(Arc::clone(&tokens)),
            deadline_of(refresh_at),
            replaced_at,
        );
        tokens
    }

    pub(super) fn changed(&self, t: &TokenSet) {
        if let Some(f) = &self.inner.config.on_change {
            f(t);
        }
    }

    pub(super) async fn renew(&self) -> Result<Arc<TokenSet>, Error> {
        let seen = self.inner.generation.load(Ordering::Acquire);
        let mut flight = self.inner.flight.lock().await;
        if let Some(t) = self.read_fresh(&mut Arc::clone) {
            return Ok(t);
        }
        let current = self.inner.current.load_full();
        let rejected = self.inner.rejected.load(Ordering::Acquire);
        // A fetch (or `set`, or a renewal ahead of time) finished while we waited for it:
        // its result is ours, error included. Only a caller's fetch keeps its outcome
        // (`flight.last`); the others leave their set as the cached one, so a source at rest
        // holds no outcome.
        let latest = self.inner.generation.load(Ordering::Acquire);
        if latest > seen {
            match (&flight.last, &current) {
                (Some(last), _) if last.0 == latest => return last.1.clone(),
                (_, Some(c)) => return Ok(Arc::clone(c)),
                _ => {}
            }
        }
        if let Some(last) = &flight.last {
            let (_, result, at) = &**last;
            // A set fetched (not given with `set`) moments ago and not rejected is not
            // renewed yet. Its age counts from when it was obtained, wherever: a set another
            // process fetched long ago and this one just loaded is renewed as usual.
            if let (Ok(t), Some(c), Some(_)) = (result, &current, at) {
                let age = t
                    .obtained_at
                    .and_then(|o| self.inner.config.clock.wall().duration_since(o).ok());
                if let Some(age) = age.filter(|_| !rejected && Arc::ptr_eq(t, c)) {
                    if let Some(answer) = self.too_soon(t, age) {
                        return answer;
                    }
                }
            }
        }
        let result = self.run(&mut flight, 0).await;
        let generation = self.inner.generation.fetch_add(1, Ordering::AcqRel) + 1;
        flight.last = Some(Box::new((
            generation,
            result.clone(),
            Some(self.inner.config.clock.now()),
        )));
        result
    }

    /// What to answer instead of renewing `t`, fetched `ago`, when that is too soon: within
    /// the renewal interval, shortened for short lifetimes to a quarter of `t`'s (but never
    /// under [`MIN_RENEWAL_FLOOR`]), so a provider answering `expires_in: 0` or `0.001`
    /// costs a bounded number of requests. A set still valid is handed out again; one that
    /// was expired on arrival is an error until the window passes. `None`: renew.
    pub(super) fn too_soon(
        &self,
        t: &Arc<TokenSet>,
        ago: Duration,
    ) -> Option<Result<Arc<TokenSet>, Error>> {
        let interval = self.inner.config.min_renewal_interval;
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
            .is_some_and(|exp| exp > self.inner.config.clock.wall())
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
    pub(super) fn rejected(&self) -> Option<AccessToken> {
        if !self.inner.rejected.load(Ordering::Acquire) {
            return None;
        }
        self.inner
            .current
            .load_full()
            .map(|c| c.access_token.clone())
    }

    /// Whether a stored set can be handed out as it is: not rejected, and not yet due for
    /// renewal by the same rule the cache applies ([`refresh_at`]) when it records when it was
    /// obtained, else not within the skew of its expiry; and, for a renewal ahead of time
    /// ([`TokenSource::renew_ahead`]), not due before `horizon` (Unix ms; 0 for none).
    pub(super) fn usable(
        &self,
        t: &TokenSet,
        rejected: Option<&AccessToken>,
        horizon: u64,
    ) -> bool {
        let now = self.inner.config.clock.wall();
        let skew = self.inner.config.skew;
        let due = match t.obtained_at {
            Some(_) => refresh_at(t, skew, now).is_some_and(|at| at <= now),
            None => t.needs_refresh(now, skew),
        };
        let due_by_horizon = horizon > 0 && deadline_of(refresh_at(t, skew, now)) <= horizon;
        !due && !due_by_horizon && rejected.is_none_or(|r| *r != t.access_token)
    }

    /// Renews the set now if it falls due before `horizon` (Unix ms), whether or not a
    /// caller would renew it yet: what the [`Renewer`](super::Renewer) does. The same single
    /// flight, lock and save rules as a caller's renewal. `Ok(None)`: not due (another
    /// caller or process renewed it meanwhile); `Ok(Some(left))`: renewed, and the set it
    /// replaced had `left` before it expired.
    pub(super) async fn renew_ahead(
        &self,
        horizon: u64,
    ) -> Result<Option<Option<Duration>>, Error> {
        let mut flight = self.inner.flight.lock().await;
        if self.inner.current.deadline() > horizon {
            return Ok(None);
        }
        let clock = &self.inner.config.clock;
        let left = self.cached().and_then(|t| t.remaining(clock.wall()));
        let result = self.run(&mut flight, horizon).await;
        let generation = self.inner.generation.fetch_add(1, Ordering::AcqRel) + 1;
        flight.last = match &result {
            Ok(_) => None,
            Err(_) => Some(Box::new((generation, result.clone(), Some(clock.now())))),
        };
        result.map(|_| Some(left))
    }

    /// Which sources a [`Renewer`](super::Renewer) bounds together: those sharing a rate
    /// limiter (a client's, shared by its copies), else those of one client, else this
    /// source's configuration.
    pub(super) fn group(&self) -> usize {
        let config = &self.inner.config;
        match &config.limiter {
            Some((limiter, _)) => Arc::as_ptr(limiter) as usize,
            None if config.client != 0 => config.client,
            None => Arc::as_ptr(config) as usize,
        }
    }

    pub(super) async fn run(
        &self,
        flight: &mut Flight,
        horizon: u64,
    ) -> Result<Arc<TokenSet>, Error> {
        if let Some(pending) = flight.unsaved.take() {
            if let Err(e) = self.save(&pending).await {
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
            if self.usable(&s, rejected.as_ref(), horizon) {
                return Ok(self.publish(s));
            }
        }
        let mut guard = match self.lock(rejected.as_ref(), horizon).await? {
            Locked::Found(s) => return Ok(self.publish(s)),
            Locked::Held(g) => g,
        };
        let result = self
            .keep_locked(
                &mut guard,
                self.fetch_under_lock(flight, rejected.as_ref(), horizon),
            )
            .await;
        if let Err(e) = guard.release().await {
            tracing::debug!(error = %e, key = &*self.inner.key, "releasing the refresh lock failed; it will expire");
        }
        result
    }

    /// Runs `work` holding `guard`, extending the lock every third of its TTL: a fetch slower
    /// than the TTL (a slow provider, retries) must not lose the lock to another process,
    /// which would refresh again with the refresh token this fetch is rotating away.
    ///
    /// (`&mut`: a shared `LockGuard` is not `Send`, and this future must be.)
    pub(super) async fn keep_locked<T>(
        &self,
        guard: &mut LockGuard,
        work: impl Future<Output = T>,
    ) -> T {
        let ttl = self.inner.config.lock_ttl;
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

    pub(super) async fn lock(
        &self,
        rejected: Option<&AccessToken>,
        horizon: u64,
    ) -> Result<Locked, Error> {
        let key = &*self.inner.key;
        let store = &self.inner.config.store;
        let deadline = crate::time::later_instant(
            self.inner.config.clock.now(),
            self.inner.config.lock_ttl.saturating_mul(2),
        );
        loop {
            if let Some(g) = store.lock(key, self.inner.config.lock_ttl).await? {
                return Ok(Locked::Held(g));
            }
            // Someone else is renewing: wait for their set to appear.
            tokio::time::sleep(self.inner.config.poll_interval).await;
            if let Some(s) = self.load().await? {
                if self.usable(&s, rejected, horizon) {
                    return Ok(Locked::Found(s));
                }
            }
            if self.inner.config.clock.now() >= deadline {
                return Err(Error::Store(
                    "timed out waiting for another process to renew the token".into(),
                ));
            }
        }
    }

    pub(super) async fn fetch_under_lock(
        &self,
        flight: &mut Flight,
        rejected: Option<&AccessToken>,
        horizon: u64,
    ) -> Result<Arc<TokenSet>, Error> {
        // Checked again under the lock: the previous holder may have just saved a set.
        let stored = self.load().await?;
        if let Some(s) = &stored {
            if self.usable(s, rejected, horizon) {
                return Ok(self.publish(Arc::clone(s)));
            }
        }
        let base = stored.or_else(|| self.cached());
        if let (Some(cap), Some(b)) = (&self.inner.config.cap, &base) {
            if b.refresh_token.is_some() {
                cap.check(&b.mints, self.inner.config.clock.wall())?;
            }
        }
        let mut fresh = self.fetch_with_retry(base.as_deref()).await?;
        self.inner.minted.fetch_add(1, Ordering::Relaxed);
        self.check_issuer(&mut fresh)?;
        if fresh.refresh_token.is_none() {
            fresh.refresh_token = base.as_ref().and_then(|b| b.refresh_token.clone());
        }
        if let Some(cap) = &self.inner.config.cap {
            fresh.mints = self.mints_after_fetch(cap, base.as_deref(), &fresh);
        }
        if rejected.is_some_and(|r| *r == fresh.access_token) {
            return Err(Error::NoToken(if self.inner.config.reuses_token {
                "the provider handed back the access token that was just rejected (it reuses \
                 tokens until they expire); not retrying"
                    .into()
            } else {
                "the provider handed back the access token that was just rejected; not retrying"
                    .into()
            }));
        }
        let fresh = Arc::new(fresh);
        if let Err(e) = self.save(&fresh).await {
            // Keep it (its refresh token may be the only valid one now) and save it first
            // next time; callers do not get a set the store does not hold.
            flight.unsaved = Some(fresh);
            return Err(e);
        }
        // Handed back unchanged by a provider that reuses tokens: asking again before it
        // expires would only hand it back again, with less time each time.
        let handed_back = self.inner.config.reuses_token
            && base
                .as_ref()
                .is_some_and(|b| b.access_token == fresh.access_token);
        let at = if handed_back {
            reused_refresh_at(&fresh, self.inner.config.clock.wall())
        } else {
            refresh_at(
                &fresh,
                self.inner.config.skew,
                self.inner.config.clock.wall(),
            )
        };
        let t = self.publish_with(fresh, at, rejected.is_some());
        self.changed(&t);
        Ok(t)
    }

    /// The mints of `fresh`'s refresh token once `fresh` is minted: those of `base` still
    /// live, if it had the same refresh token, and `fresh` itself.
    pub(super) fn mints_after_fetch(
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

    pub(super) async fn fetch_with_retry(
        &self,
        base: Option<&TokenSet>,
    ) -> Result<TokenSet, Error> {
        let policy = self.inner.config.retry;
        let mut failed = 0u32;
        loop {
            if let Some((limiter, counted)) = &self.inner.config.limiter {
                limiter.check(*counted)?;
            }
            self.inner.fetches.fetch_add(1, Ordering::Relaxed);
            let e = match self.inner.config.fetcher.fetch(base).await {
                Ok(t) => return Ok(t),
                Err(e) => e,
            };
            failed += 1;
            if e.outcome_unknown() && !self.inner.config.fetcher.replayable() {
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
