//! The spec-driven client against a local recording server: the exact requests every grant
//! sends, and the classification of every kind of response the seed providers give.

mod fixtures;

use std::time::{Duration, SystemTime};

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use fixtures::*;
use oauth_runtime::__private::engine::{AuthorizeParams, Client, ParamValue};
use oauth_runtime::model::ErrorMeaning;
use oauth_runtime::{
    AccessToken, AuthorizationCode, Credentials, Error, ErrorSite, RefreshToken, TokenSet, VarValue,
};
use serde_json::json;
use sha2::{Digest as _, Sha256};
use url::Url;

const FORM: &str = "application/x-www-form-urlencoded";
const CODE: &str = "code-SENSITIVE-1000";
const ACCESS: &str = "at-SENSITIVE-1000.aaa";
const REFRESH: &str = "rt-SENSITIVE-1000.rrr";
const PASSWORD: &str = "pw-SENSITIVE-app-password";

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn query_of(url: &Url) -> Vec<(String, String)> {
    url.query_pairs().into_owned().collect()
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The error from `result`, checked to carry no secret.
fn err<T: std::fmt::Debug>(result: Result<T, Error>) -> Error {
    let e = result.expect_err("expected an error");
    assert_no_secret(&e);
    e
}

fn provider(e: &Error) -> &oauth_runtime::ProviderError {
    e.provider()
        .unwrap_or_else(|| panic!("expected a provider error, got {e:?}"))
}

/// A token set holding `refresh` as its refresh token.
fn rt_set(refresh: &str) -> TokenSet {
    let mut t = TokenSet::bearer("at-SENSITIVE-old", None);
    t.refresh_token = Some(RefreshToken::new(refresh));
    t
}

fn zoho_tokens() -> serde_json::Value {
    json!({
        "access_token": ACCESS,
        "refresh_token": REFRESH,
        "api_domain": "https://www.zohoapis.eu",
        "token_type": "Bearer",
        "expires_in": 3600,
        "scope": "ZohoCRM.modules.ALL ZohoCRM.users.READ"
    })
}

fn close_to(at: Option<SystemTime>, secs: u64) {
    let at = at.expect("an expiry");
    let left = at
        .duration_since(SystemTime::now())
        .unwrap_or(Duration::ZERO)
        .as_secs();
    assert!(
        left <= secs && left + 5 >= secs,
        "expected about {secs} s left, got {left}"
    );
}

// ---------------------------------------------------------------- configuration

#[tokio::test]
async fn builder_checks_every_variable_and_the_override() {
    let server = Server::start(vec![]).await;
    let e = err(client(marketo(), &server).build());
    let Error::Config(msg) = &e else {
        panic!("{e:?}")
    };
    assert!(
        msg.contains("munchkin_id") && msg.contains("[0-9]{3}-[A-Z]{3}-[0-9]{3}"),
        "{msg}"
    );

    let e = err(client(marketo(), &server)
        .var_at(0, VarValue::Free("123-ABC-456.evil.example/x?".into()))
        .build());
    assert!(
        matches!(&e, Error::Config(m) if m.contains("munchkin_id")),
        "{e:?}"
    );

    let e = err(client(zoho(), &server)
        .var_at(5, VarValue::Choice(0))
        .build());
    assert!(
        matches!(&e, Error::Config(m) if m.contains("no variable #5")),
        "{e:?}"
    );

    let e = err(client(zoho(), &server)
        .var_at(0, VarValue::Choice(9))
        .build());
    assert!(
        matches!(&e, Error::Config(m) if m.contains("`us`, `eu`")),
        "{e:?}"
    );

    let e = err(
        Client::builder(zoho(), Credentials::new(CLIENT_ID, CLIENT_SECRET))
            .origin_override(Url::parse("http://sim.example:8080").unwrap())
            .build(),
    );
    assert!(
        matches!(&e, Error::Config(m) if m.contains("https")),
        "{e:?}"
    );

    for ok in [
        "http://localhost:1",
        "http://127.0.0.2:1",
        "http://[::1]:1",
        "https://sim.example",
    ] {
        Client::builder(zoho(), Credentials::new(CLIENT_ID, CLIENT_SECRET))
            .origin_override(Url::parse(ok).unwrap())
            .build()
            .unwrap_or_else(|e| panic!("{ok}: {e}"));
    }

    // A choice may be given by key.
    let c = client(zoho(), &server)
        .var_at(0, VarValue::Free("eu".into()))
        .build()
        .unwrap();
    assert_eq!(c.vars(), &[VarValue::Choice(1)]);
}

#[tokio::test]
async fn endpoint_urls_render_the_variables_and_take_the_override() {
    let c = Client::builder(marketo(), Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .var_at(0, VarValue::Free("284-RPR-133".into()))
        .build()
        .unwrap();
    assert_eq!(
        c.endpoint_url("token").unwrap().as_str(),
        "https://284-rpr-133.mktorest.com/identity/oauth/token"
    );
    let c = Client::builder(zoho(), Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .var_at(0, VarValue::Choice(1))
        .build()
        .unwrap();
    assert_eq!(
        c.endpoint_url("token").unwrap().as_str(),
        "https://accounts.zoho.eu/oauth/v2/token"
    );
    assert!(matches!(c.endpoint_url("nope"), Err(Error::Config(_))));

    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    let url = c.endpoint_url("token").unwrap();
    assert_eq!(url.origin(), server.origin.origin());
    assert_eq!(url.path(), "/oauth/v2/token");
}

// ---------------------------------------------------------------- front channel

#[tokio::test]
async fn authorize_url_carries_state_pkce_scopes_and_redirect_uri() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server)
        .redirect_uri(Url::parse(REDIRECT_URI).unwrap())
        .build()
        .unwrap();
    let params = AuthorizeParams {
        scopes: vec![
            (0, "ZohoCRM.modules.ALL".into()),
            (0, "ZohoCRM.users.READ".into()),
        ],
        extra: vec![(0, "offline".into())],
    };
    let (url, pending) = c.authorize_url(&params).unwrap();
    assert_eq!(url.path(), "/oauth/v2/auth");
    let q = query_of(&url);
    let names: Vec<&str> = q.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "response_type",
            "client_id",
            "redirect_uri",
            "scope",
            "state",
            "code_challenge",
            "code_challenge_method",
            "access_type"
        ]
    );
    assert_eq!(param(&q, "response_type"), Some("code"));
    assert_eq!(param(&q, "client_id"), Some(CLIENT_ID));
    assert_eq!(param(&q, "redirect_uri"), Some(REDIRECT_URI));
    assert_eq!(
        param(&q, "scope"),
        Some("ZohoCRM.modules.ALL,ZohoCRM.users.READ")
    );
    assert_eq!(param(&q, "access_type"), Some("offline"));
    assert_eq!(param(&q, "code_challenge_method"), Some("S256"));

    // state: at least 128 random bits, and what was sent is what is kept.
    let state = pending.state.as_ref().unwrap().secret();
    assert_eq!(param(&q, "state"), Some(state));
    assert!(URL_SAFE_NO_PAD.decode(state).unwrap().len() >= 16);

    // PKCE S256: challenge = BASE64URL(SHA256(verifier)), verifier 43..=128 unreserved chars.
    let verifier = pending.pkce_verifier.as_ref().unwrap().secret();
    assert!((43..=128).contains(&verifier.len()));
    assert!(verifier
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)));
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    assert_eq!(param(&q, "code_challenge"), Some(challenge.as_str()));
    assert_eq!(pending.redirect_uri.as_deref(), Some(REDIRECT_URI));

    // Two authorizations never share state or verifier.
    let (_, other) = c.authorize_url(&params).unwrap();
    assert_ne!(other.state, pending.state);
    assert_ne!(other.pkce_verifier, pending.pkce_verifier);
}

