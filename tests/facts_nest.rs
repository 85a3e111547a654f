//! Works with Nest's documented facts (the vendor pages cited in `specs/nest.yaml`, chiefly
//! <https://developers.nest.com/guides/api/authorization-reference>), one test
//! each, proven through the generated `Nest` client against the simulator built from the same
//! `specs/nest.yaml`.
//!
//! A browser is played by a reqwest client that does not follow redirects: it opens the URL
//! the generated client builds, and the simulator's scripted consent answers. That Nest has no
//! `refresh` method is a compile-time fact proven by the trybuild cases in `tests/ui`; here the
//! observable half is tested: no refresh token, and a token that keeps working.

// Works with Nest is retired and its generated type says so; these tests are about it.
#![allow(deprecated)]

mod support;

use std::time::{Duration, SystemTime};

use oauth_providers::providers::nest::{ErrorCode, Nest};
use oauth_providers::{
    AuthorizationCode, Credentials, Error, ErrorMeaning, PendingAuthorization, TokenSet,
};
use oauth_sim::{Consent, RecordedRequest, Simulator};
use serde_json::Value;
use support::{browser, follow, param};
use url::Url;

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/nest.yaml");
const CLIENT_ID: &str = "nest-web";
const SECRET: &str = "web-secret";
const FIRST: &str = "http://localhost:8080/cb1";
const SECOND: &str = "http://localhost:8080/cb2";
const PIN_CLIENT: &str = "nest-pin";

/// The simulator with a web client (two registered redirect URIs) and a PIN client (none).
fn simulator() -> Simulator {
    let sim = Simulator::from_spec_file(SPEC).expect("specs/nest.yaml loads");
    sim.register_client(CLIENT_ID, SECRET, [FIRST, SECOND]);
    sim.register_client(PIN_CLIENT, SECRET, Vec::<String>::new());
    sim
}

/// A generated client for `client_id` / `secret`, sending `redirect_uri` when given.
fn nest(sim: &Simulator, client_id: &str, secret: &str, redirect_uri: Option<&str>) -> Nest {
    let mut builder =
        Nest::builder(Credentials::new(client_id, secret)).origin_override(sim.origin());
    if let Some(uri) = redirect_uri {
        builder = builder.redirect_uri(Url::parse(uri).expect("redirect URI"));
    }
    builder.build().expect("client builds")
}

fn web(sim: &Simulator) -> Nest {
    nest(sim, CLIENT_ID, SECRET, Some(SECOND))
}

/// Starts the web flow: the pending authorization and the redirect the user came back with.
async fn authorize(client: &Nest) -> (PendingAuthorization, Url) {
    let (url, pending) = client.authorize().url().expect("authorize URL");
    (pending, follow(url).await)
}

/// `url` without its query parameter `name`.
fn without(url: &Url, name: &str) -> Url {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != name)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut out = url.clone();
    out.query_pairs_mut().clear().extend_pairs(kept);
    out
}

/// `url` with query parameter `name` set to `value`.
fn with(url: &Url, name: &str, value: &str) -> Url {
    let mut out = without(url, name);
    out.query_pairs_mut().append_pair(name, value);
    out
}

/// Status, content type and body of a page or error the browser got.
async fn open(url: Url) -> (u16, String, String) {
    let resp = browser().get(url).send().await.expect("request");
    let status = resp.status().as_u16();
    let content_type = resp
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, content_type, resp.text().await.expect("body"))
}

/// The PIN shown on the PIN page.
async fn read_pin(client: &Nest) -> String {
    let (url, _pending) = client.pin_url().expect("PIN page URL");
    let (status, _, page) = open(url).await;
    assert_eq!(status, 200, "{page}");
    let start = page.find("id=\"pin\">").expect("a PIN on the page") + "id=\"pin\">".len();
    let len = page[start..].find('<').expect("end of the PIN");
    page[start..start + len].to_string()
}

fn requests_to(sim: &Simulator, name: &str) -> Vec<RecordedRequest> {
    sim.requests()
        .into_iter()
        .filter(|r| r.endpoint.as_deref() == Some(name))
        .collect()
}

fn me_url(client: &Nest) -> String {
    let base = client.endpoint_url("api").expect("api endpoint");
    format!("{}/sim/me", base.as_str().trim_end_matches('/'))
}

async fn call(client: &Nest, tokens: &TokenSet) -> Result<Value, Error> {
    let request = client.http().get(me_url(client));
    let response = client.send_api(request, tokens).await?;
    Ok(serde_json::from_slice(&response.body).expect("the sample API answers JSON"))
}

