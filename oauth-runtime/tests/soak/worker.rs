//! Worker processes: what one does (steady requests through `AuthorizedClient` over a shared
//! store) and how the parent starts them and collects their reports.

use std::collections::BTreeSet;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use oauth_runtime::__private::engine::Client;
use oauth_runtime::{
    AuthorizedClient, ClientCredentialsFetcher, Credentials, Error, RefreshFetcher, TokenSource,
    TokenStore,
};

use super::{
    FetchRecord, Grant, Recording, WorkerConfig, WorkerReport, REPORT, WORKER_ENV, WORKER_HEADER,
};

/// A client for the endpoint that names worker `id` on every request.
pub fn client(cfg: &WorkerConfig) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(WORKER_HEADER, cfg.id.to_string().parse().unwrap());
    let http = reqwest::Client::builder().default_headers(headers);
    Client::builder(
        crate::common::def("Soak", vec![]),
        Credentials::new("soak-client", "soak-secret"),
    )
    .origin_override(url::Url::parse(&cfg.origin).unwrap())
    .http_client(http)
    .timeout(Duration::from_secs(5))
    .build()
    .unwrap()
}

/// This worker's source over `store`: the same key in every process (provider, client id and
/// subject are the same), the runtime's fetcher for the grant (recorded into `log`), the
/// configured skew, poll interval and lock TTL.
pub fn source(
    cfg: &WorkerConfig,
    client: &Client,
    store: Arc<dyn TokenStore>,
    log: Arc<Mutex<Vec<FetchRecord>>>,
) -> TokenSource {
    let builder = match cfg.grant {
        Grant::Refresh => TokenSource::for_client(
            client,
            "soak",
            Recording {
                worker: cfg.id,
                inner: RefreshFetcher::new(client.clone()),
                log,
            },
        ),
        Grant::ClientCredentials => TokenSource::for_client(
            client,
            "soak",
            Recording {
                worker: cfg.id,
                inner: ClientCredentialsFetcher::new(client.clone(), vec![]),
                log,
            },
        ),
    };
    builder
        .store(store)
        .skew(Duration::from_millis(cfg.skew_ms))
        .poll_interval(Duration::from_millis(cfg.poll_ms))
        .lock_ttl(Duration::from_millis(cfg.lock_ttl_ms))
        .build()
}

/// Sleeps until the configured common start.
pub async fn wait_for_start(cfg: &WorkerConfig) {
    let start = UNIX_EPOCH + Duration::from_millis(cfg.start_unix_ms);
    if let Ok(wait) = start.duration_since(SystemTime::now()) {
        tokio::time::sleep(wait).await;
    }
}

#[derive(Default)]
struct LoopStats {
    requests: u64,
    ok: u64,
    errors: u64,
    token_errors: u64,
    first_error: Option<String>,
    gens: BTreeSet<u64>,
    regressions: u64,
    max_latency: Duration,
}

