//! The generic OpenID Connect spec: PKCE required, HTTP Basic client authentication, rotating
//! refresh tokens, and the device authorization grant (RFC 8628).

mod common;

use std::time::Duration;

use base64::Engine;
use common::{authorize, http, json, param, start, text, url, REDIRECT};
use oauth_sim::{Consent, Simulator};
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

// ---------------------------------------------------------------------------------------------
// Device authorization grant (RFC 8628)

const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// Starts a device authorization for client `id` and returns its JSON.
async fn start_device(sim: &Simulator) -> Value {
    let (status, body) = json(
        http()
            .post(url(sim, "device_authorization"))
            .basic_auth("id", Some("secret"))
            .form(&[("scope", "openid offline_access")])
            .send()
            .await
            .expect("device authorization"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn poll(sim: &Simulator, device_code: &str) -> (u16, Value) {
    token(
        sim,
        &[("grant_type", DEVICE_GRANT), ("device_code", device_code)],
    )
    .await
}

fn text_of<'a>(v: &'a Value, field: &str) -> &'a str {
    v[field].as_str().unwrap_or_default()
}

fn is_user_code(code: &str) -> bool {
    let consonants =
        |s: &str| s.len() == 4 && s.chars().all(|c| "BCDFGHJKLMNPQRSTVWXZ".contains(c));
    code.split_once('-')
        .is_some_and(|(a, b)| consonants(a) && consonants(b))
}

#[tokio::test]
async fn device_authorization_answers_every_rfc_8628_field() {
    let sim = start("openid.yaml");
    let body = start_device(&sim).await;
    assert_eq!(text_of(&body, "device_code").len(), 40, "{body}");
    let user_code = text_of(&body, "user_code");
    assert!(is_user_code(user_code), "{body}");
    let page = url(&sim, "device_verification");
    assert_eq!(page.path(), "/sim/device");
    assert_eq!(text_of(&body, "verification_uri"), page.as_str());
    assert_eq!(
        text_of(&body, "verification_uri_complete"),
        format!("{page}?user_code={user_code}")
    );
    // No code lifetime in the spec: oidc-provider's ten minutes; the spec's 5 s interval.
    assert_eq!(body["expires_in"], 600);
    assert_eq!(body["interval"], 5);
    assert_eq!(sim.stats().device_codes_issued, 1);
}

#[tokio::test]
async fn device_token_is_pending_until_approved_then_issued_once() {
    let sim = start("openid.yaml");
    let body = start_device(&sim).await;
    let device_code = text_of(&body, "device_code").to_string();
    let user_code = text_of(&body, "user_code").to_string();

    // The spec's rules give no status: the RFC body comes with HTTP 200.
    let (status, body) = poll(&sim, &device_code).await;
    assert_eq!(
        (status, text_of(&body, "error")),
        (200, "authorization_pending")
    );

    // Users type codes loosely: case and the dash do not matter.
    let typed = user_code.replace('-', "").to_lowercase();
    assert!(sim.approve_device(&typed, "dora"));
    assert!(!sim.approve_device(&user_code, "eve"), "already decided");

    sim.clock().advance(Duration::from_secs(5));
    let (status, body) = poll(&sim, &device_code).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "openid offline_access");
    assert_eq!(body["expires_in"], 3600);
    assert!(!text_of(&body, "refresh_token").is_empty(), "{body}");
    let (status, me) = json(
        http()
            .get(url(&sim, "api"))
            .bearer_auth(text_of(&body, "access_token"))
            .send()
            .await
            .expect("api"),
    )
    .await;
    assert_eq!((status, me["user"].as_str()), (200, Some("dora")));

    // A device code yields tokens once.
    sim.clock().advance(Duration::from_secs(5));
    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "invalid_grant", "{body}");
    assert_eq!(sim.stats().token_requests.get(DEVICE_GRANT), Some(&3));
}

#[tokio::test]
async fn polling_faster_than_the_interval_gets_slow_down_and_five_more_seconds() {
    let sim = start("openid.yaml");
    let body = start_device(&sim).await;
    let device_code = text_of(&body, "device_code").to_string();

    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "authorization_pending");
    // At once: too fast. The interval becomes 10 s.
    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "slow_down", "{body}");
    // 5 s later is still too fast now (interval 15 s from here).
    sim.clock().advance(Duration::from_secs(5));
    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "slow_down", "{body}");
    sim.clock().advance(Duration::from_secs(14));
    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "slow_down", "{body}");
    // Now the interval is 20 s.
    sim.clock().advance(Duration::from_secs(20));
    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "authorization_pending", "{body}");
}

