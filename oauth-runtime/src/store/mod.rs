//! Where token sets live between requests and between processes.
//!
//! A [`TokenStore`] keeps one [`TokenSet`] per key (see [`crate::source::TokenSource::key`]):
//! [`MemoryStore`] (the default, one process), [`FileStore`] (one JSON file per key, 0600,
//! replaced atomically; the processes of one machine share one refresh through a file lock)
//! and, behind the `redis` feature, `RedisStore` (many processes share one token and one
//! refresh through a distributed lock). [`SealedStore`] wraps any of them, or a store of the
//! application's own, and seals every set with a key the application provides, so what the
//! store keeps at rest (a token file, a Redis dump) holds no token.
//!
//! Stores see secrets (they must persist them) but must never log them, put them in an error
//! or a `Debug` output, or write them anywhere but their own storage. A store must never hand
//! out a half-written set: a save is all or nothing.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::BoxFuture;

use crate::error::Error;
use crate::token::TokenSet;

mod file;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "redis")]
mod redis;
mod sealed;

pub use file::FileStore;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
#[cfg(feature = "redis")]
pub use redis::RedisStore;
pub use sealed::{Keyring, SealedStore, SealingKey};

/// A place token sets are kept, one per key.
///
/// Methods return boxed futures so the trait is object safe (`Arc<dyn TokenStore>`).
pub trait TokenStore: Send + Sync + 'static {
    /// The set stored under `key`, if any.
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>>;

    /// Stores `tokens` under `key`, replacing what was there. All or nothing.
    fn save<'a>(&'a self, key: &'a str, tokens: &'a TokenSet) -> BoxFuture<'a, Result<(), Error>>;

    /// Removes what is stored under `key` (no error if nothing is).
    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), Error>>;

    /// Takes the refresh lock for `key` for at most `ttl`, so only one holder (across every
    /// process sharing the store) refreshes at a time.
    ///
    /// `Ok(Some(guard))`: taken; release it with [`LockGuard::release`] (dropping it releases
    /// in the background, and a crashed holder's lock expires after `ttl`, or, for a lock
    /// the operating system keeps, when the holder dies). A holder whose work may outlast `ttl`
    /// calls [`LockGuard::extend`]. `Ok(None)`: someone else holds it; wait for their token to
    /// appear in the store.
    ///
    /// The default is for stores that only one process uses: it always succeeds at once, since
    /// [`crate::source::TokenSource`] already allows one refresh at a time within a process.
    fn lock<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<Option<LockGuard>, Error>> {
        let _ = (key, ttl);
        Box::pin(async { Ok(Some(LockGuard::local())) })
    }

    /// The [`MemoryStore`] this store is, if it is one: a
    /// [`TokenSource`](crate::source::TokenSource) then shares each set with the store (one
    /// `Arc` for both, no copy) instead of saving and loading copies. Only [`MemoryStore`]
    /// answers `Some`; a store that wraps one ([`SealedStore`]) must keep the default, `None`.
    #[doc(hidden)]
    fn as_memory(&self) -> Option<&MemoryStore> {
        None
    }
}

type Release = Box<dyn FnOnce() -> BoxFuture<'static, Result<(), Error>> + Send>;
type Extend = Box<dyn Fn(Duration) -> BoxFuture<'static, Result<bool, Error>> + Send + Sync>;

/// A held refresh lock (see [`TokenStore::lock`]).
#[must_use = "a lock is released when its guard is released or dropped"]
pub struct LockGuard {
    release: Option<Release>,
    extend: Option<Extend>,
}

impl fmt::Debug for LockGuard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LockGuard")
            .field("held", &self.release.is_some())
            .field("extendable", &self.extend.is_some())
            .finish()
    }
}

impl LockGuard {
    /// A guard with nothing to release (in-process stores).
    pub fn local() -> LockGuard {
        LockGuard {
            release: None,
            extend: None,
        }
    }

    /// A guard that runs `release` when released (or, spawned on the current Tokio runtime,
    /// when dropped).
    pub fn new(
        release: impl FnOnce() -> BoxFuture<'static, Result<(), Error>> + Send + 'static,
    ) -> LockGuard {
        LockGuard {
            release: Some(Box::new(release)),
            extend: None,
        }
    }

    /// Gives a lock that expires a way to stay held: `extend(ttl)` must make the lock expire
    /// `ttl` from now if this guard still holds it, and answer whether it did.
    pub fn with_extend(
        mut self,
        extend: impl Fn(Duration) -> BoxFuture<'static, Result<bool, Error>> + Send + Sync + 'static,
    ) -> LockGuard {
        self.extend = Some(Box::new(extend));
        self
    }

