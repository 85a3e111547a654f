//! Criterion benchmarks of the token cache, every contender side by side in each group:
//!
//! - `cached/1-thread`: latency of `token()` on a warm cache, one caller (ours twice: `token()`,
//!   which shares the set through an `Arc`, and `with_token`, which lends it to a closure);
//! - `cached/2-threads`: total calls per second from two tasks on one shared 2-worker
//!   multi-thread runtime, on a warm cache;
//! - `stampede/1000`, `stampede/10000`: time from releasing that many tasks together at expiry
//!   to the last answer, the endpoint answering after 50 ms. The token requests each round
//!   sent are printed after each benchmark (criterion has no place for counts; the
//!   `stampede` bench prints them as a table).
//!
//! Run: `cargo bench -p oauth-bench --bench token_cache`.

mod common;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use common::{Oauth2CheckRelease, Oauth2LockHeld, Yup, CALLERS, ENDPOINT_DELAY};
use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode, Throughput,
};
use oauth_bench::endpoint::EndpointProcess;
use oauth_bench::ours::Ours;
use oauth_bench::{run, BenchError, Contender};
use tokio::runtime::Runtime;

fn cached_one_thread<C: Contender>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    rt: &Runtime,
    endpoint: &EndpointProcess,
    c: &Arc<C>,
) {
    rt.block_on(run::warm(c.as_ref(), endpoint))
        .expect("warming the cache (setup)");
    group.bench_function(c.name(), |b| b.to_async(rt).iter(|| c.token()));
    rt.block_on(run::expect_no_requests(c.name(), endpoint))
        .expect("a warm cache sends no token request");
}

fn cached_two_threads<C: Contender>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    rt: &Runtime,
    endpoint: &EndpointProcess,
    c: &Arc<C>,
) {
    rt.block_on(run::warm(c.as_ref(), endpoint))
        .expect("warming the cache (setup)");
    group.bench_function(c.name(), |b| {
        b.iter_custom(|calls| run::on_threads(c, 2, calls).expect("cached calls from two threads"))
    });
    rt.block_on(run::expect_no_requests(c.name(), endpoint))
        .expect("a warm cache sends no token request");
}

fn stampede<C, F, Fut>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    rt: &Runtime,
    endpoint: &EndpointProcess,
    callers: usize,
    make: F,
) where
    C: Contender,
    F: Fn() -> Fut,
    Fut: Future<Output = Result<C, BenchError>>,
{
    let name = rt.block_on(make()).expect("a contender (setup)").name();
    let mut requests = Vec::new();
    group.bench_function(name, |b| {
        b.iter_custom(|rounds| {
            rt.block_on(async {
                let mut wall = Duration::ZERO;
                for _ in 0..rounds {
                    let c = Arc::new(make().await.expect("a contender (setup)"));
                    let s = run::stampede(c, endpoint, callers, ENDPOINT_DELAY)
                        .await
                        .expect("a stampede round");
                    requests.push(s.token_requests);
                    wall += s.wall;
                }
                wall
            })
        })
    });
    let (min, max) = (requests.iter().min(), requests.iter().max());
    if let (Some(min), Some(max)) = (min, max) {
        println!(
            "stampede/{callers} {name}: token requests per round {min}..={max} over {} rounds",
            requests.len()
        );
    }
}

fn benches(criterion: &mut Criterion) {
    let rt = common::runtime();
    let endpoint = common::endpoint();
    let all = rt
        .block_on(common::Contenders::new(&endpoint))
        .expect("the contenders (setup)");

    let mut group = criterion.benchmark_group("cached/1-thread");
    cached_one_thread(&mut group, &rt, &endpoint, &all.ours);
    cached_one_thread(&mut group, &rt, &endpoint, &all.ours_lent);
    cached_one_thread(&mut group, &rt, &endpoint, &all.yup);
    cached_one_thread(&mut group, &rt, &endpoint, &all.oauth2_held);
    cached_one_thread(&mut group, &rt, &endpoint, &all.oauth2_release);
    group.finish();

    let mut group = criterion.benchmark_group("cached/2-threads");
    group.throughput(Throughput::Elements(1));
    cached_two_threads(&mut group, &rt, &endpoint, &all.ours);
    cached_two_threads(&mut group, &rt, &endpoint, &all.ours_lent);
    cached_two_threads(&mut group, &rt, &endpoint, &all.yup);
    cached_two_threads(&mut group, &rt, &endpoint, &all.oauth2_held);
    cached_two_threads(&mut group, &rt, &endpoint, &all.oauth2_release);
    group.finish();
    drop(all);

    // Each round is a whole stampede (50 ms to a few hundred for a cache that does not
    // deduplicate): ten samples of whole rounds. Each round gets a contender built for it
    // (see `run::stampede`), dropped after it, so connections a pool kept from a stampede of
    // separate requests are closed before the next round.
    for callers in CALLERS {
        let mut group = criterion.benchmark_group(format!("stampede/{callers}"));
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        let origin = endpoint.origin();
        let url = endpoint.token_url();
        let (origin, url) = (origin.as_str(), url.as_str());
        stampede(&mut group, &rt, &endpoint, callers, || {
            std::future::ready(Ours::new(origin))
        });
        stampede(&mut group, &rt, &endpoint, callers, || Yup::new(url));
        stampede(&mut group, &rt, &endpoint, callers, || {
            std::future::ready(Oauth2LockHeld::new(url))
        });
        stampede(&mut group, &rt, &endpoint, callers, || {
            std::future::ready(Oauth2CheckRelease::new(url))
        });
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
}

criterion_group! {
    name = token_cache;
    config = config();
    targets = benches
}
criterion_main!(token_cache);
