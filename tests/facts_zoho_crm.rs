//! The Zoho CRM facts of seed-providers.md §2 (OAuth 2.0, and the retired v1 authtoken), one
//! test per fact, driven through the generated client
//! (`oauth_providers::providers::zoho_crm`) against the simulator built from the same
//! `specs/zoho_crm.yaml`.
//!
//! Where the wire matters (which parameters, which method, what the body looks like) the
//! tests read the simulator's request log (`Simulator::requests`), which holds each request
//! as received and the answer as sent. Each test's doc comment quotes the fact it proves;
//! where a fact is only documentation, a comment says which observable behaviour stands in
//! for it.

mod support;

use std::time::Duration;

use oauth_providers::providers::zoho_crm::{
    scopes, AccessType, DataCenter, ErrorCode, ZohoCRM, PROVIDER,
};
use oauth_providers::{
    scope, AuthorizationCode, Credentials, Error, ErrorMeaning, Password, PendingAuthorization,
    TokenSet,
};
use oauth_sim::{Consent, RecordedRequest, Simulator};
use serde_json::{json, Value};
use support::{browser, follow, param, provider_error};
use url::Url;

const CLIENT_ID: &str = "1000.FACTSCRM";
const CLIENT_SECRET: &str = "crm-facts-secret";
const REDIRECT: &str = "http://127.0.0.1/crm/callback";
const EMAIL: &str = "alice@example.com";
/// An application-specific password as Zoho shows it (in groups) and as it must be sent.
const APP_PASSWORD_SHOWN: &str = "abcd 1234 efgh 5678";
const APP_PASSWORD: &str = "abcd1234efgh5678";
const DISPLAY_NAME: &str = "Facts Sync";

/// The simulator for the spec, with the client and `alice@example.com` registered and
/// `alice` approving authorization requests.
fn sim() -> Simulator {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/zoho_crm.yaml");
    let sim = Simulator::from_spec_file(spec).unwrap_or_else(|e| panic!("{e}"));
    sim.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT]);
    sim.register_user(EMAIL, APP_PASSWORD);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    sim
}

/// The generated client with `id` / `secret` and `redirect`, sending everything to `origin`.
fn client_at(origin: Url, id: &str, secret: &str, redirect: &str) -> ZohoCRM {
    ZohoCRM::builder(Credentials::new(id, secret))
        .redirect_uri(redirect.parse().expect("redirect URI"))
        .origin_override(origin)
        .build()
        .expect("client builds")
}

fn client(origin: Url) -> ZohoCRM {
    client_at(origin, CLIENT_ID, CLIENT_SECRET, REDIRECT)
}

#[allow(deprecated)]
async fn authtoken(crm: &ZohoCRM, user: &str, password: &str) -> Result<TokenSet, Error> {
    crm.legacy_authtoken(user, Password::new(password), DISPLAY_NAME)
        .await
}

/// Authorizes for `ZohoCRM.modules.leads.READ` with `access`; returns what to keep and the
/// redirect's query string.
async fn authorize(crm: &ZohoCRM, access: AccessType) -> (PendingAuthorization, String) {
    let (url, pending) = crm
        .authorize()
        .scope(scope!(ZohoCRM.modules.leads.READ))
        .access_type(access)
        .url()
        .expect("authorize URL");
    let to = follow(url).await;
    (pending, to.query().unwrap_or_default().to_string())
}

async fn sign_in(crm: &ZohoCRM, access: AccessType) -> (ZohoCRM, TokenSet) {
    let (pending, query) = authorize(crm, access).await;
    crm.exchange_callback(pending, &query)
        .await
        .expect("code exchange")
}

/// The simulator's sample resource under the client's `api` endpoint (`/crm/v8`).
fn me_url(crm: &ZohoCRM) -> String {
    let api = crm.endpoint_url("api").expect("api endpoint");
    format!("{}/sim/me", api.as_str().trim_end_matches('/'))
}

/// Calls the sample resource with `tokens` through the generated client.
async fn me(crm: &ZohoCRM, tokens: &TokenSet) -> Result<Value, Error> {
    let request = crm.http().get(me_url(crm));
    let response = crm.send_api(request, tokens).await?;
    assert_eq!(response.status, 200);
    Ok(serde_json::from_slice(&response.body).expect("JSON body"))
}

