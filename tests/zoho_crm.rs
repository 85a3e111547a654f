//! Zoho CRM through the generated client, against a recording server: the OAuth 2.0 requests
//! (shared with every Zoho product), the CRM API envelope errors, and the retired v1
//! authtoken (Java-properties answers, query presentation) from seed-providers.md §2 and
//! specs/zoho_crm.yaml.

mod support;

use std::time::{Duration, SystemTime};

use oauth_providers::providers::zoho_crm::{scopes, AccessType, ErrorCode, ZohoCRM};
use oauth_providers::{
    scope, AuthorizationCode, Credentials, Error, ErrorMeaning, ErrorSite, Password, TokenSet,
};
use support::{assert_expires_within, http, pairs, provider_error, Reply, Server};

const CLIENT_ID: &str = "1000.CRMCLIENTID";
const CLIENT_SECRET: &str = "crm-client-secret-9e8d7c";
const REDIRECT: &str = "https://crm.example.com/oauth/callback";
const ACCESS: &str = "1000.crm-access-token-aaaa";
const REFRESH: &str = "1000.crm-refresh-token-rrrr";
const AUTHTOKEN: &str = "bad18eba1ff45jk7858b8ae88a77fa30";
const EMAIL: &str = "alice@example.com";
const APP_PASSWORD: &str = "abcd1234efgh5678";

const AUTHTOKEN_OK: &str =
    "#\n#Wed Feb 29 03:07:33 PST 2012\nAUTHTOKEN=bad18eba1ff45jk7858b8ae88a77fa30\nRESULT=TRUE\n";

fn client(server: &Server) -> ZohoCRM {
    ZohoCRM::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .redirect_uri(REDIRECT.parse().expect("redirect URI"))
        .origin_override(server.origin.clone())
        .build()
        .expect("client builds")
}

fn tokens() -> TokenSet {
    let mut t = TokenSet::bearer(ACCESS, Some(Duration::from_secs(3600)));
    t.refresh_token = Some(REFRESH.into());
    t
}

#[allow(deprecated)]
async fn authtoken(crm: &ZohoCRM) -> Result<TokenSet, Error> {
    crm.legacy_authtoken(EMAIL, Password::new(APP_PASSWORD), "My CRM Sync")
        .await
}

#[tokio::test]
async fn authorize_url_has_scope_access_type_and_state() {
    let server = Server::start(vec![]).await;
    let crm = client(&server);
    let (url, pending) = crm
        .authorize()
        .scope(scope!(ZohoCRM.modules.leads.READ))
        .scope(scopes::users::READ)
        .access_type(AccessType::Offline)
        .url()
        .expect("URL");
    assert_eq!(url.path(), "/oauth/v2/auth");
    let state = pending.state.as_ref().expect("state").secret();
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert_eq!(
        query,
        pairs(&[
            ("response_type", "code"),
            ("client_id", CLIENT_ID),
            ("redirect_uri", REDIRECT),
            ("scope", "ZohoCRM.modules.leads.READ,ZohoCRM.users.READ"),
            ("state", state),
            ("access_type", "offline"),
        ])
    );
    assert!(pending.pkce_verifier.is_none());
}

#[tokio::test]
async fn code_exchange_matches_the_documented_post() {
    let server = Server::start(vec![Reply::json(
        200,
        r#"{"access_token":"1000.crm-access-token-aaaa","refresh_token":"1000.crm-refresh-token-rrrr","scope":"ZohoCRM.modules.leads.READ","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}"#,
    )])
    .await;
    let crm = client(&server);
    let (_, pending) = crm
        .authorize()
        .scope(scopes::modules::leads::READ)
        .access_type(AccessType::Offline)
        .url()
        .expect("URL");
    let before = SystemTime::now();
    let t = crm
        .exchange_code(&pending, &AuthorizationCode::new("1000.crm-grant"))
        .await
        .expect("exchange");
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
        pairs(&[
            ("grant_type", "authorization_code"),
            ("code", "1000.crm-grant"),
            ("redirect_uri", REDIRECT),
        ])
    );
    assert_eq!(t.access_token.secret(), ACCESS);
    assert_eq!(t.refresh_token.as_ref().map(|r| r.secret()), Some(REFRESH));
    assert_eq!(
        t.extra.get("api_domain").map(String::as_str),
        Some("https://www.zohoapis.eu")
    );
    assert_expires_within(t.expires_at, before, after, Duration::from_secs(3600));
}

