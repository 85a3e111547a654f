//! The generic OpenID Connect spec: PKCE required, HTTP Basic client authentication, rotating
//! refresh tokens.

mod common;

use base64::Engine;
use common::{authorize, http, json, param, start, url, REDIRECT};
use oauth_sim::Simulator;
use serde_json::Value;
use sha2::{Digest, Sha256};

const VERIFIER: &str = "dBjftJeZ4CVP-mJ92K9TVkT1xyz0123456789abcdefghi";

fn challenge() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER))
}

async fn token(sim: &Simulator, form: &[(&str, &str)]) -> (u16, Value) {
    json(
        http()
            .post(url(sim, "token"))
            .basic_auth("id", Some("secret"))
            .form(form)
            .send()
            .await
            .expect("token"),
    )
    .await
}

#[tokio::test]
async fn pkce_is_required_and_verified() {
    let sim = start("openid.yaml");
    let to = authorize(&sim, &[]).await;
    assert_eq!(param(&to, "error").as_deref(), Some("invalid_request"));

    let ch = challenge();
    let pkce = [
        ("code_challenge", ch.as_str()),
        ("code_challenge_method", "S256"),
        ("scope", "openid offline_access"),
    ];
    let code = param(&authorize(&sim, &pkce).await, "code").expect("code");
    let exchange = |verifier: &'static str, code: String| {
        let sim = &sim;
        async move {
            token(
                sim,
                &[
                    ("grant_type", "authorization_code"),
                    ("code", &code),
                    ("redirect_uri", REDIRECT),
                    ("code_verifier", verifier),
                ],
            )
            .await
        }
    };
    let (status, body) = exchange("wrong-verifier", code.clone()).await;
    assert_eq!(body["error"], "invalid_grant", "{status}");
    let (status, body) = exchange(VERIFIER, code).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "openid offline_access");

    // Rotation: the new refresh token replaces the old one.
    let rt = body["refresh_token"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let (status, body) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
    )
    .await;
    assert_eq!(status, 200);
    let rotated = body["refresh_token"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!rotated.is_empty() && rotated != rt);
    let (status, body) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
    )
    .await;
    assert_eq!(body["error"].as_str(), Some("invalid_grant"), "{status}");
}

#[tokio::test]
async fn credentials_outside_the_basic_header_are_refused() {
    let sim = start("openid.yaml");
    let (status, body) = json(
        http()
            .post(url(&sim, "token"))
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", "id"),
                ("client_secret", "secret"),
            ])
            .send()
            .await
            .expect("token"),
    )
    .await;
    // The spec's rules give no status, so the rule's body comes with HTTP 200.
    assert_eq!(
        (status, body["error"].as_str()),
        (200, Some("invalid_request"))
    );
    let (status, body) = token(&sim, &[("grant_type", "client_credentials")]).await;
    assert_eq!(status, 200, "{body}");
}