/// The typed code, meaning, status and description of a token-endpoint error.
fn typed(e: &Error) -> (Option<ErrorCode>, Option<ErrorMeaning>, u16, String) {
    let p = e.provider().expect("a provider error");
    (
        ErrorCode::of(e),
        e.meaning(),
        p.status,
        p.description.clone().unwrap_or_default(),
    )
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// "Authorization codes: web flow code lives **10 minutes**, 16 characters."
#[tokio::test]
async fn web_flow_code_lives_10_minutes_and_has_16_characters() {
    let sim = simulator();
    let client = web(&sim);
    let (pending, back) = authorize(&client).await;
    let code = param(&back, "code").expect("a code");
    assert_eq!(code.len(), 16, "{code}");
    assert!(code.chars().all(|c| c.is_ascii_alphanumeric()), "{code}");
    sim.clock().advance(Duration::from_secs(599));
    client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect("a code 9 min 59 s old is accepted");

    let (pending, back) = authorize(&client).await;
    sim.clock().advance(Duration::from_secs(600));
    let e = client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect_err("a code 10 minutes old has expired");
    assert_eq!(
        typed(&e),
        (
            Some(ErrorCode::AuthorizationCodeExpired),
            Some(ErrorMeaning::CodeExpired),
            400,
            "authorization code expired".into()
        )
    );
}

/// "PIN flow code lives **48 hours**, 8 characters."
#[tokio::test]
async fn pin_flow_code_lives_48_hours_and_has_8_characters() {
    let sim = simulator();
    let client = nest(&sim, PIN_CLIENT, SECRET, None);
    let pin = read_pin(&client).await;
    assert_eq!(pin.len(), 8, "{pin}");
    assert!(pin.chars().all(|c| c.is_ascii_alphanumeric()), "{pin}");
    sim.clock().advance(Duration::from_secs(48 * 3600 - 1));
    let tokens = client.exchange_pin(&pin).await.expect("a PIN 47:59:59 old");
    assert_eq!(
        call(&client, &tokens).await.expect("API call")["user"],
        "alice"
    );

    let late = read_pin(&client).await;
    sim.clock().advance(Duration::from_secs(48 * 3600));
    let e = client.exchange_pin(&late).await.expect_err("48 hours old");
    assert_eq!(
        typed(&e),
        (
            Some(ErrorCode::AuthorizationCodeExpired),
            Some(ErrorMeaning::CodeExpired),
            400,
            "authorization code expired".into()
        )
    );
}

/// "Authorization parameters: `client_id` (required) ..."
#[tokio::test]
async fn client_id_is_a_required_authorization_parameter() {
    let sim = simulator();
    let (url, _) = web(&sim).authorize().url().expect("authorize URL");
    assert_eq!(param(&url, "client_id").as_deref(), Some(CLIENT_ID));
    let (status, content_type, body) = open(without(&url, "client_id")).await;
    assert_eq!((status, content_type.as_str()), (400, "application/json"));
    assert_eq!(
        json(&body),
        serde_json::json!({"error": "oauth2_error", "error_description": "missing required parameters: client_id"})
    );
    assert_eq!(sim.stats().codes_issued, 0);
}

/// "`redirect_uri` (optional: picks one of several registered URIs ...)"
#[tokio::test]
async fn redirect_uri_is_optional_and_picks_one_of_several_registered_uris() {
    let sim = simulator();
    // Without one, the provider uses the first registered URI.
    let plain = nest(&sim, CLIENT_ID, SECRET, None);
    let (url, pending) = plain.authorize().url().expect("authorize URL");
    assert_eq!(param(&url, "redirect_uri"), None);
    let back = follow(url).await;
    assert_eq!(back.as_str().split('?').next(), Some(FIRST));
    plain
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect("exchange without a redirect URI");

    // With one, it picks that one.
    let (pending, back) = authorize(&web(&sim)).await;
    assert_eq!(back.as_str().split('?').next(), Some(SECOND));
    assert_eq!(pending.redirect_uri.as_deref(), Some(SECOND));
    web(&sim)
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect("exchange repeating the redirect URI");
    let exchanges = requests_to(&sim, "token");
    let sent: Vec<Option<&str>> = exchanges
        .iter()
        .map(|r| r.form_value("redirect_uri"))
        .collect();
    assert_eq!(sent, [None, Some(SECOND)]);
}

/// "... must match a registered one exactly and carry no extra parameters"
#[tokio::test]
async fn redirect_uri_must_match_a_registered_one_exactly_and_carry_no_parameters() {
    let sim = simulator();
    for unregistered in [
        "http://localhost:8080/cb2?source=app",
        "http://localhost:8080/cb2/",
        "http://localhost:8081/cb2",
        "https://localhost:8080/cb2",
    ] {
        let client = nest(&sim, CLIENT_ID, SECRET, Some(unregistered));
        let (url, _) = client.authorize().url().expect("authorize URL");
        let (status, content_type, body) = open(url).await;
        assert_eq!(
            (status, content_type.as_str()),
            (400, "application/json"),
            "{unregistered}"
        );
        assert_eq!(
            json(&body),
            serde_json::json!({"error": "input_data_error", "error_description": "redirect_uri not pre-registered"}),
            "{unregistered}"
        );
    }
    assert_eq!(sim.stats().codes_issued, 0);
}

/// "`state` (required; an unguessable value against CSRF, default `STATE`)."
///
/// The default `STATE` is what the developer console fills in; the provider accepts it as any
/// other value. The generated client always sends its own unguessable one.
#[tokio::test]
async fn state_is_required_unguessable_and_checked_on_the_way_back() {
    let sim = simulator();
    let client = web(&sim);
    let (url, pending) = client.authorize().url().expect("authorize URL");
    let (other, other_pending) = client.authorize().url().expect("authorize URL");
    let state = param(&url, "state").expect("a state");
    // At least 128 random bits, base64url: 22 characters or more.
    assert!(state.len() >= 22, "{state}");
    assert_ne!(param(&other, "state"), Some(state.clone()));

    let (status, _, body) = open(without(&url, "state")).await;
    assert_eq!(status, 400);
    assert_eq!(
        json(&body),
        serde_json::json!({"error": "oauth2_error", "error_description": "missing required parameters: state"})
    );

    let literal = follow(with(&url, "state", "STATE")).await;
    assert_eq!(param(&literal, "state").as_deref(), Some("STATE"));

    let back = follow(url).await;
    assert_eq!(param(&back, "state"), Some(state.clone()));
    // The genuine redirect, checked against another authorization: its state is not the one
    // that authorization sent. (The check consumes that pending authorization.)
    let e = client
        .exchange_callback(other_pending, back.query().unwrap_or_default())
        .await
        .expect_err("a redirect with another state");
    assert!(matches!(e, Error::StateMismatch), "{e}");
    assert!(
        requests_to(&sim, "token").is_empty(),
        "nothing is exchanged after a state mismatch"
    );
    client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect("the genuine redirect");
}

/// "PIN-flow errors shown to the user: missing client ID or state parameter; "Oops! We found
/// an error" (service down, or no client for that client ID); "connection to <company> is not
/// available" (client over its user quota)."
#[tokio::test]
async fn pin_flow_errors_are_shown_to_the_user() {
    let sim = simulator();
    let client = nest(&sim, PIN_CLIENT, SECRET, None);
    let (url, _) = client.pin_url().expect("PIN page URL");
    let shown = |message: &str| format!("<p id=\"error\">{message}</p>");
    let expect_page =
        |(status, content_type, page): (u16, String, String), code: u16, msg: &str| {
            assert_eq!(status, code, "{page}");
            assert_eq!(content_type, "text/html; charset=utf-8");
            assert!(page.contains(&shown(msg)), "{page}");
        };

    expect_page(
        open(without(&url, "client_id")).await,
        400,
        "missing required parameters: client_id",
    );
    expect_page(
        open(without(&url, "state")).await,
        400,
        "missing required parameters: state",
    );
    let (stranger, _) = nest(&sim, "no-such-client", SECRET, None)
        .pin_url()
        .expect("PIN page URL");
    expect_page(open(stranger).await, 401, "Oops! We found an error");
    sim.consent(Consent::ServerError);
    expect_page(open(url.clone()).await, 500, "Oops! We found an error");

    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    sim.set_user_quota(PIN_CLIENT, "Acme Thermostats", 1);
    let pin = read_pin(&client).await;
    client.exchange_pin(&pin).await.expect("alice connects");
    sim.consent(Consent::Approve { user: "bob".into() });
    expect_page(
        open(url).await,
        400,
        "connection to Acme Thermostats is not available",
    );
    assert_eq!(sim.stats().pins_issued, 1);
}

/// "Redirect-flow errors, all `application/json`, HTTP 400:
/// `{"error":"oauth2_error","error_description":"missing required parameters: PARAM_NAME"}`;
/// `{"error":"input_data_error","error_description":"redirect_uri not pre-registered"}`."
#[tokio::test]
async fn redirect_flow_errors_are_json_400s() {
    let sim = simulator();
    let (url, _) = web(&sim).authorize().url().expect("authorize URL");
    let (status, content_type, body) = open(without(&url, "state")).await;
    assert_eq!((status, content_type.as_str()), (400, "application/json"));
    assert_eq!(
        json(&body),
        serde_json::json!({"error": "oauth2_error", "error_description": "missing required parameters: state"})
    );
    let (url, _) = nest(&sim, CLIENT_ID, SECRET, Some("http://evil.example/cb"))
        .authorize()
        .url()
        .expect("authorize URL");
    let (status, content_type, body) = open(url).await;
    assert_eq!((status, content_type.as_str()), (400, "application/json"));
    assert_eq!(
        json(&body),
        serde_json::json!({"error": "input_data_error", "error_description": "redirect_uri not pre-registered"})
    );
}

/// "Token request: **POST** with `code`, `client_id`, `client_secret`,
/// `grant_type=authorization_code`. Client credentials belong in the request body (the header
/// form still works but is discouraged)."
#[tokio::test]
async fn token_request_is_a_post_with_the_code_and_credentials_in_the_body() {
    let sim = simulator();
    let client = nest(&sim, CLIENT_ID, SECRET, None);
    let (pending, back) = authorize(&client).await;
    let code = param(&back, "code").expect("a code");
    client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect("exchange");
    let [exchange] = &requests_to(&sim, "token")[..] else {
        panic!("one token request expected");
    };
    assert_eq!(exchange.method, "POST");
    assert_eq!(exchange.path, "/oauth2/access_token");
    let mut form: Vec<(&str, &str)> = exchange
        .form
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    form.sort_unstable();
    assert_eq!(
        form,
        [
            ("client_id", CLIENT_ID),
            ("client_secret", SECRET),
            ("code", code.as_str()),
            ("grant_type", "authorization_code"),
        ]
    );
    assert!(exchange.query.is_empty(), "{:?}", exchange.query);
    assert_eq!(exchange.authorization, None, "no credentials in a header");

    // The discouraged header form still works.
    let (_, back) = authorize(&client).await;
    let resp = browser()
        .post(client.endpoint_url("token").expect("token endpoint"))
        .basic_auth(CLIENT_ID, Some(SECRET))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", param(&back, "code").expect("a code").as_str()),
        ])
        .send()
        .await
        .expect("token request");
    assert_eq!(resp.status(), 200);
}

