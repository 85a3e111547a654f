//! [`RetryPolicy`]: when a failed fetch is tried again, and how long to wait.

use std::time::Duration;

use crate::error::Error;

/// When and how often a failed fetch is tried again.
///
/// Only transient failures are retried ([`RetryPolicy::is_transient`]): timeouts, transport
/// errors, HTTP 5xx / 408 / 429 and provider errors meaning `rate_limited` or `server_error`;
/// and a timeout or a connection lost after sending only where the fetch is
/// [replayable](super::TokenFetcher::replayable).
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
