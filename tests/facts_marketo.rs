//! Marketo's documented facts (the vendor pages cited in `specs/marketo.yaml`, chiefly
//! <https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication>), one test each,
//! proven through the generated `Marketo` client and the runtime's `TokenSource` /
//! `AuthorizedClient` against the simulator built from the same `specs/marketo.yaml`.
//!
//! The simulator's clock is Marketo's; the runtime's clock is the real one. A test that needs
//! the runtime to see time pass (renewal ahead of expiry) lets Marketo hand back a token with
//! one second left and waits for it in real time.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use oauth_providers::providers::marketo::{ErrorCode, Marketo};
use oauth_providers::{
    AuthorizedClient, Credentials, Error, ErrorMeaning, MemoryStore, TokenSet, TokenSource,
    TokenStore,
};
use oauth_sim::{RecordedRequest, Simulator};
use serde_json::Value;

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/marketo.yaml");
const MUNCHKIN: &str = "284-RPR-133";

fn simulator() -> Simulator {
    Simulator::from_spec_file(SPEC).expect("specs/marketo.yaml loads")
}

/// Registers a custom service with the simulator and returns a generated client for it.
fn service(sim: &Simulator, client_id: &str, secret: &str) -> Marketo {
    sim.register_client(client_id, secret, Vec::<String>::new());
    Marketo::builder(Credentials::new(client_id, secret), MUNCHKIN)
        .origin_override(sim.origin())
        .build()
        .expect("client builds")
}

/// The simulator's sample REST resource, through the client's API base.
fn me_url(mkto: &Marketo) -> String {
    let base = mkto.endpoint_url("api").expect("api endpoint");
    format!("{}/sim/me", base.as_str().trim_end_matches('/'))
}

/// One API call with `tokens`, errors classified by the spec.
async fn call(mkto: &Marketo, tokens: &TokenSet) -> Result<Value, Error> {
    let request = mkto.http().get(me_url(mkto));
    let response = mkto.send_api(request, tokens).await?;
    Ok(serde_json::from_slice(&response.body).expect("the sample API answers JSON"))
}

/// A client that gets its tokens from the identity endpoint and renews and retries on 601/602.
fn authorized(mkto: &Marketo, source: TokenSource) -> AuthorizedClient {
    mkto.authorized(source)
}

/// A client-credentials token source for `mkto`, keyed by its client id and `subject`.
fn source(mkto: &Marketo, subject: &str) -> TokenSource {
    mkto.client_credentials_source(subject).build()
}

async fn send(api: &AuthorizedClient, url: &str) -> Result<Value, Error> {
    let response = api.send(|http| http.get(url)).await?;
    Ok(serde_json::from_slice(&response.body).expect("the sample API answers JSON"))
}

/// Whole seconds left on `tokens` (rounded: the few milliseconds a test takes do not count).
fn secs_left(tokens: &TokenSet) -> u64 {
    let left = tokens
        .remaining(SystemTime::now())
        .expect("Marketo tokens expire");
    left.as_secs_f64().round() as u64
}

/// The requests the simulator answered at endpoint `name`, oldest first.
fn requests_to(sim: &Simulator, name: &str) -> Vec<RecordedRequest> {
    sim.requests()
        .into_iter()
        .filter(|r| r.endpoint.as_deref() == Some(name))
        .collect()
}

fn body_of(r: &RecordedRequest) -> Value {
    serde_json::from_str(&r.body).expect("a JSON body")
}

fn identity_calls(sim: &Simulator) -> u64 {
    sim.stats()
        .token_requests
        .get("client_credentials")
        .copied()
        .unwrap_or(0)
}

fn code_of(e: &Error) -> Option<ErrorCode> {
    ErrorCode::of(e)
}

