//! AuthorizedClient (and, with the `middleware` feature, TokenMiddleware) against a local API:
//! a token error renews the token and retries exactly once.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::Router;
use common::{set, Scripted};
use oauth_runtime::__private::engine::Client;
use oauth_runtime::{AuthorizedClient, Credentials, Error, TokenSource};

#[derive(Clone, Default)]
struct Api {
    /// Access tokens the API accepts.
    good: Arc<Mutex<Vec<String>>>,
    hits: Arc<AtomicUsize>,
    seen: Arc<Mutex<Vec<String>>>,
}

async fn serve(api: Api) -> u16 {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = Router::new().route(
        "/api",
        get(move |headers: HeaderMap| {
            let api = api.clone();
            async move {
                api.hits.fetch_add(1, Ordering::SeqCst);
                let auth = headers
                    .get("authorization")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_string();
                api.seen.lock().unwrap().push(auth.clone());
                let tok = auth.strip_prefix("Bearer ").unwrap_or("");
                if api.good.lock().unwrap().iter().any(|g| g == tok) {
                    (StatusCode::OK, r#"{"ok":true}"#)
                } else {
                    (StatusCode::UNAUTHORIZED, r#"{"error":"invalid_token"}"#)
                }
            }
        }),
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    port
}

fn client(port: u16) -> Client {
    Client::builder(common::def("Api", vec![]), Credentials::new("cid", "sec"))
        .origin_override(url::Url::parse(&format!("http://127.0.0.1:{port}")).unwrap())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_rejected_token_is_renewed_and_the_request_retried_once() {
    let api = Api::default();
    api.good.lock().unwrap().push("new".into());
    let port = serve(api.clone()).await;
    let c = client(port);
    let f = Scripted::new(3600);
    f.push(Ok(set("new", None, 3600)));
    let source = TokenSource::builder("k", f.clone())
        .initial(set("revoked", Some("r"), 3600))
        .build();
    let ac = AuthorizedClient::new(c.clone(), source.clone());
    let url = c.endpoint_url("api").unwrap();
    let resp = ac.send(|http| http.get(url.clone())).await.unwrap();
    assert_eq!(resp.status, 200);
    assert_eq!(api.hits.load(Ordering::SeqCst), 2);
    assert_eq!(f.calls(), 1);
    assert_eq!(
        *api.seen.lock().unwrap(),
        vec!["Bearer revoked".to_string(), "Bearer new".to_string()]
    );
    // Next requests use the new token straight away.
    ac.send(|http| http.get(url.clone())).await.unwrap();
    assert_eq!(api.hits.load(Ordering::SeqCst), 3);
    assert_eq!(f.calls(), 1);
}

#[tokio::test]
async fn never_more_than_one_retry() {
    let api = Api::default(); // accepts nothing
    let port = serve(api.clone()).await;
    let c = client(port);
    let f = Scripted::new(3600);
    let source = TokenSource::builder("k", f.clone()).build();
    let ac = AuthorizedClient::new(c.clone(), source);
    let url = c.endpoint_url("api").unwrap();
    let e = ac.send(|http| http.get(url.clone())).await.unwrap_err();
    assert!(e.is_token_error(), "{e:?}");
    assert_eq!(api.hits.load(Ordering::SeqCst), 2);
    assert_eq!(f.calls(), 2, "initial token plus one renewal");
}

#[tokio::test]
async fn other_errors_are_not_retried() {
    let api = Api::default();
    let port = serve(api.clone()).await;
    let c = client(port);
    let f = Scripted::new(3600);
    let source = TokenSource::builder("k", f.clone()).build();
    let ac = AuthorizedClient::new(c.clone(), source);
    // A path the API does not have: 404, not a token error.
    let url = c.endpoint_url("api").unwrap().join("/missing").unwrap();
    let e = ac.send(|http| http.get(url.clone())).await.unwrap_err();
    assert!(!e.is_token_error(), "{e:?}");
    assert_eq!(f.calls(), 1);
    // A fetch failure is returned as is, without calling the API.
    let f = Scripted::new(3600);
    f.push(Err(Error::NoToken("authorize first".into())));
    let ac = AuthorizedClient::new(c.clone(), TokenSource::builder("k2", f).build());
    let before = api.hits.load(Ordering::SeqCst);
    assert!(matches!(
        ac.send(|http| http.get(url.clone())).await,
        Err(Error::NoToken(_))
    ));
    assert_eq!(api.hits.load(Ordering::SeqCst), before);
}

#[cfg(feature = "middleware")]
#[tokio::test]
async fn middleware_renews_on_401_and_retries_once() {
    use oauth_runtime::authorized::TokenMiddleware;
    let api = Api::default();
    api.good.lock().unwrap().push("new".into());
    let port = serve(api.clone()).await;
    let c = client(port);
    let f = Scripted::new(3600);
    f.push(Ok(set("new", None, 3600)));
    let source = TokenSource::builder("k", f.clone())
        .initial(set("revoked", Some("r"), 3600))
        .build();
    let http = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
        .with(TokenMiddleware::new(c.clone(), source))
        .build();
    let url = c.endpoint_url("api").unwrap();
    let resp = http.get(url.clone()).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(api.hits.load(Ordering::SeqCst), 2);
    // Still 401 after renewal: returned, not retried again.
    api.good.lock().unwrap().clear();
    let resp = http.get(url).send().await.unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(api.hits.load(Ordering::SeqCst), 4);
    assert_eq!(f.calls(), 2);
}

/// A client whose limiter allows 2 API calls a minute, on a clock the test moves.
fn limited_client(port: u16) -> (Client, Arc<oauth_runtime::limits::ManualClock>) {
    use oauth_runtime::limits::{ManualClock, RateRule};
    use oauth_runtime::model::Counted;
    use oauth_runtime::RateLimiter;
    let clock = Arc::new(ManualClock::new());
    let limiter = RateLimiter::new(
        vec![RateRule {
            counts: Counted::ApiCalls,
            max: 2,
            per: Duration::from_secs(60),
            block_for: None,
            description: "2 calls a minute".into(),
        }],
        clock.clone(),
    );
    let c = Client::builder(common::def("Api", vec![]), Credentials::new("cid", "sec"))
        .origin_override(url::Url::parse(&format!("http://127.0.0.1:{port}")).unwrap())
        .rate_limiter(Arc::new(limiter))
        .build()
        .unwrap();
    (c, clock)
}

/// The client's rate limits apply to the API calls an `AuthorizedClient` sends, without
/// being asked: past the limit the call is a typed error and is not sent.
#[tokio::test]
async fn authorized_requests_respect_the_clients_rate_limit() {
    let api = Api::default();
    api.good.lock().unwrap().push("good".into());
    let port = serve(api.clone()).await;
    let (c, clock) = limited_client(port);
    let source = TokenSource::builder("k", Scripted::new(3600))
        .initial(set("good", None, 3600))
        .build();
    let authorized = AuthorizedClient::new(c.clone(), source);
    let url = c.endpoint_url("api").unwrap();
    for _ in 0..2 {
        let r = authorized.send(|h| h.get(url.clone())).await.unwrap();
        assert_eq!(r.status, 200);
    }
    match authorized.send(|h| h.get(url.clone())).await {
        Err(Error::LimitReached { limit, retry_after }) => {
            assert_eq!(limit, "2 calls a minute");
            assert_eq!(retry_after, Duration::from_secs(60));
        }
        other => panic!("expected LimitReached, got {other:?}"),
    }
    assert_eq!(api.hits.load(Ordering::SeqCst), 2, "the third was not sent");
    clock.advance(Duration::from_secs(60));
    authorized.send(|h| h.get(url.clone())).await.unwrap();
    assert_eq!(api.hits.load(Ordering::SeqCst), 3);
}

#[cfg(feature = "middleware")]
#[tokio::test]
async fn middleware_respects_the_clients_rate_limit() {
    use oauth_runtime::authorized::TokenMiddleware;
    let api = Api::default();
    api.good.lock().unwrap().push("good".into());
    let port = serve(api.clone()).await;
    let (c, _clock) = limited_client(port);
    let source = TokenSource::builder("k", Scripted::new(3600))
        .initial(set("good", None, 3600))
        .build();
    let http = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
        .with(TokenMiddleware::new(c.clone(), source))
        .build();
    let url = c.endpoint_url("api").unwrap();
    for _ in 0..2 {
        assert_eq!(http.get(url.clone()).send().await.unwrap().status(), 200);
    }
    let e = http.get(url).send().await.unwrap_err();
    assert!(e.to_string().contains("2 calls a minute"), "{e}");
    assert_eq!(api.hits.load(Ordering::SeqCst), 2, "the third was not sent");
}