/// "Success, HTTP 200: `{"access_token":"STRING","expires_in":LONG}`."
#[tokio::test]
async fn success_is_http_200_with_the_access_token_and_expires_in() {
    let sim = simulator();
    let client = web(&sim);
    let (pending, back) = authorize(&client).await;
    let (_, tokens) = client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect("exchange");
    let [exchange] = &requests_to(&sim, "token")[..] else {
        panic!("one token request expected");
    };
    assert_eq!(exchange.status, 200);
    // The simulator also sends RFC 6749's `token_type`, which Nest leaves out: the spec has
    // no way to say which fields a provider omits.
    assert_eq!(
        json(&exchange.body),
        serde_json::json!({
            "access_token": tokens.access_token.secret(),
            "expires_in": 315_360_000,
            "token_type": "Bearer",
        })
    );
    let left = tokens
        .remaining(SystemTime::now())
        .expect("an expiry from expires_in");
    assert_eq!(left.as_secs_f64().round() as u64, 315_360_000);
}

/// "**No refresh tokens**: access tokens effectively do not expire."
#[tokio::test]
async fn no_refresh_token_is_issued_and_the_access_token_keeps_working() {
    let sim = simulator();
    let client = web(&sim);
    let (pending, back) = authorize(&client).await;
    let (_, tokens) = client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect("exchange");
    assert!(tokens.refresh_token.is_none());
    let body = json(&requests_to(&sim, "token")[0].body);
    assert_eq!(body.get("refresh_token"), None, "{body}");
    assert_eq!(sim.stats().refresh_tokens_issued, 0);
    sim.clock().advance(Duration::from_secs(365 * 86_400));
    let me = call(&client, &tokens).await.expect("a year later");
    assert_eq!(me["user"], "alice");
    assert_eq!(me["token_age_secs"], 365 * 86_400);
}

