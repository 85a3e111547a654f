//! Background renewal of a fleet ([`oauth_providers::Renewer`]) against the simulator, on
//! the simulator's clock: 100,000 sources whose tokens expire in the same minute are renewed
//! ahead of expiry within the provider's rate limit, and no caller is ever handed an expired
//! token; a source whose refresh token is dead is reported once and not retried; renewals
//! run at most `per_client` at once for one client and `per_provider` for one provider.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use oauth_providers::{
    Clock, Credentials, Error, RenewalEvent, Renewer, TokenFetcher, TokenSet, TokenSource,
};
use oauth_sim::Simulator;

mod fleet {
    oauth_providers::provider!("tests/specs/fleet.yaml");
}

use oauth_providers::__private::rt::__private::engine::Client;

const CLIENT_ID: &str = "fleet-client";
const CLIENT_SECRET: &str = "fleet-secret";
/// The spec's limit on token requests, per minute and client.
const RATE: u64 = 2_500;
const MINUTE: Duration = Duration::from_secs(60);

fn sim() -> Simulator {
    let path = format!("{}/tests/specs/fleet.yaml", env!("CARGO_MANIFEST_DIR"));
    let sim = Simulator::from_spec_file(&path).expect("the simulator starts");
    sim.register_client(CLIENT_ID, CLIENT_SECRET, ["http://127.0.0.1/callback"]);
    sim
}

/// The simulator's clock as the runtime's: advancing one moves both.
fn clock_of(sim: &Simulator) -> Arc<dyn Clock> {
    let sim_clock = sim.clock().clone();
    let base = Instant::now();
    Arc::new(move || base + sim_clock.now())
}

/// The generated client on the simulator's clock (its builder's `clock`): its rate limiter,
/// the expiry of what it fetches and the sources built from it all go by that clock.
fn fleet_client(sim: &Simulator, clock: &Arc<dyn Clock>) -> fleet::Fleet {
    fleet::Fleet::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .origin_override(sim.origin())
        .clock(Arc::clone(clock))
        .build()
        .expect("the client builds")
}

