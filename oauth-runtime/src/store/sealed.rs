//! A store wrapper that seals every token set, so the store underneath (a file, Redis, one
//! of the application's own) only ever holds ciphertext.
//!
//! [`SealedStore`] wraps any [`TokenStore`]. A save serialises the whole set (its
//! [`StoredTokenSet`] JSON: both tokens, expiry, scopes, extra fields), seals it with
//! XChaCha20-Poly1305 under the keyring's current key and a fresh random 192-bit nonce, and
//! hands the inner store an opaque set whose access token is the envelope and which holds
//! nothing else:
//!
//! ```text
//! sealed:v1:<key id>:<base64url(nonce || ciphertext || tag), no padding>
//! ```
//!
//! The associated data is `sealed:v1:<key id>:<store key>`, so an envelope opens only under
//! the store key it was saved under (a set copied to another user's key is refused) and only
//! with the key its id names. A load opens the envelope with the key its id names: the
//! current one or an older one of the [`Keyring`], which is how keys rotate without losing
//! sets; the next save (the next refresh) seals the set again with the current key. When no
//! set names an old key any more (every set has been refreshed, or the longest token
//! lifetime has passed), drop the old key.
//!
//! What it refuses is an [`Error::StoreRefused`], never a token and never a panic: a set it
//! did not seal ([`StoreRefusal::NotSealed`]; it does not accept plain sets, which anyone
//! able to write to the inner store could plant), an envelope it cannot parse
//! ([`StoreRefusal::MalformedSeal`]), an id the keyring lacks
//! ([`StoreRefusal::UnknownKey`]), and an envelope that does not authenticate: altered, moved
//! to another store key, or sealed with another key of that id
//! ([`StoreRefusal::SealBroken`]). Locking passes through to the inner store unchanged.
//!
//! The inner store still sees the store keys, when sets are saved, and each envelope's size
//! and key id; sealing hides the tokens and the set's content, not that a set exists. The
//! keys are the application's to generate (32 bytes from a CSPRNG), keep (a secret
//! manager, not beside the store) and rotate.
//!
//! It must never write a token or a key to the inner store, a log, an error or a `Debug`
//! output, and never hand out a set it could not authenticate. Keys are wiped from memory
//! when dropped (the cipher state zeroizes itself, as does every copy of the key bytes and
//! of the serialised set this module makes).
//!
//! # Example
//!
//! ```
//! use oauth_runtime::store::{FileStore, Keyring, SealedStore, SealingKey};
//! use oauth_runtime::{Error, TokenSet, TokenStore};
//!
//! async fn demo(dir: std::path::PathBuf) -> Result<(), Error> {
//!     // Keys come from the application's secret manager: 32 random bytes, base64url.
//!     let current = SealingKey::from_base64url("2025-06", "3q2-7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs")?;
//!     // The key it replaced still opens the sets sealed before the rotation.
//!     let previous = SealingKey::new("2024-12", [7u8; 32])?;
//!     let keys = Keyring::new(current).with_old_key(previous)?;
//!
//!     let store = SealedStore::new(FileStore::new(dir), keys);
//!     store
//!         .save("zoho:client-1:alice", &TokenSet::bearer("an-access-token", None))
//!         .await?;
//!     let back = store.load("zoho:client-1:alice").await?;
//!     assert_eq!(back.map(|t| t.access_token.secret().to_owned()).as_deref(), Some("an-access-token"));
//!     Ok(())
//! }
//! # let dir = std::env::temp_dir().join(format!("oauth-sealed-doc-{}", std::process::id()));
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(demo(dir.clone())).unwrap();
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::fmt;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use futures::future::BoxFuture;
use zeroize::Zeroizing;

use super::{LockGuard, TokenStore};
use crate::error::{Error, StoreRefusal};
use crate::token::{StoredTokenSet, TokenSet};

/// What every envelope of this format starts with.
const MAGIC: &str = "sealed:v1:";
/// XChaCha20-Poly1305's nonce, in bytes: large enough to pick at random for every save.
const NONCE_LEN: usize = 24;
/// Poly1305's tag, in bytes.
const TAG_LEN: usize = 16;
/// The longest key id.
const MAX_ID_LEN: usize = 64;