    /// Makes the lock expire `ttl` from now, for a holder whose work outlasts the TTL it took
    /// the lock for. `Ok(true)`: still held (always, for a lock that does not expire);
    /// `Ok(false)`: it had expired, and someone else may hold it now.
    ///
    /// The future does not borrow the guard, so a holder can await it while it keeps the
    /// guard elsewhere.
    pub fn extend(&self, ttl: Duration) -> BoxFuture<'static, Result<bool, Error>> {
        match &self.extend {
            Some(f) => f(ttl),
            None => Box::pin(async { Ok(true) }),
        }
    }

    /// Releases the lock now.
    pub async fn release(mut self) -> Result<(), Error> {
        match self.release.take() {
            Some(f) => f().await,
            None => Ok(()),
        }
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        if let Some(f) = self.release.take() {
            // Best effort: without a runtime the lock simply expires after its TTL.
            if let Ok(handle) = tokio::runtime::Handle::try_current() {
                handle.spawn(async move {
                    if let Err(e) = f().await {
                        tracing::debug!(error = %e, "releasing a token-store lock failed");
                    }
                });
            }
        }
    }
}

/// The default store: a map in this process's memory. Nothing survives a restart.
///
/// Sources built from one client share one (the client's), so a source built again for the
/// same key finds the set the last one left, and a million sources cost one map, not a
/// million. Each entry holds the set in the same `Arc` as the source's cache: a set is kept
/// once however many sources and stores see it.
#[derive(Default)]
pub struct MemoryStore {
    map: Mutex<HashMap<Arc<str>, Arc<TokenSet>>>,
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.map.lock().map(|m| m.len()).unwrap_or(0);
        f.debug_struct("MemoryStore").field("keys", &n).finish()
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// How many keys hold a set.
    pub fn len(&self) -> usize {
        self.map.lock().map(|m| m.len()).unwrap_or(0)
    }

    /// Whether no key holds a set.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut HashMap<Arc<str>, Arc<TokenSet>>) -> T,
    ) -> Result<T, Error> {
        let mut map = self
            .map
            .lock()
            .map_err(|_| Error::Store("memory store poisoned".into()))?;
        Ok(f(&mut map))
    }

    /// The set under `key`, shared rather than copied.
    pub(crate) fn load_shared(&self, key: &str) -> Result<Option<Arc<TokenSet>>, Error> {
        self.with(|m| m.get(key).cloned())
    }

    /// Keeps `tokens` under `key` (the caller's key, shared rather than copied when the
    /// entry is new).
    pub(crate) fn save_shared(&self, key: &Arc<str>, tokens: Arc<TokenSet>) -> Result<(), Error> {
        self.with(|m| match m.get_mut(&**key) {
            Some(slot) => *slot = tokens,
            None => {
                m.insert(Arc::clone(key), tokens);
            }
        })
    }
}

impl TokenStore for MemoryStore {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>> {
        let r = self.with(|m| m.get(key).map(|t| TokenSet::clone(t)));
        Box::pin(async move { r })
    }

    fn save<'a>(&'a self, key: &'a str, tokens: &'a TokenSet) -> BoxFuture<'a, Result<(), Error>> {
        let r = self.with(|m| {
            m.insert(Arc::from(key), Arc::new(tokens.clone()));
        });
        Box::pin(async move { r })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), Error>> {
        let r = self.with(|m| {
            m.remove(key);
        });
        Box::pin(async move { r })
    }

    fn as_memory(&self) -> Option<&MemoryStore> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_store_round_trip() {
        let s = MemoryStore::new();
        assert!(s.load("k").await.unwrap().is_none());
        let t = TokenSet::bearer("a1", Some(Duration::from_secs(60)));
        s.save("k", &t).await.unwrap();
        assert_eq!(s.load("k").await.unwrap(), Some(t));
        assert!(s.load("other").await.unwrap().is_none());
        s.delete("k").await.unwrap();
        assert!(s.load("k").await.unwrap().is_none());
        let g = s.lock("k", Duration::from_secs(1)).await.unwrap();
        assert!(g.is_some());
        if let Some(g) = g {
            assert!(g.extend(Duration::from_secs(1)).await.unwrap());
            g.release().await.unwrap();
        }
        assert!(!format!("{s:?}").contains("a1"));
    }
}
