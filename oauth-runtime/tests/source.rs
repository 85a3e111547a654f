//! TokenSource behaviour with scripted fetchers: caching, single flight, invalidation,
//! refresh-token safety, retries, limits, stores.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use common::{def, set, Scripted};
use futures::future::BoxFuture;
use oauth_runtime::limits::{ManualClock, RateRule};
use oauth_runtime::model::{Counted, ErrorMeaning, ErrorSite};
use oauth_runtime::{
    ClientId, Error, FileStore, MemoryStore, ProviderError, RateLimiter, RetryPolicy, TokenCap,
    TokenSet, TokenSource, TokenStore,
};

fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(200),
    }
}

fn provider_err(meaning: ErrorMeaning, code: &str) -> Error {
    Error::Provider(ProviderError {
        code: code.into(),
        meaning,
        rule: None,
        site: ErrorSite::TokenEndpoint,
        status: 400,
        description: None,
        retry_after: None,
    })
}

#[tokio::test]
async fn cached_token_is_reused_without_fetching() {
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone()).build();
    let a = src.token().await.unwrap();
    for _ in 0..1000 {
        let b = src.token().await.unwrap();
        assert_eq!(*a, *b, "the same set, not a new one");
    }
    assert_eq!(f.calls(), 1);
    assert_eq!(src.minted(), 1);
}

#[tokio::test]
async fn one_fetch_for_many_concurrent_callers() {
    let f = Scripted::new(3600).with_delay(Duration::from_millis(50));
    let src = TokenSource::builder("k", f.clone()).build();
    let tasks: Vec<_> = (0..200)
        .map(|_| {
            let s = src.clone();
            tokio::spawn(async move { s.token().await })
        })
        .collect();
    for t in tasks {
        let tok = t.await.unwrap().unwrap();
        assert_eq!(tok.access_token.secret(), "gen-1");
    }
    assert_eq!(f.calls(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waiters_share_the_winners_error() {
    let f = Scripted::new(3600).with_delay(Duration::from_millis(50));
    f.push(Err(provider_err(
        ErrorMeaning::RefreshTokenInvalid,
        "invalid_grant",
    )));
    let src = TokenSource::builder("k", f.clone()).build();
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            let s = src.clone();
            tokio::spawn(async move { s.token().await })
        })
        .collect();
    for t in tasks {
        let e = t.await.unwrap().unwrap_err();
        assert_eq!(e.meaning(), Some(ErrorMeaning::RefreshTokenInvalid));
    }
    assert_eq!(f.calls(), 1, "one fetch, one shared error");
    // A later call tries again.
    assert_eq!(src.token().await.unwrap().access_token.secret(), "gen-2");
}

#[tokio::test]
async fn invalidate_renews_only_the_current_token() {
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone()).build();
    let first = src.token().await.unwrap();
    src.invalidate(&first);
    src.invalidate(&first); // twice is harmless
    let second = src.token().await.unwrap();
    assert_eq!(second.access_token.secret(), "gen-2");
    // A stale rejection (of a token already replaced) does not renew again.
    src.invalidate(&first);
    let third = src.token().await.unwrap();
    assert_eq!(*second, *third);
    assert_eq!(f.calls(), 2);
    // Invalidating something never cached is a no-op.
    src.invalidate(&set("unknown", None, 10));
    assert_eq!(src.token().await.unwrap().access_token.secret(), "gen-2");
}

#[tokio::test]
async fn refresh_token_is_kept_when_the_response_has_none_and_rotated_when_it_has() {
    let store = Arc::new(MemoryStore::new());
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone())
        .store(store.clone())
        .build();
    src.set(set("a0", Some("r0"), 0)).await.unwrap();
    // Expired: renews, response without refresh token.
    f.push(Ok(set("a1", None, 3600)));
    let t = src.token().await.unwrap();
    assert_eq!(t.access_token.secret(), "a1");
    assert_eq!(t.refresh_token.as_ref().unwrap().secret(), "r0");
    let stored = store.load("k").await.unwrap().unwrap();
    assert_eq!(stored.refresh_token.unwrap().secret(), "r0");
    // Rotation: the new refresh token replaces the old, in the store too.
    src.invalidate(&t);
    f.push(Ok(set("a2", Some("r1"), 3600)));
    let t = src.token().await.unwrap();
    assert_eq!(t.refresh_token.as_ref().unwrap().secret(), "r1");
    assert_eq!(
        store
            .load("k")
            .await
            .unwrap()
            .unwrap()
            .refresh_token
            .unwrap()
            .secret(),
        "r1"
    );
    // The fetcher saw the stored refresh token each time.
    let seen = f.seen_refresh.lock().unwrap().clone();
    assert_eq!(seen, vec![Some("r0".into()), Some("r0".into())]);
}