/// "Client ID and client secret belong to a "custom service" owned by an API-only user. An
/// access token belongs to exactly one custom service."
#[tokio::test]
async fn an_access_token_belongs_to_exactly_one_custom_service() {
    let sim = simulator();
    let a = service(&sim, "svc-a", "secret-a");
    let b = service(&sim, "svc-b", "secret-b");
    let ta = a.client_credentials().await.expect("token for svc-a");
    let tb = b.client_credentials().await.expect("token for svc-b");
    assert_ne!(ta.access_token.secret(), tb.access_token.secret());
    // The API knows which service a token belongs to, whichever client presents it.
    assert_eq!(
        call(&a, &ta).await.expect("svc-a's call")["client_id"],
        "svc-a"
    );
    assert_eq!(
        call(&a, &tb).await.expect("svc-b's token")["client_id"],
        "svc-b"
    );
    // A secret belongs to its service only.
    sim.register_client("svc-c", "secret-c", Vec::<String>::new());
    let borrowed = Marketo::builder(Credentials::new("svc-c", "secret-a"), MUNCHKIN)
        .origin_override(sim.origin())
        .build()
        .expect("client builds");
    let e = borrowed
        .client_credentials()
        .await
        .expect_err("another service's secret");
    assert_eq!(code_of(&e), Some(ErrorCode::InvalidClient), "{e}");
    assert_eq!(e.provider().map(|p| p.status), Some(401));
    assert_eq!(sim.stats().access_tokens_issued, 2);
}

/// "Tokens of different services expire independently."
#[tokio::test]
async fn tokens_of_different_services_expire_independently() {
    let sim = simulator();
    let a = service(&sim, "svc-a", "secret-a");
    let b = service(&sim, "svc-b", "secret-b");
    let ta = a.client_credentials().await.expect("token for svc-a");
    sim.clock().advance(Duration::from_secs(1800));
    let tb = b.client_credentials().await.expect("token for svc-b");
    assert_eq!(secs_left(&tb), 3600);
    sim.clock().advance(Duration::from_secs(1800));

    let e = call(&a, &ta)
        .await
        .expect_err("svc-a's token is an hour old");
    assert_eq!(code_of(&e), Some(ErrorCode::E602), "{e}");
    assert_eq!(
        call(&b, &tb).await.expect("svc-b's is not")["client_id"],
        "svc-b"
    );

    let renewed_a = a.client_credentials().await.expect("new token for svc-a");
    assert_ne!(renewed_a.access_token.secret(), ta.access_token.secret());
    assert_eq!(secs_left(&renewed_a), 3600);
    let same_b = b.client_credentials().await.expect("svc-b's token again");
    assert_eq!(same_b.access_token.secret(), tb.access_token.secret());
    assert_eq!(secs_left(&same_b), 1800);
}

/// "... so the client ID is the natural cache key."
#[tokio::test]
async fn the_client_id_is_the_natural_cache_key() {
    let sim = simulator();
    let a = service(&sim, "svc-a", "secret-a");
    let b = service(&sim, "svc-b", "secret-b");
    let store = Arc::new(MemoryStore::new());
    let shared = |mkto: &Marketo| {
        mkto.client_credentials_source("reports")
            .store(store.clone())
            .build()
    };
    let (sa, sb) = (shared(&a), shared(&b));
    // provider : issuer (one per instance) : client id : subject
    let (ka, kb) = (sa.key().to_string(), sb.key().to_string());
    assert!(
        ka.starts_with("Marketo:") && ka.ends_with(":svc-a:reports"),
        "{ka}"
    );
    assert!(
        kb.starts_with("Marketo:") && kb.ends_with(":svc-b:reports"),
        "{kb}"
    );
    assert_eq!(
        ka.split(':').nth(1),
        kb.split(':').nth(1),
        "one instance, one issuer"
    );
    let ta = sa.token().await.expect("svc-a's token");
    let tb = sb.token().await.expect("svc-b's token");
    assert_ne!(ta.access_token.secret(), tb.access_token.secret());
    let stored_a = store.load(sa.key()).await.expect("load").expect("stored");
    let stored_b = store.load(sb.key()).await.expect("load").expect("stored");
    assert_eq!(stored_a.access_token.secret(), ta.access_token.secret());
    assert_eq!(stored_b.access_token.secret(), tb.access_token.secret());
    // Another source for the same client id (another worker, same store) finds the cached
    // token and does not call the identity endpoint.
    let again = shared(&a).token().await.expect("cached");
    assert_eq!(again.access_token.secret(), ta.access_token.secret());
    assert_eq!(identity_calls(&sim), 2);
}