#[tokio::test]
async fn invalid_code_in_http_200_is_code_invalid() {
    let server = Server::start(vec![Reply::json(200, r#"{"error":"invalid_code"}"#)]).await;
    let crm = client(&server);
    let (_, pending) = crm
        .authorize()
        .scope(scopes::modules::ALL)
        .url()
        .expect("URL");
    let err = crm
        .exchange_code(&pending, &AuthorizationCode::new("stale"))
        .await
        .unwrap_err();
    assert_eq!(ErrorCode::of(&err), Some(ErrorCode::InvalidCode), "{err:?}");
    assert_eq!(err.meaning(), Some(ErrorMeaning::CodeInvalid));
    assert_eq!(provider_error(&err).status, 200);
}

#[tokio::test]
async fn refresh_posts_grant_type_refresh_token() {
    let server = Server::start(vec![Reply::json(
        200,
        r#"{"access_token":"1000.crm-access-2","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}"#,
    )])
    .await;
    let fresh = client(&server).refresh(&tokens()).await.expect("refresh");
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/oauth/v2/token");
    assert_eq!(
        req.query_pairs(),
        [("client_id", CLIENT_ID), ("client_secret", CLIENT_SECRET)]
    );
    assert_eq!(
        req.form(),
        pairs(&[("grant_type", "refresh_token"), ("refresh_token", REFRESH)])
    );
    assert_eq!(fresh.access_token.secret(), "1000.crm-access-2");
    assert_eq!(
        fresh.refresh_token.as_ref().map(|r| r.secret()),
        Some(REFRESH)
    );
}

#[tokio::test]
async fn api_call_sends_zoho_oauthtoken_header_to_crm_v8() {
    let server = Server::start(vec![Reply::json(200, r#"{"data":[]}"#)]).await;
    let crm = client(&server);
    let base = crm.endpoint_url("api").expect("api");
    assert_eq!(base.path(), "/crm/v8");
    let response = crm
        .send_api(
            http().get(format!("{base}/Leads?fields=Last_Name")),
            &tokens(),
        )
        .await
        .expect("API call");
    assert_eq!(response.status, 200);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/crm/v8/Leads");
    assert_eq!(req.query_pairs(), [("fields", "Last_Name")]);
    assert_eq!(
        req.header("authorization"),
        Some(format!("Zoho-oauthtoken {ACCESS}").as_str())
    );
}

#[tokio::test]
async fn api_invalid_token_envelope_is_access_token_expired() {
    let body =
        r#"{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"#;
    for status in [400, 401] {
        let server = Server::start(vec![Reply::json(status, body)]).await;
        let err = client(&server)
            .send_api(http().get(server.url("/crm/v8/Leads")), &tokens())
            .await
            .unwrap_err();
        assert_eq!(
            ErrorCode::of(&err),
            Some(ErrorCode::InvalidToken),
            "{err:?}"
        );
        assert_eq!(err.meaning(), Some(ErrorMeaning::AccessTokenExpired));
        let p = provider_error(&err);
        assert_eq!(p.code, "INVALID_TOKEN");
        assert_eq!(p.status, status);
        assert_eq!(p.site, ErrorSite::Api);
        assert_eq!(p.description.as_deref(), Some("invalid oauth token"));
    }
}

#[tokio::test]
async fn api_other_crm_envelopes_are_typed() {
    let cases: &[(u16, &str, ErrorCode, ErrorMeaning)] = &[
        (
            401,
            r#"{"code":"INVALID_OAUTHTOKEN","details":{},"message":"invalid oauth token","status":"error"}"#,
            ErrorCode::InvalidOauthtoken,
            ErrorMeaning::AccessTokenInvalid,
        ),
        (
            401,
            r#"{"code":"AUTHENTICATION_FAILURE","details":{},"message":"Authentication failed","status":"error"}"#,
            ErrorCode::AuthenticationFailure,
            ErrorMeaning::AccessTokenInvalid,
        ),
        (
            401,
            r#"{"code":"OAUTH_SCOPE_MISMATCH","details":{},"message":"invalid oauth scope to access this URL","status":"error"}"#,
            ErrorCode::OauthScopeMismatch,
            ErrorMeaning::InsufficientScope,
        ),
        (
            403,
            r#"{"code":"NO_PERMISSION","details":{},"message":"permission denied","status":"error"}"#,
            ErrorCode::NoPermission,
            ErrorMeaning::InsufficientScope,
        ),
        (
            401,
            r#"{"code":"UNAUTHORIZED","details":{},"message":"unauthorized","status":"error"}"#,
            ErrorCode::Unauthorized,
            ErrorMeaning::AccessTokenInvalid,
        ),
        (
            200,
            r#"{"response":{"error":{"code":"4834","message":"Invalid Ticket Id"}}}"#,
            ErrorCode::E4834,
            ErrorMeaning::AccessTokenInvalid,
        ),
        (
            200,
            r#"{"response":{"error":{"code":"4820","message":"Rate limit exceeded"}}}"#,
            ErrorCode::E4820,
            ErrorMeaning::RateLimited,
        ),
        (
            200,
            r#"{"response":{"error":{"code":"4421","message":"API call count exceeded"}}}"#,
            ErrorCode::E4421,
            ErrorMeaning::QuotaExhausted,
        ),
    ];
    for (status, body, code, meaning) in cases {
        let server = Server::start(vec![Reply::json(*status, body)]).await;
        let err = client(&server)
            .send_api(http().get(server.url("/crm/v8/Leads")), &tokens())
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err), Some(*code), "{body}: {err:?}");
        assert_eq!(err.meaning(), Some(*meaning), "{body}");
        assert_eq!(provider_error(&err).status, *status);
    }
}

#[tokio::test]
async fn legacy_authtoken_posts_the_documented_query_and_reads_properties() {
    let server = Server::start(vec![Reply::text(200, AUTHTOKEN_OK)]).await;
    let crm = client(&server);
    let t = authtoken(&crm).await.expect("authtoken");
    let req = server.only_request();
    assert_eq!(req.method, "POST", "{}", req.describe());
    assert_eq!(req.path, "/apiauthtoken/nb/create");
    assert_eq!(
        req.query_pairs(),
        [
            ("SCOPE", "ZohoCRM/crmapi"),
            ("EMAIL_ID", EMAIL),
            ("PASSWORD", APP_PASSWORD),
            ("DISPLAY_NAME", "My CRM Sync"),
        ]
    );
    assert!(req.body.is_empty(), "parameters go in the query");
    assert_eq!(
        req.header("authorization"),
        None,
        "the custom grant authenticates itself"
    );
    assert!(
        !req.raw_query.contains(CLIENT_SECRET) && !req.raw_query.contains(CLIENT_ID),
        "no client credentials on the authtoken request"
    );

    assert_eq!(t.access_token.secret(), AUTHTOKEN);
    assert_eq!(t.issued_by.as_deref(), Some("legacy_authtoken"));
    assert!(t.refresh_token.is_none());
    assert_eq!(t.expires_at, None, "the authtoken is permanent");
}

#[tokio::test]
async fn authtoken_is_presented_as_query_authtoken_and_scope_crmapi() {
    let server = Server::start(vec![
        Reply::text(200, AUTHTOKEN_OK),
        Reply::json(200, r#"{"response":{"result":{}}}"#),
    ])
    .await;
    let crm = client(&server);
    let t = authtoken(&crm).await.expect("authtoken");
    server.clear();
    crm.send_api(
        http().get(server.url("/crm/private/json/Leads/getRecords?fromIndex=1")),
        &t,
    )
    .await
    .expect("v1 call");
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/crm/private/json/Leads/getRecords");
    assert_eq!(
        req.query_pairs(),
        [
            ("fromIndex", "1"),
            ("authtoken", AUTHTOKEN),
            ("scope", "crmapi")
        ]
    );
    assert_eq!(
        req.header("authorization"),
        None,
        "no header for authtokens"
    );
}

#[tokio::test]
async fn authtoken_failures_are_typed_from_the_cause_line() {
    let cases: &[(&str, ErrorCode, ErrorMeaning)] = &[
        (
            "#\n#Wed Feb 29 03:07:33 PST 2012\nCAUSE=INVALID_PASSWORD\nRESULT=FALSE\n",
            ErrorCode::InvalidPassword,
            ErrorMeaning::AccessDenied,
        ),
        (
            "#\n#Wed Feb 29 03:07:33 PST 2012\nCAUSE=ACCOUNT_REGISTRATION_NOT_CONFIRMED\nRESULT=FALSE\n",
            ErrorCode::AccountRegistrationNotConfirmed,
            ErrorMeaning::AccessDenied,
        ),
        (
            "#\nCAUSE=NO_SUCH_USER\nRESULT=FALSE\n",
            ErrorCode::NoSuchUser,
            ErrorMeaning::AccessDenied,
        ),
        (
            "#\nCAUSE=INVALID_CREDENTIALS\nRESULT=FALSE\n",
            ErrorCode::InvalidCredentials,
            ErrorMeaning::AccessDenied,
        ),
        (
            "#\nCAUSE=WEB_LOGIN_REQUIRED\nRESULT=FALSE\n",
            ErrorCode::WebLoginRequired,
            ErrorMeaning::AccessDenied,
        ),
        (
            "#\nCAUSE=EXCEEDED_MAXIMUM_ALLOWED_AUTHTOKENS\nRESULT=FALSE\n",
            ErrorCode::ExceededMaximumAllowedAuthtokens,
            ErrorMeaning::QuotaExhausted,
        ),
    ];
    for (body, code, meaning) in cases {
        let server = Server::start(vec![Reply::text(200, body)]).await;
        let err = authtoken(&client(&server)).await.unwrap_err();
        assert_eq!(ErrorCode::of(&err), Some(*code), "{body}: {err:?}");
        assert_eq!(err.meaning(), Some(*meaning));
        let p = provider_error(&err);
        assert_eq!(p.code, code.code());
        assert_eq!(p.status, 200);
        assert_eq!(p.site, ErrorSite::TokenEndpoint);
    }
}

#[tokio::test]
async fn authtoken_result_false_with_an_unknown_cause_is_not_a_token() {
    let server = Server::start(vec![Reply::text(
        200,
        "#\nCAUSE=SOMETHING_NEW\nRESULT=FALSE\n",
    )])
    .await;
    let err = authtoken(&client(&server)).await.unwrap_err();
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

#[tokio::test]
async fn authtoken_answer_that_is_an_html_page_is_an_invalid_response() {
    let server = Server::start(vec![Reply::new(
        200,
        "text/html",
        "<html><body>Sign in</body></html>",
    )])
    .await;
    let err = authtoken(&client(&server)).await.unwrap_err();
    assert!(matches!(err, Error::InvalidResponse { .. }), "{err:?}");
}
