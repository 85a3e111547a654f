//! Conformance tests against a real, independent authorization server: node's `oidc-provider`
//! (v9, OpenID certified), started from `tests/conformance/server.mjs`, driven through the
//! generated `OpenId` client (`specs/openid.yaml`) and `OpenIdPost`
//! (`tests/conformance/openid_post.yaml`, the same with `client_secret_post`).
//!
//! Needs `node` and `tests/conformance/node_modules` (`.ci/run` installs both). Each test starts
//! its own server on a free port, so tests do not share grants.

use std::sync::Arc;
use std::time::{Duration, Instant};

use oauth_providers::providers::openid::{scopes, ErrorCode, OpenId, Prompt};
use oauth_providers::{
    AuthorizationCode, Credentials, Error, ErrorMeaning, PendingAuthorization, TokenSet,
};
use support::conformance::{browser, hidden, play_user, Provider, REDIRECT_URI};

mod support;

mod post {
    oauth_providers::provider!("tests/conformance/openid_post.yaml");
}

const BASIC_ID: &str = "conf-basic";
const BASIC_SECRET: &str = "conf-basic-secret";
const POST_ID: &str = "conf-post";
const POST_SECRET: &str = "conf-post-secret";
/// The server's `ttl.AccessToken`.
const ACCESS_TTL: Duration = Duration::from_secs(5);

/// A running `server.mjs` (OAuth mode), killed when dropped.
struct Server(Provider);

impl std::ops::Deref for Server {
    type Target = Provider;

    fn deref(&self) -> &Provider {
        &self.0
    }
}

impl Server {
    fn start() -> Server {
        Server(Provider::start(0, &[]))
    }

    fn basic(&self) -> OpenId {
        OpenId::builder(
            Credentials::new(BASIC_ID, BASIC_SECRET),
            self.issuer.as_str(),
        )
        .redirect_uri(REDIRECT_URI.parse().unwrap())
        .build()
        .expect("client builds")
    }

    /// `AUTH` lines printed so far, as `(client, grant_type, method)`.
    /// The client authentications the server logged, `(client, grant, method)`, once its log
    /// has been quiet for 150 ms: it is read by another thread, and a line the server wrote
    /// just before (or after) answering may not have arrived when the answer has.
    async fn auths(&self) -> Vec<(String, String, String)> {
        let deadline = std::time::Instant::now() + Duration::from_secs(3);
        let mut seen = self.lines().len();
        loop {
            tokio::time::sleep(Duration::from_millis(150)).await;
            let now = self.lines().len();
            if now == seen || std::time::Instant::now() >= deadline {
                break;
            }
            seen = now;
        }
        self.lines()
            .iter()
            .filter_map(|l| {
                let mut it = l.strip_prefix("AUTH ")?.split(' ');
                Some((
                    it.next()?.to_string(),
                    it.next()?.to_string(),
                    it.next()?.to_string(),
                ))
            })
            .collect()
    }

    async fn count(&self, client: &str, grant: &str) -> usize {
        self.auths()
            .await
            .iter()
            .filter(|(c, g, _)| c == client && g == grant)
            .count()
    }

    /// Introspects `token` as the basic client: the server's `active`.
    async fn active(&self, token: &str) -> bool {
        let body: serde_json::Value = reqwest::Client::new()
            .post(format!("{}/token/introspection", self.issuer))
            .basic_auth(BASIC_ID, Some(BASIC_SECRET))
            .form(&[("token", token)])
            .send()
            .await
            .expect("introspection answers")
            .json()
            .await
            .expect("introspection is JSON");
        body["active"]
            .as_bool()
            .unwrap_or_else(|| panic!("introspection without `active`: {body}"))
    }
}

/// The authorization code grant through the generated client, with the user's side played
/// headlessly. Returns the tokens and the callback query that carried the code.
async fn authorize(server: &Server, client: &OpenId) -> (TokenSet, String) {
    let (pending, cb_query) = consent(server, client).await;
    let (_, tokens) = client
        .exchange_callback(pending, &cb_query)
        .await
        .expect("code exchange");
    (tokens, cb_query)
}