/// A 256-bit sealing key and the id envelopes name it by.
///
/// `Debug` shows the id only; the key is wiped from memory when dropped.
#[derive(Clone)]
pub struct SealingKey {
    id: String,
    cipher: XChaCha20Poly1305,
}

impl fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealingKey")
            .field("id", &self.id)
            .field("key", &"[REDACTED]")
            .finish()
    }
}

impl SealingKey {
    /// A key from its 32 bytes. `id` names it in every envelope it seals: 1 to 64
    /// characters of `A-Z a-z 0-9 . _ -` (a date or a version suits rotation). The copy of
    /// `bytes` passed in is wiped; copies the caller keeps are the caller's to wipe.
    pub fn new(id: impl Into<String>, bytes: [u8; 32]) -> Result<SealingKey, Error> {
        let bytes = Zeroizing::new(bytes);
        SealingKey::from_slice(id.into(), bytes.as_slice())
    }

    /// A key from its 32 bytes in base64url without padding (43 characters), as a secret
    /// manager or an environment variable would hold it. The error never shows `encoded`.
    pub fn from_base64url(id: impl Into<String>, encoded: &str) -> Result<SealingKey, Error> {
        let id = id.into();
        check_id(&id)?;
        let bytes = Zeroizing::new(URL_SAFE_NO_PAD.decode(encoded.trim()).map_err(|_| {
            Error::Config(format!(
                "sealing key `{id}` is not base64url without padding"
            ))
        })?);
        SealingKey::from_slice(id, &bytes)
    }

    fn from_slice(id: String, bytes: &[u8]) -> Result<SealingKey, Error> {
        check_id(&id)?;
        let cipher = XChaCha20Poly1305::new_from_slice(bytes).map_err(|_| {
            Error::Config(format!(
                "sealing key `{id}` has {} bytes; it must have 32",
                bytes.len()
            ))
        })?;
        Ok(SealingKey { id, cipher })
    }

    /// The key's id.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Whether `id` may name a key: it sits between two `:` in every envelope.
fn check_id(id: &str) -> Result<(), Error> {
    if valid_id(id) {
        Ok(())
    } else {
        Err(Error::Config(format!(
            "sealing key id {id:?} is invalid; use 1 to {MAX_ID_LEN} characters of A-Z a-z \
             0-9 . _ -"
        )))
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The keys a [`SealedStore`] uses: one current key seals every save; older keys only open
/// what they sealed before a rotation.
///
/// `Debug` shows the key ids only.
#[derive(Clone)]
pub struct Keyring {
    current: SealingKey,
    old: Vec<SealingKey>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let old: Vec<&str> = self.old.iter().map(SealingKey::id).collect();
        f.debug_struct("Keyring")
            .field("current", &self.current.id)
            .field("old", &old)
            .finish()
    }
}

impl Keyring {
    /// A keyring that seals with `current` and opens only what `current` sealed.
    pub fn new(current: SealingKey) -> Keyring {
        Keyring {
            current,
            old: Vec::new(),
        }
    }

    /// Also opens sets that `key` sealed (a key rotated out). Ids must be distinct: an
    /// envelope names exactly one key.
    pub fn with_old_key(mut self, key: SealingKey) -> Result<Keyring, Error> {
        if self.get(&key.id).is_some() {
            return Err(Error::Config(format!(
                "the keyring already holds a key with id `{}`",
                key.id
            )));
        }
        self.old.push(key);
        Ok(self)
    }

    /// The id of the key that seals.
    pub fn current_id(&self) -> &str {
        &self.current.id
    }

    fn get(&self, id: &str) -> Option<&SealingKey> {
        std::iter::once(&self.current)
            .chain(&self.old)
            .find(|k| k.id == id)
    }
}

/// A [`TokenStore`] that seals every set before the inner store sees it (see the module
/// docs for the format and what it refuses).
///
/// `Debug` shows the inner store and the key ids, never a key.
pub struct SealedStore<S> {
    inner: S,
    keys: Keyring,
}

impl<S: fmt::Debug> fmt::Debug for SealedStore<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealedStore")
            .field("inner", &self.inner)
            .field("keys", &self.keys)
            .finish()
    }
}

