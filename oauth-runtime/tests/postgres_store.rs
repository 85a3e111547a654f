//! PostgresStore against a real PostgreSQL cluster the test creates and starts itself on
//! 127.0.0.1 (feature `postgres`; see `common/pg_server.rs`). No mocks.
#![cfg(feature = "postgres")]

mod common;
#[path = "common/pg_server.rs"]
mod pg_server;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{set, Scripted};
use oauth_runtime::error::StoreRefusal;
use oauth_runtime::store::{Keyring, PostgresStore, SealedStore, SealingKey};
use oauth_runtime::token::StoredTokenSet;
use oauth_runtime::{Error, RefreshToken, TokenSet, TokenSource, TokenStore};
use pg_server::{PgDb, PASSWORD_ROLE, PASSWORD_ROLE_SECRET};
use sqlx::Row as _;

/// A store on its own pool (as another process would have), tables migrated.
async fn store(server: &PgDb) -> PostgresStore {
    let s = PostgresStore::connect(&server.url).await.unwrap();
    s.migrate().await.unwrap();
    s
}

fn full_set(access: &str, refresh: &str) -> TokenSet {
    let mut t = TokenSet::bearer(access, Some(Duration::from_secs(3600)));
    t.refresh_token = Some(RefreshToken::new(refresh));
    t.scopes = Some(vec!["ZohoProjects.portals.READ".into(), "x y".into()]);
    t.extra = BTreeMap::from([("api_domain".to_string(), "https://www.zohoapis.eu".into())]);
    t.issuer = Some("https://accounts.zoho.eu/oauth/v2/token".into());
    t
}

fn assert_same(a: &TokenSet, b: &TokenSet) {
    assert_eq!(StoredTokenSet::from(a), StoredTokenSet::from(b));
}

/// The bytes stored for `key` in `table`, read with plain SQL.
async fn raw_value(pool: &sqlx::PgPool, table: &str, key: &str) -> Option<Vec<u8>> {
    sqlx::query(&format!("SELECT token_set FROM \"{table}\" WHERE key = $1"))
        .bind(key)
        .fetch_optional(pool)
        .await
        .unwrap()
        .map(|row| row.get::<Vec<u8>, _>(0))
}

#[tokio::test]
async fn round_trip_missing_key_overwrite_and_delete() {
    let server = PgDb::fresh();
    let store = store(&server).await;
    assert!(store.load("p:c:s").await.unwrap().is_none(), "missing key");
    let first = full_set("a1", "r1");
    store.save("p:c:s", &first).await.unwrap();
    let back = store.load("p:c:s").await.unwrap().unwrap();
    assert_same(&back, &first);
    // Exactly the bytes every store writes: StoredTokenSet JSON, nothing of our own.
    let raw = raw_value(store.pool(), "oauth_tokens", "p:c:s")
        .await
        .unwrap();
    assert_eq!(
        raw,
        serde_json::to_vec(&StoredTokenSet::from(&first)).unwrap()
    );
    // Overwrite replaces the whole set (no field of the old one survives).
    let mut second = TokenSet::bearer("a2", Some(Duration::from_secs(60)));
    second.token_type = None;
    store.save("p:c:s", &second).await.unwrap();
    let back = store.load("p:c:s").await.unwrap().unwrap();
    assert_same(&back, &second);
    assert!(back.refresh_token.is_none() && back.scopes.is_none());
    assert!(store.load("p:c:other").await.unwrap().is_none());
    // Delete, twice: the second is no error.
    store.delete("p:c:s").await.unwrap();
    store.delete("p:c:s").await.unwrap();
    assert!(store.load("p:c:s").await.unwrap().is_none());
    assert_eq!(server.psql("SELECT count(*) FROM oauth_tokens").trim(), "0");
    // Debug names the table, nothing of the connection.
    let debug = format!("{store:?}");
    assert!(
        debug.contains("oauth_tokens") && !debug.contains("127.0.0.1"),
        "{debug}"
    );
}