/// The user's side of an authorization: the pending authorization and the callback query
/// that answers it.
async fn consent(server: &Server, client: &OpenId) -> (PendingAuthorization, String) {
    let (url, pending) = client
        .authorize()
        .scopes([scopes::openid, scopes::offline_access, scopes::api_read])
        .prompt(Prompt::Consent)
        .url()
        .expect("authorize URL");
    let query: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query.get("code_challenge_method").map(String::as_str),
        Some("S256")
    );
    assert!(
        query.contains_key("code_challenge"),
        "no PKCE challenge in {url}"
    );
    assert!(query.contains_key("state"), "no state in {url}");
    assert_eq!(
        query.get("redirect_uri").map(String::as_str),
        Some(REDIRECT_URI)
    );
    assert!(url
        .as_str()
        .starts_with(&format!("{}/auth?", server.issuer)));

    let browser = browser();
    let first = browser.get(url).send().await.expect("provider answers");
    let callback = play_user(&browser, first)
        .await
        .unwrap_or_else(|page| panic!("authorization ended on a page, not a redirect:\n{page}"));
    let back: std::collections::HashMap<String, String> =
        callback.query_pairs().into_owned().collect();
    assert_eq!(back.get("state"), query.get("state"), "state round trip");
    assert!(back.contains_key("code"), "no code in {callback}");
    let cb_query = callback.query().unwrap_or_default().to_string();
    (pending, cb_query)
}

fn assert_meaning(result: Result<TokenSet, Error>, meaning: ErrorMeaning, code: ErrorCode) {
    match result {
        Ok(_) => panic!("expected `{}` ({meaning}), got tokens", code.code()),
        Err(e) => {
            assert_eq!(e.meaning(), Some(meaning), "{e:?}");
            assert_eq!(ErrorCode::of(&e), Some(code), "{e:?}");
        }
    }
}

/// Calls the userinfo endpoint (`api`) with `tokens`.
async fn userinfo(client: &OpenId, tokens: &TokenSet) -> Result<serde_json::Value, Error> {
    let url = client.endpoint_url("api")?;
    let response = client
        .send_api(reqwest::Client::new().get(url), tokens)
        .await?;
    Ok(serde_json::from_slice(&response.body).expect("userinfo is JSON"))
}

#[tokio::test]
async fn authorization_code_with_pkce_and_state() {
    let server = Server::start();
    let client = server.basic();
    let (tokens, cb_query) = authorize(&server, &client).await;

    assert!(
        tokens.refresh_token.is_some(),
        "offline_access + consent gives a refresh token"
    );
    assert!(
        tokens.extra.contains_key("id_token"),
        "the ID token is kept"
    );
    assert_eq!(tokens.token_type.as_deref(), Some("Bearer"));
    let expires = tokens.expires_at.expect("expires_in is sent");
    let left = expires
        .duration_since(std::time::SystemTime::now())
        .unwrap_or_default();
    assert!(
        left <= ACCESS_TTL,
        "expires_at follows expires_in ({left:?})"
    );
    let granted = tokens.scopes.clone().expect("scope is sent");
    for s in ["openid", "offline_access", "api_read"] {
        assert!(granted.iter().any(|g| g == s), "{s} not in {granted:?}");
    }
    assert_eq!(
        server.auths().await,
        vec![(
            BASIC_ID.to_string(),
            "authorization_code".to_string(),
            "client_secret_basic".to_string()
        )]
    );

    let me = userinfo(&client, &tokens).await.expect("userinfo");
    assert_eq!(me["sub"], "conformance-user");

    // The callback checked against another authorization's state is refused before any
    // request.
    let (_, other) = client.authorize().url().unwrap();
    let err = client
        .exchange_callback(other, &cb_query)
        .await
        .expect_err("state of another authorization");
    assert!(matches!(err, Error::StateMismatch), "{err:?}");
    // A code works once: replaying it (with the verifier it was issued for) is a typed
    // `invalid_grant`, which at the code exchange means the code is invalid.
    let (pending, query) = consent(&server, &client).await;
    let code: std::collections::HashMap<String, String> =
        url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
    let code = AuthorizationCode::new(code.get("code").map(String::as_str).unwrap_or_default());
    client
        .exchange_code(&pending, &code)
        .await
        .expect("the first use of the code");
    let replay = client.exchange_code(&pending, &code).await;
    assert_meaning(replay, ErrorMeaning::CodeInvalid, ErrorCode::InvalidGrant);
}

