//! A token store that keeps one JSON file per key in a directory.
//!
//! Each save writes a temporary file in the same directory (mode 0600 from its creation, so
//! the secret is never readable by others even for an instant), flushes it to disk, renames it
//! over the target and flushes the directory: a crash mid-write leaves either the old file or
//! the new one, never a torn one. Leftover temporary files are never read.
//!
//! # What it trusts
//!
//! Only a directory that no one else can change. On Unix every operation first opens the
//! directory and checks it: it must belong to the user the process runs as and must not be
//! writable by its group or by others, else the operation fails with
//! [`Error::StoreRefused`] ([`StoreRefusal::InsecureDirectory`], whose message says to run
//! `chmod 700 <dir>`, or [`StoreRefusal::ForeignDirectory`]). Whoever can write to the
//! directory could otherwise swap token files, or plant a link that makes this process
//! create or overwrite a file elsewhere. Directories the store creates are 0700 at every
//! level. Files are then reached through that open directory by name (`openat`,
//! `renameat`, `unlinkat`), so a directory renamed or replaced after the check is never
//! written to, and no file is reached through a symbolic link: the lock file, the token files
//! and the temporary files are opened with `O_NOFOLLOW` (temporary files also with `O_EXCL`),
//! a save refuses to replace a link, and the replace is a `rename` within the directory,
//! which never follows one. A link is refused with [`StoreRefusal::Symlink`], anything but
//! a regular file (a FIFO, which would block a read for ever, a directory) with
//! [`StoreRefusal::NotAFile`]; deleting a key removes a link itself, never its target. The
//! directory's own path may pass through links: what is checked is the directory it names.
//! The parents of the directory are not checked: keep it under a directory only you can
//! change. On other systems the store checks that no file it uses is a link just before
//! using it, and relies on the directory's access control for the rest.
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
//! It must never write a token anywhere but its directory, never follow a link, never log a
//! token or a file's content, and never leave a token file readable by other users.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use futures::future::BoxFuture;

use super::{LockGuard, TokenStore};
use crate::error::{Error, StoreRefusal};
use crate::token::{StoredTokenSet, TokenSet};

const SUFFIX: &str = ".json";
const LOCK_SUFFIX: &str = ".lock";
const TMP_MARKER: &str = ".tmp-";

/// One JSON file (a [`StoredTokenSet`]) per key, in one directory that only its user can
/// change (see the module docs for what it checks).
///
/// `Debug` shows the directory only: the store holds no token.
///
/// ```
/// use oauth_runtime::{FileStore, TokenSet, TokenStore};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), oauth_runtime::Error> {
/// # let tmp = std::env::temp_dir().join(format!("filestore-doc-{}", std::process::id()));
/// let store = FileStore::new(&tmp); // created 0700 on the first save
/// store.save("acme/alice", &TokenSet::bearer("access-token", None)).await?;
/// let loaded = store.load("acme/alice").await?;
/// assert!(loaded.is_some());
/// # std::fs::remove_dir_all(&tmp).ok();
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    /// A store in `dir` (created, mode 0700, when first saved to if missing). Nothing is
    /// checked yet: each operation checks the directory (see the module docs).
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
        self.dir.join(lock_name(key))
    }
}

/// The file name holding `key`: its [`stem`] and `.json`.
fn file_name(key: &str) -> String {
    format!("{}{SUFFIX}", stem(key))
}

/// The name of `key`'s lock file: its [`stem`] and `.lock`.
fn lock_name(key: &str) -> String {
    format!("{}{LOCK_SUFFIX}", stem(key))
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

/// Creates `dir` and its missing parents, each 0700 (less the umask, which only removes).
fn create_dirs(dir: &Path) -> Result<(), Error> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir).map_err(|e| io_err("create directory", e))
}

/// The store's directory, opened and checked. Every file is reached through it by name.
struct Dir {
    /// The open directory (Unix: the handle files are opened relative to).
    #[cfg(unix)]
    handle: fs::File,
    path: PathBuf,
}

#[cfg(unix)]
impl Dir {
    /// Opens and checks `path`, creating it first when `create` and missing; `None` when
    /// missing and not `create`.
    fn open(path: &Path, create: bool) -> Result<Option<Dir>, Error> {
        use rustix::fs::{Mode, OFlags};
        use rustix::io::Errno;
        use std::os::unix::fs::MetadataExt;

        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = match rustix::fs::open(path, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(Errno::NOENT) if create => {
                create_dirs(path)?;
                rustix::fs::open(path, flags, Mode::empty())
                    .map_err(|e| io_err("open directory", e.into()))?
            }
            Err(Errno::NOENT) => return Ok(None),
            Err(Errno::NOTDIR) => {
                return Err(Error::StoreRefused(StoreRefusal::NotADirectory {
                    path: path.to_path_buf(),
                }))
            }
            Err(e) => return Err(io_err("open directory", e.into())),
        };
        let handle = fs::File::from(fd);
        let meta = handle
            .metadata()
            .map_err(|e| io_err("inspect directory", e))?;
        let user = rustix::process::geteuid().as_raw();
        if meta.uid() != user {
            return Err(Error::StoreRefused(StoreRefusal::ForeignDirectory {
                dir: path.to_path_buf(),
                owner: meta.uid(),
                user,
            }));
        }
        let mode = meta.mode() & 0o7777;
        if mode & 0o022 != 0 {
            return Err(Error::StoreRefused(StoreRefusal::InsecureDirectory {
                dir: path.to_path_buf(),
                mode,
            }));
        }
        Ok(Some(Dir {
            handle,
            path: path.to_path_buf(),
        }))
    }