#[tokio::test]
async fn authorize_url_requires_what_the_spec_requires() {
    let server = Server::start(vec![]).await;
    let no_redirect = client(zoho(), &server).build().unwrap();
    let params = AuthorizeParams {
        scopes: vec![(0, "ZohoCRM.modules.ALL".into())],
        extra: vec![],
    };
    let e = err(no_redirect.authorize_url(&params));
    assert!(
        matches!(&e, Error::Config(m) if m.contains("redirect URI")),
        "{e:?}"
    );

    let c = client(zoho(), &server)
        .redirect_uri(Url::parse(REDIRECT_URI).unwrap())
        .build()
        .unwrap();
    let e = err(c.authorize_url(&AuthorizeParams::default()));
    assert!(
        matches!(&e, Error::Config(m) if m.contains("scope")),
        "{e:?}"
    );

    // Nest: state required, no PKCE, redirect URI optional and not configured, no scopes.
    let nest = client(nest(), &server).build().unwrap();
    let (url, pending) = nest.authorize_url(&AuthorizeParams::default()).unwrap();
    let q = query_of(&url);
    let names: Vec<&str> = q.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["response_type", "client_id", "state"]);
    assert!(pending.pkce_verifier.is_none() && pending.redirect_uri.is_none());

    // Marketo has no authorization code grant.
    let m = client(marketo(), &server)
        .var_at(0, VarValue::Free("284-RPR-133".into()))
        .build()
        .unwrap();
    assert!(matches!(err(m.authorize_url(&params)), Error::Config(_)));
}

fn zoho_pending(server: &Server) -> (Client, oauth_runtime::PendingAuthorization, String) {
    let c = client(zoho(), server)
        .redirect_uri(Url::parse(REDIRECT_URI).unwrap())
        .build()
        .unwrap();
    let params = AuthorizeParams {
        scopes: vec![(0, "ZohoCRM.modules.ALL".into())],
        extra: vec![],
    };
    let (_, pending) = c.authorize_url(&params).unwrap();
    let state = enc(pending.state.as_ref().unwrap().secret());
    (c, pending, state)
}

#[tokio::test]
async fn callback_selects_only_declared_data_centres() {
    let server = Server::start(vec![]).await;
    let (c, pending, state) = zoho_pending(&server);

    for server_param in [
        "https%3A%2F%2Faccounts.zoho.eu",
        "https%3A%2F%2Faccounts.zoho.eu%2F",
    ] {
        let q = format!("?code={CODE}&location=eu&accounts-server={server_param}&state={state}");
        let cb = c.parse_callback(&pending, &q).unwrap();
        assert_eq!(cb.code.secret(), CODE);
        assert_eq!(cb.selected, vec![(0, VarValue::Choice(1))]);
    }
    let q = format!(
        "code={CODE}&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu&state={state}"
    );
    let cb = c.parse_callback(&pending, &q).unwrap();
    let (index, value) = cb.selected[0].clone();
    let eu = c.with_var(index, value).unwrap();
    assert_eq!(eu.vars(), &[VarValue::Choice(1)]);
    assert_eq!(
        c.vars(),
        &[VarValue::Choice(0)],
        "the original is unchanged"
    );
    assert_eq!(eu.credentials().client_id.as_str(), CLIENT_ID);

    // An undeclared host is refused: the secret must never be sent there.
    let q = format!(
        "code={CODE}&accounts-server=https%3A%2F%2Faccounts.zoho.evil.example&state={state}"
    );
    let e = err(c.parse_callback(&pending, &q));
    match &e {
        Error::Config(m) => assert_eq!(
            m,
            "redirect parameter `accounts-server` names a host the spec does not declare"
        ),
        other => panic!("{other:?}"),
    }
    // Same host over plain http is not the declared origin either.
    let q = format!("code={CODE}&accounts-server=http%3A%2F%2Faccounts.zoho.eu&state={state}");
    assert!(matches!(
        err(c.parse_callback(&pending, &q)),
        Error::Config(_)
    ));
    // An undeclared key, and two parameters that disagree.
    let q = format!("code={CODE}&location=xx&state={state}");
    assert!(
        matches!(err(c.parse_callback(&pending, &q)), Error::Config(m) if m.contains("`location`"))
    );
    let q = format!(
        "code={CODE}&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.eu&state={state}"
    );
    assert!(
        matches!(err(c.parse_callback(&pending, &q)), Error::Config(m) if m.contains("disagree"))
    );
    // with_var checks values like the builder does.
    assert!(matches!(
        err(c.with_var(0, VarValue::Choice(7))),
        Error::Config(_)
    ));
    assert!(matches!(
        err(c.with_var(3, VarValue::Choice(0))),
        Error::Config(_)
    ));
}

