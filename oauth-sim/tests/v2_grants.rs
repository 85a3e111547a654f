//! Grants as the provider runs them: Facebook's access-token exchange, GitLab's redirect URI on
//! refresh, Strava's reused token, rotation, custom client-credentials grant types, Apple's
//! form-post response and Shopify's signed redirect.

mod raw;

use std::time::Duration;

use raw::{code, form_inputs, http, param, send, sim, text, url, REDIRECT};
use serde_json::Value;

const SPEC: &str = r#"
provider: { name: Grants, display_name: Grants }
endpoints:
  authorize: { url: "https://auth.example/authorize" }
  token: { url: "https://auth.example/token" }
  api: { url: "https://api.example" }
client_auth: request_body
lifetimes: { access_token: 1h }
grants:
  authorization_code: {}
GRANTS
"#;

fn start(grants: &str) -> oauth_sim::Simulator {
    let sim = sim(&SPEC.replace("GRANTS", grants));
    sim.register_client("id", "secret", [REDIRECT]);
    sim
}

async fn token(sim: &oauth_sim::Simulator, pairs: &[(&str, &str)]) -> (u16, Value) {
    let mut form = vec![("client_id", "id"), ("client_secret", "secret")];
    form.extend_from_slice(pairs);
    send(http().post(url(sim, "token")).form(&form)).await
}

async fn tokens(sim: &oauth_sim::Simulator) -> Value {
    let c = code(sim, "id", &[]).await;
    let (status, body) = token(
        sim,
        &[
            ("grant_type", "authorization_code"),
            ("code", &c),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

/// `using: access_token` (Facebook): no refresh token is ever issued; a live access token of
/// the client is exchanged under the spec's grant type and parameter.
#[tokio::test]
async fn renewals_that_exchange_the_access_token() {
    let sim = start("  refresh_token:\n    using: access_token\n    grant_type: fb_exchange_token\n    token_param: fb_exchange_token");
    let body = tokens(&sim).await;
    assert!(body.get("refresh_token").is_none(), "{body}");
    let at = raw::s(&body, "access_token").to_string();
    let (status, renewed) = token(
        &sim,
        &[
            ("grant_type", "fb_exchange_token"),
            ("fb_exchange_token", &at),
        ],
    )
    .await;
    assert_eq!(status, 200, "{renewed}");
    assert_ne!(raw::s(&renewed, "access_token"), at);
    let (status, _) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", &at)],
    )
    .await;
    assert_eq!(status, 400, "refresh_token is not Facebook's grant type");
    let (status, _) = token(
        &sim,
        &[
            ("grant_type", "fb_exchange_token"),
            ("fb_exchange_token", "unknown"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    sim.clock().advance(Duration::from_secs(3601));
    let (status, _) = token(
        &sim,
        &[
            ("grant_type", "fb_exchange_token"),
            ("fb_exchange_token", &at),
        ],
    )
    .await;
    assert_eq!(status, 400, "an expired token is not exchanged");
}

/// `send_redirect_uri` (GitLab): a refresh names the authorization's redirect URI.
#[tokio::test]
async fn refreshes_that_need_the_redirect_uri() {
    let sim = start("  refresh_token: { send_redirect_uri: true }");
    let body = tokens(&sim).await;
    let rt = raw::s(&body, "refresh_token").to_string();
    let refresh = |redirect: Option<&'static str>| {
        let sim = &sim;
        let rt = rt.clone();
        async move {
            let mut pairs = vec![
                ("grant_type", "refresh_token"),
                ("refresh_token", rt.as_str()),
            ];
            if let Some(r) = redirect {
                pairs.push(("redirect_uri", r));
            }
            token(sim, &pairs).await
        }
    };
    let (status, _) = refresh(None).await;
    assert_eq!(status, 400);
    let (status, _) = refresh(Some("http://localhost:8080/elsewhere")).await;
    assert_eq!(status, 400);
    let (status, ok) = refresh(Some(REDIRECT)).await;
    assert_eq!(status, 200, "{ok}");
}

/// `reuses_token` (Strava): a refresh while the access token is valid hands back that token,
/// with what is left of its life; after it expires, a new one.
#[tokio::test]
async fn refreshes_that_reuse_a_live_token() {
    let sim = start("  refresh_token: { reuses_token: true }");
    let body = tokens(&sim).await;
    let (at, rt) = (
        raw::s(&body, "access_token"),
        raw::s(&body, "refresh_token"),
    );
    sim.clock().advance(Duration::from_secs(600));
    let (status, again) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", rt)],
    )
    .await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(raw::s(&again, "access_token"), at);
    assert_eq!(again["expires_in"], 3000);
    sim.clock().advance(Duration::from_secs(3001));
    let (_, fresh) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", rt)],
    )
    .await;
    assert_ne!(raw::s(&fresh, "access_token"), at, "{fresh}");
    assert_eq!(fresh["expires_in"], 3600);
}

/// `rotates`: each refresh hands out a new refresh token and the old one is dead; without it,
/// the refresh token lives on.
#[tokio::test]
async fn rotating_refresh_tokens() {
    let sim = start("  refresh_token: { rotates: true }");
    let rt = raw::s(&tokens(&sim).await, "refresh_token").to_string();
    let (status, next) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
    )
    .await;
    assert_eq!(status, 200, "{next}");
    let rt2 = raw::s(&next, "refresh_token");
    assert!(!rt2.is_empty() && rt2 != rt, "{next}");
    let (status, _) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
    )
    .await;
    assert_eq!(status, 400, "the old refresh token is spent");

    let sim = start("  refresh_token: { rotates: false }");
    let rt = raw::s(&tokens(&sim).await, "refresh_token").to_string();
    for _ in 0..2 {
        let (status, next) = token(
            &sim,
            &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
        )
        .await;
        assert_eq!(status, 200, "{next}");
        assert!(next.get("refresh_token").is_none(), "{next}");
    }
}

