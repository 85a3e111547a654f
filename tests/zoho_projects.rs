//! Zoho Projects through the generated client, against a recording server: the exact requests
//! (authorize URL, code exchange, refresh, revoke, API call) and the typed result of every
//! documented answer (seed-providers.md §1, specs/zoho_projects.yaml and its base).

mod support;

use std::time::{Duration, SystemTime};

use oauth_providers::providers::zoho_projects::{
    scopes, AccessType, DataCenter, ErrorCode, Prompt, ZohoProjects,
};
use oauth_providers::{
    scope, AuthorizationCode, Credentials, Error, ErrorMeaning, ErrorSite, TokenSet,
};
use support::{assert_expires_within, http, pairs, provider_error, Reply, Server};

const CLIENT_ID: &str = "1000.ZPCLIENTID";
const CLIENT_SECRET: &str = "zp-client-secret-0b1c2d";
const REDIRECT: &str = "https://app.example.com/zoho/callback";
const ACCESS: &str = "1000.zp-access-token-aaaa";
const REFRESH: &str = "1000.zp-refresh-token-rrrr";

const TOKEN_OK: &str = r#"{"access_token":"1000.zp-access-token-aaaa","refresh_token":"1000.zp-refresh-token-rrrr","scope":"ZohoProjects.portals.READ ZohoProjects.projects.ALL","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}"#;

fn client(server: &Server) -> ZohoProjects {
    ZohoProjects::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .redirect_uri(REDIRECT.parse().expect("redirect URI"))
        .origin_override(server.origin.clone())
        .build()
        .expect("client builds")
}

/// A token set as the exchange returns it (for refresh, revoke, API calls).
fn tokens() -> TokenSet {
    let mut t = TokenSet::bearer(ACCESS, Some(Duration::from_secs(3600)));
    t.refresh_token = Some(REFRESH.into());
    t
}

#[tokio::test]
async fn authorize_url_has_comma_joined_scopes_offline_access_state_and_no_pkce() {
    let server = Server::start(vec![]).await;
    let zp = client(&server);
    let (url, pending) = zp
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .scope(scopes::projects::ALL)
        .access_type(AccessType::Offline)
        .url()
        .expect("authorize URL");
    assert_eq!(url.scheme(), "http");
    assert_eq!(url.host_str(), Some("127.0.0.1"));
    assert_eq!(url.port(), server.origin.port());
    assert_eq!(url.path(), "/oauth/v2/auth");
    let state = pending.state.as_ref().expect("state is sent").secret();
    assert!(state.len() >= 22, "state should be unguessable: {state}");
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query,
        pairs(&[
            ("response_type", "code"),
            ("client_id", CLIENT_ID),
            ("redirect_uri", REDIRECT),
            (
                "scope",
                "ZohoProjects.portals.READ,ZohoProjects.projects.ALL"
            ),
            ("state", state),
            ("access_type", "offline"),
        ])
    );
    assert!(!url.as_str().contains("code_challenge"), "no PKCE: {url}");
    assert!(pending.pkce_verifier.is_none());
    assert!(
        !url.as_str().contains(CLIENT_SECRET),
        "the secret never goes to the browser"
    );
    assert_eq!(pending.redirect_uri.as_deref(), Some(REDIRECT));
    assert!(server.requests().is_empty(), "building a URL sends nothing");
}

