//! The Zoho Projects facts of seed-providers.md §1, one test per fact, driven through the
//! generated client (`oauth_providers::providers::zoho_projects`) and the runtime against the
//! simulator built from the same `specs/zoho_projects.yaml`.
//!
//! `oauth-sim/tests/zoho.rs` proves the simulator enforces these facts over raw HTTP; these
//! tests prove the generated client meets them: the requests it makes, and the typed errors
//! (`ErrorCode`, `ErrorMeaning`) it turns the simulator's answers into. Each test's doc comment
//! quotes the fact it proves; where a fact is only documentation, a comment says which
//! observable behaviour stands in for it.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use oauth_providers::limits::RateLimiter;
use oauth_providers::model::{Counted, Method};
use oauth_providers::providers::zoho_projects::{
    scopes, AccessType, ErrorCode, ZohoProjects, PROVIDER,
};
use oauth_providers::{
    scope, AuthorizationCode, Credentials, Error, ErrorMeaning, PendingAuthorization, TokenSet,
};
use oauth_sim::{Consent, Simulator};
use serde_json::{json, Value};
use support::{browser, follow, param, provider_error};

const CLIENT_ID: &str = "1000.FACTSPROJECTS";
const CLIENT_SECRET: &str = "projects-facts-secret";
const REDIRECT: &str = "http://127.0.0.1/zoho/callback";
const MINUTE: Duration = Duration::from_secs(60);

/// The simulator for the spec, with the client registered and `alice` approving.
fn sim() -> Simulator {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/zoho_projects.yaml");
    let sim = Simulator::from_spec_file(spec).unwrap_or_else(|e| panic!("{e}"));
    sim.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    sim
}

/// The spec's rate limits on the simulator's clock, so that advancing it moves both.
fn limiter_on(sim: &Simulator) -> Arc<RateLimiter> {
    let clock = sim.clock().clone();
    let base = Instant::now();
    Arc::new(RateLimiter::with_clock(
        &PROVIDER,
        Arc::new(move || base + clock.now()),
    ))
}

/// The generated client with `id` / `secret` and `limiter`, sending everything to `sim`.
fn client_at(sim: &Simulator, id: &str, secret: &str, limiter: Arc<RateLimiter>) -> ZohoProjects {
    ZohoProjects::builder(Credentials::new(id, secret))
        .redirect_uri(REDIRECT.parse().expect("redirect URI"))
        .origin_override(sim.origin())
        .rate_limiter(limiter)
        .build()
        .expect("client builds")
}

fn client(sim: &Simulator) -> ZohoProjects {
    client_at(sim, CLIENT_ID, CLIENT_SECRET, limiter_on(sim))
}

/// Whether a redirect's query string carries a grant code.
fn has_code(query: &str) -> bool {
    url::form_urlencoded::parse(query.as_bytes()).any(|(k, v)| k == "code" && !v.is_empty())
}

/// Authorizes with `ZohoProjects.portals.READ` (and `access_type` when given); returns what
/// to keep and the redirect's query string.
async fn authorize(
    zp: &ZohoProjects,
    access: Option<AccessType>,
) -> (PendingAuthorization, String) {
    let mut request = zp.authorize().scope(scope!(ZohoProjects.portals.READ));
    if let Some(access) = access {
        request = request.access_type(access);
    }
    let (url, pending) = request.url().expect("authorize URL");
    let to = follow(url).await;
    (pending, to.query().unwrap_or_default().to_string())
}

/// The whole front channel and the code exchange.
async fn sign_in(zp: &ZohoProjects, access: Option<AccessType>) -> (ZohoProjects, TokenSet) {
    let (pending, query) = authorize(zp, access).await;
    zp.exchange_callback(pending, &query)
        .await
        .expect("code exchange")
}

/// The simulator's sample resource under the client's `api` endpoint.
fn me_url(zp: &ZohoProjects) -> String {
    let api = zp.endpoint_url("api").expect("api endpoint");
    format!("{}/sim/me", api.as_str().trim_end_matches('/'))
}

