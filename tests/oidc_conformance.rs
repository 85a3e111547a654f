//! The OpenID Connect layer (`oauth_runtime::oidc`, `oauth_runtime::jose`) against a real,
//! independent OpenID Provider: node's `oidc-provider`, started from
//! `tests/conformance/server.mjs` with `CONFORMANCE_OIDC=1` (fresh RSA, P-256 and Ed25519 keys
//! at every start; OpenID clients for ES256 and EdDSA ID tokens, client_secret_jwt and
//! private_key_jwt).
//!
//! Discovery from the real server, authorization-code and hybrid flows driven headlessly (as
//! tests/conformance.rs does: the same generated `OpenId` client, the same devInteractions
//! login), the real ID tokens verified (RS256, PS256, ES256, EdDSA, nonce, at_hash, c_hash), a
//! key rotation (a restart on the same port with new keys) picked up through the
//! unknown-`kid` refetch, UserInfo's `sub` check, client assertions accepted by the real token
//! endpoint; and through the generated client's OpenID face: `login` yielding verified claims,
//! `userinfo`, `logout` (revocation and the end-session URL), pushed authorization requests
//! (required by the metadata, or asked for), DPoP-bound tokens through the server's nonce
//! challenge, and forged ID tokens (the server's `/test/forge`: a flipped signature, another
//! audience or issuer, an expired token, a missing or replayed nonce, `alg: none`, an HS256
//! token keyed with the RSA public key) each refused with the check that failed.
//!
//! Needs `node` and `tests/conformance/node_modules` (`.ci/run` installs both).

use std::sync::Arc;
use std::time::Duration;

use oauth_providers::providers::openid::{scopes, OpenId, Prompt};
use oauth_providers::{Credentials, Error, PendingAuthorization, TokenSet};
use oauth_runtime::jose::{ClientAssertion, JwsAlgorithm, SigningKey};
use oauth_runtime::limits::{Clock, ManualClock, SystemClock};
use oauth_runtime::oidc::{
    Discovery, DiscoveryError, DpopKey, Expected, IdTokenError, IdTokenVerifier, JwksCache, Nonce,
    UserInfo, UserInfoError,
};
use oauth_runtime::{AccessToken, AuthorizationCode, ClientId, ClientSecret};
use serde_json::{json, Value};
use support::conformance::{browser, Provider, REDIRECT_URI, USER};
use url::Url;

mod support;

/// The `max_age` every authorization here requests (so ID tokens carry `auth_time`).
const MAX_AGE: Duration = Duration::from_secs(300);

/// A running `server.mjs` in OIDC mode, killed when dropped.
struct Server(Provider);

impl std::ops::Deref for Server {
    type Target = Provider;

    fn deref(&self) -> &Provider {
        &self.0
    }
}

impl Server {
    /// On any free port.
    fn start() -> Server {
        Server::start_with(0, None)
    }

    /// On `port` (0: any), with `client_jwks` registered for `conf-pkjwt`.
    fn start_with(port: u16, client_jwks: Option<&Value>) -> Server {
        let jwks = client_jwks.map(Value::to_string);
        let mut env = vec![("CONFORMANCE_OIDC", "1")];
        if let Some(jwks) = &jwks {
            env.push(("CONFORMANCE_CLIENT_JWKS", jwks));
        }
        Server(Provider::start(port, &env))
    }

    /// Stops this server and starts another on the same port: same issuer, new keys.
    fn restart(self) -> Server {
        let port = self.port;
        drop(self);
        Server::start_with(port, None)
    }

    fn client(&self, id: &str, secret: &str) -> OpenId {
        OpenId::builder(Credentials::new(id, secret), &self.issuer)
            .redirect_uri(REDIRECT_URI.parse().unwrap())
            .build()
            .expect("client builds")
    }

    fn url(&self, path: &str) -> Url {
        format!("{}{path}", self.issuer).parse().unwrap()
    }

    /// Arms one forgery (see server.mjs) for the next token response with an ID token.
    async fn forge(&self, kind: &str) {
        let status = reqwest::get(format!("{}/test/forge?kind={kind}", self.issuer))
            .await
            .expect("server answers")
            .status();
        assert_eq!(status, 204);
    }