#[tokio::test]
async fn a_corrupt_row_is_a_store_error_without_its_content() {
    let server = PgDb::fresh();
    let store = store(&server).await;
    store.save("k", &set("a1", Some("r1"), 60)).await.unwrap();
    server.psql(
        "UPDATE oauth_tokens SET token_set = convert_to('{\"access_token\":\"leak-me', 'UTF8')",
    );
    let e = store.load("k").await.unwrap_err();
    assert!(matches!(e, Error::Store(_)), "{e:?}");
    assert!(!e.to_string().contains("leak-me") && !format!("{e:?}").contains("leak-me"));
}

#[tokio::test]
async fn connect_does_not_migrate_and_migrate_is_versioned_idempotent_and_concurrent() {
    let server = PgDb::fresh();
    let store = PostgresStore::connect(&server.url).await.unwrap();
    // No tables yet: a typed error that says what to do.
    let e = store.load("k").await.unwrap_err();
    assert!(
        matches!(&e, Error::Store(m) if m.contains("migrate")),
        "{e}"
    );
    assert!(store.save("k", &set("a", None, 60)).await.is_err());
    assert!(store.lock("k", Duration::from_secs(1)).await.is_err());
    // Many processes migrating at once: all succeed, version 1 is applied once.
    let stores: Vec<_> = futures::future::join_all(
        (0..4).map(|_| async { PostgresStore::connect(&server.url).await.unwrap() }),
    )
    .await;
    let results = futures::future::join_all(stores.iter().map(|s| s.migrate())).await;
    for r in results {
        r.unwrap();
    }
    store.migrate().await.unwrap();
    assert_eq!(
        server.psql("SELECT version, description FROM oauth_tokens__schema"),
        "1|token sets and refresh locks\n"
    );
    assert_eq!(PostgresStore::SCHEMA_VERSION, 1);
    store.save("k", &set("a", None, 60)).await.unwrap();
    // Migrating again keeps the data.
    store.migrate().await.unwrap();
    assert!(store.load("k").await.unwrap().is_some());
    // Tables from a newer crate are not touched by this one.
    server.psql("INSERT INTO oauth_tokens__schema (version, description) VALUES (2, 'future')");
    let e = store.migrate().await.unwrap_err();
    assert!(matches!(&e, Error::Store(m) if m.contains("newer")), "{e}");
    assert!(store.load("k").await.unwrap().is_some());
}

#[tokio::test]
async fn table_names_are_validated_and_tables_never_shared() {
    let server = PgDb::fresh();
    let base = store(&server).await;
    for bad in [
        "t\"; DROP TABLE oauth_tokens; --",
        "Tokens",
        "a__locks",
        "oauth_tokens__locks",
        "x.y.z",
        "",
        "tökens",
    ] {
        let e = base.clone().with_table(bad).unwrap_err();
        assert!(matches!(e, Error::Config(_)), "{bad:?}: {e:?}");
    }
    // Still there and untouched.
    assert_eq!(server.psql("SELECT count(*) FROM oauth_tokens").trim(), "0");

    server.psql("CREATE SCHEMA auth");
    let default = base.clone();
    let a = base.clone().with_table("tenant_a").unwrap();
    let b = base.clone().with_table("tenant_a_locks").unwrap();
    let qualified = base.clone().with_table("auth.tenant_a").unwrap();
    assert_eq!(qualified.table(), "auth.tenant_a");
    assert_eq!(qualified.lock_table(), "\"auth\".\"tenant_a__locks\"");
    let all = [&default, &a, &b, &qualified];
    for s in all {
        s.migrate().await.unwrap();
    }
    for (i, s) in all.iter().enumerate() {
        s.save("k", &set(&format!("a-{i}"), None, 60))
            .await
            .unwrap();
    }
    for (i, s) in all.iter().enumerate() {
        let t = s.load("k").await.unwrap().unwrap();
        assert_eq!(t.access_token.secret(), format!("a-{i}"));
    }
    // Each holds its own lock.
    let ttl = Duration::from_secs(30);
    let mut guards = Vec::new();
    for s in all {
        guards.push(s.lock("k", ttl).await.unwrap().expect("a lock of its own"));
    }
    for s in all {
        assert!(s.lock("k", ttl).await.unwrap().is_none());
    }
    for g in guards {
        g.release().await.unwrap();
    }
    a.delete("k").await.unwrap();
    assert!(a.load("k").await.unwrap().is_none());
    assert!(b.load("k").await.unwrap().is_some() && qualified.load("k").await.unwrap().is_some());
    let tables = server.psql(
        "SELECT table_schema || '.' || table_name FROM information_schema.tables \
         WHERE table_schema IN ('public', 'auth') ORDER BY 1",
    );
    assert_eq!(
        tables.lines().collect::<Vec<_>>(),
        [
            "auth.tenant_a",
            "auth.tenant_a__locks",
            "auth.tenant_a__schema",
            "public.oauth_tokens",
            "public.oauth_tokens__locks",
            "public.oauth_tokens__schema",
            "public.tenant_a",
            "public.tenant_a__locks",
            "public.tenant_a__schema",
            "public.tenant_a_locks",
            "public.tenant_a_locks__locks",
            "public.tenant_a_locks__schema",
        ]
    );
}

