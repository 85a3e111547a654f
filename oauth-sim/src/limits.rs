//! Enforcement of a provider's documented limits ([`oauth_model::LimitDef`]).
//!
//! Rates are sliding windows of event times per key, with an optional block once the limit is
//! passed (a window of a day or more is a quota); caps are ordered lists of live objects per
//! key, except the cap on API calls in flight, which is a counter of slots taken and given
//! back. Times come from the simulator's [`crate::Clock`] in milliseconds. This module
//! decides; it never renders a response.

use std::collections::{HashMap, VecDeque};

use oauth_model::{Capped, Counted, LimitDef, LimitKey, OnExceed};

/// The values a limit may be kept per, for one request.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Keys<'a> {
    pub client: Option<&'a str>,
    pub user: Option<&'a str>,
    pub refresh_token: Option<&'a str>,
}

impl Keys<'_> {
    fn get(&self, key: LimitKey) -> Option<String> {
        match key {
            LimitKey::Client => self.client.map(str::to_string),
            LimitKey::User => self.user.map(str::to_string),
            LimitKey::RefreshToken => self.refresh_token.map(str::to_string),
            // The simulator serves one instance.
            LimitKey::Instance => Some(String::new()),
        }
    }
}

/// A rate limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Exceeded {
    /// Seconds until a request may succeed again.
    pub retry_after_secs: u64,
    /// The limit is a quota (a window of a day or more) rather than a rate.
    pub quota: bool,
    /// The error rule the limit names (`LimitDef::error`), if any.
    pub error: Option<usize>,
}

/// A cap refused one more object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CapFull {
    /// The error rule the cap names (`LimitDef::error`), if any.
    pub error: Option<usize>,
}

impl Exceeded {
    /// The error meanings to answer with, most specific first.
    pub fn meanings(self) -> &'static [oauth_model::ErrorMeaning] {
        use oauth_model::ErrorMeaning as M;
        if self.quota {
            &[M::QuotaExhausted, M::RateLimited, M::AccessDenied]
        } else {
            &[M::RateLimited, M::AccessDenied, M::QuotaExhausted]
        }
    }
}

/// The concurrency slots one admitted call holds; give them back with [`Limits::leave`].
#[derive(Debug, Default)]
#[must_use = "slots stay taken until they are given back with `Limits::leave`"]
pub(crate) struct Slots(Vec<(usize, String)>);

/// Counters behind every limit.
#[derive(Debug, Default)]
pub(crate) struct Limits {
    events: HashMap<(usize, String), VecDeque<u64>>,
    blocked_until: HashMap<(usize, String), u64>,
    groups: HashMap<(usize, String), VecDeque<String>>,
    in_flight: HashMap<(usize, String), u32>,
}

impl Limits {
    /// Records one `counted` event, or refuses it when a rate limit (or a block it caused)
    /// is in force. A refused event is not counted.
    pub fn hit(
        &mut self,
        defs: &[LimitDef],
        counted: Counted,
        keys: Keys<'_>,
        now_ms: u64,
    ) -> Result<(), Exceeded> {
        // Check every applicable limit before recording, so a refusal records nothing.
        let mut applicable = Vec::new();
        for (i, def) in defs.iter().enumerate() {
            let LimitDef::Rate {
                counts,
                max,
                per_secs,
                key,
                block_for_secs,
                error,
                ..
            } = def
            else {
                continue;
            };
            if *counts != counted {
                continue;
            }
            let Some(k) = keys.get(*key) else { continue };
            let slot = (i, k);
            if let Some(&until) = self.blocked_until.get(&slot) {
                if now_ms < until {
                    return Err(Exceeded {
                        retry_after_secs: (until - now_ms).div_ceil(1000),
                        quota: *per_secs >= 86_400,
                        error: *error,
                    });
                }
                self.blocked_until.remove(&slot);
                self.events.remove(&slot);
            }
            let window_ms = per_secs.saturating_mul(1000);
            let events = self.events.entry(slot.clone()).or_default();
            while events
                .front()
                .is_some_and(|&t| t.saturating_add(window_ms) <= now_ms)
            {
                events.pop_front();
            }
            if events.len() >= usize::try_from(*max).unwrap_or(usize::MAX) {
                let retry = match block_for_secs {
                    Some(block) => {
                        let until = now_ms.saturating_add(block.saturating_mul(1000));
                        self.blocked_until.insert(slot, until);
                        *block
                    }
                    None => events
                        .front()
                        .map(|&t| t.saturating_add(window_ms).saturating_sub(now_ms))
                        .unwrap_or(0)
                        .div_ceil(1000),
                };
                return Err(Exceeded {
                    retry_after_secs: retry,
                    quota: *per_secs >= 86_400,
                    error: *error,
                });
            }
            applicable.push(slot);
        }
        for slot in applicable {
            self.events.entry(slot).or_default().push_back(now_ms);
        }
        Ok(())
    }

