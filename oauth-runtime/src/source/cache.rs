//! The cached path: what [`super::TokenSource::token`] reads when the set is fresh, and the
//! rule for when a set falls due.
//!
//! # What a cached read does
//!
//! A source holds its set behind one `Arc` ([`Current::set`], an `ArcSwapOption`), with
//! the renewal deadline inline beside it ([`Current::deadline`], Unix milliseconds: the
//! set's renewal time, `u64::MAX` for a set that never expires, 0 when there is nothing
//! usable) and a sequence number ([`Current::seq`]) that every change bumps, twice, as a
//! seqlock does. A read:
//!
//! 1. reads the clock (the kernel's coarse clock on Linux, see [`now_for_cache`]);
//! 2. loads `seq`, then `deadline`, and compares it with the clock: the three words and the
//!    configuration pointer the clock is read through are the source's first 32 bytes, right
//!    after the `Arc`'s counts (one cache line for three sources in four, two for the rest:
//!    an allocation starts on any 16-byte boundary), so a read of a cold source costs that
//!    line and the set's (for its reference count), not the four to nine lines of the design
//!    it replaced;
//! 3. loads the set's `Arc` (arc-swap's debt slots are the reading thread's own: a load
//!    writes nothing that another core reads), and hands back a clone of it (`token`) or
//!    lends `&TokenSet` to a closure (`with_token`, no count touched);
//! 4. loads `seq` again: unchanged and even, the set and the deadline belong together;
//!    otherwise a write was under way and the read is repeated once it is over (a write
//!    is a few stores: writers take the odd value of `seq` itself as their lock, and drop
//!    the set they replaced only after releasing it).
//!
//! Nothing is allocated and nothing shared is written, except the set's reference count
//! for `token()`. That count is the one cost left on a read of one source by many threads
//! at once (every clone moves its cache line between the cores), and arc-swap's load is
//! the other. So each thread keeps a small table ([`SLOTS`] slots, by source address) of
//! copies of the sets it reads most: a source whose reads on this thread outnumber those of
//! the other sources landing on its slot by [`STREAK`] gets a copy of its set in an `Arc`
//! of the thread's own ([`ThreadCopy`]), checked with one load of `seq`. A thread reading
//! a few sources (one, two, a few dozen) answers from its copies; a thread reading
//! thousands at random never builds a score and never copies, so the copy the design before
//! this one made on every change of source (three allocations and frees a call, from two
//! sources on) cannot happen. At most [`SLOTS`] copies per thread; a copy holds its source
//! by a `Weak`, so its address is not reused while the copy names it.
//!
//! Why not a map from key to set, the way a user would cache tokens: a source *is* the
//! entry, reached through the pointer the caller already holds, so there is no hashing, no
//! probing and no lock; the renewal deadline sits where the lookup lands. The map the
//! default store keeps ([`crate::MemoryStore`], one per client) is read only when a set is
//! renewed, and holds the very `Arc` the source caches, not a copy.
//!
//! This module must never allocate, lock or log on a cached read, and never hand out a
//! set past its deadline: the deadline and the set are only ever read as one snapshot.

use std::cell::RefCell;
use std::sync::atomic::{fence, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime};

use arc_swap::{ArcSwapOption, Guard};

use crate::token::TokenSet;

/// A source's set and its renewal deadline, published together.
///
/// Writers are serialised by the sequence number itself ([`Current::lock`]: odd while one
/// writes); readers take no lock.
pub(super) struct Current {
    /// Even when the set and the deadline agree; odd while a writer changes them.
    seq: AtomicU64,
    /// Usable while the cache clock is below this (Unix ms): the renewal time, `u64::MAX`
    /// for never, 0 when nothing is usable (no set, or a set an API rejected).
    deadline: AtomicU64,
    set: ArcSwapOption<TokenSet>,
}

/// A consistent view of [`Current`]: its sequence number, deadline and set.
pub(super) struct Snapshot {
    pub(super) seq: u64,
    pub(super) deadline: u64,
    pub(super) set: Guard<Option<Arc<TokenSet>>>,
}

impl Current {
    pub(super) fn new(set: Option<Arc<TokenSet>>, deadline: u64) -> Current {
        Current {
            seq: AtomicU64::new(0),
            deadline: AtomicU64::new(if set.is_some() { deadline } else { 0 }),
            set: ArcSwapOption::new(set),
        }
    }

    /// The set, its deadline and the sequence number they were read at, or `None` while a
    /// writer is changing them.
    #[inline]
    pub(super) fn snapshot(&self) -> Option<Snapshot> {
        let seq = self.seq.load(Ordering::Acquire);
        if seq & 1 == 1 {
            return None;
        }
        let deadline = self.deadline.load(Ordering::Relaxed);
        let set = self.set.load();
        fence(Ordering::Acquire);
        (self.seq.load(Ordering::Relaxed) == seq).then_some(Snapshot { seq, deadline, set })
    }

