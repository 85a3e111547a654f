//! A scripted, recording HTTP server for the provider integration tests.
//!
//! Each test starts its own [`Server`] on `127.0.0.1:0` with a script of replies. Every
//! request is recorded (method, path, decoded query pairs, headers, body) and answered with the
//! next scripted reply; once the script is used up the server answers 599 so an unexpected
//! extra request cannot pass silently (and the tests assert the request count anyway).
//! [`conformance`] holds the other kind of server: the real one the conformance tests run.
#![allow(dead_code)]

pub mod conformance;

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use url::Url;

/// One scripted answer.
#[derive(Clone, Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// Body.
    pub body: String,
    /// Further response headers.
    pub headers: Vec<(String, String)>,
    /// Wait this long before answering (timeouts).
    pub delay: Option<Duration>,
}

impl Reply {
    /// A reply with an explicit content type.
    pub fn new(status: u16, content_type: &str, body: &str) -> Reply {
        Reply {
            status,
            content_type: Some(content_type.to_string()),
            body: body.to_string(),
            headers: Vec::new(),
            delay: None,
        }
    }

    /// An `application/json` reply.
    pub fn json(status: u16, body: &str) -> Reply {
        Reply::new(status, "application/json", body)
    }

    /// A `text/plain` reply (Zoho's Java-properties authtoken answers).
    pub fn text(status: u16, body: &str) -> Reply {
        Reply::new(status, "text/plain;charset=UTF-8", body)
    }

    /// An empty reply without a content type (204, 404 on revoke).
    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            content_type: None,
            body: String::new(),
            headers: Vec::new(),
            delay: None,
        }
    }

    /// Adds a response header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Answers only after `delay`.
    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = Some(delay);
        self
    }
}

/// One recorded request.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// Method (`GET`, `POST`, ...).
    pub method: String,
    /// Path, percent-decoding left as received.
    pub path: String,
    /// The query string as decoded pairs, in order.
    pub query: Vec<(String, String)>,
    /// The raw query string (or empty).
    pub raw_query: String,
    /// Headers, names lowercased, in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl Recorded {
    /// The (single) value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        let mut values = self.headers.iter().filter(|(k, _)| *k == name);
        let first = values.next().map(|(_, v)| v.as_str());
        assert!(
            values.next().is_none(),
            "header `{name}` sent more than once"
        );
        first
    }

    /// The body decoded as `application/x-www-form-urlencoded` pairs.
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(&self.body)
            .into_owned()
            .collect()
    }

    /// The body as text.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The query pairs as `(&str, &str)` for comparisons.
    pub fn query_pairs(&self) -> Vec<(&str, &str)> {
        self.query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    /// A readable dump for assertion messages.
    pub fn describe(&self) -> String {
        let mut out = format!("{} {}?{}\n", self.method, self.path, self.raw_query);
        for (k, v) in &self.headers {
            let _ = writeln!(out, "{k}: {v}");
        }
        let _ = write!(out, "\n{}", self.body_text());
        out
    }
}

/// Owned pairs from string literals, for `assert_eq!` against [`Recorded::form`].
pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[derive(Default)]
struct Shared {
    script: VecDeque<Reply>,
    recorded: Vec<Recorded>,
}

/// A running recording server; it stops when dropped.
pub struct Server {
    /// `http://127.0.0.1:<port>`: pass to `origin_override`.
    pub origin: Url,
    shared: Arc<Mutex<Shared>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Starts a server answering with `script`, in order.
    pub async fn start(script: Vec<Reply>) -> Server {
        let shared = Arc::new(Mutex::new(Shared {
            script: script.into(),
            recorded: Vec::new(),
        }));
        let app = Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&shared));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("serve");
        });
        Server {
            origin: Url::parse(&format!("http://{addr}")).expect("origin URL"),
            shared,
            task,
        }
    }

    /// Appends replies to the script.
    pub fn push(&self, reply: Reply) {
        self.lock().script.push_back(reply);
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.lock().recorded.clone()
    }

    /// The only request received so far (fails when there were none or several).
    pub fn only_request(&self) -> Recorded {
        let mut all = self.requests();
        assert_eq!(
            all.len(),
            1,
            "expected exactly one request, got: {:#?}",
            all.iter().map(Recorded::describe).collect::<Vec<_>>()
        );
        all.remove(0)
    }

    /// Forgets the requests recorded so far.
    pub fn clear(&self) {
        self.lock().recorded.clear();
    }

    /// A URL on this server (for API calls): `path` may carry a query.
    pub fn url(&self, path: &str) -> Url {
        self.origin.join(path).expect("joined URL")
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn handle(
    State(shared): State<Arc<Mutex<Shared>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let raw_query = uri.query().unwrap_or_default().to_string();
    let recorded = Recorded {
        method: method.as_str().to_string(),
        path: uri.path().to_string(),
        query: url::form_urlencoded::parse(raw_query.as_bytes())
            .into_owned()
            .collect(),
        raw_query,
        headers: headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_ascii_lowercase(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: body.to_vec(),
    };
    let reply = {
        let mut shared = shared.lock().unwrap_or_else(|e| e.into_inner());
        shared.recorded.push(recorded);
        shared.script.pop_front()
    };
    let Some(reply) = reply else {
        return (
            StatusCode::from_u16(599).expect("599"),
            "the test script has no reply left",
        )
            .into_response();
    };
    if let Some(delay) = reply.delay {
        tokio::time::sleep(delay).await;
    }
    let mut response = Response::new(axum::body::Body::from(reply.body));
    *response.status_mut() = StatusCode::from_u16(reply.status).expect("valid status");
    let out = response.headers_mut();
    if let Some(ct) = reply.content_type {
        out.insert(
            axum::http::header::CONTENT_TYPE,
            HeaderValue::from_str(&ct).expect("content type"),
        );
    }
    for (k, v) in reply.headers {
        out.append(
            HeaderName::from_bytes(k.as_bytes()).expect("header name"),
            HeaderValue::from_str(&v).expect("header value"),
        );
    }
    response
}

/// Asserts `at` lies within `[before + lifetime, after + lifetime]` (a lifetime counted
/// from when the request was sent).
pub fn assert_expires_within(
    at: Option<SystemTime>,
    before: SystemTime,
    after: SystemTime,
    lifetime: Duration,
) {
    let at = at.expect("an expiry");
    assert!(
        at >= before + lifetime && at <= after + lifetime,
        "expires_at {at:?} not within [{:?}, {:?}]",
        before + lifetime,
        after + lifetime
    );
}

/// A plain HTTP client for API calls (the generated client attaches the token).
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("reqwest client")
}

/// An HTTP client that, like a test browser, does not follow redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client")
}

/// Sends the user to `url` and returns where the provider redirected the browser.
pub async fn follow(url: Url) -> Url {
    let resp = browser().get(url).send().await.expect("authorize request");
    assert_eq!(resp.status(), 302, "the authorize endpoint should redirect");
    let location = resp
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .expect("a Location header");
    Url::parse(location).expect("redirect URL")
}

/// The first value of the query parameter `name` of `url`.
pub fn param(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The provider error inside `err`; fails the test with `err` when it is something else.
pub fn provider_error(err: &oauth_providers::Error) -> &oauth_providers::ProviderError {
    err.provider()
        .unwrap_or_else(|| panic!("expected a provider error, got {err:?}"))
}