#[tokio::test]
async fn device_code_expires_with_expired_token() {
    let sim = start("openid.yaml");
    let body = start_device(&sim).await;
    let device_code = text_of(&body, "device_code").to_string();
    let user_code = text_of(&body, "user_code").to_string();
    sim.clock().advance(Duration::from_secs(599));
    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "authorization_pending");
    sim.clock().advance(Duration::from_secs(1));
    assert!(
        !sim.approve_device(&user_code, "dora"),
        "too late to approve"
    );
    for _ in 0..2 {
        sim.clock().advance(Duration::from_secs(5));
        let (_, body) = poll(&sim, &device_code).await;
        assert_eq!(
            body,
            serde_json::json!({"error": "expired_token", "error_description": "device code expired"})
        );
    }
}

#[tokio::test]
async fn denial_on_the_verification_page_gives_access_denied() {
    let sim = start("openid.yaml");
    let body = start_device(&sim).await;
    let device_code = text_of(&body, "device_code").to_string();
    sim.consent(Consent::Deny);
    let (status, page) = text(
        http()
            .get(text_of(&body, "verification_uri_complete"))
            .send()
            .await
            .expect("page"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<p id=\"result\">Access denied</p>"),
        "{page}"
    );
    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "access_denied", "{body}");
    // The denial is final: the code is gone.
    sim.clock().advance(Duration::from_secs(5));
    let (_, body) = poll(&sim, &device_code).await;
    assert_eq!(text_of(&body, "error"), "invalid_grant", "{body}");
}

#[tokio::test]
async fn the_verification_page_applies_the_scripted_consent() {
    let sim = start("openid.yaml");
    let body = start_device(&sim).await;
    let device_code = text_of(&body, "device_code").to_string();
    let page = text_of(&body, "verification_uri").to_string();

    sim.consent(Consent::ServerError);
    let resp = http()
        .get(&page)
        .query(&[("user_code", text_of(&body, "user_code"))])
        .send()
        .await
        .expect("page");
    assert_eq!(resp.status(), 500);

    sim.consent(Consent::Approve { user: "bob".into() });
    let resp = http()
        .get(&page)
        .query(&[("user_code", "BBBB-BBBB")])
        .send()
        .await
        .expect("page");
    assert_eq!(resp.status(), 400, "an unknown code");
    let resp = http()
        .get(&page)
        .query(&[("user_code", text_of(&body, "user_code"))])
        .send()
        .await
        .expect("page");
    assert_eq!(resp.status(), 200);
    let (_, body) = poll(&sim, &device_code).await;
    assert!(!text_of(&body, "access_token").is_empty(), "{body}");
}

#[tokio::test]
async fn a_device_code_belongs_to_the_client_that_asked() {
    let sim = start("openid.yaml");
    sim.register_client("other", "other-secret", [REDIRECT]);
    let body = start_device(&sim).await;
    let device_code = text_of(&body, "device_code").to_string();
    assert!(sim.approve_device(text_of(&body, "user_code"), "dora"));
    let (_, body) = json(
        http()
            .post(url(&sim, "token"))
            .basic_auth("other", Some("other-secret"))
            .form(&[("grant_type", DEVICE_GRANT), ("device_code", &device_code)])
            .send()
            .await
            .expect("token"),
    )
    .await;
    assert_eq!(text_of(&body, "error"), "invalid_grant", "{body}");
}

/// The generated client's device methods against the simulator: start, approve as the user
/// would, poll (one real interval of 5 s: the runtime sleeps before its first poll).
#[tokio::test]
async fn the_generated_openid_client_completes_the_device_flow() {
    use oauth_providers::providers::openid::{scopes, OpenId};
    use oauth_providers::Credentials;

    let sim = start("openid.yaml");
    let client = OpenId::builder(Credentials::new("id", "secret"), "https://id.example.com")
        .origin_override(sim.origin())
        .build()
        .expect("client builds");
    let device = client
        .device_authorization([scopes::openid, scopes::offline_access])
        .await
        .expect("device authorization");
    assert!(is_user_code(&device.user_code), "{}", device.user_code);
    assert_eq!(device.interval, Duration::from_secs(5));
    assert_eq!(
        device.verification_uri,
        url(&sim, "device_verification").as_str()
    );
    assert!(sim.approve_device(&device.user_code, "dora"));
    let tokens = client
        .poll_device_token(&device)
        .await
        .expect("device token");
    assert!(tokens.refresh_token.is_some());
    assert_eq!(
        tokens.scopes.as_deref(),
        Some(&["openid".to_string(), "offline_access".to_string()][..])
    );
    let me = format!("{}/sim/me", client.endpoint_url("api").expect("api"));
    let response = client
        .send_api(client.http().get(me), &tokens)
        .await
        .expect("userinfo");
    let body: Value = serde_json::from_slice(&response.body).expect("JSON");
    assert_eq!(body["user"], "dora");
    assert_eq!(sim.stats().token_requests.get(DEVICE_GRANT), Some(&1));
}