    /// What `name` is, without following a link; `None` when missing.
    fn kind(&self, name: &str) -> Result<Option<rustix::fs::FileType>, Error> {
        use rustix::fs::{AtFlags, FileType};
        match rustix::fs::statat(&self.handle, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(st) => Ok(Some(FileType::from_raw_mode(st.st_mode))),
            Err(rustix::io::Errno::NOENT) => Ok(None),
            Err(e) => Err(io_err("inspect file", e.into())),
        }
    }

    /// Refuses `name` unless it is missing or a regular file.
    fn check_kind(&self, name: &str) -> Result<(), Error> {
        use rustix::fs::FileType;
        match self.kind(name)? {
            None | Some(FileType::RegularFile) => Ok(()),
            Some(FileType::Symlink) => Err(self.refuse_link(name)),
            Some(_) => Err(self.refuse_not_a_file(name)),
        }
    }

    fn refuse_link(&self, name: &str) -> Error {
        Error::StoreRefused(StoreRefusal::Symlink {
            path: self.path.join(name),
        })
    }

    fn refuse_not_a_file(&self, name: &str) -> Error {
        Error::StoreRefused(StoreRefusal::NotAFile {
            path: self.path.join(name),
        })
    }

    /// Opens the regular file `name` without following a link or blocking on a FIFO
    /// (`extra`: the access mode, and `CREATE` to create it 0600); `None` when missing.
    fn open_file(
        &self,
        name: &str,
        extra: rustix::fs::OFlags,
        what: &str,
    ) -> Result<Option<fs::File>, Error> {
        use rustix::fs::{Mode, OFlags};
        let flags = extra | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let fd = match rustix::fs::openat(&self.handle, name, flags, Mode::RUSR | Mode::WUSR) {
            Ok(fd) => fd,
            Err(rustix::io::Errno::NOENT) => return Ok(None),
            Err(e) => {
                // `O_NOFOLLOW` on a link fails with ELOOP on Linux, EMLINK on FreeBSD: ask
                // what the file is rather than read the errno.
                self.check_kind(name)?;
                return Err(io_err(what, e.into()));
            }
        };
        let file = fs::File::from(fd);
        let meta = file.metadata().map_err(|e| io_err(what, e))?;
        if !meta.file_type().is_file() {
            return Err(self.refuse_not_a_file(name));
        }
        Ok(Some(file))
    }

    /// The content of `name`; `None` when missing.
    fn read(&self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        use std::io::Read;
        let Some(mut file) = self.open_file(name, rustix::fs::OFlags::RDONLY, "read")? else {
            return Ok(None);
        };
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| io_err("read", e))?;
        Ok(Some(bytes))
    }

    /// Replaces `name` with `bytes`, all or nothing, through a private temporary file.
    fn replace(&self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        use rustix::fs::{AtFlags, Mode, OFlags};
        use std::io::Write;
        // `rename` would replace a link rather than follow it; refusing says something is
        // wrong in the directory instead of hiding it.
        self.check_kind(name)?;
        let tmp = format!(".{name}{TMP_MARKER}{:016x}", rand::random::<u64>());
        let flags =
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(&self.handle, tmp.as_str(), flags, Mode::RUSR | Mode::WUSR)
            .map_err(|e| io_err("create temporary file", e.into()))?;
        let mut file = fs::File::from(fd);
        let written = file
            .write_all(bytes)
            .and_then(|()| file.sync_all())
            .and_then(|()| {
                drop(file);
                rustix::fs::renameat(&self.handle, tmp.as_str(), &self.handle, name)
                    .map_err(std::io::Error::from)
            });
        if let Err(e) = written {
            let _ = rustix::fs::unlinkat(&self.handle, tmp.as_str(), AtFlags::empty());
            return Err(io_err("write", e));
        }
        self.sync()
    }

    /// Removes `name` (a link itself, never its target); no error when missing.
    fn remove(&self, name: &str) -> Result<(), Error> {
        match rustix::fs::unlinkat(&self.handle, name, rustix::fs::AtFlags::empty()) {
            Ok(()) => self.sync(),
            Err(rustix::io::Errno::NOENT) => Ok(()),
            Err(e) => Err(io_err("delete", e.into())),
        }
    }

    /// The lock file `name`, created 0600 if missing.
    fn lock_file(&self, name: &str) -> Result<fs::File, Error> {
        use rustix::fs::OFlags;
        // Write access: Windows' LockFileEx wants it; nothing is ever written.
        self.open_file(name, OFlags::RDWR | OFlags::CREATE, "open lock file")?
            .ok_or_else(|| Error::Store("file store: the lock file vanished".into()))
    }

    /// Flushes the directory, so a rename or removal survives a crash.
    fn sync(&self) -> Result<(), Error> {
        rustix::fs::fsync(&self.handle).map_err(|e| io_err("sync directory", e.into()))
    }
}

