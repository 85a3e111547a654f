//! The runtime's one notion of "now".
//!
//! Token expiry, renewal times, authorization start times, device-code deadlines, client
//! assertions and the rate limiter all ask a [`Clock`], so one injected clock moves every one
//! of them together: a test (or the simulator) that advances a [`ManualClock`] sees tokens
//! expire, limits lift and renewals fall due at once. The client takes one
//! (`ClientBuilder::clock`), hands it to the limiter it builds and to the token sources built
//! from it. The real clock is [`SystemClock`].
//!
//! A clock answers two questions: monotonic time ([`Clock::now`], for windows and timeouts)
//! and wall time ([`Clock::wall`], for expiries that are stored and shared between processes).
//! A clock only reads time: it never sleeps.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// A source of time for the runtime.
pub trait Clock: Send + Sync + 'static {
    /// Monotonic now.
    fn now(&self) -> Instant;

    /// Wall-clock now. By default the system's wall clock moved by however far this clock's
    /// monotonic time is from the system's, so a clock that only implements [`Clock::now`]
    /// still moves expiries with it.
    fn wall(&self) -> SystemTime {
        let real = Instant::now();
        let mine = self.now();
        let wall = SystemTime::now();
        if mine >= real {
            crate::time::later(wall, mine.duration_since(real))
        } else {
            wall.checked_sub(real.duration_since(mine)).unwrap_or(wall)
        }
    }
}

/// Any function returning the time is a clock: a test can follow another clock with
/// `move || base + simulator.clock().now()`.
impl<F> Clock for F
where
    F: Fn() -> Instant + Send + Sync + 'static,
{
    fn now(&self) -> Instant {
        self()
    }
}

/// The real clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn wall(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock that moves only when told to (tests, simulations): its monotonic and wall times
/// move together.
#[derive(Debug)]
pub struct ManualClock {
    base: Instant,
    base_wall: SystemTime,
    offset: Mutex<Duration>,
}

impl Default for ManualClock {
    fn default() -> Self {
        ManualClock::new()
    }
}

impl ManualClock {
    /// A clock standing at the moment it is made.
    pub fn new() -> ManualClock {
        ManualClock {
            base: Instant::now(),
            base_wall: SystemTime::now(),
            offset: Mutex::new(Duration::ZERO),
        }
    }

    /// Moves the clock forward (at most [`crate::time::MAX_DURATION`] past where it
    /// started, however far it is told to go).
    pub fn advance(&self, by: Duration) {
        if let Ok(mut o) = self.offset.lock() {
            *o = crate::time::clamp(o.saturating_add(by));
        }
    }

    fn offset(&self) -> Duration {
        self.offset.lock().map(|o| *o).unwrap_or(Duration::ZERO)
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Instant {
        crate::time::later_instant(self.base, self.offset())
    }

    fn wall(&self) -> SystemTime {
        crate::time::later(self.base_wall, self.offset())
    }
}

/// The clock a client or source goes by: the system's (read the fast way where the hot path
/// needs it) unless one was injected.
#[derive(Clone, Default)]
pub(crate) struct RuntimeClock(Option<Arc<dyn Clock>>);

impl std::fmt::Debug for RuntimeClock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "RuntimeClock(injected)"
        } else {
            "RuntimeClock(system)"
        })
    }
}

impl RuntimeClock {
    /// An injected clock.
    pub(crate) fn new(clock: Arc<dyn Clock>) -> RuntimeClock {
        RuntimeClock(Some(clock))
    }

    /// Wall-clock now.
    pub(crate) fn wall(&self) -> SystemTime {
        match &self.0 {
            Some(c) => c.wall(),
            None => SystemTime::now(),
        }
    }

    /// Monotonic now.
    pub(crate) fn now(&self) -> Instant {
        match &self.0 {
            Some(c) => c.now(),
            None => Instant::now(),
        }
    }

    /// Whether this is the system clock (the token cache reads it the fast way).
    pub(crate) fn is_system(&self) -> bool {
        self.0.is_none()
    }

    /// Whether both are the same clock (the system's, or one injected clock).
    pub(crate) fn same(&self, other: &RuntimeClock) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => std::ptr::addr_eq(Arc::as_ptr(a), Arc::as_ptr(b)),
            _ => false,
        }
    }

    /// The clock as a shareable trait object.
    pub(crate) fn shared(&self) -> Arc<dyn Clock> {
        match &self.0 {
            Some(c) => Arc::clone(c),
            None => Arc::new(SystemClock),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_both_times_together() {
        let c = ManualClock::new();
        let (i, w) = (c.now(), c.wall());
        c.advance(Duration::from_secs(90));
        assert_eq!(c.now() - i, Duration::from_secs(90));
        assert_eq!(c.wall().duration_since(w).unwrap(), Duration::from_secs(90));
    }

    #[test]
    fn a_function_clock_moves_the_wall_clock_too() {
        let base = Instant::now();
        let ahead = move || base + Duration::from_secs(3600);
        let wall = ahead.wall();
        let gap = wall.duration_since(SystemTime::now()).unwrap();
        assert!(gap > Duration::from_secs(3590) && gap <= Duration::from_secs(3600));
    }
}
