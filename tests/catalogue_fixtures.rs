//! The vendors' own documented examples, fed to the runtime's real parsers.
//!
//! The simulator is built from the same spec as the client, so it shares the spec's mistakes.
//! These fixtures do not: each `tests/fixtures/providers/<spec>.yaml` quotes the provider's
//! documented token responses, error bodies and redirects verbatim from the vendor page named
//! beside each (`source:`), with the typed result the documentation implies. A local server
//! (127.0.0.1, started per case) answers the client's request with the verbatim body, and the
//! result must match: the tokens, their lifetime, scopes, connection values and secondary
//! sets, or the error's code and meaning.
//!
//! Every bundled spec has a fixture file (a test checks it). The client is the engine the
//! generated clients wrap (`__private::engine`), built from the spec loaded at run time, so
//! one data-driven test covers every provider.
#![cfg(feature = "all-providers")]
#![allow(deprecated)] // Works with Nest: retired, still bundled

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use oauth_providers::__private::rt::__private::engine::{AuthorizeParams, Client};
use oauth_providers::model::{ConnectionFrom, ProviderDef, VarValue, VariableKind};
use oauth_providers::{
    AuthorizationCode, Credentials, DeviceAuthorization, Error, RefreshToken, TokenSet,
};
use oauth_testkit::server::{Reply, Server};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    #[serde(default)]
    token_responses: Vec<TokenFixture>,
    #[serde(default)]
    errors: Vec<ErrorFixture>,
    #[serde(default)]
    callbacks: Vec<CallbackFixture>,
    #[serde(default)]
    connection_requests: Vec<ConnectionFixture>,
}

