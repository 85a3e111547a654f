//! The security defects found by trying the runtime as an attacker and as a careless user
//! would, each reproduced against local servers through the generated clients: tokens that
//! crossed issuers, tokens sent anywhere, token requests replayed by a redirect-following HTTP
//! client, hostile lifetimes and token types, and provider text copied into errors.
#![allow(deprecated)] // Nest is deprecated.

mod support;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use oauth_providers::providers::marketo::Marketo;
use oauth_providers::providers::openid::OpenId;
use oauth_providers::providers::zoho_projects::{DataCenter, ZohoProjects};
use oauth_providers::store::MemoryStore;
use oauth_providers::{Credentials, Error, TokenSet, TokenStore};
use support::{Reply, Server};

const CLIENT_ID: &str = "shared-client-id";
const SECRET: &str = "shared-client-secret-SENSITIVE";

fn openid(issuer: &Server) -> OpenId {
    OpenId::builder(
        Credentials::new(CLIENT_ID, SECRET),
        issuer.origin.as_str().trim_end_matches('/'),
    )
    .redirect_uri("http://127.0.0.1/cb".parse().expect("redirect URI"))
    .build()
    .expect("client builds")
}

fn tokens(access: &str, refresh: &str) -> TokenSet {
    let mut t = TokenSet::bearer(access, Some(Duration::from_secs(3600)));
    t.refresh_token = Some(refresh.into());
    t
}

fn token_json(access: &str, expires_in: &str) -> Reply {
    Reply::json(
        200,
        format!(r#"{{"access_token":"{access}","token_type":"Bearer","expires_in":{expires_in}}}"#),
    )
}

/// An HTTP client such as a user might pass, following up to 10 redirects.
fn following_client() -> reqwest::ClientBuilder {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::limited(10))
}

// ---------------------------------------------------------------------------------------
// 1. Tokens never cross issuers.

#[tokio::test]
async fn two_issuers_with_one_client_id_and_subject_never_share_a_stored_set() {
    let issuer_a = Server::start(vec![]).await;
    let issuer_b = Server::start(vec![]).await;
    let store: Arc<dyn TokenStore> = Arc::new(MemoryStore::new());
    let a = openid(&issuer_a);
    let b = openid(&issuer_b);
    let source_a = a.token_source("alice").store(Arc::clone(&store)).build();
    let source_b = b.token_source("alice").store(Arc::clone(&store)).build();
    assert_ne!(source_a.key(), source_b.key(), "one key for two issuers");
    source_a
        .set(tokens("access-of-A-SENSITIVE", "refresh-of-A-SENSITIVE"))
        .await
        .expect("set");
    // B has no set of its own: it must neither hand out A's access token nor send A's
    // refresh token to B.
    let got = source_b.token().await;
    assert!(
        matches!(got, Err(Error::NoToken(_))),
        "B got {:?}",
        got.map(|t| t.access_token.secret().to_string())
    );
    assert!(issuer_b.requests().is_empty(), "something was sent to B");
}

#[tokio::test]
async fn a_stored_set_issued_elsewhere_is_refused_and_its_refresh_token_not_sent() {
    let issuer_a = Server::start(vec![]).await;
    let issuer_b = Server::start(vec![]).await;
    let store = Arc::new(MemoryStore::new());
    let a = openid(&issuer_a);
    let b = openid(&issuer_b);
    // A set obtained at A, found under B's key (a copied file, a shared Redis prefix).
    let source_a = a.token_source("alice").store(store.clone()).build();
    let mut from_a = source_a
        .set(tokens("access-of-A-SENSITIVE", "refresh-of-A-SENSITIVE"))
        .await
        .expect("set")
        .as_ref()
        .clone();
    from_a.expires_at = Some(SystemTime::now()); // due, so B would refresh with it
    let source_b = b.token_source("alice").store(store.clone()).build();
    store.save(source_b.key(), &from_a).await.expect("save");
    let got = source_b.token().await;
    assert!(
        matches!(got, Err(Error::IssuerMismatch)),
        "a set issued by A was used for B: {got:?}"
    );
    assert!(
        issuer_b.requests().is_empty(),
        "A's refresh token went to B"
    );
}