#[tokio::test]
async fn refresh_rotates_and_the_old_refresh_token_is_rejected() {
    let server = Server::start();
    let client = server.basic();
    let (first, _) = authorize(&server, &client).await;

    let second = client.refresh(&first).await.expect("refresh");
    let (old, new) = (
        first.refresh_token.as_ref().unwrap(),
        second
            .refresh_token
            .as_ref()
            .expect("a rotated refresh token"),
    );
    assert_ne!(old.secret(), new.secret(), "the refresh token rotated");
    assert_ne!(first.access_token, second.access_token);
    userinfo(&client, &second)
        .await
        .expect("the new access token works");
    assert_eq!(server.count(BASIC_ID, "refresh_token").await, 1);

    // The rotated-out refresh token is rejected (and, by oidc-provider's reuse detection,
    // the whole grant is revoked with it).
    assert_meaning(
        client.refresh(&first).await,
        ErrorMeaning::RefreshTokenInvalid,
        ErrorCode::InvalidGrant,
    );
    assert_meaning(
        client.refresh(&second).await,
        ErrorMeaning::RefreshTokenInvalid,
        ErrorCode::InvalidGrant,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn token_source_refreshes_once_for_50_concurrent_callers() {
    let server = Server::start();
    let client = server.basic();
    let (initial, _) = authorize(&server, &client).await;

    let source = client.token_source("conformance-user").build();
    source.set(initial.clone()).await.expect("seed the source");

    // Let the access token expire for real at the server.
    tokio::time::sleep(ACCESS_TTL + Duration::from_secs(1)).await;
    let err = userinfo(&client, &initial)
        .await
        .expect_err("expired access token");
    assert_eq!(
        err.meaning(),
        Some(ErrorMeaning::AccessTokenInvalid),
        "{err:?}"
    );

    let start = Arc::new(tokio::sync::Barrier::new(50));
    let callers: Vec<_> = (0..50)
        .map(|_| {
            let source = source.clone();
            let start = Arc::clone(&start);
            tokio::spawn(async move {
                start.wait().await;
                source.token().await
            })
        })
        .collect();
    let mut got = Vec::new();
    for caller in callers {
        got.push(caller.await.expect("caller task").expect("a token"));
    }

    assert_eq!(source.minted(), 1, "one refresh for all callers");
    assert_eq!(source.fetch_attempts(), 1);
    assert_eq!(
        server.count(BASIC_ID, "refresh_token").await,
        1,
        "the server saw one refresh: {:?}",
        server.auths().await
    );
    let fresh = &got[0];
    assert_ne!(fresh.access_token, initial.access_token);
    assert!(got.iter().all(|t| t.access_token == fresh.access_token));
    assert_ne!(
        fresh.refresh_token.as_ref().unwrap().secret(),
        initial.refresh_token.as_ref().unwrap().secret(),
        "rotated"
    );

    // The grant survived (a second refresh with the rotated-out token would have revoked it):
    // the new access token works, and the new refresh token refreshes.
    userinfo(&client, fresh)
        .await
        .expect("new access token works");
    let again = client.refresh(fresh).await.expect("the grant still works");
    userinfo(&client, &again)
        .await
        .expect("and so does the next one");
}

#[tokio::test]
async fn client_credentials_with_basic_and_post() {
    let server = Server::start();

    // client_secret_basic (specs/openid.yaml).
    let basic = server.basic();
    let t = basic
        .client_credentials_with_scopes([scopes::api_read])
        .await
        .expect("client credentials, basic");
    assert_eq!(t.scopes.as_deref(), Some(&["api_read".to_string()][..]));
    assert!(t.refresh_token.is_none());
    assert!(server.active(t.access_token.secret()).await);
    basic.client_credentials().await.expect("without scopes");

    // client_secret_post (tests/conformance/openid_post.yaml).
    let post = post::OpenIdPost::new(
        Credentials::new(POST_ID, POST_SECRET),
        server.issuer.as_str(),
    )
    .expect("client builds");
    let t = post
        .client_credentials_with_scopes([post::scopes::api_read])
        .await
        .expect("client credentials, post");
    assert_eq!(t.scopes.as_deref(), Some(&["api_read".to_string()][..]));

    let seen: Vec<_> = server
        .auths()
        .await
        .into_iter()
        .filter(|(_, g, _)| g == "client_credentials")
        .map(|(c, _, m)| (c, m))
        .collect();
    assert_eq!(
        seen,
        vec![
            (BASIC_ID.to_string(), "client_secret_basic".to_string()),
            (BASIC_ID.to_string(), "client_secret_basic".to_string()),
            (POST_ID.to_string(), "client_secret_post".to_string()),
        ],
        "how the server saw each client authenticate"
    );

    // Wrong secrets are typed `invalid_client`, either way.
    let wrong = OpenId::new(Credentials::new(BASIC_ID, "wrong"), server.issuer.as_str()).unwrap();
    assert_meaning(
        wrong.client_credentials().await,
        ErrorMeaning::ClientInvalid,
        ErrorCode::InvalidClient,
    );
    let wrong =
        post::OpenIdPost::new(Credentials::new(POST_ID, "wrong"), server.issuer.as_str()).unwrap();
    let err = wrong.client_credentials().await.expect_err("wrong secret");
    assert_eq!(err.meaning(), Some(ErrorMeaning::ClientInvalid), "{err:?}");
    assert_eq!(
        post::ErrorCode::of(&err),
        Some(post::ErrorCode::InvalidClient)
    );
}

#[tokio::test]
async fn revocation_ends_the_grant() {
    let server = Server::start();
    let client = server.basic();
    let (tokens, _) = authorize(&server, &client).await;
    let refresh = tokens.refresh_token.clone().unwrap();
    assert!(server.active(refresh.secret()).await);
    assert!(server.active(tokens.access_token.secret()).await);

    client.revoke(&tokens).await.expect("revocation");

    assert!(
        !server.active(refresh.secret()).await,
        "refresh token revoked"
    );
    assert!(
        !server.active(tokens.access_token.secret()).await,
        "oidc-provider revokes the grant, access tokens included"
    );
    assert_meaning(
        client.refresh(&tokens).await,
        ErrorMeaning::RefreshTokenInvalid,
        ErrorCode::InvalidGrant,
    );
    // RFC 7009 §2.2: revoking an unknown or revoked token is still a success.
    client.revoke(&tokens).await.expect("revoking again");

    // Revoking a bare access token (no refresh token in the set).
    let cc = client.client_credentials().await.unwrap();
    assert!(server.active(cc.access_token.secret()).await);
    client.revoke(&cc).await.expect("revoking an access token");
    assert!(!server.active(cc.access_token.secret()).await);
}

#[tokio::test]
async fn device_authorization_with_polling() {
    let server = Server::start();
    let client = server.basic();
    let device = client
        .device_authorization([scopes::openid, scopes::offline_access, scopes::api_read])
        .await
        .expect("device authorization");
    assert_eq!(device.verification_uri, format!("{}/device", server.issuer));
    assert!(device.verification_uri_complete.is_some());
    assert!(device.expires_at > std::time::SystemTime::now());

    // Polling starts before the user has done anything (authorization_pending first).
    let poller = {
        let client = client.clone();
        let device = device.clone();
        tokio::spawn(async move { client.poll_device_token(&device).await })
    };

    // The user's side: the code entry page, the confirmation page, then login and consent.
    let browser = browser();
    let page = browser
        .get(&device.verification_uri)
        .send()
        .await
        .expect("device page")
        .text()
        .await
        .unwrap();
    let xsrf = hidden(&page, "xsrf");
    let action = format!("{}/device", server.issuer);
    let confirm = browser
        .post(&action)
        .form(&[("xsrf", xsrf.as_str()), ("user_code", &device.user_code)])
        .send()
        .await
        .expect("user code accepted")
        .text()
        .await
        .unwrap();
    let xsrf = hidden(&confirm, "xsrf");
    let response = browser
        .post(&action)
        .form(&[
            ("xsrf", xsrf.as_str()),
            ("user_code", &device.user_code),
            ("confirm", "yes"),
        ])
        .send()
        .await
        .expect("confirmation accepted");
    let done = play_user(&browser, response)
        .await
        .expect_err("the device flow ends on the provider's own page");
    assert!(done.contains("Sign-in Success"), "final page:\n{done}");

    let started = Instant::now();
    let tokens = tokio::time::timeout(Duration::from_secs(60), poller)
        .await
        .expect("polling finishes")
        .expect("poller task")
        .expect("device tokens");
    assert!(tokens.refresh_token.is_some());
    assert!(tokens.extra.contains_key("id_token"));
    assert!(started.elapsed() < Duration::from_secs(30));
    let me = userinfo(&client, &tokens).await.expect("userinfo");
    assert_eq!(me["sub"], "conformance-user");
    assert_eq!(
        server
            .count(BASIC_ID, "urn:ietf:params:oauth:grant-type:device_code")
            .await,
        1
    );
}