    /// How many stdout lines are `line` exactly. The lines are read on another thread, so a
    /// marker goes through the server first (`/test/mark`): once its line is in, every line
    /// printed before it is too.
    async fn count(&self, line: &str) -> usize {
        let mark = format!("MARK {}", Nonce::random().secret());
        let status = reqwest::get(format!("{}/test/mark?m={}", self.issuer, &mark[5..]))
            .await
            .expect("server answers")
            .status();
        assert_eq!(status, 204);
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !self.lines().contains(&mark) {
            assert!(
                std::time::Instant::now() < deadline,
                "the server's output stalled"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        self.lines().iter().filter(|l| *l == line).count()
    }

    /// Whether the token is active, per the server's introspection.
    async fn introspect(&self, id: &str, secret: &str, token: &str) -> Value {
        reqwest::Client::new()
            .post(self.url("/token/introspection"))
            .basic_auth(id, Some(secret))
            .form(&[("token", token)])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

/// Plays the user from the authorization URL: login and consent on devInteractions' pages.
/// Returns the redirect to `REDIRECT_URI` (not followed).
async fn play_user(url: Url) -> Url {
    let browser = browser();
    let first = browser.get(url).send().await.expect("provider answers");
    support::conformance::play_user(&browser, first)
        .await
        .unwrap_or_else(|page| panic!("the authorization ended on a page, not a redirect:\n{page}"))
}

/// An authorization through the generated client (which sends a fresh nonce), with
/// `max_age` (and `response_type`, when given) added to its URL. Returns the redirect's
/// parameters (query or fragment), the pending authorization and its nonce.
async fn authorize(
    client: &OpenId,
    response_type: Option<&str>,
    offline: bool,
) -> (String, PendingAuthorization, Nonce) {
    let mut wanted = vec![scopes::openid, scopes::email, scopes::profile];
    if offline {
        wanted.push(scopes::offline_access);
    }
    let (url, pending) = client
        .authorize()
        .scopes(wanted)
        .prompt(Prompt::Consent)
        .url()
        .expect("authorize URL");
    let nonce = pending
        .nonce
        .clone()
        .expect("an OpenID authorization carries a nonce");
    assert_eq!(
        url.query_pairs()
            .find(|(k, _)| k == "nonce")
            .map(|(_, v)| v.into_owned()),
        Some(nonce.secret().to_string())
    );
    let mut pairs: Vec<(String, String)> = url
        .query_pairs()
        .into_owned()
        .filter(|(k, _)| response_type.is_none() || k != "response_type")
        .collect();
    pairs.push(("max_age".into(), MAX_AGE.as_secs().to_string()));
    if let Some(rt) = response_type {
        pairs.push(("response_type".into(), rt.into()));
    }
    let mut url = url;
    url.query_pairs_mut().clear().extend_pairs(pairs);
    let back = play_user(url).await;
    let params = back
        .fragment()
        .or(back.query())
        .unwrap_or_default()
        .to_string();
    assert!(
        !params.contains("error="),
        "the provider refused the authorization: {params}"
    );
    (params, pending, nonce)
}

/// The redirect of a plain authorization through the generated client: its URL as `url()`
/// builds it, or pushed first with `start()`.
async fn redirect_of(
    client: &OpenId,
    pushed: bool,
    offline: bool,
) -> (String, PendingAuthorization, Url) {
    let mut wanted = vec![scopes::openid, scopes::email, scopes::profile];
    if offline {
        wanted.push(scopes::offline_access);
    }
    let request = client.authorize().scopes(wanted).prompt(Prompt::Consent);
    let (url, pending) = if pushed {
        request
            .start()
            .await
            .expect("authorize URL (pushed when required)")
    } else {
        request.url().expect("authorize URL")
    };
    let back = play_user(url.clone()).await;
    (back.query().unwrap_or_default().to_string(), pending, url)
}

/// A login through the generated client that must succeed.
async fn login(client: &OpenId) -> oauth_providers::providers::openid::OpenIdLogin {
    let (query, pending, _) = redirect_of(client, false, false).await;
    assert!(!query.contains("error="), "{query}");
    client.login(pending, &query).await.expect("login")
}

/// The `IdTokenError` inside `err`.
fn id_token_error(err: &Error) -> &IdTokenError {
    match err {
        Error::IdToken(e) => e,
        other => panic!("expected an ID token error, got {other:?}"),
    }
}

fn param(params: &str, name: &str) -> String {
    url::form_urlencoded::parse(params.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| panic!("no `{name}` in {params}"))
}

fn id_token(tokens: &TokenSet) -> String {
    tokens
        .extra
        .get("id_token")
        .cloned()
        .expect("the token response carries an ID token")
}

/// Unpadded base64url, decoded (the facade's tests have no base64 crate).
fn b64_decode(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c).expect("base64url") as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn header_alg(jwt: &str) -> String {
    let header: Value =
        serde_json::from_slice(&b64_decode(jwt.split('.').next().unwrap())).unwrap();
    header["alg"].as_str().unwrap().to_string()
}

/// A verifier for `client_id` sharing `jwks`.
fn verifier(server: &Server, client_id: &str, jwks: &Arc<JwksCache>) -> IdTokenVerifier {
    IdTokenVerifier::builder(&server.issuer, ClientId::new(client_id), Arc::clone(jwks))
        .build()
        .unwrap()
}

async fn jwks_cache(server: &Server, min_refetch: Duration) -> Arc<JwksCache> {
    jwks_cache_with_clock(server, min_refetch, Arc::new(SystemClock)).await
}

async fn jwks_cache_with_clock(
    server: &Server,
    min_refetch: Duration,
    clock: Arc<dyn Clock>,
) -> Arc<JwksCache> {
    let metadata = Discovery::new(&server.issuer)
        .unwrap()
        .metadata()
        .await
        .expect("discovery");
    Arc::new(
        JwksCache::builder(metadata.jwks_uri.clone().expect("jwks_uri"))
            .min_refetch_interval(min_refetch)
            .clock(clock)
            .build()
            .unwrap(),
    )
}

#[tokio::test]
async fn discovery_and_keys_from_the_real_server() {
    let server = Server::start();
    let discovery = Discovery::new(&server.issuer).unwrap();
    let m = discovery.metadata().await.expect("discovery");
    assert_eq!(m.issuer, server.issuer);
    assert_eq!(m.authorization_endpoint, Some(server.url("/auth")));
    assert_eq!(m.token_endpoint, Some(server.url("/token")));
    assert_eq!(m.userinfo_endpoint, Some(server.url("/me")));
    assert_eq!(m.jwks_uri, Some(server.url("/jwks")));
    assert_eq!(m.end_session_endpoint, Some(server.url("/session/end")));
    assert_eq!(
        m.pushed_authorization_request_endpoint,
        Some(server.url("/request"))
    );
    assert!(!m.require_pushed_authorization_requests);
    assert!(m
        .dpop_signing_alg_values_supported
        .contains(&"ES256".to_string()));
    for alg in ["RS256", "ES256", "EdDSA"] {
        assert!(
            m.id_token_signing_alg_values_supported
                .iter()
                .any(|a| a == alg),
            "{alg} not in {:?}",
            m.id_token_signing_alg_values_supported
        );
    }
    assert!(m
        .code_challenge_methods_supported
        .contains(&"S256".to_string()));
    discovery.metadata().await.unwrap();
    assert_eq!(discovery.fetch_count(), 1, "cached");

    let keys = JwksCache::new(m.jwks_uri.clone().unwrap())
        .unwrap()
        .keys()
        .await
        .expect("JWKS");
    let mut kinds: Vec<_> = keys.keys.iter().map(|k| k.kty.as_str()).collect();
    kinds.sort_unstable();
    assert_eq!(kinds, ["EC", "OKP", "RSA"]);
    assert!(keys.keys.iter().all(|k| k.kid.is_some()));

    // The configured issuer is compared exactly: a trailing slash is another issuer.
    let err = Discovery::new(format!("{}/", server.issuer))
        .unwrap()
        .metadata()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            oauth_runtime::oidc::DiscoveryError::IssuerMismatch { .. }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn real_id_tokens_verify_for_rs256_es256_and_eddsa_and_userinfo_sub_matches() {
    let server = Server::start();
    let jwks = jwks_cache(&server, Duration::from_secs(30)).await;
    let userinfo = UserInfo::new(server.url("/me")).unwrap();
    for (id, secret, alg) in [
        ("conf-basic", "conf-basic-secret", "RS256"),
        ("conf-es256", "conf-es256-secret", "ES256"),
        ("conf-eddsa", "conf-eddsa-secret", "EdDSA"),
    ] {
        let client = server.client(id, secret);
        let (query, pending, nonce) = authorize(&client, None, false).await;
        let (_, tokens) = client
            .exchange_callback(pending, &query)
            .await
            .expect("code exchange");
        let token = id_token(&tokens);
        assert_eq!(header_alg(&token), alg, "{id} is registered for {alg}");

        let verifier = verifier(&server, id, &jwks);
        let claims = verifier
            .verify(
                &token,
                &Expected {
                    nonce: Some(&nonce),
                    access_token: Some(&tokens.access_token),
                    max_age: Some(MAX_AGE),
                    ..Expected::default()
                },
            )
            .await
            .unwrap_or_else(|e| panic!("{id}'s {alg} ID token refused: {e}"));
        assert_eq!(claims.sub, USER);
        assert_eq!(claims.iss, server.issuer);
        assert_eq!(claims.aud, [id]);
        assert_eq!(claims.nonce.as_deref(), Some(nonce.secret()));
        assert!(claims.auth_time.is_some());

        // The same token presented for another authorization (another nonce) is refused.
        let err = verifier
            .verify(
                &token,
                &Expected {
                    nonce: Some(&Nonce::random()),
                    ..Expected::default()
                },
            )
            .await
            .unwrap_err();
        assert!(
            matches!(err, IdTokenError::Nonce { missing: false }),
            "{err:?}"
        );
        // And by another client.
        let err = verifier_for_other_client(&server, &jwks)
            .verify(&token, &Expected::default())
            .await
            .unwrap_err();
        assert!(matches!(err, IdTokenError::Audience { .. }), "{err:?}");

        let me = userinfo
            .fetch(&tokens.access_token, &claims.sub)
            .await
            .expect("userinfo");
        assert_eq!(me.sub, USER);
        assert_eq!(
            me.standard.email.as_deref(),
            Some("conformance-user@example.test")
        );
        assert_eq!(me.standard.email_verified, Some(true));
        let err = userinfo
            .fetch(&tokens.access_token, "someone-else")
            .await
            .unwrap_err();
        assert!(matches!(err, UserInfoError::SubjectMismatch), "{err:?}");
    }
    assert_eq!(jwks.fetch_count(), 1, "one JWKS fetch for three clients");
}

fn verifier_for_other_client(server: &Server, jwks: &Arc<JwksCache>) -> IdTokenVerifier {
    verifier(server, "not-this-client", jwks)
}

#[tokio::test]
async fn a_hybrid_response_binds_code_and_access_token_through_c_hash_and_at_hash() {
    let server = Server::start();
    let jwks = jwks_cache(&server, Duration::from_secs(30)).await;
    let client = server.client("conf-es256", "conf-es256-secret");
    let (fragment, pending, nonce) = authorize(&client, Some("code id_token token"), false).await;
    let front = param(&fragment, "id_token");
    let code = AuthorizationCode::new(param(&fragment, "code"));
    let access = AccessToken::new(param(&fragment, "access_token"));
    let verifier = verifier(&server, "conf-es256", &jwks);
    let expected = Expected {
        nonce: Some(&nonce),
        access_token: Some(&access),
        code: Some(&code),
        require_at_hash: true,
        require_c_hash: true,
        ..Expected::default()
    };
    let claims = verifier
        .verify(&front, &expected)
        .await
        .expect("front-channel ID token");
    assert!(claims.c_hash.is_some() && claims.at_hash.is_some());

    // A code or access token from elsewhere does not match the hashes.
    let other_code = AuthorizationCode::new("another-code");
    let err = verifier
        .verify(
            &front,
            &Expected {
                code: Some(&other_code),
                ..expected
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, IdTokenError::CHash), "{err:?}");
    let other_token = AccessToken::new("another-token");
    let err = verifier
        .verify(
            &front,
            &Expected {
                access_token: Some(&other_token),
                ..expected
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, IdTokenError::AtHash), "{err:?}");

    // The code is then exchanged as usual, and its ID token names the same user.
    let (_, tokens) = client
        .exchange_callback(pending, &fragment)
        .await
        .expect("code exchange");
    let back = verifier
        .verify(
            &id_token(&tokens),
            &Expected {
                nonce: Some(&nonce),
                access_token: Some(&tokens.access_token),
                ..Expected::default()
            },
        )
        .await
        .expect("back-channel ID token");
    assert_eq!(back.sub, claims.sub);
}

#[tokio::test]
async fn a_key_rotation_is_picked_up_through_one_unknown_kid_refetch() {
    let server = Server::start();
    let clock = Arc::new(ManualClock::new());
    let jwks = jwks_cache_with_clock(&server, Duration::from_secs(30), clock.clone()).await;
    let client = server.client("conf-es256", "conf-es256-secret");
    let verifier = verifier(&server, "conf-es256", &jwks);
    let (query, pending, nonce) = authorize(&client, None, false).await;
    let (_, tokens) = client.exchange_callback(pending, &query).await.unwrap();
    let before = id_token(&tokens);
    let expect = |n| Expected {
        nonce: Some(n),
        ..Expected::default()
    };
    verifier
        .verify(&before, &expect(&nonce))
        .await
        .expect("first key");
    assert_eq!(jwks.fetch_count(), 1);

    // Same issuer, same port, new keys; past the refetch interval, within the cache lifetime.
    let server = server.restart();
    clock.advance(Duration::from_secs(31));
    let client = server.client("conf-es256", "conf-es256-secret");
    let (query, pending, nonce2) = authorize(&client, None, false).await;
    let (_, tokens) = client.exchange_callback(pending, &query).await.unwrap();
    let after = id_token(&tokens);
    let claims = verifier
        .verify(&after, &expect(&nonce2))
        .await
        .expect("the rotated key, found by the refetch");
    assert_eq!(claims.sub, USER);
    assert_eq!(jwks.fetch_count(), 2, "exactly one refetch for the new kid");
    verifier.verify(&after, &expect(&nonce2)).await.unwrap();
    assert_eq!(jwks.fetch_count(), 2);

    // The old key is gone from the provider's set, and the refetch it would call for is
    // suppressed: the set was fetched a moment ago.
    let err = verifier.verify(&before, &expect(&nonce)).await.unwrap_err();
    assert!(
        matches!(
            err,
            IdTokenError::UnknownKey {
                refetched: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(jwks.fetch_count(), 2);
}

#[tokio::test]
async fn dpop_bound_tokens_from_the_real_token_endpoint() {
    let server = Server::start();
    let client = server.client("conf-es256", "conf-es256-secret");
    let (query, pending, nonce) = authorize(&client, None, false).await;
    let code = param(&query, "code");
    let key = DpopKey::generate().unwrap();
    let token_url = server.url("/token");
    let http = reqwest::Client::new();

    // The token request, by hand (the building blocks without the engine), with the one retry
    // the server's nonce challenge calls for.
    let mut server_nonce: Option<String> = None;
    let body: Value = loop {
        let mut proof = key.proof(&reqwest::Method::POST, &token_url).unwrap();
        if let Some(n) = &server_nonce {
            proof = proof.nonce(n.clone());
        }
        let response = http
            .post(token_url.clone())
            .basic_auth("conf-es256", Some("conf-es256-secret"))
            .header("DPoP", proof.sign().unwrap().as_str())
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT_URI),
                (
                    "code_verifier",
                    pending.pkce_verifier.as_ref().unwrap().secret(),
                ),
            ])
            .send()
            .await
            .unwrap();
        let nonce_header = oauth_runtime::oidc::dpop::server_nonce(response.headers());
        let status = response.status();
        let body: Value = response.json().await.unwrap();
        if status.is_success() {
            break body;
        }
        assert!(
            body["error"] == "use_dpop_nonce" && server_nonce.is_none() && nonce_header.is_some(),
            "token endpoint refused the DPoP proof: {status} {body}"
        );
        server_nonce = nonce_header;
    };
    assert_eq!(body["token_type"], "DPoP", "{body}");
    let access = AccessToken::new(body["access_token"].as_str().unwrap());

    // The token is bound to our key's thumbprint.
    let introspection: Value = http
        .post(server.url("/token/introspection"))
        .basic_auth("conf-es256", Some("conf-es256-secret"))
        .form(&[("token", access.secret())])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        introspection["cnf"]["jkt"],
        json!(key.thumbprint()),
        "{introspection}"
    );

    let jwks = jwks_cache(&server, Duration::from_secs(30)).await;
    let claims = verifier(&server, "conf-es256", &jwks)
        .verify(
            body["id_token"].as_str().unwrap(),
            &Expected {
                nonce: Some(&nonce),
                access_token: Some(&access),
                ..Expected::default()
            },
        )
        .await
        .expect("ID token of a DPoP token response");

    let userinfo = UserInfo::new(server.url("/me")).unwrap();
    let me = userinfo
        .fetch_with_dpop(&access, &key, &claims.sub)
        .await
        .expect("UserInfo with a DPoP proof");
    assert_eq!(me.sub, USER);
    // Presented as a bearer token, or with a proof from another key, it is refused.
    let err = userinfo.fetch(&access, &claims.sub).await.unwrap_err();
    assert!(matches!(err, UserInfoError::Unauthorized { .. }), "{err:?}");
    let thief = DpopKey::generate().unwrap();
    let err = userinfo
        .fetch_with_dpop(&access, &thief, &claims.sub)
        .await
        .unwrap_err();
    assert!(matches!(err, UserInfoError::Unauthorized { .. }), "{err:?}");
}

/// A client credentials request authenticated by `assertion` alone.
async fn token_with_assertion(server: &Server, assertion: &ClientAssertion) -> (u16, Value) {
    let mut form = vec![("grant_type", "client_credentials"), ("scope", "api_read")];
    form.extend(assertion.form_params());
    let response = reqwest::Client::new()
        .post(server.url("/token"))
        .form(&form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn client_assertions_authenticate_at_the_real_token_endpoint() {
    let pair = DpopKey::generate_for(JwsAlgorithm::ES256).unwrap();
    let mut private: Value = serde_json::from_str(pair.export().secret()).unwrap();
    private["kid"] = json!("client-key-1");
    let key = SigningKey::from_jwk(&private.to_string()).unwrap();
    let mut public = serde_json::to_value(pair.public_jwk()).unwrap();
    public["kid"] = json!("client-key-1");
    let server = Server::start_with(0, Some(&json!({ "keys": [public] })));
    let token_url = server.url("/token");

    // private_key_jwt, with the token endpoint or the issuer as audience.
    for audience in [token_url.as_str(), server.issuer.as_str()] {
        let assertion = ClientAssertion::builder(&ClientId::new("conf-pkjwt"), audience)
            .private_key_jwt(&key)
            .unwrap();
        let (status, body) = token_with_assertion(&server, &assertion).await;
        assert_eq!(status, 200, "private_key_jwt refused: {body}");
        assert_eq!(body["scope"], "api_read");
        // The same assertion twice: its jti is spent.
        let (status, body) = token_with_assertion(&server, &assertion).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (401, Some("invalid_client")),
            "{body}"
        );
    }
    // Signed by a key the client did not register.
    let stranger = SigningKey::from_jwk(&{
        let mut p: Value =
            serde_json::from_str(DpopKey::generate().unwrap().export().secret()).unwrap();
        p["kid"] = json!("client-key-1");
        p.to_string()
    })
    .unwrap();
    let forged = ClientAssertion::builder(&ClientId::new("conf-pkjwt"), token_url.as_str())
        .private_key_jwt(&stranger)
        .unwrap();
    let (status, body) = token_with_assertion(&server, &forged).await;
    assert_eq!(status, 401, "{body}");

    // client_secret_jwt.
    let secret = ClientSecret::new("conf-sjwt-secret-that-is-long-enough-for-hs256");
    let assertion = ClientAssertion::builder(&ClientId::new("conf-sjwt"), token_url.as_str())
        .client_secret_jwt(&secret, JwsAlgorithm::HS256)
        .unwrap();
    let (status, body) = token_with_assertion(&server, &assertion).await;
    assert_eq!(status, 200, "client_secret_jwt refused: {body}");
    let wrong = ClientAssertion::builder(&ClientId::new("conf-sjwt"), token_url.as_str())
        .client_secret_jwt(&ClientSecret::new("not-the-secret"), JwsAlgorithm::HS256)
        .unwrap();
    let (status, _) = token_with_assertion(&server, &wrong).await;
    assert_eq!(status, 401);
}

// --- The generated client's OpenID face, against the real server.

#[tokio::test]
async fn the_generated_client_refuses_metadata_naming_another_issuer() {
    let server = Server::start();
    let client = server.client("conf-basic", "conf-basic-secret");
    server.forge("discovery-issuer").await;
    let err = client.discover().await.unwrap_err();
    match &err {
        Error::Discovery(e) => assert!(
            matches!(**e, DiscoveryError::IssuerMismatch { .. }),
            "{e:?}"
        ),
        other => panic!("expected a discovery error, got {other:?}"),
    }
    assert_eq!(server.count("FORGED discovery-issuer").await, 1);
    // Nothing wrong was cached: the genuine document is taken next time.
    let metadata = client.discover().await.expect("the genuine metadata");
    assert_eq!(metadata.issuer, server.issuer);
}

#[tokio::test]
async fn login_yields_verified_claims_for_rs256_ps256_es256_and_eddsa() {
    let server = Server::start();
    for (id, secret, alg) in [
        ("conf-basic", "conf-basic-secret", "RS256"),
        ("conf-ps256", "conf-ps256-secret", "PS256"),
        ("conf-es256", "conf-es256-secret", "ES256"),
        ("conf-eddsa", "conf-eddsa-secret", "EdDSA"),
    ] {
        let client = server.client(id, secret);
        let login = login(&client).await;
        assert_eq!(
            header_alg(&id_token(&login.tokens)),
            alg,
            "{id} signs with {alg}"
        );
        assert_eq!(login.claims.sub, USER);
        assert_eq!(login.claims.iss, server.issuer);
        assert_eq!(login.claims.aud, [id]);
        assert!(login.claims.nonce.is_some());
        assert_eq!(
            login.client.id_token_claims(&login.tokens).as_ref(),
            Some(&login.claims),
            "the claims are kept on the token set"
        );
        let me = login
            .client
            .userinfo(&login.tokens)
            .await
            .expect("userinfo");
        assert_eq!(me.sub, USER);
        assert_eq!(
            me.standard.email.as_deref(),
            Some("conformance-user@example.test")
        );
        // UserInfo for a set whose verified `sub` is someone else's is refused.
        let mut other = login.tokens.clone();
        let mut claims = (*login.claims).clone();
        claims.sub = "someone-else".into();
        other.id_token_claims = Some(Arc::new(claims));
        match login.client.userinfo(&other).await.unwrap_err() {
            Error::UserInfo(e) => assert!(matches!(*e, UserInfoError::SubjectMismatch), "{e:?}"),
            e => panic!("{e:?}"),
        }
    }
}

#[tokio::test]
async fn logout_revokes_the_tokens_and_names_the_end_session_url() {
    let server = Server::start();
    let client = server.client("conf-basic", "conf-basic-secret");
    let login = login(&client).await;
    let access = login.tokens.access_token.secret().to_string();
    let hint = id_token(&login.tokens);
    let active = server
        .introspect("conf-basic", "conf-basic-secret", &access)
        .await;
    assert_eq!(active["active"], true, "{active}");

    let url = login
        .client
        .logout(login.tokens, None, Some("bye"))
        .await
        .expect("logout")
        .expect("oidc-provider has an end-session endpoint");
    assert_eq!(url.path(), "/session/end");
    let q: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(q.contains(&("id_token_hint".into(), hint)));
    assert!(q.contains(&("client_id".into(), "conf-basic".into())));
    assert!(q.contains(&("state".into(), "bye".into())));
    let revoked = server
        .introspect("conf-basic", "conf-basic-secret", &access)
        .await;
    assert_eq!(revoked["active"], false, "revoked on logout: {revoked}");
    // The server takes the URL: its logout confirmation page, not an error.
    let page = browser().get(url).send().await.unwrap();
    assert_eq!(page.status(), 200);
}

#[tokio::test]
async fn forged_id_tokens_are_refused_with_the_check_that_failed() {
    let server = Server::start();
    let client = server.client("conf-basic", "conf-basic-secret");
    // A genuine login first (and the ID token `replay` hands back later).
    login(&client).await;
    type Check = fn(&IdTokenError) -> bool;
    let cases: [(&str, Check); 8] = [
        ("signature", |e| matches!(e, IdTokenError::Signature)),
        ("audience", |e| matches!(e, IdTokenError::Audience { .. })),
        ("issuer", |e| matches!(e, IdTokenError::Issuer { .. })),
        ("expired", |e| matches!(e, IdTokenError::Expired { .. })),
        ("no-nonce", |e| {
            matches!(e, IdTokenError::Nonce { missing: true })
        }),
        ("replay", |e| {
            matches!(e, IdTokenError::Nonce { missing: false })
        }),
        (
            "none",
            |e| matches!(e, IdTokenError::Algorithm { alg } if alg == "none"),
        ),
        (
            "hs256",
            |e| matches!(e, IdTokenError::Algorithm { alg } if alg == "HS256"),
        ),
    ];
    for (kind, check) in cases {
        let (query, pending, _) = redirect_of(&client, false, false).await;
        server.forge(kind).await;
        let err = client.login(pending, &query).await.unwrap_err();
        assert_eq!(
            server.count(&format!("FORGED {kind}")).await,
            1,
            "{kind} was forged"
        );
        let e = id_token_error(&err);
        assert!(check(e), "`{kind}` refused for the wrong reason: {e:?}");
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("eyJ"), "no token in the error: {shown}");
    }
    // The client is fine: an unforged login still passes.
    login(&client).await;
}

#[tokio::test]
async fn a_key_rotation_reaches_the_generated_client_through_one_jwks_refetch() {
    let server = Server::start();
    let client = server.client("conf-es256", "conf-es256-secret");
    let before = login(&client).await;
    // Same issuer and port, new keys. The cache refetches an unknown `kid` at most every 30 s
    // (`DEFAULT_MIN_REFETCH_INTERVAL`), and the generated client goes by the real clock.
    let server = server.restart();
    tokio::time::sleep(
        oauth_runtime::oidc::jwks::DEFAULT_MIN_REFETCH_INTERVAL + Duration::from_secs(1),
    )
    .await;
    let after = login(&client).await;
    assert_eq!(after.claims.sub, before.claims.sub);
    assert_ne!(
        kid(&id_token(&before.tokens)),
        kid(&id_token(&after.tokens)),
        "the restart rotated the key"
    );
    assert_eq!(server.count("JWKS").await, 1, "one fetch of the new set");
    // Another login under the same new key needs no fetch.
    login(&client).await;
    assert_eq!(server.count("JWKS").await, 1, "known kid: no fetch");
}

fn kid(jwt: &str) -> String {
    let header: Value =
        serde_json::from_slice(&b64_decode(jwt.split('.').next().unwrap())).unwrap();
    header["kid"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn par_is_used_when_the_metadata_requires_it_and_when_asked() {
    let server = Server(Provider::start(
        0,
        &[("CONFORMANCE_OIDC", "1"), ("CONFORMANCE_PAR_REQUIRED", "1")],
    ));
    let client = server.client("conf-basic", "conf-basic-secret");
    assert!(
        client
            .discover()
            .await
            .unwrap()
            .require_pushed_authorization_requests
    );

    let (query, pending, url) = redirect_of(&client, true, false).await;
    let mut keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    keys.sort();
    assert_eq!(keys, ["client_id", "request_uri"], "{url}");
    assert_eq!(server.count("PUSHED").await, 1);
    let login = client
        .login(pending, &query)
        .await
        .expect("login after PAR");
    assert_eq!(login.claims.sub, USER);

    // The same request not pushed is refused by this server.
    let (query, _, _) = redirect_of(&client, false, false).await;
    assert!(query.contains("error=invalid_request"), "{query}");

    // Where PAR is optional, `start()` pushes only when the builder asks.
    let relaxed = Server::start();
    let (_, _, url) = redirect_of(
        &relaxed.client("conf-basic", "conf-basic-secret"),
        true,
        false,
    )
    .await;
    assert!(
        url.query_pairs().any(|(k, _)| k == "response_type"),
        "not pushed: {url}"
    );
    assert_eq!(relaxed.count("PUSHED").await, 0);
    let asked = OpenId::builder(
        Credentials::new("conf-basic", "conf-basic-secret"),
        &relaxed.issuer,
    )
    .redirect_uri(REDIRECT_URI.parse().unwrap())
    .par(true)
    .build()
    .unwrap();
    let (query, pending, url) = redirect_of(&asked, true, false).await;
    assert!(url.query_pairs().any(|(k, _)| k == "request_uri"), "{url}");
    assert_eq!(relaxed.count("PUSHED").await, 1);
    asked
        .login(pending, &query)
        .await
        .expect("login after an asked-for PAR");
}

#[tokio::test]
async fn dpop_binds_the_tokens_through_the_servers_nonce_challenge() {
    let server = Server::start();
    let client = OpenId::builder(
        Credentials::new("conf-es256", "conf-es256-secret"),
        &server.issuer,
    )
    .redirect_uri(REDIRECT_URI.parse().unwrap())
    .dpop(true)
    .build()
    .unwrap();
    let (query, pending, _) = redirect_of(&client, false, true).await;
    let login = client.login(pending, &query).await.expect("DPoP login");
    assert_eq!(
        server.count("CHALLENGE /token").await,
        1,
        "the server asked for its nonce once"
    );
    assert_eq!(login.tokens.token_type.as_deref(), Some("DPoP"));
    let key = DpopKey::import(
        login
            .tokens
            .dpop_key
            .as_ref()
            .expect("the key is kept with the set"),
    )
    .unwrap();
    let jkt = |v: &Value| v["cnf"]["jkt"].clone();
    let access = login.tokens.access_token.secret().to_string();
    let seen = server
        .introspect("conf-es256", "conf-es256-secret", &access)
        .await;
    assert_eq!(jkt(&seen), json!(key.thumbprint()), "{seen}");

    // UserInfo with a proof (the server's nonce is already known: no second challenge).
    let me = login
        .client
        .userinfo(&login.tokens)
        .await
        .expect("UserInfo with DPoP");
    assert_eq!(me.sub, USER);
    // The bound token without its proof is refused.
    let mut stolen = login.tokens.clone();
    stolen.token_type = Some("Bearer".into());
    stolen.dpop_key = None;
    match login.client.userinfo(&stolen).await.unwrap_err() {
        Error::UserInfo(e) => assert!(matches!(*e, UserInfoError::Unauthorized { .. }), "{e:?}"),
        e => panic!("{e:?}"),
    }
    // A refresh is signed with the set's own key: the new tokens are bound to it too.
    let renewed = login
        .client
        .refresh(&login.tokens)
        .await
        .expect("DPoP refresh");
    assert_eq!(renewed.token_type.as_deref(), Some("DPoP"));
    let seen = server
        .introspect(
            "conf-es256",
            "conf-es256-secret",
            renewed.access_token.secret(),
        )
        .await;
    assert_eq!(jkt(&seen), json!(key.thumbprint()), "{seen}");
    assert_eq!(
        renewed.id_token_claims().map(|c| c.sub.as_str()),
        Some(USER)
    );
}