#[tokio::test]
async fn zoho_data_centres_and_marketo_instances_get_their_own_keys() {
    let creds = || Credentials::new(CLIENT_ID, SECRET);
    let us = ZohoProjects::builder(creds())
        .data_center(DataCenter::Us)
        .build()
        .expect("us");
    let eu = ZohoProjects::builder(creds())
        .data_center(DataCenter::Eu)
        .build()
        .expect("eu");
    let k_us = us.token_source("alice").build();
    let k_eu = eu.token_source("alice").build();
    assert_ne!(k_us.key(), k_eu.key());
    let m1 = Marketo::new(creds(), "111-AAA-111").expect("m1");
    let m2 = Marketo::new(creds(), "222-BBB-222").expect("m2");
    let s1 = m1.client_credentials_source("svc").build();
    let s2 = m2.client_credentials_source("svc").build();
    assert_ne!(s1.key(), s2.key());
}

// ---------------------------------------------------------------------------------------
// 2. API tokens go only over https (loopback excepted), only to declared origins, and never
//    along a redirect.

#[tokio::test]
async fn an_api_token_is_never_sent_over_plain_http_to_a_public_host() {
    let issuer = Server::start(vec![]).await;
    let client = openid(&issuer);
    let t = tokens("access-SENSITIVE", "refresh-SENSITIVE");
    let request = client.http().get("http://api.example.com/v1/me");
    let result = client.send_api(request, &t).await;
    // Refused for being plain http, before (and whatever) the origin check says.
    assert!(
        matches!(&result, Err(Error::Config(m)) if m.contains("only over https")),
        "sent a token over http: {result:?}"
    );
    // Nor can the application allow a plain-http public origin.
    let allowed = OpenId::builder(
        Credentials::new(CLIENT_ID, SECRET),
        issuer.origin.as_str().trim_end_matches('/'),
    )
    .allow_api_origin("http://api.example.com".parse().expect("origin"))
    .build();
    assert!(
        matches!(&allowed, Err(Error::Config(m)) if m.contains("must use https")),
        "allowed a plain-http origin: {:?}",
        allowed.err()
    );
}

#[tokio::test]
async fn an_api_token_goes_only_to_the_origins_the_spec_declares() {
    let issuer = Server::start(vec![]).await;
    let elsewhere = Server::start(vec![Reply::json(200, "{}")]).await;
    let client = openid(&issuer);
    let t = tokens("access-SENSITIVE", "refresh-SENSITIVE");
    let request = client.http().get(elsewhere.url("/steal"));
    let result = client.send_api(request, &t).await;
    assert!(result.is_err(), "sent the token to an undeclared origin");
    assert!(elsewhere.requests().is_empty(), "the request was sent");
}

#[tokio::test]
async fn a_redirect_is_never_followed_with_the_token_attached() {
    let elsewhere = Server::start(vec![Reply::json(200, "{}")]).await;
    let issuer = Server::start(vec![
        Reply::empty(307).header("location", elsewhere.url("/steal").as_str())
    ])
    .await;
    // Even with an HTTP client of the user's that follows redirects.
    let client = OpenId::builder(
        Credentials::new(CLIENT_ID, SECRET),
        issuer.origin.as_str().trim_end_matches('/'),
    )
    .http_client(following_client())
    .build()
    .expect("client builds");
    let source = client.token_source("alice").build();
    source
        .set(tokens("access-SENSITIVE", "refresh-SENSITIVE"))
        .await
        .expect("set");
    let api = client.authorized(source);
    let me = issuer.url("/me");
    let _ = api.send(|http| http.get(me.clone())).await;
    assert!(elsewhere.requests().is_empty(), "the redirect was followed");
}

// ---------------------------------------------------------------------------------------
// 3. Token requests never follow a redirect, whatever HTTP client the user passes.

#[tokio::test]
async fn a_redirect_following_http_client_never_replays_a_token_request() {
    let elsewhere = Server::start(vec![token_json("stolen", "3600")]).await;
    let issuer = Server::start(vec![
        Reply::empty(307).header("location", elsewhere.url("/token").as_str())
    ])
    .await;
    let following = following_client();
    let client = OpenId::builder(
        Credentials::new(CLIENT_ID, SECRET),
        issuer.origin.as_str().trim_end_matches('/'),
    )
    .http_client(following)
    .build()
    .expect("client builds");
    let result = client.refresh(&tokens("a", "refresh-SENSITIVE")).await;
    assert!(result.is_err(), "a redirected token response was accepted");
    assert!(
        elsewhere.requests().is_empty(),
        "the token request (refresh token, client secret) was replayed to the redirect target"
    );
}

// ---------------------------------------------------------------------------------------
// 5. No secret in `Debug`.