/// A store whose saves can be made to fail.
#[derive(Default)]
struct FlakyStore {
    inner: MemoryStore,
    fail_saves: AtomicUsize,
    saves: AtomicUsize,
}

impl TokenStore for FlakyStore {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>> {
        self.inner.load(key)
    }
    fn save<'a>(&'a self, key: &'a str, t: &'a TokenSet) -> BoxFuture<'a, Result<(), Error>> {
        self.saves.fetch_add(1, Ordering::SeqCst);
        if self
            .fail_saves
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
        {
            return Box::pin(async { Err(Error::Store("disk full".into())) });
        }
        self.inner.save(key, t)
    }
    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), Error>> {
        self.inner.delete(key)
    }
}

#[tokio::test]
async fn a_set_that_cannot_be_saved_is_never_handed_out_nor_lost() {
    let store = Arc::new(FlakyStore::default());
    let f = Scripted::new(3600);
    let changes = Arc::new(Mutex::new(Vec::new()));
    let c2 = changes.clone();
    let src = TokenSource::builder("k", f.clone())
        .store(store.clone())
        .on_change(move |t| c2.lock().unwrap().push(t.access_token.secret().to_string()))
        .build();
    src.set(set("a0", Some("r0"), 0)).await.unwrap();
    f.push(Ok(set("a1", Some("r1-rotated"), 3600)));
    store.fail_saves.store(1, Ordering::SeqCst);
    let e = src.token().await.unwrap_err();
    assert!(matches!(e, Error::Store(_)), "{e:?}");
    // Not published: the cache still holds the old set, the store too.
    assert_eq!(src.cached().unwrap().access_token.secret(), "a0");
    assert_eq!(
        store
            .load("k")
            .await
            .unwrap()
            .unwrap()
            .access_token
            .secret(),
        "a0"
    );
    // Next call saves the kept set first, without fetching again (the old refresh token may
    // be dead already).
    let t = src.token().await.unwrap();
    assert_eq!(t.access_token.secret(), "a1");
    assert_eq!(t.refresh_token.as_ref().unwrap().secret(), "r1-rotated");
    assert_eq!(f.calls(), 1);
    assert_eq!(
        store
            .load("k")
            .await
            .unwrap()
            .unwrap()
            .refresh_token
            .unwrap()
            .secret(),
        "r1-rotated"
    );
    assert_eq!(*changes.lock().unwrap(), vec!["a0", "a1"]);
}

/// A store that records, at each save, what the source had published so far.
struct OrderStore {
    inner: MemoryStore,
    source: Mutex<Option<TokenSource>>,
    published_at_save: Mutex<Vec<Option<String>>>,
}

impl TokenStore for OrderStore {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>> {
        self.inner.load(key)
    }
    fn save<'a>(&'a self, key: &'a str, t: &'a TokenSet) -> BoxFuture<'a, Result<(), Error>> {
        let seen = self
            .source
            .lock()
            .unwrap()
            .as_ref()
            .and_then(|s| s.cached())
            .map(|c| c.access_token.secret().to_string());
        self.published_at_save.lock().unwrap().push(seen);
        self.inner.save(key, t)
    }
    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), Error>> {
        self.inner.delete(key)
    }
}

#[tokio::test]
async fn the_new_set_is_saved_before_it_is_published() {
    let store = Arc::new(OrderStore {
        inner: MemoryStore::new(),
        source: Mutex::new(None),
        published_at_save: Mutex::new(Vec::new()),
    });
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone())
        .store(store.clone())
        .build();
    *store.source.lock().unwrap() = Some(src.clone());
    let a = src.token().await.unwrap();
    src.invalidate(&a);
    src.token().await.unwrap();
    // At each save the cache did not yet hold the set being saved.
    assert_eq!(
        *store.published_at_save.lock().unwrap(),
        vec![None, Some("gen-1".to_string())]
    );
    *store.source.lock().unwrap() = None;
}