    /// Whether minting one more `capped` object would pass a cap whose policy is
    /// [`OnExceed::Reject`] (`Err`: the first such cap). `is_live` says which remembered
    /// objects still count.
    pub fn would_reject(
        &mut self,
        defs: &[LimitDef],
        capped: Capped,
        keys: Keys<'_>,
        is_live: impl Fn(&str) -> bool,
    ) -> Result<(), CapFull> {
        for (i, def) in defs.iter().enumerate() {
            let LimitDef::Cap {
                counts,
                max,
                key,
                on_exceed: OnExceed::Reject,
                error,
                ..
            } = def
            else {
                continue;
            };
            if *counts != capped {
                continue;
            }
            let Some(k) = keys.get(*key) else { continue };
            let group = self.groups.entry((i, k)).or_default();
            group.retain(|t| is_live(t));
            if group.len() >= usize::try_from(*max).unwrap_or(usize::MAX) {
                return Err(CapFull { error: *error });
            }
        }
        Ok(())
    }

    /// Records a newly minted `capped` object and returns the objects evicted by caps whose
    /// policy is [`OnExceed::EvictOldest`].
    pub fn minted(
        &mut self,
        defs: &[LimitDef],
        capped: Capped,
        keys: Keys<'_>,
        token: &str,
        is_live: impl Fn(&str) -> bool,
    ) -> Vec<String> {
        let mut evicted = Vec::new();
        for (i, def) in defs.iter().enumerate() {
            let LimitDef::Cap {
                counts,
                max,
                key,
                on_exceed,
                ..
            } = def
            else {
                continue;
            };
            if *counts != capped {
                continue;
            }
            let Some(k) = keys.get(*key) else { continue };
            let group = self.groups.entry((i, k)).or_default();
            group.retain(|t| is_live(t));
            group.push_back(token.to_string());
            if *on_exceed == OnExceed::EvictOldest {
                let max = usize::try_from(*max).unwrap_or(usize::MAX);
                while group.len() > max {
                    if let Some(old) = group.pop_front() {
                        evicted.push(old);
                    }
                }
            }
        }
        evicted
    }

    /// Records `n` past `counted` events at `now_ms` in every rate limit kept per `keys`,
    /// without checking anything (to bring a daily quota near its end without making the
    /// calls).
    pub fn preload(
        &mut self,
        defs: &[LimitDef],
        counted: Counted,
        keys: Keys<'_>,
        now_ms: u64,
        n: usize,
    ) {
        for (i, def) in defs.iter().enumerate() {
            let LimitDef::Rate { counts, key, .. } = def else {
                continue;
            };
            if *counts != counted {
                continue;
            }
            let Some(k) = keys.get(*key) else { continue };
            let events = self.events.entry((i, k)).or_default();
            events.extend(std::iter::repeat_n(now_ms, n));
        }
    }

    /// Takes one slot of every `capped` concurrency cap kept per `keys`, or none at all when
    /// one of them is full (whatever its policy: an evicted call cannot be taken back, so a
    /// full concurrency cap always refuses).
    pub fn enter(
        &mut self,
        defs: &[LimitDef],
        capped: Capped,
        keys: Keys<'_>,
    ) -> Result<Slots, CapFull> {
        let mut slots = Vec::new();
        for (i, def) in defs.iter().enumerate() {
            let LimitDef::Cap {
                counts,
                max,
                key,
                error,
                ..
            } = def
            else {
                continue;
            };
            if *counts != capped {
                continue;
            }
            let Some(k) = keys.get(*key) else { continue };
            let slot = (i, k);
            if self.in_flight.get(&slot).copied().unwrap_or(0) >= *max {
                return Err(CapFull { error: *error });
            }
            slots.push(slot);
        }
        for slot in &slots {
            *self.in_flight.entry(slot.clone()).or_default() += 1;
        }
        Ok(Slots(slots))
    }

    /// Gives back the slots an admitted call held.
    pub fn leave(&mut self, slots: Slots) {
        for slot in slots.0 {
            if let Some(n) = self.in_flight.get_mut(&slot) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    self.in_flight.remove(&slot);
                }
            }
        }
    }

    /// The most slots taken in any one `capped` cap (calls in flight, for the instance-wide
    /// cap of a single-instance simulator).
    pub fn in_flight(&self, defs: &[LimitDef], capped: Capped) -> u32 {
        self.in_flight
            .iter()
            .filter(|((i, _), _)| {
                matches!(defs.get(*i), Some(LimitDef::Cap { counts, .. }) if *counts == capped)
            })
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0)
    }

    /// Drops the groups kept per a refresh token that no longer exists.
    pub fn forget_refresh(&mut self, token: &str) {
        self.groups.retain(|(_, k), _| k != token);
    }
}