#[test]
fn token_sets_and_their_stored_form_redact_every_secret_in_debug() {
    let mut t = tokens("access-SENSITIVE", "refresh-SENSITIVE");
    t.extra
        .insert("id_token".into(), "eyJ.id-token-SENSITIVE.sig".into());
    let stored = oauth_providers::token::StoredTokenSet::from(&t);
    for shown in [format!("{t:?}"), format!("{stored:?}"), format!("{t:#?}")] {
        assert!(!shown.contains("SENSITIVE"), "{shown}");
    }
}

/// Every public type that can hold a secret, built with secrets that all carry one marker,
/// shown with `Debug` (and `Display` where it has one): the marker never appears.
#[tokio::test]
async fn every_public_type_holding_a_secret_redacts_it() {
    use oauth_providers::__private::rt::__private::engine::{Callback, ParamValue};
    use oauth_providers::token::StoredTokenSet;
    use oauth_providers::{
        AccessToken, AuthorizationCode, ClientSecret, CsrfToken, Password, PkceVerifier,
        RefreshToken,
    };
    use oauth_providers::{ApiResponse, DeviceAuthorization};
    const M: &str = "SENSITIVE";
    let server = Server::start(vec![]).await;
    let client = openid(&server);
    let (_, pending) = client.authorize().url().expect("authorize URL");
    let mut set = tokens("access-SENSITIVE", "refresh-SENSITIVE");
    set.extra.insert("id_token".into(), "id-SENSITIVE".into());
    let store = Arc::new(MemoryStore::new());
    let source = client.token_source("alice").store(store.clone()).build();
    source.set(set.clone()).await.expect("set");
    let file_dir = std::env::temp_dir().join(format!("oauth-redact-{}", std::process::id()));
    let file_store = oauth_providers::FileStore::new(&file_dir);
    file_store.save("k", &set).await.expect("save");
    let shown = [
        format!("{:?}", Credentials::new("id", "secret-SENSITIVE")),
        format!("{:?}", ClientSecret::new("secret-SENSITIVE")),
        format!("{:?}", AccessToken::new("a-SENSITIVE")),
        format!("{:?}", RefreshToken::new("r-SENSITIVE")),
        format!("{:?}", AuthorizationCode::new("code-SENSITIVE")),
        format!("{:?}", CsrfToken::new("state-SENSITIVE")),
        format!("{:?}", PkceVerifier::new("verifier-SENSITIVE")),
        format!("{:?}", Password::new("password-SENSITIVE")),
        format!("{set:?}"),
        format!("{:?}", StoredTokenSet::from(&set)),
        format!("{pending:?}"),
        format!(
            "{:?}",
            Callback {
                code: AuthorizationCode::new("code-SENSITIVE"),
                selected: vec![],
                connection: [("realm_id".to_string(), "123".to_string())].into(),
            }
        ),
        format!(
            "{:?}",
            DeviceAuthorization {
                device_code: AuthorizationCode::new("device-SENSITIVE"),
                user_code: "WDJB-MJHT".into(),
                verification_uri: "https://example.com/device".into(),
                verification_uri_complete: None,
                expires_at: SystemTime::now(),
                interval: Duration::from_secs(5),
            }
        ),
        format!(
            "{:?}",
            ParamValue::Secret(Password::new("password-SENSITIVE"))
        ),
        format!(
            "{:?}",
            ApiResponse {
                status: 200,
                headers: Default::default(),
                body: br#"{"api_key":"SENSITIVE"}"#.to_vec().into(),
            }
        ),
        format!("{client:?}"),
        format!("{source:?}"),
        format!("{:?}", client.authorized(source.clone())),
        format!("{store:?}"),
        format!("{file_store:?}"),
        format!("{:?}", source.token().await),
    ];
    for s in &shown {
        assert!(!s.contains(M), "a secret in {s}");
    }
    let _ = std::fs::remove_dir_all(&file_dir);
}

// ---------------------------------------------------------------------------------------
// 6. Hostile lifetimes.

#[tokio::test]
async fn an_absurd_expires_in_does_not_mean_never_renew() {
    for absurd in ["1e308", "18446744073709551615", "\"1e300\""] {
        let server = Server::start(vec![token_json("a1", absurd)]).await;
        let client = openid(&server);
        let before = SystemTime::now();
        let t = client
            .client_credentials()
            .await
            .expect("client credentials");
        let at = t
            .expires_at
            .unwrap_or_else(|| panic!("{absurd}: never expires"));
        let left = at.duration_since(before).unwrap_or_default();
        assert!(
            left <= Duration::from_secs(10 * 366 * 24 * 3600),
            "{absurd}: renewed only after {left:?}"
        );
    }
}

