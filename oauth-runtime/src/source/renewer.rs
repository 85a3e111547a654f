//! [`Renewer`]: background renewal for fleets of sources, so that their callers never wait
//! for a renewal. What it does and why is on [`Renewer`] (this module is private; the type is
//! the public face). It must never log or report a secret: events carry keys and errors,
//! and neither holds one.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, SystemTime};

use oauth_model::ErrorMeaning;

use crate::clock::{Clock, RuntimeClock};
use crate::error::Error;

use super::cache::unix_ms;
use super::{Inner, TokenSource};

/// What happened to one watched source.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum RenewalEvent {
    /// Renewed ahead of expiry.
    Renewed {
        /// The source's key.
        key: Arc<str>,
        /// How long the set it replaced had left (`None`: it never expired, or there was
        /// none).
        time_left: Option<Duration>,
    },
    /// A renewal failed; it is tried again after `retry_in`.
    Failed {
        /// The source's key.
        key: Arc<str>,
        /// Failures in a row, this one included.
        failures: u32,
        /// When it is tried again.
        retry_in: Duration,
        /// Why (an [`Error`] never holds a secret).
        error: Error,
    },
    /// The source is no longer renewed: its refresh token is dead, its client is refused, or
    /// it failed [`RenewerBuilder::max_failures`] times in a row. Its account must authorize
    /// again (then [`Renewer::watch`] it again).
    Dead {
        /// The source's key.
        key: Arc<str>,
        /// The last error.
        error: Error,
    },
}

/// The renewer's counters, since it was built.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RenewerStats {
    /// Sources on the schedule.
    pub watched: usize,
    /// Renewals that succeeded.
    pub renewals: u64,
    /// Renewals that failed (each retry counts).
    pub failures: u64,
    /// Sources given up on ([`RenewalEvent::Dead`]).
    pub dead: u64,
    /// Renewals put off because the client's rate limiter had no room.
    pub rate_limited: u64,
    /// The least time a renewed set had left (`None` before the first renewal).
    pub min_time_left: Option<Duration>,
}

type OnEvent = Arc<dyn Fn(&RenewalEvent) + Send + Sync>;

/// Configures a [`Renewer`].
pub struct RenewerBuilder {
    lead: Duration,
    jitter: Duration,
    per_client: usize,
    per_provider: usize,
    max_failures: u32,
    backoff: Duration,
    max_backoff: Duration,
    tick: Duration,
    max_ahead: Duration,
    clock: RuntimeClock,
    on_event: Option<OnEvent>,
}

impl fmt::Debug for RenewerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RenewerBuilder")
            .field("lead", &self.lead)
            .field("jitter", &self.jitter)
            .field("per_client", &self.per_client)
            .field("per_provider", &self.per_provider)
            .finish_non_exhaustive()
    }
}

impl RenewerBuilder {
    /// How long before a source's own renewal time it is renewed, at least (5 minutes).
    pub fn lead(mut self, lead: Duration) -> Self {
        self.lead = lead;
        self
    }

    /// How much earlier still, at most, drawn per source (5 minutes): spreads the renewals,
    /// and so the expiries, of sets minted together.
    pub fn jitter(mut self, jitter: Duration) -> Self {
        self.jitter = jitter;
        self
    }

    /// Renewals at once for the sources of one client (8).
    pub fn per_client(mut self, n: usize) -> Self {
        self.per_client = n.max(1);
        self
    }

    /// Renewals at once for one provider, all its clients together (32).
    pub fn per_provider(mut self, n: usize) -> Self {
        self.per_provider = n.max(1);
        self
    }

    /// Failures in a row after which a source is given up on (8).
    pub fn max_failures(mut self, n: u32) -> Self {
        self.max_failures = n.max(1);
        self
    }

    /// The first backoff after a failure (10 s), doubled each failure up to `max` (10 min).
    pub fn backoff(mut self, first: Duration, max: Duration) -> Self {
        self.backoff = first;
        self.max_backoff = max.max(first);
        self
    }

    /// The longest the background task ([`Renewer::spawn`]) sleeps between two looks at the
    /// schedule (1 s): how soon it notices a clock moved by hand.
    pub fn tick(mut self, tick: Duration) -> Self {
        self.tick = tick.max(Duration::from_millis(1));
        self
    }

