//! The v2 spec fields, each against a local recording server (or, for checks made before
//! anything is sent, none): every test builds its definition from YAML through the validator
//! and asserts on the exact request recorded or the set parsed.

mod fixtures;
mod oidc_support;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use fixtures::{Reply, Server, CLIENT_ID, CLIENT_SECRET, MARK, REDIRECT_URI};
use oauth_runtime::__private::engine::{AuthorizeParams, Client, ClientBuilder};
use oauth_runtime::model::{ErrorMeaning, ProviderDef};
use oauth_runtime::{
    AuthorizationCode, Clock, Credentials, Error, FileStore, ManualClock, RefreshToken, TokenSet,
    TokenSource, TokenStore,
};
use serde_json::{json, Value};
use url::Url;

const ACCESS: &str = "at-SENSITIVE-2000";
const REFRESH: &str = "rt-SENSITIVE-2000";
const CODE: &str = "code-SENSITIVE-2000";

/// A definition from spec sections (the provider header is added).
fn def(name: &str, sections: &str) -> &'static ProviderDef {
    let yaml = format!("provider:\n  name: {name}\n  display_name: {name}\n{sections}");
    oauth_testkit::spec::def_from_yaml(&format!("v2_{name}"), &yaml)
}

/// The usual endpoints.
const ENDPOINTS: &str = "endpoints:
  authorize: { url: \"https://id.example.com/authorize\" }
  token: { url: \"https://id.example.com/token\" }
  revoke: { url: \"https://id.example.com/revoke\" }
  api: { url: \"https://api.example.com/v1\" }
";

fn builder(def: &'static ProviderDef, server: &Server) -> ClientBuilder {
    Client::builder(def, Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .origin_override(server.origin.clone())
        .redirect_uri(Url::parse(REDIRECT_URI).unwrap())
        .timeout(Duration::from_secs(3))
}

fn tokens_json() -> Value {
    json!({"access_token": ACCESS, "refresh_token": REFRESH, "token_type": "Bearer", "expires_in": 3600})
}

fn set_with_refresh() -> TokenSet {
    let mut t = TokenSet::bearer("at-SENSITIVE-old", Some(Duration::from_secs(60)));
    t.refresh_token = Some(RefreshToken::new(REFRESH));
    t
}

fn no_params() -> AuthorizeParams {
    AuthorizeParams::default()
}

/// Exchanges a code through `c` with a pending authorization it started.
async fn exchange(c: &Client) -> Result<TokenSet, Error> {
    let (_, pending) = c.authorize_url(&no_params())?;
    c.exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await
}

fn jwt_claims(jwt: &str) -> (Value, Value) {
    let mut parts = jwt.split('.');
    let mut part = || -> Value {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts.next().unwrap()).unwrap()).unwrap()
    };
    (part(), part())
}

// ------------------------------------------------------------ 1. token_request

#[tokio::test]
async fn token_requests_send_a_json_body_and_templated_headers() {
    let d = def(
        "JsonBody",
        &format!(
            "{ENDPOINTS}client_auth: request_body
token_request:
  body: json
  headers: {{ Notion-Version: \"2022-06-28\", X-Client: \"{{client_id}}\" }}
grants:
  authorization_code: {{ pkce: required }}
  refresh_token: {{}}
"
        ),
    );
    let server = Server::start(vec![
        Reply::json(200, tokens_json()),
        Reply::json(200, tokens_json()),
    ])
    .await;
    let c = builder(d, &server).build().unwrap();
    exchange(&c).await.unwrap();
    c.refresh(&set_with_refresh()).await.unwrap();
    let all = server.requests();
    for r in &all {
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.header("notion-version"), Some("2022-06-28"));
        assert_eq!(r.header("x-client"), Some(CLIENT_ID));
    }
    let body: Value = serde_json::from_slice(&all[0].body).unwrap();
    assert_eq!(body["grant_type"], "authorization_code");
    assert_eq!(body["code"], CODE);
    assert_eq!(body["client_id"], CLIENT_ID);
    assert!(body["code_verifier"]
        .as_str()
        .is_some_and(|v| v.len() >= 43));
    let body: Value = serde_json::from_slice(&all[1].body).unwrap();
    assert_eq!(body["refresh_token"], REFRESH);
}

// ------------------------------------------------------------ 2. param_names

#[tokio::test]
async fn param_names_rename_or_omit_standard_parameters_on_every_request() {
    let d = def(
        "Renamed",
        &format!(
            "{ENDPOINTS}client_auth: request_body
param_names: {{ client_id: client_key, response_type: null, client_secret: app_secret }}
grants:
  authorization_code: {{}}
  refresh_token: {{}}
  client_credentials: {{}}
"
        ),
    );
    let server = Server::start(vec![
        Reply::json(200, tokens_json()),
        Reply::json(200, tokens_json()),
        Reply::json(200, tokens_json()),
    ])
    .await;
    let c = builder(d, &server).build().unwrap();
    let (url, pending) = c.authorize_url(&no_params()).unwrap();
    let q: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(
        q.iter()
            .all(|(k, _)| k != "response_type" && k != "client_id"),
        "{q:?}"
    );
    assert!(q.iter().any(|(k, v)| k == "client_key" && v == CLIENT_ID));
    c.exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await
        .unwrap();
    c.refresh(&set_with_refresh()).await.unwrap();
    c.client_credentials(&[]).await.unwrap();
    for r in server.requests() {
        assert_eq!(
            r.form_param("client_key").as_deref(),
            Some(CLIENT_ID),
            "{}",
            r.describe()
        );
        assert_eq!(r.form_param("app_secret").as_deref(), Some(CLIENT_SECRET));
        assert_eq!(r.form_param("client_id"), None);
        assert_eq!(r.form_param("client_secret"), None);
    }
}

// ------------------------------------------------------------ 3. client authentication

fn auth_def(name: &str, client_auth: &str) -> &'static ProviderDef {
    def(
        name,
        &format!("{ENDPOINTS}client_auth: {client_auth}\ngrants:\n  client_credentials: {{}}\n"),
    )
}

async fn one_cc_request(c: &Client, server: &Server) -> oauth_testkit::Recorded {
    server.clear();
    server.push(Reply::json(200, tokens_json()));
    c.client_credentials(&[]).await.unwrap();
    server.only_request()
}

#[tokio::test]
async fn basic_auth_form_encodes_or_sends_raw_as_the_spec_says() {
    let server = Server::start(vec![]).await;
    let creds = || Credentials::new("id:1", "s p&");
    for (name, auth, joined) in [
        ("BasicForm", "basic", "id%3A1:s+p%26"),
        ("BasicRaw", "{ method: basic, encoding: raw }", "id:1:s p&"),
    ] {
        let c = Client::builder(auth_def(name, auth), creds())
            .origin_override(server.origin.clone())
            .build()
            .unwrap();
        let r = one_cc_request(&c, &server).await;
        assert_eq!(
            r.header("authorization"),
            Some(format!("Basic {}", STANDARD.encode(joined)).as_str()),
            "{name}"
        );
        assert_eq!(r.form_param("client_secret"), None);
    }
}

#[tokio::test]
async fn body_query_none_and_public_methods_put_the_credentials_where_they_say() {
    let server = Server::start(vec![]).await;
    let c = builder(auth_def("InBody", "request_body"), &server)
        .build()
        .unwrap();
    let r = one_cc_request(&c, &server).await;
    assert_eq!(
        r.form_param("client_secret").as_deref(),
        Some(CLIENT_SECRET)
    );
    assert_eq!(r.header("authorization"), None);

    let c = builder(auth_def("InQuery", "query"), &server)
        .build()
        .unwrap();
    let r = one_cc_request(&c, &server).await;
    assert_eq!(r.query_param("client_secret"), Some(CLIENT_SECRET));
    assert_eq!(r.form_param("client_secret"), None);

    let c = builder(auth_def("NoAuth", "none"), &server)
        .build()
        .unwrap();
    let r = one_cc_request(&c, &server).await;
    assert_eq!(r.form_param("client_id").as_deref(), Some(CLIENT_ID));
    assert_eq!(r.form_param("client_secret"), None);
    assert_eq!(r.header("authorization"), None);

    // Without a secret the spec's public method is used.
    let d = auth_def("Public", "{ method: basic, public: request_body }");
    let c = Client::builder(d, Credentials::public(CLIENT_ID))
        .origin_override(server.origin.clone())
        .build()
        .unwrap();
    let r = one_cc_request(&c, &server).await;
    assert_eq!(r.header("authorization"), None);
    assert_eq!(r.form_param("client_id").as_deref(), Some(CLIENT_ID));
}

#[tokio::test]
async fn private_key_jwt_sends_an_rfc7523_assertion_with_the_spec_claims() {
    let key = oidc_support::ec_key("k1");
    let d = def(
        "Pkjwt",
        &format!(
            "variables:
  tenant: {{ description: tenant, format: \"[a-z]+\", default: acme }}
{ENDPOINTS}client_auth:
  method: private_key_jwt
  algorithm: ES256
  issuer: \"{{client_id}}\"
  subject: \"svc-{{tenant}}\"
  audience: \"https://id.example.com/{{tenant}}\"
  lifetime: 2m
grants:
  client_credentials: {{}}
"
        ),
    );
    let server = Server::start(vec![]).await;
    let e = builder(d, &server).build().unwrap_err();
    assert!(
        matches!(&e, Error::Config(m) if m.contains("signing key")),
        "{e:?}"
    );
    let c = builder(d, &server)
        .signing_key(key.signing_key())
        .build()
        .unwrap();
    let r = one_cc_request(&c, &server).await;
    assert_eq!(
        r.form_param("client_assertion_type").as_deref(),
        Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
    );
    let jwt = r.form_param("client_assertion").unwrap();
    assert!(oidc_support::verifies(&jwt, &key.jwk, key.alg));
    let (header, claims) = jwt_claims(&jwt);
    assert_eq!(header["alg"], "ES256");
    assert_eq!(claims["iss"], CLIENT_ID);
    assert_eq!(claims["sub"], "svc-acme");
    assert_eq!(claims["aud"], "https://id.example.com/acme");
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        120
    );
    assert_eq!(r.form_param("client_secret"), None);
    assert!(!format!("{c:?}").contains(&jwt));
}

#[tokio::test]
async fn client_secret_jwt_is_an_hmac_of_the_secret_with_the_token_endpoint_as_audience() {
    let d = auth_def("Csjwt", "{ method: client_secret_jwt }");
    let server = Server::start(vec![]).await;
    let c = builder(d, &server).build().unwrap();
    let r = one_cc_request(&c, &server).await;
    let jwt = r.form_param("client_assertion").unwrap();
    let (header, claims) = jwt_claims(&jwt);
    assert_eq!(header["alg"], "HS256");
    assert_eq!(claims["sub"], CLIENT_ID);
    assert_eq!(claims["aud"], server.url("/token").as_str());
    let (input, sig) = jwt.rsplit_once('.').unwrap();
    let mac = oidc_support::hs256(CLIENT_SECRET.as_bytes(), input.as_bytes());
    assert_eq!(URL_SAFE_NO_PAD.decode(sig).unwrap(), mac);
}

#[tokio::test]
async fn signed_client_secret_is_an_es256_jwt_from_the_team() {
    let key = oidc_support::ec_key("KEY123");
    let d = def(
        "AppleLike",
        &format!(
            "variables:
  team_id: {{ description: team, format: \"[A-Z0-9]{{10}}\" }}
{ENDPOINTS}client_auth:
  method: signed_client_secret
  issuer: \"{{team_id}}\"
  audience: https://appleid.apple.com
  lifetime: 180d
grants:
  client_credentials: {{}}
"
        ),
    );
    let server = Server::start(vec![]).await;
    let c = Client::builder(d, Credentials::public("com.example.app"))
        .var_at(0, oauth_runtime::VarValue::Free("TEAM123456".into()))
        .origin_override(server.origin.clone())
        .signing_key(key.signing_key())
        .build()
        .unwrap();
    let r = one_cc_request(&c, &server).await;
    assert_eq!(
        r.form_param("client_id").as_deref(),
        Some("com.example.app")
    );
    let secret = r.form_param("client_secret").unwrap();
    assert!(oidc_support::verifies(&secret, &key.jwk, key.alg));
    let (header, claims) = jwt_claims(&secret);
    assert_eq!(header["kid"], "KEY123");
    assert_eq!(claims["iss"], "TEAM123456");
    assert_eq!(claims["sub"], "com.example.app");
    assert_eq!(claims["aud"], "https://appleid.apple.com");
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        180 * 86_400
    );
}

// ------------------------------------------------------------ 4. fixed parameters

#[tokio::test]
async fn fixed_parameters_are_rendered_on_every_grant_request() {
    let d = def(
        "Fixed",
        "variables:
  audience: { description: api, format: \"[a-z.]+\", default: api.example }
endpoints:
  authorize: { url: \"https://id.example.com/authorize\" }
  token: { url: \"https://id.example.com/token\" }
  device_authorization: { url: \"https://id.example.com/device\" }
client_auth: request_body
grants:
  authorization_code:
    params: { audience: \"{audience}\", app: \"{client_id}\" }
    token_params: { expiring: \"1\" }
  refresh_token: { params: { aud: \"{audience}\" } }
  client_credentials: { grant_type: account_credentials, params: { account: \"{client_id}-x\" } }
  device_code: { params: { realm: \"{audience}\" } }
",
    );
    let device = json!({"device_code": "dc-SENSITIVE", "user_code": "U", "verification_uri": "https://id.example.com/d", "expires_in": 600});
    let server = Server::start(vec![
        Reply::json(200, tokens_json()),
        Reply::json(200, tokens_json()),
        Reply::json(200, tokens_json()),
        Reply::json(200, device),
    ])
    .await;
    let c = builder(d, &server).build().unwrap();
    let (url, pending) = c.authorize_url(&no_params()).unwrap();
    let q: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(
        q.contains(&("audience".into(), "api.example".into())),
        "{q:?}"
    );
    assert!(q.contains(&("app".into(), CLIENT_ID.into())));
    c.exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await
        .unwrap();
    c.refresh(&set_with_refresh()).await.unwrap();
    c.client_credentials(&[]).await.unwrap();
    c.device_authorization(&[]).await.unwrap();
    let all = server.requests();
    assert_eq!(all[0].form_param("expiring").as_deref(), Some("1"));
    assert_eq!(all[1].form_param("aud").as_deref(), Some("api.example"));
    assert_eq!(
        all[2].form_param("grant_type").as_deref(),
        Some("account_credentials")
    );
    assert_eq!(all[2].form_param("account"), Some(format!("{CLIENT_ID}-x")));
    assert_eq!(all[3].path, "/device");
    assert_eq!(all[3].form_param("realm").as_deref(), Some("api.example"));
}

// ------------------------------------------------------------ 5. connection values

fn connected() -> &'static ProviderDef {
    def(
        "Connected",
        "endpoints:
  authorize: { url: \"https://id.example.com/authorize\" }
  token: { url: \"https://id.example.com/token\" }
  connections: { url: \"https://id.example.com/connections\" }
  api: { url: \"{connection.instance_url}/services\" }
client_auth: request_body
connection:
  instance_url:
    description: the org's host
    from: token_response
    field: instance_url
    format: \"https://[a-z0-9]+\\\\.example\\\\.com\"
  realm_id:
    description: company
    from: callback
    field: realmId
    format: \"[0-9]+\"
  tenant_id:
    description: tenant
    from: request
    request: { endpoint: connections, select: \"*.tenantId\" }
    format: \"[0-9a-f-]{8}\"
api:
  headers: { xero-tenant-id: \"{connection.tenant_id}\", realm: \"{connection.realm_id}\" }
grants:
  authorization_code: { state: required }
  refresh_token: {}
",
    )
}

fn connected_tokens(instance: &str) -> Value {
    json!({"access_token": ACCESS, "refresh_token": REFRESH, "expires_in": 3600, "instance_url": instance})
}

#[tokio::test]
async fn connection_values_come_from_the_callback_the_token_response_and_a_follow_up_call() {
    let server = Server::start(vec![
        Reply::json(200, connected_tokens("https://na1.example.com")),
        Reply::json(
            200,
            json!([{"tenantId": "0a1b2c3d"}, {"tenantId": "ffffffff"}]),
        ),
        Reply::json(200, json!({"ok": true})),
    ])
    .await;
    let c = builder(connected(), &server).build().unwrap();
    let (_, pending) = c.authorize_url(&no_params()).unwrap();
    let state = pending.state.as_ref().unwrap().secret().to_string();
    let (c, tokens) = c
        .exchange_callback(
            pending,
            &format!("code={CODE}&state={state}&realmId=4620816365"),
        )
        .await
        .unwrap();
    assert_eq!(
        tokens.connection_value("instance_url"),
        Some("https://na1.example.com")
    );
    assert_eq!(tokens.connection_value("realm_id"), Some("4620816365"));
    assert_eq!(tokens.connection_value("tenant_id"), Some("0a1b2c3d"));
    let all = server.requests();
    assert_eq!(all[1].path, "/connections");
    assert_eq!(
        all[1].header("authorization"),
        Some(format!("Bearer {ACCESS}").as_str())
    );

    // API calls render the set's values into the endpoint and the headers.
    let url = c.endpoint_url_for("api", &tokens).unwrap();
    assert_eq!(url.path(), "/services");
    c.send_api(c.http().get(url), &tokens).await.unwrap();
    let r = &server.requests()[2];
    assert_eq!(r.header("xero-tenant-id"), Some("0a1b2c3d"));
    assert_eq!(r.header("realm"), Some("4620816365"));
    assert!(r
        .header("user-agent")
        .unwrap()
        .starts_with("oauth-providers/"));

    // They survive a store.
    let dir = std::env::temp_dir().join(format!("oauth-v2-{}", std::process::id()));
    let store = FileStore::new(&dir);
    store.save("k", &tokens).await.unwrap();
    let back = store.load("k").await.unwrap().unwrap();
    assert_eq!(back.connection, tokens.connection);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn connection_values_that_break_their_format_or_are_missing_are_typed_errors() {
    let server = Server::start(vec![Reply::json(
        200,
        connected_tokens("https://evil.example.org/x"),
    )])
    .await;
    let c = builder(connected(), &server).build().unwrap();
    let (_, pending) = c.authorize_url(&no_params()).unwrap();
    let state = pending.state.as_ref().unwrap().secret().to_string();
    let e = c
        .exchange_callback(pending, &format!("code={CODE}&state={state}&realmId=1"))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::InvalidConnectionValue { name } if name == "instance_url"),
        "{e:?}"
    );
    assert!(!format!("{e} {e:?}").contains("evil"));

    // A callback value in the wrong shape is refused too, before any request.
    let (_, pending) = c.authorize_url(&no_params()).unwrap();
    let state = pending.state.as_ref().unwrap().secret().to_string();
    let e = c
        .exchange_callback(
            pending,
            &format!("code={CODE}&state={state}&realmId=1;drop"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::InvalidConnectionValue { name } if name == "realm_id"),
        "{e:?}"
    );
    assert_eq!(server.requests().len(), 1);

    // A set without the value renders no URL and sends nothing.
    let bare = TokenSet::bearer(ACCESS, None);
    let e = c.endpoint_url_for("api", &bare).unwrap_err();
    assert!(
        matches!(&e, Error::MissingConnectionValue { name } if name == "instance_url"),
        "{e:?}"
    );

    // A required value the authorization does not yield.
    server.push(Reply::json(200, tokens_json()));
    server.push(Reply::json(200, json!([{"tenantId": "0a1b2c3d"}])));
    let (_, pending) = c.authorize_url(&no_params()).unwrap();
    let state = pending.state.as_ref().unwrap().secret().to_string();
    let e = c
        .exchange_callback(pending, &format!("code={CODE}&state={state}&realmId=1"))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::MissingConnectionValue { name } if name == "instance_url"),
        "{e:?}"
    );
}

#[tokio::test]
async fn a_refresh_rereads_token_response_values_and_keeps_the_others() {
    let server = Server::start(vec![
        Reply::json(200, connected_tokens("https://eu2.example.com")),
        Reply::json(
            200,
            json!({"access_token": "at-SENSITIVE-3", "expires_in": 60}),
        ),
    ])
    .await;
    let c = builder(connected(), &server).build().unwrap();
    let mut old = set_with_refresh();
    old.connection
        .insert("instance_url".into(), "https://na1.example.com".into());
    old.connection.insert("tenant_id".into(), "0a1b2c3d".into());
    let fresh = c.refresh(&old).await.unwrap();
    assert_eq!(
        fresh.connection_value("instance_url"),
        Some("https://eu2.example.com")
    );
    assert_eq!(fresh.connection_value("tenant_id"), Some("0a1b2c3d"));
    let again = c.refresh(&fresh).await.unwrap();
    assert_eq!(again.connection, fresh.connection);
    assert_eq!(again.refresh_token, old.refresh_token);
    // The token source keeps them across renewals too.
    server.push(Reply::json(
        200,
        json!({"access_token": "at-SENSITIVE-4", "expires_in": 3600}),
    ));
    let source = TokenSource::refreshing(&c, "u")
        .min_renewal_interval(Duration::ZERO)
        .build();
    let mut due = again.clone();
    due.expires_at = Some(SystemTime::now());
    source.set(due).await.unwrap();
    let renewed = source.token().await.unwrap();
    assert_eq!(renewed.access_token.secret(), "at-SENSITIVE-4");
    assert_eq!(renewed.connection, fresh.connection);
}

// ------------------------------------------------------------ 6. API presentation

#[tokio::test]
async fn tokens_go_in_the_header_the_spec_names_bare_or_with_a_scheme() {
    let server = Server::start(vec![
        Reply::json(200, json!({})),
        Reply::json(200, json!({})),
    ])
    .await;
    let d = def(
        "Shopifyish",
        &format!("{ENDPOINTS}token_presentation:\n  header: {{ name: X-Shopify-Access-Token, scheme: \"\" }}\napi:\n  headers: {{ X-Api-Version: \"2024-01\" }}\ngrants:\n  client_credentials: {{}}\n"),
    );
    let c = builder(d, &server).build().unwrap();
    let t = TokenSet::bearer(ACCESS, None);
    c.send_api(c.http().get(server.url("/v1/shop")), &t)
        .await
        .unwrap();
    let r = server.only_request();
    assert_eq!(r.header("x-shopify-access-token"), Some(ACCESS));
    assert_eq!(r.header("authorization"), None);
    assert_eq!(r.header("x-api-version"), Some("2024-01"));

    let d = def(
        "Zohoish",
        &format!("{ENDPOINTS}token_presentation:\n  header: {{ scheme: Zoho-oauthtoken }}\ngrants:\n  client_credentials: {{}}\n"),
    );
    server.clear();
    let c = builder(d, &server).build().unwrap();
    c.send_api(c.http().get(server.url("/v1/x")), &t)
        .await
        .unwrap();
    assert_eq!(
        server.only_request().header("authorization"),
        Some(format!("Zoho-oauthtoken {ACCESS}").as_str())
    );
}

#[tokio::test]
async fn tokens_that_serve_no_api_are_never_attached() {
    let d = def(
        "NoApi",
        &format!("{ENDPOINTS}token_presentation: {{ none: true }}\ngrants:\n  client_credentials: {{}}\n"),
    );
    let server = Server::start(vec![]).await;
    let c = builder(d, &server).build().unwrap();
    let e = c
        .authorize_request(
            c.http().get(server.url("/v1")),
            &TokenSet::bearer(ACCESS, None),
        )
        .unwrap_err();
    assert!(
        matches!(&e, Error::Config(m) if m.contains("no API")),
        "{e:?}"
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn tokens_go_only_to_the_api_origin_and_the_listed_patterns() {
    let d = def(
        "Origins",
        &format!("{ENDPOINTS}api:\n  origins: [\"https://*.googleapis.com\", \"https://upload.example.net\"]\ngrants:\n  client_credentials: {{}}\n"),
    );
    let c = Client::builder(d, Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .build()
        .unwrap();
    let t = TokenSet::bearer(ACCESS, None);
    let ok = |u: &str| c.authorize_request(c.http().get(u), &t).is_ok();
    assert!(ok("https://api.example.com/v1/x"));
    assert!(ok("https://drive.googleapis.com/files"));
    assert!(ok("https://a.b.googleapis.com/"));
    assert!(ok("https://upload.example.net/put"));
    assert!(!ok("https://googleapis.com/"));
    assert!(!ok("https://evil-googleapis.com/"));
    assert!(!ok("https://drive.googleapis.com.evil.net/"));
    assert!(!ok("http://drive.googleapis.com/"));
    assert!(!ok("https://upload.example.net:8443/"));
    assert!(!ok("https://other.example.com/"));
}

// ------------------------------------------------------------ 7. token responses

async fn parse_with(
    name: &str,
    token_response: &str,
    body: Value,
    lifetimes: &str,
) -> Result<TokenSet, Error> {
    let d = def(
        name,
        &format!("{ENDPOINTS}client_auth: request_body\ntoken_response:\n{token_response}\ngrants:\n  client_credentials: {{}}\n{lifetimes}"),
    );
    let server = Server::start(vec![Reply::json(200, body)]).await;
    let c = builder(d, &server).build().unwrap();
    c.client_credentials(&[]).await
}

fn secs_left(at: Option<SystemTime>) -> u64 {
    at.unwrap()
        .duration_since(SystemTime::now())
        .unwrap_or_default()
        .as_secs()
}

#[tokio::test]
async fn expires_in_zero_means_never_where_the_spec_says_so() {
    let body = json!({"access_token": ACCESS, "expires_in": 0});
    let t = parse_with("ZeroNever", "  expires_in_zero: never", body.clone(), "")
        .await
        .unwrap();
    assert_eq!(t.expires_at, None);
    let t = parse_with("ZeroExpired", "  expires_in_zero: expired", body, "")
        .await
        .unwrap();
    assert!(t.expires_at.is_some_and(|at| at <= SystemTime::now()));
}

#[tokio::test]
async fn absolute_expiry_refresh_expiry_and_documented_lifetimes() {
    let at = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 21_600;
    let fields = "  fields: { expires_at: expires_at, refresh_token_expires_in: x_refresh_token_expires_in }";
    let t = parse_with(
        "Strava",
        fields,
        json!({"access_token": ACCESS, "expires_at": at, "x_refresh_token_expires_in": 8_640_000}),
        "",
    )
    .await
    .unwrap();
    assert!((21_590..=21_600).contains(&secs_left(t.expires_at)));
    assert!((8_639_990..=8_640_000).contains(&secs_left(t.refresh_expires_at)));
    // `expires_in` wins when both come.
    let t = parse_with(
        "StravaBoth",
        fields,
        json!({"access_token": ACCESS, "expires_at": at, "expires_in": 60}),
        "",
    )
    .await
    .unwrap();
    assert!((50..=60).contains(&secs_left(t.expires_at)));
    let ms = "  fields: { expires_at: exp, expires_at_unit: unix_milliseconds }";
    let t = parse_with(
        "Millis",
        ms,
        json!({"access_token": ACCESS, "exp": at * 1000}),
        "",
    )
    .await
    .unwrap();
    assert!((21_590..=21_600).contains(&secs_left(t.expires_at)));
    // No expiry at all: the documented lifetime (Salesforce).
    let t = parse_with(
        "Salesforceish",
        "  format: json",
        json!({"access_token": ACCESS}),
        "lifetimes:\n  access_token: 2h\n",
    )
    .await
    .unwrap();
    assert!((7_190..=7_200).contains(&secs_left(t.expires_at)));
}

#[tokio::test]
async fn token_types_scope_arrays_and_success_checks() {
    let body =
        json!({"access_token": ACCESS, "token_type": "bot", "scope": ["chat:read", "chat:edit"]});
    let e = parse_with("OnlyBearer", "  scope_format: array", body.clone(), "")
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::InvalidResponse { reason, .. } if reason.contains("token type")),
        "{e:?}"
    );
    let t = parse_with(
        "Twitchish",
        "  scope_format: array\n  token_types: [bot]",
        body.clone(),
        "",
    )
    .await
    .unwrap();
    assert_eq!(
        t.scopes,
        Some(vec!["chat:read".to_string(), "chat:edit".to_string()])
    );
    let e = parse_with("StringScopes", "  token_types: [bot]", body, "")
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::InvalidResponse { reason, .. } if reason.contains("scope")),
        "{e:?}"
    );
    let check = "  success_when: { field: ok, equals: true }";
    assert!(parse_with(
        "OkTrue",
        check,
        json!({"ok": true, "access_token": ACCESS}),
        ""
    )
    .await
    .is_ok());
    assert!(parse_with(
        "OkFalse",
        check,
        json!({"ok": false, "access_token": ACCESS}),
        ""
    )
    .await
    .is_err());
}

#[tokio::test]
async fn secondary_token_sets_are_read_with_the_same_field_names() {
    let body = json!({
        "ok": true, "access_token": "xoxb-SENSITIVE", "token_type": "bot",
        "authed_user": {"id": "U1", "access_token": "xoxp-SENSITIVE", "token_type": "user", "scope": "search:read", "refresh_token": "xoxe-SENSITIVE", "expires_in": 43200}
    });
    let spec = "  token_types: [bot, user]\n  secondary: { user: { path: authed_user } }";
    let t = parse_with("Slackish", spec, body, "").await.unwrap();
    assert_eq!(t.access_token.secret(), "xoxb-SENSITIVE");
    let user = t.secondary("user").unwrap();
    assert_eq!(user.access_token.secret(), "xoxp-SENSITIVE");
    assert_eq!(user.scopes, Some(vec!["search:read".to_string()]));
    assert!((43_190..=43_200).contains(&secs_left(user.expires_at)));
    assert!(!format!("{t:?}").contains(MARK));
    assert!(t.secondary("bot").is_none());
}

// ------------------------------------------------------------ 8. error classification

fn erring() -> &'static ProviderDef {
    def(
        "Erring",
        &format!(
            "{ENDPOINTS}client_auth: request_body
grants:
  refresh_token: {{}}
  client_credentials: {{}}
limits:
  - rate: {{ counts: token_requests, max: 10, per: 1m, key: client, block_for: 10m, error: throttled, description: ten a minute }}
errors:
  - {{ code: throttled, at: token_endpoint, when: [{{ field: message, contains: too many }}], meaning: rate_limited }}
  - {{ code: only_refresh, at: token_endpoint, grant: refresh_token, when: [{{ field: error, equals: invalid_code }}], meaning: refresh_token_invalid }}
  - {{ code: ok_but_failed, at: token_endpoint, status: 200, when: [{{ field: status, starts_with: FAIL }}], meaning: server_error }}
  - {{ code: coded, at: token_endpoint, when: [{{ field: code, between: [4000, 4099] }}], meaning: client_invalid }}
  - {{ code: listed, at: token_endpoint, when: [{{ field: kind, one_of: [a, b] }}, {{ field: access_token, absent: true }}], meaning: bad_request }}
"
        ),
    )
}

async fn cc_error(c: &Client, server: &Server, status: u16, body: Value) -> Error {
    server.push(Reply::json(status, body));
    c.client_credentials(&[]).await.unwrap_err()
}

#[tokio::test]
async fn field_operators_grants_and_statuses_select_the_rule() {
    let server = Server::start(vec![]).await;
    let c = builder(erring(), &server).build().unwrap();
    let rule = |e: &Error| e.provider().map(|p| p.code.clone());

    let e = cc_error(&c, &server, 200, json!({"status": "FAILED hard"})).await;
    assert_eq!(rule(&e).as_deref(), Some("ok_but_failed"));
    // The same body with another status: not that rule (its status is 200).
    let e = cc_error(&c, &server, 500, json!({"status": "FAILED hard"})).await;
    assert_eq!(rule(&e), None, "{e:?}");
    let e = cc_error(&c, &server, 400, json!({"code": "4042"})).await;
    assert_eq!(rule(&e).as_deref(), Some("coded"));
    let e = cc_error(&c, &server, 400, json!({"code": 4100})).await;
    assert_eq!(rule(&e), None);
    let e = cc_error(&c, &server, 400, json!({"kind": "b"})).await;
    assert_eq!(rule(&e).as_deref(), Some("listed"));
    assert_eq!(e.meaning(), Some(ErrorMeaning::BadRequest));
    // `absent` fails when the field is there.
    server.push(Reply::json(
        200,
        json!({"kind": "b", "access_token": ACCESS}),
    ));
    assert!(c.client_credentials(&[]).await.is_ok());

    // A rule for refresh responses does not classify a client credentials response.
    let e = cc_error(&c, &server, 400, json!({"error": "invalid_code"})).await;
    assert_eq!(rule(&e).as_deref(), Some("invalid_code"), "{e:?}");
    server.push(Reply::json(400, json!({"error": "invalid_code"})));
    let e = c.refresh(&set_with_refresh()).await.unwrap_err();
    assert_eq!(rule(&e).as_deref(), Some("only_refresh"));
    assert_eq!(e.meaning(), Some(ErrorMeaning::RefreshTokenInvalid));
}

#[tokio::test]
async fn the_error_a_limit_names_waits_out_its_block() {
    let server = Server::start(vec![]).await;
    let c = builder(erring(), &server).build().unwrap();
    let e = cc_error(&c, &server, 429, json!({"message": "too many requests"})).await;
    let p = e.provider().unwrap();
    assert_eq!(p.code, "throttled");
    assert_eq!(p.retry_after, Some(Duration::from_secs(600)));
    // A Retry-After header is the provider's own word and wins.
    server.push(Reply::json(429, json!({"message": "too many"})).header("retry-after", "7"));
    let e = c.client_credentials(&[]).await.unwrap_err();
    assert_eq!(
        e.provider().unwrap().retry_after,
        Some(Duration::from_secs(7))
    );
}

// ------------------------------------------------------------ 9. revocation

#[tokio::test]
async fn revocation_authenticates_like_the_token_endpoint_and_fills_token_paths() {
    let server = Server::start(vec![Reply::empty(200), Reply::empty(200)]).await;
    let c = builder(auth_def("RevokeBasic", "basic"), &server)
        .build()
        .unwrap();
    c.revoke(&set_with_refresh()).await.unwrap();
    let r = &server.requests()[0];
    assert_eq!(r.path, "/revoke");
    assert!(r.header("authorization").unwrap().starts_with("Basic "));
    assert_eq!(r.form_param("token").as_deref(), Some(REFRESH));
    assert_eq!(
        r.form_param("token_type_hint").as_deref(),
        Some("refresh_token")
    );
    assert_eq!(r.form_param("client_secret"), None);

    let d = def(
        "RevokePath",
        "endpoints:
  token: { url: \"https://id.example.com/token\" }
  revoke: { url: \"https://id.example.com/tokens/{token}/revoke\", method: POST }
client_auth: request_body
grants:
  client_credentials: {}
",
    );
    let c = builder(d, &server).build().unwrap();
    c.revoke(&TokenSet::bearer("a/b SENSITIVE", None))
        .await
        .unwrap();
    let r = &server.requests()[1];
    assert_eq!(r.path, "/tokens/a%2Fb%20SENSITIVE/revoke");
}

// ------------------------------------------------------------ 10. one clock

#[tokio::test]
async fn one_clock_drives_expiry_the_limiter_and_token_sources() {
    let d = def(
        "Clocked",
        &format!(
            "{ENDPOINTS}client_auth: request_body
grants:
  authorization_code: {{}}
  refresh_token: {{}}
limits:
  - rate: {{ counts: authorization_codes, max: 1, per: 1h, key: client, description: one an hour }}
lifetimes:
  refresh_skew: 60s
"
        ),
    );
    let clock = Arc::new(ManualClock::new());
    clock.advance(Duration::from_secs(30 * 86_400));
    let server = Server::start(vec![
        Reply::json(200, tokens_json()),
        Reply::json(
            200,
            json!({"access_token": "at-SENSITIVE-next", "expires_in": 3600}),
        ),
    ])
    .await;
    let c = builder(d, &server).clock(clock.clone()).build().unwrap();
    let (_, pending) = c.authorize_url(&no_params()).unwrap();
    assert!(matches!(
        c.authorize_url(&no_params()),
        Err(Error::LimitReached { .. })
    ));
    let expected_start = SystemTime::now() + Duration::from_secs(30 * 86_400);
    let skew = pending
        .started_at
        .duration_since(expected_start)
        .unwrap_or_else(|e| e.duration());
    assert!(skew < Duration::from_secs(5), "{skew:?}");
    let tokens = c
        .exchange_code(&pending, &AuthorizationCode::new(CODE))
        .await
        .unwrap();
    let left = tokens
        .expires_at
        .unwrap()
        .duration_since(clock.wall())
        .unwrap();
    assert!(left <= Duration::from_secs(3600) && left > Duration::from_secs(3590));
    let source = TokenSource::refreshing(&c, "u").build();
    source.set(tokens).await.unwrap();
    assert_eq!(source.token().await.unwrap().access_token.secret(), ACCESS);
    clock.advance(Duration::from_secs(3550));
    assert_eq!(
        source.token().await.unwrap().access_token.secret(),
        "at-SENSITIVE-next"
    );
    clock.advance(Duration::from_secs(3600));
    assert!(
        c.authorize_url(&no_params()).is_ok(),
        "the limiter goes by the same clock"
    );
}

// ------------------------------------------------------------ front channel

#[tokio::test]
async fn a_signed_redirect_is_checked_before_its_code_is_used() {
    let d = def(
        "Shopish",
        &format!(
            "{ENDPOINTS}client_auth: request_body
grants:
  authorization_code:
    state: required
    callback:
      hmac: {{ param: hmac, key: client_secret, algorithm: sha256 }}
"
        ),
    );
    let server = Server::start(vec![Reply::json(200, tokens_json())]).await;
    let c = builder(d, &server).build().unwrap();
    let sign = |msg: &str| {
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, CLIENT_SECRET.as_bytes());
        ring::hmac::sign(&key, msg.as_bytes())
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let (_, pending) = c.authorize_url(&no_params()).unwrap();
    let state = pending.state.as_ref().unwrap().secret().to_string();
    let signed = format!("code={CODE}&shop=s.myshopify.com&state={state}&timestamp=1337");
    let forged = format!(
        "shop=evil.myshopify.com&code={CODE}&state={state}&timestamp=1337&hmac={}",
        sign(&signed)
    );
    let e = c.exchange_callback(pending, &forged).await.unwrap_err();
    assert!(matches!(e, Error::CallbackSignature), "{e:?}");
    assert!(server.requests().is_empty());

    let (_, pending) = c.authorize_url(&no_params()).unwrap();
    let state = pending.state.as_ref().unwrap().secret().to_string();
    let signed = format!("code={CODE}&shop=s.myshopify.com&state={state}&timestamp=1337");
    let query = format!(
        "shop=s.myshopify.com&hmac={}&code={CODE}&state={state}&timestamp=1337",
        sign(&signed)
    );
    let (_, t) = c.exchange_callback(pending, &query).await.unwrap();
    assert_eq!(t.access_token.secret(), ACCESS);
}

#[tokio::test]
async fn a_form_post_redirect_is_exchanged_from_its_body() {
    let d = def(
        "FormPost",
        &format!("{ENDPOINTS}client_auth: request_body\ngrants:\n  authorization_code: {{ response_mode: form_post }}\n"),
    );
    let server = Server::start(vec![Reply::json(200, tokens_json())]).await;
    let c = builder(d, &server).build().unwrap();
    let (url, pending) = c.authorize_url(&no_params()).unwrap();
    assert!(url
        .query_pairs()
        .any(|(k, v)| k == "response_mode" && v == "form_post"));
    let state = pending.state.as_ref().unwrap().secret().to_string();
    assert!(
        !format!("{pending:?}").contains(&state),
        "the pending authorization redacts state"
    );
    let body = format!("state={state}&code={CODE}&user=%7B%7D");
    let (_, t) = c.exchange_form_post(pending, &body).await.unwrap();
    assert_eq!(t.access_token.secret(), ACCESS);
    assert_eq!(
        server.only_request().form_param("code").as_deref(),
        Some(CODE)
    );
    // The query-string entry point is refused for a form-post provider.
    let (_, pending) = c.authorize_url(&no_params()).unwrap();
    assert!(matches!(
        c.exchange_callback(pending, &body).await,
        Err(Error::Config(_))
    ));
}

#[tokio::test]
async fn scopes_go_in_their_parameters_and_extras_are_checked() {
    let d = def(
        "Scoped",
        &format!(
            "{ENDPOINTS}grants:
  authorization_code:
    extra_params:
      prompt: {{ description: prompt, values: [none, consent], send: consent }}
      login_hint: {{ description: hint, format: \"[a-z]+@[a-z.]+\" }}
scopes:
  separator: \",\"
  default: [chat:write]
  params:
    user_scope: {{ description: user token scopes }}
  catalogue: [\"chat:write\", \"search:read\", \"users:read\"]
"
        ),
    );
    let c = Client::builder(d, Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .redirect_uri(Url::parse(REDIRECT_URI).unwrap())
        .build()
        .unwrap();
    let query = |p: &AuthorizeParams| -> Vec<(String, String)> {
        c.authorize_url(p)
            .unwrap()
            .0
            .query_pairs()
            .into_owned()
            .collect()
    };
    let get =
        |q: &[(String, String)], k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let q = query(&AuthorizeParams {
        scopes: vec![(1, "search:read".into()), (1, "users:read".into())],
        extra: vec![],
    });
    assert_eq!(
        get(&q, "scope").as_deref(),
        Some("chat:write"),
        "defaults for parameter 0"
    );
    assert_eq!(
        get(&q, "user_scope").as_deref(),
        Some("search:read,users:read")
    );
    assert_eq!(
        get(&q, "prompt").as_deref(),
        Some("consent"),
        "sent unless set"
    );
    let q = query(&AuthorizeParams {
        scopes: vec![(0, "users:read".into())],
        extra: vec![(0, "none".into()), (1, "ann@example.com".into())],
    });
    assert_eq!(get(&q, "scope").as_deref(), Some("users:read"));
    assert_eq!(get(&q, "user_scope"), None);
    assert_eq!(get(&q, "prompt").as_deref(), Some("none"));
    assert_eq!(get(&q, "login_hint").as_deref(), Some("ann@example.com"));
    for bad in [
        vec![(0, "select_account".into())],
        vec![(1, "ann".into())],
        vec![(7, "x".into())],
    ] {
        assert!(matches!(
            c.authorize_url(&AuthorizeParams {
                scopes: vec![],
                extra: bad
            }),
            Err(Error::Config(_))
        ));
    }
    assert!(matches!(
        c.authorize_url(&AuthorizeParams {
            scopes: vec![(2, "x".into())],
            extra: vec![]
        }),
        Err(Error::Config(_))
    ));
}

#[tokio::test]
async fn renewals_with_the_access_token_and_the_redirect_uri() {
    let d = def(
        "Fbish",
        &format!("{ENDPOINTS}client_auth: request_body\ngrants:\n  refresh_token: {{ using: access_token, grant_type: fb_exchange_token, token_param: fb_exchange_token, send_redirect_uri: true }}\n"),
    );
    let server = Server::start(vec![Reply::json(
        200,
        json!({"access_token": "at-SENSITIVE-long", "expires_in": 5_184_000}),
    )])
    .await;
    let c = builder(d, &server).build().unwrap();
    let short = TokenSet::bearer("at-SENSITIVE-short", Some(Duration::from_secs(3600)));
    let long = c.refresh(&short).await.unwrap();
    assert_eq!(long.access_token.secret(), "at-SENSITIVE-long");
    let r = server.only_request();
    assert_eq!(
        r.form_param("grant_type").as_deref(),
        Some("fb_exchange_token")
    );
    assert_eq!(
        r.form_param("fb_exchange_token").as_deref(),
        Some("at-SENSITIVE-short")
    );
    assert_eq!(r.form_param("redirect_uri").as_deref(), Some(REDIRECT_URI));
    assert_eq!(r.form_param("refresh_token"), None);
}

#[tokio::test]
async fn a_grant_the_definition_lacks_is_a_configuration_error() {
    let server = Server::start(vec![]).await;
    let c = builder(auth_def("CcOnly", "request_body"), &server)
        .build()
        .unwrap();
    for e in [
        c.authorize_url(&no_params()).unwrap_err(),
        c.pin_url().unwrap_err(),
        c.refresh(&set_with_refresh()).await.unwrap_err(),
        c.device_authorization(&[]).await.unwrap_err(),
        c.custom_grant(0, vec![]).await.unwrap_err(),
    ] {
        assert!(
            matches!(&e, Error::Config(m) if m.contains("CcOnly has no")),
            "{e:?}"
        );
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn a_refresh_that_hands_back_the_same_token_is_not_repeated_before_it_expires() {
    for (name, reuses, fetches) in [("StravaReuse", true, 1), ("NoReuse", false, 2)] {
        let d = def(
            name,
            &format!(
                "{ENDPOINTS}client_auth: request_body\ngrants:\n  refresh_token: {{ reuses_token: {reuses} }}\nlifetimes:\n  refresh_skew: 60s\n"
            ),
        );
        let same = json!({"access_token": "at-SENSITIVE-old", "expires_in": 0});
        let server =
            Server::start(vec![Reply::json(200, same.clone()), Reply::json(200, same)]).await;
        let c = builder(d, &server).build().unwrap();
        let source = TokenSource::refreshing(&c, "u")
            .min_renewal_interval(Duration::ZERO)
            .retry(oauth_runtime::RetryPolicy::NONE)
            .build();
        let mut t = set_with_refresh();
        t.expires_at = Some(SystemTime::now() + Duration::from_secs(30));
        t.obtained_at = Some(SystemTime::now() - Duration::from_secs(3600));
        source.set(t).await.unwrap();
        for _ in 0..2 {
            let _ = source.token().await;
        }
        assert_eq!(server.requests().len(), fetches, "{name}");
    }
}

#[test]
fn the_pending_authorization_and_the_builder_show_no_secret() {
    let d = auth_def("Redacted", "request_body");
    let key = oidc_support::ec_key("k");
    let b = Client::builder(d, Credentials::new(CLIENT_ID, CLIENT_SECRET))
        .signing_key(key.signing_key());
    let shown = format!("{b:?}");
    assert!(!shown.contains(CLIENT_SECRET), "{shown}");
    let pending = oauth_runtime::PendingAuthorization {
        state: Some(oauth_runtime::CsrfToken::new("state-SENSITIVE")),
        pkce_verifier: Some(oauth_runtime::PkceVerifier::new("verifier-SENSITIVE")),
        redirect_uri: Some(REDIRECT_URI.into()),
        started_at: SystemTime::now(),
        nonce: Some(oauth_runtime::oidc::Nonce::new("nonce-SENSITIVE")),
    };
    let shown = format!("{pending:?}");
    assert!(
        !shown.contains(MARK) && shown.contains(REDIRECT_URI),
        "{shown}"
    );
    let e = Error::InvalidConnectionValue {
        name: "tenant_id".into(),
    };
    assert_eq!(
        e.to_string(),
        "connection value `tenant_id` does not match the format the spec declares"
    );
}
