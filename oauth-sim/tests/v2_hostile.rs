//! Requests no client should send: the simulator answers each with a 4xx in the provider's
//! format, never a 500 or a dropped connection, and keeps serving; and what it remembers never
//! shows a secret or token in `Debug`.

mod raw;

use raw::{http, send, sim, text, url, REDIRECT};

const SPEC: &str = r#"
provider: { name: Hostile, display_name: Hostile requests }
endpoints:
  authorize: { url: "https://auth.example/authorize" }
  token: { url: "https://auth.example/token" }
  revoke: { url: "https://auth.example/revoke/{token}" }
  api: { url: "https://api.example/v1" }
client_auth: AUTH
token_request: { body: BODY }
grants:
  authorization_code: {}
  refresh_token: {}
  client_credentials: {}
"#;

fn start(auth: &str, body: &str) -> oauth_sim::Simulator {
    let sim = sim(&SPEC.replace("AUTH", auth).replace("BODY", body));
    sim.register_client("id", "hunter2-secret", [REDIRECT]);
    sim
}

async fn status_of(rb: reqwest::RequestBuilder) -> u16 {
    text(rb.send().await.expect("answered")).await.0
}

#[tokio::test]
async fn malformed_requests_get_4xx_answers() {
    let sim = start("basic", "json");
    let token = url(&sim, "token");
    let json = |body: &'static [u8]| {
        http()
            .post(token.clone())
            .header("content-type", "application/json")
            .body(body)
    };
    for body in [
        &b"{"[..],
        b"[]",
        b"\"x\"",
        b"{\"grant_type\": {\"nested\": 1}}",
        b"\xff\xfe",
        b"{\"grant_type\": [\"client_credentials\"]}",
    ] {
        let status = status_of(json(body)).await;
        assert_eq!(status, 400, "{:?}", String::from_utf8_lossy(body));
    }
    let cc = serde_json::json!({"grant_type": "client_credentials"});
    for authorization in [
        "Basic",
        "Basic ",
        "Basic !!!",
        "Basic bm8tY29sb24=",
        "Bearer x",
        "Basic aWQ6aHVudGVyMi1zZWNyZXQ=é",
    ] {
        let rb = http()
            .post(token.clone())
            .header("authorization", authorization)
            .json(&cc);
        let status = status_of(rb).await;
        assert!((400..500).contains(&status), "{authorization:?}: {status}");
    }
    let long = "x".repeat(200_000);
    let weird = serde_json::json!({"grant_type": format!("client_credentials\r\n{long}")});
    let rb = http()
        .post(token.clone())
        .basic_auth("id", Some("hunter2-secret"))
        .json(&weird);
    assert_eq!(status_of(rb).await, 400);

    // Paths, methods and query strings.
    let origin = sim.origin();
    for path in [
        "/%ff%fe",
        "/token/../token",
        "/revoke/",
        "/revoke/a/b",
        "/v1/sim/me/x",
    ] {
        let status = status_of(http().get(origin.join(path).expect("url"))).await;
        assert!((400..500).contains(&status), "{path}: {status}");
    }
    let status = status_of(http().put(token.clone()).body("x")).await;
    assert_eq!(status, 405);
    let authorize = url(&sim, "authorize");
    let status = status_of(http().get(authorize).query(&[
        ("client_id", "id"),
        ("redirect_uri", "\u{0}javascript:alert(1)"),
    ]))
    .await;
    assert_eq!(status, 400);
    let status = status_of(
        http()
            .get(url(&sim, "api"))
            .header("authorization", "Bearer é\tx"),
    )
    .await;
    assert!((400..500).contains(&status), "{status}");

    // Still serving.
    let (status, ok) = send(
        http()
            .post(url(&sim, "token"))
            .basic_auth("id", Some("hunter2-secret"))
            .json(&cc),
    )
    .await;
    assert_eq!(status, 200, "{ok}");
}

#[tokio::test]
async fn malformed_client_assertions_are_refused() {
    let sim = start("private_key_jwt", "form");
    let key = raw::Key::p256();
    sim.register_client_key("id", &key.jwk(None)).expect("key");
    let long = "a".repeat(100_000);
    for assertion in [
        "",
        "a",
        "a.b",
        "a.b.c",
        "e30.e30.",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJpZCJ9.",
        long.as_str(),
    ] {
        let (status, err) = send(http().post(url(&sim, "token")).form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "id"),
            (
                "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ),
            ("client_assertion", assertion),
        ]))
        .await;
        assert!(
            (400..500).contains(&status),
            "{:.40}: {status} {err}",
            assertion
        );
    }
}

#[tokio::test]
async fn debug_output_shows_no_secret_or_token() {
    let sim = start("request_body", "form");
    let (status, body) = send(http().post(url(&sim, "token")).form(&[
        ("grant_type", "client_credentials"),
        ("client_id", "id"),
        ("client_secret", "hunter2-secret"),
    ]))
    .await;
    assert_eq!(status, 200, "{body}");
    let token = raw::s(&body, "access_token").to_string();
    let debug = format!("{sim:?} {:?}", sim.requests());
    assert!(!debug.contains("hunter2-secret"), "{debug}");
    assert!(!debug.contains(&token), "{debug}");
    assert!(
        debug.contains("client_secret"),
        "names stay visible: {debug}"
    );
}