#[tokio::test]
async fn the_rejected_token_handed_back_is_an_error_not_a_loop() {
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone())
        .reuses_token(true)
        .build();
    f.push(Ok(set("same", None, 3600)));
    let t = src.token().await.unwrap();
    src.invalidate(&t);
    f.push(Ok(set("same", None, 3600)));
    let e = src.token().await.unwrap_err();
    assert!(matches!(e, Error::NoToken(_)), "{e:?}");
    assert!(e.to_string().contains("rejected"));
    assert!(!e.to_string().contains("same"), "no secret in {e}");
    assert_eq!(f.calls(), 2, "exactly one fetch after the rejection");
    // Later, a different token clears the state.
    let t = src.token().await.unwrap();
    assert_eq!(t.access_token.secret(), "gen-3");
}

#[tokio::test]
async fn same_token_after_a_skew_renewal_is_fine() {
    // Marketo hands back the same token until it expires: renewing ahead of expiry yields it
    // again, which is not an error (it was not rejected).
    let f = Scripted::new(3600);
    // Sub-second lifetimes: the renewal interval (1 s by default) shortened to match.
    let src = TokenSource::builder("k", f.clone())
        .skew(Duration::from_secs(60))
        .reuses_token(true)
        .min_renewal_interval(Duration::from_millis(50))
        .build();
    f.push(Ok(TokenSet::bearer(
        "same",
        Some(Duration::from_millis(400)),
    )));
    f.push(Ok(TokenSet::bearer(
        "same",
        Some(Duration::from_millis(150)),
    )));
    assert_eq!(src.token().await.unwrap().access_token.secret(), "same");
    // Lifetime 400 ms < skew 60 s: renewal at half the lifetime, not on every call.
    for _ in 0..100 {
        assert_eq!(src.token().await.unwrap().access_token.secret(), "same");
    }
    assert_eq!(f.calls(), 1);
    tokio::time::sleep(Duration::from_millis(250)).await;
    // Renewed ahead of expiry: the same token comes back, and that is fine.
    assert_eq!(src.token().await.unwrap().access_token.secret(), "same");
    assert_eq!(f.calls(), 2);
}

#[tokio::test]
async fn a_token_within_the_skew_is_renewed() {
    let store = Arc::new(MemoryStore::new());
    // An hour-long token with 30 s left.
    let mut old = set("old", Some("r"), 30);
    old.obtained_at = Some(SystemTime::now() - Duration::from_secs(3570));
    store.save("k", &old).await.unwrap();
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone())
        .store(store.clone())
        .skew(Duration::from_secs(60))
        .build();
    assert_eq!(src.token().await.unwrap().access_token.secret(), "gen-1");
    // A stored set outside the skew is used as is.
    let store2 = Arc::new(MemoryStore::new());
    store2
        .save("k", &set("good", Some("r"), 3600))
        .await
        .unwrap();
    let f2 = Scripted::new(3600);
    let src2 = TokenSource::builder("k", f2.clone())
        .store(store2)
        .skew(Duration::from_secs(60))
        .build();
    assert_eq!(src2.token().await.unwrap().access_token.secret(), "good");
    assert_eq!(f2.calls(), 0);
    assert_eq!(src2.minted(), 0);
}

#[tokio::test]
async fn never_expiring_tokens_are_never_renewed() {
    let f = Scripted::new(3600);
    f.push(Ok(TokenSet::bearer("nest", None)));
    let src = TokenSource::builder("k", f.clone())
        .skew(Duration::from_secs(3600))
        .build();
    for _ in 0..10 {
        assert_eq!(src.token().await.unwrap().access_token.secret(), "nest");
    }
    assert_eq!(f.calls(), 1);
    // ...unless an API rejects them.
    let t = src.token().await.unwrap();
    src.invalidate(&t);
    assert_eq!(src.token().await.unwrap().access_token.secret(), "gen-2");
}

#[tokio::test]
async fn transient_errors_are_retried_with_backoff_others_are_not() {
    // Two 503s then success: three attempts.
    let f = Scripted::new(3600);
    for _ in 0..2 {
        f.push(Err(Error::Http {
            site: ErrorSite::TokenEndpoint,
            status: 503,
            retry_after: None,
        }));
    }
    let src = TokenSource::builder("k", f.clone())
        .retry(fast_retry())
        .build();
    let started = Instant::now();
    assert_eq!(src.token().await.unwrap().access_token.secret(), "gen-3");
    assert_eq!(f.calls(), 3);
    // 5 ms + 10 ms of backoff at least.
    assert!(started.elapsed() >= Duration::from_millis(15));

    // Three timeouts: gives up after the third.
    let f = Scripted::new(3600);
    for _ in 0..5 {
        f.push(Err(Error::Timeout {
            site: ErrorSite::TokenEndpoint,
            after: Duration::from_secs(1),
        }));
    }
    let src = TokenSource::builder("k", f.clone())
        .retry(fast_retry())
        .build();
    assert!(matches!(
        src.token().await.unwrap_err(),
        Error::Timeout { .. }
    ));
    assert_eq!(f.calls(), 3);
    assert_eq!(src.fetch_attempts(), 3);
    assert_eq!(src.minted(), 0);

    // invalid_grant: once.
    let f = Scripted::new(3600);
    f.push(Err(provider_err(
        ErrorMeaning::RefreshTokenInvalid,
        "invalid_grant",
    )));
    let src = TokenSource::builder("k", f.clone())
        .retry(fast_retry())
        .build();
    assert!(src.token().await.is_err());
    assert_eq!(f.calls(), 1);
}

