//! Client-side rate limits, from the limits a provider documents.
//!
//! A [`RateLimiter`] holds a sliding window per documented [`LimitDef::Rate`] and refuses the
//! event that would pass one ([`Error::LimitReached`] with the wait that avoids it), so a client
//! never triggers a provider's block (Zoho: 4 authorization codes per minute, then blocked for
//! ten minutes). It counts only what it is told about through [`RateLimiter::check`]; it must
//! never sleep, block a thread, or do I/O. Time comes from the runtime's [`Clock`] (shared
//! with the client and its token sources) so tests control it.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use crate::clock::{Clock, ManualClock, SystemClock};

use oauth_model::{Counted, LimitDef, ProviderDef};

use crate::error::Error;

/// One rate limit: at most `max` events per `per`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateRule {
    /// What is counted.
    pub counts: Counted,
    /// Events allowed per window.
    pub max: u32,
    /// Window length.
    pub per: Duration,
    /// How long the provider blocks a client that passes the limit (for messages).
    pub block_for: Option<Duration>,
    /// The provider's words.
    pub description: String,
}

impl RateRule {
    /// Whether an event of kind `counted` counts against this rule (a refresh and a code
    /// exchange are token requests too).
    pub fn applies_to(&self, counted: Counted) -> bool {
        self.counts == counted
            || (self.counts == Counted::TokenRequests
                && matches!(counted, Counted::Refreshes | Counted::AuthorizationCodes))
    }
}

/// Sliding-window limiter over a provider's documented rate limits.
pub struct RateLimiter {
    rules: Vec<RateRule>,
    clock: Arc<dyn Clock>,
    windows: Mutex<Vec<VecDeque<Instant>>>,
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("rules", &self.rules)
            .finish_non_exhaustive()
    }
}

impl RateLimiter {
    /// A limiter for every [`LimitDef::Rate`] of `def`, on the real clock.
    pub fn from_def(def: &ProviderDef) -> RateLimiter {
        RateLimiter::with_clock(def, Arc::new(SystemClock))
    }

    /// A limiter for every [`LimitDef::Rate`] of `def`, on `clock`.
    pub fn with_clock(def: &ProviderDef, clock: Arc<dyn Clock>) -> RateLimiter {
        let rules = def
            .limits
            .iter()
            .filter_map(|l| match l {
                LimitDef::Rate {
                    counts,
                    max,
                    per_secs,
                    block_for_secs,
                    description,
                    ..
                } => Some(RateRule {
                    counts: *counts,
                    max: *max,
                    per: crate::time::secs(*per_secs),
                    block_for: block_for_secs.map(crate::time::secs),
                    description: description.to_string(),
                }),
                LimitDef::Cap { .. } => None,
            })
            .collect();
        RateLimiter::new(rules, clock)
    }

    /// A limiter with no rules: it refuses nothing.
    pub fn unlimited() -> RateLimiter {
        RateLimiter::new(Vec::new(), Arc::new(SystemClock))
    }

    /// A limiter over explicit rules.
    pub fn new(rules: Vec<RateRule>, clock: Arc<dyn Clock>) -> RateLimiter {
        let windows = Mutex::new(vec![VecDeque::new(); rules.len()]);
        RateLimiter {
            rules,
            clock,
            windows,
        }
    }

    /// The rules enforced.
    pub fn rules(&self) -> &[RateRule] {
        &self.rules
    }

    /// Records one event of kind `counted` if every rule that counts it allows one more now;
    /// otherwise records nothing and answers [`Error::LimitReached`] with the shortest wait
    /// after which it would be allowed.
    pub fn check(&self, counted: Counted) -> Result<(), Error> {
        let now = self.clock.now();
        let mut windows = self
            .windows
            .lock()
            .map_err(|_| Error::Config("rate limiter poisoned".into()))?;
        let mut refused: Option<(usize, Duration)> = None;
        for (i, (rule, w)) in self.rules.iter().zip(windows.iter_mut()).enumerate() {
            if !rule.applies_to(counted) {
                continue;
            }
            while w
                .front()
                .is_some_and(|t| now.saturating_duration_since(*t) >= rule.per)
            {
                w.pop_front();
            }
            if w.len() >= rule.max as usize {
                let wait = match w.front() {
                    Some(oldest) => {
                        crate::time::later_instant(*oldest, rule.per).saturating_duration_since(now)
                    }
                    None => rule.per,
                };
                if refused.is_none_or(|(_, d)| wait > d) {
                    refused = Some((i, wait));
                }
            }
        }
        if let Some((i, wait)) = refused {
            let limit = self
                .rules
                .get(i)
                .map(|r| r.description.clone())
                .unwrap_or_default();
            return Err(Error::LimitReached {
                limit,
                retry_after: wait,
            });
        }
        for (rule, w) in self.rules.iter().zip(windows.iter_mut()) {
            if rule.applies_to(counted) {
                w.push_back(now);
            }
        }
        Ok(())
    }