/// "Token errors: 400 `oauth2_error` "authorization code expired""
#[tokio::test]
async fn token_error_authorization_code_expired_is_typed() {
    let sim = simulator();
    let client = web(&sim);
    let (pending, back) = authorize(&client).await;
    sim.clock().advance(Duration::from_secs(601));
    let e = client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect_err("expired");
    assert_eq!(
        typed(&e),
        (
            Some(ErrorCode::AuthorizationCodeExpired),
            Some(ErrorMeaning::CodeExpired),
            400,
            "authorization code expired".into()
        )
    );
}

/// "Token errors: 400 `oauth2_error` "authorization code not found""
#[tokio::test]
async fn token_error_authorization_code_not_found_is_typed() {
    let sim = simulator();
    let client = web(&sim);
    let (pending, back) = authorize(&client).await;
    let made_up = AuthorizationCode::new("ABCDEFGHJKLMNPQR");
    let e = client
        .exchange_code(&pending, &made_up)
        .await
        .expect_err("unknown code");
    let expected = (
        Some(ErrorCode::AuthorizationCodeNotFound),
        Some(ErrorMeaning::CodeInvalid),
        400,
        "authorization code not found".to_string(),
    );
    assert_eq!(typed(&e), expected);
    // A code already exchanged is gone too.
    let code = AuthorizationCode::new(param(&back, "code").unwrap_or_default());
    client
        .exchange_code(&pending, &code)
        .await
        .expect("first exchange");
    let e = client
        .exchange_code(&pending, &code)
        .await
        .expect_err("second exchange");
    assert_eq!(
        ErrorCode::of(&e),
        Some(ErrorCode::AuthorizationCodeNotFound),
        "{e}"
    );
}

