//! Fleet scale: cached reads of one source among N (1 to 1M), at random, side by side in one
//! run with the maps a user would write instead, holding the same tokens; and what a source
//! costs in memory, from a counting global allocator.
//!
//! - **ours**: N [`TokenSource`]s built from one client (`TokenSource::client_credentials`
//!   with a subject each, as a service holding one source per customer builds them), each
//!   seeded with [`TokenSource::set`]; a read is `sources[i].token().await` (an
//!   `Arc<TokenSet>`), and `with_token` reading the access token's length.
//! - **`Mutex<HashMap<u64, Arc<str>>>`**, **`ArcSwap<HashMap<u64, Arc<str>>>`**,
//!   **`DashMap<u64, Arc<str>>`** and **moka's `sync::Cache<u64, Arc<str>>`**, each holding
//!   the same access tokens; a read clones the `Arc<str>` out (std's default hasher, as users
//!   write them).
//!
//! Every contender reads the same precomputed random indexes. A sample times a batch of
//! [`BATCH`] reads; the figure is the median over [`samples`] samples of ns per read. On two
//! threads, every contender runs as two tasks on one shared 2-worker multi-thread tokio
//! runtime (as services run them), each timing its own batches.
//!
//! Run: `cargo bench -p oauth-bench --bench fleet` (`FLEET_NS=1,2,100` to pick the N,
//! `FLEET_ONLY=ours,Mutex` the contenders, `FLEET_SAMPLES=50` the samples, and
//! `FLEET_ONE_THREAD=1` to skip the two-thread runs, `FLEET_BALLAST=500` to allocate each
//! map token beside 500 bytes of other data, as a service's tokens arrive, and
//! `FLEET_LAYOUTS=1` to add two layout bounds, see [`fleet_layouts`]).
//! It never talks to the network: sources are seeded and read from their cache only.

use std::alloc::System;
use std::collections::HashMap;
use std::future::Future;
use std::hint::black_box;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use dashmap::DashMap;
use oauth_bench::ours::BENCH_PROVIDER;
use oauth_runtime::__private::engine::Client;
use oauth_runtime::{Credentials, TokenSet, TokenSource};
use stats_alloc::{StatsAlloc, INSTRUMENTED_SYSTEM};

mod fleet_layouts;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Reads per timed sample.
const BATCH: usize = 2_000;
/// Samples per contender, N and thread count (`FLEET_SAMPLES` to change).
fn samples() -> usize {
    std::env::var("FLEET_SAMPLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300)
}

/// Whether the contender named `name` runs (`FLEET_ONLY=ours,Mutex`: those whose names
/// contain one of the words; all unless set).
fn selected(name: &str) -> bool {
    std::env::var("FLEET_ONLY").map_or(true, |only| only.split(',').any(|w| name.contains(w)))
}
/// Precomputed random indexes (a power of two), read in turn.
const INDEXES: usize = 1 << 20;

/// Bytes currently allocated.
fn heap() -> isize {
    let s = GLOBAL.stats();
    isize::try_from(s.bytes_allocated).unwrap_or(isize::MAX)
        - isize::try_from(s.bytes_deallocated).unwrap_or(isize::MAX)
        + s.bytes_reallocated
}

/// The access token of source `i`: 40 bytes, distinct per source.
fn access_token(i: usize) -> String {
    format!("at-{i:037}")
}

/// The refresh token of source `i`: 40 bytes.
fn refresh_token(i: usize) -> String {
    format!("rt-{i:037}")
}

fn token_set(i: usize) -> TokenSet {
    let mut t = TokenSet::bearer(access_token(i), Some(Duration::from_secs(24 * 3600)));
    t.refresh_token = Some(oauth_runtime::RefreshToken::new(refresh_token(i)));
    t
}

/// xorshift64*: the same indexes for every contender.
fn indexes(n: usize) -> Arc<Vec<u32>> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let n = u64::try_from(n).unwrap_or(u64::MAX);
    Arc::new(
        (0..INDEXES)
            .map(|_| {
                x ^= x >> 12;
                x ^= x << 25;
                x ^= x >> 27;
                let r = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
                u32::try_from(r % n).unwrap_or(0)
            })
            .collect(),
    )
}

/// A contender: reads the token of entry `i` and returns something that depends on it.
trait Fleet: Send + Sync + 'static {
    fn read(&self, i: u32) -> impl Future<Output = usize> + Send;
}

struct Ours(Vec<TokenSource>);
struct OursLent(Vec<TokenSource>);
struct MutexMap(Mutex<HashMap<u64, Arc<str>>>);
struct ArcSwapMap(ArcSwap<HashMap<u64, Arc<str>>>);
struct Dash(DashMap<u64, Arc<str>>);
struct Moka(moka::sync::Cache<u64, Arc<str>>);