    /// How far ahead of its planned time a source may be renewed when the client's rate
    /// limit could not otherwise renew everything due in time (1 hour): a fleet that falls
    /// due in one minute is renewed over as long as the limit needs, earliest deadline first.
    pub fn max_ahead(mut self, ahead: Duration) -> Self {
        self.max_ahead = ahead;
        self
    }

    /// The clock the schedule goes by (the system's unless set): give the one the sources
    /// go by.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = RuntimeClock::new(clock);
        self
    }

    /// Called with every [`RenewalEvent`], on the renewing task: keep it short.
    pub fn on_event(mut self, f: impl Fn(&RenewalEvent) + Send + Sync + 'static) -> Self {
        self.on_event = Some(Arc::new(f));
        self
    }

    /// Builds the renewer (nothing runs until [`Renewer::spawn`] or [`Renewer::renew_due`]).
    pub fn build(self) -> Renewer {
        Renewer {
            inner: Arc::new(State {
                config: self,
                schedule: Mutex::new(Schedule::default()),
                pass: tokio::sync::Mutex::new(()),
                wake: tokio::sync::Notify::new(),
                counters: Counters::default(),
            }),
        }
    }
}

/// One watched source on the schedule, keyed by `(due, order)`.
struct Entry {
    /// When it falls due for the source itself (Unix ms), the last time it was looked at.
    deadline: u64,
    failures: u32,
    /// Its group ([`TokenSource::group`]) and that group's rate (renewals allowed per ms,
    /// `None` without a limiter).
    group: usize,
    rate: Option<f64>,
    source: Weak<Inner>,
}

#[derive(Default)]
struct Schedule {
    /// By planned renewal time (Unix ms on the renewer's clock), then insertion order.
    entries: BTreeMap<(u64, u64), Entry>,
    next_order: u64,
}

#[derive(Default)]
struct Counters {
    renewals: AtomicU64,
    failures: AtomicU64,
    dead: AtomicU64,
    rate_limited: AtomicU64,
    /// Milliseconds; `u64::MAX` before the first renewal.
    min_time_left: AtomicU64,
    started: AtomicU64,
}

struct State {
    config: RenewerBuilder,
    schedule: Mutex<Schedule>,
    /// One pass over the due sources at a time.
    pass: tokio::sync::Mutex<()>,
    /// Wakes the background task when a source is watched.
    wake: tokio::sync::Notify,
    counters: Counters,
}

