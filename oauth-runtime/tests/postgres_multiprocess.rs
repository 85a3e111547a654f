//! Multi-process soak over one PostgresStore (feature `postgres`), on a real PostgreSQL the
//! test starts on 127.0.0.1: eight OS processes share one token while the local endpoint
//! issues tokens that live 2 s and rotates the refresh token on every refresh, for 10 s of
//! steady requests ([`soak::SECS_ENV`] changes it; the Redis soak runs 30 s). The endpoint must
//! see one refresh per expiry window, never a stale refresh token, and no process may get a
//! token error or present an expired token. Also: a refresh slower than the lock TTL keeps the
//! lock, and a process killed while holding the lock delays the next one only until the lock's
//! TTL (the lock row outlives its holder's connection).
//!
//! The processes are this test binary run again with `--exact postgres_soak_worker`; that test
//! does nothing unless [`soak::WORKER_ENV`] is set.
#![cfg(feature = "postgres")]

mod common;
mod soak;

#[path = "common/pg_server.rs"]
mod pg_server;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use common::set;
use oauth_runtime::store::PostgresStore;
use oauth_runtime::{TokenSource, TokenStore};
use pg_server::PgDb;
use soak::{Endpoint, Grant, Plan, WorkerConfig, WorkerReport};
use tokio::io::{AsyncBufReadExt, BufReader};

const WORKERS: u32 = 8;
const LIFETIME: Duration = Duration::from_secs(2);
/// Well above loopback latency and a Postgres round trip (so no request carries a token past
/// its expiry) and well below the lifetime (so a token serves 1.5 s).
const SKEW: Duration = Duration::from_millis(500);
/// What the lock holder prints, with the Unix time (µs) just after it took the lock.
const LOCKED: &str = "SOAK-LOCKED ";
/// The lock TTL of the crash test's holder.
const HOLD_TTL: Duration = Duration::from_secs(2);

/// A worker process: runs only when re-executed by a test below.
#[test]
fn postgres_soak_worker() {
    let Some(cfg) = soak::worker_config() else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let report = rt.block_on(async {
        let store = Arc::new(PostgresStore::connect(&cfg.store).await.unwrap());
        match cfg.role.as_str() {
            "soak" => soak::run_soak(&cfg, store).await,
            "hold" => hold(&cfg, &store).await,
            "next" => next(&cfg, store).await,
            other => panic!("unknown role {other}"),
        }
    });
    report.print();
}

/// Takes the refresh lock, says when, and sleeps until the parent kills the process.
async fn hold(cfg: &WorkerConfig, store: &PostgresStore) -> WorkerReport {
    let key = key(cfg, store);
    let guard = store
        .lock(&key, HOLD_TTL)
        .await
        .unwrap()
        .expect("the lock is free when the holder starts");
    println!("{LOCKED}{}", soak::unix_us(SystemTime::now()));
    std::io::stdout().flush().unwrap();
    tokio::time::sleep(Duration::from_secs(60)).await;
    drop(guard);
    panic!("the holder was not killed");
}

/// Gets a token through a source over the store, timing the wait.
async fn next(cfg: &WorkerConfig, store: Arc<PostgresStore>) -> WorkerReport {
    let client = soak::client(cfg);
    let log = Arc::new(Mutex::new(Vec::new()));
    let source = soak::source(cfg, &client, store, Arc::clone(&log));
    let started = Instant::now();
    let token = source
        .token()
        .await
        .expect("a token once the holder's lock expired");
    let mut report = WorkerReport {
        id: cfg.id,
        refreshes: source.minted(),
        fetch_attempts: source.fetch_attempts(),
        fetches: log.lock().unwrap().clone(),
        ..WorkerReport::default()
    };
    report.gens = soak::gen_of_token(token.access_token.secret()).map(|g| (g, g));
    report.extra.insert(
        "waited_ms".into(),
        u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    );
    report
        .extra
        .insert("got_us".into(), soak::unix_us(SystemTime::now()));
    report
}

/// The store key every worker's source uses.
fn key(cfg: &WorkerConfig, store: &PostgresStore) -> String {
    let client = soak::client(cfg);
    let log = Arc::new(Mutex::new(Vec::new()));
    soak::source(cfg, &client, Arc::new(store.clone()), log)
        .key()
        .to_string()
}

