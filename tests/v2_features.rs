//! The spec-v2 features through *generated* clients, against the simulator serving the same
//! spec: what a user of each kind of provider writes, end to end.
//!
//! Each spec in `tests/specs/v2/` is a small provider shaped like a real one (QuickBooks,
//! Salesforce, Shopify, Slack, Notion, Mailchimp, Facebook, Sign in with Apple) and exercises
//! the fields that provider needs; the bundled catalogue specs exercise them again on real
//! facts. The raw-HTTP contract of the simulator is in `oauth-sim/tests/v2_*.rs`; the runtime's
//! requests, recorded, are in `oauth-runtime/tests/v2.rs`.

use std::time::{Duration, SystemTime};

use oauth_providers::{scope, Credentials, Error, PendingAuthorization, TokenSet};
use oauth_sim::{Consent, Simulator};
use url::Url;

mod support;
use support::{callback, consent};

use books::Books;
use chat::Chat;

mod books {
    oauth_providers::provider!("tests/specs/v2/quickbooks_like.yaml");
}
mod force {
    oauth_providers::provider!("tests/specs/v2/salesforce_like.yaml");
}
mod store {
    oauth_providers::provider!("tests/specs/v2/shopify_like.yaml");
}
mod chat {
    oauth_providers::provider!("tests/specs/v2/slack_like.yaml");
}
mod pages {
    oauth_providers::provider!("tests/specs/v2/notion_like.yaml");
}
mod mail {
    oauth_providers::provider!("tests/specs/v2/mailchimp_like.yaml");
}
mod social {
    oauth_providers::provider!("tests/specs/v2/facebook_like.yaml");
}
mod fruit {
    oauth_providers::provider!("tests/specs/v2/apple_like.yaml");
}

const REDIRECT: &str = "http://127.0.0.1/callback";