/// Renews many [`TokenSource`]s ahead of expiry, within the providers' limits. Cheap to
/// clone; clones share the schedule.
///
/// A service holding one [`TokenSource`] per connected account (10k to 1M of them) cannot
/// leave renewal to its callers: the first caller after each expiry waits for the provider,
/// and a fleet authorized in one batch falls due in one minute, which no provider's rate
/// limit allows. The renewer keeps a schedule of the sources it watches, ordered by when
/// each falls due, and renews each ahead of its own renewal time:
///
/// - **ahead, with jitter**: a source is renewed at a moment drawn (stable per key) from
///   `[deadline - lead - jitter, deadline - lead]`, where `deadline` is when the source itself
///   would renew on a caller's read. Sets minted together are renewed, and so expire, at
///   different moments.
/// - **within the limits**: at most [`RenewerBuilder::per_client`] renewals at once for the
///   sources of one client (those sharing one rate limiter) and
///   [`RenewerBuilder::per_provider`] for one provider; and never more than the client's
///   [`RateLimiter`](crate::limits::RateLimiter) has room for, so the spec's rate limits hold
///   across all the sources of a client, the renewer's renewals and the callers' together. A
///   source the limiter refuses waits for the time it names and is not counted as failed.
/// - **backoff, then give up**: a failed renewal is retried after an exponential backoff
///   (with jitter); a refresh token the provider says is dead
///   ([`ErrorMeaning::RefreshTokenInvalid`](oauth_model::ErrorMeaning::RefreshTokenInvalid),
///   or a code meaning, since a renewal presents no code: Zoho's `invalid_code` for a
///   revoked refresh token), an invalid or disabled client, or
///   [`RenewerBuilder::max_failures`] failures in a
///   row, ends the watch with [`RenewalEvent::Dead`]: the account must authorize again, and
///   asking the provider for ever would only spend the client's rate limit.
///
/// A renewal goes through the source's own single flight, store lock and save-before-publish
/// rules: a caller renewing the same source at the same moment shares the fetch, and a set is
/// never handed out before the store holds it. The renewer holds sources weakly: a source
/// dropped everywhere else leaves the schedule.
///
/// It reports through `tracing` (target `oauth_runtime::renewer`: one `debug` event per
/// renewal with the time that was left, a `warn` per failure, an `error` per dead source;
/// keys, never secrets), an optional callback ([`RenewerBuilder::on_event`]) and counters
/// ([`Renewer::stats`]).
///
/// ```no_run
/// # async fn demo(sources: Vec<oauth_runtime::TokenSource>) {
/// use std::time::Duration;
/// use oauth_runtime::{RenewalEvent, Renewer};
///
/// let renewer = Renewer::builder()
///     .lead(Duration::from_secs(10 * 60))
///     .jitter(Duration::from_secs(5 * 60))
///     .per_client(8)
///     .on_event(|e| {
///         if let RenewalEvent::Dead { key, .. } = e {
///             eprintln!("{key} must authorize again");
///         }
///     })
///     .build();
/// for s in &sources {
///     renewer.watch(s);
/// }
/// let task = renewer.spawn(); // renews in the background until aborted
/// # task.abort();
/// # }
/// ```
#[derive(Clone)]
pub struct Renewer {
    inner: Arc<State>,
}

impl fmt::Debug for Renewer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Renewer")
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

/// A number in `[0, 1)` drawn from `key`, the same every time: FNV-1a, then MurmurHash3's
/// finaliser, so keys differing only in their last characters (`customer-1`, `customer-2`)
/// spread evenly.
fn spread(key: &str) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    // 53 bits of the hash, as a fraction.
    (h >> 11) as f64 / (1u64 << 53) as f64
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// What one renewal came to.
enum Outcome {
    Renewed(Option<Duration>),
    /// Renewed by someone else meanwhile, or nothing to renew yet.
    NotDue,
    Limited(Duration),
    Failed(Error),
}

impl Renewer {
    /// A renewer with the defaults (see [`RenewerBuilder`]).
    pub fn builder() -> RenewerBuilder {
        RenewerBuilder {
            lead: Duration::from_secs(5 * 60),
            jitter: Duration::from_secs(5 * 60),
            per_client: 8,
            per_provider: 32,
            max_failures: 8,
            backoff: Duration::from_secs(10),
            max_backoff: Duration::from_secs(10 * 60),
            tick: Duration::from_secs(1),
            max_ahead: Duration::from_secs(3600),
            clock: RuntimeClock::default(),
            on_event: None,
        }
    }

    fn now(&self) -> u64 {
        unix_ms(self.inner.config.clock.wall())
    }

    /// When `source` should be renewed, and its own deadline: the deadline less the lead
    /// and its share of the jitter, the jitter never more than a quarter of the time left
    /// (`None`: its set never expires, or it has none to renew from).
    fn plan(&self, source: &Inner) -> Option<(u64, u64)> {
        let deadline = source.current.deadline();
        if deadline == u64::MAX || source.current.load_full().is_none() {
            return None;
        }
        let c = &self.inner.config;
        let left = deadline.saturating_sub(self.now());
        let jitter = ms(c.jitter).min(left / 4);
        let jitter = (jitter as f64 * spread(&source.key)) as u64;
        Some((
            deadline.saturating_sub(ms(c.lead)).saturating_sub(jitter),
            deadline,
        ))
    }

    /// Puts `source` on the schedule, to be renewed ahead of its renewal time. A source
    /// without a set is fetched for after the backoff; one whose set never expires is not
    /// scheduled at all (nothing to renew). Watching a source twice renews it twice as often
    /// as needed: watch each once.
    pub fn watch(&self, source: &TokenSource) {
        self.schedule(source, None, 0);
        self.inner.wake.notify_one();
    }

