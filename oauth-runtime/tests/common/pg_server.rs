//! A throwaway PostgreSQL cluster for the Postgres test crates (feature `postgres`), included
//! with `#[path]` (not through `common/mod.rs`, which every test crate builds).
//!
//! Each [`PgServer`] is a fresh cluster (`initdb`) in its own temporary directory, served by
//! `postgres` on 127.0.0.1 at a free port with trust authentication (and one role that must
//! give a password, for the redaction tests), without a Unix socket and without durability
//! (`fsync=off`: the data is thrown away). Dropping it stops the server (fast shutdown, then
//! SIGKILL) and removes the directory, on success and on a panic alike; if the test process
//! dies outright, the server gets SIGINT from the kernel (`setpriv --pdeathsig`) and stops.
//!
//! The binaries come from `$PG_BIN` if set, else the newest `/usr/lib/postgresql/<ver>/bin`
//! (Debian's `postgresql` package), else `PATH`. PostgreSQL refuses to run as root: as root,
//! the cluster belongs to the `postgres` user (the package creates it) or `nobody`.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The role whose login needs [`PASSWORD_ROLE_SECRET`] (scram-sha-256).
pub const PASSWORD_ROLE: &str = "pw_user";
/// Its password, which no error or `Debug` output may show.
pub const PASSWORD_ROLE_SECRET: &str = "pw-Secret-5f3a9c";

/// A PostgreSQL server on a free loopback port, stopped and deleted on drop.
pub struct PgServer {
    child: Option<Child>,
    dir: PathBuf,
    bin: PathBuf,
    pub port: u16,
    /// `postgres://postgres@127.0.0.1:<port>/postgres` (trust: no password).
    pub url: String,
}

