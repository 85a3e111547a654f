//! Works with Nest through the generated client, against a recording server: the authorize
//! and PIN URLs, the token POST with credentials in the form body, the PIN exchange, revoke
//! by path, the Bearer API call, and every documented error body (seed-providers.md §4,
//! specs/nest.yaml). Nest has no refresh: the generated type has no `refresh` method.
#![allow(deprecated)] // The Nest client is deprecated (Works with Nest was retired).

mod support;

use std::time::{Duration, SystemTime};

use oauth_providers::providers::nest::{ErrorCode, Nest};
use oauth_providers::{AuthorizationCode, Credentials, Error, ErrorMeaning, ErrorSite, TokenSet};
use support::{assert_expires_within, http, pairs, provider_error, Reply, Server};

const CLIENT_ID: &str = "4f1e2d3c-nest-client";
const CLIENT_SECRET: &str = "nestSecretQ7w8E9r0";
const TOKEN: &str = "c.nest-access-token-XYZ";
const TOKEN_OK: &str = r#"{"access_token":"c.nest-access-token-XYZ","expires_in":315360000}"#;

fn client(server: &Server) -> Nest {
    Nest::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .origin_override(server.origin.clone())
        .build()
        .expect("client builds")
}

fn tokens() -> TokenSet {
    TokenSet::bearer(TOKEN, None)
}

#[tokio::test]
async fn nest_has_no_refresh_grant() {
    // That `nest.refresh(..)` and `nest.token_source(..)` do not compile is proven by the
    // trybuild cases `undeclared_grant_nest_refresh` and `nest_refreshing_source`.
    assert!(Nest::def().grants.refresh_token.is_none());
}

#[tokio::test]
async fn authorize_url_has_client_id_and_state_and_no_scope() {
    let server = Server::start(vec![]).await;
    let (url, pending) = client(&server).authorize().url().expect("URL");
    assert_eq!(url.path(), "/login/oauth2");
    let state = pending.state.as_ref().expect("state is required").secret();
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query,
        pairs(&[
            ("response_type", "code"),
            ("client_id", CLIENT_ID),
            ("state", state)
        ])
    );
    assert!(pending.pkce_verifier.is_none());
    assert!(pending.redirect_uri.is_none(), "redirect_uri is optional");
}

#[tokio::test]
async fn authorize_url_with_a_redirect_uri_sends_it() {
    let server = Server::start(vec![]).await;
    let nest = Nest::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .redirect_uri("https://home.example.com/nest".parse().expect("URI"))
        .origin_override(server.origin.clone())
        .build()
        .expect("builds");
    let (url, pending) = nest.authorize().url().expect("URL");
    let state = pending.state.as_ref().expect("state").secret();
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query,
        pairs(&[
            ("response_type", "code"),
            ("client_id", CLIENT_ID),
            ("redirect_uri", "https://home.example.com/nest"),
            ("state", state),
        ])
    );
}