/// Asserts `e` is the spec rule `code` (the provider code as the spec writes it), with its
/// meaning and the HTTP status it arrived with.
fn assert_rule(e: &Error, code: ErrorCode, meaning: ErrorMeaning, status: u16) {
    assert_eq!(ErrorCode::of(e), Some(code), "{e:?}");
    assert_eq!(code.meaning(), meaning);
    let p = provider_error(e);
    assert_eq!(
        (p.code.as_str(), p.meaning, p.status),
        (code.code(), meaning, status)
    );
}

/// The only request the simulator answered at `path`.
fn only(sim: &Simulator, path: &str) -> RecordedRequest {
    let mut at: Vec<RecordedRequest> = sim
        .requests()
        .into_iter()
        .filter(|r| r.path == path)
        .collect();
    assert_eq!(at.len(), 1, "requests to {path}: {at:#?}");
    at.remove(0)
}

fn owned(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// OAuth 2.0

/// "Register the application in the Zoho developer console. Client types: JavaScript,
/// web-based, mobile, non-browser mobile applications, self client. Registration asks for
/// the application name, homepage URL and an authorized redirect URI; it returns the client
/// ID and client secret."
///
/// The client type, name and homepage are console choices with no protocol effect. Chosen
/// observable: what registration binds together (`register_client`: client id, client
/// secret, authorized redirect URI) is what the provider enforces. A registered web-based
/// client completes the flow; an unregistered client id is refused at the authorize endpoint
/// and with the typed `invalid_client` at the token endpoint; a redirect URI other than the
/// authorized one gets no code.
#[tokio::test]
async fn registration_binds_the_client_id_secret_and_authorized_redirect_uri() {
    let sim = sim();
    let crm = client(sim.origin());
    let (crm, tokens) = sign_in(&crm, AccessType::Offline).await;
    assert_eq!(me(&crm, &tokens).await.expect("API call")["user"], "alice");

    let stranger = client_at(sim.origin(), "1000.NEVERREGISTERED", "x", REDIRECT);
    let (url, pending) = stranger
        .authorize()
        .scope(scopes::users::READ)
        .url()
        .expect("authorize URL");
    let resp = browser().get(url).send().await.expect("authorize");
    assert_eq!(resp.status(), 401);
    let body: Value = resp.json().await.expect("JSON error");
    assert_eq!(
        body,
        json!({"error": "invalid_client", "error_description": "no client for that client id"})
    );
    let err = stranger
        .exchange_code(&pending, &AuthorizationCode::new("any-code"))
        .await
        .unwrap_err();
    assert_rule(
        &err,
        ErrorCode::InvalidClient,
        ErrorMeaning::ClientInvalid,
        200,
    );

    let elsewhere = client_at(
        sim.origin(),
        CLIENT_ID,
        CLIENT_SECRET,
        "http://127.0.0.1/not-authorized",
    );
    let (url, _) = elsewhere
        .authorize()
        .scope(scopes::users::READ)
        .url()
        .expect("authorize URL");
    let resp = browser().get(url).send().await.expect("authorize");
    assert_eq!(resp.status(), 400);
    assert!(resp.headers().get(reqwest::header::LOCATION).is_none());
    assert_eq!(sim.stats().codes_issued, 1);
}

/// "The authorization request needs `scope` and `access_type` (use `offline` to get a
/// refresh token). It returns a grant token (the code)."
#[tokio::test]
async fn authorization_needs_scope_and_access_type_and_returns_a_grant_code() {
    let sim = sim();
    let crm = client(sim.origin());
    let (url, _) = crm
        .authorize()
        .scope(scope!(ZohoCRM.modules.leads.READ))
        .scope(scopes::users::READ)
        .access_type(AccessType::Offline)
        .url()
        .expect("authorize URL");
    assert_eq!(
        param(&url, "scope").as_deref(),
        Some("ZohoCRM.modules.leads.READ,ZohoCRM.users.READ")
    );
    assert_eq!(param(&url, "access_type").as_deref(), Some("offline"));
    let to = follow(url).await;
    assert!(param(&to, "code").is_some_and(|c| !c.is_empty()));

    // No scope: the client refuses to build the request, and the provider refuses one sent
    // without it (the redirect carries an error, not a code).
    assert!(matches!(crm.authorize().url(), Err(Error::Config(_))));
    let (url, pending) = crm
        .authorize()
        .scope(scopes::users::READ)
        .url()
        .expect("authorize URL");
    let mut bare = url.clone();
    bare.query_pairs_mut()
        .clear()
        .extend_pairs(url.query_pairs().filter(|(k, _)| k != "scope"));
    let to = follow(bare).await;
    assert_eq!(param(&to, "code"), None);
    let err = crm
        .exchange_callback(pending, to.query().unwrap_or_default())
        .await
        .unwrap_err();
    let p = provider_error(&err);
    assert_eq!(
        (p.code.as_str(), p.meaning, p.status),
        ("invalid_scope", ErrorMeaning::InsufficientScope, 0)
    );

    // `access_type`: offline adds a refresh token; online does not.
    let (crm, offline) = sign_in(&crm, AccessType::Offline).await;
    assert!(offline.refresh_token.is_some());
    let (_, online) = sign_in(&crm, AccessType::Online).await;
    assert!(online.refresh_token.is_none());
    assert_eq!(me(&crm, &online).await.expect("API call")["user"], "alice");
    let stats = sim.stats();
    assert_eq!((stats.codes_issued, stats.refresh_tokens_issued), (3, 1));
}

/// "Exchange: **POST** `{ACCOUNTS_URL}/oauth/v2/token` with `client_id`, `client_secret`,
/// `code` (the grant token), `redirect_uri` and `grant_type=authorization_code`. Success
/// returns access and refresh tokens."
#[tokio::test]
async fn code_exchange_posts_exactly_the_five_parameters_to_accounts_token() {
    let plain = ZohoCRM::new(Credentials::new(CLIENT_ID, CLIENT_SECRET)).expect("client");
    assert_eq!(
        plain.endpoint_url("token").expect("token").as_str(),
        "https://accounts.zoho.com/oauth/v2/token"
    );

    let sim = sim();
    let crm = client(sim.origin());
    let (pending, query) = authorize(&crm, AccessType::Offline).await;
    let code = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .expect("code");
    let (crm, tokens) = crm
        .exchange_callback(pending, &query)
        .await
        .expect("exchange");

    let seen = only(&sim, "/oauth/v2/token");
    assert_eq!((seen.method.as_str(), seen.status), ("POST", 200));
    let mut sent = seen.query.clone();
    sent.extend(seen.form.iter().cloned());
    sent.sort();
    assert_eq!(
        sent,
        owned(&[
            ("client_id", CLIENT_ID),
            ("client_secret", CLIENT_SECRET),
            ("code", &code),
            ("grant_type", "authorization_code"),
            ("redirect_uri", REDIRECT),
        ])
    );
    assert!(tokens.refresh_token.is_some());
    assert_eq!(me(&crm, &tokens).await.expect("API call")["user"], "alice");
}

/// "`{ACCOUNTS_URL}` depends on the account's data centre (accounts.zoho.com,
/// accounts.zoho.eu, accounts.zoho.in, ...): see provider-facts.md."
///
/// The data centre chosen when building the client picks the accounts server (no override);
/// the redirect's `location` / `accounts-server` switch the client to the user's data
/// centre, and a host the spec does not declare is refused before any token request.
#[tokio::test]
async fn the_data_centre_picks_the_accounts_server() {
    let expected = [
        (
            DataCenter::Us,
            "https://accounts.zoho.com",
            "https://www.zohoapis.com",
        ),
        (
            DataCenter::Eu,
            "https://accounts.zoho.eu",
            "https://www.zohoapis.eu",
        ),
        (
            DataCenter::In,
            "https://accounts.zoho.in",
            "https://www.zohoapis.in",
        ),
        (
            DataCenter::Au,
            "https://accounts.zoho.com.au",
            "https://www.zohoapis.com.au",
        ),
        (
            DataCenter::Jp,
            "https://accounts.zoho.jp",
            "https://www.zohoapis.jp",
        ),
        (
            DataCenter::Ca,
            "https://accounts.zohocloud.ca",
            "https://www.zohoapis.ca",
        ),
        (
            DataCenter::Sa,
            "https://accounts.zoho.sa",
            "https://www.zohoapis.sa",
        ),
        (
            DataCenter::Uk,
            "https://accounts.zoho.uk",
            "https://www.zohoapis.uk",
        ),
        (
            DataCenter::Cn,
            "https://accounts.zoho.com.cn",
            "https://www.zohoapis.com.cn",
        ),
    ];
    assert_eq!(expected.len(), DataCenter::ALL.len());
    for (dc, accounts, api) in expected {
        let crm = ZohoCRM::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
            .data_center(dc)
            .build()
            .expect("client");
        let url = |name: &str| crm.endpoint_url(name).expect(name).to_string();
        assert_eq!(url("token"), format!("{accounts}/oauth/v2/token"), "{dc:?}");
        assert_eq!(
            url("authorize"),
            format!("{accounts}/oauth/v2/auth"),
            "{dc:?}"
        );
        assert_eq!(url("api"), format!("{api}/crm/v8"), "{dc:?}");
    }

    // The redirect names the user's data centre (the simulator says `us`; an EU user's
    // redirect says `eu`).
    let sim = sim();
    let crm = client(sim.origin());
    let with = |query: &str, location: &str, server: &str| -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            let v = match k.as_ref() {
                "location" => location.to_string(),
                "accounts-server" => server.to_string(),
                _ => v.into_owned(),
            };
            out.append_pair(&k, &v);
        }
        out.finish()
    };
    let (pending, query) = authorize(&crm, AccessType::Offline).await;
    assert_eq!(
        url::form_urlencoded::parse(query.as_bytes())
            .filter(|(k, _)| k == "location" || k == "accounts-server")
            .count(),
        2,
        "{query}"
    );
    let eu = with(&query, "eu", "https://accounts.zoho.eu");
    let (switched, tokens) = crm.exchange_callback(pending, &eu).await.expect("exchange");
    assert_eq!(switched.data_center(), DataCenter::ALL[1]);
    assert_eq!(crm.data_center(), DataCenter::ALL[0]);
    assert!(tokens.refresh_token.is_some());

    let (pending, query) = authorize(&crm, AccessType::Offline).await;
    let forged = with(&query, "eu", "https://accounts.zoho.example");
    assert!(matches!(
        crm.exchange_callback(pending, &forged).await,
        Err(Error::Config(_))
    ));
    assert_eq!(
        sim.stats().token_requests.get("authorization_code"),
        Some(&1),
        "no token request for an undeclared accounts server"
    );
}