/// "The identity URL is per instance (Admin > Web Services)."
#[tokio::test]
async fn the_identity_url_is_per_instance() {
    let url_for = |munchkin: &str| {
        Marketo::new(Credentials::new("svc", "secret"), munchkin)
            .and_then(|m| m.endpoint_url("token"))
            .map(|u| u.to_string())
    };
    assert_eq!(
        url_for("284-RPR-133").expect("valid Munchkin id"),
        "https://284-rpr-133.mktorest.com/identity/oauth/token"
    );
    assert_eq!(
        url_for("123-ABC-456").expect("valid Munchkin id"),
        "https://123-abc-456.mktorest.com/identity/oauth/token"
    );
    let e = url_for("acme").expect_err("not a Munchkin id");
    assert!(matches!(e, Error::Config(_)), "{e}");
    // The instance's identity path is what reaches the (overridden) host.
    let sim = simulator();
    service(&sim, "svc", "secret")
        .client_credentials()
        .await
        .expect("token");
    let [identity] = &requests_to(&sim, "token")[..] else {
        panic!("one identity call expected");
    };
    assert_eq!(identity.path, "/identity/oauth/token");
}

/// "Get a token with **GET (or POST)**
/// `<Identity URL>/oauth/token?grant_type=client_credentials&client_id=<id>&client_secret=<secret>`."
///
/// The spec names one method per endpoint, so the client uses GET and the simulator serves
/// GET; the POST alternative is not expressible (a spec format gap) and not tested.
#[tokio::test]
async fn a_token_is_a_get_with_grant_type_and_credentials_in_the_query() {
    let sim = simulator();
    let mkto = service(&sim, "svc", "s3cret");
    mkto.client_credentials().await.expect("token");
    let [identity] = &requests_to(&sim, "token")[..] else {
        panic!("one identity call expected");
    };
    assert_eq!(identity.method, "GET");
    assert_eq!(identity.path, "/identity/oauth/token");
    let query: Vec<(&str, &str)> = identity
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        query,
        [
            ("grant_type", "client_credentials"),
            ("client_id", "svc"),
            ("client_secret", "s3cret"),
        ]
    );
    assert!(identity.form.is_empty(), "{:?}", identity.form);
    assert_eq!(identity.authorization, None);
    assert_eq!(identity.status, 200);
}

/// "`expires_in` is the **remaining** lifetime in seconds; a new token lives 3600 s."
#[tokio::test]
async fn expires_in_is_the_remaining_lifetime_and_a_new_token_lives_3600_seconds() {
    let sim = simulator();
    let mkto = service(&sim, "svc", "secret");
    let fresh = mkto.client_credentials().await.expect("token");
    assert_eq!(secs_left(&fresh), 3600);
    assert_eq!(fresh.token_type.as_deref(), Some("Bearer"));
    assert!(fresh.refresh_token.is_none());
    sim.clock().advance(Duration::from_secs(1));
    let later = mkto.client_credentials().await.expect("token");
    assert_eq!(secs_left(&later), 3599);
    let bodies: Vec<Value> = requests_to(&sim, "token").iter().map(body_of).collect();
    let expected = |expires_in: u64| {
        serde_json::json!({
            "access_token": fresh.access_token.secret(),
            "token_type": "Bearer",
            "expires_in": expires_in,
        })
    };
    assert_eq!(bodies, [expected(3600), expected(3599)]);
}

