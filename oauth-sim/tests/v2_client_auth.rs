//! Client authentication by every `client_auth` method: Basic in both encodings, public
//! clients (`none`, `public`), RFC 7523 client assertions (`private_key_jwt`,
//! `client_secret_jwt`) and Apple's signed client secret, each refusing what the provider
//! refuses.

mod raw;

use base64::Engine;
use raw::{challenge, code, hs256, http, send, sim, url, Key, REDIRECT, VERIFIER};
use serde_json::{json, Value};

const CC: &str = r#"
provider: { name: Cc, display_name: Client credentials }
endpoints:
  token: { url: "https://auth.example/oauth/token" }
client_auth: AUTH
grants:
  client_credentials: {}
"#;

fn cc(auth: &str) -> oauth_sim::Simulator {
    sim(&CC.replace("AUTH", auth))
}

fn basic(user_pass: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(user_pass)
    )
}

fn form_encoded(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

async fn cc_with_header(sim: &oauth_sim::Simulator, authorization: &str) -> (u16, Value) {
    send(
        http()
            .post(url(sim, "token"))
            .header("authorization", authorization)
            .form(&[("grant_type", "client_credentials")]),
    )
    .await
}

const ID: &str = "my app";
const SECRET: &str = "p+ss/w:rd&";

/// `encoding: form` (RFC 6749 §2.3.1): id and secret are form-decoded, so a client that sends
/// them raw presents another secret (`+` is a space) and is refused.
#[tokio::test]
async fn basic_form_encoding_decodes_id_and_secret() {
    let sim = cc("{ method: basic, encoding: form }");
    sim.register_client(ID, SECRET, Vec::<String>::new());
    let encoded = format!("{}:{}", form_encoded(ID), form_encoded(SECRET));
    let (status, ok) = cc_with_header(&sim, &basic(&encoded)).await;
    assert_eq!(status, 200, "{ok}");
    let (status, err) = cc_with_header(&sim, &basic(&format!("{ID}:{SECRET}"))).await;
    assert_eq!(
        (status, raw::s(&err, "error")),
        (401, "invalid_client"),
        "{err}"
    );
    // Credentials in the body are not read by a Basic provider.
    let (status, _) = send(http().post(url(&sim, "token")).form(&[
        ("grant_type", "client_credentials"),
        ("client_id", ID),
        ("client_secret", SECRET),
    ]))
    .await;
    assert_eq!(status, 400);
}

/// `encoding: raw`: id and secret are taken as they are, so a form-encoded secret is another
/// secret.
#[tokio::test]
async fn basic_raw_encoding_takes_id_and_secret_as_they_are() {
    let sim = cc("{ method: basic, encoding: raw }");
    sim.register_client(ID, SECRET, Vec::<String>::new());
    let (status, ok) = cc_with_header(&sim, &basic(&format!("{ID}:{SECRET}"))).await;
    assert_eq!(status, 200, "{ok}");
    let encoded = format!("{}:{}", form_encoded(ID), form_encoded(SECRET));
    let (status, err) = cc_with_header(&sim, &basic(&encoded)).await;
    assert_eq!(
        (status, raw::s(&err, "error")),
        (401, "invalid_client"),
        "{err}"
    );
    let (status, _) = cc_with_header(&sim, "Basic !!not-base64!!").await;
    assert_eq!(status, 401);
}

const PUBLIC: &str = r#"
provider: { name: Public, display_name: Public clients }
endpoints:
  authorize: { url: "https://auth.example/authorize" }
  token: { url: "https://auth.example/token" }
client_auth: AUTH
grants:
  authorization_code: { pkce: optional }
  client_credentials: {}
"#;

/// `none`: a public client sends its id and no secret, and must use PKCE.
#[tokio::test]
async fn none_clients_send_no_secret_and_must_use_pkce() {
    let sim = sim(&PUBLIC.replace("AUTH", "none"));
    sim.register_client("pub", "", [REDIRECT]);
    let to = raw::authorize(&sim, &raw::code_request("pub", &[])).await;
    assert_eq!(
        raw::param(&to, "error").as_deref(),
        Some("invalid_request"),
        "{to}"
    );
    let ch = challenge();
    let pkce = [
        ("code_challenge", ch.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let exchange = |code: String, secret: Option<&'static str>| {
        let sim = &sim;
        async move {
            let mut form = vec![
                ("grant_type", "authorization_code".to_string()),
                ("client_id", "pub".to_string()),
                ("code", code),
                ("redirect_uri", REDIRECT.to_string()),
                ("code_verifier", VERIFIER.to_string()),
            ];
            if let Some(s) = secret {
                form.push(("client_secret", s.to_string()));
            }
            send(http().post(url(sim, "token")).form(&form)).await
        }
    };
    let c = code(&sim, "pub", &pkce).await;
    let (status, err) = exchange(c.clone(), Some("anything")).await;
    assert_eq!(status, 400, "a secret sent by a public client: {err}");
    let (status, ok) = exchange(c, None).await;
    assert_eq!(status, 200, "{ok}");
}

/// `public: none` beside `basic`: a client registered without a secret authenticates the
/// public way and only that way; a confidential client cannot pass for a public one.
#[tokio::test]
async fn clients_without_a_secret_use_the_public_method() {
    let sim = sim(&PUBLIC.replace("AUTH", "{ method: basic, public: none }"));
    sim.register_client("pub", "", [REDIRECT]);
    sim.register_client("conf", "secret", [REDIRECT]);
    let ch = challenge();
    let pkce = [
        ("code_challenge", ch.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let form = |c: &str| {
        vec![
            ("grant_type", "authorization_code".to_string()),
            ("code", c.to_string()),
            ("redirect_uri", REDIRECT.to_string()),
            ("code_verifier", VERIFIER.to_string()),
        ]
    };
    let c = code(&sim, "pub", &pkce).await;
    let (status, err) = send(
        http()
            .post(url(&sim, "token"))
            .header("authorization", basic("pub:"))
            .form(&form(&c)),
    )
    .await;
    assert_eq!(status, 401, "a public client in a Basic header: {err}");
    let mut body = form(&c);
    body.push(("client_id", "pub".to_string()));
    let (status, ok) = send(http().post(url(&sim, "token")).form(&body)).await;
    assert_eq!(status, 200, "{ok}");

    let cc = [("grant_type", "client_credentials"), ("client_id", "conf")];
    let (status, err) = send(http().post(url(&sim, "token")).form(&cc)).await;
    assert_eq!(
        status, 401,
        "a confidential client without its secret: {err}"
    );
    let (status, _) = cc_with_header(&sim, &basic("conf:secret")).await;
    assert_eq!(status, 200);
}

const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

async fn with_assertion(sim: &oauth_sim::Simulator, jwt: &str) -> (u16, Value) {
    send(http().post(url(sim, "token")).form(&[
        ("grant_type", "client_credentials"),
        ("client_assertion_type", ASSERTION_TYPE),
        ("client_assertion", jwt),
    ]))
    .await
}

fn claims(sim: &oauth_sim::Simulator, aud: &str, jti: &str, lives: u64) -> Value {
    let now = sim.now_unix();
    json!({"iss": "svc", "sub": "svc", "aud": aud, "iat": now, "exp": now + lives, "jti": jti})
}

/// `private_key_jwt` (RFC 7523): the assertion is verified with the registered key, and its
/// claims checked: `iss` = `sub` = the client, `aud` = the token endpoint, `exp` near and in
/// the future, `jti` once, `alg` the spec's.
#[tokio::test]
async fn private_key_jwt_assertions_are_verified() {
    let sim = cc("{ method: private_key_jwt, algorithm: RS256 }");
    sim.register_client("svc", "", Vec::<String>::new());
    let key = Key::rsa();
    let spec_aud = "https://auth.example/oauth/token";
    let sim_aud = url(&sim, "token").to_string();
    let (status, _) = with_assertion(
        &sim,
        &key.sign(&json!({}), &claims(&sim, spec_aud, "0", 60)),
    )
    .await;
    assert_eq!(status, 401, "no key registered yet");
    sim.register_client_key("svc", &key.jwk(Some("k1")))
        .expect("key registers");

    for (n, aud) in [spec_aud, sim_aud.as_str()].into_iter().enumerate() {
        let jwt = key.sign(
            &json!({"kid": "k1"}),
            &claims(&sim, aud, &format!("ok-{n}"), 60),
        );
        let (status, ok) = with_assertion(&sim, &jwt).await;
        assert_eq!(status, 200, "aud {aud}: {ok}");
    }
    let refused = |jwt: String, why: &'static str| {
        let sim = &sim;
        async move {
            let (status, err) = with_assertion(sim, &jwt).await;
            assert_eq!(
                (status, raw::s(&err, "error")),
                (401, "invalid_client"),
                "{why}: {err}"
            );
        }
    };
    let replayed = key.sign(&json!({}), &claims(&sim, spec_aud, "ok-0", 60));
    refused(replayed, "a used jti").await;
    refused(
        key.sign(
            &json!({}),
            &claims(&sim, "https://elsewhere.example/token", "a", 60),
        ),
        "another audience",
    )
    .await;
    let mut other_iss = claims(&sim, spec_aud, "b", 60);
    other_iss["iss"] = json!("someone-else");
    refused(key.sign(&json!({}), &other_iss), "another issuer").await;
    refused(
        key.sign(&json!({}), &claims(&sim, spec_aud, "c", 3600)),
        "an hour-long assertion (the spec's lifetime is 5 minutes)",
    )
    .await;
    refused(
        key.sign(&json!({"kid": "k2"}), &claims(&sim, spec_aud, "d", 60)),
        "another key id",
    )
    .await;
    let ed = Key::ed25519();
    refused(
        ed.sign(&json!({"alg": "RS256"}), &claims(&sim, spec_aud, "e", 60)),
        "signed by another key",
    )
    .await;
    refused(
        ed.sign(&json!({}), &claims(&sim, spec_aud, "f", 60)),
        "signed with another algorithm",
    )
    .await;
    let late = key.sign(&json!({}), &claims(&sim, spec_aud, "g", 60));
    sim.clock().advance(std::time::Duration::from_secs(200));
    refused(late, "an expired assertion").await;
    let (status, _) = send(
        http().post(url(&sim, "token")).form(&[
            ("grant_type", "client_credentials"),
            (
                "client_assertion",
                key.sign(&json!({}), &claims(&sim, spec_aud, "h", 60))
                    .as_str(),
            ),
        ]),
    )
    .await;
    assert_eq!(status, 401, "no client_assertion_type");
}

/// `private_key_jwt` with ES256 and EdDSA keys.
#[tokio::test]
async fn private_key_jwt_verifies_p256_and_ed25519_keys() {
    for (alg, key) in [("ES256", Key::p256()), ("EdDSA", Key::ed25519())] {
        let sim = cc(&format!("{{ method: private_key_jwt, algorithm: {alg} }}"));
        sim.register_client("svc", "", Vec::<String>::new());
        sim.register_client_key("svc", &key.jwk(None)).expect("key");
        let aud = url(&sim, "token").to_string();
        let (status, ok) =
            with_assertion(&sim, &key.sign(&json!({}), &claims(&sim, &aud, "1", 60))).await;
        assert_eq!(status, 200, "{alg}: {ok}");
        let other = Key::p256();
        let (status, _) = with_assertion(
            &sim,
            &other.sign(&json!({"alg": alg}), &claims(&sim, &aud, "2", 60)),
        )
        .await;
        assert_eq!(status, 401, "{alg}: another key");
    }
}

/// `client_secret_jwt`: an HS256 assertion keyed with the client secret.
#[tokio::test]
async fn client_secret_jwt_is_keyed_with_the_secret() {
    let sim = cc("client_secret_jwt");
    sim.register_client("svc", "s3cret", Vec::<String>::new());
    let aud = url(&sim, "token").to_string();
    let (status, ok) = with_assertion(&sim, &hs256("s3cret", &claims(&sim, &aud, "1", 60))).await;
    assert_eq!(status, 200, "{ok}");
    let (status, err) = with_assertion(&sim, &hs256("guess", &claims(&sim, &aud, "2", 60))).await;
    assert_eq!(status, 401, "{err}");
    // The secret itself is not accepted in its place.
    let (status, _) = send(http().post(url(&sim, "token")).form(&[
        ("grant_type", "client_credentials"),
        ("client_id", "svc"),
        ("client_secret", "s3cret"),
    ]))
    .await;
    assert_eq!(status, 400);
}

const APPLE: &str = r#"
provider: { name: Appleish, display_name: Sign in with Apple-like }
variables:
  team_id: { description: The developer team, format: "[A-Z0-9]{10}", default: TEAM123456 }
endpoints:
  authorize: { url: "https://appleid.apple.example/auth/authorize" }
  token: { url: "https://appleid.apple.example/auth/token" }
client_auth:
  method: signed_client_secret
  algorithm: ES256
  issuer: "{team_id}"
  audience: "https://appleid.apple.com"
  lifetime: 180d
token_presentation: { none: true }
grants:
  authorization_code: {}
"#;

/// `signed_client_secret` (Sign in with Apple): `client_secret` is an ES256 JWT by the
/// registered key (its `kid` named), issued by the team, for Apple, living at most the spec's
/// lifetime; it is reused across requests.
#[tokio::test]
async fn apple_signed_client_secrets_are_verified() {
    let sim = sim(APPLE);
    sim.register_client("com.example.app", "", [REDIRECT]);
    let key = Key::p256();
    sim.register_client_key("com.example.app", &key.jwk(Some("KEY123")))
        .expect("key");
    let now = sim.now_unix();
    let good = json!({
        "iss": "TEAM123456", "iat": now, "exp": now + 150 * 86_400,
        "aud": "https://appleid.apple.com", "sub": "com.example.app",
    });
    let secret = key.sign(&json!({"kid": "KEY123"}), &good);
    let exchange = |client_secret: String| {
        let sim = &sim;
        async move {
            let c = code(sim, "com.example.app", &[]).await;
            send(http().post(url(sim, "token")).form(&[
                ("client_id", "com.example.app"),
                ("client_secret", client_secret.as_str()),
                ("grant_type", "authorization_code"),
                ("code", c.as_str()),
                ("redirect_uri", REDIRECT),
            ]))
            .await
        }
    };
    for attempt in 0..2 {
        let (status, ok) = exchange(secret.clone()).await;
        assert_eq!(status, 200, "use {attempt}: {ok}");
    }
    let mut other_team = good.clone();
    other_team["iss"] = json!("OTHERTEAM1");
    let mut too_long = good.clone();
    too_long["exp"] = json!(now + 200 * 86_400);
    for (client_secret, why) in [
        (key.sign(&json!({}), &good), "no kid"),
        (
            key.sign(&json!({"kid": "KEY123"}), &other_team),
            "another team",
        ),
        (
            key.sign(&json!({"kid": "KEY123"}), &too_long),
            "longer than 180 days",
        ),
        (
            Key::p256().sign(&json!({"kid": "KEY123"}), &good),
            "another key",
        ),
        ("a-plain-secret".to_string(), "not a JWT"),
    ] {
        let (status, err) = exchange(client_secret).await;
        assert_eq!(status, 401, "{why}: {err}");
    }
}

/// A key registers only for a known client, and only as a public key.
#[tokio::test]
async fn client_keys_must_be_public_keys_of_known_clients() {
    let sim = cc("private_key_jwt");
    let key = Key::p256();
    assert!(sim.register_client_key("nobody", &key.jwk(None)).is_err());
    sim.register_client("svc", "", Vec::<String>::new());
    let mut private: Value = serde_json::from_str(&key.jwk(None)).expect("jwk");
    private["d"] = json!("AAAA");
    assert!(sim
        .register_client_key("svc", &private.to_string())
        .is_err());
    assert!(sim.register_client_key("svc", "{\"kty\":\"oct\"}").is_err());
    assert!(sim.register_client_key("svc", &key.jwk(None)).is_ok());
}