fn sim(spec: &str, id: &str, secret: &str) -> Simulator {
    let path = format!("{}/tests/specs/v2/{spec}", env!("CARGO_MANIFEST_DIR"));
    let sim = Simulator::from_spec_file(&path).expect("the simulator starts");
    sim.register_client(id, secret, [REDIRECT]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    sim
}

fn redirect() -> Url {
    REDIRECT.parse().expect("redirect URI")
}

/// `/sim/me` below the API base of `tokens`, called through the generated client.
async fn me_status(
    url: Url,
    send: impl std::future::Future<Output = Result<oauth_providers::ApiResponse, Error>>,
) -> serde_json::Value {
    let response = send.await.unwrap_or_else(|e| panic!("{url}: {e}"));
    assert_eq!(response.status, 200, "{url}");
    serde_json::from_slice(&response.body).expect("JSON")
}

fn me(base: Url) -> Url {
    let mut url = base;
    let path = format!("{}/sim/me", url.path().trim_end_matches('/'));
    url.set_path(&path);
    url
}

fn remaining(tokens: &TokenSet) -> Duration {
    tokens
        .expires_at
        .and_then(|at| at.duration_since(SystemTime::now()).ok())
        .unwrap_or_default()
}

/// QuickBooks-like: `realmId` from the redirect becomes the token set's `realm_id` (checked
/// against its format), selects the API path, survives a refresh; the refresh token's
/// lifetime is read from `x_refresh_token_expires_in`; `minorversion` rides on the exchange;
/// scopes from two families.
#[tokio::test]
async fn a_value_from_the_redirect_selects_the_api_path() {
    let sim = sim("quickbooks_like.yaml", "id", "secret");
    let client = books::Books::builder(Credentials::new("id", "secret"))
        .redirect_uri(redirect())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    let (url, pending) = client
        .authorize()
        .scope(scope!(Books.openid))
        .scope(scope!(Books, "com.books.accounting"))
        .url()
        .expect("URL");
    let query = callback(url).await;
    let (client, tokens) = client
        .exchange_callback(pending, &query)
        .await
        .expect("exchange");
    let realm = tokens
        .connection_value("realm_id")
        .expect("realm_id kept")
        .to_string();
    assert!(realm.chars().all(|c| c.is_ascii_digit()), "{realm}");
    let exchange = sim
        .requests()
        .into_iter()
        .find(|r| r.param("grant_type") == Some("authorization_code"))
        .expect("the code exchange");
    assert_eq!(exchange.param("minorversion"), Some("75"));
    let refresh_left = tokens
        .refresh_expires_at
        .and_then(|at| at.duration_since(SystemTime::now()).ok())
        .expect("the refresh token's lifetime is read from the response");
    assert!(
        refresh_left > Duration::from_secs(86_400),
        "{refresh_left:?}"
    );

    let api = client.endpoint_url_for("api", &tokens).expect("API URL");
    assert!(api.path().ends_with(&format!("/company/{realm}")), "{api}");
    let url = me(api);
    let body = me_status(
        url.clone(),
        client.send_api(client.http().get(url), &tokens),
    )
    .await;
    assert_eq!(body["connection"]["realm_id"], realm.as_str());

    let renewed = client.refresh(&tokens).await.expect("refresh");
    assert_eq!(renewed.connection_value("realm_id"), Some(realm.as_str()));
    // Without the value the API URL is a typed error, never a request to another company.
    let bare = TokenSet::bearer("t", None);
    assert!(matches!(
        client.endpoint_url_for("api", &bare),
        Err(Error::MissingConnectionValue { .. })
    ));
}

/// Salesforce-like: `instance_url` comes in the token response and is the API host; no expiry
/// is sent, so the spec's two hours apply.
#[tokio::test]
async fn the_api_host_from_the_token_response_and_the_documented_lifetime() {
    let sim = sim("salesforce_like.yaml", "id", "secret");
    let client = force::Force::builder(Credentials::new("id", "secret"))
        .redirect_uri(redirect())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    let (url, pending) = client.authorize().url().expect("URL");
    let (client, tokens) = client
        .exchange_callback(pending, &callback(url).await)
        .await
        .expect("exchange");
    let instance = tokens
        .connection_value("instance_url")
        .expect("instance_url kept")
        .to_string();
    assert!(instance.ends_with(".my.force.example"), "{instance}");
    let left = remaining(&tokens);
    assert!(
        left > Duration::from_secs(7000) && left <= Duration::from_secs(7200),
        "no expiry sent: the documented 2 h apply, got {left:?}"
    );
    let api = client.endpoint_url_for("api", &tokens).expect("API URL");
    assert_eq!(api.path(), "/services/data/v62.0");
    let url = me(api);
    let body = me_status(
        url.clone(),
        client.send_api(client.http().get(url), &tokens),
    )
    .await;
    assert_eq!(body["user"], "alice");
}

/// Shopify-like: the redirect is signed and checked before its code is used; a tampered one
/// is `CallbackSignature`; the token goes bare in `X-Shop-Access-Token`.
#[tokio::test]
async fn a_signed_redirect_and_a_bare_token_in_a_header_of_its_own() {
    let sim = sim("shopify_like.yaml", "id", "shpss_secret");
    let client = store::Store::builder(Credentials::new("id", "shpss_secret"), "my-shop")
        .redirect_uri(redirect())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    assert_eq!(client.shop().as_str(), "my-shop");
    let (url, pending) = client.authorize().url().expect("URL");
    let query = callback(url).await;
    assert!(query.contains("hmac="), "{query}");
    let tampered = query.replace("code=", "code=X");
    let err = client
        .exchange_callback(pending, &tampered)
        .await
        .expect_err("a tampered redirect");
    assert!(matches!(err, Error::CallbackSignature), "{err:?}");
    assert!(
        sim.requests().iter().all(|r| r.param("code").is_none()),
        "nothing is exchanged before the signature holds"
    );

    let (url, pending) = client.authorize().url().expect("URL");
    let (client, tokens) = client
        .exchange_callback(pending, &callback(url).await)
        .await
        .expect("exchange");
    let url = me(client.endpoint_url("api").expect("API URL"));
    let request = client
        .authorize_request(client.http().get(url.clone()), &tokens)
        .expect("authorized")
        .build()
        .expect("request");
    assert_eq!(
        request
            .headers()
            .get("x-shop-access-token")
            .and_then(|v| v.to_str().ok()),
        Some(tokens.access_token.secret())
    );
    assert!(request.headers().get("authorization").is_none());
    me_status(
        url.clone(),
        client.send_api(client.http().get(url), &tokens),
    )
    .await;
}

/// Slack-like: a scope goes in the parameter of its family (`user_scope`), the user token comes
/// nested under `authed_user` as a secondary set with its own scopes and type.
#[tokio::test]
async fn a_second_scope_parameter_yields_a_secondary_token_set() {
    let sim = sim("slack_like.yaml", "id", "secret");
    let client = chat::Chat::builder(Credentials::new("id", "secret"))
        .redirect_uri(redirect())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    let (url, pending) = client
        .authorize()
        .scope(scope!(Chat, "chat:write"))
        .scope(scope!(Chat.user.search.read))
        .url()
        .expect("URL");
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(
        pairs.contains(&("scope".into(), "chat:write".into())),
        "{url}"
    );
    assert!(
        pairs.contains(&("user_scope".into(), "search:read".into())),
        "{url}"
    );
    let (_, tokens) = client
        .exchange_callback(pending, &callback(url).await)
        .await
        .expect("exchange");
    assert_eq!(tokens.token_type.as_deref(), Some("bot"));
    let user = tokens.secondary("user").expect("the user token");
    assert_eq!(user.token_type.as_deref(), Some("user"));
    assert_eq!(
        user.scopes.as_deref(),
        Some(&["search:read".to_string()][..])
    );
    assert_ne!(user.access_token.secret(), tokens.access_token.secret());
}

/// Notion-like: the code exchange is JSON with a version header and raw Basic; a fixed
/// authorize parameter (`owner=user`); every API call carries the version header.
#[tokio::test]
async fn a_json_token_request_and_api_headers() {
    let sim = sim("notion_like.yaml", "id", "secret");
    let client = pages::Pages::builder(Credentials::new("id", "secret"))
        .redirect_uri(redirect())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    let (url, pending) = client.authorize().url().expect("URL");
    assert!(
        url.query_pairs().any(|(k, v)| k == "owner" && v == "user"),
        "{url}"
    );
    let (client, tokens) = client
        .exchange_callback(pending, &callback(url).await)
        .await
        .expect("a JSON exchange");
    // The token does not expire (the simulator says so with a lifetime of years).
    assert!(
        tokens.expires_at.is_none() || remaining(&tokens) > Duration::from_secs(5 * 365 * 86_400),
        "{:?}",
        tokens.expires_at
    );
    let exchange = sim
        .requests()
        .into_iter()
        .find(|r| r.path.ends_with("/oauth/token"))
        .expect("the exchange");
    assert_eq!(exchange.header("pages-version"), Some("2022-06-28"));
    assert!(!exchange.json.is_empty(), "the body was JSON");
    let url = me(client.endpoint_url("api").expect("API URL"));
    me_status(
        url.clone(),
        client.send_api(client.http().get(url), &tokens),
    )
    .await;
    let call = sim
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.path.ends_with("/sim/me"))
        .expect("the API call");
    assert_eq!(call.header("pages-version"), Some("2022-06-28"));
    assert!(call
        .header("user-agent")
        .is_some_and(|ua| ua.starts_with("oauth-providers/")));
}

