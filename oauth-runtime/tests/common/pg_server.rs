//! A throwaway PostgreSQL cluster for the Postgres test crates (feature `postgres`), included
//! with `#[path]` (not through `common/mod.rs`, which every test crate builds).
//!
//! Each test takes a fresh database with [`PgDb::fresh`]. The databases live on one cluster
//! per test process, shared while any test holds one: a cluster created (`initdb`) in its own
//! temporary directory, served by `postgres` on 127.0.0.1 at a free port with trust
//! authentication (and one role that must give a password, for the redaction tests), without a
//! Unix socket and without durability (`fsync=off`: the data is thrown away). When the last
//! test holding it drops its database, the server is stopped (fast shutdown, then SIGKILL) and
//! the directory removed, on success and on a panic alike; if the test process dies outright,
//! the kernel sends the server SIGINT (`setpriv --pdeathsig`) and it stops; the next test
//! process removes the directory it left.
//!
//! The binaries come from `$PG_BIN` if set, else the newest `/usr/lib/postgresql/<ver>/bin`
//! (Debian's `postgresql` package), else `PATH`. PostgreSQL refuses to run as root: as root,
//! the cluster belongs to the `postgres` user (the package creates it) or `nobody`.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

/// The role whose login needs [`PASSWORD_ROLE_SECRET`] (scram-sha-256).
pub const PASSWORD_ROLE: &str = "pw_user";
/// Its password, which no error or `Debug` output may show.
pub const PASSWORD_ROLE_SECRET: &str = "pw-Secret-5f3a9c";

/// A fresh database on the shared cluster, which lives while some test holds a database.
pub struct PgDb {
    server: Arc<PgServer>,
    /// The database's name.
    pub name: String,
    /// `postgres://postgres@127.0.0.1:<port>/<name>` (trust: no password).
    pub url: String,
}

impl PgDb {
    /// A new, empty database (on a cluster started now if no test holds one). Call it from
    /// the test, not from inside `spawn_blocking`.
    pub fn fresh() -> PgDb {
        static SHARED: Mutex<Weak<PgServer>> = Mutex::new(Weak::new());
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let server = {
            let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
            match shared.upgrade() {
                Some(server) => server,
                None => {
                    let server = Arc::new(PgServer::start());
                    *shared = Arc::downgrade(&server);
                    server
                }
            }
        };
        let name = format!("test_{}", NEXT.fetch_add(1, Ordering::Relaxed));
        server.psql_in("postgres", &format!("CREATE DATABASE {name}"));
        PgDb {
            url: format!("postgres://postgres@127.0.0.1:{}/{name}", server.port),
            server,
            name,
        }
    }

    /// A URL for this database logging in as `user` with `password`.
    pub fn url_as(&self, user: &str, password: &str) -> String {
        format!(
            "postgres://{user}:{password}@127.0.0.1:{}/{}",
            self.server.port, self.name
        )
    }

    /// Runs `sql` in this database through psql as the superuser; panics on failure.
    pub fn psql(&self, sql: &str) -> String {
        self.server.psql_in(&self.name, sql)
    }
}

/// A PostgreSQL server on a free loopback port, stopped and deleted on drop.
pub struct PgServer {
    child: Option<Child>,
    dir: PathBuf,
    bin: PathBuf,
    pub port: u16,
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

/// Starts `postgres` (the program and arguments of `cmd`, output to `log`) from a thread that
/// lives as long as the process, so `--pdeathsig` fires when the process dies, not when the
/// test that happened to start the shared cluster ends.
fn spawn_server(cmd: &Command, log: &std::fs::File) -> std::io::Result<Child> {
    type Request = (
        std::ffi::OsString,
        Vec<std::ffi::OsString>,
        std::fs::File,
        mpsc::Sender<std::io::Result<Child>>,
    );
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<Request>>> = OnceLock::new();
    let spawner = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Request>();
        std::thread::spawn(move || {
            for (program, args, log, reply) in rx {
                let child = log.try_clone().and_then(|err| {
                    Command::new(program)
                        .args(args)
                        .stdin(Stdio::null())
                        .stdout(log)
                        .stderr(err)
                        .spawn()
                });
                let _ = reply.send(child);
            }
        });
        Mutex::new(tx)
    });
    let (reply, answer) = mpsc::channel();
    let request = (
        cmd.get_program().to_owned(),
        cmd.get_args().map(|a| a.to_owned()).collect(),
        log.try_clone()?,
        reply,
    );
    spawner
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .send(request)
        .map_err(|_| std::io::Error::other("the spawner thread is gone"))?;
    answer
        .recv()
        .map_err(|_| std::io::Error::other("the spawner thread is gone"))?
}

/// Removes the directories of clusters whose test process died without cleaning up (its
/// server stopped then, on SIGINT, but could not delete its own directory).
fn remove_abandoned(tmp: &Path) {
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix("oauth-pg-"))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
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
    /// Creates and starts a cluster.
    fn start() -> PgServer {
        let bin = bin_dir();
        // As root, the cluster's user must reach the directory: /tmp, whatever TMPDIR says.
        let tmp = match run_as() {
            Some(_) => PathBuf::from("/tmp"),
            None => std::env::temp_dir(),
        };
        remove_abandoned(&tmp);
        let dir = tmp.join(format!(
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
            let mut cmd = command(&server.bin, "postgres", true);
            cmd.arg("-D")
                .arg(&data)
                .args(["-p", &port.to_string()])
                .args(["-c", "listen_addresses=127.0.0.1"])
                .args(["-c", "unix_socket_directories="])
                .args(["-c", "fsync=off"])
                .args(["-c", "synchronous_commit=off"])
                .args(["-c", "full_page_writes=off"])
                .args(["-c", "shared_buffers=16MB"])
                .args(["-c", "max_connections=200"]);
            let child = spawn_server(&cmd, &log).unwrap_or_else(|e| missing(&server.bin, e));
            server.child = Some(child);
            server.port = port;
            if server.wait_ready() {
                server.psql_in(
                    "postgres",
                    &format!("CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD_ROLE_SECRET}'"),
                );
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

    /// Runs `sql` in database `db` through psql as the superuser; panics on failure.
    fn psql_in(&self, db: &str, sql: &str) -> String {
        let out = Command::new(self.bin.join("psql"))
            .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"])
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .args(["-U", "postgres", "-d", db, "-c", sql])
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