    /// Schedules `source` at its planned time, or at `at` (Unix ms) when given.
    fn schedule(&self, source: &TokenSource, at: Option<u64>, failures: u32) {
        let current = &source.inner.current;
        if current.deadline() == u64::MAX && current.load_full().is_some() {
            // A set that never expires: nothing to renew, ever (Nest).
            return;
        }
        let plan = self.plan(&source.inner);
        let retry = self.now().saturating_add(ms(self.inner.config.backoff));
        let (due, deadline) = match (at, plan) {
            (Some(at), Some((_, deadline))) => (at, deadline),
            (Some(at), None) => (at, u64::MAX),
            (None, Some(p)) => p,
            (None, None) => (retry, u64::MAX),
        };
        let rate = source
            .inner
            .config
            .limiter
            .as_ref()
            .and_then(|(l, counted)| {
                l.rules()
                    .iter()
                    .filter(|r| r.applies_to(*counted) && !r.per.is_zero())
                    .map(|r| f64::from(r.max) / r.per.as_millis() as f64)
                    .reduce(f64::min)
            });
        let entry = Entry {
            deadline,
            failures,
            group: source.group(),
            rate,
            source: Arc::downgrade(&source.inner),
        };
        if let Ok(mut s) = self.inner.schedule.lock() {
            let order = s.next_order;
            s.next_order += 1;
            s.entries.insert((due, order), entry);
        }
    }

    /// When the next source falls due (Unix time on the renewer's clock), if any is watched.
    pub fn next_due(&self) -> Option<SystemTime> {
        let s = self.inner.schedule.lock().ok()?;
        let (due, _) = s.entries.keys().next()?;
        Some(SystemTime::UNIX_EPOCH + Duration::from_millis(*due))
    }

    /// The counters.
    pub fn stats(&self) -> RenewerStats {
        let c = &self.inner.counters;
        let min = c.min_time_left.load(Ordering::Relaxed);
        RenewerStats {
            watched: self.inner.schedule.lock().map_or(0, |s| s.entries.len()),
            renewals: c.renewals.load(Ordering::Relaxed),
            failures: c.failures.load(Ordering::Relaxed),
            dead: c.dead.load(Ordering::Relaxed),
            rate_limited: c.rate_limited.load(Ordering::Relaxed),
            min_time_left: (c.renewals.load(Ordering::Relaxed) > 0 && min != u64::MAX)
                .then(|| Duration::from_millis(min)),
        }
    }

    /// Takes off the schedule what this pass renews: every source due by `now`, and, in
    /// each group with a rate limit, as many of the next ones (earliest first, up to
    /// [`RenewerBuilder::max_ahead`]) as must start now for the rest to be renewed in time
    /// at that rate: the `i`-th source of a group due at `t` must start now if `i + 1`
    /// renewals do not fit in the time to `t` at the group's rate.
    fn take_due(&self, now: u64) -> Vec<((u64, u64), Entry)> {
        let Ok(mut s) = self.inner.schedule.lock() else {
            return Vec::new();
        };
        let until = now.saturating_add(ms(self.inner.config.max_ahead));
        let mut seen: HashMap<usize, usize> = HashMap::new();
        let mut need: HashMap<usize, usize> = HashMap::new();
        for (&(due, _), e) in s.entries.range(..(until, u64::MAX)) {
            let i = seen.entry(e.group).or_default();
            *i += 1;
            let late = match e.rate {
                _ if due <= now => true,
                Some(rate) => *i as f64 > rate * (due - now) as f64,
                None => false,
            };
            if late {
                need.insert(e.group, *i);
            }
        }
        let mut taken: HashMap<usize, usize> = HashMap::new();
        let mut keys = Vec::new();
        for (&key, e) in s.entries.range(..(until, u64::MAX)) {
            let t = taken.entry(e.group).or_default();
            if *t < need.get(&e.group).copied().unwrap_or(0) {
                *t += 1;
                keys.push(key);
            }
        }
        keys.into_iter()
            .filter_map(|k| s.entries.remove(&k).map(|e| (k, e)))
            .collect()
    }