#[tokio::test]
async fn retry_after_is_honoured_or_surfaced() {
    let f = Scripted::new(3600);
    f.push(Err(Error::Http {
        site: ErrorSite::TokenEndpoint,
        status: 429,
        retry_after: Some(Duration::from_millis(80)),
    }));
    let src = TokenSource::builder("k", f.clone())
        .retry(fast_retry())
        .build();
    let started = Instant::now();
    src.token().await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(80));
    assert_eq!(f.calls(), 2);

    // Longer than max_delay: returned at once with its Retry-After.
    let f = Scripted::new(3600);
    f.push(Err(Error::Http {
        site: ErrorSite::TokenEndpoint,
        status: 429,
        retry_after: Some(Duration::from_secs(3600)),
    }));
    let src = TokenSource::builder("k", f.clone())
        .retry(fast_retry())
        .build();
    let started = Instant::now();
    match src.token().await.unwrap_err() {
        Error::Http { retry_after, .. } => assert_eq!(retry_after, Some(Duration::from_secs(3600))),
        e => panic!("{e:?}"),
    }
    assert!(started.elapsed() < Duration::from_millis(100));
    assert_eq!(f.calls(), 1);
}

#[test]
fn retry_policy_delays_are_bounded() {
    let p = RetryPolicy {
        max_attempts: 10,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(1),
    };
    let e = Error::Http {
        site: ErrorSite::TokenEndpoint,
        status: 500,
        retry_after: None,
    };
    let ds: Vec<_> = (1..10).map(|n| p.delay(n, &e).unwrap()).collect();
    assert_eq!(ds[0], Duration::from_millis(100));
    assert_eq!(ds[1], Duration::from_millis(200));
    assert_eq!(ds[2], Duration::from_millis(400));
    assert!(ds.iter().all(|d| *d <= Duration::from_secs(1)));
    assert_eq!(p.delay(10, &e), None);
    assert_eq!(RetryPolicy::NONE.delay(1, &e), None);
    assert!(!RetryPolicy::is_transient(&Error::Config("x".into())));
    assert!(!RetryPolicy::is_transient(&Error::Http {
        site: ErrorSite::TokenEndpoint,
        status: 400,
        retry_after: None
    }));
}