#[derive(Deserialize)]
struct TokenFixture {
    source: String,
    grant: String,
    status: Option<u16>,
    content_type: String,
    body: String,
    /// The example with its printing mistakes repaired (comments, trailing commas, strings
    /// broken over lines); served instead of `body`, which must then indeed not parse.
    #[serde(default)]
    wire_body: Option<String>,
    /// Why the example is never requested by this client (it is not served).
    #[serde(default)]
    skip: Option<String>,
    expect: TokenExpect,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Expires {
    Seconds(u64),
    Word(String),
}

#[derive(Deserialize)]
struct TokenExpect {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    expires_in: Option<Expires>,
    #[serde(default)]
    scopes: Option<Vec<String>>,
    #[serde(default)]
    connection: Option<BTreeMap<String, String>>,
    #[serde(default)]
    secondary: Option<BTreeMap<String, TokenExpect>>,
}

#[derive(Deserialize)]
struct ErrorFixture {
    source: String,
    at: String,
    #[serde(default)]
    grant: Option<String>,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    content_type: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    wire_body: Option<String>,
    #[serde(default)]
    query: Option<String>,
    expect: ErrorExpect,
}

#[derive(Deserialize)]
struct ErrorExpect {
    code: String,
    meaning: String,
}

#[derive(Deserialize)]
struct CallbackFixture {
    source: String,
    query: String,
    expect: CallbackExpect,
}

#[derive(Deserialize)]
struct CallbackExpect {
    #[serde(default)]
    connection: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct ConnectionFixture {
    source: String,
    endpoint: String,
    status: Option<u16>,
    content_type: String,
    body: String,
    expect: CallbackExpect,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every bundled spec (a base spec names no provider), by file stem.
fn bundled() -> Vec<String> {
    let mut specs: Vec<String> = std::fs::read_dir(root().join("specs"))
        .expect("specs/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".yaml").map(str::to_string))
        .filter(|n| !n.ends_with(".base"))
        .collect();
    specs.sort();
    specs
}

/// `def` with its `oidc:` section off. The ID tokens of documented examples are signed with the
/// vendor's keys, which no test can fetch, and an OpenID client would first discover the
/// vendor's metadata; these fixtures test the parsers, so they run without OpenID. ID-token
/// verification is proven in `tests/catalogue_oidc.rs`, `tests/sim_oidc.rs` and against
/// oidc-provider in `tests/oidc_conformance.rs`.
fn without_oidc(def: &'static ProviderDef) -> &'static ProviderDef {
    if def.oidc.is_none() {
        return def;
    }
    let mut plain = def.clone();
    plain.oidc = None;
    Box::leak(Box::new(plain))
}

/// The def each bundled client was generated from (the facade's `PROVIDER` statics: no YAML
/// is read at run time).
macro_rules! defs {
    ($($module:ident),* $(,)?) => {
        fn load_def(spec: &str) -> &'static ProviderDef {
            $(
                if stringify!($module).trim_start_matches("r#") == spec {
                    return without_oidc(&oauth_providers::providers::$module::PROVIDER);
                }
            )*
            panic!("{spec}: not in the list of bundled providers (add it to `defs!`)")
        }
    };
}

defs!(
    airtable,
    amazon,
    apple,
    asana,
    atlassian,
    auth0,
    bitbucket,
    r#box,
    calendly,
    clickup,
    discord,
    docusign,
    dropbox,
    facebook,
    figma,
    github,
    gitlab,
    google,
    google_sdm,
    gusto,
    hubspot,
    intercom,
    keycloak,
    linear,
    linkedin,
    mailchimp,
    marketo,
    microsoft,
    miro,
    monday,
    nest,
    notion,
    okta,
    openid,
    outreach,
    pipedrive,
    quickbooks,
    reddit,
    salesforce,
    salesloft,
    shopify,
    slack,
    spotify,
    strava,
    stripe_connect,
    tiktok,
    twitch,
    webex,
    x,
    xero,
    yahoo,
    zendesk,
    zoho_crm,
    zoho_projects,
    zoom,
);

/// Values for required variables that have neither a default nor an example.
const VALUES: &[(&str, &str, &str)] = &[
    ("auth0", "domain", "tenant.us.auth0.com"),
    ("auth0", "audience", "https://api.example.com"),
    ("keycloak", "host", "https://sso.example.com"),
    ("okta", "domain", "acme.okta.com"),
    ("openid", "issuer", "https://id.example.com"),
    ("shopify", "shop", "my-shop"),
    ("zendesk", "subdomain", "acme"),
    ("marketo", "munchkin_id", "123-ABC-456"),
    ("google_sdm", "project_id", "project-1"),
    ("apple", "key_id", "ABC123DEFG"),
];

/// Sample values, by format, for the follow-up calls that yield connection values.
const SAMPLES: &[(&str, &str)] = &[
    (
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "1324a887-45db-1bf4-1e99-ef0ff456d421",
    ),
    (
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        "1324a887-45db-1bf4-1e99-ef0ff456d421",
    ),
    ("[a-z]+[0-9]+", "us19"),
    (
        "https://[a-z0-9-]+\\.docusign\\.net",
        "https://demo.docusign.net",
    ),
    ("[A-Z]{2}", "US"),
];

/// The engine client of `def`, pointed at `server`.
fn client(spec: &str, def: &'static ProviderDef, server: &Server) -> Client {
    let mut builder = Client::builder(def, Credentials::new("fixture-client", "fixture-secret"))
        .redirect_uri("https://app.example.com/callback".parse().expect("URL"))
        .origin_override(server.url("/"));
    for (i, var) in def.variables.iter().enumerate() {
        if let VariableKind::Free {
            default: None,
            example,
            ..
        } = &var.kind
        {
            let value = VALUES
                .iter()
                .find(|(s, v, _)| *s == spec && *v == var.name.as_ref())
                .map(|(_, _, value)| value.to_string())
                .or_else(|| example.as_ref().map(|e| e.to_string()))
                .unwrap_or_else(|| panic!("{spec}: a value for variable `{}`", var.name));
            builder = builder.var_at(i, VarValue::Free(value));
        } else if let VariableKind::Choice { default: None, .. } = &var.kind {
            builder = builder.var_at(i, VarValue::Choice(0));
        }
    }
    if spec == "apple" {
        use ring::rand::SystemRandom;
        use ring::signature::{EcdsaKeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
        let pkcs8 =
            EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &SystemRandom::new())
                .expect("a P-256 key");
        let key = oauth_providers::jose::SigningKey::from_pkcs8_der(
            oauth_providers::jose::JwsAlgorithm::ES256,
            pkcs8.as_ref(),
        )
        .expect("a signing key")
        .with_kid("ABC123DEFG");
        builder = builder.signing_key(key);
    }
    builder
        .build()
        .unwrap_or_else(|e| panic!("{spec}: client: {e}"))
}

/// The scopes an authorization asks for: the catalogue's first (a provider may require one).
fn authorize_params(def: &ProviderDef) -> AuthorizeParams {
    let mut params = AuthorizeParams::default();
    if let Some(scopes) = &def.scopes {
        let first = scopes.catalogue.iter().next().map(|s| s.to_string());
        params
            .scopes
            .push((0, first.unwrap_or_else(|| "openid".into())));
    }
    params
}

/// The replies of the follow-up calls an exchange makes for connection values (`from:
/// request`), one per endpoint, built from each value's `select` path and a sample of its
/// format, unless the fixture quotes the vendor's own body.
fn follow_ups(spec: &str, def: &ProviderDef, quoted: &[ConnectionFixture]) -> Vec<Reply> {
    let mut bodies: Vec<(String, serde_json::Value)> = Vec::new();
    for value in def.connection.iter() {
        let ConnectionFrom::Request { endpoint, select } = &value.from else {
            continue;
        };
        if quoted.iter().any(|q| q.endpoint == endpoint.as_ref()) {
            if !bodies.iter().any(|(e, _)| e == endpoint.as_ref()) {
                bodies.push((endpoint.to_string(), serde_json::Value::Null));
            }
            continue;
        }
        let format = value.format.to_string();
        let sample = SAMPLES
            .iter()
            .find(|(f, _)| *f == format)
            .map(|(_, s)| *s)
            .unwrap_or_else(|| panic!("{spec}: a sample value for format `{format}`"));
        let index = match bodies.iter().position(|(e, _)| e == endpoint.as_ref()) {
            Some(i) => i,
            None => {
                bodies.push((endpoint.to_string(), serde_json::Value::Null));
                bodies.len() - 1
            }
        };
        insert(
            &mut bodies[index].1,
            &select.split('.').collect::<Vec<_>>(),
            sample,
        );
    }
    bodies
        .into_iter()
        .map(
            |(endpoint, body)| match quoted.iter().find(|q| q.endpoint == endpoint) {
                Some(q) => Reply::new(q.status.unwrap_or(200), &q.content_type, q.body.clone()),
                None => Reply::json(200, body),
            },
        )
        .collect()
}

/// Writes `value` at a dotted path (`*` is an array element) into `into`.
fn insert(into: &mut serde_json::Value, path: &[&str], value: &str) {
    let Some((first, rest)) = path.split_first() else {
        *into = serde_json::Value::String(value.into());
        return;
    };
    if *first == "*" {
        if !into.is_array() {
            *into = serde_json::json!([serde_json::Value::Null]);
        }
        if let Some(slot) = into.as_array_mut().and_then(|a| a.first_mut()) {
            insert(slot, rest, value);
        }
    } else {
        if !into.is_object() {
            *into = serde_json::json!({});
        }
        if let Some(map) = into.as_object_mut() {
            let slot = map
                .entry(first.to_string())
                .or_insert(serde_json::Value::Null);
            insert(slot, rest, value);
        }
    }
}

/// The body to serve: the verbatim example, or its repaired form when the example as printed
/// is not valid JSON or is a schema with placeholders (the fixture says which edit it made).
fn served(what: &str, body: &str, wire: Option<&String>, problems: &mut Vec<String>) -> String {
    match wire {
        None => body.to_string(),
        Some(wire) => {
            if wire.trim() == body.trim() {
                problems.push(format!("{what}: `wire_body` is the body itself"));
            }
            wire.clone()
        }
    }
}

/// A token set to refresh or to call an API with.
fn stored(refresh: bool) -> TokenSet {
    let mut set = TokenSet::bearer("stored-access-token", Some(Duration::from_secs(3600)));
    if refresh {
        set.refresh_token = Some(RefreshToken::new("stored-refresh-token"));
    }
    set
}

/// Runs `grant` against the scripted server.
async fn run_grant(client: &Client, def: &ProviderDef, grant: &str) -> Result<TokenSet, Error> {
    match grant {
        "authorization_code" => {
            let (_, pending) = client.authorize_url(&authorize_params(def))?;
            client
                .exchange_code(&pending, &AuthorizationCode::new("documented-code"))
                .await
        }
        "refresh_token" => client.refresh(&stored(true)).await,
        "client_credentials" => match client.client_credentials(&[]).await {
            // A provider that requires a scope (Discord): ask for the catalogue's first.
            Err(Error::Config(why)) if why.contains("scope") => {
                let (_, first) = authorize_params(def).scopes.remove(0);
                client.client_credentials(&[first]).await
            }
            other => other,
        },
        "device_code" => {
            let device = DeviceAuthorization {
                device_code: AuthorizationCode::new("documented-device-code"),
                user_code: "WDJB-MJHT".into(),
                verification_uri: "https://example.com/device".into(),
                verification_uri_complete: None,
                expires_at: SystemTime::now() + Duration::from_secs(900),
                interval: Duration::ZERO,
            };
            client.poll_device_token(&device).await
        }
        other => panic!("no fixture runner for grant `{other}`"),
    }
}

fn check_tokens(what: &str, got: &TokenSet, want: &TokenExpect, problems: &mut Vec<String>) {
    let mut fail = |m: String| problems.push(format!("{what}: {m}"));
    if got.access_token.secret() != want.access_token {
        fail("access_token differs".into());
    }
    let refresh = got.refresh_token.as_ref().map(|r| r.secret().to_string());
    if refresh != want.refresh_token {
        fail(format!(
            "refresh_token: got {}, want {}",
            if refresh.is_some() { "one" } else { "none" },
            if want.refresh_token.is_some() {
                "one"
            } else {
                "none"
            }
        ));
    }
    let left = got
        .expires_at
        .map(|at| at.duration_since(SystemTime::now()).unwrap_or_default());
    match &want.expires_in {
        Some(Expires::Seconds(s)) => {
            let want = Duration::from_secs(*s);
            let decade = Duration::from_secs(5 * 365 * 86_400);
            match left {
                Some(left) if left <= want && left + Duration::from_secs(30) >= want => {}
                // The runtime caps lifetimes at ten years (a documented "ten years" is never).
                Some(left) if want > decade && left > decade => {}
                other => fail(format!("expires in {other:?}, want {want:?}")),
            }
        }
        Some(Expires::Word(w))
            if w == "never" && left.is_some_and(|l| l < Duration::from_secs(5 * 365 * 86_400)) =>
        {
            fail(format!("expires in {left:?}, want never"));
        }
        Some(Expires::Word(w)) if w == "never" => {}
        Some(Expires::Word(w)) => fail(format!("unknown expires_in `{w}`")),
        None => {}
    }
    if let Some(scopes) = &want.scopes {
        if got.scopes.as_ref() != Some(scopes) {
            fail(format!("scopes {:?}, want {scopes:?}", got.scopes));
        }
    }
    if let Some(connection) = &want.connection {
        for (name, value) in connection {
            if got.connection_value(name) != Some(value.as_str()) {
                fail(format!(
                    "connection `{name}`: {:?}, want {value:?}",
                    got.connection_value(name)
                ));
            }
        }
    }
    for (name, want) in want.secondary.iter().flatten() {
        match got.secondary(name) {
            Some(set) => check_tokens(&format!("{what} (secondary `{name}`)"), set, want, problems),
            None => problems.push(format!("{what}: no secondary set `{name}`")),
        }
    }
}

/// The grant whose request an error fixture answers (by default the provider's first).
fn error_grant(def: &ProviderDef, fixture: &ErrorFixture) -> String {
    if let Some(g) = &fixture.grant {
        return g.clone();
    }
    if matches!(
        fixture.expect.meaning.as_str(),
        "authorization_pending" | "slow_down"
    ) {
        return "device_code".into();
    }
    let g = &def.grants;
    if g.authorization_code.is_some() {
        "authorization_code".into()
    } else if g.client_credentials.is_some() {
        "client_credentials".into()
    } else {
        "refresh_token".into()
    }
}

fn clone_expect(e: &TokenExpect) -> TokenExpect {
    TokenExpect {
        access_token: e.access_token.clone(),
        refresh_token: e.refresh_token.clone(),
        expires_in: e.expires_in.as_ref().map(|x| match x {
            Expires::Seconds(s) => Expires::Seconds(*s),
            Expires::Word(w) => Expires::Word(w.clone()),
        }),
        scopes: e.scopes.clone(),
        connection: e.connection.clone(),
        secondary: e.secondary.as_ref().map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), clone_expect(v)))
                .collect()
        }),
    }
}

