//! What the hot path of [`super::TokenSource::token`] reads: the cached set and when it
//! falls due, each thread's copy of it, and the fast wall clock; and the rule for when a set
//! is renewed.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use crate::token::TokenSet;

use super::REJECTION_COOLDOWN;

/// What the cache holds: the set, when to renew it, and whether an API rejected it.
pub(super) struct Cached {
    pub(super) tokens: Arc<TokenSet>,
    /// When to renew, in Unix milliseconds (`u64::MAX` for never): what the hot path compares.
    pub(super) refresh_at_ms: u64,
    pub(super) rejected: bool,
    /// When this set was fetched to replace one an API rejected (see [`REJECTION_COOLDOWN`]).
    pub(super) replaced_rejected_at: Option<Instant>,
    /// Whether an API has accepted this set since ([`TokenSource::accepted`]); shared by the
    /// copies [`TokenSource::invalidate`] makes.
    pub(super) accepted: Arc<AtomicBool>,
}

impl Cached {
    /// A set no API has rejected, to renew at `refresh_at` (never when `None`).
    pub(super) fn new(tokens: Arc<TokenSet>, refresh_at: Option<SystemTime>) -> Cached {
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
    pub(super) fn unproven_replacement(&self, now: Instant) -> Option<Duration> {
        let ago = now.saturating_duration_since(self.replaced_rejected_at?);
        (!self.accepted.load(Ordering::Relaxed) && ago < REJECTION_COOLDOWN).then_some(ago)
    }

    /// Usable at `now_ms` (milliseconds since the Unix epoch, from [`now_for_cache`]).
    pub(super) fn fresh(&self, now_ms: u64) -> bool {
        now_ms < self.usable_until_ms()
    }

    /// Usable while the clock is below this: the renewal time, or 0 once an API rejected it.
    pub(super) fn usable_until_ms(&self) -> u64 {
        if self.rejected {
            0
        } else {
            self.refresh_at_ms
        }
    }
}

/// Milliseconds since the Unix epoch (0 before it).
pub(super) fn unix_ms(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// A unique id per source, for the per-thread copy (an address could be reused).
pub(super) static NEXT_SOURCE_ID: AtomicU64 = AtomicU64::new(1);

/// This thread's copy of the set a source last handed it (see [`LAST_READ`]).
pub(super) struct ThreadCopy {
    pub(super) source: u64,
    pub(super) version: u64,
    /// [`Cached::usable_until_ms`], kept here so the check follows no pointer.
    pub(super) usable_until_ms: u64,
    /// A copy of the cached set in an `Arc` of this thread's own: its count is raised and
    /// lowered on every `token()` call, and a count shared by all threads would bounce one
    /// cache line between cores on every call.
    pub(super) tokens: Arc<TokenSet>,
}

thread_local! {
    /// The set this thread read last, with the source id and the version of the source's
    /// cell it came from. While the version is unchanged, `token()` answers from here after
    /// one plain atomic load, instead of taking and releasing a slot of the shared cell. One
    /// copy per thread, kept until the thread next reads another source or version (the
    /// secrets in it are zeroed when it is dropped, like any `TokenSet`).
    pub(super) static LAST_READ: RefCell<Option<ThreadCopy>> = const { RefCell::new(None) };
}

/// How far the coarse clock may lag real time, with room to spare: one tick is 1 to 4 ms.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(super) const COARSE_TICK_MS: u64 = 10;

/// The wall clock of the cached-token check, which every `token()` call makes, in
/// milliseconds since the Unix epoch.
///
/// On Linux, the kernel's coarse clock (`CLOCK_REALTIME_COARSE`): read from the vDSO in a few
/// nanoseconds, where `SystemTime::now()` takes 30 to 40 on a virtual machine, which was half
/// the cost of a cached `token()`. It ticks every 1 to 4 ms, so a tick is added: the check
/// may renew a few milliseconds early (`refresh_at` is a whole skew before expiry anyway),
/// never late. Elsewhere, `SystemTime::now()`.
#[inline]
pub(super) fn now_for_cache() -> u64 {
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
pub(super) fn refresh_at(t: &TokenSet, skew: Duration, now: SystemTime) -> Option<SystemTime> {
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
pub(super) fn reused_refresh_at(t: &TokenSet, now: SystemTime) -> Option<SystemTime> {
    let at = t.expires_at?;
    Some(at.max(crate::time::later(
        t.obtained_at.unwrap_or(now),
        REUSED_TOKEN_GRAIN,
    )))
}

/// The resolution of a remaining lifetime in whole seconds.
pub(super) const REUSED_TOKEN_GRAIN: Duration = Duration::from_secs(1);

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
