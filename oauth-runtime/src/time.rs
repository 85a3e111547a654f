//! Time arithmetic that cannot panic.
//!
//! Durations reach the runtime from specs (a definition built without validation may carry
//! `u64::MAX` seconds), from servers (`expires_in: 1e308`) and from callers
//! (`Duration::MAX`). `SystemTime + Duration` and `Instant + Duration` panic on overflow, so
//! every sum the runtime makes goes through these helpers, which clamp a duration to
//! [`MAX_DURATION`] first and fall back to the starting point if even that does not fit.
//! Nothing here reads a clock.

use std::time::{Duration, Instant, SystemTime};

/// The longest span the runtime reasons about: 100 years. A longer lifetime, window or wait
/// is treated as this long (spec validation refuses longer durations outright).
pub const MAX_DURATION: Duration = Duration::from_secs(100 * 365 * 24 * 3600 + 25 * 24 * 3600);

/// `d`, at most [`MAX_DURATION`].
pub(crate) fn clamp(d: Duration) -> Duration {
    d.min(MAX_DURATION)
}

/// `secs` seconds, at most [`MAX_DURATION`].
pub(crate) fn secs(secs: u64) -> Duration {
    clamp(Duration::from_secs(secs))
}

/// `t + d` with `d` clamped; `t` itself when even the clamped sum does not fit.
pub(crate) fn later(t: SystemTime, d: Duration) -> SystemTime {
    t.checked_add(clamp(d)).unwrap_or(t)
}

/// `t + d` with `d` clamped, for monotonic instants.
pub(crate) fn later_instant(t: Instant, d: Duration) -> Instant {
    t.checked_add(clamp(d)).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_clamp_instead_of_overflowing() {
        let now = SystemTime::now();
        assert_eq!(later(now, Duration::MAX), now + MAX_DURATION);
        assert_eq!(
            later(now, Duration::from_secs(5)),
            now + Duration::from_secs(5)
        );
        let i = Instant::now();
        assert_eq!(later_instant(i, Duration::MAX), i + MAX_DURATION);
        assert_eq!(secs(u64::MAX), MAX_DURATION);
    }
}
