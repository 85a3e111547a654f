//! Token responses as the provider writes them (`token_response`): `expires_in: 0` for tokens
//! that never expire, absolute expiries, the refresh token's lifetime, token types, scope
//! arrays, secondary token sets and nested field names.

mod raw;

use std::time::Duration;

use raw::{code, http, me, send, sim, url, REDIRECT};
use serde_json::Value;

const SPEC: &str = r#"
provider: { name: Responses, display_name: Token responses }
endpoints:
  authorize: { url: "https://auth.example/authorize" }
  token: { url: "https://auth.example/token" }
  api: { url: "https://api.example" }
client_auth: request_body
RESPONSE
grants:
  authorization_code: {}
  refresh_token: { rotates: true }
"#;

fn start(response: &str) -> oauth_sim::Simulator {
    let sim = sim(&SPEC.replace("RESPONSE", response));
    sim.register_client("id", "secret", [REDIRECT]);
    sim
}

async fn tokens(sim: &oauth_sim::Simulator, extra: &[(&str, &str)]) -> Value {
    let c = code(sim, "id", extra).await;
    let (status, body) = send(http().post(url(sim, "token")).form(&[
        ("client_id", "id"),
        ("client_secret", "secret"),
        ("grant_type", "authorization_code"),
        ("code", c.as_str()),
        ("redirect_uri", REDIRECT),
    ]))
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// `expires_in_zero: never` (Mailchimp): a token that never expires is sent with
/// `expires_in: 0`; by default (0 means expired) it gets ten years instead.
#[tokio::test]
async fn tokens_that_never_expire_say_zero_where_zero_means_never() {
    let never = "lifetimes: { access_token: never }";
    let sim = start(&format!(
        "token_response: {{ expires_in_zero: never }}\n{never}"
    ));
    assert_eq!(tokens(&sim, &[]).await["expires_in"], 0);
    let sim = start(never);
    assert_eq!(tokens(&sim, &[]).await["expires_in"], 315_360_000);
}

/// `fields.expires_at` (Strava): the absolute expiry, in `expires_at_unit`, beside
/// `expires_in`.
#[tokio::test]
async fn absolute_expiries_are_sent_in_their_format() {
    for (unit, scale) in [("unix_seconds", 1), ("unix_milliseconds", 1000)] {
        let sim = start(&format!(
            "token_response:\n  fields: {{ expires_at: expires_at, expires_at_unit: {unit} }}\nlifetimes: {{ access_token: 6h }}"
        ));
        sim.clock().advance(Duration::from_secs(100));
        let body = tokens(&sim, &[]).await;
        let want = (sim.now_unix() + 6 * 3600) * scale;
        assert_eq!(body["expires_at"].as_u64(), Some(want), "{unit}: {body}");
        assert_eq!(body["expires_in"], 6 * 3600);
    }
}

/// `fields.refresh_token_expires_in` (QuickBooks' `x_refresh_token_expires_in`): what is left
/// of the refresh token's life, beside the refresh token.
#[tokio::test]
async fn the_refresh_tokens_lifetime_is_sent() {
    let sim = start(
        "token_response:\n  fields: { refresh_token_expires_in: x_refresh_token_expires_in }\nlifetimes: { refresh_token: 100d }",
    );
    let body = tokens(&sim, &[]).await;
    assert_eq!(body["x_refresh_token_expires_in"], 100 * 86_400, "{body}");
    let sim = start(
        "token_response: { fields: { refresh_token_expires_in: x_refresh_token_expires_in } }",
    );
    let body = tokens(&sim, &[]).await;
    assert!(
        body.get("x_refresh_token_expires_in").is_none(),
        "a refresh token that never expires: {body}"
    );
}

/// `token_types` (Slack's `bot`) and `scope_format: array` (Twitch).
#[tokio::test]
async fn token_types_and_scope_arrays_are_the_providers() {
    let sim = start("token_response: { token_types: [bot], scope_format: array }");
    let body = tokens(&sim, &[("scope", "chat:write users:read")]).await;
    assert_eq!(body["token_type"], "bot", "{body}");
    assert_eq!(
        body["scope"],
        serde_json::json!(["chat:write", "users:read"]),
        "{body}"
    );
    let sim = start("");
    let body = tokens(&sim, &[("scope", "a b")]).await;
    assert_eq!(
        (body["token_type"].as_str(), body["scope"].as_str()),
        (Some("Bearer"), Some("a b"))
    );
}

const SLACK: &str = r#"
token_response:
  token_types: [bot, user]
  secondary:
    user: { path: authed_user }
scopes:
  separator: ","
  params:
    user_scope: { description: Scopes of the user token. }
  catalogue: ["chat:write", "search:read"]
"#;

/// `secondary` sets and further scope parameters (Slack): `user_scope` yields a user token
/// nested under `authed_user`, with its own scopes and token type, and it works at the API.
#[tokio::test]
async fn scope_parameters_yield_secondary_token_sets() {
    let sim = start(SLACK);
    let body = tokens(
        &sim,
        &[("scope", "chat:write"), ("user_scope", "search:read")],
    )
    .await;
    assert_eq!(body["token_type"], "bot", "{body}");
    assert_eq!(body["scope"], "chat:write", "{body}");
    assert_eq!(body["authed_user"]["token_type"], "user", "{body}");
    assert_eq!(body["authed_user"]["scope"], "search:read", "{body}");
    let user_token = raw::s(&body, "authed_user.access_token");
    assert!(!user_token.is_empty() && user_token != raw::s(&body, "access_token"));
    assert!(body["authed_user"].get("refresh_token").is_some(), "{body}");
    let (status, who) = me(&sim, user_token).await;
    assert_eq!(status, 200, "{who}");
    assert_eq!(who["scopes"], serde_json::json!(["search:read"]));
    let body = tokens(&sim, &[("scope", "chat:write")]).await;
    assert!(
        body.get("authed_user").is_none(),
        "no user_scope, no user token: {body}"
    );
}

/// Field names are dotted paths: the fields sit in nested objects.
#[tokio::test]
async fn dotted_field_names_are_nested_objects() {
    let sim = start(
        "token_response:\n  fields: { access_token: data.token.value, expires_in: data.token.ttl, refresh_token: data.refresh }",
    );
    let body = tokens(&sim, &[]).await;
    assert!(!raw::s(&body, "data.token.value").is_empty(), "{body}");
    assert_eq!(body["data"]["token"]["ttl"], 3600, "{body}");
    assert!(!raw::s(&body, "data.refresh").is_empty(), "{body}");
    assert!(body.get("access_token").is_none(), "{body}");
}
