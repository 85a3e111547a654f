//! The local token endpoint every contender asks, and the handle that runs it in a child
//! process.
//!
//! `POST /oauth/token` answers the client credentials grant (client authenticated by HTTP
//! Basic, as oauth2-rs sends it, or in the body, as our runtime does) and the JWT-bearer grant
//! yup-oauth2's service account flow sends (the assertion's shape is checked, its signature is
//! not: the client still pays for signing). Every token request is counted on arrival, then
//! answered after the configured delay with a new token and the configured `expires_in`.
//!
//! `/admin/*` routes (not counted) let the benchmark read and reset the count and change the
//! delay and lifetime between rounds. It listens on 127.0.0.1 only and must never be pointed
//! at, or forward to, anything else.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::FormRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine as _;
use serde::Deserialize;

use crate::{BenchError, CLIENT_ID, CLIENT_SECRET, FRESH_EXPIRES_IN};

/// The grant type of RFC 7523 §2.1 (what yup-oauth2's service account flow sends).
pub const JWT_BEARER: &str = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/// Path of the token endpoint.
pub const TOKEN_PATH: &str = "/oauth/token";

/// The endpoint's state: its settings and what it counted.
#[derive(Debug)]
pub struct Shared {
    token_requests: AtomicU64,
    issued: AtomicU64,
    delay_ms: AtomicU64,
    expires_in: AtomicU64,
}

impl Shared {
    /// An endpoint answering after `delay` with tokens living `expires_in` seconds.
    pub fn new(delay: Duration, expires_in: u64) -> Arc<Shared> {
        Arc::new(Shared {
            token_requests: AtomicU64::new(0),
            issued: AtomicU64::new(0),
            delay_ms: AtomicU64::new(u64::try_from(delay.as_millis()).unwrap_or(u64::MAX)),
            expires_in: AtomicU64::new(expires_in),
        })
    }

    /// Token requests received since the last reset (valid or not).
    pub fn token_requests(&self) -> u64 {
        self.token_requests.load(Ordering::SeqCst)
    }
}

/// The endpoint's routes over `shared`.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(TOKEN_PATH, post(token))
        .route("/admin/token-requests", get(token_requests))
        .route("/admin/reset", post(reset))
        .route("/admin/config", post(config))
        .with_state(shared)
}

/// Binds 127.0.0.1 on a free port with a deep accept queue (a stampede connects thousands of
/// clients at once; the kernel caps it at `net.core.somaxconn`).
pub fn bind() -> std::io::Result<tokio::net::TcpListener> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(SocketAddr::from(([127, 0, 0, 1], 0)))?;
    socket.listen(8192)
}

#[derive(Deserialize)]
struct TokenForm {
    grant_type: Option<String>,
    assertion: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

fn oauth_error(status: StatusCode, code: &str) -> Response {
    (status, Json(serde_json::json!({ "error": code }))).into_response()
}

/// The client authenticated with HTTP Basic or with body parameters (RFC 6749 §2.3.1).
fn client_authenticated(headers: &HeaderMap, form: &TokenForm) -> bool {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok());
    if let Some(decoded) = basic {
        return decoded == format!("{CLIENT_ID}:{CLIENT_SECRET}").as_bytes();
    }
    form.client_id.as_deref() == Some(CLIENT_ID)
        && form.client_secret.as_deref() == Some(CLIENT_SECRET)
}

/// Three non-empty base64url parts: a JWS in compact form.
fn jws_shaped(assertion: Option<&str>) -> bool {
    assertion.is_some_and(|a| {
        let parts: Vec<&str> = a.split('.').collect();
        parts.len() == 3 && parts.iter().all(|p| !p.is_empty())
    })
}

async fn token(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    form: Result<Form<TokenForm>, FormRejection>,
) -> Response {
    s.token_requests.fetch_add(1, Ordering::SeqCst);
    let delay = s.delay_ms.load(Ordering::Relaxed);
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let Ok(Form(form)) = form else {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
    };
    match form.grant_type.as_deref() {
        Some("client_credentials") => {
            if !client_authenticated(&headers, &form) {
                return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
            }
        }
        Some(JWT_BEARER) => {
            if !jws_shaped(form.assertion.as_deref()) {
                return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
            }
        }
        _ => return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type"),
    }
    let n = s.issued.fetch_add(1, Ordering::Relaxed) + 1;
    Json(serde_json::json!({
        "access_token": format!("bench-access-{n}"),
        "token_type": "Bearer",
        "expires_in": s.expires_in.load(Ordering::Relaxed),
    }))
    .into_response()
}

