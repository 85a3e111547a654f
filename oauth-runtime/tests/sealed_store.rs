//! SealedStore over the real stores: a token file and a Redis value (a real redis-server the
//! test starts, feature `redis`) hold no token; an altered envelope, a wrong key or a set
//! moved to another key is refused; keys rotate without losing sets.

#[cfg(feature = "redis")]
#[path = "common/redis_server.rs"]
mod redis_server;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use oauth_runtime::error::StoreRefusal;
use oauth_runtime::store::{Keyring, MemoryStore, SealedStore, SealingKey};
use oauth_runtime::token::StoredTokenSet;
use oauth_runtime::{Error, FileStore, RefreshToken, TokenSet, TokenStore};

const ACCESS: &str = "access-token-plain-3f9a";
const REFRESH: &str = "refresh-token-plain-77c1";

fn full_set() -> TokenSet {
    let mut t = TokenSet::bearer(ACCESS, Some(Duration::from_secs(3600)));
    t.refresh_token = Some(RefreshToken::new(REFRESH));
    t.scopes = Some(vec!["ZohoProjects.portals.READ".into()]);
    t.extra = BTreeMap::from([("api_domain".to_string(), "https://www.zohoapis.eu".into())]);
    t
}

fn key(id: &str, byte: u8) -> SealingKey {
    SealingKey::new(id, [byte; 32]).unwrap()
}

fn ring(current: SealingKey, old: impl IntoIterator<Item = SealingKey>) -> Keyring {
    old.into_iter()
        .fold(Keyring::new(current), |r, k| r.with_old_key(k).unwrap())
}