#[tokio::test]
async fn expires_in_zero_does_not_make_every_call_a_token_request() {
    let server = Server::start((0..60).map(|i| token_json(&format!("a{i}"), "0")).collect()).await;
    let client = openid(&server);
    let source = client.client_credentials_source("svc").build();
    for _ in 0..50 {
        let _ = source.token().await;
    }
    let sent = server.requests().len();
    assert!(sent <= 2, "50 calls sent {sent} token requests");
}

// ---------------------------------------------------------------------------------------
// 7. Unknown token types are refused.

#[tokio::test]
async fn a_token_type_the_client_cannot_present_is_refused() {
    for (token_type, ok) in [
        ("\"Bearer\"", true),
        ("\"bearer\"", true),
        ("\"BEARER\"", true),
        ("null", true),
        ("\"mac\"", false),
        ("\"DPoP\"", false),
        ("\"N_A\"", false),
    ] {
        let body = format!(r#"{{"access_token":"a","token_type":{token_type},"expires_in":3600}}"#);
        let server = Server::start(vec![Reply::json(200, &body)]).await;
        let client = openid(&server);
        let result = client.client_credentials().await;
        assert_eq!(result.is_ok(), ok, "token_type {token_type}: {result:?}");
        if !ok {
            assert!(
                matches!(result, Err(Error::InvalidResponse { .. })),
                "{token_type}: {result:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// 9. Provider text copied into errors is bounded and keeps RFC 6749's character set.

#[tokio::test]
async fn a_redirect_error_is_bounded_and_cannot_inject_log_lines() {
    let server = Server::start(vec![]).await;
    let client = openid(&server);
    let (_, pending) = client.authorize().url().expect("authorize URL");
    let state = pending.state.as_ref().expect("state").secret().to_string();
    let injected = format!(
        "access_denied\r\nINFO forged log line{}",
        "x".repeat(100_000)
    );
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("state", &state)
        .append_pair("error", &injected)
        .append_pair(
            "error_description",
            &format!("bad\r\nINFO forged{}", "y".repeat(100_000)),
        )
        .finish();
    let err = client
        .exchange_callback(pending, &query)
        .await
        .expect_err("an error");
    let shown = err.to_string();
    assert!(!shown.contains('\r') && !shown.contains('\n'), "{shown:?}");
    assert!(shown.len() < 1_000, "{} characters", shown.len());
    let p = err.provider().expect("a provider error");
    assert!(p.code.len() <= 64, "code of {} characters", p.code.len());
    assert!(
        p.code
            .bytes()
            .all(|b| (0x20..=0x7e).contains(&b) && b != b'"' && b != b'\\'),
        "{:?}",
        p.code
    );
}

// ---------------------------------------------------------------------------------------
// A token presented wrongly is not "fixed" by refreshing: one refresh, not one per call.

#[tokio::test]
async fn an_api_rejecting_every_fresh_token_costs_one_refresh_not_one_per_call() {
    let unauthorized = || Reply::json(401, r#"{"error":"invalid_token"}"#);
    let rotated = Reply::json(
        200,
        r#"{"access_token":"fresh-SENSITIVE","refresh_token":"r2-SENSITIVE","token_type":"Bearer","expires_in":3600}"#,
    );
    // The first call: rejected, one refresh, rejected again. Then nine more calls, each
    // rejected once (a refresh per call would need a token reply between each).
    let mut script = vec![unauthorized(), rotated, unauthorized()];
    script.extend((0..9).map(|_| unauthorized()));
    let issuer = Server::start(script).await;
    let client = openid(&issuer);
    let source = client.token_source("alice").build();
    source
        .set(tokens("first-SENSITIVE", "r1-SENSITIVE"))
        .await
        .expect("set");
    let api = client.authorized(source);
    let me = issuer.url("/me");
    for call in 0..10 {
        let e = api
            .send(|http| http.get(me.clone()))
            .await
            .err()
            .unwrap_or_else(|| panic!("call {call} succeeded"));
        assert!(
            matches!(e, Error::TokenRejected { .. }),
            "call {call}: {e:?}"
        );
    }
    let refreshes = issuer
        .requests()
        .iter()
        .filter(|r| r.path == "/token")
        .count();
    assert_eq!(refreshes, 1, "refreshes for 10 rejected calls");
}