    /// Renews every watched source that is due now (and those that must start early for a
    /// rate-limited fleet to be renewed in time), within the concurrency bounds and the
    /// clients' rate limiters; returns how many it renewed. Sources the limiters have no
    /// room for stay on the schedule, first in line. [`Renewer::spawn`] calls this in a loop;
    /// a test driving a manual clock calls it after each step.
    pub async fn renew_due(&self) -> usize {
        let _pass = self.inner.pass.lock().await;
        if self.inner.counters.started.swap(1, Ordering::Relaxed) == 0 {
            self.inner
                .counters
                .min_time_left
                .store(u64::MAX, Ordering::Relaxed);
        }
        let c = &self.inner.config;
        let now = self.now();
        let mut tasks = tokio::task::JoinSet::new();
        let mut per_group: HashMap<usize, usize> = HashMap::new();
        let mut per_provider: HashMap<&'static str, usize> = HashMap::new();
        let mut blocked: Vec<usize> = Vec::new();
        let mut put_back = Vec::new();
        let mut renewed = 0;
        for (key, entry) in self.take_due(now) {
            let Some(inner) = entry.source.upgrade() else {
                continue;
            };
            let source = TokenSource { inner };
            let group = entry.group;
            let provider = source.inner.config.provider.unwrap_or("");
            if blocked.contains(&group) {
                put_back.push((key, entry));
                continue;
            }
            // Wait for room under both bounds.
            while per_group.get(&group).copied().unwrap_or(0) >= c.per_client
                || per_provider.get(provider).copied().unwrap_or(0) >= c.per_provider
            {
                match tasks.join_next().await {
                    Some(Ok((g, p, n))) => {
                        renewed += n;
                        if let Some(v) = per_group.get_mut(&g) {
                            *v = v.saturating_sub(1);
                        }
                        if let Some(v) = per_provider.get_mut(p) {
                            *v = v.saturating_sub(1);
                        }
                    }
                    Some(Err(_)) | None => break,
                }
            }
            if let Some((limiter, counted)) = &source.inner.config.limiter {
                let in_flight = per_group.get(&group).copied().unwrap_or(0);
                if limiter.remaining(*counted) as usize <= in_flight {
                    self.inner
                        .counters
                        .rate_limited
                        .fetch_add(1, Ordering::Relaxed);
                    blocked.push(group);
                    put_back.push((key, entry));
                    continue;
                }
            }
            *per_group.entry(group).or_default() += 1;
            *per_provider.entry(provider).or_default() += 1;
            let me = self.clone();
            tasks.spawn(async move {
                let n = me.renew_one(source, entry).await;
                (group, provider, n)
            });
        }
        while let Some(done) = tasks.join_next().await {
            if let Ok((_, _, n)) = done {
                renewed += n;
            }
        }
        if let Ok(mut s) = self.inner.schedule.lock() {
            for (key, entry) in put_back {
                s.entries.insert(key, entry);
            }
        }
        renewed
    }