/// "Token errors: 403 `client_not_active` "client is not active""
#[tokio::test]
async fn token_error_client_not_active_is_typed() {
    let sim = simulator();
    let client = web(&sim);
    let (pending, back) = authorize(&client).await;
    sim.set_client_active(CLIENT_ID, false);
    let e = client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect_err("inactive client");
    assert_eq!(
        typed(&e),
        (
            Some(ErrorCode::ClientNotActive),
            Some(ErrorMeaning::ClientDisabled),
            403,
            "client is not active".into()
        )
    );
}

/// "Token errors: 400 `oauth2_error` "client secret not found""
#[tokio::test]
async fn token_error_client_secret_not_found_is_typed() {
    let sim = simulator();
    let (pending, back) = authorize(&web(&sim)).await;
    let wrong = nest(&sim, CLIENT_ID, "not-the-secret", Some(SECOND));
    let e = wrong
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect_err("wrong secret");
    assert_eq!(
        typed(&e),
        (
            Some(ErrorCode::ClientSecretNotFound),
            Some(ErrorMeaning::ClientInvalid),
            400,
            "client secret not found".into()
        )
    );
}

/// "Token errors: 400 `oauth2_error` "missing required parameters: PARAM_NAME""
#[tokio::test]
async fn token_error_missing_required_parameters_is_typed() {
    let sim = simulator();
    let client = web(&sim);
    let (pending, _) = authorize(&client).await;
    // An empty code is a missing one.
    let e = client
        .exchange_code(&pending, &AuthorizationCode::new(""))
        .await
        .expect_err("no code");
    assert_eq!(
        typed(&e),
        (
            Some(ErrorCode::MissingRequiredParameters),
            Some(ErrorMeaning::BadRequest),
            400,
            "missing required parameters: code".into()
        )
    );
}

/// "Token errors: 400 `input_error` "redirect_uri not allowed""
#[tokio::test]
async fn token_error_redirect_uri_not_allowed_is_typed() {
    let sim = simulator();
    let client = web(&sim);
    let (mut pending, back) = authorize(&client).await;
    // The exchange must repeat the redirect URI the authorization named.
    pending.redirect_uri = Some(FIRST.to_string());
    let e = client
        .exchange_callback(pending, back.query().unwrap_or_default())
        .await
        .expect_err("another redirect URI");
    assert_eq!(
        typed(&e),
        (
            Some(ErrorCode::RedirectUriNotAllowed),
            Some(ErrorMeaning::BadRequest),
            400,
            "redirect_uri not allowed".into()
        )
    );
}
