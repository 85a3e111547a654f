//! Multi-process soak over one Redis store (feature `redis`): eight OS processes share one
//! token while the local endpoint issues tokens that live 2 s, for 30 s of steady requests
//! ([`soak::SECS_ENV`] shortens it). The endpoint must see one refresh per expiry window and
//! no process may ever get a token error.
//!
//! The processes are this test binary run again with `--exact redis_soak_worker`; that test
//! does nothing unless [`soak::WORKER_ENV`] is set.
#![cfg(feature = "redis")]

mod common;
mod soak;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use common::set;
use oauth_runtime::store::RedisStore;
use oauth_runtime::{TokenSource, TokenStore};
use soak::{Endpoint, Grant, Plan, WorkerConfig};

#[path = "common/redis_server.rs"]
mod redis_server;

use redis_server::RedisServer;

const WORKERS: u32 = 8;
const LIFETIME: Duration = Duration::from_secs(2);
/// Well above loopback latency (so no request carries a token past its expiry) and well below
/// the lifetime (so a token serves 1.5 s).
const SKEW: Duration = Duration::from_millis(500);

/// A worker process: runs only when re-executed by the soak test.
#[test]
fn redis_soak_worker() {
    let Some(cfg) = soak::worker_config() else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let report = rt.block_on(async {
        let store: Arc<dyn TokenStore> = Arc::new(RedisStore::connect(&cfg.store).await.unwrap());
        soak::run_soak(&cfg, store).await
    });
    report.print();
}

/// One soak: `workers` processes over a fresh redis-server, refreshing (rotating refresh
/// tokens) against an endpoint that answers token requests after `delay`.
struct Soak {
    title: &'static str,
    workers: u32,
    run: Duration,
    lifetime: Duration,
    skew: Duration,
    lock_ttl: Duration,
    delay: Duration,
}

impl Soak {
    async fn run(&self) {
        let server = RedisServer::start();
        let endpoint = Endpoint::start_slow(self.lifetime, Some("rt-0".into()), self.delay).await;
        // Time for the processes to start on a busy machine; they all begin together then.
        let start = SystemTime::now() + Duration::from_millis(1500);
        let cfgs: Vec<_> = (1..=self.workers)
            .map(|id| WorkerConfig {
                id,
                role: "soak".into(),
                store: server.url.clone(),
                origin: endpoint.origin.clone(),
                grant: Grant::Refresh,
                skew_ms: self.skew.as_millis() as u64,
                poll_ms: 10,
                lock_ttl_ms: self.lock_ttl.as_millis() as u64,
                start_unix_ms: soak::unix_ms(start),
                run_ms: self.run.as_millis() as u64,
                tasks: 2,
                every_ms: 20,
            })
            .collect();
        // The processes start from a stored set whose access token has expired: the first
        // window is a refresh too, raced by all of them at once.
        let key = TokenSource::refreshing(&soak::client(&cfgs[0]), "soak")
            .build()
            .key()
            .to_string();
        RedisStore::connect(&server.url)
            .await
            .unwrap()
            .save(&key, &set("at-0-expired", Some("rt-0"), 0))
            .await
            .unwrap();
        let outcomes = soak::run_all("redis_soak_worker", &cfgs).await;
        soak::check(
            &Plan {
                title: self.title,
                start,
                workers: self.workers,
                run: self.run,
                lifetime: self.lifetime,
                skew: self.skew,
            },
            &endpoint,
            &outcomes,
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_processes_sharing_redis_refresh_once_per_window_without_token_errors() {
    Soak {
        title: "RedisStore soak",
        workers: WORKERS,
        run: soak::duration(30),
        lifetime: LIFETIME,
        skew: SKEW,
        lock_ttl: Duration::from_secs(5),
        delay: Duration::ZERO,
    }
    .run()
    .await;
}

/// A refresh that takes longer than the lock TTL (a slow provider) keeps its lock: nobody else
/// refreshes meanwhile with the refresh token the slow request is rotating away.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_slower_than_the_lock_ttl_keeps_the_lock() {
    Soak {
        title: "RedisStore, token endpoint slower than the lock TTL",
        workers: 4,
        run: Duration::from_secs(5),
        lifetime: Duration::from_secs(3),
        skew: Duration::from_secs(1),
        // Expires mid-fetch unless extended; waiters wait up to twice this, past the delay.
        lock_ttl: Duration::from_millis(600),
        delay: Duration::from_millis(900),
    }
    .run()
    .await;
}

/// What the slow refresh relies on: `extend` keeps a held lock past its TTL, and cannot revive
/// one that expired and was taken by someone else.
#[tokio::test]
async fn extend_keeps_a_held_lock_and_never_steals_a_taken_one() {
    let server = RedisServer::start();
    let store = RedisStore::connect(&server.url).await.unwrap();
    let ttl = Duration::from_millis(300);
    let a = store.lock("k", ttl).await.unwrap().expect("free lock");
    for _ in 0..3 {
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert!(a.extend(ttl).await.unwrap(), "still held");
    }
    // 450 ms after it was taken with a 300 ms TTL, it is still held.
    assert!(store.lock("k", ttl).await.unwrap().is_none());
    a.release().await.unwrap();
    let late = store
        .lock("k", Duration::from_millis(100))
        .await
        .unwrap()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let now_held = store
        .lock("k", Duration::from_secs(10))
        .await
        .unwrap()
        .expect("expired");
    assert!(!late.extend(Duration::from_secs(10)).await.unwrap(), "lost");
    assert!(
        store.lock("k", ttl).await.unwrap().is_none(),
        "the new holder keeps it"
    );
    drop(late);
    now_held.release().await.unwrap();
}