/// What binds an envelope to its key id and store key.
fn associated_data(key_id: &str, store_key: &str) -> Vec<u8> {
    // The key id holds no `:`, so (key id, store key) is read back from this unambiguously.
    format!("{MAGIC}{key_id}:{store_key}").into_bytes()
}

fn refused(why: StoreRefusal) -> Error {
    Error::StoreRefused(why)
}

impl<S: TokenStore> SealedStore<S> {
    /// Seals what goes into `inner` with `keys`.
    pub fn new(inner: S, keys: Keyring) -> SealedStore<S> {
        SealedStore { inner, keys }
    }

    /// The store underneath, which holds only envelopes.
    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// The keyring.
    pub fn keys(&self) -> &Keyring {
        &self.keys
    }

    /// The envelope set `tokens` is stored as under `store_key`.
    fn seal(&self, store_key: &str, tokens: &TokenSet) -> Result<TokenSet, Error> {
        let key = &self.keys.current;
        let plain = Zeroizing::new(
            serde_json::to_vec(&StoredTokenSet::from(tokens))
                .map_err(|_| Error::Store("sealed store: could not encode the token set".into()))?,
        );
        let nonce = XNonce::from(rand::random::<[u8; NONCE_LEN]>());
        let aad = associated_data(&key.id, store_key);
        let sealed = key
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: &plain,
                    aad: &aad,
                },
            )
            .map_err(|_| Error::Store("sealed store: the set is too large to seal".into()))?;
        let mut blob = Vec::with_capacity(NONCE_LEN + sealed.len());
        blob.extend_from_slice(nonce.as_slice());
        blob.extend_from_slice(&sealed);
        let envelope = format!("{MAGIC}{}:{}", key.id, URL_SAFE_NO_PAD.encode(&blob));
        // Only the envelope: no expiry, type or time that the inner store could show.
        let mut opaque = TokenSet::bearer(envelope, None);
        opaque.token_type = None;
        opaque.obtained_at = None;
        Ok(opaque)
    }

    /// The set inside `stored`, the envelope found under `store_key`.
    fn open(&self, store_key: &str, stored: &TokenSet) -> Result<TokenSet, Error> {
        let envelope = stored.access_token.secret();
        let Some(rest) = envelope.strip_prefix(MAGIC) else {
            return Err(refused(StoreRefusal::NotSealed));
        };
        let Some((key_id, encoded)) = rest.split_once(':') else {
            return Err(refused(StoreRefusal::MalformedSeal));
        };
        if !valid_id(key_id) {
            return Err(refused(StoreRefusal::MalformedSeal));
        }
        let Some(key) = self.keys.get(key_id) else {
            return Err(refused(StoreRefusal::UnknownKey {
                key_id: key_id.to_string(),
            }));
        };
        let blob = URL_SAFE_NO_PAD
            .decode(encoded)
            .map_err(|_| refused(StoreRefusal::MalformedSeal))?;
        if blob.len() < NONCE_LEN + TAG_LEN {
            return Err(refused(StoreRefusal::MalformedSeal));
        }
        let (nonce, sealed) = blob.split_at(NONCE_LEN);
        let nonce = XNonce::try_from(nonce).map_err(|_| refused(StoreRefusal::MalformedSeal))?;
        let aad = associated_data(key_id, store_key);
        let plain = Zeroizing::new(
            key.cipher
                .decrypt(
                    &nonce,
                    Payload {
                        msg: sealed,
                        aad: &aad,
                    },
                )
                .map_err(|_| {
                    refused(StoreRefusal::SealBroken {
                        key_id: key_id.to_string(),
                    })
                })?,
        );
        // Authentic, so ours: a set that does not decode is from an incompatible version.
        let set: StoredTokenSet =
            serde_json::from_slice(&plain).map_err(|_| refused(StoreRefusal::MalformedSeal))?;
        Ok(TokenSet::from(set))
    }
}

impl<S: TokenStore> TokenStore for SealedStore<S> {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>> {
        Box::pin(async move {
            match self.inner.load(key).await? {
                Some(stored) => self.open(key, &stored).map(Some),
                None => Ok(None),
            }
        })
    }