#[tokio::test]
async fn callback_state_must_match() {
    let server = Server::start(vec![]).await;
    let (c, pending, state) = zoho_pending(&server);
    assert!(c
        .parse_callback(&pending, &format!("code={CODE}&state={state}"))
        .is_ok());
    for q in [
        format!("code={CODE}"),
        format!("code={CODE}&state=forged"),
        format!("code={CODE}&state={state}x"),
        format!("code={CODE}&state={state}&state={state}"),
        // A forged error redirect is a state mismatch, not a provider error.
        "error=access_denied&state=forged".to_string(),
    ] {
        assert!(
            matches!(err(c.parse_callback(&pending, &q)), Error::StateMismatch),
            "{q}"
        );
    }
    let e = err(c.parse_callback(&pending, &format!("state={state}")));
    assert!(matches!(
        e,
        Error::InvalidResponse {
            site: ErrorSite::Authorize,
            ..
        }
    ));
}

#[tokio::test]
async fn callback_error_is_classified() {
    let server = Server::start(vec![]).await;
    let (c, pending, state) = zoho_pending(&server);
    let q = format!("error=access_denied&error_description=User+denied&state={state}");
    let e = err(c.parse_callback(&pending, &q));
    let p = provider(&e);
    assert_eq!(p.meaning, ErrorMeaning::AccessDenied);
    assert_eq!(p.code, "access_denied");
    assert_eq!(p.site, ErrorSite::Authorize);
    assert_eq!(p.description.as_deref(), Some("User denied"));
}

// ---------------------------------------------------------------- token endpoint: Zoho

#[tokio::test]
async fn zoho_code_exchange_posts_a_form_with_client_auth_in_the_query() {
    let server = Server::start(vec![]).await;
    let (c, pending, _) = zoho_pending(&server);
    server.reply(Reply::json(200, zoho_tokens()));
    let tokens = c
        .exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await
        .unwrap();

    let r = server.only_request();
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/oauth/v2/token");
    assert_eq!(
        r.raw_query(),
        Some(format!("client_id={}&client_secret={CLIENT_SECRET}", enc(CLIENT_ID)).as_str())
    );
    assert_eq!(r.header("content-type"), Some(FORM));
    assert_eq!(r.header("accept"), Some("application/json"));
    assert_eq!(r.header("authorization"), None);
    let verifier = pending.pkce_verifier.as_ref().unwrap().secret();
    assert_eq!(
        r.body_text(),
        format!(
            "grant_type=authorization_code&code={CODE}&redirect_uri={}&code_verifier={verifier}",
            enc(REDIRECT_URI)
        )
    );

    assert_eq!(tokens.access_token.secret(), ACCESS);
    assert_eq!(tokens.refresh_token.as_ref().unwrap().secret(), REFRESH);
    assert_eq!(tokens.token_type.as_deref(), Some("Bearer"));
    assert_eq!(
        tokens.scopes,
        Some(vec![
            "ZohoCRM.modules.ALL".into(),
            "ZohoCRM.users.READ".into()
        ])
    );
    assert_eq!(
        tokens.extra.get("api_domain").map(String::as_str),
        Some("https://www.zohoapis.eu")
    );
    assert_eq!(tokens.issued_by, None);
    close_to(tokens.expires_at, 3600);
}

