//! A token store that keeps one JSON file per key in a directory.
//!
//! Each save writes a temporary file in the same directory (mode 0600 from its creation, so
//! the secret is never readable by others even for an instant), flushes it to disk, renames it
//! over the target and flushes the directory: a crash mid-write leaves either the old file or
//! the new one, never a torn one. Leftover temporary files are never read.
//!
//! # Refresh lock
//!
//! The refresh lock ([`TokenStore::lock`]) is an advisory, exclusive, non-blocking file lock
//! (`flock(2)` on Unix, `LockFileEx` on Windows, through `fs4`) on a `<key>.lock` file beside
//! the key's `<key>.json`, so every process on the machine sharing the directory (and every
//! `FileStore` in one process) refreshes a key one at a time, like `RedisStore`: a process that
//! does not get the lock waits for the winner's set to appear in the file
//! ([`crate::source::TokenSource`] does the polling). The lock belongs to the open file, so
//! the kernel releases it when the holder releases or drops its guard, or dies (a crash, a
//! `SIGKILL`): nobody waits on a dead holder. The lock is not timed: the `ttl` argument is not
//! used, and a holder that hangs while alive keeps it (its waiters give up after twice the
//! source's `lock_ttl`). Lock files are empty, 0600, and never deleted: removing one while a
//! process waits on it would let two processes lock two different files. Advisory locks bind
//! only processes that take them, and on network file systems they are only as good as the
//! server's locking.
//!
//! It must never write a token anywhere but its directory, never log a token or a file's
//! content, and never leave a token file readable by other users.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use futures::future::BoxFuture;

use super::{LockGuard, TokenStore};
use crate::error::Error;
use crate::token::{StoredTokenSet, TokenSet};

const SUFFIX: &str = ".json";
const LOCK_SUFFIX: &str = ".lock";
const TMP_MARKER: &str = ".tmp-";

/// One JSON file (a [`StoredTokenSet`]) per key, in one directory.
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    /// A store in `dir` (created, mode 0700, when first saved to if missing).
    pub fn new(dir: impl Into<PathBuf>) -> FileStore {
        FileStore { dir: dir.into() }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding `key`.
    pub fn path_for(&self, key: &str) -> PathBuf {
        self.dir.join(file_name(key))
    }

    /// The file whose lock is `key`'s refresh lock (see the module docs).
    pub fn lock_path_for(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{}{LOCK_SUFFIX}", stem(key)))
    }
}

/// The file name holding `key`: its [`stem`] and `.json`.
fn file_name(key: &str) -> String {
    format!("{}{SUFFIX}", stem(key))
}

/// An injective, filesystem-safe name for a key: `[A-Za-z0-9_-]` kept, everything else
/// (including `%` and `.`) as `%XX`; long keys are replaced by their SHA-256.
fn stem(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + SUFFIX.len());
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.len() > 200 || out.is_empty() {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(key.as_bytes());
        out = String::from("sha256-");
        for b in digest {
            out.push_str(&format!("{b:02x}"));
        }
    }
    out
}

fn io_err(what: &str, e: std::io::Error) -> Error {
    // The path is not included: it is derived from the key, which is not secret, but the
    // kind is enough to act on and keeps messages short.
    Error::Store(format!("file store: {what}: {}", e.kind()))
}

fn load_blocking(path: &Path) -> Result<Option<TokenSet>, Error> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err("read", e)),
    };
    let stored: StoredTokenSet = serde_json::from_slice(&bytes).map_err(|e| {
        // serde_json's message names a position and a category, never the content.
        Error::Store(format!(
            "file store: unreadable token file (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    Ok(Some(TokenSet::from(stored)))
}

fn create_dir(dir: &Path) -> Result<(), Error> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir).map_err(|e| io_err("create directory", e))
}

fn open_private(path: &Path) -> std::io::Result<fs::File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

/// Takes the lock on `path` without waiting: the open file holding it, or `None` when another
/// open file (in any process) holds it.
fn try_lock_blocking(dir: &Path, path: &Path) -> Result<Option<fs::File>, Error> {
    create_dir(dir)?;
    let mut o = fs::OpenOptions::new();
    // Write access: Windows' LockFileEx wants it; nothing is ever written.
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let file = o.open(path).map_err(|e| io_err("open lock file", e))?;
    // Called through the trait: newer std has inherent `File::try_lock` with another error type.
    match fs4::FileExt::try_lock(&file) {
        Ok(()) => Ok(Some(file)),
        Err(fs4::TryLockError::WouldBlock) => Ok(None),
        Err(fs4::TryLockError::Error(e)) => Err(io_err("lock", e)),
    }
}

/// Releases the lock `file` holds (closing it would too; this reports a failure).
fn unlock(file: fs::File) -> Result<(), Error> {
    fs4::FileExt::unlock(&file).map_err(|e| io_err("unlock", e))
}

fn save_blocking(dir: &Path, name: &str, json: &[u8]) -> Result<(), Error> {
    create_dir(dir)?;
    let target = dir.join(name);
    let tmp = dir.join(format!(".{name}{TMP_MARKER}{:016x}", rand::random::<u64>()));
    let write = || -> std::io::Result<()> {
        let mut f = open_private(&tmp)?;
        f.write_all(json)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, &target)?;
        Ok(())
    };
    if let Err(e) = write() {
        let _ = fs::remove_file(&tmp);
        return Err(io_err("write", e));
    }
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> Result<(), Error> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_err("sync directory", e))
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> Result<(), Error> {
    Ok(())
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| Error::Store("file store: I/O task failed".into()))?
}