/// Calls the sample resource with `tokens`, through the generated client.
async fn me(zp: &ZohoProjects, tokens: &TokenSet) -> Result<Value, Error> {
    let request = zp.http().get(me_url(zp));
    let response = zp.send_api(request, tokens).await?;
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

/// "Redirect URI: the application's callback URL. After a successful login the user is
/// redirected there with the grant code in the query string (`code`)."
#[tokio::test]
async fn redirect_uri_receives_the_grant_code_in_its_query_string() {
    let sim = sim();
    let zp = client(&sim);
    let (url, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("authorize URL");
    assert_eq!(param(&url, "redirect_uri").as_deref(), Some(REDIRECT));
    let to = follow(url).await;
    assert_eq!(
        format!("{}://{}{}", to.scheme(), to.authority(), to.path()),
        REDIRECT
    );
    let code = param(&to, "code").expect("the grant code is in the query");
    assert!(!code.is_empty());
    assert_eq!(
        param(&to, "state").as_deref(),
        pending.state.as_ref().map(|s| s.secret())
    );
    assert_eq!(param(&to, "location").as_deref(), Some("us"));
    assert_eq!(
        param(&to, "accounts-server").as_deref(),
        Some("https://accounts.zoho.com")
    );
    let (zp, tokens) = zp
        .exchange_callback(pending, to.query().unwrap_or_default())
        .await
        .expect("the code from the redirect is exchanged");
    assert_eq!(me(&zp, &tokens).await.expect("API call")["user"], "alice");

    // A callback URL that was not registered gets no code: the provider does not redirect.
    let elsewhere = ZohoProjects::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .redirect_uri("http://127.0.0.1/elsewhere".parse().expect("URI"))
        .origin_override(sim.origin())
        .build()
        .expect("client builds");
    let (url, _) = elsewhere
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("authorize URL");
    let resp = browser().get(url).send().await.expect("authorize");
    assert_eq!(resp.status(), 400);
    assert!(resp.headers().get(reqwest::header::LOCATION).is_none());
    let body: Value = resp.json().await.expect("JSON error");
    assert_eq!(
        body,
        json!({"error": "invalid_request", "error_description": "redirect_uri not pre-registered"})
    );
    assert_eq!(sim.stats().codes_issued, 1);
}

/// "Client ID and client secret are permanent. They can be regenerated through the
/// "register application" step."
///
/// Chosen observable: a year later the same id and secret still authenticate; re-registering
/// the client with a new secret (the simulator's regeneration) makes the old secret fail
/// with the typed `invalid_client` and the new one work, for the same client id and the
/// refresh token issued before.
#[tokio::test]
async fn client_id_and_secret_are_permanent_and_can_be_regenerated() {
    let sim = sim();
    let zp = client(&sim);
    let (zp, tokens) = sign_in(&zp, Some(AccessType::Offline)).await;

    sim.clock().advance(Duration::from_secs(365 * 24 * 3600));
    let refreshed = zp
        .refresh(&tokens)
        .await
        .expect("a year later, same secret");
    assert_eq!(
        me(&zp, &refreshed).await.expect("API call")["user"],
        "alice"
    );

    sim.register_client(CLIENT_ID, "regenerated-secret", [REDIRECT]);
    let err = zp.refresh(&tokens).await.unwrap_err();
    assert_rule(
        &err,
        ErrorCode::InvalidClient,
        ErrorMeaning::ClientInvalid,
        200,
    );
    let renewed = client_at(
        &sim,
        CLIENT_ID,
        "regenerated-secret",
        Arc::clone(zp.rate_limiter()),
    );
    let fresh = renewed
        .refresh(&tokens)
        .await
        .expect("the regenerated secret works");
    assert_eq!(
        me(&renewed, &fresh).await.expect("API call")["user"],
        "alice"
    );
    assert_eq!(sim.stats().refreshes, 2);
    assert_eq!(
        sim.stats().token_requests,
        BTreeMap::from([
            ("authorization_code".to_string(), 1),
            ("refresh_token".to_string(), 3),
        ])
    );
}

/// "Token requests (access and refresh) are **POST** requests, never GET, and are not to be
/// typed into a browser."
///
/// Observed in the simulator's request log: every token request the client makes is a POST
/// with the grant in the form body; the same request as a GET (a URL typed into a
/// browser) is refused by the simulator and never reaches the token logic.
#[tokio::test]
async fn token_requests_are_posts_never_gets() {
    assert_eq!(
        PROVIDER.endpoint("token").map(|e| e.method),
        Some(Method::Post)
    );
    let sim = sim();
    let zp = client(&sim);
    let (zp, tokens) = sign_in(&zp, Some(AccessType::Offline)).await;
    let refreshed = zp.refresh(&tokens).await.expect("refresh");
    assert_eq!(
        me(&zp, &refreshed).await.expect("API call")["user"],
        "alice"
    );

    let at_token = |sim: &Simulator| -> Vec<(String, Option<String>, u16)> {
        sim.requests()
            .iter()
            .filter(|r| r.path == "/oauth/v2/token")
            .map(|r| {
                (
                    r.method.clone(),
                    r.form_value("grant_type").map(str::to_string),
                    r.status,
                )
            })
            .collect()
    };
    let posts = vec![
        (
            "POST".to_string(),
            Some("authorization_code".to_string()),
            200,
        ),
        ("POST".to_string(), Some("refresh_token".to_string()), 200),
    ];
    assert_eq!(at_token(&sim), posts);
    let expected = BTreeMap::from([
        ("authorization_code".to_string(), 1),
        ("refresh_token".to_string(), 1),
    ]);
    assert_eq!(sim.stats().token_requests, expected);

    // The refresh typed into a browser's address bar.
    let mut url = zp.endpoint_url("token").expect("token endpoint");
    url.query_pairs_mut()
        .append_pair("client_id", CLIENT_ID)
        .append_pair("client_secret", CLIENT_SECRET)
        .append_pair("grant_type", "refresh_token")
        .append_pair(
            "refresh_token",
            tokens
                .refresh_token
                .as_ref()
                .expect("refresh token")
                .secret(),
        );
    let resp = browser().get(url).send().await.expect("GET");
    assert_eq!(resp.status(), 405);
    assert_eq!(resp.text().await.expect("body"), "method not allowed");
    assert_eq!(sim.stats().token_requests, expected, "a GET is not served");
    let mut with_get = posts;
    with_get.push(("GET".to_string(), None, 405));
    assert_eq!(at_token(&sim), with_get);
    assert_eq!(sim.stats().refreshes, 1);
}

/// "Scope syntax: `ZohoProjects.<module>.<operation>`, for example
/// `ZohoProjects.portals.READ`. Each API lists the scope it needs."
///
/// The second sentence is documentation of each API; what is observable is that the scopes
/// the client asks for are exactly the ones the provider grants the token.
#[tokio::test]
async fn scopes_are_spelled_zohoprojects_module_operation_and_granted_as_asked() {
    let portals = scope!(ZohoProjects.portals.READ);
    assert_eq!(portals.as_str(), "ZohoProjects.portals.READ");
    assert_eq!(scope!(ZohoProjects.tasks.ALL), scopes::tasks::ALL);
    assert_eq!(scopes::Scope::COUNT, 99);
    assert_eq!(scopes::Scope::all().count(), 99);
    assert_eq!(
        scopes::Scope::find("ZohoProjects.portals.READ"),
        Some(portals)
    );
    for s in scopes::Scope::all() {
        let parts: Vec<&str> = s.as_str().split('.').collect();
        assert_eq!(parts.len(), 3, "{s}");
        assert_eq!(parts[0], "ZohoProjects", "{s}");
        assert!(
            ["READ", "CREATE", "UPDATE", "DELETE", "ALL"].contains(&parts[2]),
            "{s}"
        );
    }

    let sim = sim();
    let zp = client(&sim);
    let (url, pending) = zp
        .authorize()
        .scope(portals)
        .scope(scopes::tasks::ALL)
        .url()
        .expect("authorize URL");
    assert_eq!(
        param(&url, "scope").as_deref(),
        Some("ZohoProjects.portals.READ,ZohoProjects.tasks.ALL")
    );
    let to = follow(url).await;
    let (zp, tokens) = zp
        .exchange_callback(pending, to.query().unwrap_or_default())
        .await
        .expect("exchange");
    let granted = vec![
        "ZohoProjects.portals.READ".to_string(),
        "ZohoProjects.tasks.ALL".to_string(),
    ];
    assert_eq!(tokens.scopes.as_ref(), Some(&granted));
    let body = me(&zp, &tokens).await.expect("API call");
    assert_eq!(
        json!({"user": body["user"], "scopes": body["scopes"]}),
        json!({"user": "alice", "scopes": granted})
    );

    // The scope is mandatory: the client will not build an authorization without one.
    assert!(matches!(zp.authorize().url(), Err(Error::Config(_))));
}

/// "A user can hold at most **20 refresh tokens**. Past that limit the token request fails
/// with an "Access Denied" error. Old refresh tokens should be revoked before new ones are
/// made."
#[tokio::test]
async fn the_21st_refresh_token_of_a_user_is_access_denied_until_one_is_revoked() {
    let sim = sim();
    let zp = client(&sim);
    let mut sets = Vec::new();
    for i in 0..20 {
        if i > 0 && i % 4 == 0 {
            // Stay under the grant-code limit (4 a minute).
            sim.clock().advance(MINUTE + Duration::from_secs(1));
        }
        let (_, tokens) = sign_in(&zp, Some(AccessType::Offline)).await;
        assert!(tokens.refresh_token.is_some(), "#{i}");
        sets.push(tokens);
    }
    sim.clock().advance(MINUTE + Duration::from_secs(1));
    let (pending, query) = authorize(&zp, Some(AccessType::Offline)).await;
    let err = zp.exchange_callback(pending, &query).await.unwrap_err();
    assert_rule(
        &err,
        ErrorCode::AccessDeniedThrottled,
        ErrorMeaning::RateLimited,
        200,
    );
    assert_eq!(
        provider_error(&err).description.as_deref(),
        Some("Access Denied: the user holds the maximum number of refresh tokens")
    );
    assert_eq!(sim.stats().refresh_tokens_issued, 20);

    // Revoking an old one through the client makes room again.
    zp.revoke(&sets[0]).await.expect("revoke");
    assert_eq!(sim.stats().revocations, 1);
    let err = zp.refresh(&sets[0]).await.unwrap_err();
    assert_rule(&err, ErrorCode::InvalidCode, ErrorMeaning::CodeInvalid, 200);
    let (_, tokens) = sign_in(&zp, Some(AccessType::Offline)).await;
    assert!(tokens.refresh_token.is_some());
    assert_eq!(sim.stats().refresh_tokens_issued, 21);

    // The limit is per user.
    sim.consent(Consent::Approve { user: "bob".into() });
    let (zp, bob) = sign_in(&zp, Some(AccessType::Offline)).await;
    assert!(bob.refresh_token.is_some());
    assert_eq!(me(&zp, &bob).await.expect("API call")["user"], "bob");
    assert_eq!(sim.stats().refresh_tokens_issued, 22);
}

/// "Each refresh token can have at most **30 active access tokens**. When a 31st is minted,
/// the **oldest access token is deleted**, whether or not it was still valid."
///
/// Also the runtime side: a `TokenSource` reuses a valid token, so 100 `token()` calls mint
/// one, and a client that goes through it never churns through the 30.
#[tokio::test]
async fn the_31st_access_token_of_a_refresh_token_deletes_the_oldest() {
    let sim = sim();
    let zp = client(&sim);
    let (zp, first) = sign_in(&zp, Some(AccessType::Offline)).await;
    let mut minted = Vec::new();
    for _ in 0..29 {
        let t = zp.refresh(&first).await.expect("refresh");
        assert_eq!(t.refresh_token, first.refresh_token, "Zoho does not rotate");
        minted.push(t);
    }
    assert_eq!(
        me(&zp, &first).await.expect("30 live tokens")["user"],
        "alice"
    );

    let thirty_first = zp.refresh(&first).await.expect("the 31st is minted");
    let err = me(&zp, &first).await.unwrap_err();
    assert_rule(
        &err,
        ErrorCode::InvalidOauthtoken,
        ErrorMeaning::AccessTokenInvalid,
        200,
    );
    assert!(err.is_token_error());
    assert_eq!(me(&zp, &minted[0]).await.expect("2nd")["user"], "alice");
    assert_eq!(me(&zp, &thirty_first).await.expect("31st")["user"], "alice");
    assert_eq!(sim.stats().access_tokens_issued, 31);
    assert_eq!(sim.stats().refreshes, 30);

    // The runtime: one refresh for 100 callers of a source whose token needs renewing.
    let source = zp.token_source("alice").build();
    let mut stale = first.clone();
    stale.expires_at = Some(SystemTime::now() - Duration::from_secs(1));
    source.set(stale).await.expect("seed the source");
    let mut seen = BTreeSet::new();
    for _ in 0..100 {
        let t = source.token().await.expect("token");
        seen.insert(t.access_token.secret().to_string());
    }
    assert_eq!(source.minted(), 1);
    assert_eq!(seen.len(), 1);
    assert!(!seen.contains(first.access_token.secret()));
    assert_eq!(sim.stats().refreshes, 31);
    let current = source.cached().expect("cached");
    assert_eq!(me(&zp, &current).await.expect("API call")["user"], "alice");
}

/// The same fact, enforced: a `TokenSource` built from the spec counts the access tokens its
/// refresh token has minted (the authorization's own included) and refuses the renewal that
/// would mint the 31st, so the oldest, which another process may be using, is never deleted.
/// Here an API rejecting every token drives the renewals, the one case where reuse alone does
/// not keep a client far from the cap.
#[tokio::test]
async fn a_token_source_never_mints_the_31st_access_token_of_a_refresh_token() {
    const CAP: &str = "Each refresh token can have at most 30 active access tokens; minting the 31st deletes the oldest, whether or not it was still valid.";
    let sim = sim();
    let zp = client(&sim);
    let (zp, first) = sign_in(&zp, Some(AccessType::Offline)).await;
    let source = zp.token_source("alice").build();
    source.set(first.clone()).await.expect("seed the source");
    assert_eq!(source.live_tokens(), Some((1, 30)));
    for n in 2..=30 {
        let current = source.token().await.expect("token");
        source.invalidate(&current);
        source.token().await.expect("renewal under the cap");
        assert_eq!(source.live_tokens(), Some((n, 30)));
    }
    assert_eq!(sim.stats().access_tokens_issued, 30);

    let current = source.token().await.expect("token");
    source.invalidate(&current);
    match source.token().await {
        Err(Error::LimitReached { limit, retry_after }) => {
            assert_eq!(limit, CAP);
            assert!(
                retry_after > Duration::from_secs(3500) && retry_after <= Duration::from_secs(3600),
                "the authorization's token expires in about an hour: {retry_after:?}"
            );
        }
        other => panic!("expected the cap, got {other:?}"),
    }
    assert_eq!(sim.stats().access_tokens_issued, 30, "nothing was sent");
    assert_eq!(sim.stats().refreshes, 29);
    assert_eq!(
        me(&zp, &first).await.expect("the oldest token still works")["user"],
        "alice"
    );
}

/// "At most **4 grant (authorization) codes per minute per client ID**. Past that, access is
/// **blocked for the next 10 minutes**."
///
/// Client side, the generated client checks a `RateLimiter` built from the spec and refuses a
/// 5th authorization URL within the minute (`Error::LimitReached` with the wait), so nothing
/// is sent. Without it, the simulator
/// refuses the 5th code in the redirect and keeps refusing for 10 minutes, for that client
/// id only.
#[tokio::test]
async fn four_codes_a_minute_per_client_then_blocked_for_ten_minutes() {
    const LIMIT: &str = "A user can generate four authorization codes per minute for a client id; after that access is blocked for the next ten minutes.";
    let from_def = RateLimiter::from_def(&PROVIDER);
    let rules = from_def.rules();
    assert_eq!(rules.len(), 1);
    assert_eq!(
        (
            rules[0].counts,
            rules[0].max,
            rules[0].per,
            rules[0].block_for,
            rules[0].description.as_str()
        ),
        (
            Counted::AuthorizationCodes,
            4,
            MINUTE,
            Some(10 * MINUTE),
            LIMIT
        )
    );

    // The client checks its limiter (the spec's, here on the simulator's clock) before it
    // hands out an authorization URL: the 5th within a minute is a typed error.
    let sim = sim();
    let zp = client(&sim);
    for _ in 0..4 {
        let (_, query) = authorize(&zp, None).await;
        assert!(has_code(&query), "{query}");
    }
    let limiter = zp.rate_limiter();
    assert_eq!(limiter.remaining(Counted::AuthorizationCodes), 0);
    match zp
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .url()
    {
        Err(Error::LimitReached { limit, retry_after }) => {
            assert_eq!(limit, LIMIT);
            assert_eq!(retry_after, MINUTE);
        }
        other => panic!("expected a client-side limit, got {other:?}"),
    }
    assert_eq!(sim.stats().codes_issued, 4, "the 5th was never sent");
    sim.clock().advance(MINUTE);
    let (_, query) = authorize(&zp, None).await;
    assert!(has_code(&query), "{query}");
    assert_eq!(sim.stats().codes_issued, 5);

    // Without the limiter, a second client runs into the provider's block.
    let other_id = "1000.FACTSOTHER";
    sim.register_client(other_id, "other-secret", [REDIRECT]);
    let other = client_at(
        &sim,
        other_id,
        "other-secret",
        Arc::new(RateLimiter::unlimited()),
    );
    for _ in 0..4 {
        sign_in(&other, None).await;
    }
    let refused = |wait: u64| {
        let other = other.clone();
        async move {
            let (pending, query) = authorize(&other, None).await;
            let err = other.exchange_callback(pending, &query).await.unwrap_err();
            // The spec has no rule at the authorize site, so the redirect's `access_denied`
            // is classified by its RFC 6749 code alone.
            assert_eq!(ErrorCode::of(&err), None);
            let p = provider_error(&err);
            assert_eq!(
                (p.code.as_str(), p.meaning, p.status),
                ("access_denied", ErrorMeaning::AccessDenied, 0)
            );
            assert_eq!(
                p.description.as_deref(),
                Some(format!("too many authorization codes; try again in {wait} s").as_str())
            );
        }
    };
    refused(600).await;
    // Per client id: the first client is not blocked.
    sign_in(&zp, None).await;
    sim.clock().advance(MINUTE + Duration::from_secs(1));
    refused(539).await;
    sim.clock().advance(Duration::from_secs(538));
    refused(1).await;
    sim.clock().advance(Duration::from_secs(1));
    let (other, tokens) = sign_in(&other, None).await;
    assert_eq!(
        me(&other, &tokens).await.expect("API call")["user"],
        "alice"
    );
    assert_eq!(sim.stats().codes_issued, 11);
}

/// "Error `invalid_oauth_token` (the API says "Invalid OAuth access token"): the access token
/// has expired. Access tokens are valid for **1 hour**."
#[tokio::test]
async fn access_tokens_live_one_hour_then_the_api_says_invalid_oauth_token() {
    let sim = sim();
    let zp = client(&sim);
    let before = SystemTime::now();
    let (zp, tokens) = sign_in(&zp, Some(AccessType::Offline)).await;
    let after = SystemTime::now();
    let expires_at = tokens.expires_at.expect("an expiry");
    let hour = Duration::from_secs(3600);
    assert!(expires_at >= before + hour && expires_at <= after + hour);

    sim.clock().advance(hour - Duration::from_secs(1));
    assert_eq!(me(&zp, &tokens).await.expect("59:59")["user"], "alice");
    sim.clock().advance(Duration::from_secs(1));
    let err = me(&zp, &tokens).await.unwrap_err();
    assert_rule(
        &err,
        ErrorCode::InvalidOauthToken,
        ErrorMeaning::AccessTokenExpired,
        200,
    );
    assert!(err.is_token_error());

    // The runtime reads the error inside the HTTP 200, renews once and retries.
    let source = zp.token_source("alice").build();
    source.set(tokens).await.expect("seed the source");
    let api = zp.authorized(source.clone());
    let url = me_url(&zp);
    let response = api.send(|http| http.get(&url)).await.expect("retried");
    assert_eq!(response.status, 200);
    let body: Value = serde_json::from_slice(&response.body).expect("JSON");
    assert_eq!(body["user"], "alice");
    assert_eq!(source.minted(), 1);
    assert_eq!(sim.stats().refreshes, 1);
}

/// "`access_type=offline` returns an access token **and** a refresh token;
/// `access_type=online` returns an access token only."
#[tokio::test]
async fn offline_access_returns_a_refresh_token_and_online_does_not() {
    let sim = sim();
    let zp = client(&sim);
    for (access, wire) in [
        (Some(AccessType::Offline), Some("offline")),
        (Some(AccessType::Online), Some("online")),
        (None, None),
    ] {
        let mut request = zp.authorize().scope(scopes::portals::READ);
        if let Some(access) = access {
            request = request.access_type(access);
        }
        let (url, _) = request.url().expect("authorize URL");
        assert_eq!(param(&url, "access_type").as_deref(), wire);
    }
    // Three URLs count against the client's four a minute, though none became a code.
    sim.clock().advance(MINUTE);

    let (zp, offline) = sign_in(&zp, Some(AccessType::Offline)).await;
    assert!(offline.refresh_token.is_some());
    let (_, online) = sign_in(&zp, Some(AccessType::Online)).await;
    assert!(online.refresh_token.is_none());
    assert_eq!(me(&zp, &online).await.expect("API call")["user"], "alice");
    // The provider's default is online.
    let (_, default) = sign_in(&zp, None).await;
    assert!(default.refresh_token.is_none());

    // An online set cannot be refreshed; the client says so without asking the provider.
    assert!(matches!(zp.refresh(&online).await, Err(Error::NoToken(_))));
    zp.refresh(&offline).await.expect("offline refreshes");
    let stats = sim.stats();
    assert_eq!(
        (
            stats.refresh_tokens_issued,
            stats.access_tokens_issued,
            stats.refreshes
        ),
        (1, 4, 1)
    );
    assert_eq!(stats.token_requests.get("refresh_token"), Some(&1));
}

/// "Error `invalid_code`: the grant code has expired. Grant codes are valid for **2
/// minutes**; a new one comes from the user-authorization request step."
///
/// Also a used code: Zoho answers the same `invalid_code` for it.
#[tokio::test]
async fn grant_codes_live_two_minutes_and_are_invalid_code_after_or_on_reuse() {
    let sim = sim();
    let zp = client(&sim);
    let (kept, kept_query) = authorize(&zp, Some(AccessType::Offline)).await;
    sim.clock().advance(2 * MINUTE - Duration::from_secs(1));
    let used = code_of(&kept_query);
    zp.exchange_code(&kept, &used).await.expect("1:59 old");

    let (late, late_query) = authorize(&zp, Some(AccessType::Offline)).await;
    sim.clock().advance(2 * MINUTE);
    let err = zp.exchange_callback(late, &late_query).await.unwrap_err();
    assert_rule(&err, ErrorCode::InvalidCode, ErrorMeaning::CodeInvalid, 200);

    let err = zp.exchange_code(&kept, &used).await.unwrap_err();
    assert_rule(&err, ErrorCode::InvalidCode, ErrorMeaning::CodeInvalid, 200);

    // A new code from the authorization request works.
    let (zp, tokens) = sign_in(&zp, Some(AccessType::Offline)).await;
    assert_eq!(me(&zp, &tokens).await.expect("API call")["user"], "alice");
    assert_eq!(
        sim.stats().token_requests.get("authorization_code"),
        Some(&4)
    );
    assert_eq!(sim.stats().access_tokens_issued, 2);
}

/// The code a redirect's query carries.
fn code_of(query: &str) -> AuthorizationCode {
    let code = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    AuthorizationCode::new(code)
}
