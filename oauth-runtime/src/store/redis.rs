//! A token store in Redis, so many processes share one token and one refresh.
//!
//! Sets are JSON ([`StoredTokenSet`]). The refresh lock is `SET <lock key> <random> NX PX
//! <ttl>`, released by a compare-and-delete script, so a
//! holder never deletes a lock that expired and was taken by someone else, and a crashed
//! holder's lock expires after its TTL. A holder whose refresh outlasts the TTL (a slow
//! provider, retries) keeps the lock with a compare-and-`PEXPIRE` script
//! ([`crate::store::LockGuard::extend`], which [`crate::source::TokenSource`] calls every
//! third of the TTL), so nobody refreshes again with the refresh token the slow request is
//! rotating away. Processes that do not get the lock poll the store for the winner's set
//! ([`crate::source::TokenSource`] does the polling).
//!
//! # Key layout
//!
//! A store with prefix `P` (default `oauth`, see [`RedisStore::with_prefix`]) writes `P` as
//! `E`: `P` with every `%` written `%25` and every `:` written `%3A`. Then
//!
//! | what | Redis key |
//! | --- | --- |
//! | `key`'s token set | `E:key` |
//! | `key`'s refresh lock | `E%lock:key` |
//!
//! `E` holds no `:`, so the first `:` of a Redis key ends its namespace and the rest is the
//! store key, whatever it contains; and every `%` in `E` begins `%25` or `%3A`, so the kind
//! tag `%lock` can never be part of `E`. One Redis key therefore names exactly one (prefix,
//! kind, key): no store can read, overwrite or hold another store's set or lock, whatever
//! prefixes and keys they use. (Before this layout the lock was `P-lock:key`, the set key of
//! prefix `P-lock`, and prefixes `a:b` and `a` shared keys.) Prefixes without `%` or `:`,
//! the default among them, keep the names their sets always had (`oauth:key`); the lock
//! names changed, so processes on the old layout and on this one do not exclude each other:
//! do not run both against one Redis. A prefix may carry a Redis Cluster hash tag
//! (`{tenant}`): it is not escaped, so a key's set and lock stay in one slot.
//!
//! It must never log a token, a stored value or the connection URL (which may carry a
//! password), nor put any of them in an error.

use std::fmt;
use std::time::Duration;

use futures::future::BoxFuture;
use redis::aio::ConnectionManager;

use super::{LockGuard, TokenStore};
use crate::error::Error;
use crate::token::{StoredTokenSet, TokenSet};

const RELEASE: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('DEL', KEYS[1])
end
return 0
"#;

const EXTEND: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
    return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"#;

fn millis(ttl: Duration) -> u64 {
    u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1)
}

/// Token sets in Redis (feature `redis`).
#[derive(Clone)]
pub struct RedisStore {
    conn: ConnectionManager,
    ns: Namespace,
}

/// The Redis keys of one prefix (the layout in the module docs).
#[derive(Clone, Debug)]
struct Namespace {
    prefix: String,
    /// The prefix with `%` and `:` escaped.
    escaped: String,
}

/// The kind tag of lock keys: `%` then a letter, which no escaped prefix contains.
const LOCK_TAG: &str = "%lock";

impl Namespace {
    fn new(prefix: &str) -> Namespace {
        let mut escaped = String::with_capacity(prefix.len());
        for c in prefix.chars() {
            match c {
                '%' => escaped.push_str("%25"),
                ':' => escaped.push_str("%3A"),
                c => escaped.push(c),
            }
        }
        Namespace {
            prefix: prefix.to_string(),
            escaped,
        }
    }

    fn set_key(&self, key: &str) -> String {
        format!("{}:{key}", self.escaped)
    }

    fn lock_key(&self, key: &str) -> String {
        format!("{}{LOCK_TAG}:{key}", self.escaped)
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("prefix", &self.ns.prefix)
            .finish_non_exhaustive()
    }
}

fn redis_err(what: &str, e: redis::RedisError) -> Error {
    // Only the category: a RedisError's text can echo connection details.
    Error::Store(format!("redis {what}: {}", e.category()))
}

impl RedisStore {
    /// Connects to `url` (`redis://host:port/db`); reconnects by itself later.
    ///
    /// ```no_run
    /// use std::sync::Arc;
    ///
    /// use oauth_runtime::store::RedisStore;
    /// use oauth_runtime::TokenStore;
    ///
    /// # async fn run() -> Result<(), oauth_runtime::Error> {
    /// let store: Arc<dyn TokenStore> = Arc::new(
    ///     RedisStore::connect("redis://127.0.0.1:6379/0")
    ///         .await?
    ///         .with_prefix("my-app"),
    /// );
    /// # let _ = store;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn connect(url: &str) -> Result<RedisStore, Error> {
        let client = redis::Client::open(url).map_err(|e| redis_err("url", e))?;
        let conn = ConnectionManager::new(client)
            .await
            .map_err(|e| redis_err("connect", e))?;
        Ok(RedisStore::from_connection(conn))
    }

    /// Uses an existing connection manager.
    pub fn from_connection(conn: ConnectionManager) -> RedisStore {
        RedisStore {
            conn,
            ns: Namespace::new("oauth"),
        }
    }

    /// Namespaces keys under `prefix` instead of `oauth` (see the module docs for the layout:
    /// any two distinct prefixes get disjoint keys).
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> RedisStore {
        self.ns = Namespace::new(&prefix.into());
        self
    }

    /// The Redis key holding `key`'s set.
    pub fn redis_key(&self, key: &str) -> String {
        self.ns.set_key(key)
    }

    /// The Redis key of `key`'s refresh lock.
    pub fn lock_key(&self, key: &str) -> String {
        self.ns.lock_key(key)
    }
}