#[tokio::test]
async fn authorize_url_prompt_consent_and_a_second_call_gets_a_fresh_state() {
    let server = Server::start(vec![]).await;
    let zp = client(&server);
    let build = || {
        zp.authorize()
            .scopes([scopes::portals::READ])
            .access_type(AccessType::Online)
            .access_type(AccessType::Offline)
            .prompt(Prompt::Consent)
            .url()
            .expect("authorize URL")
    };
    let (a, pa) = build();
    let (_, pb) = build();
    let get = |name: &str| {
        a.query_pairs()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(get("access_type"), ["offline"], "set once, last value wins");
    assert_eq!(get("prompt"), ["consent"]);
    assert_eq!(get("scope"), ["ZohoProjects.portals.READ"]);
    assert_ne!(
        pa.state.as_ref().map(|s| s.secret().to_string()),
        pb.state.as_ref().map(|s| s.secret().to_string())
    );
}

#[tokio::test]
async fn authorize_without_a_scope_is_a_config_error() {
    let server = Server::start(vec![]).await;
    let err = client(&server).authorize().url().unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}

#[tokio::test]
async fn build_without_redirect_uri_then_authorize_is_a_config_error() {
    let server = Server::start(vec![]).await;
    let zp = ZohoProjects::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .origin_override(server.origin.clone())
        .build()
        .expect("builds");
    let err = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}

#[tokio::test]
async fn code_exchange_posts_credentials_in_the_query_and_the_grant_in_the_form_body() {
    let server = Server::start(vec![Reply::json(200, TOKEN_OK)]).await;
    let zp = client(&server);
    let (_, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .access_type(AccessType::Offline)
        .url()
        .expect("URL");
    let before = SystemTime::now();
    let tokens = zp
        .exchange_code(&pending, &AuthorizationCode::new("1000.grantcode.abc"))
        .await
        .expect("exchange succeeds");
    let after = SystemTime::now();

    let req = server.only_request();
    assert_eq!(req.method, "POST", "{}", req.describe());
    assert_eq!(req.path, "/oauth/v2/token");
    assert_eq!(
        req.query_pairs(),
        [("client_id", CLIENT_ID), ("client_secret", CLIENT_SECRET)]
    );
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(req.header("accept"), Some("application/json"));
    assert_eq!(req.header("authorization"), None, "client_auth is query");
    assert_eq!(
        req.form(),
        pairs(&[
            ("grant_type", "authorization_code"),
            ("code", "1000.grantcode.abc"),
            ("redirect_uri", REDIRECT),
        ])
    );

    assert_eq!(tokens.access_token.secret(), ACCESS);
    assert_eq!(
        tokens.refresh_token.as_ref().map(|r| r.secret()),
        Some(REFRESH)
    );
    assert_eq!(tokens.token_type.as_deref(), Some("Bearer"));
    assert_eq!(
        tokens.scopes,
        Some(vec![
            "ZohoProjects.portals.READ".to_string(),
            "ZohoProjects.projects.ALL".to_string()
        ]),
        "a response's scope is space-separated"
    );
    assert_eq!(
        tokens.extra.get("api_domain").map(String::as_str),
        Some("https://www.zohoapis.com")
    );
    assert_eq!(tokens.issued_by, None);
    assert_expires_within(tokens.expires_at, before, after, Duration::from_secs(3600));
}

#[tokio::test]
async fn online_access_returns_no_refresh_token_and_refresh_then_says_no_token() {
    let server = Server::start(vec![Reply::json(
        200,
        r#"{"access_token":"1000.online","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}"#,
    )])
    .await;
    let zp = client(&server);
    let (_, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .access_type(AccessType::Online)
        .url()
        .expect("URL");
    let tokens = zp
        .exchange_code(&pending, &AuthorizationCode::new("c"))
        .await
        .expect("exchange");
    assert!(tokens.refresh_token.is_none());
    let err = zp.refresh(&tokens).await.unwrap_err();
    assert!(matches!(err, Error::NoToken(_)), "{err:?}");
    assert_eq!(server.requests().len(), 1, "refresh sent nothing");
}

#[tokio::test]
async fn exchange_callback_checks_state_then_exchanges_the_code() {
    let server = Server::start(vec![Reply::json(200, TOKEN_OK)]).await;
    let zp = client(&server);
    let (_, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("URL");
    let state = pending.state.as_ref().expect("state").secret().to_string();
    let query = format!(
        "state={state}&code=1000.cb-code&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.com"
    );
    let (_, tokens) = zp
        .exchange_callback(pending, &query)
        .await
        .expect("callback exchange");
    assert_eq!(tokens.access_token.secret(), ACCESS);
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/oauth/v2/token");
    assert_eq!(
        req.query_pairs(),
        [("client_id", CLIENT_ID), ("client_secret", CLIENT_SECRET)]
    );
    assert_eq!(
        req.form(),
        pairs(&[
            ("grant_type", "authorization_code"),
            ("code", "1000.cb-code"),
            ("redirect_uri", REDIRECT),
        ])
    );
}

#[tokio::test]
async fn exchange_callback_with_a_wrong_state_sends_nothing() {
    let server = Server::start(vec![Reply::json(200, TOKEN_OK)]).await;
    let zp = client(&server);
    let (_, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("URL");
    let err = zp
        .exchange_callback(pending, "state=forged&code=1000.cb-code")
        .await
        .expect_err("state mismatch");
    assert!(matches!(err, Error::StateMismatch), "{err:?}");
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn exchange_callback_with_an_undeclared_accounts_server_sends_nothing() {
    let server = Server::start(vec![Reply::json(200, TOKEN_OK)]).await;
    let zp = client(&server);
    let (_, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("URL");
    let state = pending.state.as_ref().expect("state").secret().to_string();
    let query = format!("state={state}&code=c&accounts-server=https%3A%2F%2Fevil.example");
    let err = zp
        .exchange_callback(pending, &query)
        .await
        .expect_err("undeclared host");
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert!(server.requests().is_empty(), "no secret went anywhere");
}

#[tokio::test]
async fn exchange_callback_with_access_denied_in_the_redirect_is_typed() {
    let server = Server::start(vec![]).await;
    let zp = client(&server);
    let (_, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("URL");
    let state = pending.state.as_ref().expect("state").secret().to_string();
    let err = zp
        .exchange_callback(pending, &format!("state={state}&error=access_denied"))
        .await
        .expect_err("denied");
    assert_eq!(err.meaning(), Some(ErrorMeaning::AccessDenied), "{err:?}");
    assert_eq!(provider_error(&err).site, ErrorSite::Authorize);
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn invalid_code_in_http_200_is_code_invalid() {
    let server = Server::start(vec![Reply::json(200, r#"{"error":"invalid_code"}"#)]).await;
    let zp = client(&server);
    let (_, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("URL");
    let err = zp
        .exchange_code(&pending, &AuthorizationCode::new("1000.expired"))
        .await
        .unwrap_err();
    assert_eq!(err.meaning(), Some(ErrorMeaning::CodeInvalid), "{err:?}");
    assert_eq!(ErrorCode::of(&err), Some(ErrorCode::InvalidCode));
    let p = provider_error(&err);
    assert_eq!(p.code, "invalid_code");
    assert_eq!(p.status, 200);
    assert_eq!(p.site, ErrorSite::TokenEndpoint);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn every_documented_token_endpoint_error_is_typed() {
    let cases: &[(u16, &str, ErrorCode, ErrorMeaning)] = &[
        (
            200,
            r#"{"error":"invalid_client"}"#,
            ErrorCode::InvalidClient,
            ErrorMeaning::ClientInvalid,
        ),
        (
            200,
            r#"{"error":"invalid_client_secret"}"#,
            ErrorCode::InvalidClientSecret,
            ErrorMeaning::ClientInvalid,
        ),
        (
            200,
            r#"{"error":"invalid_redirect_uri"}"#,
            ErrorCode::InvalidRedirectUri,
            ErrorMeaning::BadRequest,
        ),
        (
            200,
            r#"{"error":"Access Denied","error_description":"You have made too many requests continuously. Please try again after some time.","status":"failure"}"#,
            ErrorCode::AccessDeniedThrottled,
            ErrorMeaning::RateLimited,
        ),
        (
            400,
            r#"{"error":"Access Denied","error_description":"You have made too many requests continuously. Please try again after some time.","status":"failure"}"#,
            ErrorCode::AccessDeniedThrottled,
            ErrorMeaning::RateLimited,
        ),
        (
            200,
            r#"{"error":"拒绝访问","status":"failure"}"#,
            ErrorCode::AccessDeniedThrottled,
            ErrorMeaning::RateLimited,
        ),
        (
            200,
            r#"{"error":"access_denied"}"#,
            ErrorCode::AccessDenied,
            ErrorMeaning::AccessDenied,
        ),
    ];
    for (status, body, code, meaning) in cases {
        let server = Server::start(vec![Reply::json(*status, body)]).await;
        let zp = client(&server);
        let (_, pending) = zp
            .authorize()
            .scope(scopes::portals::READ)
            .url()
            .expect("URL");
        let err = zp
            .exchange_code(&pending, &AuthorizationCode::new("c"))
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err), Some(*code), "{body}: {err:?}");
        assert_eq!(err.meaning(), Some(*meaning), "{body}");
        assert_eq!(code.meaning(), *meaning);
        let p = provider_error(&err);
        assert_eq!(p.code, code.code());
        assert_eq!(p.status, *status);
    }
}

#[tokio::test]
async fn refresh_posts_grant_type_refresh_token_and_keeps_the_refresh_token() {
    let server = Server::start(vec![Reply::json(
        200,
        r#"{"access_token":"1000.zp-access-token-bbbb","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}"#,
    )])
    .await;
    let zp = client(&server);
    let before = SystemTime::now();
    let fresh = zp.refresh(&tokens()).await.expect("refresh");
    let after = SystemTime::now();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/oauth/v2/token");
    assert_eq!(
        req.query_pairs(),
        [("client_id", CLIENT_ID), ("client_secret", CLIENT_SECRET)]
    );
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        req.form(),
        pairs(&[("grant_type", "refresh_token"), ("refresh_token", REFRESH)])
    );
    assert_eq!(fresh.access_token.secret(), "1000.zp-access-token-bbbb");
    assert_eq!(
        fresh.refresh_token.as_ref().map(|r| r.secret()),
        Some(REFRESH),
        "Zoho does not rotate: the old refresh token is kept"
    );
    assert_expires_within(fresh.expires_at, before, after, Duration::from_secs(3600));
}

#[tokio::test]
async fn refresh_with_a_revoked_refresh_token_is_invalid_code() {
    let server = Server::start(vec![Reply::json(200, r#"{"error":"invalid_code"}"#)]).await;
    let err = client(&server).refresh(&tokens()).await.unwrap_err();
    assert_eq!(ErrorCode::of(&err), Some(ErrorCode::InvalidCode), "{err:?}");
    assert_eq!(err.meaning(), Some(ErrorMeaning::CodeInvalid));
}

#[tokio::test]
async fn api_call_sends_zoho_oauthtoken_header() {
    let server = Server::start(vec![Reply::json(200, r#"{"portals":[]}"#)]).await;
    let zp = client(&server);
    let api = zp.endpoint_url("api").expect("api URL");
    assert_eq!(api.path(), "/");
    let request = http().get(server.url("/restapi/portals/?index=1"));
    let response = zp.send_api(request, &tokens()).await.expect("API call");
    assert_eq!(response.status, 200);
    assert_eq!(&response.body[..], br#"{"portals":[]}"#);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/restapi/portals/");
    assert_eq!(req.query_pairs(), [("index", "1")], "no token in the query");
    assert_eq!(
        req.header("authorization"),
        Some(format!("Zoho-oauthtoken {ACCESS}").as_str())
    );
}

#[tokio::test]
async fn api_invalid_oauth_token_is_access_token_expired() {
    for status in [200, 401] {
        let server = Server::start(vec![Reply::json(
            status,
            r#"{"error":"invalid_oauth_token"}"#,
        )])
        .await;
        let zp = client(&server);
        let err = zp
            .send_api(http().get(server.url("/restapi/portals/")), &tokens())
            .await
            .unwrap_err();
        assert_eq!(
            ErrorCode::of(&err),
            Some(ErrorCode::InvalidOauthToken),
            "{err:?}"
        );
        assert_eq!(err.meaning(), Some(ErrorMeaning::AccessTokenExpired));
        assert!(err.is_token_error());
        let p = provider_error(&err);
        assert_eq!(p.site, ErrorSite::Api);
        assert_eq!(p.status, status);
        assert_eq!(p.code, "invalid_oauth_token");
    }
}

#[tokio::test]
async fn api_other_documented_errors_are_typed() {
    let cases: &[(u16, &str, ErrorCode, ErrorMeaning)] = &[
        (
            401,
            r#"{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"#,
            ErrorCode::InvalidToken,
            ErrorMeaning::AccessTokenExpired,
        ),
        (
            401,
            r#"{"code":"INVALID_OAUTHTOKEN","details":{},"message":"invalid oauth token","status":"error"}"#,
            ErrorCode::InvalidOauthtoken,
            ErrorMeaning::AccessTokenInvalid,
        ),
        (
            401,
            r#"{"code":"OAUTH_SCOPE_MISMATCH","details":{},"message":"invalid oauth scope to access this URL","status":"error"}"#,
            ErrorCode::OauthScopeMismatch,
            ErrorMeaning::InsufficientScope,
        ),
        (
            429,
            r#"{"error":{"code":"429","message":"too many requests"}}"#,
            ErrorCode::Http429,
            ErrorMeaning::RateLimited,
        ),
        (
            401,
            "unauthorized",
            ErrorCode::Http401,
            ErrorMeaning::AccessTokenInvalid,
        ),
    ];
    for (status, body, code, meaning) in cases {
        let server = Server::start(vec![Reply::json(*status, body)]).await;
        let zp = client(&server);
        let err = zp
            .send_api(
                http().get(server.url("/api/v3/portal/1/projects")),
                &tokens(),
            )
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err), Some(*code), "{body}: {err:?}");
        assert_eq!(err.meaning(), Some(*meaning), "{body}");
        assert_eq!(provider_error(&err).status, *status);
    }
}

#[tokio::test]
async fn revoke_posts_the_refresh_token_with_query_client_auth() {
    let server = Server::start(vec![Reply::json(200, r#"{"status":"success"}"#)]).await;
    client(&server).revoke(&tokens()).await.expect("revoked");
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/oauth/v2/token/revoke");
    assert_eq!(
        req.query_pairs(),
        [
            ("token", REFRESH),
            ("token_type_hint", "refresh_token"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ]
    );
    assert!(req.body.is_empty(), "{}", req.describe());
}

#[tokio::test]
async fn revoke_of_an_already_invalid_token_is_success() {
    let server = Server::start(vec![Reply::json(
        400,
        r#"{"error":"invalid_token","status":"failure"}"#,
    )])
    .await;
    client(&server)
        .revoke(&tokens())
        .await
        .expect("already invalid counts as revoked");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn data_center_selects_the_api_host_tld() {
    let zp = ZohoProjects::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .data_center(DataCenter::Eu)
        .redirect_uri(REDIRECT.parse().expect("URI"))
        .build()
        .expect("builds");
    assert_eq!(
        zp.endpoint_url("api").expect("api").as_str(),
        "https://projectsapi.zoho.eu/"
    );
    assert_eq!(
        zp.endpoint_url("token").expect("token").as_str(),
        "https://accounts.zoho.eu/oauth/v2/token"
    );
    let (url, _) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("URL");
    assert!(
        url.as_str()
            .starts_with("https://accounts.zoho.eu/oauth/v2/auth?"),
        "{url}"
    );
}

#[tokio::test]
async fn a_success_body_without_access_token_is_an_invalid_response() {
    let server = Server::start(vec![Reply::json(200, r#"{"status":"ok"}"#)]).await;
    let zp = client(&server);
    let (_, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("URL");
    let err = zp
        .exchange_code(&pending, &AuthorizationCode::new("c"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidResponse {
                site: ErrorSite::TokenEndpoint,
                ..
            }
        ),
        "{err:?}"
    );
}
