//! Discovery and UserInfo against servers started on 127.0.0.1: the exact issuer check, the
//! RFC 8414 fallback (only for a missing document), no redirects, the body cap, the cache, and
//! UserInfo's `sub` check, errors and DPoP nonce retry.

mod oidc_support;

use std::time::Duration;

use oauth_runtime::oidc::{
    CachePolicy, Discovery, DiscoveryError, DpopKey, FetchError, UserInfo, UserInfoError,
};
use oauth_runtime::AccessToken;
use oidc_support::{Reply, Server, TestClock};
use serde_json::{json, Value};

const OPENID: &str = "/.well-known/openid-configuration";
const OAUTH: &str = "/.well-known/oauth-authorization-server";

fn document(issuer: &str) -> Value {
    json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/auth"),
        "token_endpoint": format!("{issuer}/token"),
        "userinfo_endpoint": format!("{issuer}/me"),
        "jwks_uri": format!("{issuer}/jwks"),
        "end_session_endpoint": format!("{issuer}/session/end"),
        "pushed_authorization_request_endpoint": format!("{issuer}/request"),
        "require_pushed_authorization_requests": true,
        "dpop_signing_alg_values_supported": ["ES256", "EdDSA"],
        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
        "code_challenge_methods_supported": ["S256"],
        "frontchannel_logout_supported": true,
    })
}

#[tokio::test]
async fn metadata_is_typed_and_cached_for_its_max_age() {
    let server = Server::start().await;
    server.set(
        OPENID,
        Reply::json(200, &document(&server.base)).header("cache-control", "max-age=300"),
    );
    let clock = TestClock::new();
    let discovery = Discovery::builder(&server.base)
        .clock(clock.arc())
        .build()
        .unwrap();
    let m = discovery.metadata().await.unwrap();
    assert_eq!(m.issuer, server.base);
    assert_eq!(m.jwks_uri, Some(server.url("/jwks")));
    assert_eq!(m.end_session_endpoint, Some(server.url("/session/end")));
    assert_eq!(
        m.pushed_authorization_request_endpoint,
        Some(server.url("/request"))
    );
    assert!(m.require_pushed_authorization_requests);
    assert_eq!(m.dpop_signing_alg_values_supported, ["ES256", "EdDSA"]);
    assert!(m.revocation_endpoint.is_none());
    assert_eq!(
        m.extra.get("frontchannel_logout_supported"),
        Some(&json!(true))
    );

    clock.advance(Duration::from_secs(299));
    discovery.metadata().await.unwrap();
    assert_eq!(server.hits(OPENID), 1, "cached within max-age");
    clock.advance(Duration::from_secs(2));
    discovery.metadata().await.unwrap();
    assert_eq!(server.hits(OPENID), 2, "refetched after max-age");
}

#[tokio::test]
async fn concurrent_callers_share_one_fetch() {
    let server = Server::start().await;
    server.set(OPENID, Reply::json(200, &document(&server.base)));
    let discovery = std::sync::Arc::new(Discovery::new(&server.base).unwrap());
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let d = std::sync::Arc::clone(&discovery);
            tokio::spawn(async move { d.metadata().await.map(|m| m.issuer.clone()) })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), server.base);
    }
    assert_eq!(server.hits(OPENID), 1);
}

#[tokio::test]
async fn the_documents_issuer_must_be_the_configured_one_exactly() {
    let server = Server::start().await;
    for issuer in [
        format!("{}/", server.base),
        "https://evil.example".to_string(),
        server.base.to_uppercase(),
    ] {
        server.set(OPENID, Reply::json(200, &document(&issuer)));
        let err = Discovery::new(&server.base)
            .unwrap()
            .metadata()
            .await
            .unwrap_err();
        assert!(
            matches!(&err, DiscoveryError::IssuerMismatch { found, .. } if *found == issuer),
            "{err:?}"
        );
    }
    // A bad OpenID document is not routed around through the RFC 8414 location.
    server.set(OAUTH, Reply::json(200, &document(&server.base)));
    assert!(Discovery::new(&server.base)
        .unwrap()
        .metadata()
        .await
        .is_err());
    assert_eq!(server.hits(OAUTH), 0);
}

#[tokio::test]
async fn rfc_8414_is_the_fallback_for_a_missing_openid_document() {
    let server = Server::start().await;
    server.set(OAUTH, Reply::json(200, &document(&server.base)));
    let m = Discovery::new(&server.base)
        .unwrap()
        .metadata()
        .await
        .expect("RFC 8414 metadata");
    assert_eq!(m.token_endpoint, Some(server.url("/token")));
    assert_eq!((server.hits(OPENID), server.hits(OAUTH)), (1, 1));

    let empty = Server::start().await;
    let err = Discovery::new(&empty.base)
        .unwrap()
        .metadata()
        .await
        .unwrap_err();
    assert!(
        matches!(err, DiscoveryError::NotFound { status: 404 }),
        "{err:?}"
    );
}

