//! Marketo through the generated client, against a recording server: the identity call (GET
//! with everything in the query), the Bearer API call, and the REST error envelope inside
//! HTTP 200 (seed-providers.md §3, specs/marketo.yaml).

mod support;

use std::time::{Duration, SystemTime};

use oauth_providers::providers::marketo::{ErrorCode, Marketo};
use oauth_providers::{Credentials, Error, ErrorMeaning, ErrorSite, TokenSet};
use support::{assert_expires_within, http, Reply, Server};

const CLIENT_ID: &str = "3b2c1d0e-1111-2222-3333-444455556666";
const CLIENT_SECRET: &str = "mkto-secret-Zq8Wv7Yx";
const MUNCHKIN: &str = "284-RPR-133";
const TOKEN: &str = "cdf01657-110d-4155-99a7-f986b2ff13a0:int";
const TOKEN_OK: &str = r#"{"access_token":"cdf01657-110d-4155-99a7-f986b2ff13a0:int","token_type":"bearer","expires_in":3599,"scope":"apis@acmeinc.com"}"#;

fn client(server: &Server) -> Marketo {
    Marketo::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET), MUNCHKIN)
        .origin_override(server.origin.clone())
        .build()
        .expect("client builds")
}

fn tokens() -> TokenSet {
    TokenSet::bearer(TOKEN, Some(Duration::from_secs(3599)))
}

fn envelope(code: &str, message: &str) -> String {
    format!(
        r#"{{"requestId":"e42b#14272d07d78","success":false,"errors":[{{"code":"{code}","message":"{message}"}}]}}"#
    )
}

#[tokio::test]
async fn identity_call_is_a_get_with_grant_and_credentials_in_the_query() {
    let server = Server::start(vec![Reply::json(200, TOKEN_OK)]).await;
    let mkto = client(&server);
    let before = SystemTime::now();
    let t = mkto.client_credentials().await.expect("token");
    let after = SystemTime::now();

    let req = server.only_request();
    assert_eq!(req.method, "GET", "{}", req.describe());
    assert_eq!(req.path, "/identity/oauth/token");
    assert_eq!(
        req.query_pairs(),
        [
            ("grant_type", "client_credentials"),
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
        ]
    );
    assert!(req.body.is_empty());
    assert_eq!(req.header("content-type"), None, "a GET has no form body");
    assert_eq!(req.header("authorization"), None);
    assert_eq!(req.header("accept"), Some("application/json"));

    assert_eq!(t.access_token.secret(), TOKEN);
    assert_eq!(t.token_type.as_deref(), Some("bearer"));
    assert!(t.refresh_token.is_none(), "Marketo issues no refresh token");
    assert_expires_within(t.expires_at, before, after, Duration::from_secs(3599));
}

#[tokio::test]
async fn identity_endpoint_is_per_instance() {
    let mkto =
        Marketo::new(Credentials::new(CLIENT_ID, CLIENT_SECRET), MUNCHKIN).expect("client builds");
    assert_eq!(
        mkto.endpoint_url("token").expect("token").as_str(),
        "https://284-rpr-133.mktorest.com/identity/oauth/token"
    );
    assert_eq!(
        mkto.endpoint_url("api").expect("api").host_str(),
        Some("284-rpr-133.mktorest.com")
    );
}

#[tokio::test]
async fn a_bad_munchkin_id_is_a_config_error() {
    for bad in [
        "",
        "284-rpr-133",
        "284-RPR-1333",
        "284RPR133",
        "evil.example/x",
        "284-RPR-133.evil.example",
        "284-RPR-133@evil.example",
        "284-RPR-133/../x",
    ] {
        let err = Marketo::new(Credentials::new(CLIENT_ID, CLIENT_SECRET), bad).unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{bad:?}: {err:?}");
        assert!(!err.to_string().contains(CLIENT_SECRET), "{bad:?}: {err}");
    }
}

#[tokio::test]
async fn identity_asked_again_returns_the_same_token_with_less_time_left() {
    let server = Server::start(vec![
        Reply::json(200, TOKEN_OK),
        Reply::json(
            200,
            r#"{"access_token":"cdf01657-110d-4155-99a7-f986b2ff13a0:int","token_type":"bearer","expires_in":1200,"scope":"apis@acmeinc.com"}"#,
        ),
    ])
    .await;
    let mkto = client(&server);
    let first = mkto.client_credentials().await.expect("first");
    let before = SystemTime::now();
    let second = mkto.client_credentials().await.expect("second");
    let after = SystemTime::now();
    assert_eq!(first.access_token, second.access_token);
    assert_expires_within(second.expires_at, before, after, Duration::from_secs(1200));
    assert!(second.expires_at < first.expires_at);
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn identity_invalid_client_401_is_client_invalid() {
    for body in [
        r#"{"error":"invalid_client","error_description":"Bad client credentials"}"#,
        r#"{"error":"invalid_client","error_description":"No client with requested id"}"#,
    ] {
        let server = Server::start(vec![Reply::json(401, body)]).await;
        let err = client(&server).client_credentials().await.unwrap_err();
        assert_eq!(
            ErrorCode::of(&err),
            Some(ErrorCode::InvalidClient),
            "{err:?}"
        );
        assert_eq!(err.meaning(), Some(ErrorMeaning::ClientInvalid));
        let p = err.provider().expect("provider error");
        assert_eq!(p.status, 401);
        assert_eq!(p.site, ErrorSite::TokenEndpoint);
    }
}

#[tokio::test]
async fn api_call_sends_a_bearer_header_and_no_access_token_query() {
    let server = Server::start(vec![Reply::json(
        200,
        r#"{"requestId":"a1b2#c3","success":true,"result":[{"id":1}]}"#,
    )])
    .await;
    let mkto = client(&server);
    let response = mkto
        .send_api(
            http().get(server.url("/rest/v1/leads.json?filterType=id&filterValues=1")),
            &tokens(),
        )
        .await
        .expect("API call");
    assert_eq!(response.status, 200);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/rest/v1/leads.json");
    assert_eq!(
        req.query_pairs(),
        [("filterType", "id"), ("filterValues", "1")]
    );
    assert_eq!(
        req.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
}

#[tokio::test]
async fn rest_601_and_602_in_http_200_are_token_errors() {
    let cases = [
        (
            "601",
            "Unauthorized",
            ErrorCode::E601,
            ErrorMeaning::AccessTokenInvalid,
        ),
        (
            "602",
            "Access token expired",
            ErrorCode::E602,
            ErrorMeaning::AccessTokenExpired,
        ),
    ];
    for (code, message, variant, meaning) in cases {
        let server = Server::start(vec![Reply::json(200, envelope(code, message))]).await;
        let err = client(&server)
            .send_api(http().get(server.url("/rest/v1/leads.json")), &tokens())
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err), Some(variant), "{code}: {err:?}");
        assert_eq!(err.meaning(), Some(meaning));
        assert!(err.is_token_error(), "{code} should ask for a new token");
        let p = err.provider().expect("provider error");
        assert_eq!(p.code, code);
        assert_eq!(p.status, 200);
        assert_eq!(p.site, ErrorSite::Api);
        assert_eq!(p.description.as_deref(), Some(message));
    }
}

