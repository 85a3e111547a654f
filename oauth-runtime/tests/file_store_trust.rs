//! FileStore does not trust its directory: one that others can write to, or that belongs to
//! another user, is refused; a symbolic link in place of a lock or token file is never
//! followed; a FIFO in place of a token file is refused without blocking. Unix only: these
//! are Unix permissions and links.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use oauth_runtime::error::StoreRefusal;
use oauth_runtime::{Error, FileStore, RefreshToken, TokenSet, TokenStore};

/// A fresh directory under the system's temporary directory (not created).
fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "oauth-filestore-trust-{tag}-{}-{:x}",
        std::process::id(),
        rand::random::<u64>()
    ));
    let _ = fs::remove_dir_all(&d);
    d
}

/// `dir`, created with `mode`.
fn dir_with_mode(dir: &Path, mode: u32) {
    fs::create_dir_all(dir).unwrap();
    fs::set_permissions(dir, fs::Permissions::from_mode(mode)).unwrap();
}

fn set(access: &str, refresh: &str) -> TokenSet {
    let mut t = TokenSet::bearer(access, Some(Duration::from_secs(3600)));
    t.refresh_token = Some(RefreshToken::new(refresh));
    t
}

fn refusal(r: Result<impl std::fmt::Debug, Error>) -> StoreRefusal {
    match r {
        Err(Error::StoreRefused(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[tokio::test]
async fn a_directory_others_can_write_is_refused_with_the_fix() {
    let base = temp_dir("0777");
    for mode in [0o777, 0o770, 0o702, 0o1777] {
        let dir = base.join(format!("{mode:o}"));
        dir_with_mode(&dir, mode);
        let s = FileStore::new(&dir);
        let why = refusal(s.save("k", &set("a-secret", "r-secret")).await);
        assert!(
            matches!(&why, StoreRefusal::InsecureDirectory { dir: d, mode: m }
                if d == &dir && *m == mode),
            "{why:?}"
        );
        let msg = Error::StoreRefused(why).to_string();
        assert!(
            msg.contains(&format!("chmod 700 {}", dir.display())),
            "{msg}"
        );
        // Nothing is read from, locked in or written to it.
        refusal(s.load("k").await);
        refusal(s.lock("k", Duration::from_secs(1)).await);
        refusal(s.delete("k").await);
        assert!(names(&dir).is_empty(), "{:?}", names(&dir));
    }
    // Once fixed as the message says, it is used.
    let dir = base.join("777");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    let s = FileStore::new(&dir);
    s.save("k", &set("a1", "r1")).await.unwrap();
    assert_eq!(
        s.load("k").await.unwrap().unwrap().access_token.secret(),
        "a1"
    );
    let _ = fs::remove_dir_all(&base);
}

#[tokio::test]
async fn a_directory_of_another_user_is_refused() {
    if euid() != 0 {
        eprintln!("skipped: giving a directory to another user needs root");
        return;
    }
    let dir = temp_dir("foreign");
    dir_with_mode(&dir, 0o700);
    std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).unwrap();
    let s = FileStore::new(&dir);
    let why = refusal(s.save("k", &set("a1", "r1")).await);
    assert!(
        matches!(
            &why,
            StoreRefusal::ForeignDirectory {
                owner: 65534,
                user: 0,
                ..
            }
        ),
        "{why:?}"
    );
    refusal(s.load("k").await);
    refusal(s.lock("k", Duration::from_secs(1)).await);
    assert!(names(&dir).is_empty());
    let _ = fs::remove_dir_all(&dir);
}

/// The effective uid, read from a file this process creates (no libc call needed).
fn euid() -> u32 {
    use std::os::unix::fs::MetadataExt;
    let p = temp_dir("uid");
    fs::write(&p, b"").unwrap();
    let uid = fs::metadata(&p).unwrap().uid();
    let _ = fs::remove_file(&p);
    uid
}

#[tokio::test]
async fn directories_the_store_creates_are_0700_at_every_level() {
    let base = temp_dir("mk");
    dir_with_mode(&base, 0o755);
    let s = FileStore::new(base.join("a").join("b"));
    s.save("k", &set("a1", "r1")).await.unwrap();
    for d in [base.join("a"), base.join("a").join("b")] {
        let mode = fs::metadata(&d).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o700, "{} is {mode:o}", d.display());
    }
    let _ = fs::remove_dir_all(&base);
}

#[tokio::test]
async fn a_symlinked_lock_file_is_never_followed() {
    let base = temp_dir("lock-link");
    let dir = base.join("store");
    let elsewhere = base.join("elsewhere");
    dir_with_mode(&dir, 0o700);
    dir_with_mode(&elsewhere, 0o755);
    let s = FileStore::new(&dir);

    // A link to a file that exists: it is neither opened nor changed.
    let victim = elsewhere.join("victim");
    fs::write(&victim, b"untouched").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o644)).unwrap();
    symlink(&victim, s.lock_path_for("k")).unwrap();
    let why = refusal(s.lock("k", Duration::from_secs(1)).await);
    assert_eq!(
        why,
        StoreRefusal::Symlink {
            path: s.lock_path_for("k")
        }
    );
    assert_eq!(fs::read(&victim).unwrap(), b"untouched");
    let mode = fs::metadata(&victim).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);

    // A dangling link: the file it names is never created.
    let planted = elsewhere.join("created-by-the-victim");
    symlink(&planted, s.lock_path_for("j")).unwrap();
    refusal(s.lock("j", Duration::from_secs(1)).await);
    assert!(!planted.exists(), "the store created a file through a link");
    let _ = fs::remove_dir_all(&base);
}

