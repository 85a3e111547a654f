//! Fault injection at the token endpoint: a local server on 127.0.0.1 that misbehaves in one
//! chosen way per connection, driven through `TokenSource::refreshing` and the real `Client`.
//!
//! Transient faults (timeouts, resets, 5xx, 429) are retried with bounded backoff, at most
//! three attempts; everything else is a typed error at once. After every fault the stored set,
//! refresh token above all, is intact.
//!
//! The server is raw tokio TCP rather than axum: resets, stalls mid-body and lying
//! `Content-Length`s need control of the socket that a framework hides.

mod common;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use oauth_runtime::__private::engine::Client;
use oauth_runtime::model::ErrorMeaning;
use oauth_runtime::{
    Credentials, Error, MemoryStore, ProviderDef, RetryPolicy, TokenSource, TokenStore,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const CLIENT_TIMEOUT: Duration = Duration::from_millis(400);

#[derive(Clone, Debug)]
enum Fault {
    /// A good refresh response issuing `access` (and `refresh`, when rotating).
    Ok {
        access: &'static str,
        refresh: Option<&'static str>,
    },
    /// Reads the request and never answers.
    Hang,
    /// Closes the socket without answering.
    Close,
    /// Closes right after part of the status line and headers.
    CloseMidHeaders,
    /// Sends the headers and half the declared body, then stalls.
    StallMidBody,
    /// Declares a longer body than it sends, then closes.
    ShortBody,
    /// A full response: status, extra headers, body.
    Raw {
        status: u16,
        headers: &'static [(&'static str, &'static str)],
        body: String,
    },
    /// A body larger than the 1 MiB cap, declared.
    Huge,
    /// A chunked body that never ends (without a declared length).
    Endless,
}

fn json(status: u16, body: &str) -> Fault {
    Fault::Raw {
        status,
        headers: &[("content-type", "application/json")],
        body: body.to_string(),
    }
}

struct Server {
    port: u16,
    faults: Arc<Mutex<VecDeque<Fault>>>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    async fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let faults: Arc<Mutex<VecDeque<Fault>>> = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let (f, r) = (faults.clone(), requests.clone());
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let fault = f.lock().unwrap().pop_front().unwrap_or(Fault::Ok {
                    access: "default-access",
                    refresh: None,
                });
                let r = r.clone();
                tokio::spawn(async move {
                    let _ = serve(sock, fault, r).await;
                });
            }
        });
        Server {
            port,
            faults,
            requests,
        }
    }

    fn push(&self, faults: impl IntoIterator<Item = Fault>) {
        self.faults.lock().unwrap().extend(faults);
    }

    fn hits(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

async fn read_request(sock: &mut TcpStream) -> std::io::Result<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = sock.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            while buf.len() < end + 4 + len {
                let n = sock.read(&mut chunk).await?;
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            break;
        }
    }
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