impl TokenStore for RedisStore {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>> {
        Box::pin(async move {
            let mut conn = self.conn.clone();
            let raw: Option<Vec<u8>> = redis::cmd("GET")
                .arg(self.redis_key(key))
                .query_async(&mut conn)
                .await
                .map_err(|e| redis_err("GET", e))?;
            match raw {
                None => Ok(None),
                Some(bytes) => {
                    let stored: StoredTokenSet = serde_json::from_slice(&bytes).map_err(|_| {
                        Error::Store("redis: the stored token set is not valid JSON".into())
                    })?;
                    Ok(Some(TokenSet::from(stored)))
                }
            }
        })
    }

    fn save<'a>(&'a self, key: &'a str, tokens: &'a TokenSet) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            let json = serde_json::to_vec(&StoredTokenSet::from(tokens))
                .map_err(|_| Error::Store("redis: could not encode the token set".into()))?;
            let mut conn = self.conn.clone();
            redis::cmd("SET")
                .arg(self.redis_key(key))
                .arg(json)
                .query_async::<()>(&mut conn)
                .await
                .map_err(|e| redis_err("SET", e))
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            let mut conn = self.conn.clone();
            redis::cmd("DEL")
                .arg(self.redis_key(key))
                .query_async::<()>(&mut conn)
                .await
                .map_err(|e| redis_err("DEL", e))
        })
    }

    fn lock<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<Option<LockGuard>, Error>> {
        Box::pin(async move {
            let lock_key = self.lock_key(key);
            let token = format!("{:032x}", rand::random::<u128>());
            let ms = millis(ttl);
            let mut conn = self.conn.clone();
            let set: Option<String> = redis::cmd("SET")
                .arg(&lock_key)
                .arg(&token)
                .arg("NX")
                .arg("PX")
                .arg(ms)
                .query_async(&mut conn)
                .await
                .map_err(|e| redis_err("SET NX", e))?;
            if set.is_none() {
                return Ok(None);
            }
            let (extend_conn, extend_key, extend_token) =
                (conn.clone(), lock_key.clone(), token.clone());
            let extend = move |ttl: Duration| -> BoxFuture<'static, Result<bool, Error>> {
                let (mut conn, key, token) = (
                    extend_conn.clone(),
                    extend_key.clone(),
                    extend_token.clone(),
                );
                Box::pin(async move {
                    redis::Script::new(EXTEND)
                        .key(key)
                        .arg(token)
                        .arg(millis(ttl))
                        .invoke_async::<i64>(&mut conn)
                        .await
                        .map(|n| n == 1)
                        .map_err(|e| redis_err("extend lock", e))
                })
            };
            Ok(Some(
                LockGuard::new(move || {
                    Box::pin(async move {
                        let script = redis::Script::new(RELEASE);
                        script
                            .key(lock_key)
                            .arg(token)
                            .invoke_async::<i64>(&mut conn)
                            .await
                            .map(|_| ())
                            .map_err(|e| redis_err("unlock", e))
                    })
                })
                .with_extend(extend),
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    /// Every Redis key that any of `prefixes` and `keys` can produce names one
    /// (prefix, kind, key) and nothing else.
    #[test]
    fn no_prefix_key_or_kind_produces_another_ones_redis_key() {
        let prefixes = [
            "",
            "p",
            "p-lock",
            "p:",
            ":p",
            "p:lock",
            "p%lock",
            "p%",
            "p%25",
            "p%3A",
            "p%3a",
            "%",
            "%%",
            ":",
            "::",
            "a",
            "a:b",
            "a%3Ab",
            "oauth",
            "oauth-lock",
            "oauth%lock",
            "{tag}",
            "{tag}:x",
            "p%lock:k",
            "é:ü",
        ];
        let keys = [
            "", "k", ":k", "k:", "lock:k", "%lock:k", "-lock:k", "b:c", "c", "x:y:z", "%", "%3A",
            "p:c:s",
        ];
        let mut seen: HashMap<String, (&str, &str, &str)> = HashMap::new();
        for prefix in prefixes {
            let ns = super::Namespace::new(prefix);
            for key in keys {
                for (kind, redis_key) in [("set", ns.set_key(key)), ("lock", ns.lock_key(key))] {
                    if let Some(other) = seen.insert(redis_key.clone(), (prefix, kind, key)) {
                        panic!(
                            "{redis_key:?} is both {other:?} and {:?}",
                            (prefix, kind, key)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_layout_is_the_documented_one() {
        let ns = super::Namespace::new("oauth");
        assert_eq!(ns.set_key("zoho:c:alice"), "oauth:zoho:c:alice");
        assert_eq!(ns.lock_key("zoho:c:alice"), "oauth%lock:zoho:c:alice");
        let ns = super::Namespace::new("a:b%-lock");
        assert_eq!(ns.set_key("k"), "a%3Ab%25-lock:k");
        assert_eq!(ns.lock_key("k"), "a%3Ab%25-lock%lock:k");
        // A cluster hash tag is kept, so a key's set and lock share a slot.
        assert_eq!(super::Namespace::new("{t}").lock_key("k"), "{t}%lock:k");
    }
}
