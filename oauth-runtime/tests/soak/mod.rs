//! The multi-process soak harness shared by `redis_multiprocess` and `file_store_multiprocess`.
//!
//! The test process runs a local token endpoint and a protected API (axum on 127.0.0.1) whose
//! tokens live a few seconds, then re-executes its own test binary as worker processes
//! (`<exe> --exact <worker test> --nocapture`, configured through [`WORKER_ENV`]). Each worker
//! builds its own `TokenSource` over a store shared with the others, makes steady requests
//! through `AuthorizedClient`, and reports one JSON line. The endpoint records every token it
//! issues and every API call, so the parent can check what the issue asks: one token request
//! per expiry window and no token error anywhere.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::future::BoxFuture;
use oauth_runtime::{Error, TokenFetcher, TokenSet};
use serde::{Deserialize, Serialize};

mod check;
mod endpoint;
mod worker;

// Not every test binary uses every item.
#[allow(unused_imports)]
pub use check::{check, Plan};
#[allow(unused_imports)]
pub use endpoint::{Endpoint, Issued, Seen};
#[allow(unused_imports)]
pub use worker::{
    client, finish, parse_report, run_all, run_soak, source, spawn, wait_for_start, Outcome,
};

/// Set (to a JSON [`WorkerConfig`]) only in worker processes: the worker test does nothing
/// without it.
pub const WORKER_ENV: &str = "OAUTH_SOAK_WORKER";
/// Overrides the soak duration in seconds (CI budgets).
pub const SECS_ENV: &str = "OAUTH_SOAK_SECS";
/// The line prefix of a worker's report on stdout.
pub const REPORT: &str = "SOAK-REPORT ";
/// The header carrying the worker id on every request a worker makes.
pub const WORKER_HEADER: &str = "x-soak-worker";
/// How much earlier than `expiry - skew` a renewal may start: stored expiry times are whole
/// milliseconds, so a set loaded from a store may look up to 1 ms older than its fetcher saw it.
pub const GAP_TOLERANCE: Duration = Duration::from_millis(2);

/// The soak duration: [`SECS_ENV`] if set, else `default_secs`.
pub fn duration(default_secs: u64) -> Duration {
    match std::env::var(SECS_ENV) {
        Ok(v) => {
            let secs: f64 = v
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("{SECS_ENV}={v:?} is not a number of seconds"));
            assert!(secs > 0.0, "{SECS_ENV} must be positive");
            Duration::from_secs_f64(secs)
        }
        Err(_) => Duration::from_secs(default_secs),
    }
}

/// Which grant the workers' sources renew with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grant {
    /// The refresh grant; the endpoint rotates refresh tokens and accepts only the latest one.
    Refresh,
    /// The client credentials grant.
    ClientCredentials,
}

/// What a worker process is told (through [`WORKER_ENV`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerConfig {
    /// Worker id (sent as [`WORKER_HEADER`]).
    pub id: u32,
    /// What to do; the test file's worker dispatches on it (`soak` unless the test says).
    pub role: String,
    /// The store: a Redis URL or a directory.
    pub store: String,
    /// `http://127.0.0.1:port` of the endpoint.
    pub origin: String,
    /// Grant.
    pub grant: Grant,
    /// `TokenSourceBuilder::skew`.
    pub skew_ms: u64,
    /// `TokenSourceBuilder::poll_interval`.
    pub poll_ms: u64,
    /// `TokenSourceBuilder::lock_ttl`.
    pub lock_ttl_ms: u64,
    /// Every worker starts at this Unix time (ms) so the run is one window-aligned span.
    pub start_unix_ms: u64,
    /// How long to make requests.
    pub run_ms: u64,
    /// Concurrent request loops in the process.
    pub tasks: u32,
    /// Each loop sends one request this often.
    pub every_ms: u64,
}

/// The config of this process, if it is a worker.
pub fn worker_config() -> Option<WorkerConfig> {
    let raw = std::env::var(WORKER_ENV).ok()?;
    Some(serde_json::from_str(&raw).expect("worker config is JSON"))
}

/// What a worker reports (one JSON line on stdout after [`REPORT`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct WorkerReport {
    /// Worker id.
    pub id: u32,
    /// API requests sent through `AuthorizedClient::send` (each may be two HTTP requests).
    pub requests: u64,
    /// Requests that succeeded.
    pub ok: u64,
    /// Requests that failed, for any reason.
    pub errors: u64,
    /// Of those, token errors (`Error::is_token_error`).
    pub token_errors: u64,
    /// The first error's message (the runtime's errors never carry a secret).
    pub first_error: Option<String>,
    /// Distinct token generations the API said this worker's successful requests used.
    pub distinct_tokens: u64,
    /// Lowest and highest generation seen.
    pub gens: Option<(u64, u64)>,
    /// Token sets this process's source obtained from the endpoint (`TokenSource::minted`).
    pub refreshes: u64,
    /// Fetch attempts, retries included (`TokenSource::fetch_attempts`).
    pub fetch_attempts: u64,
    /// Times a request loop got an older generation after a newer one.
    pub regressions: u64,
    /// Longest single `send` (ms): a waiter blocked on another process's refresh shows here.
    pub max_latency_ms: u64,
    /// Every fetch this process ran, as its fetcher saw it.
    pub fetches: Vec<FetchRecord>,
    /// Role-specific numbers (the crash test's timings).
    pub extra: BTreeMap<String, u64>,
}

/// One fetch a worker's source ran: when the token request was sent and the expiry the runtime
/// computed for the answer, both Unix microseconds on the shared system clock.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FetchRecord {
    /// Worker id.
    pub worker: u32,
    /// The generation issued (from the access token), `None` if the fetch failed.
    pub gen: Option<u64>,
    /// When the fetch started.
    pub sent_us: u64,
    /// `TokenSet::expires_at` of the result.
    pub expires_us: Option<u64>,
}

/// Wraps the runtime's own fetcher to record what each fetch asked for and got.
pub struct Recording<F> {
    worker: u32,
    inner: F,
    log: Arc<Mutex<Vec<FetchRecord>>>,
}

impl<F: TokenFetcher> TokenFetcher for Recording<F> {
    fn fetch<'a>(
        &'a self,
        current: Option<&'a TokenSet>,
    ) -> BoxFuture<'a, Result<TokenSet, Error>> {
        Box::pin(async move {
            let sent_us = unix_us(SystemTime::now());
            let r = self.inner.fetch(current).await;
            let ok = r.as_ref().ok();
            self.log.lock().unwrap().push(FetchRecord {
                worker: self.worker,
                gen: ok.and_then(|t| gen_of_token(t.access_token.secret())),
                sent_us,
                expires_us: ok.and_then(|t| t.expires_at).map(unix_us),
            });
            r
        })
    }
}

/// The generation in one of the endpoint's access tokens (`at-<gen>-<random>`).
pub fn gen_of_token(access: &str) -> Option<u64> {
    access.strip_prefix("at-")?.split('-').next()?.parse().ok()
}

impl WorkerReport {
    /// Prints the report line a parent parses.
    pub fn print(&self) {
        println!(
            "{REPORT}{}",
            serde_json::to_string(self).expect("report is JSON")
        );
    }
}

/// Unix time in milliseconds.
pub fn unix_ms(t: SystemTime) -> u64 {
    u64::try_from(t.duration_since(UNIX_EPOCH).unwrap_or_default().as_millis()).unwrap_or(0)
}

/// Unix time in microseconds.
pub fn unix_us(t: SystemTime) -> u64 {
    u64::try_from(t.duration_since(UNIX_EPOCH).unwrap_or_default().as_micros()).unwrap_or(0)
}