/// One soak: `workers` processes over a fresh cluster, refreshing (rotating refresh tokens)
/// against an endpoint that answers token requests after `delay`.
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
        let server = PgDb::fresh();
        let seed = PostgresStore::connect(&server.url).await.unwrap();
        seed.migrate().await.unwrap();
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
        seed.save(&key, &set("at-0-expired", Some("rt-0"), 0))
            .await
            .unwrap();
        let outcomes = soak::run_all("postgres_soak_worker", &cfgs).await;
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
        // The last rotated refresh token is the one stored: none was lost.
        let stored = seed.load(&key).await.unwrap().unwrap();
        let issued = endpoint.seen(|s| s.issued.len());
        println!(
            "stored set: generation {:?}, its refresh token stored: {}",
            soak::gen_of_token(stored.access_token.secret()),
            stored.refresh_token.is_some()
        );
        assert_eq!(
            soak::gen_of_token(stored.access_token.secret()),
            Some(issued as u64),
            "the store holds the last set issued"
        );
        assert!(stored.refresh_token.is_some());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_processes_sharing_postgres_refresh_once_per_window_without_token_errors() {
    Soak {
        title: "PostgresStore soak",
        workers: WORKERS,
        run: soak::duration(10),
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
        title: "PostgresStore, token endpoint slower than the lock TTL",
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

/// Worker `id`'s configuration for the crash test.
fn crash_config(id: u32, role: &str, url: &str, endpoint: &Endpoint) -> WorkerConfig {
    WorkerConfig {
        id,
        role: role.into(),
        store: url.to_string(),
        origin: endpoint.origin.clone(),
        grant: Grant::ClientCredentials,
        skew_ms: SKEW.as_millis() as u64,
        poll_ms: 10,
        // The next process waits up to twice this: past the holder's TTL, not much more.
        lock_ttl_ms: HOLD_TTL.as_millis() as u64,
        start_unix_ms: soak::unix_ms(SystemTime::now()),
        run_ms: 0,
        tasks: 1,
        every_ms: 20,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_killed_while_holding_the_lock_delays_the_next_only_until_its_ttl() {
    let server = PgDb::fresh();
    let here = PostgresStore::connect(&server.url).await.unwrap();
    here.migrate().await.unwrap();
    let endpoint = Endpoint::start(Duration::from_secs(60), None).await;
    let holder_cfg = crash_config(1, "hold", &server.url, &endpoint);
    let next_cfg = crash_config(2, "next", &server.url, &endpoint);
    let key = key(&holder_cfg, &here);

    let mut holder = soak::spawn("postgres_soak_worker", &holder_cfg);
    let mut lines = BufReader::new(holder.stdout.take().unwrap()).lines();
    let locked_us: u64 = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(at) = line.find(LOCKED) {
                return line[at + LOCKED.len()..].trim().parse().unwrap();
            }
        }
        panic!("the holder exited without taking the lock");
    })
    .await
    .expect("the holder took the lock in time");
    // Held by another process: this one cannot take it either.
    assert!(here.lock(&key, HOLD_TTL).await.unwrap().is_none());

    // The next process waits on the lock; the holder dies meanwhile, its connection with it.
    let next = soak::spawn("postgres_soak_worker", &next_cfg);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let killed_us = soak::unix_us(SystemTime::now());
    holder.start_kill().unwrap();
    let status = holder.wait().await.unwrap();
    assert!(!status.success(), "the holder was killed: {status}");
    assert_eq!(
        endpoint.seen(|s| s.issued.len()),
        0,
        "nothing is fetched while the lock is held"
    );
    // The dead holder's lock row is still there until its TTL passes.
    if soak::unix_us(SystemTime::now()) + 200_000 < locked_us + HOLD_TTL.as_micros() as u64 {
        assert!(
            here.lock(&key, HOLD_TTL).await.unwrap().is_none(),
            "the lock outlives its holder's connection"
        );
    }

    let out = tokio::time::timeout(Duration::from_secs(20), soak::finish(2, next))
        .await
        .expect("the next process finished");
    assert!(
        out.status.success(),
        "next worker: {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        out.stdout,
        out.stderr
    );
    let r = out.report.expect("a report from the next worker");
    let expiry_us = locked_us + HOLD_TTL.as_micros() as u64;
    let sent_us = r.fetches.first().map_or(0, |f| f.sent_us);
    let after_expiry_ms = (sent_us as i64 - expiry_us as i64) / 1000;
    println!(
        "lock holder killed {} ms after it took a {} ms lock; the next process waited {} ms, \
         fetched {after_expiry_ms} ms after the lock expired, with {} fetch(es)",
        (killed_us as i64 - locked_us as i64) / 1000,
        HOLD_TTL.as_millis(),
        r.extra["waited_ms"],
        r.fetches.len()
    );
    assert_eq!(r.refreshes, 1);
    assert_eq!(r.fetches.len(), 1);
    assert_eq!(endpoint.seen(|s| s.issued.len()), 1);
    // It fetched only once the dead holder's lock had expired, not when the holder died (the
    // holder stamped its time after the database's: allow for a slow machine), and soon after.
    assert!(
        after_expiry_ms >= -500,
        "fetched {after_expiry_ms} ms after the lock's expiry"
    );
    assert!(
        after_expiry_ms < 1_500,
        "took {after_expiry_ms} ms past the expiry to take the lock"
    );
    // And the lock is free again.
    assert!(here.lock(&key, HOLD_TTL).await.unwrap().is_some());
}
