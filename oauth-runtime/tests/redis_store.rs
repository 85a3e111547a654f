//! RedisStore against a real redis-server started by the test (feature `redis`).
#![cfg(feature = "redis")]

mod common;
#[path = "common/redis_server.rs"]
mod redis_server;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{set, Scripted};
use oauth_runtime::store::RedisStore;
use oauth_runtime::{TokenSource, TokenStore};
use redis_server::RedisServer;

async fn raw(url: &str) -> redis::aio::MultiplexedConnection {
    redis::Client::open(url)
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap()
}

#[tokio::test]
async fn round_trip_under_the_oauth_namespace() {
    let server = RedisServer::start();
    let store = RedisStore::connect(&server.url).await.unwrap();
    assert!(store.load("p:c:s").await.unwrap().is_none());
    store
        .save("p:c:s", &set("a1", Some("r1"), 3600))
        .await
        .unwrap();
    let t = store.load("p:c:s").await.unwrap().unwrap();
    assert_eq!(t.access_token.secret(), "a1");
    assert_eq!(t.refresh_token.unwrap().secret(), "r1");
    let mut conn = raw(&server.url).await;
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("*")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert_eq!(keys, vec!["oauth:p:c:s".to_string()]);
    store.delete("p:c:s").await.unwrap();
    assert!(store.load("p:c:s").await.unwrap().is_none());
    // Garbage under the key is a store error without its content.
    redis::cmd("SET")
        .arg("oauth:bad")
        .arg("{\"access_token\":\"leak-me")
        .query_async::<()>(&mut conn)
        .await
        .unwrap();
    let e = store.load("bad").await.unwrap_err();
    assert!(!e.to_string().contains("leak-me"));
    assert!(!format!("{store:?}").contains("127.0.0.1"));
}

