//! API calls as the provider takes them: the token in any header (bare, or with a scheme), in
//! the query, or nowhere; the headers every call must carry; a `User-Agent` where required.

mod raw;

use raw::{http, send, sim, url};
use serde_json::Value;

const SPEC: &str = r#"
provider: { name: Api, display_name: API presentation }
endpoints:
  token: { url: "https://auth.example/token" }
  api: { url: "https://api.example/v1" }
client_auth: request_body
PRESENTATION
grants:
  client_credentials: {}
"#;

async fn token(sim: &oauth_sim::Simulator) -> String {
    let (status, body) = send(http().post(url(sim, "token")).form(&[
        ("grant_type", "client_credentials"),
        ("client_id", "id"),
        ("client_secret", "secret"),
    ]))
    .await;
    assert_eq!(status, 200, "{body}");
    raw::s(&body, "access_token").to_string()
}

fn start(presentation: &str) -> oauth_sim::Simulator {
    let sim = sim(&SPEC.replace("PRESENTATION", presentation));
    sim.register_client("id", "secret", Vec::<String>::new());
    sim
}

async fn call(
    sim: &oauth_sim::Simulator,
    headers: &[(&str, &str)],
    query: &[(&str, &str)],
) -> (u16, Value) {
    let mut rb = http().get(url(sim, "api")).query(query);
    for (k, v) in headers {
        rb = rb.header(*k, *v);
    }
    send(rb).await
}

/// `header: { name: X-Shopify-Access-Token, scheme: "" }`: the bare token in that header, and
/// only there.
#[tokio::test]
async fn a_bare_token_in_a_custom_header() {
    let sim =
        start("token_presentation: { header: { name: X-Shopify-Access-Token, scheme: \"\" } }");
    let t = token(&sim).await;
    let (status, me) = call(&sim, &[("x-shopify-access-token", &t)], &[]).await;
    assert_eq!(status, 200, "{me}");
    let bearer = format!("Bearer {t}");
    for headers in [
        vec![("authorization", bearer.as_str())],
        vec![("x-shopify-access-token", bearer.as_str())],
    ] {
        let (status, err) = call(&sim, &headers, &[]).await;
        assert_eq!(status, 401, "{headers:?}: {err}");
    }
}

/// `header: { scheme: Zoho-oauthtoken }` and `query: { param: access_token }`: the scheme must
/// be the provider's; a query token is not looked for in headers.
#[tokio::test]
async fn schemes_and_query_parameters() {
    let sim = start("token_presentation: { header: { scheme: Zoho-oauthtoken } }");
    let t = token(&sim).await;
    let (status, _) = call(
        &sim,
        &[("authorization", &format!("Zoho-oauthtoken {t}"))],
        &[],
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = call(&sim, &[("authorization", &format!("Bearer {t}"))], &[]).await;
    assert_eq!(status, 401);

    let sim = start("token_presentation: { query: { param: access_token } }");
    let t = token(&sim).await;
    let (status, _) = call(&sim, &[], &[("access_token", &t)]).await;
    assert_eq!(status, 200);
    let (status, _) = call(&sim, &[("authorization", &format!("Bearer {t}"))], &[]).await;
    assert_eq!(status, 401);
}

/// `none`: the tokens serve no API (Sign in with Apple), so no call is admitted.
#[tokio::test]
async fn no_presentation_serves_no_api() {
    let sim = start("token_presentation: { none: true }");
    let t = token(&sim).await;
    let (status, err) = call(&sim, &[("authorization", &format!("Bearer {t}"))], &[]).await;
    assert_eq!(status, 401, "{err}");
}

/// `api.headers` (Notion's version, Twitch's `Client-Id: {client_id}`): required on every
/// call, with their rendered values.
#[tokio::test]
async fn declared_api_headers_are_required() {
    let sim =
        start("api:\n  headers: { Notion-Version: \"2022-06-28\", Client-Id: \"{client_id}\" }");
    let t = token(&sim).await;
    let bearer = format!("Bearer {t}");
    let good = [
        ("authorization", bearer.as_str()),
        ("notion-version", "2022-06-28"),
        ("client-id", "id"),
    ];
    let (status, me) = call(&sim, &good, &[]).await;
    assert_eq!(status, 200, "{me}");
    for (drop, replace) in [
        (1, None),
        (2, None),
        (1, Some("2021-08-16")),
        (2, Some("other")),
    ] {
        let mut headers = good.to_vec();
        match replace {
            None => {
                headers.remove(drop);
            }
            Some(v) => headers[drop].1 = v,
        }
        let (status, err) = call(&sim, &headers, &[]).await;
        assert_eq!(
            (status, raw::s(&err, "error")),
            (400, "invalid_request"),
            "{headers:?}: {err}"
        );
    }
}

/// `api.user_agent: required` (GitHub, Reddit): calls without a `User-Agent` are refused.
#[tokio::test]
async fn a_user_agent_is_required_where_the_provider_requires_one() {
    let sim = start("api: { user_agent: required }");
    let t = token(&sim).await;
    let bearer = format!("Bearer {t}");
    let (status, err) = call(&sim, &[("authorization", &bearer)], &[]).await;
    assert_eq!(status, 400, "{err}");
    assert!(
        raw::s(&err, "error_description").contains("User-Agent"),
        "{err}"
    );
    let (status, me) = call(
        &sim,
        &[("authorization", &bearer), ("user-agent", "my-app/1.0")],
        &[],
    )
    .await;
    assert_eq!(status, 200, "{me}");
    // Without the requirement, none is needed.
    let sim = start("");
    let t = token(&sim).await;
    let (status, _) = call(&sim, &[("authorization", &format!("Bearer {t}"))], &[]).await;
    assert_eq!(status, 200);
}
