//! Marketo facts (seed-providers.md §3): client credentials on a GET identity endpoint, the
//! same token handed back with its remaining lifetime, errors as `success:false` in HTTP 200.

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