#[tokio::test]
async fn lock_contention_expiry_and_owner_safe_release_between_two_stores() {
    let server = PgDb::fresh();
    // Two stores, two pools: as two processes.
    let one = store(&server).await;
    let two = PostgresStore::connect(&server.url).await.unwrap();
    let ttl = Duration::from_millis(400);
    let a = one.lock("k", ttl).await.unwrap().expect("free lock");
    assert!(two.lock("k", ttl).await.unwrap().is_none(), "held by one");
    assert!(
        one.lock("k", ttl).await.unwrap().is_none(),
        "held, even for its holder's store"
    );
    // Other keys have their own lock; loads and saves do not take it.
    let other = two.lock("other", ttl).await.unwrap().expect("another key");
    two.save("k", &set("a1", None, 60)).await.unwrap();
    assert_eq!(
        one.load("k").await.unwrap().unwrap().access_token.secret(),
        "a1"
    );
    a.release().await.unwrap();
    other.release().await.unwrap();
    let b = two.lock("k", ttl).await.unwrap().expect("released");
    // A holder that never releases (a crash): the lock expires after its TTL.
    std::mem::forget(b);
    assert!(one.lock("k", ttl).await.unwrap().is_none());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let c = one.lock("k", ttl).await.unwrap().expect("expired");
    // A late holder whose lock expired and was taken cannot release the new holder's lock.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let d = two
        .lock("k", Duration::from_secs(30))
        .await
        .unwrap()
        .expect("expired again");
    c.release().await.unwrap();
    assert!(
        one.lock("k", ttl).await.unwrap().is_none(),
        "d still holds it"
    );
    assert_eq!(
        server
            .psql("SELECT count(*) FROM oauth_tokens__locks")
            .trim(),
        "1"
    );
    d.release().await.unwrap();
    // Dropping a guard releases in the background.
    let e = one
        .lock("k", Duration::from_secs(30))
        .await
        .unwrap()
        .unwrap();
    drop(e);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(g) = two.lock("k", ttl).await.unwrap() {
            g.release().await.unwrap();
            break;
        }
        assert!(Instant::now() < deadline, "a dropped guard did not release");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        server
            .psql("SELECT count(*) FROM oauth_tokens__locks")
            .trim(),
        "0",
        "released locks leave no row"
    );
}

#[tokio::test]
async fn many_takers_at_once_one_wins() {
    let server = PgDb::fresh();
    let stores: Vec<_> = futures::future::join_all((0..8).map(|_| store(&server))).await;
    for round in 0..5 {
        let key = format!("k{round}");
        let got =
            futures::future::join_all(stores.iter().map(|s| s.lock(&key, Duration::from_secs(30))))
                .await;
        let mut won = Vec::new();
        for g in got {
            if let Some(g) = g.unwrap() {
                won.push(g);
            }
        }
        assert_eq!(won.len(), 1, "round {round}: exactly one taker wins");
        for g in won {
            g.release().await.unwrap();
        }
    }
}