    /// Renews one due source and puts it back on the schedule (or not, if dead); 1 if it was
    /// renewed.
    async fn renew_one(&self, source: TokenSource, entry: Entry) -> usize {
        let c = &self.inner.config;
        let counters = &self.inner.counters;
        let key = Arc::clone(&source.inner.key);
        // Renew it unless someone did since it was planned (its deadline moved on).
        let outcome = match source.renew_ahead(entry.deadline).await {
            Ok(Some(left)) => Outcome::Renewed(left),
            Ok(None) => Outcome::NotDue,
            Err(Error::LimitReached { retry_after, .. }) => Outcome::Limited(retry_after),
            Err(e) => Outcome::Failed(e),
        };
        let now = self.now();
        match outcome {
            Outcome::Renewed(time_left) => {
                counters.renewals.fetch_add(1, Ordering::Relaxed);
                if let Some(left) = time_left {
                    counters
                        .min_time_left
                        .fetch_min(ms(left), Ordering::Relaxed);
                }
                tracing::debug!(
                    target: "oauth_runtime::renewer",
                    key = %key,
                    time_left_ms = time_left.map(ms),
                    "renewed ahead of expiry"
                );
                self.emit(&RenewalEvent::Renewed { key, time_left });
                // Never sooner than the backoff: a provider handing out short-lived sets
                // must not turn the renewer into a loop.
                let soonest = now.saturating_add(ms(c.backoff));
                let due = self.plan(&source.inner).map(|(due, _)| due.max(soonest));
                self.schedule(&source, Some(due.unwrap_or(soonest)), 0);
                1
            }
            Outcome::NotDue => {
                let soonest = now.saturating_add(1);
                let due = self.plan(&source.inner).map(|(due, _)| due.max(soonest));
                self.schedule(&source, due, entry.failures);
                0
            }
            Outcome::Limited(wait) => {
                counters.rate_limited.fetch_add(1, Ordering::Relaxed);
                self.schedule(
                    &source,
                    Some(now.saturating_add(ms(wait).max(1))),
                    entry.failures,
                );
                0
            }
            Outcome::Failed(error) => {
                counters.failures.fetch_add(1, Ordering::Relaxed);
                let failures = entry.failures.saturating_add(1);
                // A renewal presents no code, so a code that is invalid or expired is the grant
                // it did present: Zoho answers `invalid_code` to a revoked refresh token, and its
                // one rule for that code says `code_invalid`.
                let dead = matches!(
                    error.meaning(),
                    Some(
                        ErrorMeaning::RefreshTokenInvalid
                            | ErrorMeaning::CodeInvalid
                            | ErrorMeaning::CodeExpired
                            | ErrorMeaning::ClientInvalid
                            | ErrorMeaning::ClientDisabled
                    )
                ) || failures >= c.max_failures;
                if dead {
                    counters.dead.fetch_add(1, Ordering::Relaxed);
                    tracing::error!(
                        target: "oauth_runtime::renewer",
                        key = %key,
                        failures,
                        error = %error,
                        "giving up on renewing this source; it must authorize again"
                    );
                    self.emit(&RenewalEvent::Dead { key, error });
                    return 0;
                }
                let base = c
                    .backoff
                    .saturating_mul(1u32 << (failures - 1).min(16))
                    .min(c.max_backoff);
                // Up to a quarter more, drawn per source and failure count.
                let extra = base.mul_f64(0.25 * spread(&format!("{key}#{failures}")));
                let retry_in = base + extra;
                tracing::warn!(
                    target: "oauth_runtime::renewer",
                    key = %key,
                    failures,
                    retry_in_ms = ms(retry_in),
                    error = %error,
                    "renewal failed; backing off"
                );
                self.emit(&RenewalEvent::Failed {
                    key,
                    failures,
                    retry_in,
                    error,
                });
                self.schedule(&source, Some(now.saturating_add(ms(retry_in))), failures);
                0
            }
        }
    }

    fn emit(&self, event: &RenewalEvent) {
        if let Some(f) = &self.inner.config.on_event {
            f(event);
        }
    }

    /// Runs [`Renewer::renew_due`] in a loop on the current Tokio runtime, sleeping until
    /// the next source falls due (at most [`RenewerBuilder::tick`]), until the task is
    /// aborted.
    pub fn spawn(&self) -> tokio::task::JoinHandle<()> {
        let me = self.clone();
        tokio::spawn(async move {
            loop {
                me.renew_due().await;
                let tick = me.inner.config.tick;
                let wait = me
                    .next_due()
                    .and_then(|at| at.duration_since(me.inner.config.clock.wall()).ok())
                    .map_or(tick, |d| d.min(tick));
                tokio::select! {
                    () = tokio::time::sleep(wait) => {}
                    () = me.inner.wake.notified() => {}
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::spread;

    /// Keys that differ only in a counter land evenly across the jitter window: no tenth of
    /// it holds more than 12% of them.
    #[test]
    fn similar_keys_spread_evenly() {
        let mut buckets = [0u32; 10];
        for i in 0..10_000 {
            let x = spread(&format!("fleet:0123456789abcdef:client:customer-{i}"));
            assert!((0.0..1.0).contains(&x));
            buckets[(x * 10.0) as usize] += 1;
        }
        assert!(
            buckets.iter().all(|&b| (800..=1_200).contains(&b)),
            "{buckets:?}"
        );
    }
}