/// The same client from the engine's builder, for the sources below built with a fetcher
/// of the test's own (`TokenSource::for_client`, which takes the engine's client).
fn client(sim: &Simulator, clock: &Arc<dyn Clock>) -> Client {
    Client::builder(&fleet::PROVIDER, Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .origin_override(sim.origin())
        .clock(Arc::clone(clock))
        .build()
        .expect("the client builds")
}

/// A set as an earlier authorization left it: obtained at `obtained`, expiring `life` later.
fn seeded(i: usize, obtained: SystemTime, life: Duration) -> TokenSet {
    let mut t = TokenSet::bearer(format!("seed-{i}"), None);
    t.obtained_at = Some(obtained);
    t.expires_at = Some(obtained + life);
    t
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fleet_expiring_in_one_minute_is_renewed_ahead_within_the_rate_limit() {
    let sources_n: usize = std::env::var("FLEET_SOURCES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    #[allow(non_snake_case)]
    let SOURCES = sources_n;
    let sim = sim();
    let clock = clock_of(&sim);
    let client = fleet_client(&sim, &clock);
    let start = clock.wall();
    // Every token expires within the same minute, an hour from now.
    let sources: Vec<TokenSource> = (0..SOURCES)
        .map(|i| {
            let life = Duration::from_secs(3600 + (i % 60) as u64);
            client
                .client_credentials_source(&format!("customer-{i}"))
                .initial(seeded(i, start, life))
                .build()
        })
        .collect();
    // 100,000 renewals at 2,500 a minute take 40 minutes: the renewer must start them
    // 40 minutes before the planned time, earliest deadline first, at the limit's pace.
    let renewer = Renewer::builder()
        .lead(Duration::from_secs(5 * 60))
        .jitter(Duration::from_secs(5 * 60))
        .per_client(16)
        .clock(Arc::clone(&clock))
        .build();
    for s in &sources {
        renewer.watch(s);
    }
    // Token requests the provider received at each step.
    let mut per_step: Vec<u64> = Vec::new();
    let mut handed_out = 0u64;
    let step = Duration::from_secs(15);
    let mut probe = 0usize;
    // Past the last expiry, in 15 s steps of the simulated clock.
    while clock.wall() < start + Duration::from_secs(3600 + 120) {
        let before = sim_token_requests(&sim);
        renewer.renew_due().await;
        per_step.push(sim_token_requests(&sim) - before);
        // Callers: a spread of sources, each must answer from a token still valid now.
        let now = clock.wall();
        for _ in 0..200 {
            probe = (probe + 7_919) % SOURCES;
            let t = match sources[probe].token().await {
                Ok(t) => t,
                Err(e) => panic!(
                    "a caller of source {probe} got an error at +{:?}: {e}; {:?}; its set \
                     expires at +{:?}; next due +{:?}",
                    now.duration_since(start).unwrap_or_default(),
                    renewer.stats(),
                    sources[probe]
                        .cached()
                        .and_then(|c| c.expires_at)
                        .and_then(|e| e.duration_since(start).ok()),
                    renewer
                        .next_due()
                        .and_then(|d| d.duration_since(start).ok()),
                ),
            };
            let expires = t.expires_at.expect("the sets expire");
            assert!(
                expires > now,
                "source {probe} handed out a token expired {:?} ago",
                now.duration_since(expires).unwrap_or_default()
            );
            handed_out += 1;
        }
        sim.clock().advance(step);
    }
    let stats = renewer.stats();
    assert_eq!(
        stats.renewals, SOURCES as u64,
        "every source renewed once: {stats:?}"
    );
    assert_eq!(stats.failures, 0, "{stats:?}");
    assert_eq!(stats.dead, 0, "{stats:?}");
    // Every token request the provider saw was the renewer's, and it refused none.
    assert_eq!(sim_token_requests(&sim), SOURCES as u64);
    let refused = sim.requests().iter().filter(|r| r.status != 200).count();
    assert_eq!(refused, 0, "the provider refused {refused} token requests");
    let attempts: u64 = sources.iter().map(TokenSource::fetch_attempts).sum();
    assert_eq!(
        attempts, SOURCES as u64,
        "no caller had to renew a token itself"
    );
    // Within the spec's rate: no four consecutive 15 s steps (less than a minute from the
    // first to the last) above it.
    let worst = per_step.windows(4).map(|w| w.iter().sum::<u64>()).max();
    let worst = worst.unwrap_or(0);
    assert!(
        worst <= RATE,
        "{worst} token requests within a minute (limit {RATE})"
    );
    // And spread as the limit needs, not renewed in one burst: 40 minutes for 100,000.
    let first = per_step.iter().position(|&n| n > 0).unwrap_or(0);
    let last = per_step.iter().rposition(|&n| n > 0).unwrap_or(0);
    let span = Duration::from_secs(15 * (last - first) as u64);
    let needed = Duration::from_secs(60 * (SOURCES as u64 / RATE)).saturating_sub(MINUTE);
    assert!(
        span >= needed,
        "renewed within {span:?}, less than {needed:?}"
    );
    assert!(stats
        .min_time_left
        .is_some_and(|d| d >= Duration::from_secs(60)));
    assert!(handed_out > 10_000);
    sim.shutdown().await;
}

fn sim_token_requests(sim: &Simulator) -> u64 {
    sim.stats().token_requests.values().sum()
}

#[tokio::test]
async fn a_dead_refresh_token_is_reported_once_and_not_retried() {
    let sim = sim();
    let clock = clock_of(&sim);
    let client = fleet_client(&sim, &clock);
    let start = clock.wall();
    let mut set = seeded(0, start, Duration::from_secs(600));
    set.refresh_token = Some(oauth_providers::RefreshToken::new("never-issued"));
    let source = client.token_source("revoked-customer").initial(set).build();
    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&events);
    let renewer = Renewer::builder()
        .lead(Duration::from_secs(60))
        .jitter(Duration::ZERO)
        .backoff(Duration::from_secs(1), Duration::from_secs(4))
        .clock(Arc::clone(&clock))
        .on_event(move |e| seen.lock().expect("events").push(e.clone()))
        .build();
    renewer.watch(&source);
    for _ in 0..40 {
        renewer.renew_due().await;
        sim.clock().advance(Duration::from_secs(30));
    }
    let events = events.lock().expect("events").clone();
    assert_eq!(events.len(), 1, "one event: {events:?}");
    assert!(
        matches!(&events[0], RenewalEvent::Dead { key, .. } if **key == *source.key()),
        "{events:?}"
    );
    assert_eq!(sim_token_requests(&sim), 1, "asked once, never again");
    assert_eq!(renewer.stats().dead, 1);
    assert_eq!(renewer.stats().watched, 0);
    // The event names the key, never the refresh token.
    assert!(!format!("{events:?}").contains("never-issued"));
    sim.shutdown().await;
}

/// Renewals in flight, for one client and for all, with the most seen at once.
#[derive(Default)]
struct InFlight {
    now: AtomicUsize,
    most: AtomicUsize,
}

impl InFlight {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
    }

    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A fetcher that takes 20 ms (real time) and counts how many of its client's fetches, and
/// of every client's, run at once.
struct Counting {
    client: Arc<InFlight>,
    all: Arc<InFlight>,
    clock: Arc<dyn Clock>,
}

impl TokenFetcher for Counting {
    fn fetch<'a>(
        &'a self,
        _current: Option<&'a TokenSet>,
    ) -> Pin<Box<dyn Future<Output = Result<TokenSet, Error>> + Send + 'a>> {
        Box::pin(async move {
            self.client.enter();
            self.all.enter();
            tokio::time::sleep(Duration::from_millis(20)).await;
            self.all.leave();
            self.client.leave();
            Ok(seeded(0, self.clock.wall(), Duration::from_secs(3600)))
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renewals_run_at_most_per_client_for_a_client_and_per_provider_for_the_provider() {
    const CLIENTS: usize = 3;
    const PER_CLIENT_SOURCES: usize = 12;
    const PER_CLIENT: usize = 3;
    const PER_PROVIDER: usize = 5;
    let sim = sim();
    let clock = clock_of(&sim);
    let start = clock.wall();
    let all = Arc::new(InFlight::default());
    let mut per_client = Vec::new();
    let mut sources = Vec::new();
    // Three clients of one provider (three groups: each client has its own limiter), each
    // with sources that are all due now.
    let clients: Vec<Client> = (0..CLIENTS).map(|_| client(&sim, &clock)).collect();
    for client in &clients {
        let counts = Arc::new(InFlight::default());
        for i in 0..PER_CLIENT_SOURCES {
            let fetcher = Counting {
                client: Arc::clone(&counts),
                all: Arc::clone(&all),
                clock: Arc::clone(&clock),
            };
            sources.push(
                TokenSource::for_client(client, &format!("customer-{i}"), fetcher)
                    .initial(seeded(i, start, Duration::from_secs(30)))
                    .build(),
            );
        }
        per_client.push(counts);
    }
    let renewer = Renewer::builder()
        .lead(Duration::from_secs(60))
        .jitter(Duration::ZERO)
        .per_client(PER_CLIENT)
        .per_provider(PER_PROVIDER)
        .clock(Arc::clone(&clock))
        .build();
    for s in &sources {
        renewer.watch(s);
    }
    let renewed = renewer.renew_due().await;
    assert_eq!(
        renewed,
        CLIENTS * PER_CLIENT_SOURCES,
        "every due source renewed"
    );
    let most_all = all.most.load(Ordering::SeqCst);
    assert_eq!(
        most_all, PER_PROVIDER,
        "at most {PER_PROVIDER} renewals of the provider at once, and that many reached"
    );
    for (k, counts) in per_client.iter().enumerate() {
        let most = counts.most.load(Ordering::SeqCst);
        assert!(
            most <= PER_CLIENT,
            "client {k}: {most} renewals at once, over the bound of {PER_CLIENT}"
        );
    }
    assert!(
        per_client
            .iter()
            .any(|c| c.most.load(Ordering::SeqCst) == PER_CLIENT),
        "some client reached its bound (else the test proves nothing)"
    );
    sim.shutdown().await;
}