#[tokio::test]
async fn rest_606_and_607_are_rate_limit_and_quota() {
    let cases = [
        (
            "606",
            "Max rate limit '100' exceeded with in '20' secs",
            ErrorCode::E606,
            ErrorMeaning::RateLimited,
        ),
        (
            "607",
            "Daily quota reached",
            ErrorCode::E607,
            ErrorMeaning::QuotaExhausted,
        ),
        (
            "615",
            "Concurrent access limit reached",
            ErrorCode::E615,
            ErrorMeaning::RateLimited,
        ),
        (
            "603",
            "Access denied",
            ErrorCode::E603,
            ErrorMeaning::InsufficientScope,
        ),
    ];
    for (code, message, variant, meaning) in cases {
        let server = Server::start(vec![Reply::json(200, envelope(code, message))]).await;
        let err = client(&server)
            .send_api(http().get(server.url("/rest/v1/leads.json")), &tokens())
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err), Some(variant), "{code}: {err:?}");
        assert_eq!(err.meaning(), Some(meaning));
        assert!(!err.is_token_error(), "{code} is not cured by a new token");
        assert_eq!(err.provider().expect("provider").status, 200);
    }
}

#[tokio::test]
async fn every_rest_code_of_the_spec_is_classified_with_its_meaning() {
    let all = [
        ("500", ErrorCode::E500),
        ("502", ErrorCode::E502),
        ("601", ErrorCode::E601),
        ("602", ErrorCode::E602),
        ("603", ErrorCode::E603),
        ("604", ErrorCode::E604),
        ("605", ErrorCode::E605),
        ("606", ErrorCode::E606),
        ("607", ErrorCode::E607),
        ("608", ErrorCode::E608),
        ("609", ErrorCode::E609),
        ("610", ErrorCode::E610),
        ("611", ErrorCode::E611),
        ("612", ErrorCode::E612),
        ("613", ErrorCode::E613),
        ("614", ErrorCode::E614),
        ("615", ErrorCode::E615),
        ("616", ErrorCode::E616),
        ("701", ErrorCode::E701),
        ("702", ErrorCode::E702),
        ("703", ErrorCode::E703),
        ("704", ErrorCode::E704),
        ("709", ErrorCode::E709),
        ("710", ErrorCode::E710),
        ("711", ErrorCode::E711),
        ("712", ErrorCode::E712),
        ("713", ErrorCode::E713),
        ("714", ErrorCode::E714),
        ("718", ErrorCode::E718),
        ("719", ErrorCode::E719),
    ];
    let script = all
        .iter()
        .map(|(code, _)| Reply::json(200, envelope(code, "x")))
        .collect();
    let server = Server::start(script).await;
    let mkto = client(&server);
    for (code, variant) in all {
        let err = mkto
            .send_api(http().get(server.url("/rest/v1/leads.json")), &tokens())
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err), Some(variant), "{code}: {err:?}");
        assert_eq!(variant.code(), code);
        assert_eq!(err.meaning(), Some(variant.meaning()), "{code}");
    }
}

#[tokio::test]
async fn success_true_with_record_level_reasons_is_not_an_error() {
    let server = Server::start(vec![Reply::json(
        200,
        r#"{"requestId":"1#2","success":true,"result":[{"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}]}"#,
    )])
    .await;
    let r = client(&server)
        .send_api(http().post(server.url("/rest/v1/leads.json")), &tokens())
        .await
        .expect("record-level reasons are data");
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn http_413_and_414_are_bad_requests() {
    for (status, variant) in [(413, ErrorCode::Http413), (414, ErrorCode::Http414)] {
        let server = Server::start(vec![Reply::new(status, "text/plain", "too large")]).await;
        let err = client(&server)
            .send_api(http().get(server.url("/rest/v1/leads.json")), &tokens())
            .await
            .unwrap_err();
        assert_eq!(ErrorCode::of(&err), Some(variant), "{err:?}");
        assert_eq!(err.meaning(), Some(ErrorMeaning::BadRequest));
    }
}