impl Fleet for Ours {
    async fn read(&self, i: u32) -> usize {
        match self.0[i as usize].token().await {
            Ok(t) => black_box(t).access_token.secret().len(),
            Err(_) => 0,
        }
    }
}

impl Fleet for OursLent {
    async fn read(&self, i: u32) -> usize {
        self.0[i as usize]
            .with_token(|t| black_box(t.access_token.secret()).len())
            .await
            .unwrap_or(0)
    }
}

impl Fleet for MutexMap {
    async fn read(&self, i: u32) -> usize {
        let t = self
            .0
            .lock()
            .ok()
            .and_then(|m| m.get(&u64::from(i)).cloned());
        black_box(t).map_or(0, |t| t.len())
    }
}

impl Fleet for ArcSwapMap {
    async fn read(&self, i: u32) -> usize {
        let t = self.0.load().get(&u64::from(i)).cloned();
        black_box(t).map_or(0, |t| t.len())
    }
}

impl Fleet for Dash {
    async fn read(&self, i: u32) -> usize {
        let t = self.0.get(&u64::from(i)).map(|r| Arc::clone(r.value()));
        black_box(t).map_or(0, |t| t.len())
    }
}

impl Fleet for Moka {
    async fn read(&self, i: u32) -> usize {
        let t = self.0.get(&u64::from(i));
        black_box(t).map_or(0, |t| t.len())
    }
}

/// `samples` batches of reads from one task, ns per read of each.
async fn batches<F: Fleet>(f: &F, idx: &[u32], start: usize, samples: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(samples);
    let mut at = start;
    let mut sum = 0usize;
    for _ in 0..samples {
        let t0 = Instant::now();
        for _ in 0..BATCH {
            sum = sum.wrapping_add(f.read(idx[at & (INDEXES - 1)]).await);
            at += 1;
        }
        out.push(t0.elapsed().as_nanos() as f64 / BATCH as f64);
    }
    black_box(sum);
    out
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Median ns per read on one thread (a current-thread runtime) and on two (two tasks on one
/// shared 2-worker runtime, both tasks' samples together).
fn measure<F: Fleet>(f: Arc<F>, idx: &Arc<Vec<u32>>) -> (f64, f64) {
    let one = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime (setup)");
    let samples = samples();
    // A warm-up pass of the same length, then the timed one.
    one.block_on(batches(f.as_ref(), idx, 0, samples / 4));
    let single = median(one.block_on(batches(f.as_ref(), idx, 0, samples)));
    if std::env::var_os("FLEET_ONE_THREAD").is_some() {
        return (single, f64::NAN);
    }
    let multi = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime (setup)");
    // Both tasks held on their workers until both run (see `oauth_bench::run::on_threads`).
    let start_line = Arc::new(std::sync::Barrier::new(2));
    let two = multi.block_on(async {
        let tasks: Vec<_> = (0..2)
            .map(|k| {
                let f = Arc::clone(&f);
                let idx = Arc::clone(idx);
                let start_line = Arc::clone(&start_line);
                tokio::spawn(async move {
                    start_line.wait();
                    let start = k * (INDEXES / 2);
                    batches(f.as_ref(), &idx, start, samples / 4).await;
                    batches(f.as_ref(), &idx, start, samples).await
                })
            })
            .collect();
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.expect("a reading task (bench)"));
        }
        all
    });
    (single, median(two))
}

fn client() -> Client {
    Client::builder(
        &BENCH_PROVIDER,
        Credentials::new("bench-client", "bench-secret"),
    )
    .build()
    .expect("the bench client (setup)")
}

/// N sources from one client, seeded; with the heap bytes they took and the bytes of their
/// token strings.
fn our_sources(client: &Client, n: usize) -> (Vec<TokenSource>, isize, usize) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime (setup)");
    let sets: Vec<TokenSet> = (0..n).map(token_set).collect();
    let strings: usize = sets
        .iter()
        .map(|t| {
            t.access_token.secret().len() + t.refresh_token.as_ref().map_or(0, |r| r.secret().len())
        })
        .sum();
    let before = heap();
    let mut sources = Vec::with_capacity(n);
    rt.block_on(async {
        for (i, set) in sets.into_iter().enumerate() {
            let s = TokenSource::client_credentials(client, &format!("customer-{i}"), Vec::new())
                .build();
            s.set(set).await.expect("seeding a source (setup)");
            sources.push(s);
        }
    });
    // The caller's Vec of handles is the caller's, not the sources'.
    let vec_bytes = isize::try_from(n * std::mem::size_of::<TokenSource>()).unwrap_or(0);
    // The sets were built before `before`: what they own moved into the sources, so the
    // bytes they hold (token strings included) count from the strings below, not the heap.
    let set_bytes = isize::try_from(n * set_heap_bytes()).unwrap_or(0);
    (sources, heap() - before - vec_bytes + set_bytes, strings)
}

