//! Fixed parameters (authorize `params`, `token_params`, refresh, client-credentials and device
//! `params`): recorded with each request; `access_type=offline` gating refresh tokens as at
//! Google; required with exactly their values once strict mode is on.

mod raw;

use raw::{authorize, code, http, param, send, sim, url, REDIRECT};
use serde_json::Value;

const GOOGLEISH: &str = r#"
provider: { name: Fixed, display_name: Fixed parameters }
variables:
  audience: { description: The API, format: "[a-z.]+", default: api.example }
endpoints:
  authorize: { url: "https://auth.example/authorize" }
  token: { url: "https://auth.example/token" }
  device_authorization: { url: "https://auth.example/device" }
client_auth: request_body
grants:
  authorization_code:
    params: { access_type: offline, prompt: consent }
    token_params: { expiring: "1" }
  refresh_token:
    params: { client_version: "2" }
  client_credentials:
    params: { audience: "{audience}" }
  device_code:
    params: { audience: "{audience}" }
"#;

async fn token(sim: &oauth_sim::Simulator, pairs: &[(&str, &str)]) -> (u16, Value) {
    let mut form = vec![("client_id", "id"), ("client_secret", "secret")];
    form.extend_from_slice(pairs);
    send(http().post(url(sim, "token")).form(&form)).await
}

async fn exchange(sim: &oauth_sim::Simulator, code: &str, extra: &[(&str, &str)]) -> (u16, Value) {
    let mut pairs = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", REDIRECT),
    ];
    pairs.extend_from_slice(extra);
    token(sim, &pairs).await
}

/// By default the provider's own leniency: fixed parameters may be left out, `access_type`
/// decides whether a refresh token comes, and every parameter sent is recorded.
#[tokio::test]
async fn fixed_parameters_are_recorded_and_access_type_gates_refresh_tokens() {
    let sim = sim(GOOGLEISH);
    sim.register_client("id", "secret", [REDIRECT]);
    let online = code(&sim, "id", &[]).await;
    let (status, body) = exchange(&sim, &online, &[]).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body.get("refresh_token").is_none(),
        "no offline access: {body}"
    );

    let offline = code(
        &sim,
        "id",
        &[("access_type", "offline"), ("prompt", "consent")],
    )
    .await;
    let (status, body) = exchange(&sim, &offline, &[("expiring", "1")]).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("refresh_token").is_some(), "{body}");
    let log = sim.requests();
    let authorize = log
        .iter()
        .filter(|r| r.endpoint.as_deref() == Some("authorize"))
        .nth(1)
        .expect("second authorize");
    assert_eq!(authorize.param("access_type"), Some("offline"));
    assert_eq!(authorize.param("prompt"), Some("consent"));
    let exchange_req = log.last().expect("exchange");
    assert_eq!(exchange_req.param("expiring"), Some("1"));
}

/// Strict mode: each grant's fixed parameters are required with their (rendered) values.
#[tokio::test]
async fn strict_mode_requires_every_fixed_parameter() {
    let sim = sim(GOOGLEISH);
    sim.register_client("id", "secret", [REDIRECT]);
    sim.set_strict_params(true);

    let to = authorize(
        &sim,
        &raw::code_request("id", &[("access_type", "offline")]),
    )
    .await;
    assert_eq!(
        param(&to, "error").as_deref(),
        Some("invalid_request"),
        "{to}"
    );
    assert!(
        param(&to, "error_description").is_some_and(|d| d.contains("prompt")),
        "{to}"
    );
    let to = authorize(
        &sim,
        &raw::code_request("id", &[("access_type", "online"), ("prompt", "consent")]),
    )
    .await;
    assert_eq!(
        param(&to, "error").as_deref(),
        Some("invalid_request"),
        "another value: {to}"
    );

    let c = code(
        &sim,
        "id",
        &[("access_type", "offline"), ("prompt", "consent")],
    )
    .await;
    let (status, err) = exchange(&sim, &c, &[]).await;
    assert_eq!(status, 400, "no expiring: {err}");
    let (status, body) = exchange(&sim, &c, &[("expiring", "1")]).await;
    assert_eq!(status, 200, "{body}");
    let rt = raw::s(&body, "refresh_token").to_string();

    let (status, _) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
    )
    .await;
    assert_eq!(status, 400, "no client_version");
    let (status, body) = token(
        &sim,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &rt),
            ("client_version", "2"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let (status, _) = token(&sim, &[("grant_type", "client_credentials")]).await;
    assert_eq!(status, 400, "no audience");
    let (status, _) = token(
        &sim,
        &[
            ("grant_type", "client_credentials"),
            ("audience", "other.example"),
        ],
    )
    .await;
    assert_eq!(status, 400, "another audience");
    let (status, body) = token(
        &sim,
        &[
            ("grant_type", "client_credentials"),
            ("audience", "api.example"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let device = |pairs: Vec<(&'static str, &'static str)>| {
        let sim = &sim;
        async move {
            let mut form = vec![("client_id", "id"), ("client_secret", "secret")];
            form.extend(pairs);
            send(http().post(url(sim, "device_authorization")).form(&form)).await
        }
    };
    let (status, _) = device(vec![]).await;
    assert_eq!(status, 400, "device: no audience");
    let (status, body) = device(vec![("audience", "api.example")]).await;
    assert_eq!(status, 200, "{body}");
}