/// Mailchimp-like: `expires_in: 0` means never here; the data centre comes from the metadata
/// call the spec declares and becomes the API host, which the origin pattern allows.
#[tokio::test]
async fn a_value_from_a_follow_up_call_and_a_token_that_never_expires() {
    let sim = sim("mailchimp_like.yaml", "id", "secret");
    let client = mail::Mail::builder(Credentials::new("id", "secret"))
        .redirect_uri(redirect())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    let (url, pending) = client.authorize().url().expect("URL");
    let (client, tokens) = client
        .exchange_callback(pending, &callback(url).await)
        .await
        .expect("exchange");
    assert_eq!(
        tokens.expires_at, None,
        "expires_in 0 means never for this provider"
    );
    let dc = tokens
        .connection_value("dc")
        .expect("dc learned")
        .to_string();
    assert!(dc.starts_with("us"), "{dc}");
    let api = client.endpoint_url_for("api", &tokens).expect("API URL");
    let url = me(api);
    me_status(
        url.clone(),
        client.send_api(client.http().get(url), &tokens),
    )
    .await;
}

/// Facebook-like: no refresh token, yet `refresh` renews by exchanging the access token
/// (`grant_type=fb_exchange_token`).
#[tokio::test]
async fn a_renewal_that_exchanges_the_access_token() {
    let sim = sim("facebook_like.yaml", "id", "secret");
    let client = social::Social::builder(Credentials::new("id", "secret"))
        .redirect_uri(redirect())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    let (url, pending) = client.authorize().url().expect("URL");
    let (client, tokens) = client
        .exchange_callback(pending, &callback(url).await)
        .await
        .expect("exchange");
    assert!(tokens.refresh_token.is_none());
    let renewed = client.refresh(&tokens).await.expect("an exchange renewal");
    assert_ne!(renewed.access_token.secret(), tokens.access_token.secret());
    let renewal = sim
        .requests()
        .into_iter()
        .find(|r| r.param("grant_type") == Some("fb_exchange_token"))
        .expect("the renewal");
    assert_eq!(
        renewal.param("fb_exchange_token"),
        Some(tokens.access_token.secret())
    );
    let source = client.token_source("alice").build();
    source.set(renewed).await.expect("seed the source");
    assert!(source.token().await.is_ok());
}