#[tokio::test]
async fn code_exchange_posts_code_and_credentials_in_the_form_body() {
    let server = Server::start(vec![Reply::json(200, TOKEN_OK)]).await;
    let nest = client(&server);
    let (_, pending) = nest.authorize().url().expect("URL");
    let before = SystemTime::now();
    let t = nest
        .exchange_code(&pending, &AuthorizationCode::new("ABCDEFGH12345678"))
        .await
        .expect("exchange");
    let after = SystemTime::now();
    let req = server.only_request();
    assert_eq!(req.method, "POST", "{}", req.describe());
    assert_eq!(req.path, "/oauth2/access_token");
    assert!(
        req.query.is_empty(),
        "nothing in the query: {}",
        req.raw_query
    );
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(req.header("authorization"), None, "no Basic header");
    assert_eq!(
        req.form(),
        pairs(&[
            ("grant_type", "authorization_code"),
            ("code", "ABCDEFGH12345678"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
    );
    assert_eq!(t.access_token.secret(), TOKEN);
    assert!(t.refresh_token.is_none());
    assert_expires_within(
        t.expires_at,
        before,
        after,
        Duration::from_secs(315_360_000),
    );
}

#[tokio::test]
async fn exchange_callback_checks_state() {
    let server = Server::start(vec![Reply::json(200, TOKEN_OK)]).await;
    let nest = client(&server);
    let (_, pending) = nest.authorize().url().expect("URL");
    let state = pending.state.as_ref().expect("state").secret().to_string();
    let (_, other) = nest.authorize().url().expect("URL");
    let err = nest
        .exchange_callback(other, &format!("code=ABCDEFGH12345678&state={state}"))
        .await
        .expect_err("mismatch");
    assert!(matches!(err, Error::StateMismatch), "{err:?}");
    assert!(server.requests().is_empty());
    let (_, t) = nest
        .exchange_callback(pending, &format!("code=ABCDEFGH12345678&state={state}"))
        .await
        .expect("exchange");
    assert_eq!(t.access_token.secret(), TOKEN);
    assert_eq!(
        server.only_request().form(),
        pairs(&[
            ("grant_type", "authorization_code"),
            ("code", "ABCDEFGH12345678"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
    );
}

#[tokio::test]
async fn pin_url_and_pin_exchange() {
    let server = Server::start(vec![Reply::json(200, TOKEN_OK)]).await;
    let nest = client(&server);
    let (url, pending) = nest.pin_url().expect("PIN URL");
    assert_eq!(url.path(), "/login/oauth2");
    let state = pending.state.as_ref().expect("state").secret();
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query,
        pairs(&[
            ("response_type", "code"),
            ("client_id", CLIENT_ID),
            ("state", state)
        ])
    );
    assert!(server.requests().is_empty());

    let t = nest.exchange_pin("7KQ4ZP2M").await.expect("PIN exchange");
    assert_eq!(t.access_token.secret(), TOKEN);
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/oauth2/access_token");
    assert!(req.query.is_empty());
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        req.form(),
        pairs(&[
            ("grant_type", "authorization_code"),
            ("code", "7KQ4ZP2M"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ])
    );
}

#[tokio::test]
async fn every_documented_token_error_is_typed() {
    let cases: &[(u16, &str, ErrorCode, ErrorMeaning)] = &[
        (
            400,
            r#"{"error":"oauth2_error","error_description":"authorization code expired"}"#,
            ErrorCode::AuthorizationCodeExpired,
            ErrorMeaning::CodeExpired,
        ),
        (
            400,
            r#"{"error":"oauth2_error","error_description":"authorization code not found"}"#,
            ErrorCode::AuthorizationCodeNotFound,
            ErrorMeaning::CodeInvalid,
        ),
        (
            403,
            r#"{"error":"client_not_active","error_description":"client is not active"}"#,
            ErrorCode::ClientNotActive,
            ErrorMeaning::ClientDisabled,
        ),
        (
            400,
            r#"{"error":"oauth2_error","error_description":"client secret not found"}"#,
            ErrorCode::ClientSecretNotFound,
            ErrorMeaning::ClientInvalid,
        ),
        (
            400,
            r#"{"error":"oauth2_error","error_description":"missing required parameters: client_secret"}"#,
            ErrorCode::MissingRequiredParameters,
            ErrorMeaning::BadRequest,
        ),
        (
            400,
            r#"{"error":"oauth2_error","error_description":"missing required parameters: PARAM_NAME"}"#,
            ErrorCode::MissingRequiredParameters,
            ErrorMeaning::BadRequest,
        ),
        (
            400,
            r#"{"error":"input_error","error_description":"redirect_uri not allowed"}"#,
            ErrorCode::RedirectUriNotAllowed,
            ErrorMeaning::BadRequest,
        ),
    ];
    for (status, body, code, meaning) in cases {
        // The same answers come back for a web code and for a PIN.
        for pin in [false, true] {
            let server = Server::start(vec![Reply::json(*status, body)]).await;
            let nest = client(&server);
            let err = if pin {
                nest.exchange_pin("7KQ4ZP2M").await.unwrap_err()
            } else {
                let (_, pending) = nest.authorize().url().expect("URL");
                nest.exchange_code(&pending, &AuthorizationCode::new("ABCDEFGH12345678"))
                    .await
                    .unwrap_err()
            };
            assert_eq!(ErrorCode::of(&err), Some(*code), "{body}: {err:?}");
            assert_eq!(err.meaning(), Some(*meaning), "{body}");
            let p = provider_error(&err);
            assert_eq!(p.code, code.code());
            assert_eq!(p.status, *status);
            assert_eq!(p.site, ErrorSite::TokenEndpoint);
            assert!(p.description.is_some(), "{body}");
        }
    }
}

/// Nest documents this redirect-flow error as HTTP 400; delivered in the redirect it has no
/// status, so the rule's body tests alone classify it.
#[tokio::test]
async fn redirect_error_redirect_uri_not_pre_registered_is_classified_by_its_rule() {
    let server = Server::start(vec![]).await;
    let nest = client(&server);
    let (_, pending) = nest.authorize().url().expect("URL");
    let state = pending.state.as_ref().expect("state").secret().to_string();
    let query = format!(
        "state={state}&error=input_data_error&error_description=redirect_uri+not+pre-registered"
    );
    let err = nest
        .exchange_callback(pending, &query)
        .await
        .expect_err("error");
    assert_eq!(err.meaning(), Some(ErrorMeaning::BadRequest), "{err:?}");
    assert_eq!(
        ErrorCode::of(&err),
        Some(ErrorCode::RedirectUriNotPreRegistered),
        "{err:?}"
    );
}

/// Same for `missing required parameters` (an `at: any` rule with `status: 400`).
#[tokio::test]
async fn redirect_error_missing_required_parameters_is_classified_by_its_rule() {
    let server = Server::start(vec![]).await;
    let nest = client(&server);
    let (_, pending) = nest.authorize().url().expect("URL");
    let state = pending.state.as_ref().expect("state").secret().to_string();
    let query = format!(
        "state={state}&error=oauth2_error&error_description=missing+required+parameters%3A+client_id"
    );
    let err = nest
        .exchange_callback(pending, &query)
        .await
        .expect_err("error");
    assert_eq!(err.meaning(), Some(ErrorMeaning::BadRequest), "{err:?}");
    assert_eq!(provider_error(&err).site, ErrorSite::Authorize);
    assert_eq!(
        ErrorCode::of(&err),
        Some(ErrorCode::MissingRequiredParameters),
        "{err:?}"
    );
}

#[tokio::test]
async fn api_call_sends_a_bearer_header() {
    let server = Server::start(vec![Reply::json(200, r#"{"devices":{}}"#)]).await;
    let r = client(&server)
        .send_api(http().get(server.url("/devices")), &tokens())
        .await
        .expect("API call");
    assert_eq!(r.status, 200);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/devices");
    assert!(req.query.is_empty());
    assert_eq!(
        req.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
}

#[tokio::test]
async fn api_307_redirect_is_handed_back_with_its_location() {
    let server = Server::start(vec![Reply::empty(307).header(
        "location",
        "https://firebase-apiserver03-tah01-iad01.dapi.production.nest.com:9553/devices",
    )])
    .await;
    let r = client(&server)
        .send_api(http().get(server.url("/devices")), &tokens())
        .await
        .expect("a redirect is not an error");
    assert_eq!(r.status, 307);
    assert_eq!(
        r.headers.get("location").and_then(|v| v.to_str().ok()),
        Some("https://firebase-apiserver03-tah01-iad01.dapi.production.nest.com:9553/devices")
    );
    assert_eq!(server.requests().len(), 1, "not followed");
}

#[tokio::test]
async fn revoke_deletes_the_token_path() {
    for status in [204, 404] {
        let server = Server::start(vec![Reply::empty(status)]).await;
        client(&server)
            .revoke(&tokens())
            .await
            .unwrap_or_else(|e| panic!("{status} means revoked: {e:?}"));
        let req = server.only_request();
        assert_eq!(req.method, "DELETE", "{}", req.describe());
        assert_eq!(req.path, format!("/oauth2/access_tokens/{TOKEN}"));
        assert!(req.query.is_empty());
        assert!(req.body.is_empty());
        assert_eq!(req.header("authorization"), None);
    }
}

#[tokio::test]
async fn revoke_with_a_server_error_is_an_error() {
    let server = Server::start(vec![Reply::empty(500)]).await;
    let err = client(&server).revoke(&tokens()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Http {
                status: 500,
                site: ErrorSite::Revoke,
                ..
            }
        ),
        "{err:?}"
    );
}