/// "`scope` is the owner of the custom service, not an OAuth scope."
#[tokio::test]
async fn scope_is_the_owner_of_the_custom_service_not_an_oauth_scope() {
    let sim = simulator();
    let mkto = service(&sim, "svc", "secret");
    sim.set_client_owner("svc", "apis@acmeinc.com");
    let tokens = mkto.client_credentials().await.expect("token");
    // Kept verbatim (one "scope": the owner's address), though none was asked for.
    assert_eq!(
        tokens.scopes.as_deref(),
        Some(&["apis@acmeinc.com".to_string()][..])
    );
    let [identity] = &requests_to(&sim, "token")[..] else {
        panic!("one identity call expected");
    };
    assert_eq!(identity.query_value("scope"), None);
    assert_eq!(body_of(identity)["scope"], "apis@acmeinc.com");
}

/// "Calling the identity endpoint **before** the token expires returns **the same token**
/// with its remaining lifetime."
#[tokio::test]
async fn the_identity_endpoint_returns_the_same_token_before_expiry() {
    let sim = simulator();
    let mkto = service(&sim, "svc", "secret");
    // Two processes, each with its own cache, ask for the same service's token.
    let first = source(&mkto, "worker-1");
    let second = source(&mkto, "worker-2");
    let t1 = first.token().await.expect("token");
    sim.clock().advance(Duration::from_secs(1200));
    let t2 = second.token().await.expect("token");
    assert_eq!(t2.access_token.secret(), t1.access_token.secret());
    assert_eq!(secs_left(&t1), 3600);
    assert_eq!(secs_left(&t2), 2400);
    assert_eq!(identity_calls(&sim), 2);
    assert_eq!(sim.stats().access_tokens_issued, 1);
    // At expiry, a new one.
    sim.clock().advance(Duration::from_secs(2400));
    let t3 = mkto.client_credentials().await.expect("token");
    assert_ne!(t3.access_token.secret(), t1.access_token.secret());
    assert_eq!(sim.stats().access_tokens_issued, 2);
}

/// "Send the token as `Authorization: Bearer <token>`. Passing it as the `access_token` query
/// parameter stopped being supported on 2025-06-30."
#[tokio::test]
async fn the_token_goes_in_a_bearer_header_and_not_in_the_query() {
    let sim = simulator();
    let mkto = service(&sim, "svc", "secret");
    let tokens = mkto.client_credentials().await.expect("token");
    let body = call(&mkto, &tokens).await.expect("API call");
    assert_eq!(body["client_id"], "svc");
    let [api] = &requests_to(&sim, "api")[..] else {
        panic!("one API call expected");
    };
    let bearer = format!("Bearer {}", tokens.access_token.secret());
    assert_eq!(api.authorization.as_deref(), Some(bearer.as_str()));
    assert_eq!(api.query_value("access_token"), None);

    // The retired form: the token in the query is no token at all.
    let retired = mkto
        .http()
        .get(me_url(&mkto))
        .query(&[("access_token", tokens.access_token.secret())])
        .send()
        .await
        .expect("request");
    assert_eq!(retired.status(), 200);
    let body: Value = retired.json().await.expect("JSON");
    assert_eq!(body["success"], false);
    assert_eq!(body["errors"][0]["code"], "601", "{body}");
}

/// "Check the remaining lifetime before each call and renew ahead of expiry."
#[tokio::test]
async fn the_remaining_lifetime_is_checked_before_each_call_and_the_token_renewed_ahead_of_expiry()
{
    let sim = simulator();
    let mkto = service(&sim, "svc", "secret");
    let url = me_url(&mkto);
    // A token minted (elsewhere) an hour minus two seconds ago: Marketo hands it back with two
    // seconds left.
    let old = mkto.client_credentials().await.expect("token");
    sim.clock().advance(Duration::from_secs(3598));
    let api = authorized(&mkto, source(&mkto, "reports"));
    send(&api, &url).await.expect("first call");
    let t1 = api.source().cached().expect("a cached token");
    assert_eq!(t1.access_token.secret(), old.access_token.secret());
    assert_eq!(secs_left(&t1), 2);
    let expires_at = t1.expires_at.expect("expires");

    // Half a second past the renewal point (one second before expiry: the 60 s skew is capped
    // at half the remaining life), half a second before expiry by the client's clock.
    let wake = expires_at - Duration::from_millis(500);
    let nap = wake
        .duration_since(SystemTime::now())
        .unwrap_or(Duration::ZERO);
    tokio::time::sleep(nap).await;
    sim.clock().advance(Duration::from_secs(2));
    let checked_at = SystemTime::now();
    assert!(
        checked_at < expires_at,
        "the test was too slow to prove anything"
    );
    send(&api, &url).await.expect("second call");
    let t2 = api.source().cached().expect("a cached token");
    assert_ne!(t2.access_token.secret(), t1.access_token.secret());
    assert_eq!(secs_left(&t2), 3600);
    assert_eq!(api.source().minted(), 2);
    // Renewed before the call: no call was answered 602 and retried.
    let api_calls = requests_to(&sim, "api");
    assert_eq!(api_calls.len(), 2);
    assert!(api_calls.iter().all(|r| body_of(r)["user"] == "svc"));
    assert_eq!(identity_calls(&sim), 3);
}