// ---------------------------------------------------------------------------------------------
// The legacy v1 authtoken

/// "Generate: **POST**
/// `https://accounts.zoho.com/apiauthtoken/nb/create?SCOPE=ZohoCRM/crmapi&EMAIL_ID=<user>&PASSWORD=<application-specific password>&DISPLAY_NAME=<application name>`."
#[tokio::test]
async fn legacy_authtoken_is_created_with_a_post_to_apiauthtoken_nb_create() {
    let grant = PROVIDER
        .custom_grant("legacy_authtoken")
        .expect("legacy_authtoken grant");
    let retired = grant.deprecated.as_ref().expect("deprecated");
    assert_eq!(retired.since.as_ref(), "2018-12-31");
    let plain = ZohoCRM::new(Credentials::new(CLIENT_ID, CLIENT_SECRET)).expect("client");
    assert_eq!(
        plain
            .endpoint_url("legacy_authtoken")
            .expect("endpoint")
            .as_str(),
        "https://accounts.zoho.com/apiauthtoken/nb/create"
    );

    let sim = sim();
    let crm = client(sim.origin());
    let tokens = authtoken(&crm, EMAIL, APP_PASSWORD)
        .await
        .expect("authtoken");
    let seen = only(&sim, "/apiauthtoken/nb/create");
    assert_eq!((seen.method.as_str(), seen.status), ("POST", 200));
    assert_eq!(
        seen.query,
        owned(&[
            ("SCOPE", "ZohoCRM/crmapi"),
            ("EMAIL_ID", EMAIL),
            ("PASSWORD", APP_PASSWORD),
            ("DISPLAY_NAME", DISPLAY_NAME),
        ])
    );
    assert_eq!(seen.form, owned(&[]), "everything is in the query");
    assert_eq!(seen.authorization, None);
    assert_eq!(tokens.issued_by.as_deref(), Some("legacy_authtoken"));
    assert_eq!(sim.stats().token_requests.get("legacy_authtoken"), Some(&1));
}