fn head(status: u16, headers: &[(&str, &str)], len: Option<usize>) -> String {
    let mut s = format!("HTTP/1.1 {status} X\r\nconnection: close\r\n");
    for (k, v) in headers {
        s.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(n) = len {
        s.push_str(&format!("content-length: {n}\r\n"));
    }
    s.push_str("\r\n");
    s
}

async fn serve(
    mut sock: TcpStream,
    fault: Fault,
    requests: Arc<Mutex<Vec<String>>>,
) -> std::io::Result<()> {
    let req = read_request(&mut sock).await?;
    requests.lock().unwrap().push(req);
    match fault {
        Fault::Ok { access, refresh } => {
            let body = match refresh {
                Some(r) => format!(
                    r#"{{"access_token":"{access}","token_type":"Bearer","expires_in":3600,"refresh_token":"{r}"}}"#
                ),
                None => format!(
                    r#"{{"access_token":"{access}","token_type":"Bearer","expires_in":3600}}"#
                ),
            };
            let h = head(
                200,
                &[("content-type", "application/json")],
                Some(body.len()),
            );
            sock.write_all(h.as_bytes()).await?;
            sock.write_all(body.as_bytes()).await?;
        }
        Fault::Hang => tokio::time::sleep(Duration::from_secs(30)).await,
        Fault::Close => {
            // Linger 0 makes the close a TCP reset.
            #[allow(deprecated)]
            let _ = sock.set_linger(Some(Duration::ZERO));
            drop(sock);
            return Ok(());
        }
        Fault::CloseMidHeaders => {
            sock.write_all(b"HTTP/1.1 200 OK\r\ncontent-ty").await?;
            #[allow(deprecated)]
            let _ = sock.set_linger(Some(Duration::ZERO));
            return Ok(());
        }
        Fault::StallMidBody => {
            let h = head(200, &[("content-type", "application/json")], Some(100));
            sock.write_all(h.as_bytes()).await?;
            sock.write_all(br#"{"access_token":"sta"#).await?;
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
        Fault::ShortBody => {
            let h = head(200, &[("content-type", "application/json")], Some(200));
            sock.write_all(h.as_bytes()).await?;
            sock.write_all(br#"{"access_token":"short","expires_in":3600}"#)
                .await?;
            return Ok(());
        }
        Fault::Raw {
            status,
            headers,
            body,
        } => {
            let h = head(status, headers, Some(body.len()));
            sock.write_all(h.as_bytes()).await?;
            sock.write_all(body.as_bytes()).await?;
        }
        Fault::Huge => {
            let n = 2 << 20;
            let h = head(200, &[("content-type", "application/json")], Some(n));
            sock.write_all(h.as_bytes()).await?;
            let junk = vec![b' '; 64 * 1024];
            for _ in 0..(n / junk.len()) {
                if sock.write_all(&junk).await.is_err() {
                    break;
                }
            }
        }
        Fault::Endless => {
            let h = head(
                200,
                &[
                    ("content-type", "application/json"),
                    ("transfer-encoding", "chunked"),
                ],
                None,
            );
            sock.write_all(h.as_bytes()).await?;
            sock.write_all(b"1\r\n[\r\n").await?;
            let piece = format!("{:x}\r\n{}\r\n", 8192, "1,".repeat(4096));
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(10) {
                if sock.write_all(piece.as_bytes()).await.is_err() {
                    break;
                }
            }
        }
    }
    sock.flush().await?;
    let _ = sock.shutdown().await;
    Ok(())
}

struct Rig {
    server: Server,
    store: Arc<MemoryStore>,
    source: TokenSource,
}

const KEY_REFRESH: &str = "r0-refresh-secret";

/// The provider of the matrix: plain RFC 6749, refresh tokens not rotated (so an ambiguous
/// failure may be retried; see the `rotating` tests at the end), or rotated.
fn faulty_def(rotates: bool) -> &'static ProviderDef {
    let mut def = common::def("Faulty", vec![]).clone();
    if let Some(r) = def.grants.refresh_token.as_mut() {
        r.rotates = rotates;
    }
    Box::leak(Box::new(def))
}

async fn rig() -> Rig {
    rig_for(faulty_def(false)).await
}

async fn rig_for(def: &'static ProviderDef) -> Rig {
    let server = Server::start().await;
    let client = Client::builder(def, Credentials::new("cid", "csecret-xyz"))
        .origin_override(url::Url::parse(&format!("http://127.0.0.1:{}", server.port)).unwrap())
        .timeout(CLIENT_TIMEOUT)
        .build()
        .unwrap();
    let store = Arc::new(MemoryStore::new());
    let source = TokenSource::refreshing(&client, "alice")
        .store(store.clone())
        .retry(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(20),
            max_delay: Duration::from_secs(2),
        })
        .build();
    // An expired access token with a refresh token, stored.
    source
        .set(common::set("a0-expired", Some(KEY_REFRESH), 0))
        .await
        .unwrap();
    Rig {
        server,
        store,
        source,
    }
}

impl Rig {
    async fn assert_intact(&self, e: &Error) {
        let stored = self
            .store
            .load(self.source.key())
            .await
            .unwrap()
            .expect("the stored set survives");
        assert_eq!(stored.access_token.secret(), "a0-expired");
        assert_eq!(
            stored.refresh_token.as_ref().map(|r| r.secret()),
            Some(KEY_REFRESH),
            "refresh token intact after {e:?}"
        );
        assert_eq!(self.source.minted(), 0);
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains("csecret"), "secret in {shown}");
        assert!(!shown.contains(KEY_REFRESH), "refresh token in {shown}");
    }

    /// Runs one refresh with `faults` queued, expecting it to fail after `attempts` requests
    /// with an error `check` accepts.
    async fn fails(&self, faults: Vec<Fault>, attempts: usize, check: impl Fn(&Error) -> bool) {
        self.server.push(faults);
        let e = self.source.token().await.unwrap_err();
        assert!(check(&e), "unexpected error {e:?}");
        assert_eq!(self.server.hits(), attempts, "attempts for {e:?}");
        self.assert_intact(&e).await;
    }

    /// Runs one refresh with `faults` queued before a good answer: it succeeds after
    /// `faults.len() + 1` requests.
    async fn recovers(&self, faults: Vec<Fault>) {
        let n = faults.len() + self.server.hits();
        self.server.push(faults);
        self.server.push([Fault::Ok {
            access: "a1",
            refresh: Some("r1-rotated"),
        }]);
        let t = self.source.token().await.unwrap();
        assert_eq!(t.access_token.secret(), "a1");
        assert_eq!(self.server.hits(), n + 1);
        let stored = self.store.load(self.source.key()).await.unwrap().unwrap();
        assert_eq!(stored.refresh_token.unwrap().secret(), "r1-rotated");
        // Every attempt used the stored refresh token.
        for req in self.server.requests.lock().unwrap().iter() {
            assert!(req.contains(KEY_REFRESH), "{req}");
            assert!(req.contains("grant_type=refresh_token"));
        }
    }
}

fn is_timeout(e: &Error) -> bool {
    matches!(e, Error::Timeout { .. })
}
fn is_transport(e: &Error) -> bool {
    matches!(e, Error::Transport { .. })
}
fn is_timeout_or_transport(e: &Error) -> bool {
    is_timeout(e) || is_transport(e)
}
fn is_server_error(e: &Error) -> bool {
    e.meaning() == Some(ErrorMeaning::ServerError)
        || matches!(e, Error::Http { status, .. } if *status >= 500)
}
fn is_invalid_response(e: &Error) -> bool {
    matches!(e, Error::InvalidResponse { .. })
}
fn meaning(m: ErrorMeaning) -> impl Fn(&Error) -> bool {
    move |e| e.meaning() == Some(m)
}

fn three<F: Clone>(f: F) -> Vec<F> {
    vec![f.clone(), f.clone(), f]
}

// ---- transient: retried, at most three attempts ----

#[tokio::test]
async fn f01_timeout_no_answer() {
    let r = rig().await;
    let started = Instant::now();
    r.fails(three(Fault::Hang), 3, is_timeout).await;
    // Three timeouts plus 20 + 40 ms of backoff, and no more.
    let took = started.elapsed();
    assert!(took >= CLIENT_TIMEOUT * 3, "{took:?}");
    assert!(
        took < CLIENT_TIMEOUT * 3 + Duration::from_secs(2),
        "{took:?}"
    );
}

#[tokio::test]
async fn f02_timeout_then_recovers() {
    rig().await.recovers(vec![Fault::Hang]).await;
}

#[tokio::test]
async fn f03_connection_reset() {
    rig()
        .await
        .fails(three(Fault::Close), 3, is_timeout_or_transport)
        .await;
}

#[tokio::test]
async fn f04_reset_then_recovers() {
    rig().await.recovers(vec![Fault::Close, Fault::Close]).await;
}

#[tokio::test]
async fn f05_reset_mid_headers() {
    rig()
        .await
        .fails(three(Fault::CloseMidHeaders), 3, is_timeout_or_transport)
        .await;
}

#[tokio::test]
async fn f06_stall_mid_body() {
    rig()
        .await
        .fails(three(Fault::StallMidBody), 3, is_timeout)
        .await;
}

#[tokio::test]
async fn f07_body_shorter_than_declared() {
    // The connection closes before the declared length: the client reports a truncated body,
    // an invalid response, which is not retried.
    rig()
        .await
        .fails(vec![Fault::ShortBody], 1, is_invalid_response)
        .await;
}

#[tokio::test]
async fn f08_http_500_empty() {
    rig()
        .await
        .fails(three(json(500, "")), 3, is_server_error)
        .await;
}

#[tokio::test]
async fn f09_http_502_html_then_recovers() {
    let html = Fault::Raw {
        status: 502,
        headers: &[("content-type", "text/html")],
        body: "<html><body>Bad Gateway</body></html>".into(),
    };
    rig().await.recovers(vec![html.clone(), html]).await;
}

#[tokio::test]
async fn f10_http_503_temporarily_unavailable() {
    rig()
        .await
        .fails(
            three(json(503, r#"{"error":"temporarily_unavailable"}"#)),
            3,
            is_server_error,
        )
        .await;
}

#[tokio::test]
async fn f11_server_error_code_in_400() {
    rig()
        .await
        .recovers(vec![json(400, r#"{"error":"server_error"}"#)])
        .await;
}

#[tokio::test]
async fn f12_429_retry_after_is_honoured() {
    let r = rig().await;
    let started = Instant::now();
    r.recovers(vec![Fault::Raw {
        status: 429,
        headers: &[("retry-after", "1"), ("content-type", "application/json")],
        body: r#"{"error":"rate_limited"}"#.into(),
    }])
    .await;
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn f13_429_long_retry_after_is_surfaced_at_once() {
    let r = rig().await;
    let started = Instant::now();
    r.fails(
        vec![Fault::Raw {
            status: 429,
            headers: &[("retry-after", "3600")],
            body: String::new(),
        }],
        1,
        |e| {
            e.meaning() == Some(ErrorMeaning::RateLimited)
                && e.provider().and_then(|p| p.retry_after) == Some(Duration::from_secs(3600))
                || matches!(e, Error::Http { status: 429, retry_after: Some(d), .. } if *d == Duration::from_secs(3600))
        },
    )
    .await;
    assert!(started.elapsed() < Duration::from_millis(500));
}

/// A source for `def` whose client points at a port nobody listens on, with an expired set
/// stored in `store`; its refresh fails to connect.
async fn refused_source(def: &'static ProviderDef, store: Arc<MemoryStore>) -> TokenSource {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let client = Client::builder(def, Credentials::new("cid", "csecret-xyz"))
        .origin_override(url::Url::parse(&format!("http://127.0.0.1:{port}")).unwrap())
        .timeout(CLIENT_TIMEOUT)
        .build()
        .unwrap();
    let source = TokenSource::refreshing(&client, "alice")
        .store(store)
        .retry(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_secs(1),
        })
        .build();
    source
        .set(common::set("a0-expired", Some(KEY_REFRESH), 0))
        .await
        .unwrap();
    source
}

#[tokio::test]
async fn f14_connection_refused() {
    let store = Arc::new(MemoryStore::new());
    let source = refused_source(faulty_def(false), store.clone()).await;
    let e = source.token().await.unwrap_err();
    assert!(is_transport(&e), "{e:?}");
    assert_eq!(source.fetch_attempts(), 3);
    let stored = store.load(source.key()).await.unwrap().unwrap();
    assert_eq!(stored.refresh_token.unwrap().secret(), KEY_REFRESH);
}

// ---- not transient: one attempt, typed error ----

#[tokio::test]
async fn f15_truncated_json() {
    rig()
        .await
        .fails(
            vec![json(200, r#"{"access_token":"abc","expires_in":36"#)],
            1,
            is_invalid_response,
        )
        .await;
}

#[tokio::test]
async fn f16_html_body_with_200() {
    rig()
        .await
        .fails(
            vec![Fault::Raw {
                status: 200,
                headers: &[("content-type", "text/html")],
                body: "<!doctype html><html><body>Sign in</body></html>".into(),
            }],
            1,
            is_invalid_response,
        )
        .await;
}

#[tokio::test]
async fn f17_wrong_shape_json_array() {
    rig()
        .await
        .fails(
            vec![json(200, r#"["access_token"]"#)],
            1,
            is_invalid_response,
        )
        .await;
}

#[tokio::test]
async fn f18_json_without_access_token() {
    rig()
        .await
        .fails(
            vec![json(200, r#"{"token_type":"Bearer","expires_in":3600}"#)],
            1,
            is_invalid_response,
        )
        .await;
}

#[tokio::test]
async fn f19_access_token_of_the_wrong_type() {
    rig()
        .await
        .fails(
            vec![json(
                200,
                r#"{"access_token":{"nested":true},"expires_in":3600}"#,
            )],
            1,
            is_invalid_response,
        )
        .await;
}

#[tokio::test]
async fn f20_empty_200() {
    rig()
        .await
        .fails(vec![json(200, "")], 1, is_invalid_response)
        .await;
}

#[tokio::test]
async fn f21_error_inside_200() {
    rig()
        .await
        .fails(
            vec![json(200, r#"{"error":"invalid_grant"}"#)],
            1,
            meaning(ErrorMeaning::RefreshTokenInvalid),
        )
        .await;
}

#[tokio::test]
async fn f22_invalid_grant_on_a_reused_refresh_token() {
    rig()
        .await
        .fails(
            vec![json(
                400,
                r#"{"error":"invalid_grant","error_description":"refresh token already used"}"#,
            )],
            1,
            |e| {
                e.meaning() == Some(ErrorMeaning::RefreshTokenInvalid)
                    && e.provider().and_then(|p| p.description.as_deref())
                        == Some("refresh token already used")
            },
        )
        .await;
}

#[tokio::test]
async fn f23_invalid_client() {
    rig()
        .await
        .fails(
            vec![json(401, r#"{"error":"invalid_client"}"#)],
            1,
            meaning(ErrorMeaning::ClientInvalid),
        )
        .await;
}

#[tokio::test]
async fn f24_bad_request_without_body() {
    rig()
        .await
        .fails(vec![json(400, "")], 1, |e| {
            e.meaning() == Some(ErrorMeaning::BadRequest)
                || matches!(e, Error::Http { status: 400, .. })
        })
        .await;
}

#[tokio::test]
async fn f25_body_over_the_size_cap() {
    rig()
        .await
        .fails(vec![Fault::Huge], 1, is_invalid_response)
        .await;
}

#[tokio::test]
async fn f26_endless_chunked_body() {
    rig()
        .await
        .fails(vec![Fault::Endless], 1, is_invalid_response)
        .await;
}

#[tokio::test]
async fn f27_redirect_is_not_followed() {
    rig()
        .await
        .fails(
            vec![Fault::Raw {
                status: 302,
                headers: &[("location", "http://127.0.0.1:1/steal")],
                body: String::new(),
            }],
            1,
            |e| !RetryPolicy::is_transient(e),
        )
        .await;
}

#[tokio::test]
async fn f28_garbage_expires_in() {
    rig()
        .await
        .fails(
            vec![json(200, r#"{"access_token":"a","expires_in":"soon"}"#)],
            1,
            is_invalid_response,
        )
        .await;
}

// ---- mixed sequences ----

#[tokio::test]
async fn f29_transient_then_fatal_stops_at_the_fatal() {
    rig()
        .await
        .fails(
            vec![
                json(503, ""),
                json(400, r#"{"error":"invalid_grant"}"#),
                Fault::Ok {
                    access: "never",
                    refresh: None,
                },
            ],
            2,
            meaning(ErrorMeaning::RefreshTokenInvalid),
        )
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn f30_concurrent_callers_share_one_faulty_refresh() {
    let r = rig().await;
    r.server.push(three(Fault::Close));
    let tasks: Vec<_> = (0..32)
        .map(|_| {
            let s = r.source.clone();
            tokio::spawn(async move { s.token().await })
        })
        .collect();
    for t in tasks {
        let e = t.await.unwrap().unwrap_err();
        assert!(is_timeout_or_transport(&e), "{e:?}");
    }
    assert_eq!(r.server.hits(), 3, "one retried refresh for 32 callers");
    r.assert_intact(&Error::Config("after".into())).await;
    // And the next call recovers.
    r.recovers(vec![]).await;
}

#[tokio::test]
async fn f31_rotation_is_persisted_and_the_old_refresh_token_never_reused() {
    let r = rig().await;
    r.recovers(vec![json(503, "")]).await;
    // Rejected by the API: the next refresh must use the rotated token.
    let t = r.source.token().await.unwrap();
    r.source.invalidate(&t);
    r.server.push([Fault::Ok {
        access: "a2",
        refresh: None,
    }]);
    let t2 = r.source.token().await.unwrap();
    assert_eq!(t2.access_token.secret(), "a2");
    assert_eq!(t2.refresh_token.as_ref().unwrap().secret(), "r1-rotated");
    let last = r.server.requests.lock().unwrap().last().cloned().unwrap();
    assert!(last.contains("r1-rotated") && !last.contains(KEY_REFRESH));
    let stored = r.store.load(r.source.key()).await.unwrap().unwrap();
    assert_eq!(stored.refresh_token.unwrap().secret(), "r1-rotated");
}

// ---- a provider that rotates refresh tokens: an ambiguous failure is not repeated ----

/// A refresh that timed out may have been processed, consuming the refresh token it sent;
/// at a rotating provider, sending that token again is a reuse (`invalid_grant`, and some
/// providers revoke the whole grant). One attempt, the timeout returned, the set intact.
#[tokio::test]
async fn f32_rotating_timeout_is_not_repeated() {
    rig_for(faulty_def(true))
        .await
        .fails(vec![Fault::Hang], 1, is_timeout)
        .await;
}

/// The same for a connection lost after the request was sent.
#[tokio::test]
async fn f33_rotating_reset_after_sending_is_not_repeated() {
    let r = rig_for(faulty_def(true)).await;
    r.fails(vec![Fault::Close], 1, is_timeout_or_transport)
        .await;
    // The next call tries again, and succeeds when the provider answers.
    r.recovers(vec![]).await;
}

/// An answer, even an error, says what happened: a 503 is retried at a rotating provider too.
#[tokio::test]
async fn f34_rotating_server_error_is_retried() {
    rig_for(faulty_def(true))
        .await
        .recovers(vec![json(503, ""), json(502, "<html>bad gateway</html>")])
        .await;
}

/// A request that never left (nobody listening) is retried at a rotating provider too.
#[tokio::test]
async fn f35_rotating_connection_refused_is_retried() {
    let source = refused_source(faulty_def(true), Arc::new(MemoryStore::new())).await;
    let e = source.token().await.unwrap_err();
    assert!(is_transport(&e) && !e.outcome_unknown(), "{e:?}");
    assert_eq!(source.fetch_attempts(), 3);
}