/// "REST error **602** in the response body: token expired. ... On either, get a new token
/// from the identity endpoint."
#[tokio::test]
async fn error_602_means_the_token_expired_and_a_new_one_is_fetched_once_and_the_call_retried_once()
{
    let sim = simulator();
    let mkto = service(&sim, "svc", "secret");
    let url = me_url(&mkto);
    let api = authorized(&mkto, source(&mkto, "reports"));
    send(&api, &url).await.expect("first call");
    let t1 = api.source().cached().expect("a cached token");
    // An hour later by Marketo's clock; the client's clock still gives the token an hour.
    sim.clock().advance(Duration::from_secs(3600));
    let e = call(&mkto, &t1).await.expect_err("expired at Marketo");
    assert_eq!(code_of(&e), Some(ErrorCode::E602), "{e}");
    assert_eq!(e.meaning(), Some(ErrorMeaning::AccessTokenExpired));
    assert_eq!(e.provider().map(|p| p.status), Some(200));

    let body = send(&api, &url).await.expect("renewed and retried");
    assert_eq!(body["client_id"], "svc");
    assert_eq!(api.source().minted(), 2, "one renewal");
    assert_eq!(identity_calls(&sim), 2);
    let codes: Vec<Value> = requests_to(&sim, "api")
        .iter()
        .map(|r| body_of(r)["errors"][0]["code"].clone())
        .collect();
    // First call, the direct check, then one 602 and one retry.
    assert_eq!(
        codes,
        [Value::Null, "602".into(), "602".into(), Value::Null]
    );
}

/// "**601**: token invalid. On either, get a new token from the identity endpoint."
#[tokio::test]
async fn error_601_means_the_token_is_invalid_and_a_new_one_is_fetched_once_and_the_call_retried_once(
) {
    let sim = simulator();
    let mkto = service(&sim, "svc", "secret");
    let url = me_url(&mkto);
    // A token Marketo does not know (deleted with its service's secret, say), still valid by
    // the client's clock.
    let stale = TokenSet::bearer(
        "cdf01657-110d-4155-99a7-f986b2ff13a0:int",
        Some(Duration::from_secs(3000)),
    );
    let e = call(&mkto, &stale).await.expect_err("unknown token");
    assert_eq!(code_of(&e), Some(ErrorCode::E601), "{e}");
    assert_eq!(e.meaning(), Some(ErrorMeaning::AccessTokenInvalid));

    let source = mkto
        .client_credentials_source("reports")
        .initial(stale)
        .build();
    let api = authorized(&mkto, source);
    let body = send(&api, &url).await.expect("renewed and retried");
    assert_eq!(body["client_id"], "svc");
    assert_eq!(api.source().minted(), 1, "one new token");
    assert_eq!(api.source().fetch_attempts(), 1);
    assert_eq!(identity_calls(&sim), 1);
    let codes: Vec<Value> = requests_to(&sim, "api")
        .iter()
        .map(|r| body_of(r)["errors"][0]["code"].clone())
        .collect();
    assert_eq!(codes, ["601".into(), "601".into(), Value::Null]);
}
