//! A scripted, recording HTTP server for tests.
//!
//! Each test starts its own [`Server`] on `127.0.0.1:0` with a script of replies. Every request
//! is recorded (method, path, query, headers, body) and answered with the next scripted reply;
//! once the script is used up the server answers 599, so an unexpected extra request cannot
//! pass silently. Replies can be delayed, streamed in chunks without a length, or stall after
//! a first chunk (for the fault tests).

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use futures::StreamExt as _;
use url::Url;

/// How a reply's body is sent.
#[derive(Clone, Debug)]
pub enum ReplyBody {
    /// All at once, with a `Content-Length`.
    Bytes(Vec<u8>),
    /// `chunks` chunks of `size` spaces, chunked encoding, no length.
    Stream {
        /// How many chunks.
        chunks: usize,
        /// Bytes per chunk.
        size: usize,
    },
    /// `first`, then nothing for `stall`, then `}`.
    Stall {
        /// The first chunk.
        first: Vec<u8>,
        /// How long to wait before the rest.
        stall: Duration,
    },
}

/// One scripted answer.
#[derive(Clone, Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Response headers (a `content-type` among them when there is a body).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: ReplyBody,
    /// Wait this long before answering.
    pub delay: Duration,
}

impl Reply {
    /// A reply with a content type.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: ReplyBody::Bytes(body.into()),
            delay: Duration::ZERO,
        }
    }

    /// An `application/json` reply.
    pub fn json(status: u16, body: impl std::fmt::Display) -> Reply {
        Reply::new(status, "application/json", body.to_string())
    }

    /// A `text/plain` reply (Zoho's Java-properties authtoken answers).
    pub fn text(status: u16, body: &str) -> Reply {
        Reply::new(status, "text/plain;charset=UTF-8", body)
    }

    /// An empty reply without a content type (204, 404 on revoke, redirects).
    pub fn empty(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: ReplyBody::Bytes(Vec::new()),
            delay: Duration::ZERO,
        }
    }

    /// Adds a response header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Answers only after `delay`.
    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    /// Replaces the body.
    pub fn body(mut self, body: ReplyBody) -> Reply {
        self.body = body;
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
    /// The raw query string (empty when there was none).
    pub raw_query: String,
    /// Headers, names lowercased, in order.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl Recorded {
    /// The (single) value of header `name`, case-insensitive.
    ///
    /// # Panics
    /// When the header was sent more than once.
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

    /// The raw query string, `None` when there was none.
    pub fn raw_query(&self) -> Option<&str> {
        (!self.raw_query.is_empty()).then_some(self.raw_query.as_str())
    }

    /// The query pairs as `(&str, &str)` for comparisons.
    pub fn query_pairs(&self) -> Vec<(&str, &str)> {
        self.query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    /// The first value of query parameter `name`.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body decoded as `application/x-www-form-urlencoded` pairs.
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(&self.body)
            .into_owned()
            .collect()
    }

    /// The first value of form field `name`.
    pub fn form_param(&self, name: &str) -> Option<String> {
        self.form()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    /// The body as text.
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
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

/// Owned pairs from string literals, for comparisons with [`Recorded::form`].
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
    /// Starts a server answering with `script`, in order. Must run inside a Tokio runtime.
    pub async fn start(script: Vec<Reply>) -> Server {
        let shared = Arc::new(Mutex::new(Shared {
            script: script.into(),
            recorded: Vec::new(),
        }));
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&shared));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Server {
            origin: Url::parse(&format!("http://{addr}")).expect("origin URL"),
            shared,
            task,
        }
    }

    /// Appends a reply to the script.
    pub fn push(&self, reply: Reply) {
        self.lock().script.push_back(reply);
    }

    /// Appends a reply to the script (chainable).
    pub fn reply(&self, reply: Reply) -> &Self {
        self.push(reply);
        self
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.lock().recorded.clone()
    }

    /// The only request received so far.
    ///
    /// # Panics
    /// When there were none or several.
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

    /// A URL on this server: `path` may carry a query.
    pub fn url(&self, path: &str) -> Url {
        self.origin.join(path).expect("joined URL")
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
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
        let mut response = Response::new(Body::from("the test script has no reply left"));
        *response.status_mut() = StatusCode::from_u16(599).expect("599");
        return response;
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let body = match reply.body {
        ReplyBody::Bytes(b) => Body::from(b),
        ReplyBody::Stream { chunks, size } => Body::from_stream(futures::stream::iter(
            (0..chunks).map(move |_| Ok::<_, std::io::Error>(Bytes::from(vec![b' '; size]))),
        )),
        ReplyBody::Stall { first, stall } => Body::from_stream(
            futures::stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(first)) })
                .chain(futures::stream::once(async move {
                    tokio::time::sleep(stall).await;
                    Ok::<_, std::io::Error>(Bytes::from_static(b"}"))
                })),
        ),
    };
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::from_u16(reply.status).expect("a valid status");
    let out = response.headers_mut();
    for (k, v) in reply.headers {
        out.append(
            HeaderName::from_bytes(k.as_bytes()).expect("header name"),
            HeaderValue::from_str(&v).expect("header value"),
        );
    }
    response
}
