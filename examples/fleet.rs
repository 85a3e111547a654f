//! A fleet: one Zoho Projects client, a token source per connected customer, and a
//! [`Renewer`] that keeps every one of them fresh in the background, offline.
//!
//! ```text
//! cargo run --example fleet
//! ```
//!
//! Against the embedded simulator, on its clock (the client's builder takes it, so the
//! client's limiter, its sources and the renewer all follow it, and two simulated hours
//! pass in seconds), it narrates:
//!
//! - customers connecting at Zoho's pace: the client refuses the 5th authorization of a
//!   minute with [`Error::LimitReached`] and its wait, instead of letting Zoho block the client
//!   id for ten minutes;
//! - one source per customer, all built from the one client, so they share its store and its
//!   limiter;
//! - a customer revoking the app: the renewer reports its dead refresh token once
//!   ([`RenewalEvent::Dead`]) and stops renewing it;
//! - two hours in one-minute steps: every other source renewed ahead of expiry, no read ever
//!   handed an expired token, and the renewer's counters.
//!
//! It has no real-provider mode: a fleet is many customers' consent. `tests/fleet_renewal.rs`
//! runs the same machinery over 100,000 sources.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use oauth_providers::providers::zoho_projects::{AccessType, ZohoProjects};
use oauth_providers::{scope, Clock, Credentials, Error, RenewalEvent, Renewer, TokenSource};
use oauth_sim::{Consent, Simulator};

#[path = "support/mod.rs"]
mod support;

use support::{duration, follow_consent, query_of, BoxError};

const SIM_CLIENT_ID: &str = "1000.FLEETEXAMPLE";
const SIM_CLIENT_SECRET: &str = "fleet-example-secret";
const SIM_REDIRECT: &str = "http://127.0.0.1/callback";

/// Customers that connect.
pub const CUSTOMERS: usize = 40;

/// Simulated time the renewer runs for, in one-minute steps.
const HOURS: u64 = 2;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    run(&mut std::io::stdout()).await
}

