//! FileStore across processes: four OS processes share one directory while the local endpoint
//! issues tokens that live 1 s, for 10 s of steady requests ([`soak::SECS_ENV`] changes it):
//! exactly one fetch per expiry window, no token error. And a process killed while it holds
//! the refresh lock does not block the others: the kernel drops its file lock.
//!
//! The processes are this test binary run again with `--exact file_store_worker`; that test
//! does nothing unless [`soak::WORKER_ENV`] is set.

mod common;
mod soak;

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use oauth_runtime::{FileStore, TokenStore};
use soak::{Endpoint, Grant, Plan, WorkerConfig, WorkerReport};
use tokio::io::{AsyncBufReadExt, BufReader};

const WORKERS: u32 = 4;
const LIFETIME: Duration = Duration::from_secs(1);
/// Far above loopback latency and a file save, well below the lifetime (a token serves 0.7 s).
const SKEW: Duration = Duration::from_millis(300);
/// What the lock holder prints once it holds the lock.
const LOCKED: &str = "SOAK-LOCKED";

/// A worker process: runs only when re-executed by a test below.
#[test]
fn file_store_worker() {
    let Some(cfg) = soak::worker_config() else {
        return;
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let store = Arc::new(FileStore::new(&cfg.store));
    let report = rt.block_on(async {
        match cfg.role.as_str() {
            "soak" => soak::run_soak(&cfg, store).await,
            "hold" => hold(&cfg, &store).await,
            "next" => next(&cfg, store).await,
            other => panic!("unknown role {other}"),
        }
    });
    report.print();
}

/// Takes the refresh lock, says so, and sleeps until the parent kills the process.
async fn hold(cfg: &WorkerConfig, store: &FileStore) -> WorkerReport {
    let key = key(cfg);
    let guard = store
        .lock(&key, Duration::from_secs(30))
        .await
        .unwrap()
        .expect("the lock is free when the holder starts");
    println!("{LOCKED}");
    std::io::stdout().flush().unwrap();
    tokio::time::sleep(Duration::from_secs(60)).await;
    drop(guard);
    panic!("the holder was not killed");
}

/// Gets a token through a source over the store, timing the wait.
async fn next(cfg: &WorkerConfig, store: Arc<FileStore>) -> WorkerReport {
    let client = soak::client(cfg);
    let log = Arc::new(Mutex::new(Vec::new()));
    let source = soak::source(cfg, &client, store, Arc::clone(&log));
    let started = Instant::now();
    let token = source
        .token()
        .await
        .expect("a token once the holder is gone");
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

fn key(cfg: &WorkerConfig) -> String {
    let client = soak::client(cfg);
    let log = Arc::new(Mutex::new(Vec::new()));
    let store = Arc::new(FileStore::new(&cfg.store));
    soak::source(cfg, &client, store, log).key().to_string()
}

fn temp_dir(tag: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "oauth-file-mp-{tag}-{}-{:x}",
        std::process::id(),
        rand::random::<u64>()
    ))
}

/// Worker `id`'s configuration over the store in `dir`.
fn config(
    id: u32,
    role: &str,
    dir: &std::path::Path,
    endpoint: &Endpoint,
    run: Duration,
    start: SystemTime,
) -> WorkerConfig {
    WorkerConfig {
        id,
        role: role.into(),
        store: dir.to_str().expect("UTF-8 temp dir").to_string(),
        origin: endpoint.origin.clone(),
        grant: Grant::ClientCredentials,
        skew_ms: SKEW.as_millis() as u64,
        poll_ms: 10,
        lock_ttl_ms: 30_000,
        start_unix_ms: soak::unix_ms(start),
        run_ms: run.as_millis() as u64,
        tasks: 2,
        every_ms: 20,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_processes_sharing_a_directory_fetch_once_per_window() {
    let run = soak::duration(10);
    let dir = temp_dir("soak");
    let endpoint = Endpoint::start(LIFETIME, None).await;
    // Time for the processes to start; they all begin together then, on an empty store.
    let start = SystemTime::now() + Duration::from_millis(1000);
    let cfgs: Vec<_> = (1..=WORKERS)
        .map(|id| config(id, "soak", &dir, &endpoint, run, start))
        .collect();
    let outcomes = soak::run_all("file_store_worker", &cfgs).await;
    soak::check(
        &Plan {
            title: "FileStore soak",
            start,
            workers: WORKERS,
            run,
            lifetime: LIFETIME,
            skew: SKEW,
        },
        &endpoint,
        &outcomes,
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_killed_while_holding_the_lock_does_not_block_the_next() {
    let dir = temp_dir("crash");
    let endpoint = Endpoint::start(Duration::from_secs(60), None).await;
    let now = SystemTime::now();
    let holder_cfg = config(1, "hold", &dir, &endpoint, Duration::ZERO, now);
    let next_cfg = config(2, "next", &dir, &endpoint, Duration::ZERO, now);
    let key = key(&holder_cfg);

    let mut holder = soak::spawn("file_store_worker", &holder_cfg);
    let mut lines = BufReader::new(holder.stdout.take().unwrap()).lines();
    tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if line.contains(LOCKED) {
                return;
            }
        }
        panic!("the holder exited without taking the lock");
    })
    .await
    .expect("the holder took the lock in time");
    // Held by another process: this one cannot take it either.
    let here = FileStore::new(&dir);
    assert!(here
        .lock(&key, Duration::from_secs(30))
        .await
        .unwrap()
        .is_none());

    // The next process blocks on the lock (its lock TTL is 30 s, so only the holder's death
    // can let it through in time).
    let next = soak::spawn("file_store_worker", &next_cfg);
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        endpoint.seen(|s| s.issued.len()),
        0,
        "nothing is fetched while the lock is held"
    );
    let killed_us = soak::unix_us(SystemTime::now());
    holder.start_kill().unwrap();
    let status = holder.wait().await.unwrap();
    assert!(!status.success(), "the holder was killed: {status}");

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
    let waited = r.extra["waited_ms"];
    let after_kill_ms = r.extra["got_us"].saturating_sub(killed_us) / 1000;
    println!(
        "lock holder killed; the next process waited {waited} ms in all, got its token \
         {after_kill_ms} ms after the kill, with {} fetch(es)",
        r.fetches.len()
    );
    assert_eq!(r.refreshes, 1);
    assert_eq!(r.fetches.len(), 1);
    assert_eq!(endpoint.seen(|s| s.issued.len()), 1);
    // It fetched only once the holder was dead, and soon after.
    assert!(
        r.fetches[0].sent_us >= killed_us,
        "fetched before the holder was killed"
    );
    assert!(waited >= 500, "waited only {waited} ms for a held lock");
    assert!(
        after_kill_ms < 2_000,
        "took {after_kill_ms} ms to notice the dead holder"
    );
    // And the lock is free again.
    assert!(here
        .lock(&key, Duration::from_secs(30))
        .await
        .unwrap()
        .is_some());
    let _ = std::fs::remove_dir_all(&dir);
}