/// The soak role: steady requests from `cfg.tasks` loops until the run ends, then the report.
pub async fn run_soak(cfg: &WorkerConfig, store: Arc<dyn TokenStore>) -> WorkerReport {
    let client = client(cfg);
    let log = Arc::new(Mutex::new(Vec::new()));
    let source = source(cfg, &client, store, Arc::clone(&log));
    let ac = AuthorizedClient::new(client.clone(), source.clone());
    let url = client.endpoint_url("api").unwrap();
    wait_for_start(cfg).await;
    let deadline = tokio::time::Instant::now() + Duration::from_millis(cfg.run_ms);
    let every = Duration::from_millis(cfg.every_ms);
    let tasks = cfg.tasks.max(1);
    let loops: Vec<_> = (0..tasks)
        .map(|i| {
            let ac = ac.clone();
            let url = url.clone();
            tokio::spawn(async move {
                let mut s = LoopStats::default();
                let mut last_gen = 0;
                // Spread the loops over the interval so the process sends steadily.
                let first = tokio::time::Instant::now() + every * i / tasks;
                let mut tick = tokio::time::interval_at(first, every);
                tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                loop {
                    tick.tick().await;
                    if tokio::time::Instant::now() >= deadline {
                        break;
                    }
                    s.requests += 1;
                    let sent = Instant::now();
                    let r = ac.send(|http| http.get(url.clone())).await;
                    s.max_latency = s.max_latency.max(sent.elapsed());
                    match r.and_then(|resp| gen_of(&resp.body)) {
                        Ok(gen) => {
                            s.ok += 1;
                            s.gens.insert(gen);
                            if gen < last_gen {
                                s.regressions += 1;
                            }
                            last_gen = last_gen.max(gen);
                        }
                        Err(e) => {
                            s.errors += 1;
                            if e.is_token_error() {
                                s.token_errors += 1;
                            }
                            s.first_error.get_or_insert_with(|| e.to_string());
                        }
                    }
                }
                s
            })
        })
        .collect();
    let mut report = WorkerReport {
        id: cfg.id,
        ..WorkerReport::default()
    };
    let mut gens = BTreeSet::new();
    let mut max_latency = Duration::ZERO;
    for l in loops {
        let s = l.await.expect("request loop panicked");
        report.requests += s.requests;
        report.ok += s.ok;
        report.errors += s.errors;
        report.token_errors += s.token_errors;
        report.regressions += s.regressions;
        if report.first_error.is_none() {
            report.first_error = s.first_error;
        }
        gens.extend(s.gens);
        max_latency = max_latency.max(s.max_latency);
    }
    report.distinct_tokens = gens.len() as u64;
    report.gens = gens.first().copied().zip(gens.last().copied());
    report.refreshes = source.minted();
    report.fetch_attempts = source.fetch_attempts();
    report.fetches = log.lock().unwrap().clone();
    report.max_latency_ms = u64::try_from(max_latency.as_millis()).unwrap_or(u64::MAX);
    report
}

fn gen_of(body: &[u8]) -> Result<u64, Error> {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("gen").and_then(|g| g.as_u64()))
        .ok_or_else(|| Error::NoToken("the API answered without a token generation".into()))
}

/// A finished worker process.
#[derive(Debug)]
pub struct Outcome {
    /// Worker id.
    pub id: u32,
    /// Exit status.
    pub status: std::process::ExitStatus,
    /// Its report, if it printed one.
    pub report: Option<WorkerReport>,
    /// Its stdout and stderr, for failure messages.
    pub stdout: String,
    pub stderr: String,
}

/// Starts one worker: this test binary, running only `test` (`--exact`), configured by `cfg`.
pub fn spawn(test: &str, cfg: &WorkerConfig) -> tokio::process::Child {
    tokio::process::Command::new(std::env::current_exe().expect("test binary path"))
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(WORKER_ENV, serde_json::to_string(cfg).unwrap())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("re-executing the test binary")
}

/// The report in a worker's stdout (the marker may share a line with libtest's output).
pub fn parse_report(stdout: &str) -> Option<WorkerReport> {
    stdout.lines().find_map(|line| {
        let at = line.find(REPORT)?;
        serde_json::from_str(&line[at + REPORT.len()..]).ok()
    })
}

/// Waits for `child` (worker `id`) and collects what it printed.
pub async fn finish(id: u32, child: tokio::process::Child) -> Outcome {
    let out = child
        .wait_with_output()
        .await
        .expect("waiting for a worker");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    Outcome {
        id,
        status: out.status,
        report: parse_report(&stdout),
        stdout,
        stderr,
    }
}

/// Runs every worker to the end, concurrently.
pub async fn run_all(test: &str, cfgs: &[WorkerConfig]) -> Vec<Outcome> {
    let children: Vec<_> = cfgs.iter().map(|c| (c.id, spawn(test, c))).collect();
    futures::future::join_all(children.into_iter().map(|(id, c)| finish(id, c))).await
}
