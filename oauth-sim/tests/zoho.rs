//! Zoho Projects and Zoho CRM facts (seed-providers.md §1-2) enforced by the simulator built
//! from the real specs.

mod common;

use std::time::Duration;

use common::{authorize, http, json, param, start, text, url, REDIRECT};
use oauth_sim::{Consent, Simulator};
use serde_json::Value;

const SCOPE: &str = "ZohoProjects.portals.READ,ZohoProjects.tasks.ALL";

/// POST to the token endpoint with the client in the query (Zoho's `client_auth: query`).
async fn token(sim: &Simulator, form: &[(&str, &str)]) -> (u16, Value) {
    let mut u = url(sim, "token");
    u.query_pairs_mut()
        .append_pair("client_id", "id")
        .append_pair("client_secret", "secret");
    json(http().post(u).form(form).send().await.expect("token")).await
}

async fn code(sim: &Simulator, access_type: &str) -> String {
    let to = authorize(sim, &[("scope", SCOPE), ("access_type", access_type)]).await;
    param(&to, "code").unwrap_or_else(|| panic!("no code in {to}"))
}

async fn exchange(sim: &Simulator, code: &str) -> (u16, Value) {
    token(
        sim,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await
}

async fn refresh(sim: &Simulator, rt: &str) -> (u16, Value) {
    token(
        sim,
        &[("grant_type", "refresh_token"), ("refresh_token", rt)],
    )
    .await
}

async fn me(sim: &Simulator, scheme: &str, at: &str) -> (u16, Value) {
    json(
        http()
            .get(url(sim, "api"))
            .header("authorization", format!("{scheme} {at}"))
            .send()
            .await
            .expect("api"),
    )
    .await
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str()
        .unwrap_or_else(|| panic!("no string `{k}` in {v}"))
}

#[tokio::test]
async fn redirect_carries_code_state_and_data_centre() {
    let sim = start("zoho_projects.yaml");
    let to = authorize(&sim, &[("scope", SCOPE)]).await;
    assert!(to.as_str().starts_with(REDIRECT));
    assert_eq!(param(&to, "state").as_deref(), Some("xyz"));
    assert_eq!(param(&to, "location").as_deref(), Some("us"));
    assert_eq!(
        param(&to, "accounts-server").as_deref(),
        Some("https://accounts.zoho.com")
    );
    assert_eq!(sim.stats().codes_issued, 1);
}

#[tokio::test]
async fn code_expires_after_two_minutes_with_invalid_code_in_http_200() {
    let sim = start("zoho_projects.yaml");
    let c = code(&sim, "offline").await;
    sim.clock().advance(Duration::from_secs(121));
    let (status, body) = exchange(&sim, &c).await;
    assert_eq!(status, 200);
    assert_eq!(s(&body, "error"), "invalid_code");
}

#[tokio::test]
async fn code_is_single_use() {
    let sim = start("zoho_projects.yaml");
    let c = code(&sim, "offline").await;
    sim.clock().advance(Duration::from_secs(119));
    let (status, body) = exchange(&sim, &c).await;
    assert_eq!(status, 200);
    assert!(body["access_token"].is_string(), "{body}");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(s(&body, "api_domain"), "https://www.zohoapis.com");
    assert_eq!(
        s(&body, "scope"),
        "ZohoProjects.portals.READ ZohoProjects.tasks.ALL"
    );
    let (status, body) = exchange(&sim, &c).await;
    assert_eq!((status, s(&body, "error")), (200, "invalid_code"));
}

#[tokio::test]
async fn offline_access_gets_a_refresh_token_and_online_does_not() {
    let sim = start("zoho_projects.yaml");
    let c = code(&sim, "offline").await;
    let (_, body) = exchange(&sim, &c).await;
    assert!(body["refresh_token"].is_string(), "{body}");
    let c = code(&sim, "online").await;
    let (_, body) = exchange(&sim, &c).await;
    assert!(body["access_token"].is_string());
    assert!(body.get("refresh_token").is_none(), "{body}");
    // The default is online.
    let to = authorize(&sim, &[("scope", SCOPE)]).await;
    let (_, body) = exchange(&sim, &param(&to, "code").unwrap_or_default()).await;
    assert!(body.get("refresh_token").is_none(), "{body}");
}

#[tokio::test]
async fn four_codes_a_minute_then_blocked_for_ten_minutes() {
    let sim = start("zoho_projects.yaml");
    for _ in 0..4 {
        code(&sim, "online").await;
    }
    let to = authorize(&sim, &[("scope", SCOPE)]).await;
    assert_eq!(param(&to, "error").as_deref(), Some("access_denied"));
    assert!(param(&to, "code").is_none());
    // The window has passed but the block has not.
    sim.clock().advance(Duration::from_secs(61));
    let to = authorize(&sim, &[("scope", SCOPE)]).await;
    assert_eq!(param(&to, "error").as_deref(), Some("access_denied"));
    sim.clock().advance(Duration::from_secs(540));
    code(&sim, "online").await;
    assert_eq!(sim.stats().codes_issued, 5);
}

#[tokio::test]
async fn the_31st_access_token_evicts_the_oldest() {
    let sim = start("zoho_projects.yaml");
    let c = code(&sim, "offline").await;
    let (_, body) = exchange(&sim, &c).await;
    let first = s(&body, "access_token").to_string();
    let rt = s(&body, "refresh_token").to_string();
    let mut second = String::new();
    for i in 0..29 {
        let (status, body) = refresh(&sim, &rt).await;
        assert_eq!(status, 200);
        assert!(body.get("refresh_token").is_none(), "no rotation");
        if i == 0 {
            second = s(&body, "access_token").to_string();
        }
    }
    let (status, body) = me(&sim, "Zoho-oauthtoken", &first).await;
    assert_eq!((status, s(&body, "user")), (200, "alice"));
    // 31st.
    refresh(&sim, &rt).await;
    let (status, body) = me(&sim, "Zoho-oauthtoken", &first).await;
    assert_eq!(status, 200);
    assert_eq!(s(&body, "code"), "INVALID_OAUTHTOKEN", "{body}");
    let (status, _) = me(&sim, "Zoho-oauthtoken", &second).await;
    assert_eq!(status, 200);
    assert_eq!(sim.stats().refreshes, 30);
}

#[tokio::test]
async fn the_21st_refresh_token_is_refused_with_access_denied() {
    let sim = start("zoho_projects.yaml");
    for i in 0..20 {
        if i > 0 && i % 4 == 0 {
            sim.clock().advance(Duration::from_secs(61));
        }
        let c = code(&sim, "offline").await;
        let (_, body) = exchange(&sim, &c).await;
        assert!(body["refresh_token"].is_string(), "#{i}: {body}");
    }
    sim.clock().advance(Duration::from_secs(61));
    let c = code(&sim, "offline").await;
    let (status, body) = exchange(&sim, &c).await;
    assert_eq!(status, 200);
    assert_eq!(s(&body, "error"), "Access Denied", "{body}");
    assert!(body.get("access_token").is_none());
    // Another user is not affected.
    sim.consent(Consent::Approve { user: "bob".into() });
    let c = code(&sim, "offline").await;
    let (_, body) = exchange(&sim, &c).await;
    assert!(body["refresh_token"].is_string(), "{body}");
}

#[tokio::test]
async fn expired_access_token_gets_invalid_oauth_token() {
    let sim = start("zoho_projects.yaml");
    let c = code(&sim, "online").await;
    let (_, body) = exchange(&sim, &c).await;
    let at = s(&body, "access_token").to_string();
    let (status, body) = me(&sim, "Zoho-oauthtoken", &at).await;
    assert_eq!(status, 200);
    assert_eq!(body["scopes"][0], "ZohoProjects.portals.READ");
    // The header scheme is Zoho's own: Bearer is not read.
    let (_, body) = me(&sim, "Bearer", &at).await;
    assert!(body.get("user").is_none(), "{body}");
    sim.clock().advance(Duration::from_secs(3600));
    let (status, body) = me(&sim, "Zoho-oauthtoken", &at).await;
    assert_eq!((status, s(&body, "error")), (200, "invalid_oauth_token"));
}

#[tokio::test]
async fn wrong_secret_and_get_are_refused() {
    let sim = start("zoho_projects.yaml");
    let mut u = url(&sim, "token");
    u.query_pairs_mut()
        .append_pair("client_id", "id")
        .append_pair("client_secret", "nope")
        .append_pair("grant_type", "refresh_token")
        .append_pair("refresh_token", "x");
    let (status, body) = json(http().post(u.clone()).send().await.expect("post")).await;
    assert_eq!((status, s(&body, "error")), (200, "invalid_client"));
    // Token requests are POST only.
    let (status, _) = text(http().get(u).send().await.expect("get")).await;
    assert_eq!(status, 405);
}

#[tokio::test]
async fn denied_consent_redirects_with_access_denied() {
    let sim = start("zoho_projects.yaml");
    sim.consent(Consent::Deny);
    let to = authorize(&sim, &[("scope", SCOPE)]).await;
    assert_eq!(param(&to, "error").as_deref(), Some("access_denied"));
    assert_eq!(param(&to, "state").as_deref(), Some("xyz"));
}

#[tokio::test]
async fn revoking_a_refresh_token_revokes_its_access_tokens() {
    let sim = start("zoho_projects.yaml");
    let c = code(&sim, "offline").await;
    let (_, body) = exchange(&sim, &c).await;
    let at = s(&body, "access_token").to_string();
    let rt = s(&body, "refresh_token").to_string();
    let mut u = url(&sim, "revoke");
    u.query_pairs_mut().append_pair("token", &rt);
    let (status, _) = text(http().post(u.clone()).send().await.expect("revoke")).await;
    assert_eq!(status, 200);
    let (_, body) = me(&sim, "Zoho-oauthtoken", &at).await;
    assert!(body.get("user").is_none(), "{body}");
    let (_, body) = refresh(&sim, &rt).await;
    assert_eq!(s(&body, "error"), "invalid_code");
    // Revoking again: Zoho answers 400.
    let (status, _) = text(http().post(u).send().await.expect("revoke")).await;
    assert_eq!(status, 400);
    assert_eq!(sim.stats().revocations, 1);
}

#[tokio::test]
async fn legacy_authtoken_answers_in_properties_text() {
    let sim = start("zoho_crm.yaml");
    sim.register_user("alice@example.com", "apppassword");
    let call = |password: &'static str| {
        let mut u = url(&sim, "legacy_authtoken");
        u.query_pairs_mut()
            .append_pair("SCOPE", "ZohoCRM/crmapi")
            .append_pair("EMAIL_ID", "alice@example.com")
            .append_pair("PASSWORD", password)
            .append_pair("DISPLAY_NAME", "test");
        http().post(u).send()
    };
    let (status, body) = text(call("apppassword").await.expect("authtoken")).await;
    assert_eq!(status, 200);
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.first(), Some(&"#"));
    assert!(lines
        .get(1)
        .is_some_and(|l| l.starts_with('#') && l.len() > 20));
    let token = lines
        .iter()
        .find_map(|l| l.strip_prefix("AUTHTOKEN="))
        .expect("AUTHTOKEN line")
        .to_string();
    assert!(lines.contains(&"RESULT=TRUE"), "{body}");

    let (status, body) = text(call("wrong").await.expect("authtoken")).await;
    assert_eq!(status, 200);
    assert!(
        body.ends_with("CAUSE=INVALID_PASSWORD\nRESULT=FALSE\n"),
        "{body}"
    );

    // The authtoken goes in the query with `scope=crmapi`, not in a header.
    let mut api = url(&sim, "api");
    api.query_pairs_mut()
        .append_pair("authtoken", &token)
        .append_pair("scope", "crmapi");
    let (status, body) = json(http().get(api).send().await.expect("api")).await;
    assert_eq!((status, s(&body, "user")), (200, "alice@example.com"));
    let (_, body) = me(&sim, "Zoho-oauthtoken", &token).await;
    assert!(body.get("user").is_none(), "{body}");
    assert_eq!(sim.stats().token_requests.get("legacy_authtoken"), Some(&2));
}