#[tokio::test]
async fn rate_limiter_refuses_fetches_past_the_documented_limit() {
    let clock = Arc::new(ManualClock::new());
    let limiter = Arc::new(RateLimiter::new(
        vec![RateRule {
            counts: Counted::Refreshes,
            max: 2,
            per: Duration::from_secs(60),
            block_for: Some(Duration::from_secs(600)),
            description: "2 refreshes per minute".into(),
        }],
        clock.clone(),
    ));
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone())
        .limiter(limiter, Counted::Refreshes)
        .build();
    for _ in 0..2 {
        let t = src.token().await.unwrap();
        src.invalidate(&t);
    }
    match src.token().await.unwrap_err() {
        Error::LimitReached { retry_after, limit } => {
            assert_eq!(retry_after, Duration::from_secs(60));
            assert!(limit.contains("2 refreshes"));
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(f.calls(), 2, "the refused fetch never reached the provider");
    clock.advance(Duration::from_secs(60));
    src.token().await.unwrap();
}

#[tokio::test]
async fn a_cancelled_leader_does_not_wedge_the_source() {
    let f = Scripted::new(3600).with_delay(Duration::from_millis(200));
    let src = TokenSource::builder("k", f.clone()).build();
    let leader = {
        let s = src.clone();
        tokio::spawn(async move { s.token().await })
    };
    tokio::time::sleep(Duration::from_millis(20)).await;
    leader.abort();
    let t = tokio::time::timeout(Duration::from_secs(2), src.token())
        .await
        .expect("not wedged")
        .unwrap();
    assert_eq!(t.access_token.secret(), "gen-2");
}

#[test]
fn keys_separate_providers_issuers_clients_and_subjects() {
    let d = def("Demo", vec![]);
    let e = def("Other", vec![]);
    let iss = Some("https://auth.example.com/oauth/token");
    let a = TokenSource::key_for(d, iss, &ClientId::new("id:1"), "svc");
    let b = TokenSource::key_for(d, iss, &ClientId::new("id"), "1:svc");
    let c = TokenSource::key_for(e, iss, &ClientId::new("id:1"), "svc");
    let x = TokenSource::key_for(d, iss, &ClientId::new("id:1"), "svc2");
    let y = TokenSource::key_for(
        d,
        Some("https://eu.example.com/oauth/token"),
        &ClientId::new("id:1"),
        "svc",
    );
    let z = TokenSource::key_for(d, None, &ClientId::new("id:1"), "svc");
    assert_eq!(z, "Demo:-:id%3A1:svc");
    assert!(a.starts_with("Demo:") && a.ends_with(":id%3A1:svc"), "{a}");
    let all = [&a, &b, &c, &x, &y, &z];
    for (i, p) in all.iter().enumerate() {
        for q in &all[i + 1..] {
            assert_ne!(p, q);
        }
    }
}

#[tokio::test]
async fn two_sources_with_different_keys_never_share_a_token() {
    let store: Arc<dyn TokenStore> = Arc::new(MemoryStore::new());
    let f1 = Scripted::new(3600);
    let f2 = Scripted::new(3600);
    f1.push(Ok(set("svc-a-token", None, 3600)));
    f2.push(Ok(set("svc-b-token", None, 3600)));
    let a = TokenSource::builder("p:c:a", f1)
        .store(store.clone())
        .build();
    let b = TokenSource::builder("p:c:b", f2)
        .store(store.clone())
        .build();
    assert_eq!(
        a.token().await.unwrap().access_token.secret(),
        "svc-a-token"
    );
    assert_eq!(
        b.token().await.unwrap().access_token.secret(),
        "svc-b-token"
    );
}

#[tokio::test]
async fn file_store_survives_a_restart_without_refetching() {
    let dir = std::env::temp_dir().join(format!(
        "oauth-source-file-{}-{:x}",
        std::process::id(),
        rand::random::<u64>()
    ));
    let f = Scripted::new(3600);
    f.push(Ok(set("persisted", Some("r-p"), 3600)));
    let src = TokenSource::builder("p:c:s", f.clone())
        .store(Arc::new(FileStore::new(&dir)))
        .build();
    src.token().await.unwrap();
    drop(src);
    let f2 = Scripted::new(3600);
    let src2 = TokenSource::builder("p:c:s", f2.clone())
        .store(Arc::new(FileStore::new(&dir)))
        .build();
    let t = src2.token().await.unwrap();
    assert_eq!(t.access_token.secret(), "persisted");
    assert_eq!(t.refresh_token.as_ref().unwrap().secret(), "r-p");
    assert_eq!(f2.calls(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn debug_output_has_no_secrets() {
    let f = Scripted::new(3600);
    f.push(Ok(set("secret-access", Some("secret-refresh"), 3600)));
    let src = TokenSource::builder("p:c:s", f).build();
    let t = src.token().await.unwrap();
    let shown = format!("{src:?} {t:?}");
    assert!(!shown.contains("secret-"), "{shown}");
    assert!(shown.contains("p:c:s"));
}

/// A thread reading one source many times in a row answers from its own copy of the cached
/// set; a change made on another thread (a new set, an invalidation) must reach it on its very
/// next call.
#[test]
fn a_change_on_one_thread_reaches_the_copies_of_the_others() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone()).build();
    let first = rt.block_on(src.token()).unwrap();
    let (to_reader, from_main) = std::sync::mpsc::channel::<&'static str>();
    let (to_main, from_reader) = std::sync::mpsc::channel::<String>();
    let reader_src = src.clone();
    let reader = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        while let Ok(step) = from_main.recv() {
            // Past the streak after which a thread keeps its own copy of the set.
            let mut seen = rt.block_on(reader_src.token()).unwrap();
            for _ in 0..64 {
                seen = rt.block_on(reader_src.token()).unwrap();
            }
            to_main
                .send(format!("{step}: {}", seen.access_token.secret()))
                .unwrap();
        }
    });
    let ask = |step| {
        to_reader.send(step).unwrap();
        from_reader.recv().unwrap()
    };
    assert_eq!(ask("before"), "before: gen-1");
    rt.block_on(src.set(set("set-by-main", None, 3600)))
        .unwrap();
    assert_eq!(ask("after set"), "after set: set-by-main");
    let current = rt.block_on(src.token()).unwrap();
    src.invalidate(&current);
    assert_eq!(ask("after invalidate"), "after invalidate: gen-2");
    drop(to_reader);
    reader.join().unwrap();
    assert_eq!(f.calls(), 2);
    assert_eq!(first.access_token.secret(), "gen-1");
}