fn refusal<T: std::fmt::Debug>(r: Result<T, Error>) -> StoreRefusal {
    match r {
        Err(Error::StoreRefused(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// What is at rest names neither token, and is an envelope of `key_id`.
fn assert_sealed_at_rest(at_rest: &[u8], key_id: &str) {
    let text = String::from_utf8_lossy(at_rest);
    assert!(!text.contains(ACCESS), "access token at rest: {text}");
    assert!(!text.contains(REFRESH), "refresh token at rest: {text}");
    assert!(!text.contains("api_domain") && !text.contains("ZohoProjects"));
    assert!(text.contains(&format!("sealed:v1:{key_id}:")), "{text}");
}

fn assert_same(a: &TokenSet, b: &TokenSet) {
    assert_eq!(StoredTokenSet::from(a), StoredTokenSet::from(b));
}

fn temp_dir(tag: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "oauth-sealed-{tag}-{}-{:x}",
        std::process::id(),
        rand::random::<u64>()
    ))
}

/// Changes one character near the end of the envelope's base64url (inside the ciphertext or
/// tag; canonical base64url, so the decoded bytes change).
fn flip_a_bit(envelope: &str) -> String {
    let mut bytes = envelope.as_bytes().to_vec();
    let i = envelope.len() - 20;
    bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

#[tokio::test]
async fn a_token_file_holds_no_token_and_an_altered_one_is_refused() {
    let dir = temp_dir("file");
    let store = SealedStore::new(FileStore::new(&dir), ring(key("k1", 1), []));
    let set = full_set();
    store.save("zoho:c:alice", &set).await.unwrap();
    let file = store.inner().path_for("zoho:c:alice");
    let at_rest = std::fs::read(&file).unwrap();
    assert_sealed_at_rest(&at_rest, "k1");
    assert_same(&store.load("zoho:c:alice").await.unwrap().unwrap(), &set);

    // A bit flipped in the file: refused, never a token.
    let stored: StoredTokenSet = serde_json::from_slice(&at_rest).unwrap();
    let mut forged = stored.clone();
    forged.access_token = flip_a_bit(&stored.access_token);
    std::fs::write(&file, serde_json::to_vec(&forged).unwrap()).unwrap();
    let why = refusal(store.load("zoho:c:alice").await);
    assert_eq!(
        why,
        StoreRefusal::SealBroken {
            key_id: "k1".into()
        }
    );

    // A plain token file (written by a FileStore without sealing) is not handed out.
    store.inner().save("zoho:c:bob", &set).await.unwrap();
    assert_eq!(
        refusal(store.load("zoho:c:bob").await),
        StoreRefusal::NotSealed
    );
    store.delete("zoho:c:alice").await.unwrap();
    assert!(!file.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_set_copied_under_another_store_key_does_not_open() {
    let store = SealedStore::new(MemoryStore::new(), ring(key("k1", 1), []));
    store.save("p:c:alice", &full_set()).await.unwrap();
    // Someone with write access to the inner store gives bob alice's tokens.
    let alices = store.inner().load("p:c:alice").await.unwrap().unwrap();
    store.inner().save("p:c:bob", &alices).await.unwrap();
    assert_eq!(
        refusal(store.load("p:c:bob").await),
        StoreRefusal::SealBroken {
            key_id: "k1".into()
        }
    );
    assert!(store.load("p:c:alice").await.unwrap().is_some());
}

#[tokio::test]
async fn a_wrong_key_is_refused() {
    let inner = MemoryStore::new();
    let right = SealedStore::new(inner, ring(key("k1", 1), []));
    right.save("k", &full_set()).await.unwrap();
    let envelope = right.inner().load("k").await.unwrap().unwrap();
    // Same id, other bytes.
    let wrong = SealedStore::new(MemoryStore::new(), ring(key("k1", 2), []));
    wrong.inner().save("k", &envelope).await.unwrap();
    let e = wrong.load("k").await.unwrap_err();
    assert!(
        matches!(&e, Error::StoreRefused(StoreRefusal::SealBroken { key_id }) if key_id == "k1"),
        "{e:?}"
    );
    assert!(!e.to_string().contains(ACCESS));
    // An id the keyring does not hold.
    let other = SealedStore::new(MemoryStore::new(), ring(key("k9", 1), []));
    other.inner().save("k", &envelope).await.unwrap();
    assert_eq!(
        refusal(other.load("k").await),
        StoreRefusal::UnknownKey {
            key_id: "k1".into()
        }
    );
}

#[tokio::test]
async fn rotation_keeps_old_sets_readable_and_reseals_them_on_the_next_save() {
    let dir = temp_dir("rotate");
    let before = SealedStore::new(FileStore::new(&dir), ring(key("2024-12", 1), []));
    let set = full_set();
    before.save("k", &set).await.unwrap();

    // Rotated: a new current key, the old one kept to open.
    let after = SealedStore::new(
        FileStore::new(&dir),
        ring(key("2025-06", 2), [key("2024-12", 1)]),
    );
    assert_eq!(after.keys().current_id(), "2025-06");
    let opened = after.load("k").await.unwrap().unwrap();
    assert_same(&opened, &set);
    let file = after.inner().path_for("k");
    assert_sealed_at_rest(&std::fs::read(&file).unwrap(), "2024-12");
    // The next save seals with the current key.
    after.save("k", &opened).await.unwrap();
    assert_sealed_at_rest(&std::fs::read(&file).unwrap(), "2025-06");

    // The old key can go now; without it, only the old envelope would be refused.
    let only_new = SealedStore::new(FileStore::new(&dir), ring(key("2025-06", 2), []));
    assert_same(&only_new.load("k").await.unwrap().unwrap(), &set);
    assert_eq!(
        refusal(before.load("k").await),
        StoreRefusal::UnknownKey {
            key_id: "2025-06".into()
        }
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn locking_passes_through_to_the_inner_store() {
    let dir = temp_dir("lock");
    let sealed = SealedStore::new(FileStore::new(&dir), ring(key("k1", 1), []));
    let plain = FileStore::new(&dir);
    let ttl = Duration::from_secs(30);
    let held = sealed.lock("k", ttl).await.unwrap().expect("free");
    assert!(plain.lock("k", ttl).await.unwrap().is_none(), "one lock");
    held.release().await.unwrap();
    assert!(plain.lock("k", ttl).await.unwrap().is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn debug_shows_key_ids_and_never_a_key_or_a_token() {
    let bytes = [0xA7u8; 32];
    let k = SealingKey::new("2025-06", bytes).unwrap();
    let store = SealedStore::new(MemoryStore::new(), ring(k.clone(), [key("2024-12", 3)]));
    store.save("k", &full_set()).await.unwrap();
    let shown = format!("{k:?} {:?} {store:?}", store.keys());
    assert!(
        shown.contains("2025-06") && shown.contains("2024-12"),
        "{shown}"
    );
    for secret in ["167, 167", "a7a7", "A7A7", "p6en", "[3, 3", ACCESS, REFRESH] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
}

#[cfg(feature = "redis")]
mod redis {
    use super::*;
    use oauth_runtime::store::RedisStore;
    use redis_server::RedisServer;

    async fn raw_get(url: &str, key: &str) -> Vec<u8> {
        let mut conn = ::redis::Client::open(url)
            .unwrap()
            .get_multiplexed_async_connection()
            .await
            .unwrap();
        ::redis::cmd("GET")
            .arg(key)
            .query_async(&mut conn)
            .await
            .unwrap()
    }

    async fn raw_set(url: &str, key: &str, value: &[u8]) {
        let mut conn = ::redis::Client::open(url)
            .unwrap()
            .get_multiplexed_async_connection()
            .await
            .unwrap();
        ::redis::cmd("SET")
            .arg(key)
            .arg(value)
            .query_async::<()>(&mut conn)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn a_redis_value_holds_no_token_and_an_altered_one_is_refused() {
        let server = RedisServer::start();
        let inner = RedisStore::connect(&server.url).await.unwrap();
        let redis_key = inner.redis_key("zoho:c:alice");
        let store = SealedStore::new(inner, ring(key("k1", 1), []));
        let set = full_set();
        store.save("zoho:c:alice", &set).await.unwrap();
        let at_rest = raw_get(&server.url, &redis_key).await;
        assert_sealed_at_rest(&at_rest, "k1");
        assert_same(&store.load("zoho:c:alice").await.unwrap().unwrap(), &set);
        assert!(!format!("{store:?}").contains(ACCESS));

        let stored: StoredTokenSet = serde_json::from_slice(&at_rest).unwrap();
        let mut forged = stored.clone();
        forged.access_token = flip_a_bit(&stored.access_token);
        raw_set(
            &server.url,
            &redis_key,
            &serde_json::to_vec(&forged).unwrap(),
        )
        .await;
        let why = refusal(store.load("zoho:c:alice").await);
        assert_eq!(
            why,
            StoreRefusal::SealBroken {
                key_id: "k1".into()
            }
        );

        // Rotation over Redis: the old set opens and is resealed by the next save.
        raw_set(&server.url, &redis_key, &at_rest).await;
        let rotated = SealedStore::new(
            RedisStore::connect(&server.url).await.unwrap(),
            ring(key("k2", 2), [key("k1", 1)]),
        );
        let opened = rotated.load("zoho:c:alice").await.unwrap().unwrap();
        assert_same(&opened, &set);
        rotated.save("zoho:c:alice", &opened).await.unwrap();
        assert_sealed_at_rest(&raw_get(&server.url, &redis_key).await, "k2");
        // A wrong key under the current id is refused.
        let wrong = SealedStore::new(
            RedisStore::connect(&server.url).await.unwrap(),
            ring(key("k2", 9), []),
        );
        assert_eq!(
            refusal(wrong.load("zoho:c:alice").await),
            StoreRefusal::SealBroken {
                key_id: "k2".into()
            }
        );
        // The lock is the Redis store's own.
        let held = rotated
            .lock("zoho:c:alice", Duration::from_secs(30))
            .await
            .unwrap()
            .expect("free");
        let plain = RedisStore::connect(&server.url).await.unwrap();
        assert!(plain
            .lock("zoho:c:alice", Duration::from_secs(30))
            .await
            .unwrap()
            .is_none());
        held.release().await.unwrap();
    }
}