#[tokio::test]
async fn lock_is_exclusive_released_by_its_holder_only_and_expires() {
    let server = RedisServer::start();
    let store = RedisStore::connect(&server.url).await.unwrap();
    let ttl = Duration::from_millis(300);
    let a = store.lock("k", ttl).await.unwrap().expect("free lock");
    assert!(store.lock("k", ttl).await.unwrap().is_none(), "held");
    a.release().await.unwrap();
    let b = store.lock("k", ttl).await.unwrap().expect("released");
    // A crashed holder (never releases): the lock expires after its TTL.
    std::mem::forget(b);
    assert!(store.lock("k", ttl).await.unwrap().is_none());
    tokio::time::sleep(Duration::from_millis(400)).await;
    let c = store.lock("k", ttl).await.unwrap().expect("expired");
    // A late holder whose lock expired cannot delete the new holder's lock.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let d = store
        .lock("k", Duration::from_secs(10))
        .await
        .unwrap()
        .expect("expired again");
    c.release().await.unwrap();
    assert!(
        store.lock("k", ttl).await.unwrap().is_none(),
        "d still holds it"
    );
    d.release().await.unwrap();
    // Dropping a guard releases in the background.
    let e = store
        .lock("k", Duration::from_secs(10))
        .await
        .unwrap()
        .unwrap();
    drop(e);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(store.lock("k", ttl).await.unwrap().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_sources_sharing_redis_refresh_once() {
    let server = RedisServer::start();
    let key = "p:c:shared";
    let seed = RedisStore::connect(&server.url).await.unwrap();
    seed.save(key, &set("expired", Some("r0"), 0))
        .await
        .unwrap();
    // Eight independent sources (as if in eight processes), each with its own connection,
    // cache and fetcher, sixteen callers each.
    let mut fetchers = Vec::new();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let f = Scripted::new(3600).with_delay(Duration::from_millis(150));
        f.push(Ok(set("shared-1", Some("r1"), 3600)));
        fetchers.push(f.clone());
        let store = Arc::new(RedisStore::connect(&server.url).await.unwrap());
        let src = TokenSource::builder(key, f)
            .store(store)
            .poll_interval(Duration::from_millis(20))
            .build();
        for _ in 0..16 {
            let s = src.clone();
            tasks.push(tokio::spawn(async move { s.token().await }));
        }
    }
    for t in tasks {
        let tok = t.await.unwrap().unwrap();
        assert_eq!(tok.access_token.secret(), "shared-1");
        assert_eq!(tok.refresh_token.as_ref().unwrap().secret(), "r1");
    }
    let total: u64 = fetchers.iter().map(|f| f.calls()).sum();
    assert_eq!(total, 1, "one refresh across all sources");
    // The winner used the stored refresh token.
    let used: Vec<_> = fetchers
        .iter()
        .flat_map(|f| f.seen_refresh.lock().unwrap().clone())
        .collect();
    assert_eq!(used, vec![Some("r0".to_string())]);
    let stored = seed.load(key).await.unwrap().unwrap();
    assert_eq!(stored.refresh_token.unwrap().secret(), "r1");
}

#[tokio::test]
async fn a_crashed_lock_holder_delays_but_does_not_block_others() {
    let server = RedisServer::start();
    let store = Arc::new(RedisStore::connect(&server.url).await.unwrap());
    // A "crashed" process holds the lock for 500 ms and never saves.
    std::mem::forget(
        store
            .lock("p:c:x", Duration::from_millis(500))
            .await
            .unwrap()
            .unwrap(),
    );
    let f = Scripted::new(3600);
    let src = TokenSource::builder("p:c:x", f.clone())
        .store(store.clone())
        .lock_ttl(Duration::from_millis(500))
        .poll_interval(Duration::from_millis(50))
        .build();
    let started = Instant::now();
    let t = src.token().await.unwrap();
    assert_eq!(t.access_token.secret(), "gen-1");
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!(f.calls(), 1);
}

#[tokio::test]
async fn stores_with_any_prefixes_never_touch_each_others_keys() {
    let server = RedisServer::start();
    let connect = |prefix: &'static str| {
        let url = server.url.clone();
        async move { RedisStore::connect(&url).await.unwrap().with_prefix(prefix) }
    };
    let p = connect("p").await;
    let p_lock = connect("p-lock").await;
    let ttl = Duration::from_secs(30);
    // A set saved under prefix `p-lock` must not hold `p`'s refresh lock.
    p_lock
        .save("k", &set("a-p-lock", Some("r-p-lock"), 3600))
        .await
        .unwrap();
    let held = p
        .lock("k", ttl)
        .await
        .unwrap()
        .expect("another prefix's set does not hold this prefix's lock");
    // And `p`'s lock value is not read as `p-lock`'s set.
    let t = p_lock.load("k").await.unwrap().unwrap();
    assert_eq!(t.access_token.secret(), "a-p-lock");
    assert!(p.load("k").await.unwrap().is_none());
    held.release().await.unwrap();
    // The lock of `p-lock` and the lock of `p` are two locks.
    let a = p.lock("k", ttl).await.unwrap().expect("free");
    let b = p_lock
        .lock("k", ttl)
        .await
        .unwrap()
        .expect("a separate lock");
    a.release().await.unwrap();
    b.release().await.unwrap();

    // A separator inside a prefix does not move keys into another prefix.
    let ab = connect("a:b").await;
    let a = connect("a").await;
    ab.save("c", &set("under-a:b", None, 3600)).await.unwrap();
    assert!(a.load("b:c").await.unwrap().is_none());
    a.save("b:c", &set("under-a", None, 3600)).await.unwrap();
    assert_eq!(
        ab.load("c").await.unwrap().unwrap().access_token.secret(),
        "under-a:b"
    );
    // Every save above made its own Redis key (locks are released, so gone).
    let mut conn = raw(&server.url).await;
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("*")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert_eq!(keys.len(), 3, "{keys:?}");
}