/// `with_token` lends the same set `token()` shares: from the cache without a fetch, calling
/// the closure exactly once per call.
#[tokio::test]
async fn with_token_lends_the_cached_set_once_per_call() {
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone()).build();
    let calls = AtomicUsize::new(0);
    for _ in 0..1000 {
        let seen = src
            .with_token(|t| {
                calls.fetch_add(1, Ordering::Relaxed);
                t.access_token.secret().to_owned()
            })
            .await
            .unwrap();
        assert_eq!(seen, "gen-1");
    }
    assert_eq!(
        calls.load(Ordering::Relaxed),
        1000,
        "once per call, never twice"
    );
    assert_eq!(f.calls(), 1);
    assert_eq!(
        *src.token().await.unwrap(),
        src.cached().unwrap().as_ref().clone()
    );
}

/// Stale or rejected: `with_token` renews first (one fetch for every concurrent caller) and
/// lends the new set; a failed fetch is returned without calling the closure.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_token_renews_once_for_all_callers_and_never_lends_on_error() {
    let f = Scripted::new(3600).with_delay(Duration::from_millis(50));
    let src = TokenSource::builder("k", f.clone()).build();
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let s = src.clone();
            tokio::spawn(async move { s.with_token(|t| t.access_token.secret().len()).await })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), "gen-1".len());
    }
    assert_eq!(f.calls(), 1, "one fetch for 100 callers");

    let first = src.token().await.unwrap();
    src.invalidate(&first);
    let renewed = src
        .with_token(|t| t.access_token.secret().to_owned())
        .await
        .unwrap();
    assert_eq!(renewed, "gen-2");

    let now = src.token().await.unwrap();
    src.invalidate(&now);
    f.push(Err(provider_err(
        ErrorMeaning::RefreshTokenInvalid,
        "invalid_grant",
    )));
    let lent = AtomicUsize::new(0);
    let e = src
        .with_token(|_| lent.fetch_add(1, Ordering::Relaxed))
        .await
        .unwrap_err();
    assert_eq!(e.meaning(), Some(ErrorMeaning::RefreshTokenInvalid));
    assert_eq!(lent.load(Ordering::Relaxed), 0, "nothing is lent on error");
}

/// The closure may read sources itself (here by blocking on another source's `with_token`
/// and on this one's `token()`): the inner reads find this thread's copy in use and answer
/// from the shared cell instead.
#[test]
fn with_token_may_read_sources_from_inside_its_closure() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let outer = TokenSource::builder("outer", Scripted::new(3600)).build();
    let inner = TokenSource::builder("inner", Scripted::new(3600)).build();
    rt.block_on(inner.token()).unwrap();
    rt.block_on(outer.token()).unwrap();
    let seen = rt
        .block_on(outer.with_token(|o| {
            let i = futures::executor::block_on(
                inner.with_token(|i| i.access_token.secret().to_owned()),
            )
            .unwrap();
            let again = futures::executor::block_on(outer.token()).unwrap();
            format!(
                "{} {} {}",
                o.access_token.secret(),
                i,
                again.access_token.secret()
            )
        }))
        .unwrap();
    assert_eq!(seen, "gen-1 gen-1 gen-1");
}