/// "Parameters: `EMAIL_ID` (user name or e-mail), `SCOPE` (`ZohoCRM/crmapi`), `PASSWORD`
/// (an application-specific password, spaces removed), `DISPLAY_NAME`."
///
/// The runtime sends the password as given: removing the spaces Zoho shows is the caller's
/// job, and the provider refuses the spaced form with the typed `INVALID_PASSWORD`.
#[tokio::test]
async fn legacy_authtoken_takes_a_user_and_an_application_password_without_spaces() {
    let sim = sim();
    sim.register_user("alice", APP_PASSWORD);
    let crm = client(sim.origin());

    let by_email = authtoken(&crm, EMAIL, APP_PASSWORD).await.expect("e-mail");
    assert_eq!(me(&crm, &by_email).await.expect("API call")["user"], EMAIL);
    let by_name = authtoken(&crm, "alice", APP_PASSWORD)
        .await
        .expect("user name");
    assert_eq!(me(&crm, &by_name).await.expect("API call")["user"], "alice");

    let err = authtoken(&crm, EMAIL, APP_PASSWORD_SHOWN)
        .await
        .unwrap_err();
    assert_rule(
        &err,
        ErrorCode::InvalidPassword,
        ErrorMeaning::AccessDenied,
        200,
    );
    let err = authtoken(&crm, "nobody@example.com", APP_PASSWORD)
        .await
        .unwrap_err();
    assert_rule(&err, ErrorCode::NoSuchUser, ErrorMeaning::AccessDenied, 200);
    assert_eq!(sim.stats().token_requests.get("legacy_authtoken"), Some(&4));
    assert_eq!(sim.stats().access_tokens_issued, 2);
}