#[cfg(not(unix))]
impl Dir {
    /// `path`, created first when `create` and missing; `None` when missing and not `create`.
    fn open(path: &Path, create: bool) -> Result<Option<Dir>, Error> {
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(Error::StoreRefused(StoreRefusal::NotADirectory {
                    path: path.to_path_buf(),
                }))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => create_dirs(path)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_err("open directory", e)),
        }
        Ok(Some(Dir {
            path: path.to_path_buf(),
        }))
    }

    /// Refuses `name` unless it is missing or a regular file (checked just before use).
    fn check_kind(&self, name: &str) -> Result<(), Error> {
        let path = self.path.join(name);
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                Err(Error::StoreRefused(StoreRefusal::Symlink { path }))
            }
            Ok(m) if !m.is_file() => Err(Error::StoreRefused(StoreRefusal::NotAFile { path })),
            Ok(_) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_err("inspect file", e)),
        }
    }

    fn read(&self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        self.check_kind(name)?;
        match fs::read(self.path.join(name)) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_err("read", e)),
        }
    }

    fn replace(&self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        use std::io::Write;
        self.check_kind(name)?;
        let tmp = self
            .path
            .join(format!(".{name}{TMP_MARKER}{:016x}", rand::random::<u64>()));
        let write = || -> std::io::Result<()> {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            drop(f);
            fs::rename(&tmp, self.path.join(name))
        };
        write().map_err(|e| {
            let _ = fs::remove_file(&tmp);
            io_err("write", e)
        })
    }

    fn remove(&self, name: &str) -> Result<(), Error> {
        match fs::remove_file(self.path.join(name)) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_err("delete", e)),
        }
    }

    fn lock_file(&self, name: &str) -> Result<fs::File, Error> {
        self.check_kind(name)?;
        // Write access: LockFileEx wants it; nothing is ever written.
        fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.path.join(name))
            .map_err(|e| io_err("open lock file", e))
    }
}

fn load_blocking(dir: &Path, name: &str) -> Result<Option<TokenSet>, Error> {
    let Some(dir) = Dir::open(dir, false)? else {
        return Ok(None);
    };
    let Some(bytes) = dir.read(name)? else {
        return Ok(None);
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

fn save_blocking(dir: &Path, name: &str, json: &[u8]) -> Result<(), Error> {
    match Dir::open(dir, true)? {
        Some(dir) => dir.replace(name, json),
        None => Err(Error::Store("file store: the directory vanished".into())),
    }
}

fn delete_blocking(dir: &Path, name: &str) -> Result<(), Error> {
    match Dir::open(dir, false)? {
        Some(dir) => dir.remove(name),
        None => Ok(()),
    }
}

/// Takes the lock on `name` without waiting: the open file holding it, or `None` when another
/// open file (in any process) holds it.
fn try_lock_blocking(dir: &Path, name: &str) -> Result<Option<fs::File>, Error> {
    let file = match Dir::open(dir, true)? {
        Some(dir) => dir.lock_file(name)?,
        None => return Err(Error::Store("file store: the directory vanished".into())),
    };
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

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| Error::Store("file store: I/O task failed".into()))?
}

impl TokenStore for FileStore {
    fn load<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<TokenSet>, Error>> {
        let dir = self.dir.clone();
        let name = file_name(key);
        Box::pin(blocking(move || load_blocking(&dir, &name)))
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
        let dir = self.dir.clone();
        let name = file_name(key);
        Box::pin(blocking(move || delete_blocking(&dir, &name)))
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
        let name = lock_name(key);
        Box::pin(async move {
            let held = blocking(move || try_lock_blocking(&dir, &name)).await?;
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
        // The store creates its directory (0700, whatever the umask lets `mkdir` make).
        s.save("other", &set("a0", "r0")).await.unwrap();
        fs::write(s.path_for("k"), b"{\"access_token\": \"secret-xyz\"").unwrap();
        let e = s.load("k").await.unwrap_err();
        assert!(matches!(e, Error::Store(_)));
        assert!(!e.to_string().contains("secret-xyz"), "{e}");
        let _ = fs::remove_dir_all(&dir);
    }
}