#[tokio::test]
async fn redirects_are_refused_not_followed() {
    let server = Server::start().await;
    let elsewhere = Server::start().await;
    elsewhere.set(OPENID, Reply::json(200, &document(&server.base)));
    server.set(
        OPENID,
        Reply::json(302, &json!({})).header("location", &format!("{}{OPENID}", elsewhere.base)),
    );
    let err = Discovery::new(&server.base)
        .unwrap()
        .metadata()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DiscoveryError::Fetch(FetchError::Redirect { status: 302, .. })
        ),
        "{err:?}"
    );
    // Even with an HTTP client that follows redirects.
    let following = reqwest::Client::new();
    let err = Discovery::builder(&server.base)
        .http_client(following)
        .build()
        .unwrap()
        .metadata()
        .await
        .unwrap_err();
    assert!(
        matches!(err, DiscoveryError::Fetch(FetchError::Redirect { .. })),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_body_past_one_mebibyte_is_refused() {
    let server = Server::start().await;
    let mut doc = document(&server.base);
    doc["padding"] = json!("x".repeat(1 << 20));
    server.set(OPENID, Reply::json(200, &doc));
    let err = Discovery::new(&server.base)
        .unwrap()
        .metadata()
        .await
        .unwrap_err();
    assert!(
        matches!(err, DiscoveryError::Fetch(FetchError::TooLarge { .. })),
        "{err:?}"
    );
}

#[tokio::test]
async fn insecure_issuers_and_endpoints_are_refused() {
    assert!(matches!(
        Discovery::new("http://id.example.com").unwrap_err(),
        DiscoveryError::InvalidIssuer
    ));
    Discovery::new("https://id.example.com/tenant").expect("https issuer");
    let server = Server::start().await;
    let mut doc = document(&server.base);
    doc["token_endpoint"] = json!("http://id.example.com/token");
    server.set(OPENID, Reply::json(200, &doc));
    let err = Discovery::new(&server.base)
        .unwrap()
        .metadata()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            DiscoveryError::InsecureEndpoint {
                field: "token_endpoint"
            }
        ),
        "{err:?}"
    );
    assert!(UserInfo::new("http://id.example.com/me".parse().unwrap()).is_err());
}

#[tokio::test]
async fn no_cache_is_held_to_the_minimum_not_refetched_every_call() {
    let server = Server::start().await;
    server.set(
        OPENID,
        Reply::json(200, &document(&server.base)).header("cache-control", "no-store"),
    );
    let clock = TestClock::new();
    let discovery = Discovery::builder(&server.base)
        .clock(clock.arc())
        .cache_policy(CachePolicy {
            min_ttl: Duration::from_secs(30),
            ..CachePolicy::default()
        })
        .build()
        .unwrap();
    for _ in 0..5 {
        discovery.metadata().await.unwrap();
    }
    assert_eq!(server.hits(OPENID), 1);
    clock.advance(Duration::from_secs(31));
    discovery.metadata().await.unwrap();
    assert_eq!(server.hits(OPENID), 2);
}

#[tokio::test]
async fn userinfo_checks_sub_and_types_the_claims() {
    let server = Server::start().await;
    server.handle("/me", |seen| {
        if seen.headers.get("authorization").map(String::as_str) == Some("Bearer good-token") {
            Reply::json(
                200,
                &json!({"sub": "u1", "email": "u@x.io", "email_verified": false, "org": "o"}),
            )
        } else {
            Reply::json(401, &json!({"error": "invalid_token"})).header(
                "www-authenticate",
                r#"Bearer realm="x", error="invalid_token""#,
            )
        }
    });
    let userinfo = UserInfo::new(server.url("/me")).unwrap();
    let me = userinfo
        .fetch(&AccessToken::new("good-token"), "u1")
        .await
        .unwrap();
    assert_eq!(me.standard.email.as_deref(), Some("u@x.io"));
    assert_eq!(me.standard.email_verified, Some(false));
    assert_eq!(me.extra.get("org"), Some(&json!("o")));

    let err = userinfo
        .fetch(&AccessToken::new("good-token"), "someone-else")
        .await
        .unwrap_err();
    assert!(matches!(err, UserInfoError::SubjectMismatch), "{err:?}");
    let err = userinfo
        .fetch(&AccessToken::new("bad-token-value"), "u1")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, UserInfoError::Unauthorized { status: 401, error: Some(e) } if e == "invalid_token"),
        "{err:?}"
    );
    assert!(!format!("{err} {err:?}").contains("bad-token-value"));

    server.set("/me", Reply::raw(200, "application/jwt", "a.b.c"));
    let err = userinfo
        .fetch(&AccessToken::new("good-token"), "u1")
        .await
        .unwrap_err();
    assert!(matches!(err, UserInfoError::SignedResponse), "{err:?}");
}

#[tokio::test]
async fn userinfo_with_dpop_retries_once_with_the_servers_nonce() {
    let server = Server::start().await;
    server.handle("/me", |seen| {
        let proof = seen.headers.get("dpop").cloned().unwrap_or_default();
        let claims: Value = proof
            .split('.')
            .nth(1)
            .and_then(|p| {
                use base64::Engine as _;
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .decode(p)
                    .ok()
            })
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        if claims["nonce"] == json!("n-1") {
            Reply::json(200, &json!({"sub": "u1"}))
        } else {
            Reply::json(401, &json!({}))
                .header("www-authenticate", r#"DPoP error="use_dpop_nonce""#)
                .header("dpop-nonce", "n-1")
        }
    });
    let key = DpopKey::generate().unwrap();
    let me = UserInfo::new(server.url("/me"))
        .unwrap()
        .fetch_with_dpop(&AccessToken::new("bound-token"), &key, "u1")
        .await
        .unwrap();
    assert_eq!(me.sub, "u1");
    let seen = server.seen("/me");
    assert_eq!(seen.len(), 2, "one retry");
    assert_eq!(
        seen[1].headers.get("authorization").map(String::as_str),
        Some("DPoP bound-token")
    );
    assert_ne!(seen[0].headers.get("dpop"), seen[1].headers.get("dpop"));
}
