//! Nest facts (seed-providers.md §4): 16-character web codes, 8-character PINs, no refresh
//! tokens, tokens that do not expire, and the documented 400/403 bodies.

mod common;

use std::time::Duration;

use common::{authorize, http, json, param, start, text, url, REDIRECT};
use oauth_sim::{Consent, Simulator};
use serde_json::Value;

/// Client credentials in the request body (`client_auth: request_body`).
async fn token(sim: &Simulator, code: &str, secret: &str) -> (u16, Value) {
    json(
        http()
            .post(url(sim, "token"))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("client_id", "id"),
                ("client_secret", secret),
            ])
            .send()
            .await
            .expect("token"),
    )
    .await
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

#[tokio::test]
async fn web_code_is_16_characters_and_the_token_never_expires() {
    let sim = start("nest.yaml");
    let to = authorize(&sim, &[]).await;
    let code = param(&to, "code").expect("code");
    assert_eq!(code.len(), 16);
    let (status, body) = token(&sim, &code, "secret").await;
    assert_eq!(status, 200);
    assert_eq!(body["expires_in"], 315_360_000);
    assert!(body.get("refresh_token").is_none(), "{body}");
    let at = body["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    sim.clock().advance(Duration::from_secs(10 * 365 * 86_400));
    let (status, _) = me(&sim, &at).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn pin_is_8_characters_and_lives_48_hours() {
    let sim = start("nest.yaml");
    let pin = sim.issue_pin("alice");
    assert_eq!(pin.len(), 8);
    assert!(pin
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
    sim.clock().advance(Duration::from_secs(47 * 3600));
    let (status, body) = token(&sim, &pin, "secret").await;
    assert_eq!(status, 200, "{body}");
    let late = sim.issue_pin("alice");
    sim.clock().advance(Duration::from_secs(48 * 3600));
    let (status, body) = token(&sim, &late, "secret").await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        serde_json::json!({"error": "oauth2_error", "error_description": "authorization code expired"})
    );
}

#[tokio::test]
async fn pin_page_is_shown_to_clients_without_a_redirect_uri() {
    let sim = start("nest.yaml");
    sim.register_client("pin-client", "s", Vec::<String>::new());
    let mut u = url(&sim, "authorize");
    u.query_pairs_mut()
        .append_pair("client_id", "pin-client")
        .append_pair("state", "STATE");
    let resp = http().get(u).send().await.expect("pin page");
    assert_eq!(resp.status(), 200);
    let page = resp.text().await.unwrap_or_default();
    assert!(page.contains("id=\"pin\""), "{page}");
    assert_eq!(sim.stats().pins_issued, 1);
}

#[tokio::test]
async fn token_errors_have_nests_bodies() {
    let sim = start("nest.yaml");
    let (status, body) = token(&sim, "NOPE", "secret").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "oauth2_error");
    assert_eq!(body["error_description"], "authorization code not found");

    let code = param(&authorize(&sim, &[]).await, "code").expect("code");
    let (status, body) = token(&sim, &code, "wrong").await;
    assert_eq!(status, 400);
    assert_eq!(body["error_description"], "client secret not found");

    sim.clock().advance(Duration::from_secs(601));
    let (status, body) = token(&sim, &code, "secret").await;
    assert_eq!(status, 400);
    assert_eq!(body["error_description"], "authorization code expired");

    let (status, body) = json(
        http()
            .post(url(&sim, "token"))
            .form(&[("grant_type", "authorization_code"), ("client_id", "id")])
            .send()
            .await
            .expect("token"),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "oauth2_error");

    sim.set_client_active("id", false);
    let (status, body) = token(&sim, "x", "secret").await;
    assert_eq!(status, 403);
    assert_eq!(
        body,
        serde_json::json!({"error": "client_not_active", "error_description": "client is not active"})
    );
}

#[tokio::test]
async fn authorize_errors_are_json_400s() {
    let sim = start("nest.yaml");
    let mut u = url(&sim, "authorize");
    u.query_pairs_mut()
        .append_pair("client_id", "id")
        .append_pair("state", "STATE")
        .append_pair("redirect_uri", "http://evil.example/cb");
    let (status, body) = json(http().get(u).send().await.expect("authorize")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        serde_json::json!({"error": "input_data_error", "error_description": "redirect_uri not pre-registered"})
    );

    let mut u = url(&sim, "authorize");
    u.query_pairs_mut()
        .append_pair("client_id", "id")
        .append_pair("redirect_uri", REDIRECT);
    let (status, body) = json(http().get(u).send().await.expect("authorize")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        serde_json::json!({"error": "oauth2_error", "error_description": "missing required parameters: state"})
    );
}

#[tokio::test]
async fn delete_deauthorizes_a_token() {
    let sim = start("nest.yaml");
    let code = param(&authorize(&sim, &[]).await, "code").expect("code");
    let (_, body) = token(&sim, &code, "secret").await;
    let at = body["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let revoke = url(&sim, "revoke");
    let target = format!("{}/{at}", revoke.as_str().trim_end_matches('/'));
    let resp = http().delete(&target).send().await.expect("delete");
    assert_eq!(resp.status(), 204);
    let (status, body) = me(&sim, &at).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"], "invalid_token");
    let resp = http().delete(&target).send().await.expect("delete");
    assert_eq!(resp.status(), 404);
}

/// The PIN page of a client registered without redirect URIs, for `client_id` and `state`.
async fn pin_page(sim: &Simulator, client_id: Option<&str>, state: Option<&str>) -> (u16, String) {
    let mut u = url(sim, "authorize");
    {
        let mut q = u.query_pairs_mut();
        if let Some(id) = client_id {
            q.append_pair("client_id", id);
        }
        if let Some(s) = state {
            q.append_pair("state", s);
        }
    }
    text(http().get(u).send().await.expect("pin page")).await
}

#[tokio::test]
async fn pin_page_errors_are_shown_to_the_user() {
    let sim = start("nest.yaml");
    sim.register_client("pin-client", "s", Vec::<String>::new());
    let shown = |message: &str| format!("<p id=\"error\">{message}</p>");

    let (status, page) = pin_page(&sim, None, Some("STATE")).await;
    assert_eq!(status, 400);
    assert!(
        page.contains(&shown("missing required parameters: client_id")),
        "{page}"
    );
    let (status, page) = pin_page(&sim, Some("pin-client"), None).await;
    assert_eq!(status, 400);
    assert!(
        page.contains(&shown("missing required parameters: state")),
        "{page}"
    );
    let (status, page) = pin_page(&sim, Some("nobody"), Some("STATE")).await;
    assert_eq!(status, 401);
    assert!(page.contains(&shown("Oops! We found an error")), "{page}");
    sim.consent(Consent::ServerError);
    let (status, page) = pin_page(&sim, Some("pin-client"), Some("STATE")).await;
    assert_eq!(status, 500);
    assert!(page.contains(&shown("Oops! We found an error")), "{page}");
    assert_eq!(sim.stats().pins_issued, 0);
}

#[tokio::test]
async fn a_client_over_its_user_quota_is_not_available_to_new_users() {
    let sim = start("nest.yaml");
    sim.register_client("pin-client", "s", Vec::<String>::new());
    sim.set_user_quota("pin-client", "Acme <Thermostats>", 1);
    let pin = sim.issue_pin("alice");
    let (status, _) = json(
        http()
            .post(url(&sim, "token"))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", pin.as_str()),
                ("client_id", "pin-client"),
                ("client_secret", "s"),
            ])
            .send()
            .await
            .expect("token"),
    )
    .await;
    assert_eq!(status, 200);
    // Alice is connected already: she may get another PIN. Bob would be the second user.
    let (status, _) = pin_page(&sim, Some("pin-client"), Some("STATE")).await;
    assert_eq!(status, 200);
    sim.consent(Consent::Approve { user: "bob".into() });
    let (status, page) = pin_page(&sim, Some("pin-client"), Some("STATE")).await;
    assert_eq!(status, 400);
    assert!(
        page.contains(
            "<p id=\"error\">connection to Acme &lt;Thermostats&gt; is not available</p>"
        ),
        "{page}"
    );
}
