//! The real authorization server of the conformance tests (tests/conformance.rs and
//! tests/oidc_conformance.rs): node's `oidc-provider` started from
//! `tests/conformance/server.mjs`, and the user's side of its devInteractions login and consent
//! pages, played headlessly.
//!
//! Needs `node` and `tests/conformance/node_modules` (`.ci/run` installs both).

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use url::Url;

/// Where every conformance client is registered to be sent back (never listened on: the
/// redirect is read, not followed).
pub const REDIRECT_URI: &str = "http://127.0.0.1:1/cb";

/// The user devInteractions logs in (any password).
pub const USER: &str = "conformance-user";

/// A running `server.mjs`, killed when dropped.
pub struct Provider {
    child: Child,
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    /// `http://127.0.0.1:<port>`.
    pub issuer: String,
    /// Every stdout line after `LISTENING` (`AUTH <client> <grant> <method>`).
    lines: Arc<Mutex<Vec<String>>>,
}

impl Provider {
    /// Starts `server.mjs` on `port` (0: any free port) with `env` added to its environment,
    /// and waits until it listens.
    pub fn start(port: u16, env: &[(&str, &str)]) -> Provider {
        let dir = format!("{}/tests/conformance", env!("CARGO_MANIFEST_DIR"));
        assert!(
            std::path::Path::new(&format!("{dir}/node_modules/oidc-provider/package.json"))
                .exists(),
            "tests/conformance/node_modules/oidc-provider is missing: run `.ci/run` (or `npm \
             install` in tests/conformance) before the conformance tests"
        );
        let mut command = Command::new("node");
        command
            .arg(format!("{dir}/server.mjs"))
            .arg(port.to_string())
            .envs(env.iter().copied())
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().unwrap_or_else(|e| {
            panic!(
                "could not start `node` ({e}): the conformance tests need Node.js and \
                 oidc-provider; run `.ci/run`, which installs both"
            )
        });

        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err_pipe = child.stderr.take().expect("piped stderr");
        let err_buf = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = err_pipe.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                err_buf
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&chunk[..n]));
            }
        });

        // The first line goes to the starter; the rest are kept, and reading them all means
        // the server never blocks on a full pipe.
        let lines = Arc::new(Mutex::new(Vec::new()));
        let out = BufReader::new(child.stdout.take().expect("piped stdout"));
        let (tx, rx) = mpsc::channel();
        let sink = Arc::clone(&lines);
        std::thread::spawn(move || {
            let mut first = true;
            for line in out.lines() {
                let Ok(line) = line else { break };
                if first {
                    first = false;
                    let _ = tx.send(line);
                } else {
                    sink.lock().unwrap().push(line);
                }
            }
        });

        // Generous: node loads oidc-provider in a second or two, but a loaded CI machine can take
        // far longer, and a bound only matters when the server never starts.
        let first = rx.recv_timeout(Duration::from_secs(120));
        let port: u16 = match first
            .as_deref()
            .ok()
            .and_then(|l| l.strip_prefix("LISTENING "))
            .and_then(|p| p.trim().parse().ok())
        {
            Some(p) => p,
            None => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "server.mjs did not print `LISTENING <port>` (got {first:?}); stderr:\n{}\n\
                     If oidc-provider is missing, run `.ci/run`.",
                    stderr.lock().unwrap()
                )
            }
        };
        Provider {
            child,
            port,
            issuer: format!("http://127.0.0.1:{port}"),
            lines,
        }
    }

    /// The stdout lines printed after `LISTENING` so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser: a cookie jar, no automatic redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The `value` of the hidden input `name` in an HTML page.
pub fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no `{name}` input in the page:\n{html}"))
        + marker.len();
    let end = html[start..].find('"').expect("closing quote") + start;
    html[start..end].to_string()
}

/// Plays the user from `response` (a response of the provider): follows redirects, logs in as
/// [`USER`] and consents on devInteractions' pages. Returns the redirect to [`REDIRECT_URI`]
/// (not followed), or `Err` with the last page when the flow ends on a page of the provider's
/// own (the device flow's success page).
pub async fn play_user(
    browser: &reqwest::Client,
    mut response: reqwest::Response,
) -> Result<Url, String> {
    for _ in 0..20 {
        let here = response.url().clone();
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .unwrap_or_else(|| panic!("{status} from {here} without Location"))
                .to_string();
            let next = here.join(&location).expect("Location is a URL");
            if next.as_str().starts_with(REDIRECT_URI) {
                return Ok(next);
            }
            response = browser.get(next).send().await.expect("provider answers");
            continue;
        }
        let body = response.text().await.expect("page body");
        assert!(
            status.is_success(),
            "the provider answered {status} at {here}:\n{body}"
        );
        if !here.path().starts_with("/interaction/") {
            return Err(body);
        }
        let prompt = hidden(&body, "prompt");
        let form: Vec<(&str, &str)> = match prompt.as_str() {
            "login" => vec![("prompt", "login"), ("login", USER), ("password", "any")],
            "consent" => vec![("prompt", "consent")],
            other => panic!("unexpected interaction prompt `{other}` at {here}"),
        };
        response = browser
            .post(here)
            .form(&form)
            .send()
            .await
            .expect("provider answers");
    }
    panic!("the user's side did not finish within 20 steps");
}