#[tokio::test]
async fn a_symlinked_token_file_is_never_followed() {
    let base = temp_dir("token-link");
    let dir = base.join("store");
    let elsewhere = base.join("elsewhere");
    dir_with_mode(&dir, 0o700);
    dir_with_mode(&elsewhere, 0o755);
    let s = FileStore::new(&dir);

    // A link to another store's valid token file (someone else's token): never read.
    let other = FileStore::new(&elsewhere);
    other.save("k", &set("planted", "r-planted")).await.unwrap();
    let target = other.path_for("k");
    let before = fs::read(&target).unwrap();
    symlink(&target, s.path_for("k")).unwrap();
    let why = refusal(s.load("k").await);
    assert_eq!(
        why,
        StoreRefusal::Symlink {
            path: s.path_for("k")
        }
    );
    // Nor written through, nor replaced: the save fails and both stay as they were.
    let why = refusal(s.save("k", &set("mine", "r-mine")).await);
    assert_eq!(
        why,
        StoreRefusal::Symlink {
            path: s.path_for("k")
        }
    );
    assert_eq!(fs::read(&target).unwrap(), before);
    assert!(fs::symlink_metadata(s.path_for("k"))
        .unwrap()
        .file_type()
        .is_symlink());
    // No temporary file is left behind.
    assert_eq!(names(&dir), vec!["k.json".to_string()]);
    // Deleting removes the link itself, never its target.
    s.delete("k").await.unwrap();
    assert!(fs::symlink_metadata(s.path_for("k")).is_err());
    assert_eq!(fs::read(&target).unwrap(), before);

    // A dangling link: a save does not create the file it names.
    let planted = elsewhere.join("created-by-the-victim");
    symlink(&planted, s.path_for("j")).unwrap();
    refusal(s.save("j", &set("mine", "r-mine")).await);
    assert!(!planted.exists(), "the store wrote a file through a link");
    let _ = fs::remove_dir_all(&base);
}

#[tokio::test]
async fn a_fifo_or_directory_in_place_of_a_token_file_is_refused_without_blocking() {
    let dir = temp_dir("fifo");
    dir_with_mode(&dir, 0o700);
    let s = FileStore::new(&dir);
    let made = std::process::Command::new("mkfifo")
        .arg(s.path_for("k"))
        .status()
        .unwrap();
    assert!(made.success());
    // Opening a FIFO for reading would wait for a writer for ever.
    let r = tokio::time::timeout(Duration::from_secs(5), s.load("k"))
        .await
        .expect("loading a FIFO does not block");
    assert_eq!(
        refusal(r),
        StoreRefusal::NotAFile {
            path: s.path_for("k")
        }
    );
    let r = tokio::time::timeout(Duration::from_secs(5), s.lock("k", Duration::from_secs(1)))
        .await
        .expect("locking does not block");
    assert!(r.is_ok(), "the lock file is another file: {r:?}");
    fs::create_dir(s.path_for("d")).unwrap();
    assert_eq!(
        refusal(s.load("d").await),
        StoreRefusal::NotAFile {
            path: s.path_for("d")
        }
    );
    let _ = fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn debug_shows_the_directory_and_no_token() {
    let dir = temp_dir("debug");
    let s = FileStore::new(&dir);
    s.save("k", &set("access-secret-1", "refresh-secret-1"))
        .await
        .unwrap();
    let shown = format!("{s:?}");
    assert!(shown.contains("oauth-filestore-trust-debug"), "{shown}");
    assert!(!shown.contains("access-secret-1") && !shown.contains("refresh-secret-1"));
    let _ = fs::remove_dir_all(&dir);
}