/// Runs the fleet against a fresh simulator, narrating into `out`.
pub async fn run(out: &mut impl Write) -> Result<(), BoxError> {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/zoho_projects.yaml");
    let sim = Simulator::from_spec_file(spec)?;
    sim.register_client(SIM_CLIENT_ID, SIM_CLIENT_SECRET, [SIM_REDIRECT]);
    let (sim_clock, base) = (sim.clock().clone(), Instant::now());
    let clock: Arc<dyn Clock> = Arc::new(move || base + sim_clock.now());
    let client = ZohoProjects::builder(Credentials::new(SIM_CLIENT_ID, SIM_CLIENT_SECRET))
        .redirect_uri(SIM_REDIRECT.parse()?)
        .origin_override(sim.origin())
        .clock(Arc::clone(&clock))
        .build()?;
    writeln!(
        out,
        "1. Started the Zoho Projects simulator at {}; one client for the whole fleet, on the \
         simulator's clock",
        sim.origin()
    )?;

    // Customers connect one after the other. Zoho allows a client id 4 authorizations a
    // minute and blocks it for 10 minutes past that: the client says when to try again.
    let started = clock.wall();
    let mut refused = 0u32;
    let mut sources = Vec::with_capacity(CUSTOMERS);
    for i in 0..CUSTOMERS {
        let customer = format!("customer-{i}");
        let (url, pending) = loop {
            let request = client
                .authorize()
                .scope(scope!(ZohoProjects.projects.READ))
                .access_type(AccessType::Offline)
                .url();
            match request {
                Ok(ready) => break ready,
                Err(Error::LimitReached { retry_after, .. }) => {
                    refused += 1;
                    sim.clock().advance(retry_after);
                }
                Err(e) => return Err(e.into()),
            }
        };
        sim.consent(Consent::Approve {
            user: customer.clone(),
        });
        let query = query_of(&follow_consent(&url).await?);
        let (_, tokens) = client.exchange_callback(pending, &query).await?;
        let source = client.token_source(&customer).build();
        source.set(tokens).await?;
        sources.push(source);
    }
    let took = clock
        .wall()
        .duration_since(started)
        .unwrap_or(Duration::ZERO);
    writeln!(
        out,
        "2. Connected {CUSTOMERS} customers, a token source each (`client.token_source(customer)`: \
         one store, one limiter, one configuration for all). Zoho allows 4 authorizations a \
         minute per client id: the client refused the next one {refused} times with \
         Error::LimitReached and the wait, so connecting took {} of the simulator's time and \
         Zoho never blocked the client id",
        duration(took)
    )?;

    // A customer uninstalls the app: its refresh token is revoked at Zoho.
    if let Some(tokens) = sources.first().and_then(TokenSource::cached) {
        client.revoke(&tokens).await?;
    }
    writeln!(
        out,
        "3. customer-0 revoked the app (its refresh token is gone at Zoho)"
    )?;

    let events: Arc<Mutex<Vec<RenewalEvent>>> = Arc::default();
    let seen = Arc::clone(&events);
    let renewer = Renewer::builder()
        .lead(Duration::from_secs(10 * 60))
        .jitter(Duration::from_secs(5 * 60))
        .per_client(4)
        .clock(Arc::clone(&clock))
        .on_event(move |e| {
            if let Ok(mut events) = seen.lock() {
                events.push(e.clone());
            }
        })
        .build();
    for source in &sources {
        renewer.watch(source);
    }
    writeln!(
        out,
        "4. A Renewer watches all {CUSTOMERS}: each renewed 10 minutes ahead of its renewal time, \
         spread over 5 more (tokens minted together do not fall due together), at most 4 at once \
         for the client, within the spec's limits"
    )?;

    // Two hours in one-minute steps; between steps, every customer's token is read, as the
    // service's requests would.
    let (mut reads, mut expired, mut unavailable) = (0u64, 0u64, 0u64);
    for _ in 0..HOURS * 60 {
        renewer.renew_due().await;
        let now = clock.wall();
        for source in sources.iter().skip(1) {
            match source.with_token(|t| t.expires_at).await {
                Ok(expires) => {
                    reads += 1;
                    if expires.is_some_and(|e| e <= now) {
                        expired += 1;
                    }
                }
                Err(_) => unavailable += 1,
            }
        }
        sim.clock().advance(Duration::from_secs(60));
    }
    let stats = renewer.stats();
    let events = events.lock().map(|e| e.clone()).unwrap_or_default();
    let mut renewed: BTreeMap<usize, u32> = BTreeMap::new();
    let mut dead = Vec::new();
    for e in &events {
        match e {
            RenewalEvent::Renewed { key, .. } => {
                if let Some(i) = customer_of(&sources, key) {
                    *renewed.entry(i).or_default() += 1;
                }
            }
            RenewalEvent::Dead { key, error } => {
                dead.push((customer_of(&sources, key), error.to_string()));
            }
            _ => {}
        }
    }
    writeln!(
        out,
        "5. {HOURS} hours later (the simulator's clock, in one-minute steps): {} renewals, each \
         customer but customer-0 renewed {} times; {} failed renewal{}; the least time a token \
         had left when it was renewed: {}",
        stats.renewals,
        renewed_times(&renewed),
        stats.failures,
        if stats.failures == 1 { "" } else { "s" },
        stats.min_time_left.map_or("none".to_string(), duration)
    )?;
    for (customer, error) in &dead {
        writeln!(
            out,
            "   RenewalEvent::Dead for customer-{} (once, never retried): {error}",
            customer.map_or("?".to_string(), |i| i.to_string())
        )?;
    }
    writeln!(
        out,
        "6. {reads} reads of the other customers' tokens between the steps: {expired} handed an \
         expired token, {unavailable} without one"
    )?;
    let sim_stats = sim.stats();
    writeln!(
        out,
        "7. Zoho saw {} authorization codes and {} refreshes",
        sim_stats.codes_issued, sim_stats.refreshes
    )?;
    if stats.dead != 1 || expired > 0 || unavailable > 0 {
        return Err("the fleet was not kept fresh".into());
    }
    sim.shutdown().await;
    Ok(())
}

/// The customer whose source has `key`.
fn customer_of(sources: &[TokenSource], key: &str) -> Option<usize> {
    sources.iter().position(|s| s.key() == key)
}

/// How many times each renewed customer was: `2` when all alike, else `1 to 3`.
fn renewed_times(renewed: &BTreeMap<usize, u32>) -> String {
    let least = renewed.values().min().copied().unwrap_or(0);
    let most = renewed.values().max().copied().unwrap_or(0);
    if least == most {
        least.to_string()
    } else {
        format!("{least} to {most}")
    }
}
