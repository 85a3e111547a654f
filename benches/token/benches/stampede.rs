//! The stampede as a table criterion cannot print: for each contender and size, the token
//! requests the endpoint received when that many callers were released together at expiry
//! (the endpoint answering after 50 ms) and the wall time to the last answer (median of the
//! rounds). A round in which any caller failed stops the bench with that caller's error.
//!
//! Run: `cargo bench -p oauth-bench --bench stampede` (`STAMPEDE_ROUNDS`, 10 unless set;
//! `STAMPEDE_DELAY_MS`, 50 unless set). A filter argument that does not match `stampede` skips
//! it, as criterion's benches do.

mod common;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use common::{Oauth2CheckRelease, Oauth2LockHeld, Yup, CALLERS};
use oauth_bench::endpoint::EndpointProcess;
use oauth_bench::ours::Ours;
use oauth_bench::run::{self, Stampede};
use oauth_bench::{BenchError, Contender};
use tokio::runtime::Runtime;

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a whole number, not {v:?}")),
        Err(_) => default,
    }
}

struct Row {
    contender: &'static str,
    callers: usize,
    rounds: Vec<Stampede>,
}

fn rounds<C, F, Fut>(
    rt: &Runtime,
    endpoint: &EndpointProcess,
    callers: usize,
    delay: Duration,
    count: u64,
    make: F,
) -> Row
where
    C: Contender,
    F: Fn() -> Fut,
    Fut: Future<Output = Result<C, BenchError>>,
{
    let mut contender = "";
    let rounds = (0..count)
        .map(|_| {
            rt.block_on(async {
                // A contender for each round: see `run::stampede`.
                let c = Arc::new(make().await.expect("a contender (setup)"));
                contender = c.name();
                run::stampede(c, endpoint, callers, delay).await
            })
            .expect("a stampede round")
        })
        .collect();
    Row {
        contender,
        callers,
        rounds,
    }
}

fn range(values: impl Iterator<Item = u64>) -> String {
    let values: Vec<u64> = values.collect();
    match (values.iter().min(), values.iter().max()) {
        (Some(min), Some(max)) if min == max => format!("{min}"),
        (Some(min), Some(max)) => format!("{min}–{max}"),
        _ => "–".into(),
    }
}

fn millis(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if !filters.is_empty() && !filters.iter().any(|f| "stampede".contains(f.as_str())) {
        return;
    }
    let count = env_number("STAMPEDE_ROUNDS", 10).max(1);
    let delay = Duration::from_millis(env_number(
        "STAMPEDE_DELAY_MS",
        u64::try_from(common::ENDPOINT_DELAY.as_millis()).unwrap_or(50),
    ));

    let rt = common::runtime();
    let endpoint = common::endpoint();
    let mut rows = Vec::new();
    for callers in CALLERS {
        let origin = endpoint.origin();
        let url = endpoint.token_url();
        let (origin, url) = (origin.as_str(), url.as_str());
        rows.push(rounds(&rt, &endpoint, callers, delay, count, || {
            std::future::ready(Ours::new(origin))
        }));
        rows.push(rounds(&rt, &endpoint, callers, delay, count, || {
            Yup::new(url)
        }));
        rows.push(rounds(&rt, &endpoint, callers, delay, count, || {
            std::future::ready(Oauth2LockHeld::new(url))
        }));
        rows.push(rounds(&rt, &endpoint, callers, delay, count, || {
            std::future::ready(Oauth2CheckRelease::new(url))
        }));
    }

    println!();
    println!(
        "Stampede: callers released together at expiry, endpoint answering after {} ms, \
         {count} round(s) each",
        delay.as_millis()
    );
    println!();
    println!("| contender | callers | token requests per round | wall time, median (ms) | wall time, min–max (ms) |");
    println!("|---|---:|---:|---:|---:|");
    for row in &rows {
        let mut walls: Vec<Duration> = row.rounds.iter().map(|r| r.wall).collect();
        walls.sort();
        let median = walls[walls.len() / 2];
        println!(
            "| {} | {} | {} | {} | {}–{} |",
            row.contender,
            row.callers,
            range(row.rounds.iter().map(|r| r.token_requests)),
            millis(median),
            millis(walls[0]),
            millis(walls[walls.len() - 1]),
        );
    }
}
