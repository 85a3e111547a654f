//! What the end-to-end tests share: `oauth serve` started and driven through its admin API,
//! the CLI run with a store of its own, and a login whose browser is played by the caller.
#![allow(dead_code)] // each test crate uses a part

use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

/// The binary's path.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_oauth"))
}

/// A fresh directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("e2e")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `oauth serve` running; killed when dropped.
pub struct Serve {
    child: Child,
    pub origin: String,
    http: reqwest::blocking::Client,
}

impl Serve {
    /// `oauth serve SPEC --format json ARGS...`, once it says where it listens.
    pub fn start(spec: &str, args: &[&str]) -> Serve {
        let mut child = Command::new(bin())
            .args(["serve", spec, "--format", "json"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let info: Value = serde_json::from_str(&line).expect("serve writes one line of JSON");
        Serve {
            child,
            origin: info["origin"].as_str().unwrap().to_owned(),
            http: reqwest::blocking::Client::new(),
        }
    }

    pub fn admin(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut req = self
            .http
            .request(method, format!("{}/sim/admin{path}", self.origin));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let answer = req.send().unwrap();
        assert!(answer.status().is_success(), "{path}: {}", answer.status());
        answer.json().unwrap_or(Value::Null)
    }

    pub fn stats(&self) -> Value {
        self.admin(reqwest::Method::GET, "/stats", None)
    }

    pub fn advance(&self, seconds: u64) {
        self.admin(
            reqwest::Method::POST,
            "/clock/advance",
            Some(json!({ "seconds": seconds })),
        );
    }

    /// Whether the sample API accepts `token` (it answers who the token belongs to). The
    /// body is read, not the status: the openid spec documents no status for API errors, and
    /// the simulator answers those with 200 and an `error` body.
    pub fn api_accepts(&self, token: &str) -> bool {
        let body: Value = self
            .http
            .get(format!("{}/me/sim/me", self.origin))
            .bearer_auth(token)
            .send()
            .unwrap()
            .json()
            .unwrap();
        body["user"] == "alice"
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The CLI with a store of its own and the default client of `oauth serve`.
pub fn oauth(store: &Path) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env("OAUTH_STORE", store)
        .env("OAUTH_CLIENT_ID", "oauth-cli")
        .env("OAUTH_CLIENT_SECRET", "oauth-cli-secret")
        .env_remove("OAUTH_SEALING_KEY")
        .env_remove("OAUTH_SEALING_KEY_FILE")
        .env_remove("BROWSER")
        .env("NO_COLOR", "1");
    cmd
}

/// What a finished command wrote, and its status.
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Ran {
    let out = cmd.output().unwrap();
    Ran {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `oauth login openid --origin ... --no-browser`, with `browse` given the URL it prints
/// (it plays the browser); what the login wrote once it ended.
pub fn login_with(store: &Path, serve: &Serve, extra: &[&str], browse: impl FnOnce(&str)) -> Ran {
    let mut child = oauth(store)
        .args(["login", "openid", "--no-browser", "--timeout", "60s"])
        .args(["--origin", &serve.origin])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    let url = loop {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 {
            let _ = child.wait();
            panic!("login ended before printing a URL:\n{seen}");
        }
        seen.push_str(&line);
        if let Some(url) = line.trim().strip_prefix(&format!("{}/auth?", serve.origin)) {
            break format!("{}/auth?{url}", serve.origin);
        }
    };
    browse(&url);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
        let _ = tx.send(rest);
    });
    let rest = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("login ends once the redirect is in");
    let status = child.wait().unwrap();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    Ran {
        code: status.code().unwrap_or(-1),
        stdout,
        stderr: seen + &rest,
    }
}