    /// How many more events of kind `counted` are allowed right now.
    pub fn remaining(&self, counted: Counted) -> u32 {
        let now = self.clock.now();
        let Ok(windows) = self.windows.lock() else {
            return 0;
        };
        self.rules
            .iter()
            .zip(windows.iter())
            .filter(|(r, _)| r.applies_to(counted))
            .map(|(r, w)| {
                let live = w
                    .iter()
                    .filter(|t| now.saturating_duration_since(**t) < r.per)
                    .count();
                r.max
                    .saturating_sub(u32::try_from(live).unwrap_or(u32::MAX))
            })
            .min()
            .unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zoho_codes(clock: Arc<ManualClock>) -> RateLimiter {
        RateLimiter::new(
            vec![RateRule {
                counts: Counted::AuthorizationCodes,
                max: 4,
                per: Duration::from_secs(60),
                block_for: Some(Duration::from_secs(600)),
                description: "4 authorization codes per minute".into(),
            }],
            clock,
        )
    }

    #[test]
    fn four_per_minute_then_refused_until_the_window_slides() {
        let clock = Arc::new(ManualClock::new());
        let l = zoho_codes(clock.clone());
        for i in 0..4 {
            l.check(Counted::AuthorizationCodes).unwrap();
            clock.advance(Duration::from_secs(10 * (i + 1)));
        }
        // Events at 0, 10, 30 and 60 s; now = 100 s: only the one at 60 s is in the window.
        l.check(Counted::AuthorizationCodes).unwrap();
        assert_eq!(l.remaining(Counted::AuthorizationCodes), 2);
    }

    #[test]
    fn refusal_names_the_limit_and_the_wait() {
        let clock = Arc::new(ManualClock::new());
        let l = zoho_codes(clock.clone());
        for _ in 0..4 {
            l.check(Counted::AuthorizationCodes).unwrap();
            clock.advance(Duration::from_secs(5));
        }
        // now = 20 s; oldest at 0 s: wait 40 s.
        match l.check(Counted::AuthorizationCodes) {
            Err(Error::LimitReached { limit, retry_after }) => {
                assert!(limit.contains("4 authorization codes"));
                assert_eq!(retry_after, Duration::from_secs(40));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(l.remaining(Counted::AuthorizationCodes), 0);
        // A refused event is not recorded: after 40 s exactly one slot frees.
        clock.advance(Duration::from_secs(40));
        l.check(Counted::AuthorizationCodes).unwrap();
        assert!(l.check(Counted::AuthorizationCodes).is_err());
        // Other kinds are not affected.
        l.check(Counted::ApiCalls).unwrap();
        assert_eq!(l.remaining(Counted::ApiCalls), u32::MAX);
    }

    #[test]
    fn never_more_than_max_in_any_window() {
        // Hammer the limiter with attempts every 700 ms for 10 minutes and check, over every
        // 60 s window, that at most 4 were allowed.
        let clock = Arc::new(ManualClock::new());
        let l = zoho_codes(clock.clone());
        let start = clock.now();
        let mut allowed = Vec::new();
        for _ in 0..900 {
            if l.check(Counted::AuthorizationCodes).is_ok() {
                allowed.push(clock.now() - start);
            }
            clock.advance(Duration::from_millis(700));
        }
        for (i, t) in allowed.iter().enumerate() {
            let in_window = allowed[i..]
                .iter()
                .take_while(|u| **u - *t < Duration::from_secs(60))
                .count();
            assert!(in_window <= 4, "{in_window} events in 60 s from {t:?}");
        }
        // And it is not over-conservative: ~4 per minute over 10.5 minutes.
        assert!(allowed.len() >= 40, "{}", allowed.len());
    }

    #[test]
    fn token_request_limits_count_refreshes_too() {
        let clock = Arc::new(ManualClock::new());
        let l = RateLimiter::new(
            vec![RateRule {
                counts: Counted::TokenRequests,
                max: 2,
                per: Duration::from_secs(1),
                block_for: None,
                description: "2 token requests per second".into(),
            }],
            clock.clone(),
        );
        l.check(Counted::Refreshes).unwrap();
        l.check(Counted::TokenRequests).unwrap();
        assert!(l.check(Counted::Refreshes).is_err());
        assert!(l.check(Counted::AuthorizationCodes).is_err());
        l.check(Counted::ApiCalls).unwrap();
        clock.advance(Duration::from_secs(1));
        l.check(Counted::Refreshes).unwrap();
    }

    #[test]
    fn zero_max_always_refuses() {
        let l = RateLimiter::new(
            vec![RateRule {
                counts: Counted::ApiCalls,
                max: 0,
                per: Duration::from_secs(3),
                block_for: None,
                description: "none".into(),
            }],
            Arc::new(ManualClock::new()),
        );
        assert!(matches!(
            l.check(Counted::ApiCalls),
            Err(Error::LimitReached { retry_after, .. }) if retry_after == Duration::from_secs(3)
        ));
    }
}