/// "The response is **not JSON**: it is Java-properties text, comment lines first:
/// `#`, `#Wed Feb 29 03:07:33 PST 2012`, `AUTHTOKEN=bad18eba1ff45jk7858b8ae88a77fa30`,
/// `RESULT=TRUE`."
#[tokio::test]
async fn legacy_authtoken_answer_is_java_properties_text_read_into_a_token() {
    let sim = sim();
    let crm = client(sim.origin());
    let tokens = authtoken(&crm, EMAIL, APP_PASSWORD)
        .await
        .expect("authtoken");

    let seen = only(&sim, "/apiauthtoken/nb/create");
    assert!(serde_json::from_str::<Value>(&seen.body).is_err());
    let lines: Vec<&str> = seen.body.lines().collect();
    assert_eq!(lines.len(), 4, "{}", seen.body);
    assert_eq!(lines[0], "#");
    // `#Wed Feb 29 03:07:33 PST 2012`: a comment with a Java date.
    let date: Vec<&str> = lines[1].trim_start_matches('#').split(' ').collect();
    assert!(lines[1].starts_with('#') && date.len() == 6, "{}", lines[1]);
    let token = lines[2].strip_prefix("AUTHTOKEN=").expect("AUTHTOKEN line");
    assert_eq!(lines[3], "RESULT=TRUE");

    assert_eq!(tokens.access_token.secret(), token);
    assert_eq!(tokens.refresh_token, None);
    assert_eq!(tokens.expires_at, None);
    assert_eq!(tokens.issued_by.as_deref(), Some("legacy_authtoken"));
}

/// "An unconfirmed account fails with `ACCOUNT_REGISTRATION_NOT_CONFIRMED` (on failure the
/// body carries `RESULT=FALSE` and a `CAUSE=` line)."
#[tokio::test]
async fn unconfirmed_account_fails_with_account_registration_not_confirmed() {
    let sim = sim();
    sim.set_user_confirmed(EMAIL, false);
    let crm = client(sim.origin());

    let err = authtoken(&crm, EMAIL, APP_PASSWORD).await.unwrap_err();
    let seen = only(&sim, "/apiauthtoken/nb/create");
    assert!(
        seen.body
            .ends_with("\nCAUSE=ACCOUNT_REGISTRATION_NOT_CONFIRMED\nRESULT=FALSE\n"),
        "{}",
        seen.body
    );
    assert!(!seen.body.contains("AUTHTOKEN="), "{}", seen.body);
    assert_rule(
        &err,
        ErrorCode::AccountRegistrationNotConfirmed,
        ErrorMeaning::AccessDenied,
        200,
    );
    assert_eq!(sim.stats().access_tokens_issued, 0);

    // Once the registration is confirmed, the same request succeeds.
    sim.set_user_confirmed(EMAIL, true);
    let tokens = authtoken(&crm, EMAIL, APP_PASSWORD)
        .await
        .expect("confirmed");
    assert_eq!(me(&crm, &tokens).await.expect("API call")["user"], EMAIL);
}