async fn check_spec(
    spec: &str,
    counts: &mut (usize, usize, usize),
    problems: &mut Vec<String>,
    skipped: &mut Vec<String>,
) {
    let path = root()
        .join("tests/fixtures/providers")
        .join(format!("{spec}.yaml"));
    // A spec without a fixture file fails `every_bundled_spec_has_a_fixture_file`.
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let fixture: Fixture =
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let def = load_def(spec);

    for (i, t) in fixture.token_responses.iter().enumerate() {
        let what = format!("{spec} token_responses[{i}] ({})", t.source);
        if t.skip.is_some() {
            // Only an answer the client's declared `Accept` header rules out may be skipped.
            let accept = def
                .token_request
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("accept"))
                .map(|h| h.value.source.to_string());
            match accept {
                Some(accept) if !t.content_type.starts_with(accept.as_str()) => skipped.push(what),
                _ => problems.push(format!("{what}: skipped, yet the client could receive it")),
            }
            continue;
        }
        let body = served(&what, &t.body, t.wire_body.as_ref(), problems);
        let server = Server::start(vec![Reply::new(
            t.status.unwrap_or(200),
            &t.content_type,
            body,
        )])
        .await;
        if t.grant == "authorization_code" {
            for reply in follow_ups(spec, def, &fixture.connection_requests) {
                server.push(reply);
            }
        }
        let client = client(spec, def, &server);
        match run_grant(&client, def, &t.grant).await {
            Ok(tokens) => {
                let mut want_refresh = t.expect.refresh_token.clone();
                if t.grant == "refresh_token" && want_refresh.is_none() {
                    // No refresh token in the answer: the stored one stays in use (RFC 6749
                    // §6).
                    want_refresh = Some("stored-refresh-token".into());
                }
                let expect = TokenExpect {
                    refresh_token: want_refresh,
                    ..clone_expect(&t.expect)
                };
                check_tokens(&what, &tokens, &expect, problems)
            }
            Err(e) => problems.push(format!("{what}: {e}")),
        }
        counts.0 += 1;
    }

    for (i, e) in fixture.errors.iter().enumerate() {
        let what = format!("{spec} errors[{i}] ({})", e.source);
        let server = Server::start(Vec::new()).await;
        let status = e.status.unwrap_or(200);
        match &e.body {
            Some(body) => {
                let body = served(&what, body, e.wire_body.as_ref(), problems);
                let ct = e.content_type.as_deref().unwrap_or("text/plain");
                server.push(Reply::new(status, ct, body));
            }
            None if e.at != "authorize" => server.push(Reply::empty(status)),
            None => {}
        }
        // Polling goes on through `authorization_pending` and `slow_down`: the documented
        // answer is decoded right when the poll then takes the next answer, a token.
        let polling = matches!(
            e.expect.meaning.as_str(),
            "authorization_pending" | "slow_down"
        );
        if polling {
            server.push(Reply::json(
                200,
                r#"{"access_token":"t","token_type":"Bearer","expires_in":3600}"#,
            ));
        }
        let client = client(spec, def, &server);
        let outcome: Result<(), Error> = match e.at.as_str() {
            "token_endpoint" => run_grant(&client, def, &error_grant(def, e))
                .await
                .map(drop),
            "api" => {
                let url = server.url("/api/documented-call");
                client
                    .send_api(client.http().get(url), &stored(false))
                    .await
                    .map(drop)
            }
            "authorize" => match client.authorize_url(&authorize_params(def)) {
                Ok((url, pending)) => {
                    let query = with_state_of(&url, e.query.as_deref().unwrap_or_default());
                    client.parse_callback(&pending, &query).map(drop)
                }
                Err(err) => Err(err),
            },
            other => panic!("{what}: unknown site `{other}`"),
        };
        if polling {
            if let Err(err) = outcome {
                problems.push(format!(
                    "{what}: polling stopped at the documented answer: {err}"
                ));
            } else if server.requests().len() != 2 {
                problems.push(format!("{what}: {} polls, want 2", server.requests().len()));
            }
            counts.1 += 1;
            continue;
        }
        match outcome {
            Ok(()) => problems.push(format!("{what}: no error")),
            Err(err) => match err.provider() {
                Some(p) if p.code == e.expect.code && p.meaning.as_str() == e.expect.meaning => {}
                Some(p) => problems.push(format!(
                    "{what}: `{}` ({}), want `{}` ({})",
                    p.code, p.meaning, e.expect.code, e.expect.meaning
                )),
                None => problems.push(format!("{what}: not a provider error: {err}")),
            },
        }
        counts.1 += 1;
    }

    for (i, c) in fixture.callbacks.iter().enumerate() {
        let what = format!("{spec} callbacks[{i}] ({})", c.source);
        let server = Server::start(Vec::new()).await;
        let client = client(spec, def, &server);
        let (url, pending) = client
            .authorize_url(&authorize_params(def))
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        match client.parse_callback(&pending, &with_state_of(&url, &c.query)) {
            Ok(callback) => {
                if callback.connection != c.expect.connection {
                    problems.push(format!(
                        "{what}: connection {:?}, want {:?}",
                        callback.connection, c.expect.connection
                    ));
                }
            }
            Err(e) => problems.push(format!("{what}: {e}")),
        }
        counts.2 += 1;
    }

    for (i, c) in fixture.connection_requests.iter().enumerate() {
        // The documented follow-up answer, after a token response of the simplest kind.
        let what = format!("{spec} connection_requests[{i}] ({})", c.source);
        let server = Server::start(vec![Reply::json(
            200,
            r#"{"access_token":"t","token_type":"Bearer","expires_in":3600}"#,
        )])
        .await;
        for reply in follow_ups(spec, def, &fixture.connection_requests) {
            server.push(reply);
        }
        let client = client(spec, def, &server);
        match run_grant(&client, def, "authorization_code").await {
            Ok(tokens) => {
                for (name, value) in &c.expect.connection {
                    if tokens.connection_value(name) != Some(value.as_str()) {
                        problems.push(format!(
                            "{what}: `{name}` is {:?}, want {value:?}",
                            tokens.connection_value(name)
                        ));
                    }
                }
            }
            Err(e) => problems.push(format!("{what}: {e}")),
        }
        counts.2 += 1;
    }
}