/// What one seeded set owns on the heap, token strings included, measured on one.
fn set_heap_bytes() -> usize {
    let before = heap();
    let t = token_set(0);
    let after = heap();
    drop(t);
    usize::try_from(after - before).unwrap_or(0)
}

/// Measures one contender over the given indexes (see [`measure`]).
type Measure = Box<dyn Fn(&Arc<Vec<u32>>) -> (f64, f64)>;

/// The maps holding N tokens, and the blocks allocated between their tokens (see below), for
/// the caller to keep while it measures.
fn maps(n: usize) -> (Vec<(&'static str, Measure)>, Vec<Vec<u8>>) {
    // `FLEET_BALLAST=500`: each token allocated beside a block of that many bytes, as the
    // tokens of a service arrive among the allocations of the responses that carried them
    // (and as ours' sets are allocated); 0, the default: back to back.
    let ballast_bytes: usize = std::env::var("FLEET_BALLAST")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut ballast: Vec<Vec<u8>> = Vec::new();
    let tokens: Vec<(u64, Arc<str>)> = (0..n)
        .map(|i| {
            if ballast_bytes > 0 {
                ballast.push(vec![1u8; ballast_bytes]);
            }
            (i as u64, Arc::<str>::from(access_token(i)))
        })
        .collect();
    let hash: HashMap<u64, Arc<str>> = tokens.iter().cloned().collect();
    let mutex = Arc::new(MutexMap(Mutex::new(hash.clone())));
    let swap = Arc::new(ArcSwapMap(ArcSwap::from_pointee(hash.clone())));
    let dash = Arc::new(Dash(tokens.iter().cloned().collect()));
    let cache = moka::sync::Cache::new(u64::try_from(n).unwrap_or(u64::MAX));
    for (k, v) in &tokens {
        cache.insert(*k, Arc::clone(v));
    }
    cache.run_pending_tasks();
    let moka = Arc::new(Moka(cache));
    let contenders: Vec<(&'static str, Measure)> = vec![
        (
            "Mutex<HashMap<u64, Arc<str>>>",
            Box::new(move |idx| measure(Arc::clone(&mutex), idx)),
        ),
        (
            "ArcSwap<HashMap<u64, Arc<str>>>",
            Box::new(move |idx| measure(Arc::clone(&swap), idx)),
        ),
        (
            "DashMap<u64, Arc<str>>",
            Box::new(move |idx| measure(Arc::clone(&dash), idx)),
        ),
        (
            "moka::sync::Cache<u64, Arc<str>>",
            Box::new(move |idx| measure(Arc::clone(&moka), idx)),
        ),
    ];
    (contenders, ballast)
}

fn main() {
    let ns: Vec<usize> = std::env::var("FLEET_NS")
        .unwrap_or_else(|_| "1,2,100,10000,100000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let client = client();
    println!(
        "size_of TokenSource {} B, TokenSet {} B (access token at offset {})",
        std::mem::size_of::<TokenSource>(),
        std::mem::size_of::<TokenSet>(),
        std::mem::offset_of!(TokenSet, access_token)
    );
    println!("| N | contender | 1 thread, median ns/read | 2 threads, median ns/read |");
    println!("|---:|---|---:|---:|");
    for &n in &ns {
        let idx = indexes(n);
        let (sources, bytes, strings) = our_sources(&client, n);
        let per_source = (bytes as f64 - strings as f64) / n as f64;
        let ours = Arc::new(Ours(sources.clone()));
        if selected("ours, `token()`") {
            let (a1, a2) = measure(Arc::clone(&ours), &idx);
            println!("| {n} | ours, `token()` | {a1:.1} | {a2:.1} |");
        }
        if selected("ours, `with_token`") {
            let lent = Arc::new(OursLent(sources.clone()));
            let (l1, l2) = measure(lent, &idx);
            println!("| {n} | ours, `with_token` | {l1:.1} | {l2:.1} |");
        }
        if std::env::var_os("FLEET_LAYOUTS").is_some() {
            let (b1, b2) = measure(Arc::new(fleet_layouts::by_index(n)), &idx);
            println!("| {n} | bound: slots by index | {b1:.1} | {b2:.1} |");
            let (h1, h2) = measure(Arc::new(fleet_layouts::handles(n)), &idx);
            println!("| {n} | bound: slots behind handles | {h1:.1} | {h2:.1} |");
        }
        let (contenders, _ballast) = maps(n);
        for (name, run) in contenders {
            if !selected(name) {
                continue;
            }
            let (m1, m2) = run(&idx);
            println!("| {n} | {name} | {m1:.1} | {m2:.1} |");
        }
        println!(
            "memory N={n}: {bytes} heap bytes for the sources ({:.0} B per source; {:.0} B \
             per source excluding the {strings} bytes of token strings; {:.1} MiB in all)",
            bytes as f64 / n as f64,
            per_source,
            bytes as f64 / (1024.0 * 1024.0)
        );
        drop(ours);
        drop(sources);
    }
}