impl TokenStore for FileStore {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>> {
        let path = self.path_for(key);
        Box::pin(blocking(move || load_blocking(&path)))
    }

    fn save<'a>(&'a self, key: &'a str, tokens: &'a TokenSet) -> BoxFuture<'a, Result<(), Error>> {
        let dir = self.dir.clone();
        let name = file_name(key);
        let json = serde_json::to_vec(&StoredTokenSet::from(tokens))
            .map_err(|_| Error::Store("file store: could not encode the token set".into()));
        Box::pin(async move {
            let json = json?;
            blocking(move || save_blocking(&dir, &name, &json)).await
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), Error>> {
        let path = self.path_for(key);
        let dir = self.dir.clone();
        Box::pin(blocking(move || {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err(io_err("delete", e)),
            }
            sync_dir(&dir)
        }))
    }

    /// An exclusive file lock on `<key>.lock`, across processes (see the module docs). `ttl`
    /// is not used: the kernel releases the lock when its holder closes the file or dies.
    fn lock<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<Option<LockGuard>, Error>> {
        let _ = ttl;
        let dir = self.dir.clone();
        let path = self.lock_path_for(key);
        Box::pin(async move {
            let held = blocking(move || try_lock_blocking(&dir, &path)).await?;
            // The guard owns the open file: releasing it unlocks; dropping it, even where no
            // runtime is left to run the release, closes the file, which unlocks too.
            Ok(held.map(|file| LockGuard::new(move || Box::pin(async move { unlock(file) }))))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::RefreshToken;
    use std::time::Duration;

    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!(
            "oauth-filestore-{tag}-{}-{:x}",
            std::process::id(),
            rand::random::<u64>()
        ));
        let _ = fs::remove_dir_all(&d);
        d
    }

    fn set(access: &str, refresh: &str) -> TokenSet {
        let mut t = TokenSet::bearer(access, Some(Duration::from_secs(3600)));
        t.refresh_token = Some(RefreshToken::new(refresh));
        t
    }

    #[test]
    fn names_are_injective_and_safe() {
        let a = file_name("zoho:id/1:alice");
        let b = file_name("zoho:id%2F1:alice");
        assert_ne!(a, b);
        assert!(!a.contains('/') && !a.contains(':'));
        assert_ne!(file_name("a.b"), file_name("a%2Eb"));
        assert!(file_name("../etc/passwd").starts_with("%2E%2E%2F"));
        let long = "x".repeat(500);
        assert!(file_name(&long).starts_with("sha256-"));
        assert!(file_name(&long).len() < 100);
    }

    #[tokio::test]
    async fn round_trip_and_delete() {
        let dir = temp_dir("rt");
        let s = FileStore::new(dir.join("nested"));
        assert!(s.load("k").await.unwrap().is_none());
        let t = set("a1", "r1");
        s.save("k", &t).await.unwrap();
        let back = s.load("k").await.unwrap().unwrap();
        assert_eq!(back.access_token, t.access_token);
        assert_eq!(back.refresh_token, t.refresh_token);
        // Expiry survives to the millisecond.
        let d = back
            .expires_at
            .unwrap()
            .duration_since(t.expires_at.unwrap())
            .unwrap_or_else(|e| e.duration());
        assert!(d < Duration::from_millis(2));
        s.save("k", &set("a2", "r2")).await.unwrap();
        assert_eq!(
            s.load("k").await.unwrap().unwrap().access_token.secret(),
            "a2"
        );
        s.delete("k").await.unwrap();
        s.delete("k").await.unwrap();
        assert!(s.load("k").await.unwrap().is_none());
        // No temporary file is left behind by successful saves.
        let left: Vec<_> = fs::read_dir(s.dir()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn files_are_0600_and_dir_0700() {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("mode");
        let s = FileStore::new(&dir);
        s.save("k", &set("a1", "r1")).await.unwrap();
        let mode = fs::metadata(s.path_for("k")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
        let dmode = fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(dmode, 0o700, "{dmode:o}");
        // Overwriting keeps 0600 (the temp file is created 0600 and renamed over).
        s.save("k", &set("a2", "r2")).await.unwrap();
        let mode = fs::metadata(s.path_for("k")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let _ = fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn leftover_temp_file_is_ignored() {
        let dir = temp_dir("torn");
        let s = FileStore::new(&dir);
        s.save("k", &set("good", "r-good")).await.unwrap();
        // A crash after writing half a temp file: the target is untouched, the torn temp is
        // never read.
        let name = file_name("k");
        fs::write(
            dir.join(format!(".{name}{TMP_MARKER}deadbeef")),
            b"{\"access_token\":\"to",
        )
        .unwrap();
        let back = s.load("k").await.unwrap().unwrap();
        assert_eq!(back.access_token.secret(), "good");
        assert_eq!(back.refresh_token.unwrap().secret(), "r-good");
        // A torn temp file for a key never saved does not make it appear.
        fs::write(
            dir.join(format!(".{}{TMP_MARKER}1", file_name("other"))),
            b"{",
        )
        .unwrap();
        assert!(s.load("other").await.unwrap().is_none());
        // And saving again still works.
        s.save("k", &set("newer", "r2")).await.unwrap();
        assert_eq!(
            s.load("k").await.unwrap().unwrap().access_token.secret(),
            "newer"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn lock_is_exclusive_across_stores_and_released_by_release_or_drop() {
        let dir = temp_dir("lock");
        // Two stores on one directory: each takes the lock through its own open file, as two
        // processes would.
        let a = FileStore::new(&dir);
        let b = FileStore::new(&dir);
        let ttl = Duration::from_secs(30);
        let held = a.lock("k", ttl).await.unwrap().expect("free lock");
        assert!(b.lock("k", ttl).await.unwrap().is_none(), "held by a");
        assert!(
            a.lock("k", ttl).await.unwrap().is_none(),
            "held, even for its holder"
        );
        // Other keys have their own lock; loads and saves do not take it.
        let other = b.lock("other", ttl).await.unwrap().expect("another key");
        b.save("k", &set("a1", "r1")).await.unwrap();
        assert_eq!(
            b.load("k").await.unwrap().unwrap().access_token.secret(),
            "a1"
        );
        held.release().await.unwrap();
        let again = b.lock("k", ttl).await.unwrap().expect("released");
        // Dropping a guard unlocks at once: the open file is closed with it.
        drop(again);
        tokio::task::yield_now().await;
        let third = a.lock("k", ttl).await.unwrap();
        assert!(third.is_some(), "dropped guard released the lock");
        drop(third);
        other.release().await.unwrap();
        // The lock file sits beside the token file, is private, and is never read as a set.
        assert_eq!(
            a.lock_path_for("k").file_name().unwrap().to_str().unwrap(),
            "k.lock"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(a.lock_path_for("k"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(mode, 0o600, "{mode:o}");
        }
        assert_eq!(
            a.load("k").await.unwrap().unwrap().access_token.secret(),
            "a1"
        );
        assert!(a.load("other").await.unwrap().is_none());
        // A lock file never collides with a key's token file: `.` is always escaped.
        assert_ne!(a.lock_path_for("x"), a.path_for("x.lock"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_guard_dropped_without_a_runtime_releases_the_lock() {
        let dir = temp_dir("lock-nort");
        let s = FileStore::new(&dir);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let g = rt
            .block_on(s.lock("k", Duration::from_secs(1)))
            .unwrap()
            .unwrap();
        drop(rt);
        // No runtime to spawn the release on: closing the file releases it.
        drop(g);
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        assert!(rt
            .block_on(s.lock("k", Duration::from_secs(1)))
            .unwrap()
            .is_some());
        let _ = fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn corrupt_file_is_a_store_error_without_content() {
        let dir = temp_dir("corrupt");
        let s = FileStore::new(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(s.path_for("k"), b"{\"access_token\": \"secret-xyz\"").unwrap();
        let e = s.load("k").await.unwrap_err();
        assert!(matches!(e, Error::Store(_)));
        assert!(!e.to_string().contains("secret-xyz"), "{e}");
        let _ = fs::remove_dir_all(&dir);
    }
}