    /// The sequence number (changes with every write).
    #[inline]
    pub(super) fn seq(&self) -> u64 {
        self.seq.load(Ordering::Acquire)
    }

    /// The set, valid or not.
    pub(super) fn load_full(&self) -> Option<Arc<TokenSet>> {
        self.set.load_full()
    }

    /// The deadline as last written.
    pub(super) fn deadline(&self) -> u64 {
        self.deadline.load(Ordering::Acquire)
    }

    /// Takes the write side: the sequence number from even to odd, spinning while another
    /// writer holds it (writers hold it for a few stores, never across an await or a drop
    /// of a set). Readers retry until it is even again.
    pub(super) fn lock(&self) -> Writer<'_> {
        let mut spins = 0u32;
        loop {
            let seq = self.seq.load(Ordering::Relaxed);
            if seq & 1 == 0
                && self
                    .seq
                    .compare_exchange_weak(
                        seq,
                        seq.wrapping_add(1),
                        Ordering::Acquire,
                        Ordering::Relaxed,
                    )
                    .is_ok()
            {
                fence(Ordering::Release);
                return Writer { current: self };
            }
            spins = spins.wrapping_add(1);
            if spins.is_multiple_of(64) {
                std::thread::yield_now();
            } else {
                std::hint::spin_loop();
            }
        }
    }

    /// A snapshot, waiting out a writer (see [`Current::lock`]).
    pub(super) fn snapshot_waiting(&self) -> Snapshot {
        let mut spins = 0u32;
        loop {
            if let Some(s) = self.snapshot() {
                return s;
            }
            spins = spins.wrapping_add(1);
            if spins.is_multiple_of(64) {
                std::thread::yield_now();
            } else {
                std::hint::spin_loop();
            }
        }
    }
}

/// The write side of [`Current`], held: the set and the deadline may change; readers see
/// either all of a change or none of it. Released on drop.
pub(super) struct Writer<'a> {
    current: &'a Current,
}

impl Writer<'_> {
    /// Replaces the set and its deadline; returns the old set, for the caller to drop after
    /// releasing the writer (dropping a set zeroes and frees its secrets).
    #[must_use]
    pub(super) fn set(&self, set: Option<Arc<TokenSet>>, deadline: u64) -> Option<Arc<TokenSet>> {
        let deadline = if set.is_some() { deadline } else { 0 };
        self.current.deadline.store(deadline, Ordering::Relaxed);
        self.current.set.swap(set)
    }

    /// Changes the deadline only (an API rejected the set).
    pub(super) fn set_deadline(&self, deadline: u64) {
        self.current.deadline.store(deadline, Ordering::Relaxed);
    }
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        let seq = self.current.seq.load(Ordering::Relaxed);
        self.current
            .seq
            .store(seq.wrapping_add(1), Ordering::Release);
    }
}

/// Milliseconds since the Unix epoch (0 before it).
pub(super) fn unix_ms(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The deadline of a set to renew at `refresh_at` (never when `None`).
pub(super) fn deadline_of(refresh_at: Option<SystemTime>) -> u64 {
    refresh_at.map_or(u64::MAX, unix_ms)
}

/// Reads of one source, net of the reads of others sharing its slot, after which a thread
/// keeps its own copy of the set.
pub(super) const STREAK: u32 = 16;

/// Slots in a thread's table of copies (a power of two).
pub(super) const SLOTS: usize = 256;

/// This thread's copy of one source's set (see the module docs).
pub(super) struct ThreadCopy {
    /// The source (a `Weak`, so its address is not reused while this names it).
    pub(super) source: Weak<super::Inner>,
    /// [`Current::seq`] the copy was made at.
    pub(super) seq: u64,
    /// The deadline at that time.
    pub(super) deadline: u64,
    /// A copy of the set in an `Arc` of this thread's own: raising and lowering its count
    /// moves no cache line between cores.
    pub(super) tokens: Arc<TokenSet>,
}

/// One slot of a thread's table: the source that holds it (an address, 0 for none), its
/// score (its reads less the reads of other sources landing on this slot) and its copy, made
/// once the score reaches [`STREAK`].
#[derive(Default)]
pub(super) struct Slot {
    pub(super) source: usize,
    pub(super) score: u32,
    pub(super) copy: Option<ThreadCopy>,
}

/// The slot of the source at `addr` in a table of [`SLOTS`].
#[inline]
pub(super) fn slot_of(addr: usize) -> usize {
    // Allocations are at least 16-byte aligned and a source is a few cache lines long.
    ((addr >> 6) ^ (addr >> 12)) & (SLOTS - 1)
}

thread_local! {
    /// This thread's table of copies (filled on its first read); the secrets of a copy are
    /// zeroed when it is dropped, like any `TokenSet`'s.
    pub(super) static READS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
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