/// The fixture's redirect query with the `state` of the authorization just started (the
/// documented example's own state belongs to the vendor's session).
fn with_state_of(url: &url::Url, query: &str) -> String {
    let state = url
        .query_pairs()
        .find(|(k, _)| k == "state")
        .map(|(_, v)| v.into_owned());
    let mut pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .filter(|(k, _)| k != "state")
        .collect();
    if let Some(state) = state {
        pairs.push(("state".into(), state));
    }
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

#[tokio::test]
async fn documented_examples_parse_into_their_typed_results() {
    let mut problems = Vec::new();
    let mut counts = (0, 0, 0);
    let mut skipped = Vec::new();
    for spec in bundled() {
        check_spec(&spec, &mut counts, &mut problems, &mut skipped).await;
    }
    println!(
        "fixtures: {} token responses, {} error bodies, {} redirects and follow-ups; {} not \
         served: {skipped:?}",
        counts.0,
        counts.1,
        counts.2,
        skipped.len()
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_bundled_spec_has_a_fixture_file() {
    let dir = root().join("tests/fixtures/providers");
    let missing: Vec<String> = bundled()
        .into_iter()
        .filter(|s| !Path::new(&dir).join(format!("{s}.yaml")).exists())
        .collect();
    assert!(missing.is_empty(), "specs without fixtures: {missing:?}");
}