/// What a slow refresh relies on: `extend` keeps a held lock past its TTL, and cannot revive
/// one that expired and was taken by someone else.
#[tokio::test]
async fn extend_keeps_a_held_lock_and_never_steals_a_taken_one() {
    let server = PgDb::fresh();
    let store = store(&server).await;
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
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        store.lock("k", ttl).await.unwrap().is_none(),
        "dropping the late guard did not release the new holder's lock"
    );
    assert!(now_held.extend(Duration::from_secs(10)).await.unwrap());
    now_held.release().await.unwrap();
}

/// A holder whose connection drops (its process crashed) keeps the lock only until its TTL:
/// the next source waits, then refreshes once.
#[tokio::test]
async fn a_crashed_lock_holder_delays_but_does_not_block_others() {
    let server = PgDb::fresh();
    let crashed = store(&server).await;
    let guard = crashed
        .lock("p:c:x", Duration::from_millis(800))
        .await
        .unwrap()
        .unwrap();
    std::mem::forget(guard);
    // Its connections are gone; the lock row is not.
    crashed.pool().close().await;
    drop(crashed);
    let store = Arc::new(PostgresStore::connect(&server.url).await.unwrap());
    assert!(store
        .lock("p:c:x", Duration::from_secs(1))
        .await
        .unwrap()
        .is_none());
    let f = Scripted::new(3600);
    let src = TokenSource::builder("p:c:x", f.clone())
        .store(store.clone())
        .lock_ttl(Duration::from_millis(800))
        .poll_interval(Duration::from_millis(50))
        .build();
    let started = Instant::now();
    let t = src.token().await.unwrap();
    assert_eq!(t.access_token.secret(), "gen-1");
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(f.calls(), 1);
    assert_eq!(
        store
            .load("p:c:x")
            .await
            .unwrap()
            .unwrap()
            .access_token
            .secret(),
        "gen-1"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_sources_sharing_postgres_refresh_once() {
    let server = PgDb::fresh();
    let key = "p:c:shared";
    let seed = store(&server).await;
    seed.save(key, &set("expired", Some("r0"), 0))
        .await
        .unwrap();
    // Eight independent sources (as if in eight processes), each with its own pool, cache and
    // fetcher, sixteen callers each.
    let mut fetchers = Vec::new();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let f = Scripted::new(3600).with_delay(Duration::from_millis(150));
        f.push(Ok(set("shared-1", Some("r1"), 3600)));
        fetchers.push(f.clone());
        let store = Arc::new(PostgresStore::connect(&server.url).await.unwrap());
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
    let used: Vec<_> = fetchers
        .iter()
        .flat_map(|f| f.seen_refresh.lock().unwrap().clone())
        .collect();
    assert_eq!(used, vec![Some("r0".to_string())]);
    let stored = seed.load(key).await.unwrap().unwrap();
    assert_eq!(stored.refresh_token.unwrap().secret(), "r1");
}

/// A save whose connection is killed while it runs leaves the previous set whole, and the
/// store keeps working.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_killed_midway_leaves_the_previous_set() {
    let server = PgDb::fresh();
    let store = store(&server).await;
    let old = full_set("a-old", "r-old");
    store.save("k", &old).await.unwrap();
    // Another session holds the row, so the save blocks inside its statement.
    let admin = sqlx::PgPool::connect(&server.url).await.unwrap();
    let mut blocker = admin.begin().await.unwrap();
    sqlx::query("SELECT 1 FROM oauth_tokens FOR UPDATE")
        .execute(&mut *blocker)
        .await
        .unwrap();
    let saving = {
        let store = store.clone();
        tokio::spawn(async move { store.save("k", &full_set("a-new", "r-new")).await })
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    let pid: i32 = loop {
        let row = sqlx::query(
            "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' \
             AND datname = current_database() AND query LIKE 'INSERT INTO \"oauth_tokens\"%'",
        )
        .fetch_optional(&admin)
        .await
        .unwrap();
        if let Some(row) = row {
            break row.get(0);
        }
        assert!(Instant::now() < deadline, "the save never blocked");
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    // The server kills the saving backend mid-statement (as a crash or a failover would).
    sqlx::query("SELECT pg_terminate_backend($1)")
        .bind(pid)
        .execute(&admin)
        .await
        .unwrap();
    let e = saving.await.unwrap().unwrap_err();
    assert!(matches!(e, Error::Store(_)), "{e:?}");
    assert!(!e.to_string().contains("a-new") && !e.to_string().contains("r-new"));
    blocker.rollback().await.unwrap();
    let back = store.load("k").await.unwrap().unwrap();
    assert_same(&back, &old);
    // The pool replaces the dead connection.
    store.save("k", &full_set("a-3", "r-3")).await.unwrap();
    assert_eq!(
        store
            .load("k")
            .await
            .unwrap()
            .unwrap()
            .access_token
            .secret(),
        "a-3"
    );
}

#[tokio::test]
async fn a_sealed_store_over_postgres_keeps_no_token_in_the_table() {
    let server = PgDb::fresh();
    let pg = store(&server).await;
    let keys = Keyring::new(SealingKey::new("k1", [1u8; 32]).unwrap());
    let sealed = SealedStore::new(pg.clone(), keys);
    let t = full_set("access-plain-9f2e", "refresh-plain-41aa");
    sealed.save("zoho:c:alice", &t).await.unwrap();
    assert_same(&sealed.load("zoho:c:alice").await.unwrap().unwrap(), &t);
    let raw = raw_value(pg.pool(), "oauth_tokens", "zoho:c:alice")
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert!(!text.contains("access-plain-9f2e") && !text.contains("refresh-plain-41aa"));
    assert!(
        !text.contains("api_domain") && !text.contains("ZohoProjects"),
        "{text}"
    );
    assert!(text.contains("sealed:v1:k1:"), "{text}");
    // An envelope moved to another user's row is refused.
    server.psql(
        "INSERT INTO oauth_tokens (key_sha256, key, token_set) \
         SELECT sha256(convert_to('zoho:c:mallory', 'UTF8')), 'zoho:c:mallory', token_set \
         FROM oauth_tokens WHERE key = 'zoho:c:alice'",
    );
    assert!(matches!(
        sealed.load("zoho:c:mallory").await,
        Err(Error::StoreRefused(StoreRefusal::SealBroken { .. }))
    ));
    // Another keyring cannot open it; locks pass through to Postgres.
    let other = SealedStore::new(
        pg.clone(),
        Keyring::new(SealingKey::new("k1", [2u8; 32]).unwrap()),
    );
    assert!(matches!(
        other.load("zoho:c:alice").await,
        Err(Error::StoreRefused(_))
    ));
    let g = sealed
        .lock("zoho:c:alice", Duration::from_secs(30))
        .await
        .unwrap()
        .unwrap();
    assert!(pg
        .lock("zoho:c:alice", Duration::from_secs(30))
        .await
        .unwrap()
        .is_none());
    g.release().await.unwrap();
    sealed.delete("zoho:c:alice").await.unwrap();
    assert!(pg.load("zoho:c:alice").await.unwrap().is_none());
}

#[tokio::test]
async fn hostile_keys_are_just_keys() {
    let server = PgDb::fresh();
    let store = store(&server).await;
    let keys: Vec<String> = vec![
        "'".into(),
        "\"".into(),
        "''".into(),
        "'; DROP TABLE oauth_tokens; --".into(),
        "\"; DROP TABLE oauth_tokens__locks; --".into(),
        "\\".into(),
        "\\x00".into(),
        "%".into(),
        "_".into(),
        "$1".into(),
        "".into(),
        " ".into(),
        "a\nb\tc\r".into(),
        "ключ:🔑:ü:漢字".into(),
        "\u{202e}rtl\u{200b}".into(),
        "x".repeat(10_000),
        "é".repeat(10_000),
        "🔑".repeat(10_000),
        format!("{}'", "x".repeat(9_999)),
    ];
    for (i, k) in keys.iter().enumerate() {
        store
            .save(k, &set(&format!("a{i}"), Some(&format!("r{i}")), 60))
            .await
            .unwrap();
    }
    for (i, k) in keys.iter().enumerate() {
        let t = store
            .load(k)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("key {i} lost"));
        assert_eq!(t.access_token.secret(), format!("a{i}"), "key {i}");
        assert_eq!(t.refresh_token.unwrap().secret(), format!("r{i}"));
    }
    // One row per key, each keeping its key as given.
    assert_eq!(
        server.psql("SELECT count(*) FROM oauth_tokens").trim(),
        keys.len().to_string()
    );
    let stored: Vec<String> = sqlx::query("SELECT key FROM oauth_tokens")
        .fetch_all(store.pool())
        .await
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    for k in &keys {
        assert!(stored.contains(k));
    }
    // Locks too: every key its own, none shared.
    let mut guards = Vec::new();
    for k in &keys {
        guards.push(
            store
                .lock(k, Duration::from_secs(30))
                .await
                .unwrap()
                .expect("own lock"),
        );
    }
    for k in &keys {
        assert!(store
            .lock(k, Duration::from_secs(30))
            .await
            .unwrap()
            .is_none());
    }
    for g in guards {
        g.release().await.unwrap();
    }
    for k in &keys[..5] {
        store.delete(k).await.unwrap();
        assert!(store.load(k).await.unwrap().is_none());
    }
    assert!(store.load(&keys[5]).await.unwrap().is_some());
    // The one key PostgreSQL text cannot hold is refused, typed, before anything is sent.
    let e = store.save("a\0b", &set("a", None, 60)).await.unwrap_err();
    assert!(matches!(&e, Error::Store(m) if m.contains("NUL")), "{e}");
    assert!(store.load("a\0b").await.unwrap().is_none());
    store.delete("a\0b").await.unwrap();
    // The tables are all still there.
    assert_eq!(
        server
            .psql("SELECT count(*) FROM oauth_tokens__locks")
            .trim(),
        "0"
    );
}

#[tokio::test]
async fn no_password_in_errors_or_debug() {
    let server = PgDb::fresh();
    let secret = PASSWORD_ROLE_SECRET;
    let check = |what: &str, e: &Error| {
        println!("{what}: {e}");
        for shown in [e.to_string(), format!("{e:?}")] {
            assert!(!shown.contains(secret), "{what}: {shown}");
            assert!(!shown.contains("postgres://"), "{what}: {shown}");
        }
        assert!(matches!(e, Error::Store(_)), "{what}: {e:?}");
    };
    // Right password: the store works, and its Debug shows no connection detail.
    let good = PostgresStore::connect(&server.url_as(PASSWORD_ROLE, secret))
        .await
        .unwrap();
    let debug = format!("{good:?}");
    assert!(
        !debug.contains(secret) && !debug.contains(PASSWORD_ROLE),
        "{debug}"
    );
    // Without tables or rights: an error that names neither the URL nor the password.
    let e = good.load("k").await.unwrap_err();
    check("load without tables", &e);
    // Wrong password: the server refuses, the error says so and shows no password.
    let wrong = format!("{secret}-wrong");
    let e = PostgresStore::connect(&server.url_as(PASSWORD_ROLE, &wrong))
        .await
        .unwrap_err();
    check("wrong password", &e);
    assert!(!e.to_string().contains(&wrong));
    assert!(e.to_string().contains("28P01"), "{e}");
    // Nobody listening.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let e = PostgresStore::connect(&format!(
        "postgres://{PASSWORD_ROLE}:{secret}@127.0.0.1:{closed}/postgres"
    ))
    .await
    .unwrap_err();
    check("closed port", &e);
    // Not a URL sqlx accepts.
    for bad in [
        format!("postgres://{PASSWORD_ROLE}:{secret}@127.0.0.1:notaport/db"),
        format!("postgres://{PASSWORD_ROLE}:{secret}@127.0.0.1/db?sslmode=bogus"),
    ] {
        let e = PostgresStore::connect(&bad).await.unwrap_err();
        check("an invalid URL", &e);
    }
}
