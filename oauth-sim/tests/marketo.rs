//! Marketo facts (seed-providers.md §3): client credentials on a GET identity endpoint, the
//! same token handed back with its remaining lifetime, errors as `success:false` in HTTP 200,
//! and the documented limits: 100 calls per 20 s (606), 50,000 a day (607), 10 in flight (615).

mod common;

use std::time::Duration;

use common::{http, json, start, url};
use oauth_sim::Simulator;
use serde_json::Value;

async fn identity(sim: &Simulator, secret: &str) -> (u16, Value) {
    let mut u = url(sim, "token");
    u.query_pairs_mut()
        .append_pair("grant_type", "client_credentials")
        .append_pair("client_id", "id")
        .append_pair("client_secret", secret);
    json(http().get(u).send().await.expect("identity")).await
}

async fn me(sim: &Simulator, at: &str) -> (u16, Value) {
    json(
        http()
            .get(url(sim, "api"))
            .bearer_auth(at)
            .send()
            .await
            .expect("api"),
    )
    .await
}

fn token_of(v: &Value) -> String {
    v["access_token"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn identity_hands_back_the_same_token_with_its_remaining_lifetime() {
    let sim = start("marketo.yaml");
    let (status, first) = identity(&sim, "secret").await;
    assert_eq!(status, 200);
    assert_eq!(first["expires_in"], 3600);
    sim.clock().advance(Duration::from_secs(100));
    let (_, again) = identity(&sim, "secret").await;
    assert_eq!(token_of(&again), token_of(&first));
    assert_eq!(again["expires_in"], 3500);
    assert!(again.get("refresh_token").is_none());
    assert_eq!(sim.stats().access_tokens_issued, 1);
    assert_eq!(
        sim.stats().token_requests.get("client_credentials"),
        Some(&2)
    );
    // Once it has expired, a new one with a full lifetime.
    sim.clock().advance(Duration::from_secs(3500));
    let (_, fresh) = identity(&sim, "secret").await;
    assert_ne!(token_of(&fresh), token_of(&first));
    assert_eq!(fresh["expires_in"], 3600);
}

#[tokio::test]
async fn expired_token_gets_602_in_a_success_false_http_200_body() {
    let sim = start("marketo.yaml");
    let (_, body) = identity(&sim, "secret").await;
    let at = token_of(&body);
    let (status, body) = me(&sim, &at).await;
    assert_eq!(status, 200);
    assert_eq!(body["user"], "id");
    sim.clock().advance(Duration::from_secs(3600));
    let (status, body) = me(&sim, &at).await;
    assert_eq!(status, 200);
    assert_eq!(body["success"], false);
    assert_eq!(body["errors"][0]["code"], "602", "{body}");
    let (_, body) = me(&sim, "not-a-token").await;
    assert_eq!(body["errors"][0]["code"], "601", "{body}");
}

#[tokio::test]
async fn bad_secret_gets_401_invalid_client() {
    let sim = start("marketo.yaml");
    let (status, body) = identity(&sim, "wrong").await;
    assert_eq!(status, 401);
    assert_eq!(body["error"], "invalid_client");
}

#[tokio::test]
async fn more_than_100_calls_in_20_seconds_get_606() {
    let sim = start("marketo.yaml");
    let (_, body) = identity(&sim, "secret").await;
    let at = token_of(&body);
    for _ in 0..100 {
        let (_, body) = me(&sim, &at).await;
        assert_eq!(body["user"], "id");
    }
    let (status, body) = me(&sim, &at).await;
    assert_eq!(status, 200);
    assert_eq!(body["errors"][0]["code"], "606", "{body}");
    sim.clock().advance(Duration::from_secs(20));
    let (_, body) = me(&sim, &at).await;
    assert_eq!(body["user"], "id");
}

/// `{"requestId":"xxxx#xxxxxxxxxxx","success":false,"errors":[{"code":..,"message":..}]}`,
/// with the request id checked for shape and then dropped.
fn without_request_id(mut body: Value) -> Value {
    let id = body
        .as_object_mut()
        .and_then(|m| m.remove("requestId"))
        .unwrap_or_default();
    let id = id.as_str().unwrap_or_default();
    let shaped = id.split_once('#').is_some_and(|(a, b)| {
        a.len() == 4 && b.len() == 11 && a.chars().chain(b.chars()).all(|c| c.is_ascii_hexdigit())
    });
    assert!(shaped, "requestId {id:?}");
    body
}

fn envelope(code: &str, message: &str) -> Value {
    serde_json::json!({"success": false, "errors": [{"code": code, "message": message}]})
}

#[tokio::test]
async fn errors_carry_a_request_id_and_a_message_beside_the_code() {
    let sim = start("marketo.yaml");
    let (status, body) = me(&sim, "not-a-token").await;
    assert_eq!(status, 200);
    assert_eq!(
        without_request_id(body),
        envelope("601", "Invalid OAuth access token")
    );
}

#[tokio::test]
async fn the_eleventh_call_in_flight_gets_615() {
    let sim = start("marketo.yaml");
    let (_, body) = identity(&sim, "secret").await;
    let at = token_of(&body);
    sim.set_api_latency(Duration::from_millis(1500));
    let calls: Vec<_> = (0..10)
        .map(|_| {
            let (u, at) = (url(&sim, "api"), at.clone());
            tokio::spawn(async move {
                json(http().get(u).bearer_auth(at).send().await.expect("api")).await
            })
        })
        .collect();
    // Wait (in real time) until all ten are in flight.
    let mut waited = 0;
    while sim.api_calls_in_flight() < 10 {
        assert!(
            waited < 500,
            "only {} calls in flight",
            sim.api_calls_in_flight()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
        waited += 1;
    }
    assert_eq!(sim.api_calls_in_flight(), 10);
    let (status, body) = me(&sim, &at).await;
    assert_eq!(status, 200);
    assert_eq!(
        without_request_id(body),
        envelope("615", "Concurrent access limit reached")
    );
    for call in calls {
        let (status, body) = call.await.expect("call");
        assert_eq!((status, body["user"].as_str()), (200, Some("id")), "{body}");
    }
    assert_eq!(sim.api_calls_in_flight(), 0);
    // The slots are free again; the refused call did not count toward the rate limit either.
    sim.set_api_latency(Duration::ZERO);
    let (_, body) = me(&sim, &at).await;
    assert_eq!(body["user"], "id", "{body}");
    assert_eq!(sim.stats().api_calls, 12);
}

#[tokio::test]
async fn the_606_body_says_max_rate_limit_exceeded_and_when_to_retry() {
    let sim = start("marketo.yaml");
    let (_, body) = identity(&sim, "secret").await;
    let at = token_of(&body);
    for _ in 0..100 {
        me(&sim, &at).await;
    }
    sim.clock().advance(Duration::from_secs(5));
    let resp = http()
        .get(url(&sim, "api"))
        .bearer_auth(&at)
        .send()
        .await
        .expect("api");
    // The oldest call leaves the 20 s window in 15 s.
    assert_eq!(
        resp.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("15")
    );
    let (status, body) = json(resp).await;
    assert_eq!(status, 200);
    assert_eq!(
        without_request_id(body),
        envelope("606", "Max rate limit exceeded")
    );
}

#[tokio::test]
async fn the_50001st_call_of_the_day_gets_607_until_the_day_is_over() {
    let sim = start("marketo.yaml");
    let (_, body) = identity(&sim, "secret").await;
    let at = token_of(&body);
    sim.record_api_calls(49_990);
    // All made just now: the 20-second window is over its 100 as well.
    let (_, body) = me(&sim, &at).await;
    assert_eq!(body["errors"][0]["code"], "606", "{body}");
    sim.clock().advance(Duration::from_secs(20));
    for _ in 0..10 {
        let (_, body) = me(&sim, &at).await;
        assert_eq!(body["user"], "id", "{body}");
    }
    let resp = http()
        .get(url(&sim, "api"))
        .bearer_auth(&at)
        .send()
        .await
        .expect("api");
    // The day's first calls (at 0 s) leave the window at 86,400 s; now is 20 s.
    assert_eq!(
        resp.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("86380")
    );
    let (status, body) = json(resp).await;
    assert_eq!(status, 200);
    assert_eq!(
        without_request_id(body),
        envelope("607", "Daily quota reached")
    );
    // The token expired meanwhile; a new one works on the new day.
    sim.clock().advance(Duration::from_secs(86_400));
    let (_, body) = identity(&sim, "secret").await;
    let (_, body) = me(&sim, &token_of(&body)).await;
    assert_eq!(body["user"], "id", "{body}");
}

#[tokio::test]
async fn client_credentials_scope_names_the_owner_of_the_custom_service() {
    let sim = start("marketo.yaml");
    sim.set_client_owner("id", "apis@acmeinc.com");
    let (_, first) = identity(&sim, "secret").await;
    assert_eq!(first["scope"], "apis@acmeinc.com", "{first}");
    sim.clock().advance(Duration::from_secs(1));
    let (_, again) = identity(&sim, "secret").await;
    assert_eq!(again["scope"], "apis@acmeinc.com", "{again}");
    assert_eq!(again["expires_in"], 3599);
}