/// Apple-like: the redirect is a form POST, the client secret an ES256 JWT the client signs
/// with its key, and the tokens serve no API.
#[tokio::test]
async fn a_form_post_redirect_and_a_signed_client_secret() {
    use ring::rand::SystemRandom;
    use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};

    let sim = sim("apple_like.yaml", "com.example.app", "");
    let rng = SystemRandom::new();
    let pkcs8 =
        EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).expect("a P-256 key");
    let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
        .expect("the key");
    let public = pair.public_key().as_ref();
    let b64 = |b: &[u8]| {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
    };
    let jwk = serde_json::json!({
        "kty": "EC", "crv": "P-256", "kid": "KEY123",
        "x": b64(&public[1..33]), "y": b64(&public[33..65]),
    });
    sim.register_client_key("com.example.app", &jwk.to_string())
        .expect("the public key");
    let key = oauth_providers::jose::SigningKey::from_pkcs8_der(
        oauth_providers::jose::JwsAlgorithm::ES256,
        pkcs8.as_ref(),
    )
    .expect("a signing key")
    .with_kid("KEY123");
    let client = fruit::Fruit::builder(Credentials::public("com.example.app"), "TEAM123456")
        .redirect_uri(redirect())
        .origin_override(sim.origin())
        .private_key(key)
        .build()
        .expect("client");
    let (url, pending): (Url, PendingAuthorization) = client.authorize().url().expect("URL");
    let page = consent(url).await.text().await.expect("the form-post page");
    let form: Vec<(String, String)> = page
        .lines()
        .filter_map(|l| {
            let rest = l.trim().strip_prefix("<input type=\"hidden\" name=\"")?;
            let (name, rest) = rest.split_once("\" value=\"")?;
            let (value, _) = rest.split_once('"')?;
            Some((name.to_string(), value.to_string()))
        })
        .collect();
    assert!(form.iter().any(|(k, _)| k == "code"), "{page}");
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form.iter())
        .finish();
    let (client, tokens) = client
        .exchange_form_post(pending, &body)
        .await
        .expect("a signed client secret and a posted redirect");
    assert!(!tokens.access_token.secret().is_empty());
    let refused = client.authorize_request(client.http().get(sim.origin()), &tokens);
    assert!(
        refused.is_err(),
        "tokens that serve no API are never attached"
    );
}