#[tokio::test]
async fn zoho_error_inside_http_200_is_a_provider_error() {
    let server = Server::start(vec![]).await;
    let (c, pending, _) = zoho_pending(&server);
    server.reply(Reply::json(200, json!({"error": "invalid_code"})));
    let e = err(c
        .exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await);
    let p = provider(&e);
    assert_eq!(p.code, "invalid_code");
    assert_eq!(p.meaning, ErrorMeaning::CodeInvalid);
    assert_eq!(p.rule, Some(0));
    assert_eq!(p.status, 200);
    assert_eq!(p.site, ErrorSite::TokenEndpoint);

    // An RFC 6749 code no rule names is still understood, even in a 200.
    server.reply(Reply::json(200, json!({"error": "invalid_client"})));
    let e = err(c
        .exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await);
    assert_eq!(provider(&e).meaning, ErrorMeaning::ClientInvalid);
    assert_eq!(provider(&e).rule, None);

    // A 200 without the token and without an error is malformed; the reason names the field.
    server.reply(Reply::json(200, json!({"refresh_token": REFRESH})));
    let e = err(c
        .exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await);
    match &e {
        Error::InvalidResponse { site, reason } => {
            assert_eq!(*site, ErrorSite::TokenEndpoint);
            assert!(reason.contains("access_token"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn zoho_refresh_keeps_the_refresh_token_it_was_given() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    server.reply(Reply::json(
        200,
        json!({"access_token": ACCESS, "expires_in": "3600", "api_domain": "https://www.zohoapis.com"}),
    ));
    let old = RefreshToken::new(REFRESH);
    let mut given = rt_set(REFRESH);
    given.scopes = Some(vec!["ignored".into()]);
    let tokens = c.refresh(&given).await.unwrap();
    let r = server.only_request();
    assert_eq!(
        (r.method.as_str(), r.path.as_str()),
        ("POST", "/oauth/v2/token")
    );
    assert_eq!(
        r.raw_query(),
        Some(format!("client_id={}&client_secret={CLIENT_SECRET}", enc(CLIENT_ID)).as_str())
    );
    // send_scope is off: no scope.
    assert_eq!(
        r.body_text(),
        format!("grant_type=refresh_token&refresh_token={REFRESH}")
    );
    assert_eq!(tokens.refresh_token, Some(old));
    close_to(tokens.expires_at, 3600);

    // A response that carries one replaces it.
    server.reply(Reply::json(
        200,
        json!({"access_token": ACCESS, "refresh_token": "rt-SENSITIVE-new", "expires_in": 3600}),
    ));
    let tokens = c.refresh(&rt_set(REFRESH)).await.unwrap();
    assert_eq!(tokens.refresh_token.unwrap().secret(), "rt-SENSITIVE-new");

    // RFC 6749 `invalid_grant` on a refresh means the refresh token is dead.
    server.reply(Reply::json(400, json!({"error": "invalid_grant"})));
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert_eq!(provider(&e).meaning, ErrorMeaning::RefreshTokenInvalid);
    assert_eq!(provider(&e).status, 400);
}

#[tokio::test]
async fn zoho_client_credentials_puts_parameters_in_the_body() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    server.reply(Reply::json(
        200,
        json!({"access_token": ACCESS, "expires_in": 3600}),
    ));
    c.client_credentials(&["ZohoCRM.modules.ALL".into(), "ZohoCRM.users.READ".into()])
        .await
        .unwrap();
    let r = server.only_request();
    assert_eq!(r.method, "POST");
    assert_eq!(
        r.body_text(),
        "grant_type=client_credentials&scope=ZohoCRM.modules.ALL%2CZohoCRM.users.READ&soid=ZohoCRM.600"
    );
    assert!(r.raw_query().unwrap().starts_with("client_id="));
    // Scopes are required by this spec.
    assert!(matches!(
        err(c.client_credentials(&[]).await),
        Error::Config(_)
    ));
}

// ---------------------------------------------------------------- Marketo

fn marketo_client(server: &Server) -> Client {
    client(marketo(), server)
        .var_at(0, VarValue::Free("284-RPR-133".into()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn marketo_token_is_a_get_with_everything_in_the_query() {
    let server = Server::start(vec![]).await;
    let c = marketo_client(&server);
    server.reply(Reply::json(
        200,
        json!({"access_token": ACCESS, "token_type": "bearer", "expires_in": 1200, "scope": "apis@acmeinc.com"}),
    ));
    let tokens = c.client_credentials(&[]).await.unwrap();
    let r = server.only_request();
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/identity/oauth/token");
    assert_eq!(
        r.raw_query(),
        Some(
            format!(
                "grant_type=client_credentials&client_id={}&client_secret={CLIENT_SECRET}",
                enc(CLIENT_ID)
            )
            .as_str()
        )
    );
    assert_eq!(r.body_text(), "");
    assert_eq!(r.header("content-type"), None);
    assert_eq!(r.header("authorization"), None);
    assert_eq!(r.header("accept"), Some("application/json"));
    // `expires_in` is what remains of a token handed out before.
    close_to(tokens.expires_at, 1200);
    assert_eq!(tokens.token_type.as_deref(), Some("bearer"));
}

#[tokio::test]
async fn marketo_envelope_errors_are_classified_in_api_responses() {
    let server = Server::start(vec![]).await;
    let c = marketo_client(&server);
    let token = TokenSet::bearer(ACCESS, Some(Duration::from_secs(3600)));
    let api = c
        .endpoint_url("api")
        .unwrap()
        .join("/rest/v1/leads.json")
        .unwrap();

    server.reply(Reply::json(
        200,
        json!({"requestId": "e42b#14272d07d78", "success": false,
               "errors": [{"code": "602", "message": "Access token expired"}]}),
    ));
    let e = err(c.send_api(c.http().get(api.clone()), &token).await);
    let p = provider(&e);
    assert_eq!(p.code, "602");
    assert_eq!(p.meaning, ErrorMeaning::AccessTokenExpired);
    assert_eq!(p.site, ErrorSite::Api);
    assert_eq!(p.status, 200);
    assert_eq!(p.rule, Some(2));
    assert_eq!(p.description.as_deref(), Some("Access token expired"));
    assert!(e.is_token_error());

    let r = server.only_request();
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/rest/v1/leads.json");
    assert_eq!(r.raw_query(), None);
    assert_eq!(
        r.header("authorization"),
        Some(format!("Bearer {ACCESS}").as_str())
    );

    server.reply(Reply::json(200, json!({"success": true, "result": []})));
    let ok = c.send_api(c.http().get(api), &token).await.unwrap();
    assert_eq!(ok.status, 200);
    let body: serde_json::Value = serde_json::from_slice(&ok.body).unwrap();
    assert_eq!(body, json!({"success": true, "result": []}));
}

#[tokio::test]
async fn marketo_bad_credentials_is_client_invalid() {
    let server = Server::start(vec![]).await;
    let c = marketo_client(&server);
    server.reply(Reply::json(
        401,
        json!({"error": "invalid_client", "error_description": "Bad client credentials"}),
    ));
    let e = err(c.client_credentials(&[]).await);
    let p = provider(&e);
    assert_eq!(
        (p.meaning, p.rule, p.status),
        (ErrorMeaning::ClientInvalid, Some(0), 401)
    );
    assert_eq!(p.description.as_deref(), Some("Bad client credentials"));
}

// ---------------------------------------------------------------- Nest

#[tokio::test]
async fn nest_exchange_sends_client_credentials_in_the_body() {
    let server = Server::start(vec![]).await;
    let c = client(nest(), &server).build().unwrap();
    let (_, pending) = c.authorize_url(&AuthorizeParams::default()).unwrap();
    server.reply(Reply::json(
        200,
        json!({"access_token": ACCESS, "expires_in": 315569260}),
    ));
    let tokens = c
        .exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await
        .unwrap();
    let r = server.only_request();
    assert_eq!(
        (r.method.as_str(), r.path.as_str()),
        ("POST", "/oauth2/access_token")
    );
    assert_eq!(r.raw_query(), None);
    assert_eq!(r.header("content-type"), Some(FORM));
    assert_eq!(r.header("authorization"), None);
    assert_eq!(
        r.body_text(),
        format!(
            "grant_type=authorization_code&code={CODE}&client_id={}&client_secret={CLIENT_SECRET}",
            enc(CLIENT_ID)
        )
    );
    assert!(tokens.refresh_token.is_none());
    assert!(tokens.expires_at.is_some());

    // Without `expires_in` the documented lifetime applies: Nest's never expire.
    server.reply(Reply::json(200, json!({"access_token": ACCESS})));
    let tokens = c
        .exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await
        .unwrap();
    assert_eq!(tokens.expires_at, None);

    // Nest has no refresh grant.
    assert!(matches!(
        err(c.refresh(&rt_set(REFRESH)).await),
        Error::Config(_)
    ));
}

#[tokio::test]
async fn nest_400_and_403_bodies_are_classified() {
    let server = Server::start(vec![]).await;
    let c = client(nest(), &server).build().unwrap();
    let (_, pending) = c.authorize_url(&AuthorizeParams::default()).unwrap();
    let cases = [
        (
            400,
            "oauth2_error",
            "authorization code expired",
            ErrorMeaning::CodeExpired,
            "authorization_code_expired",
        ),
        (
            400,
            "oauth2_error",
            "authorization code not found",
            ErrorMeaning::CodeInvalid,
            "authorization_code_not_found",
        ),
        (
            403,
            "client_not_active",
            "client is not active",
            ErrorMeaning::ClientDisabled,
            "client_not_active",
        ),
        (
            400,
            "oauth2_error",
            "missing required parameters: code",
            ErrorMeaning::BadRequest,
            "missing_required_parameters",
        ),
        // No rule: the unknown code is kept and the status gives the meaning.
        (
            400,
            "input_error",
            "redirect_uri not allowed",
            ErrorMeaning::BadRequest,
            "input_error",
        ),
    ];
    for (status, error, description, meaning, code) in cases {
        server.reply(Reply::json(
            status,
            json!({"error": error, "error_description": description}),
        ));
        let e = err(c
            .exchange_code(&pending, &AuthorizationCode::new(CODE))
            .await);
        let p = provider(&e);
        assert_eq!(
            (p.meaning, p.code.as_str(), p.status),
            (meaning, code, status)
        );
        assert_eq!(p.description.as_deref(), Some(description));
    }
}

#[tokio::test]
async fn nest_pin_flow() {
    let server = Server::start(vec![]).await;
    let c = client(nest(), &server).build().unwrap();
    let (url, pending) = c.pin_url().unwrap();
    assert_eq!(url.path(), "/login/oauth2");
    let q = query_of(&url);
    assert_eq!(param(&q, "client_id"), Some(CLIENT_ID));
    assert_eq!(
        param(&q, "state"),
        pending.state.as_ref().map(|s| s.secret())
    );

    server.reply(Reply::json(200, json!({"access_token": ACCESS})));
    c.exchange_pin(&AuthorizationCode::new("PIN-SENSITIVE"))
        .await
        .unwrap();
    let r = server.only_request();
    assert_eq!(
        r.body_text(),
        format!(
            "grant_type=authorization_code&code=PIN-SENSITIVE&client_id={}&client_secret={CLIENT_SECRET}",
            enc(CLIENT_ID)
        )
    );
}

#[tokio::test]
async fn nest_revoke_deletes_the_token_path_and_404_means_done() {
    let server = Server::start(vec![]).await;
    let c = client(nest(), &server).build().unwrap();
    server.reply(Reply::empty(204));
    server.reply(Reply::json(404, json!({"error": "not found"})));
    server.reply(Reply::empty(500));
    let t = TokenSet::bearer("c.tok/SENSITIVE", None);
    c.revoke(&t).await.unwrap();
    c.revoke(&t).await.unwrap();
    let e = err(c.revoke(&t).await);
    assert!(
        matches!(
            e,
            Error::Http {
                site: ErrorSite::Revoke,
                status: 500,
                ..
            }
        ),
        "{e:?}"
    );
    let all = server.requests();
    assert_eq!(all.len(), 3);
    for r in all {
        assert_eq!(r.method, "DELETE");
        assert_eq!(r.path, "/oauth2/access_tokens/c.tok%2FSENSITIVE");
        assert_eq!(r.raw_query(), None);
        assert_eq!(r.body_text(), "");
        assert_eq!(r.header("authorization"), None);
    }
}

#[tokio::test]
async fn zoho_revoke_posts_the_token_in_the_query() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    server.reply(Reply::json(200, json!({"status": "success"})));
    server.reply(Reply::json(400, json!({"status": "failure"})));
    server.reply(Reply::json(200, json!({"error": "invalid_client"})));
    c.revoke(&rt_set(REFRESH)).await.unwrap();
    // An invalid token is already what revocation wants (RFC 7009 §2.2).
    c.revoke(&rt_set(REFRESH)).await.unwrap();
    let e = err(c.revoke(&rt_set(REFRESH)).await);
    assert_eq!(provider(&e).meaning, ErrorMeaning::ClientInvalid);
    assert_eq!(provider(&e).site, ErrorSite::Revoke);
    let r = &server.requests()[0];
    assert_eq!(
        (r.method.as_str(), r.path.as_str()),
        ("POST", "/oauth/v2/token/revoke")
    );
    assert_eq!(
        r.raw_query(),
        Some(
            format!(
                "token={REFRESH}&token_type_hint=refresh_token&client_id={}&client_secret={CLIENT_SECRET}",
                enc(CLIENT_ID)
            )
            .as_str()
        )
    );
    assert_eq!(r.body_text(), "");
}

// ---------------------------------------------------------------- legacy authtoken

async fn authtoken(c: &Client, password: &str) -> Result<TokenSet, Error> {
    c.custom_grant(
        0,
        vec![
            ParamValue::Text("ann@example.com".into()),
            ParamValue::Secret(password.into()),
            ParamValue::Text("My App".into()),
        ],
    )
    .await
}

#[tokio::test]
async fn legacy_authtoken_reads_properties_and_is_sent_as_query_parameters() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    server.reply(Reply::new(
        200,
        "text/plain;charset=UTF-8",
        "#\n#Wed Feb 29 03:07:33 PST 2012\nAUTHTOKEN=tok-SENSITIVE-bad18eba\nRESULT=TRUE\n",
    ));
    let tokens = authtoken(&c, PASSWORD).await.unwrap();
    assert_eq!(tokens.access_token.secret(), "tok-SENSITIVE-bad18eba");
    assert_eq!(tokens.issued_by.as_deref(), Some("legacy_authtoken"));
    assert_eq!(tokens.expires_at, None, "authtokens are permanent");

    let r = server.only_request();
    assert_eq!(
        (r.method.as_str(), r.path.as_str()),
        ("POST", "/apiauthtoken/nb/create")
    );
    // Parameters in declared order, no client authentication.
    assert_eq!(
        r.raw_query(),
        Some(
            format!(
                "SCOPE=ZohoCRM%2Fcrmapi&EMAIL_ID=ann%40example.com&PASSWORD={PASSWORD}&DISPLAY_NAME=My+App"
            )
            .as_str()
        )
    );
    assert_eq!(r.body_text(), "");
    assert_eq!(
        r.header("accept"),
        Some("*/*"),
        "no JSON asked for a properties body"
    );

    // The authtoken is presented as `?authtoken=<t>&scope=crmapi`, never in a header.
    server.reply(Reply::json(200, json!({"response": {"result": {}}})));
    let api = c
        .endpoint_url("api")
        .unwrap()
        .join("/crm/private/json/Leads/getRecords")
        .unwrap();
    c.send_api(c.http().get(api), &tokens).await.unwrap();
    let r = server.requests().pop().unwrap();
    assert_eq!(r.path, "/crm/private/json/Leads/getRecords");
    assert_eq!(
        r.raw_query(),
        Some("authtoken=tok-SENSITIVE-bad18eba&scope=crmapi")
    );
    assert_eq!(r.header("authorization"), None);
}

#[tokio::test]
async fn legacy_authtoken_failures() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    server.reply(Reply::new(
        200,
        "text/plain",
        "#\n#Wed Feb 29 03:07:33 PST 2012\nCAUSE=INVALID_PASSWORD\nRESULT=FALSE\n",
    ));
    let e = err(authtoken(&c, PASSWORD).await);
    let p = provider(&e);
    assert_eq!(
        (p.code.as_str(), p.meaning),
        ("INVALID_PASSWORD", ErrorMeaning::AccessDenied)
    );

    // A cause no rule names: RESULT is not TRUE, so it is not a success.
    server.reply(Reply::new(
        200,
        "text/plain",
        "CAUSE=ACCOUNT_REGISTRATION_NOT_CONFIRMED\nRESULT=FALSE\n",
    ));
    let e = err(authtoken(&c, PASSWORD).await);
    assert!(
        matches!(&e, Error::InvalidResponse { reason, .. } if reason.contains("RESULT")),
        "{e:?}"
    );

    let e = err(c.custom_grant(0, vec![ParamValue::Text("a".into())]).await);
    assert!(
        matches!(&e, Error::Config(m) if m.contains("takes 3 input(s), not 1")),
        "{e:?}"
    );
    let e = err(c.custom_grant(1, vec![]).await);
    assert!(matches!(e, Error::Config(_)));
    assert_eq!(server.requests().len(), 2, "config errors send nothing");
}

// ---------------------------------------------------------------- API presentation

#[tokio::test]
async fn zoho_api_calls_use_the_zoho_oauthtoken_scheme_and_classify_errors() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    let token = TokenSet::bearer(ACCESS, None);
    let api = c
        .endpoint_url("api")
        .unwrap()
        .join("/crm/v8/Leads")
        .unwrap();

    server.reply(Reply::json(
        401,
        json!({"code": "INVALID_TOKEN", "details": {}, "message": "invalid oauth token", "status": "error"}),
    ));
    let e = err(c.send_api(c.http().get(api.clone()), &token).await);
    assert_eq!(provider(&e).meaning, ErrorMeaning::AccessTokenExpired);
    assert_eq!(
        provider(&e).description.as_deref(),
        Some("invalid oauth token")
    );
    let r = server.only_request();
    assert_eq!(
        r.header("authorization"),
        Some(format!("Zoho-oauthtoken {ACCESS}").as_str())
    );

    // A bare 401 at an API means the token is not accepted.
    server.reply(Reply::empty(401));
    let e = err(c.send_api(c.http().get(api.clone()), &token).await);
    assert_eq!(provider(&e).meaning, ErrorMeaning::AccessTokenInvalid);
    assert!(e.is_token_error());

    // Non-JSON success bodies are fine at an API; 404 is a plain HTTP error.
    server.reply(Reply::new(200, "text/csv", "a,b\n1,2\n"));
    let ok = c.send_api(c.http().get(api.clone()), &token).await.unwrap();
    assert_eq!(&ok.body[..], b"a,b\n1,2\n");
    server.reply(Reply::empty(404));
    assert!(matches!(
        err(c.send_api(c.http().get(api.clone()), &token).await),
        Error::Http {
            site: ErrorSite::Api,
            status: 404,
            ..
        }
    ));

    // A redirect is handed back with its Location, not followed.
    server.reply(Reply::empty(307).header("location", "https://firebase-apiserver.example/x"));
    let ok = c.send_api(c.http().get(api), &token).await.unwrap();
    assert_eq!(ok.status, 307);
    assert_eq!(
        ok.headers["location"],
        "https://firebase-apiserver.example/x"
    );

    // The header is marked sensitive.
    let req = c
        .authorize_request(c.http().get(server.origin.clone()), &token)
        .unwrap()
        .build()
        .unwrap();
    assert!(req.headers()["authorization"].is_sensitive());
}

// ---------------------------------------------------------------- malformed, slow, failing

#[tokio::test]
async fn oversized_bodies_are_refused_whether_declared_or_streamed() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    let big = vec![b' '; 2 << 20];
    server.reply(Reply::new(200, "application/json", big));
    server.reply(Reply {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: ReplyBody::Stream {
            chunks: 64,
            size: 32 * 1024,
        },
        delay: Duration::ZERO,
    });
    for _ in 0..2 {
        let e = err(c.refresh(&rt_set(REFRESH)).await);
        assert!(
            matches!(&e, Error::InvalidResponse { reason, .. } if reason.contains("larger than")),
            "{e:?}"
        );
    }
    // Exactly at the cap is fine (and then malformed for other reasons).
    server.reply(Reply::new(200, "application/json", vec![b' '; 1 << 20]));
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(
        matches!(&e, Error::InvalidResponse { reason, .. } if !reason.contains("larger")),
        "{e:?}"
    );
}

#[tokio::test]
async fn html_and_truncated_bodies_are_invalid_responses() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    server.reply(Reply::new(
        200,
        "text/html",
        format!("<html><body>Sign in again {ACCESS}</body></html>"),
    ));
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(
        matches!(&e, Error::InvalidResponse { reason, .. } if reason.contains("HTML")),
        "{e:?}"
    );

    server.reply(Reply::new(
        200,
        "application/json",
        format!(r#"{{"access_token":"{ACCESS}"#),
    ));
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(
        matches!(&e, Error::InvalidResponse { reason, .. } if reason.contains("truncated")),
        "{e:?}"
    );

    // A body cut short of its Content-Length.
    let origin = raw_server(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{\"access_token\":\"at-SENSITIVE",
    )
    .await;
    let c = Client::builder(zoho(), Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .origin_override(origin)
        .build()
        .unwrap();
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(
        matches!(&e, Error::InvalidResponse { reason, .. } if reason.contains("truncated")),
        "{e:?}"
    );
}

#[tokio::test]
async fn server_errors_rate_limits_and_redirects() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    server.reply(Reply::new(500, "text/html", "<html>oops</html>"));
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(
        matches!(
            e,
            Error::Http {
                site: ErrorSite::TokenEndpoint,
                status: 500,
                ..
            }
        ),
        "{e:?}"
    );

    server.reply(Reply::empty(429).header("retry-after", "7"));
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    let p = provider(&e);
    assert_eq!(p.meaning, ErrorMeaning::RateLimited);
    assert_eq!(p.retry_after, Some(Duration::from_secs(7)));
    assert!(e.meaning().is_some_and(ErrorMeaning::is_transient));

    server.reply(
        Reply::json(503, json!({"error": "temporarily_unavailable"})).header("retry-after", "3"),
    );
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert_eq!(provider(&e).meaning, ErrorMeaning::ServerError);
    assert_eq!(provider(&e).retry_after, Some(Duration::from_secs(3)));

    // A token request is never redirected (the secret would follow).
    let elsewhere = server.origin.join("/elsewhere").unwrap();
    server.reply(Reply::empty(302).header("location", elsewhere.as_str()));
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(matches!(e, Error::Http { status: 302, .. }), "{e:?}");
    assert!(server.requests().iter().all(|r| r.path != "/elsewhere"));
}

#[tokio::test]
async fn slow_servers_time_out() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    server.reply(Reply::json(200, zoho_tokens()).delayed(Duration::from_secs(3)));
    let started = std::time::Instant::now();
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(
        matches!(e, Error::Timeout { site: ErrorSite::TokenEndpoint, after } if after == Duration::from_millis(300)),
        "{e:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));

    // Headers on time, then a body that stalls.
    server.reply(Reply {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: ReplyBody::Stall {
            first: b"{\"access_token\":\"x\"".to_vec(),
            stall: Duration::from_secs(3),
        },
        delay: Duration::ZERO,
    });
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(matches!(e, Error::Timeout { .. }), "{e:?}");
}

#[tokio::test]
async fn unreachable_endpoints_are_transport_errors_without_the_url() {
    // A port that was just free: nothing listens there.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
    drop(listener);
    let c = Client::builder(zoho(), Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .origin_override(origin)
        .build()
        .unwrap();
    // Zoho's token URL carries the client secret in its query: the error must not show it.
    let e = err(c.refresh(&rt_set(REFRESH)).await);
    assert!(
        matches!(
            e,
            Error::Transport {
                site: ErrorSite::TokenEndpoint,
                ..
            }
        ),
        "{e:?}"
    );
    let e = err(authtoken(&c, PASSWORD).await);
    assert!(matches!(e, Error::Transport { .. }), "{e:?}");
    let shown = format!("{e:?} {e}");
    assert!(
        !shown.contains("client_secret") && !shown.contains("PASSWORD="),
        "the URL was not stripped: {shown}"
    );
}

// ---------------------------------------------------------------- device flow

#[tokio::test]
async fn device_flow_polls_through_pending_and_slow_down() {
    let server = Server::start(vec![]).await;
    let c = client(zoho(), &server).build().unwrap();
    server.reply(Reply::json(
        200,
        json!({"device_code": "dc-SENSITIVE", "user_code": "WDJB-MJHT",
               "verification_uri": "https://accounts.zoho.com/oauth/v3/device",
               "verification_uri_complete": "https://accounts.zoho.com/oauth/v3/device?code=WDJB-MJHT",
               "expires_in": 600, "interval": 1}),
    ));
    let mut device = c
        .device_authorization(&["ZohoCRM.modules.ALL".into()])
        .await
        .unwrap();
    assert_eq!(device.user_code, "WDJB-MJHT");
    assert_eq!(device.interval, Duration::from_secs(1));
    assert!(device.verification_uri_complete.is_some());
    close_to(Some(device.expires_at), 600);
    let r = server.only_request();
    assert_eq!(
        (r.method.as_str(), r.path.as_str()),
        ("POST", "/oauth/v3/device/code")
    );
    assert_eq!(r.body_text(), "scope=ZohoCRM.modules.ALL");
    assert!(r.raw_query().unwrap().starts_with("client_id="));

    device.interval = Duration::from_millis(20);
    server.reply(Reply::json(400, json!({"error": "authorization_pending"})));
    server.reply(Reply::json(400, json!({"error": "slow_down"})));
    server.reply(Reply::json(
        200,
        json!({"access_token": ACCESS, "expires_in": 3600}),
    ));
    let started = std::time::Instant::now();
    let tokens = c.poll_device_token(&device).await.unwrap();
    assert_eq!(tokens.access_token, AccessToken::new(ACCESS));
    assert!(
        started.elapsed() >= Duration::from_secs(5),
        "slow_down adds 5 s"
    );
    let polls = &server.requests()[1..];
    assert_eq!(polls.len(), 3);
    for p in polls {
        assert_eq!(p.path, "/oauth/v3/device/token");
        assert_eq!(
            p.body_text(),
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=dc-SENSITIVE"
        );
    }

    // A device code that expires before the next poll ends the loop without a request.
    device.expires_at = SystemTime::now() + Duration::from_millis(10);
    let e = err(c.poll_device_token(&device).await);
    assert_eq!(provider(&e).meaning, ErrorMeaning::CodeExpired);
    assert_eq!(server.requests().len(), 4);

    // Access denied ends it too.
    device.expires_at = SystemTime::now() + Duration::from_secs(60);
    server.reply(Reply::json(400, json!({"error": "access_denied"})));
    let e = err(c.poll_device_token(&device).await);
    assert_eq!(provider(&e).meaning, ErrorMeaning::AccessDenied);
}

// ---------------------------------------------------------------- no secret anywhere

#[tokio::test]
async fn basic_client_auth_header_is_exact() {
    // None of the seed providers uses Basic; this proves the header form on the wire.
    let server = Server::start(vec![]).await;
    let mut def = nest().clone();
    def.client_auth.method = oauth_runtime::model::ClientAuth::Basic;
    let def: &'static _ = Box::leak(Box::new(def));
    let c = client(def, &server).build().unwrap();
    server.reply(Reply::json(200, json!({"access_token": ACCESS})));
    c.exchange_pin(&AuthorizationCode::new(CODE)).await.unwrap();
    let r = server.only_request();
    let expected = format!(
        "Basic {}",
        STANDARD.encode(format!("{}:{CLIENT_SECRET}", enc(CLIENT_ID)))
    );
    assert_eq!(r.header("authorization"), Some(expected.as_str()));
    assert_eq!(
        r.body_text(),
        format!("grant_type=authorization_code&code={CODE}")
    );
}

#[tokio::test]
async fn debug_of_clients_and_tokens_shows_no_secret() {
    let server = Server::start(vec![]).await;
    let (c, pending, _) = zoho_pending(&server);
    let tokens = TokenSet {
        refresh_token: Some(RefreshToken::new(REFRESH)),
        ..TokenSet::bearer(ACCESS, None)
    };
    let shown = format!("{c:?} {pending:?} {tokens:?}");
    assert!(!shown.contains(MARK), "{shown}");
    assert!(!shown.contains(CLIENT_SECRET));
    assert!(!shown.contains(pending.state.as_ref().unwrap().secret()));
}

/// The client checks its rate limiter before it hands out an authorization (or PIN) URL:
/// past the limit the URL is a typed error with the wait, nothing is sent, and clones and
/// `with_var` copies count together; `RateLimiter::unlimited()` turns it off.
#[tokio::test]
async fn authorization_urls_are_counted_against_the_rate_limit() {
    use std::sync::Arc;

    use oauth_runtime::limits::{ManualClock, RateRule};
    use oauth_runtime::model::Counted;
    use oauth_runtime::RateLimiter;

    let server = Server::start(vec![]).await;
    let clock = Arc::new(ManualClock::new());
    let rule = |max| RateRule {
        counts: Counted::AuthorizationCodes,
        max,
        per: Duration::from_secs(60),
        block_for: Some(Duration::from_secs(600)),
        description: format!("{max} codes a minute"),
    };
    let limiter = Arc::new(RateLimiter::new(vec![rule(3)], clock.clone()));
    let c = client(zoho(), &server)
        .redirect_uri(Url::parse(REDIRECT_URI).unwrap())
        .rate_limiter(limiter.clone())
        .build()
        .unwrap();
    let params = AuthorizeParams {
        scopes: vec![(0, "ZohoCRM.modules.ALL".into())],
        extra: vec![],
    };
    c.authorize_url(&params).expect("1st");
    c.clone().authorize_url(&params).expect("2nd, from a clone");
    let (index, value) = (0, VarValue::Choice(1));
    let copy = c.with_var(index, value).unwrap();
    copy.authorize_url(&params)
        .expect("3rd, from a with_var copy");
    assert!(Arc::ptr_eq(c.rate_limiter(), &limiter));
    for refused in [&c, &copy] {
        match refused.authorize_url(&params) {
            Err(Error::LimitReached { limit, retry_after }) => {
                assert_eq!(limit, "3 codes a minute");
                assert_eq!(retry_after, Duration::from_secs(60));
            }
            other => panic!("expected LimitReached, got {other:?}"),
        }
    }
    clock.advance(Duration::from_secs(60));
    c.authorize_url(&params).expect("a minute later");
    assert!(server.requests().is_empty(), "a URL sends nothing");

    // PIN codes count the same way.
    let pin_limiter = Arc::new(RateLimiter::new(vec![rule(1)], clock.clone()));
    let n = client(nest(), &server)
        .rate_limiter(pin_limiter)
        .build()
        .unwrap();
    n.pin_url().expect("1st PIN URL");
    assert!(matches!(n.pin_url(), Err(Error::LimitReached { .. })));

    // Turned off.
    let free = client(zoho(), &server)
        .redirect_uri(Url::parse(REDIRECT_URI).unwrap())
        .rate_limiter(Arc::new(RateLimiter::unlimited()))
        .build()
        .unwrap();
    for _ in 0..10 {
        free.authorize_url(&params).expect("no limit");
    }
}