    fn save<'a>(&'a self, key: &'a str, tokens: &'a TokenSet) -> BoxFuture<'a, Result<(), Error>> {
        Box::pin(async move {
            let sealed = self.seal(key, tokens)?;
            self.inner.save(key, &sealed).await
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), Error>> {
        self.inner.delete(key)
    }

    fn lock<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<Option<LockGuard>, Error>> {
        self.inner.lock(key, ttl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    fn store(key: SealingKey) -> SealedStore<MemoryStore> {
        SealedStore::new(MemoryStore::new(), Keyring::new(key))
    }

    fn refusal(r: Result<Option<TokenSet>, Error>) -> StoreRefusal {
        match r {
            Err(Error::StoreRefused(why)) => why,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn every_bit_of_the_envelope_is_authenticated() {
        let s = store(SealingKey::new("k1", [1; 32]).unwrap());
        s.save("k", &TokenSet::bearer("access-1", None))
            .await
            .unwrap();
        let stored = s.inner().load("k").await.unwrap().unwrap();
        let envelope = stored.access_token.secret().to_string();
        let encoded = envelope.strip_prefix("sealed:v1:k1:").unwrap();
        let blob = URL_SAFE_NO_PAD.decode(encoded).unwrap();
        // Nonce, ciphertext and tag: flipping any one bit is refused, and says so.
        for i in 0..blob.len() * 8 {
            let mut bad = blob.clone();
            bad[i / 8] ^= 1 << (i % 8);
            let forged = format!("sealed:v1:k1:{}", URL_SAFE_NO_PAD.encode(&bad));
            s.inner()
                .save("k", &TokenSet::bearer(forged, None))
                .await
                .unwrap();
            assert_eq!(
                refusal(s.load("k").await),
                StoreRefusal::SealBroken {
                    key_id: "k1".into()
                },
                "bit {i}"
            );
        }
        // Cut short, or not base64url: malformed.
        for forged in [
            format!("sealed:v1:k1:{}", URL_SAFE_NO_PAD.encode(&blob[..39])),
            format!("sealed:v1:k1:{encoded}="),
            "sealed:v1:k1".to_string(),
            "sealed:v1::AAAA".to_string(),
            format!("sealed:v1:k 1:{encoded}"),
        ] {
            s.inner()
                .save("k", &TokenSet::bearer(forged.clone(), None))
                .await
                .unwrap();
            assert_eq!(
                refusal(s.load("k").await),
                StoreRefusal::MalformedSeal,
                "{forged}"
            );
        }
        // An id the keyring lacks (the id ends at the first `:`).
        s.inner()
            .save(
                "k",
                &TokenSet::bearer(format!("sealed:v1:k:1:{encoded}"), None),
            )
            .await
            .unwrap();
        assert_eq!(
            refusal(s.load("k").await),
            StoreRefusal::UnknownKey { key_id: "k".into() }
        );
        // Another version or plain tokens: not sealed.
        for plain in ["sealed:v2:k1:AAAA", "access-1"] {
            s.inner()
                .save("k", &TokenSet::bearer(plain, None))
                .await
                .unwrap();
            assert_eq!(refusal(s.load("k").await), StoreRefusal::NotSealed);
        }
    }

    #[test]
    fn key_ids_and_key_material_are_checked_without_showing_the_key() {
        for bad in ["", "a:b", "a b", "ü", &"x".repeat(65)] {
            assert!(SealingKey::new(bad, [0; 32]).is_err(), "{bad:?}");
        }
        assert!(SealingKey::new("2025-06_v1.2", [0; 32]).is_ok());
        let e = SealingKey::from_base64url("k", "c2VjcmV0LWtleS1tYXRlcmlhbA").unwrap_err();
        assert!(e.to_string().contains("must have 32"), "{e}");
        assert!(!e.to_string().contains("c2VjcmV0"), "{e}");
        let e = SealingKey::from_base64url("k", "not base64 !!").unwrap_err();
        assert!(!e.to_string().contains("base64 !!"), "{e}");
        let k = SealingKey::from_base64url("k", &URL_SAFE_NO_PAD.encode([9u8; 32])).unwrap();
        assert_eq!(k.id(), "k");
        let ring = Keyring::new(k.clone());
        assert!(ring.with_old_key(k).is_err(), "duplicate ids");
    }
}