async fn token_requests(State(s): State<Arc<Shared>>) -> String {
    s.token_requests().to_string()
}

async fn reset(State(s): State<Arc<Shared>>) -> StatusCode {
    s.token_requests.store(0, Ordering::SeqCst);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct ConfigForm {
    delay_ms: Option<u64>,
    expires_in: Option<u64>,
}

async fn config(State(s): State<Arc<Shared>>, Form(c): Form<ConfigForm>) -> StatusCode {
    if let Some(d) = c.delay_ms {
        s.delay_ms.store(d, Ordering::SeqCst);
    }
    if let Some(e) = c.expires_in {
        s.expires_in.store(e, Ordering::SeqCst);
    }
    StatusCode::NO_CONTENT
}

/// The endpoint running in a child process (the `token-endpoint` binary of this package),
/// ended when the handle is dropped; the child also exits when its standard input closes, so
/// it does not outlive a benchmark that crashed.
#[derive(Debug)]
pub struct EndpointProcess {
    child: Child,
    stdin: Option<ChildStdin>,
    addr: SocketAddr,
    admin: reqwest::Client,
}

impl EndpointProcess {
    /// Starts `exe` (the `token-endpoint` binary: `env!("CARGO_BIN_EXE_token-endpoint")` in a
    /// bench) answering after `delay`, and waits for the address it listens on.
    pub fn start(exe: &Path, delay: Duration) -> Result<EndpointProcess, BenchError> {
        let mut child = Command::new(exe)
            .arg("--delay-ms")
            .arg(delay.as_millis().to_string())
            .arg("--expires-in")
            .arg(FRESH_EXPIRES_IN.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| BenchError::new(&format!("starting {}", exe.display()), e))?;
        let stdin = child.stdin.take();
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| BenchError::msg("the endpoint's stdout is not piped"))?;
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|e| BenchError::new("reading the endpoint's address", e))?;
        let addr = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|a| a.parse::<SocketAddr>().ok())
            .filter(|a| a.ip().is_loopback())
            .ok_or_else(|| {
                BenchError::msg(format!("the endpoint printed {line:?}, not its address"))
            })?;
        let admin = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| BenchError::new("building the admin client", e))?;
        Ok(EndpointProcess {
            child,
            stdin,
            addr,
            admin,
        })
    }

    /// `http://127.0.0.1:port`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The token endpoint's URL.
    pub fn token_url(&self) -> String {
        format!("http://{}{TOKEN_PATH}", self.addr)
    }

    /// Sets the answer delay and the `expires_in` of the tokens issued from now on.
    pub async fn configure(&self, delay: Duration, expires_in: u64) -> Result<(), BenchError> {
        let form = [
            ("delay_ms", delay.as_millis().to_string()),
            ("expires_in", expires_in.to_string()),
        ];
        self.admin_post("/admin/config", &form).await
    }

    /// Sets the token request count back to zero.
    pub async fn reset(&self) -> Result<(), BenchError> {
        self.admin_post("/admin/reset", &[]).await
    }

    /// Token requests received since the last reset.
    pub async fn token_requests(&self) -> Result<u64, BenchError> {
        let url = format!("{}/admin/token-requests", self.origin());
        let response = self
            .admin
            .get(url)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| BenchError::new("reading the token request count", e))?;
        let text = response
            .text()
            .await
            .map_err(|e| BenchError::new("reading the token request count", e))?;
        text.trim()
            .parse()
            .map_err(|e| BenchError::new("parsing the token request count", e))
    }

    async fn admin_post(&self, path: &str, form: &[(&str, String)]) -> Result<(), BenchError> {
        let url = format!("{}{path}", self.origin());
        self.admin
            .post(url)
            .form(form)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map(drop)
            .map_err(|e| BenchError::new(&format!("POST {path}"), e))
    }
}

impl Drop for EndpointProcess {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