/// Client credentials under another grant type (Zoom's `account_credentials`).
#[tokio::test]
async fn client_credentials_under_the_providers_grant_type() {
    let sim = start("  client_credentials: { grant_type: account_credentials }");
    let (status, body) = token(&sim, &[("grant_type", "account_credentials")]).await;
    assert_eq!(status, 200, "{body}");
    let (status, err) = token(&sim, &[("grant_type", "client_credentials")]).await;
    assert_eq!(
        (status, raw::s(&err, "error")),
        (400, "unsupported_grant_type"),
        "{err}"
    );
}

/// `response_mode: form_post` (Apple): the authorization response is a page whose form POSTs
/// `code` and `state` to the redirect URI; errors travel the same way.
#[tokio::test]
async fn form_post_responses_post_the_code_to_the_redirect_uri() {
    let sim = sim(&SPEC.replace(
        "  authorization_code: {}\nGRANTS",
        "  authorization_code: { response_mode: form_post }",
    ));
    sim.register_client("id", "secret", [REDIRECT]);
    let authorize = || {
        let sim = &sim;
        async move {
            let resp = http()
                .get(url(sim, "authorize"))
                .query(&raw::code_request("id", &[]))
                .send()
                .await
                .expect("authorize");
            text(resp).await
        }
    };
    let (status, page) = authorize().await;
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains(&format!("<form method=\"post\" action=\"{REDIRECT}\">")),
        "{page}"
    );
    assert!(page.contains("document.forms[0].submit()"), "{page}");
    let inputs = form_inputs(&page);
    assert_eq!(
        inputs.get("state").map(String::as_str),
        Some("xyz"),
        "{page}"
    );
    let c = inputs.get("code").expect("code").clone();
    let (status, body) = token(
        &sim,
        &[
            ("grant_type", "authorization_code"),
            ("code", &c),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    sim.consent(oauth_sim::Consent::Deny);
    let (status, page) = authorize().await;
    assert_eq!(status, 200);
    assert_eq!(
        form_inputs(&page).get("error").map(String::as_str),
        Some("access_denied"),
        "{page}"
    );
}

const SHOPIFY: &str = r#"
provider: { name: Shopifyish, display_name: Shopify-like }
variables:
  shop: { description: The shop, format: "[a-z0-9-]+", default: my-shop }
endpoints:
  authorize: { url: "https://{shop}.myshopify.example/admin/oauth/authorize" }
  token: { url: "https://{shop}.myshopify.example/admin/oauth/access_token" }
client_auth: request_body
grants:
  authorization_code:
    callback:
      hmac: { param: hmac, key: client_secret, algorithm: sha256, encoding: hex }
"#;

/// The HMAC-SHA256 (hex) of `params` without `hmac`, sorted and `&`-joined, keyed with
/// `secret`: what a client verifies.
fn shopify_hmac(secret: &str, params: &[(String, String)]) -> String {
    let mut signed: Vec<String> = params
        .iter()
        .filter(|(k, _)| k != "hmac")
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    signed.sort();
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    let tag = ring::hmac::sign(&key, signed.join("&").as_bytes());
    tag.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

/// `callback.hmac` (Shopify): the redirect carries `shop`, `timestamp` and the `hmac` of the
/// other parameters keyed with the client secret; changing any parameter, or another secret,
/// breaks it.
#[tokio::test]
async fn signed_redirects_carry_an_hmac_of_their_parameters() {
    let sim = sim(SHOPIFY);
    sim.register_client("id", "shpss_secret", [REDIRECT]);
    let to = raw::authorize(&sim, &raw::code_request("id", &[])).await;
    let params: Vec<(String, String)> = to.query_pairs().into_owned().collect();
    assert_eq!(
        param(&to, "shop").as_deref(),
        Some("my-shop.myshopify.example"),
        "{to}"
    );
    assert_eq!(
        param(&to, "timestamp"),
        Some(sim.now_unix().to_string()),
        "{to}"
    );
    let hmac = param(&to, "hmac").expect("hmac");
    assert_eq!(hmac.len(), 64);
    assert_eq!(shopify_hmac("shpss_secret", &params), hmac, "{to}");
    assert_ne!(shopify_hmac("another-secret", &params), hmac);
    let mut tampered = params.clone();
    for p in tampered.iter_mut().filter(|(k, _)| k == "state") {
        p.1 = "forged".into();
    }
    assert_ne!(shopify_hmac("shpss_secret", &tampered), hmac);
    let c = param(&to, "code").expect("code");
    let (status, body) = send(http().post(url(&sim, "token")).form(&[
        ("client_id", "id"),
        ("client_secret", "shpss_secret"),
        ("grant_type", "authorization_code"),
        ("code", c.as_str()),
        ("redirect_uri", REDIRECT),
    ]))
    .await;
    assert_eq!(status, 200, "{body}");
}

/// `{token}` in the revocation URL: the token travels in the path, and revoking a refresh
/// token ends its access tokens.
#[tokio::test]
async fn revocation_takes_the_token_in_its_path() {
    let sim = sim(&SPEC.replace("GRANTS", "  refresh_token: {}").replace(
        "  api:",
        "  revoke: { url: \"https://auth.example/tokens/{token}/revoke\" }\n  api:",
    ));
    sim.register_client("id", "secret", [REDIRECT]);
    let body = tokens(&sim).await;
    let (at, rt) = (
        raw::s(&body, "access_token"),
        raw::s(&body, "refresh_token"),
    );
    let revoke = sim
        .origin()
        .join(&format!("/tokens/{rt}/revoke"))
        .expect("url");
    let (status, _) = text(http().post(revoke).send().await.expect("revoke")).await;
    assert_eq!(status, 200);
    let (status, _) = raw::me(&sim, at).await;
    assert_eq!(
        status, 401,
        "the refresh token's access token ended with it"
    );
    let (status, _) = token(
        &sim,
        &[("grant_type", "refresh_token"), ("refresh_token", rt)],
    )
    .await;
    assert_eq!(status, 400);
}