/// A token whose whole lifetime is shorter than twice the skew is renewed halfway through its
/// life, counted from when it was obtained: a process that finds it in the store must apply
/// the same rule as the process that fetched it, or every process joining mid-life would
/// renew at once (it used to compare the time left with the skew).
#[tokio::test]
async fn a_short_lived_stored_set_is_renewed_at_half_its_life_in_every_process() {
    let skew = Duration::from_secs(60);
    // Obtained just now by another process, living 30 s: not due for 15 s.
    let store = Arc::new(MemoryStore::new());
    store
        .save("k", &set("shared", Some("r"), 30))
        .await
        .unwrap();
    let f = Scripted::new(3600);
    let joining = TokenSource::builder("k", f.clone())
        .store(store.clone())
        .skew(skew)
        .build();
    assert_eq!(
        joining.token().await.unwrap().access_token.secret(),
        "shared"
    );
    assert_eq!(
        f.calls(),
        0,
        "a set not yet halfway through its life is used"
    );

    // Obtained 20 s ago, 10 s left: past half its life, so due.
    let mut aged = set("aged", Some("r"), 10);
    aged.obtained_at = Some(SystemTime::now() - Duration::from_secs(20));
    let store = Arc::new(MemoryStore::new());
    store.save("k", &aged).await.unwrap();
    let f = Scripted::new(3600);
    let late = TokenSource::builder("k", f.clone())
        .store(store)
        .skew(skew)
        .build();
    assert_eq!(late.token().await.unwrap().access_token.secret(), "gen-1");
    assert_eq!(f.calls(), 1);
}

const HOUR: Duration = Duration::from_secs(3600);

fn cap(max: u32, live_for: Duration) -> TokenCap {
    TokenCap {
        max,
        live_for: Some(live_for),
        description: format!("at most {max} live access tokens per refresh token"),
    }
}

/// Renews `src` by rejecting its current token, as an API that keeps answering 401 would.
async fn reject_and_renew(src: &TokenSource) -> Result<Arc<TokenSet>, Error> {
    let current = src.token().await?;
    src.invalidate(&current);
    src.token().await
}

/// With a cap of 3 live access tokens per refresh token (the authorization's token counts as
/// the first), the renewal that would mint the 4th is refused before anything is sent: a
/// typed error with the wait until the oldest live token expires, and the stored set intact.
#[tokio::test]
async fn a_cap_refuses_the_renewal_that_would_pass_it() {
    let f = Scripted::new(3600);
    let store = Arc::new(MemoryStore::new());
    let src = TokenSource::builder("k", f.clone())
        .store(store.clone())
        .cap(cap(3, HOUR))
        .build();
    src.set(set("authorized", Some("r"), 3600)).await.unwrap();
    assert_eq!(src.live_tokens(), Some((1, 3)));
    assert_eq!(
        reject_and_renew(&src).await.unwrap().access_token.secret(),
        "gen-1"
    );
    assert_eq!(
        reject_and_renew(&src).await.unwrap().access_token.secret(),
        "gen-2"
    );
    assert_eq!(src.live_tokens(), Some((3, 3)));

    let e = reject_and_renew(&src).await.unwrap_err();
    match &e {
        Error::LimitReached { limit, retry_after } => {
            assert_eq!(limit, "at most 3 live access tokens per refresh token");
            assert!(
                *retry_after > HOUR - Duration::from_secs(10) && *retry_after <= HOUR,
                "the oldest live token expires in about an hour: {retry_after:?}"
            );
        }
        other => panic!("expected LimitReached, got {other:?}"),
    }
    assert_eq!(f.calls(), 2, "the refused renewal sent nothing");
    let stored = store.load("k").await.unwrap().unwrap();
    assert_eq!(stored.access_token.secret(), "gen-2");
    assert_eq!(stored.refresh_token.as_ref().unwrap().secret(), "r");
    assert_eq!(stored.mints.len(), 3, "the count is stored with the set");

    // A second process sharing the store counts the same mints.
    let f2 = Scripted::new(3600);
    let other = TokenSource::builder("k", f2.clone())
        .store(store)
        .cap(cap(3, HOUR))
        .build();
    assert_eq!(other.token().await.unwrap().access_token.secret(), "gen-2");
    assert_eq!(other.live_tokens(), Some((3, 3)));
    assert!(matches!(
        reject_and_renew(&other).await,
        Err(Error::LimitReached { .. })
    ));
    assert_eq!(f2.calls(), 0);
}