fn bin_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("PG_BIN") {
        return PathBuf::from(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    match versions.pop() {
        Some((_, bin)) => bin,
        // Found on PATH by `Command` (an empty directory joins to the bare name).
        None => PathBuf::new(),
    }
}

/// The user the cluster runs as when this process is root: `(uid, gid)`.
fn run_as() -> Option<(u32, u32)> {
    static USER: std::sync::OnceLock<Option<(u32, u32)>> = std::sync::OnceLock::new();
    *USER.get_or_init(find_user)
}

fn find_user() -> Option<(u32, u32)> {
    if rustix::process::geteuid().as_raw() != 0 {
        return None;
    }
    for user in ["postgres", "nobody"] {
        let id = |flag: &str| -> Option<u32> {
            let out = Command::new("id").args([flag, user]).output().ok()?;
            if !out.status.success() {
                return None;
            }
            String::from_utf8(out.stdout).ok()?.trim().parse().ok()
        };
        if let (Some(uid), Some(gid)) = (id("-u"), id("-g")) {
            return Some((uid, gid));
        }
    }
    panic!("running as root, but there is neither a `postgres` nor a `nobody` user to run PostgreSQL as");
}

fn has_setpriv() -> bool {
    Command::new("setpriv")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `program` with `args`, as the cluster's user (and, with `pdeathsig`, told to stop when
/// the thread that started it exits).
fn command(bin: &Path, program: &str, pdeathsig: bool) -> Command {
    let exe = bin.join(program);
    let user = run_as();
    if user.is_none() && !(pdeathsig && has_setpriv()) {
        return Command::new(exe);
    }
    let mut cmd = Command::new("setpriv");
    if let Some((uid, gid)) = user {
        cmd.arg(format!("--reuid={uid}"))
            .arg(format!("--regid={gid}"))
            .arg("--clear-groups");
    }
    if pdeathsig {
        cmd.args(["--pdeathsig", "INT"]);
    }
    cmd.arg("--").arg(exe);
    cmd
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn missing(bin: &Path, e: std::io::Error) -> ! {
    panic!(
        "cannot run PostgreSQL's initdb from {bin:?} ({e}): the Postgres tests need a real \
         server; install it with `apt-get install -y postgresql` (or set PG_BIN to the \
         directory holding initdb and postgres)"
    )
}

impl PgServer {
    /// Starts a fresh cluster. Call it from the test's own thread (not `spawn_blocking`): the
    /// server is told to stop when the thread that started it exits.
    pub fn start() -> PgServer {
        let bin = bin_dir();
        let dir = std::env::temp_dir().join(format!(
            "oauth-pg-{}-{:x}",
            std::process::id(),
            rand::random::<u64>()
        ));
        std::fs::create_dir(&dir).unwrap();
        if let Some((uid, gid)) = run_as() {
            std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).unwrap();
        }
        let mut server = PgServer {
            child: None,
            dir,
            bin,
            port: 0,
            url: String::new(),
        };
        let data = server.dir.join("data");
        let out = command(&server.bin, "initdb", false)
            .arg("-D")
            .arg(&data)
            .args([
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
                "--no-instructions",
            ])
            .output()
            .unwrap_or_else(|e| missing(&server.bin, e));
        assert!(
            out.status.success(),
            "initdb failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // Trust on loopback, except the one role that must log in with its password.
        std::fs::write(
            data.join("pg_hba.conf"),
            format!(
                "host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n\
                 host all all 127.0.0.1/32 trust\n"
            ),
        )
        .unwrap();
        let log = std::fs::File::create(server.dir.join("server.log")).unwrap();
        if let Some((uid, gid)) = run_as() {
            std::os::unix::fs::chown(data.join("pg_hba.conf"), Some(uid), Some(gid)).unwrap();
        }
        // A port free now may be taken before the server binds it: try a few.
        for _ in 0..5 {
            let port = free_port();
            let child = command(&server.bin, "postgres", true)
                .arg("-D")
                .arg(&data)
                .args(["-p", &port.to_string()])
                .args(["-c", "listen_addresses=127.0.0.1"])
                .args(["-c", "unix_socket_directories="])
                .args(["-c", "fsync=off"])
                .args(["-c", "synchronous_commit=off"])
                .args(["-c", "full_page_writes=off"])
                .args(["-c", "shared_buffers=16MB"])
                .args(["-c", "max_connections=100"])
                .stdin(Stdio::null())
                .stdout(log.try_clone().unwrap())
                .stderr(log.try_clone().unwrap())
                .spawn()
                .unwrap_or_else(|e| missing(&server.bin, e));
            server.child = Some(child);
            server.port = port;
            if server.wait_ready() {
                server.url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
                server.psql(&format!(
                    "CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD_ROLE_SECRET}'"
                ));
                return server;
            }
            server.stop();
        }
        panic!(
            "postgres did not start; its log:\n{}",
            std::fs::read_to_string(server.dir.join("server.log")).unwrap_or_default()
        );
    }

    /// Waits until the server accepts connections; false if it exited.
    fn wait_ready(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(child) = self.child.as_mut() {
                if child.try_wait().ok().flatten().is_some() {
                    return false;
                }
            }
            let ready = Command::new(self.bin.join("pg_isready"))
                .args(["-q", "-h", "127.0.0.1", "-p", &self.port.to_string()])
                .status()
                .is_ok_and(|s| s.success());
            if ready {
                return true;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        false
    }

    /// A URL logging in as `user` with `password`.
    pub fn url_as(&self, user: &str, password: &str) -> String {
        format!(
            "postgres://{user}:{password}@127.0.0.1:{}/postgres",
            self.port
        )
    }

    /// Runs `sql` through psql as the superuser; panics on failure.
    pub fn psql(&self, sql: &str) -> String {
        let out = Command::new(self.bin.join("psql"))
            .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"])
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .args(["-U", "postgres", "-d", "postgres", "-c", sql])
            .output()
            .expect("running psql");
        assert!(
            out.status.success(),
            "psql {sql:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        // Fast shutdown: the postmaster ends its sessions and exits.
        let pid = rustix::process::Pid::from_child(&child);
        let _ = rustix::process::kill_process(pid, rustix::process::Signal::INT);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if child.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
