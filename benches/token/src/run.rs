//! The measuring loops every contender goes through alike: warming a cache, calls from
//! several worker threads of one runtime, and a stampede at expiry.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::endpoint::EndpointProcess;
use crate::{BenchError, Contender, FRESH_EXPIRES_IN};

/// Longest a stampede round may take before it counts as hung.
pub const STAMPEDE_TIMEOUT: Duration = Duration::from_secs(180);

/// Fills `c`'s cache with a token valid for an hour, then resets the endpoint's count, so a
/// request counted afterwards is a cache miss.
pub async fn warm<C: Contender>(c: &C, endpoint: &EndpointProcess) -> Result<(), BenchError> {
    endpoint.configure(Duration::ZERO, FRESH_EXPIRES_IN).await?;
    c.token().await?;
    endpoint.reset().await
}

/// Fails when the endpoint was asked for a token since the last reset: a warm-cache figure
/// that included a fetch would be meaningless.
pub async fn expect_no_requests(name: &str, endpoint: &EndpointProcess) -> Result<(), BenchError> {
    match endpoint.token_requests().await? {
        0 => Ok(()),
        n => Err(BenchError::msg(format!(
            "{name} asked the endpoint for {n} token(s) while its cache was warm"
        ))),
    }
}

/// Calls `c.token()` `calls` times in all, split evenly over `threads` tasks on one shared
/// multi-thread tokio runtime of `threads` workers (as services run them), all released
/// together; returns the time from the first task's start to the last task's end.
///
/// One runtime for all, not one current-thread runtime per OS thread: a contender whose
/// callers contend on a lock hands the lock over between workers of one scheduler here,
/// as in a service, rather than between two schedulers that each park their thread.
pub fn on_threads<C: Contender>(
    c: &Arc<C>,
    threads: usize,
    calls: u64,
) -> Result<Duration, BenchError> {
    let threads = threads.max(1);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()
        .map_err(|e| BenchError::new("building the shared runtime", e))?;
    // A blocking barrier, on purpose: it holds each task on its worker until all are
    // running at once. (With tokio's barrier the last task to arrive wakes the others into
    // its own worker's LIFO slot, which no other worker steals from, and a task whose cached
    // calls never yield then runs them all before the woken one starts: two tasks, one core.)
    let start_line = Arc::new(std::sync::Barrier::new(threads));
    let spans = rt.block_on(async {
        let tasks: Vec<_> = (0..threads)
            .map(|i| {
                let share = calls / threads as u64 + u64::from((i as u64) < calls % threads as u64);
                let c = Arc::clone(c);
                let start_line = Arc::clone(&start_line);
                tokio::spawn(async move {
                    start_line.wait();
                    let start = Instant::now();
                    for _ in 0..share {
                        black_box(c.token().await?);
                    }
                    Ok::<_, BenchError>((start, Instant::now()))
                })
            })
            .collect();
        let mut spans = Vec::with_capacity(threads);
        for task in tasks {
            spans.push(
                task.await
                    .map_err(|_| BenchError::msg("a calling task panicked"))??,
            );
        }
        Ok::<_, BenchError>(spans)
    })?;
    let first = spans.iter().map(|s| s.0).min();
    let last = spans.iter().map(|s| s.1).max();
    match (first, last) {
        (Some(first), Some(last)) => Ok(last.duration_since(first)),
        _ => Ok(Duration::ZERO),
    }
}

/// What one stampede round did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stampede {
    /// Callers released together.
    pub callers: usize,
    /// Token requests the endpoint received during the round.
    pub token_requests: u64,
    /// From the release to the last caller's answer.
    pub wall: Duration,
}

/// One stampede round on a contender built for it (its cache empty: a cache that renewed in an
/// earlier round would answer from its fresh token): seeds its cache with a token it treats as
/// due for renewal (what a cache holds the moment its token expires), sets the
/// endpoint to answer after `delay`, then releases `callers` tasks together on the current
/// runtime (a barrier they all wait at) and waits for every answer.
pub async fn stampede<C: Contender>(
    c: Arc<C>,
    endpoint: &EndpointProcess,
    callers: usize,
    delay: Duration,
) -> Result<Stampede, BenchError> {
    endpoint
        .configure(Duration::ZERO, c.stale_expires_in())
        .await?;
    endpoint.reset().await?;
    c.token().await?;
    if endpoint.token_requests().await? != 1 {
        return Err(BenchError::msg(format!(
            "{}: seeding the cache did not fetch exactly one token (was the cache empty?)",
            c.name()
        )));
    }
    endpoint.configure(delay, FRESH_EXPIRES_IN).await?;
    endpoint.reset().await?;
    // The seeding request leaves a pooled connection in ours and in oauth2-rs (yup-oauth2
    // pools none); a loopback connect costs far less than the 50 ms answer, so it is left.
    let gate = Arc::new(tokio::sync::Barrier::new(callers + 1));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..callers {
        let c = Arc::clone(&c);
        let gate = Arc::clone(&gate);
        tasks.spawn(async move {
            gate.wait().await;
            c.token().await.map(drop)
        });
    }
    gate.wait().await;
    let start = Instant::now();
    let mut failed = 0;
    let mut first_error = None;
    let joined = tokio::time::timeout(STAMPEDE_TIMEOUT, async {
        while let Some(joined) = tasks.join_next().await {
            let error = match joined {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => e.to_string(),
                Err(e) => format!("a caller task failed: {e}"),
            };
            failed += 1;
            first_error.get_or_insert(error);
        }
    })
    .await;
    let wall = start.elapsed();
    if joined.is_err() {
        tasks.abort_all();
        return Err(BenchError::msg(format!(
            "{}: a stampede of {callers} did not finish within {STAMPEDE_TIMEOUT:?}",
            c.name()
        )));
    }
    // A round in which callers failed measured something else than a stampede.
    if let Some(error) = &first_error {
        return Err(BenchError::msg(format!(
            "{}: {failed} of {callers} callers failed in a stampede round; the first: {error}",
            c.name()
        )));
    }
    Ok(Stampede {
        callers,
        token_requests: endpoint.token_requests().await?,
        wall,
    })
}