/// Mints stop counting when their tokens expire, so the cap lifts by itself; a rotated refresh
/// token starts a count of its own.
#[tokio::test]
async fn a_cap_lifts_as_tokens_expire_and_restarts_with_a_new_refresh_token() {
    let live_for = Duration::from_millis(300);
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone())
        .cap(cap(2, live_for))
        .build();
    src.set(set("authorized", Some("r1"), 3600)).await.unwrap();
    reject_and_renew(&src).await.unwrap();
    let wait = match reject_and_renew(&src).await {
        Err(Error::LimitReached { retry_after, .. }) => retry_after,
        other => panic!("expected LimitReached, got {other:?}"),
    };
    assert!(wait <= live_for, "{wait:?}");
    tokio::time::sleep(wait + Duration::from_millis(20)).await;
    // The current token is still the rejected one; now the renewal goes through.
    assert_eq!(src.token().await.unwrap().access_token.secret(), "gen-2");

    // A renewal that rotates the refresh token, once the old mints have lapsed: the new
    // refresh token's count starts at its own mint, and grows from there.
    tokio::time::sleep(live_for).await;
    f.push(Ok(set("rotated", Some("r2"), 3600)));
    assert_eq!(
        reject_and_renew(&src).await.unwrap().access_token.secret(),
        "rotated"
    );
    assert_eq!(src.live_tokens(), Some((1, 2)));
    assert_eq!(
        reject_and_renew(&src).await.unwrap().access_token.secret(),
        "gen-4"
    );
    assert_eq!(
        src.cached()
            .unwrap()
            .refresh_token
            .as_ref()
            .unwrap()
            .secret(),
        "r2"
    );
    assert_eq!(src.live_tokens(), Some((2, 2)));
    assert!(matches!(
        reject_and_renew(&src).await,
        Err(Error::LimitReached { .. })
    ));
}

/// Without a cap nothing is counted or refused, and a set without a refresh token is never
/// capped (the cap is per refresh token).
#[tokio::test]
async fn no_cap_no_count_and_no_refresh_token_no_cap() {
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone()).build();
    src.set(set("authorized", Some("r"), 3600)).await.unwrap();
    for _ in 0..5 {
        reject_and_renew(&src).await.unwrap();
    }
    assert_eq!(src.live_tokens(), None);
    assert!(src.cached().unwrap().mints.is_empty());

    let f = Scripted::new(3600);
    let cc = TokenSource::builder("cc", f.clone())
        .cap(cap(1, HOUR))
        .build();
    for _ in 0..5 {
        reject_and_renew(&cc).await.unwrap();
    }
    assert_eq!(f.calls(), 6, "the first token and five renewals");
    assert_eq!(cc.live_tokens(), None);
}

/// A provider that reuses tokens (Marketo) hands the same token back on a renewal ahead of
/// expiry, with its remaining lifetime. Renewing that by the usual rule would ask again at half
/// the time left, again and again; the source keeps it until it expires (and at least a second,
/// the grain of `expires_in`), then gets a new one.
#[tokio::test]
async fn a_reused_token_handed_back_is_kept_until_it_expires() {
    let ms = Duration::from_millis;
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone())
        .skew(ms(1200))
        .reuses_token(true)
        .build();
    let started = Instant::now();
    // Lives 2 s: due at 1 s (the 1.2 s skew is capped at half the life).
    f.push(Ok(TokenSet::bearer("same", Some(ms(2000)))));
    assert_eq!(src.token().await.unwrap().access_token.secret(), "same");
    tokio::time::sleep(ms(900).saturating_sub(started.elapsed())).await;
    // What the provider will answer at the renewal: the same token, expiring when it did.
    let left = ms(2000).saturating_sub(started.elapsed());
    f.push(Ok(TokenSet::bearer("same", Some(left))));
    // By the usual rule it would be renewed again at about 1.45 s, and again after that.
    while started.elapsed() < ms(1800) {
        assert_eq!(src.token().await.unwrap().access_token.secret(), "same");
        tokio::time::sleep(ms(25)).await;
    }
    assert_eq!(
        f.calls(),
        2,
        "one renewal ahead of expiry, then none until it expires"
    );
    tokio::time::sleep(ms(2200).saturating_sub(started.elapsed())).await;
    assert_eq!(src.token().await.unwrap().access_token.secret(), "gen-3");
    assert_eq!(f.calls(), 3);
}

/// With tokens that never expire, every mint stays live: past the cap no wait helps, and the
/// error says so with the longest wait it reports (a year).
#[tokio::test]
async fn a_cap_on_tokens_that_never_expire_never_lifts() {
    let f = Scripted::new(3600);
    let src = TokenSource::builder("k", f.clone())
        .cap(TokenCap {
            max: 1,
            live_for: None,
            description: "one token per refresh token".into(),
        })
        .build();
    src.set(set("authorized", Some("r"), 3600)).await.unwrap();
    match reject_and_renew(&src).await {
        Err(Error::LimitReached { retry_after, .. }) => {
            assert_eq!(retry_after, Duration::from_secs(365 * 24 * 3600));
        }
        other => panic!("expected LimitReached, got {other:?}"),
    }
    assert_eq!(f.calls(), 0);
}
