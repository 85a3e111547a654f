//! Layout bounds for the fleet bench (`FLEET_LAYOUTS=1`): what a cached read would cost if
//! the sources' cached state were laid out differently. These are not contenders (nobody
//! would write them instead of a token source) and not the runtime: each is the runtime's
//! cached read (the coarse clock, the sequence number, the deadline, arc-swap's load, a
//! clone of the `Arc<TokenSet>`), without the thread's table of copies, over one layout.
//!
//! - **slots by index**: every source's state in one dense `Vec` (32 bytes a source), read
//!   by the bench's index itself. The bound of a read with no hop between the caller's index
//!   and the state: a fleet API read by dense ids.
//! - **slots behind handles**: the same state in dense chunks of 64, reached through a
//!   handle that carries its chunk and slot, beside an allocation standing for the rest of
//!   a source: what the runtime's `TokenSource` would be if its cached state moved out of
//!   the source into per-client chunks.
//!
//! In both, each set is allocated beside a 200-byte block, as the sets of sources seeded one
//! after the other are allocated among other work.

use std::hint::black_box;
use std::sync::atomic::{fence, AtomicU64, Ordering};
use std::sync::Arc;

use arc_swap::ArcSwapOption;
use oauth_runtime::TokenSet;

use super::{token_set, Fleet};

/// A source's cached state, as the runtime keeps it (`source::cache::Current`), with the
/// one bit of configuration a read needs (whether the clock is the system's), in 32 bytes
/// that never cross a cache line.
#[repr(align(32))]
pub struct Slot {
    seq: AtomicU64,
    deadline: AtomicU64,
    set: ArcSwapOption<TokenSet>,
    system_clock: bool,
}

impl Slot {
    fn empty() -> Slot {
        Slot {
            seq: AtomicU64::new(0),
            deadline: AtomicU64::new(0),
            set: ArcSwapOption::empty(),
            system_clock: true,
        }
    }

    /// Seeds the slot with source `i`'s set, usable for a day.
    fn seed(&self, i: usize) {
        self.set.store(Some(Arc::new(token_set(i))));
        self.deadline
            .store(coarse_ms() + 24 * 3600 * 1000, Ordering::Release);
    }

    /// The runtime's cached read (`TokenSource::read_shared`) on this slot.
    #[inline]
    fn read<R>(&self, f: impl FnOnce(&Arc<TokenSet>) -> R) -> Option<R> {
        let now = if self.system_clock { coarse_ms() } else { 0 };
        let seq = self.seq.load(Ordering::Acquire);
        if seq & 1 == 1 {
            return None;
        }
        let deadline = self.deadline.load(Ordering::Relaxed);
        let set = self.set.load();
        fence(Ordering::Acquire);
        if self.seq.load(Ordering::Relaxed) != seq || now >= deadline {
            return None;
        }
        set.as_ref().map(f)
    }
}

/// The runtime's cache clock (`source::cache::now_for_cache`): the coarse clock on Linux.
#[inline]
fn coarse_ms() -> u64 {
    #[cfg(target_os = "linux")]
    let (secs, nanos) = {
        let ts = rustix::time::clock_gettime(rustix::time::ClockId::RealtimeCoarse);
        (
            u64::try_from(ts.tv_sec).unwrap_or(0),
            u64::try_from(ts.tv_nsec).unwrap_or(0),
        )
    };
    #[cfg(not(target_os = "linux"))]
    let (secs, nanos) = {
        let d = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        (d.as_secs(), u64::from(d.subsec_nanos()))
    };
    secs.saturating_mul(1000) + nanos / 1_000_000 + 10
}

/// What the access token's length comes to, as every contender's read returns.
fn token_len(t: Option<Arc<TokenSet>>) -> usize {
    t.map_or(0, |t| black_box(t).access_token.secret().len())
}

/// Every source's state in one dense `Vec`, read by index (and the blocks allocated between
/// its sets).
pub struct ByIndex {
    slots: Vec<Slot>,
    _between: Vec<Vec<u8>>,
}

impl Fleet for ByIndex {
    async fn read(&self, i: u32) -> usize {
        token_len(self.slots.get(i as usize).and_then(|s| s.read(Arc::clone)))
    }
}

/// N sources' state in one `Vec`, seeded one after the other.
pub fn by_index(n: usize) -> ByIndex {
    let slots: Vec<Slot> = (0..n).map(|_| Slot::empty()).collect();
    let mut between = Vec::with_capacity(n);
    for (i, s) in slots.iter().enumerate() {
        s.seed(i);
        between.push(vec![0u8; 200]);
    }
    ByIndex {
        slots,
        _between: between,
    }
}

/// Slots per chunk.
const CHUNK: usize = 64;

/// A chunk of slots, shared by the handles of the sources it holds.
pub struct Chunk([Slot; CHUNK]);

/// A handle that carries its chunk and slot, beside the rest of its source.
pub struct Handle {
    _rest: Arc<Vec<u8>>,
    chunk: Arc<Chunk>,
    slot: usize,
}

/// The caller's handles, read by index (and the blocks allocated between their sets).
pub struct Handles {
    handles: Vec<Handle>,
    _between: Vec<Vec<u8>>,
}

impl Fleet for Handles {
    async fn read(&self, i: u32) -> usize {
        let t = self
            .handles
            .get(i as usize)
            .and_then(|h| h.chunk.0.get(h.slot))
            .and_then(|s| s.read(Arc::clone));
        token_len(t)
    }
}

/// N sources built one after the other (each with 400 bytes of other state), then seeded.
pub fn handles(n: usize) -> Handles {
    let mut chunk = Arc::new(Chunk(std::array::from_fn(|_| Slot::empty())));
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if i % CHUNK == 0 && i > 0 {
            chunk = Arc::new(Chunk(std::array::from_fn(|_| Slot::empty())));
        }
        out.push(Handle {
            _rest: Arc::new(vec![0u8; 400]),
            chunk: Arc::clone(&chunk),
            slot: i % CHUNK,
        });
    }
    let mut between = Vec::with_capacity(n);
    for (i, h) in out.iter().enumerate() {
        if let Some(s) = h.chunk.0.get(h.slot) {
            s.seed(i);
        }
        between.push(vec![0u8; 200]);
    }
    Handles {
        handles: out,
        _between: between,
    }
}
