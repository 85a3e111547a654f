//! Errors synthesised from the spec's rules: bodies that each rule's own tests accept (every
//! `FieldOp`), rules that apply to one grant only, exact statuses (200 included) and rules
//! without one, and limits that name the rule they answer with.

mod raw;

use std::time::Duration;

use raw::{code, http, me, send, sim, url, REDIRECT};
use serde_json::Value;

const SPEC: &str = r#"
provider: { name: Errors, display_name: Error rules }
endpoints:
  authorize: { url: "https://auth.example/authorize" }
  token: { url: "https://auth.example/token" }
  api: { url: "https://api.example" }
client_auth: request_body
lifetimes: { access_token: 1h }
grants:
  authorization_code: {}
  refresh_token: {}
  client_credentials: {}
limits:
  - rate: { counts: refreshes, max: 2, per: 1m, key: client, error: throttled, description: Two a minute. }
errors:
  - code: generic_rate_limit
    at: token_endpoint
    status: 429
    when: [{ field: error, equals: rate_limited }]
    meaning: rate_limited
  - code: throttled
    at: token_endpoint
    status: 200
    when:
      - { field: errors.*.code, between: [600, 699] }
      - { field: ok, equals: false }
      - { field: access_token, absent: true }
    meaning: rate_limited
  - code: invalid_code_on_refresh
    at: token_endpoint
    grant: refresh_token
    when: [{ field: error, equals: invalid_code }]
    meaning: refresh_token_invalid
  - code: invalid_grant
    at: token_endpoint
    status: 400
    when: [{ field: error, equals: invalid_grant }]
    meaning: refresh_token_invalid
  - code: bad_code
    at: token_endpoint
    grant: authorization_code
    status: 400
    when:
      - { field: error, one_of: [invalid_code, invalid_grant] }
      - { field: error_description, starts_with: "Invalid" }
      - { field: error_description, contains: code }
    meaning: code_invalid
  - code: service_client_refused
    at: token_endpoint
    grant: client_credentials
    status: 200
    when: [{ field: status, equals: CLIENT_REFUSED }]
    meaning: client_invalid
  - code: bad_client
    at: token_endpoint
    status: 401
    when: [{ field: message, contains: client }]
    meaning: client_invalid
  - code: "900901"
    at: api
    when: [{ field: fault.code, equals: 900901 }]
    meaning: access_token_expired
"#;

fn start() -> oauth_sim::Simulator {
    let sim = sim(SPEC);
    sim.register_client("id", "secret", [REDIRECT]);
    sim
}

async fn token(sim: &oauth_sim::Simulator, secret: &str, pairs: &[(&str, &str)]) -> (u16, Value) {
    let mut form = vec![("client_id", "id"), ("client_secret", secret)];
    form.extend_from_slice(pairs);
    send(http().post(url(sim, "token")).form(&form)).await
}

/// Each rule's body passes every one of its tests: `one_of`, `starts_with` and `contains` on
/// one field together, `equals` with a number, with the rule's status (or 200 without one).
#[tokio::test]
async fn bodies_pass_every_test_of_their_rule() {
    let sim = start();
    let (status, err) = token(
        &sim,
        "secret",
        &[
            ("grant_type", "authorization_code"),
            ("code", "nope"),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    assert_eq!(status, 400, "{err}");
    let error = raw::s(&err, "error");
    assert!(error == "invalid_code" || error == "invalid_grant", "{err}");
    let description = raw::s(&err, "error_description");
    assert!(
        description.starts_with("Invalid") && description.contains("code"),
        "{err}"
    );

    let c = code(&sim, "id", &[]).await;
    let (_, body) = token(
        &sim,
        "secret",
        &[
            ("grant_type", "authorization_code"),
            ("code", &c),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    sim.clock().advance(Duration::from_secs(3601));
    let (status, err) = me(&sim, raw::s(&body, "access_token")).await;
    assert_eq!(
        status, 200,
        "a rule without a status is sent with 200: {err}"
    );
    assert_eq!(err["fault"]["code"], 900_901, "{err}");
    assert!(err["fault"]["message"].is_string(), "{err}");
}

/// A rule written for one grant answers that grant's requests only: a bad refresh token gets
/// the refresh grant's `invalid_code` (not the generic `invalid_grant`), a wrong secret gets
/// the client-credentials rule for that grant and the generic rule elsewhere.
#[tokio::test]
async fn rules_for_one_grant_answer_that_grant_only() {
    let sim = start();
    let (status, err) = token(
        &sim,
        "secret",
        &[("grant_type", "refresh_token"), ("refresh_token", "nope")],
    )
    .await;
    assert_eq!(
        (status, raw::s(&err, "error")),
        (200, "invalid_code"),
        "{err}"
    );

    let (status, err) = token(&sim, "wrong", &[("grant_type", "client_credentials")]).await;
    assert_eq!(
        (status, raw::s(&err, "status")),
        (200, "CLIENT_REFUSED"),
        "an HTTP 200 error: {err}"
    );
    let (status, err) = token(
        &sim,
        "wrong",
        &[
            ("grant_type", "authorization_code"),
            ("code", "x"),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    assert_eq!(status, 401, "{err}");
    assert!(raw::s(&err, "message").contains("client"), "{err}");
    assert!(err.get("status").is_none(), "{err}");
}

/// A limit that names its rule answers with it, not with the first rule of the meaning.
#[tokio::test]
async fn limits_answer_with_the_rule_they_name() {
    let sim = start();
    let c = code(&sim, "id", &[]).await;
    let (_, body) = token(
        &sim,
        "secret",
        &[
            ("grant_type", "authorization_code"),
            ("code", &c),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    let rt = raw::s(&body, "refresh_token").to_string();
    for _ in 0..2 {
        let (status, ok) = token(
            &sim,
            "secret",
            &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
        )
        .await;
        assert_eq!(status, 200, "{ok}");
    }
    let (status, err) = token(
        &sim,
        "secret",
        &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
    )
    .await;
    assert_eq!(status, 200, "{err}");
    let code = err["errors"][0]["code"].as_i64().expect("a numeric code");
    assert!((600..=699).contains(&code), "{err}");
    assert_eq!(err["ok"], false, "{err}");
    assert!(err.get("access_token").is_none(), "{err}");
    assert!(err.get("error").is_none(), "not the generic rule: {err}");
}