/// "Use: as query parameters, `...?authtoken=<token>&scope=crmapi`."
#[tokio::test]
async fn authtoken_is_sent_as_authtoken_and_scope_crmapi_query_parameters() {
    let sim = sim();
    let crm = client(sim.origin());
    let tokens = authtoken(&crm, EMAIL, APP_PASSWORD)
        .await
        .expect("authtoken");
    assert_eq!(me(&crm, &tokens).await.expect("API call")["user"], EMAIL);

    let seen = only(&sim, "/crm/v8/sim/me");
    assert_eq!((seen.method.as_str(), seen.status), ("GET", 200));
    assert_eq!(
        seen.query,
        owned(&[
            ("authtoken", tokens.access_token.secret()),
            ("scope", "crmapi"),
        ])
    );
    assert_eq!(seen.authorization, None, "no header for an authtoken");

    // The same token presented like an OAuth token (header) is not accepted.
    let mut as_oauth = tokens.clone();
    as_oauth.issued_by = None;
    let err = me(&crm, &as_oauth).await.unwrap_err();
    assert_rule(
        &err,
        ErrorCode::E4834,
        ErrorMeaning::AccessTokenInvalid,
        200,
    );
    assert!(err.is_token_error());
    let seen: Vec<RecordedRequest> = sim
        .requests()
        .into_iter()
        .filter(|s| s.path == "/crm/v8/sim/me")
        .collect();
    assert_eq!(
        seen[1].authorization.as_deref(),
        Some(format!("Zoho-oauthtoken {}", tokens.access_token.secret()).as_str())
    );
    assert_eq!(seen[1].query, owned(&[]));
}

/// "The authtoken is permanent and user-specific; existing tokens cannot be viewed again; it
/// is revoked from the accounts page; a deactivated user's tokens stop working."
///
/// "Cannot be viewed again" is about the accounts page; the observable part is that asking
/// again never hands back an existing token but makes a new one. "Revoked from the accounts
/// page" is stood in for by the client's `revoke` (the simulator has no accounts page), and
/// deactivation by `Simulator::deactivate_user`.
#[tokio::test]
async fn authtoken_is_permanent_user_specific_revocable_and_dies_with_its_user() {
    let sim = sim();
    sim.register_user("bob@example.com", "bobapppassword00");
    let crm = client(sim.origin());
    let alice = authtoken(&crm, EMAIL, APP_PASSWORD).await.expect("alice");
    let again = authtoken(&crm, EMAIL, APP_PASSWORD).await.expect("again");
    let bob = authtoken(&crm, "bob@example.com", "bobapppassword00")
        .await
        .expect("bob");
    assert_ne!(alice.access_token, again.access_token, "never handed back");
    assert_ne!(alice.access_token, bob.access_token);
    assert_eq!(alice.expires_at, None);

    // Ten years on the simulator's clock.
    sim.clock()
        .advance(Duration::from_secs(10 * 365 * 24 * 3600));
    assert_eq!(me(&crm, &alice).await.expect("alice")["user"], EMAIL);
    assert_eq!(me(&crm, &again).await.expect("again")["user"], EMAIL);
    assert_eq!(
        me(&crm, &bob).await.expect("bob")["user"],
        "bob@example.com"
    );

    crm.revoke(&alice).await.expect("revoke");
    assert_eq!(sim.stats().revocations, 1);
    let err = me(&crm, &alice).await.unwrap_err();
    assert_rule(
        &err,
        ErrorCode::E4834,
        ErrorMeaning::AccessTokenInvalid,
        200,
    );
    assert_eq!(
        me(&crm, &again).await.expect("the other one")["user"],
        EMAIL
    );

    assert_eq!(sim.deactivate_user("bob@example.com"), 1);
    let err = me(&crm, &bob).await.unwrap_err();
    assert_rule(
        &err,
        ErrorCode::E4834,
        ErrorMeaning::AccessTokenInvalid,
        200,
    );
    assert_eq!(
        me(&crm, &again).await.expect("alice is active")["user"],
        EMAIL
    );
}
