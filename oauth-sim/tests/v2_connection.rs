//! Connection values: in the redirect (`from: callback`), in token responses
//! (`from: token_response`, pointing at the simulator itself), from a follow-up call the spec
//! declares (`from: request`), and checked where the API wants them (path, headers).

mod raw;

use raw::{authorize, code, http, param, send, sim, url, REDIRECT};
use serde_json::Value;

async fn exchange(sim: &oauth_sim::Simulator, code: &str) -> (u16, Value) {
    send(
        http()
            .post(url(sim, "token"))
            .basic_auth("id", Some("secret"))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", REDIRECT),
            ]),
    )
    .await
}

const QBO: &str = r#"
provider: { name: Qbo, display_name: QuickBooks-like }
connection:
  realm_id: { description: The company, from: callback, field: realmId, format: "[0-9]+" }
endpoints:
  authorize: { url: "https://appcenter.intuit.example/connect/oauth2" }
  token: { url: "https://oauth.platform.intuit.example/oauth2/v1/tokens/bearer" }
  api: { url: "https://quickbooks.api.intuit.example/v3/company/{connection.realm_id}" }
grants:
  authorization_code: {}
"#;

/// `from: callback` (QuickBooks' `realmId`): the redirect carries it, matching its format; the
/// API path that holds it answers only for the token's own value.
#[tokio::test]
async fn callback_values_are_in_the_redirect_and_checked_in_api_paths() {
    let sim = sim(QBO);
    sim.register_client("id", "secret", [REDIRECT]);
    let to = authorize(&sim, &raw::code_request("id", &[])).await;
    let realm = param(&to, "realmId").expect("realmId in the redirect");
    assert!(
        !realm.is_empty() && realm.chars().all(|c| c.is_ascii_digit()),
        "{realm}"
    );
    let (status, body) = exchange(&sim, &param(&to, "code").expect("code")).await;
    assert_eq!(status, 200, "{body}");
    let token = raw::s(&body, "access_token").to_string();
    let call = |realm: String| {
        let sim = &sim;
        let token = token.clone();
        async move {
            let u = sim
                .origin()
                .join(&format!("/v3/company/{realm}/sim/me"))
                .expect("url");
            send(http().get(u).bearer_auth(token)).await
        }
    };
    let (status, me) = call(realm.clone()).await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["connection"]["realm_id"], realm.as_str());
    let (status, err) = call(format!("{realm}0")).await;
    assert_eq!(status, 403, "another company: {err}");
}

const SALESFORCE: &str = r#"
provider: { name: Sfdc, display_name: Salesforce-like }
connection:
  instance_url:
    description: The org's API host.
    from: token_response
    field: instance_url
    format: "FORMAT"
endpoints:
  authorize: { url: "https://login.salesforce.example/services/oauth2/authorize" }
  token: { url: "https://login.salesforce.example/services/oauth2/token" }
  api: { url: "{connection.instance_url}/services/data/v62.0" }
grants:
  authorization_code: {}
  refresh_token: {}
"#;

/// `from: token_response` (Salesforce's `instance_url`): every token response carries it,
/// matching its format; a client that follows it with its origin pointed at the simulator
/// (the path after the host) is served there. A value the format lets be the simulator's own
/// origin is that origin.
#[tokio::test]
async fn token_response_values_are_in_every_token_response() {
    let sim = sim(&SALESFORCE.replace("FORMAT", r"https://[a-z0-9-]+\\.my\\.salesforce\\.com"));
    sim.register_client("id", "secret", [REDIRECT]);
    let c = code(&sim, "id", &[]).await;
    let (status, body) = exchange(&sim, &c).await;
    assert_eq!(status, 200, "{body}");
    let instance = url::Url::parse(raw::s(&body, "instance_url")).expect("a URL");
    let host = instance.host_str().unwrap_or("");
    assert_eq!(instance.scheme(), "https", "{body}");
    assert!(
        host.ends_with(".my.salesforce.com") && host.len() > 18,
        "{body}"
    );
    let followed = sim
        .origin()
        .join(&format!("{}services/data/v62.0/sim/me", instance.path()))
        .expect("url");
    let (status, me) = send(
        http()
            .get(followed)
            .bearer_auth(raw::s(&body, "access_token")),
    )
    .await;
    assert_eq!(status, 200, "{me}");

    let (status, refreshed) = send(
        http()
            .post(url(&sim, "token"))
            .basic_auth("id", Some("secret"))
            .form(&[
                ("grant_type", "refresh_token"),
                ("refresh_token", raw::s(&body, "refresh_token")),
            ]),
    )
    .await;
    assert_eq!(status, 200, "{refreshed}");
    assert_eq!(
        raw::s(&refreshed, "instance_url"),
        instance.as_str().trim_end_matches('/')
    );

    // Not a host (no endpoint is built on it): the simulator's origin where the format allows.
    let site = SALESFORCE.replace("FORMAT", r"https?://[^/]+").replace(
        "{connection.instance_url}/services",
        "https://api.salesforce.example/services",
    );
    let sim = raw::sim(&site);
    sim.register_client("id", "secret", [REDIRECT]);
    let c = code(&sim, "id", &[]).await;
    let (_, body) = exchange(&sim, &c).await;
    assert_eq!(
        raw::s(&body, "instance_url"),
        sim.origin().as_str().trim_end_matches('/'),
        "{body}"
    );
}

const XERO: &str = r#"
provider: { name: Xeroish, display_name: Xero-like }
connection:
  tenant_id:
    description: The organisation.
    from: request
    request: { endpoint: connections, select: "*.tenantId" }
    format: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
endpoints:
  authorize: { url: "https://login.xero.example/identity/connect/authorize" }
  token: { url: "https://identity.xero.example/connect/token" }
  connections: { url: "https://api.xero.example/connections", method: GET }
  api: { url: "https://api.xero.example/api.xro/2.0" }
api:
  headers: { xero-tenant-id: "{connection.tenant_id}" }
errors:
  - code: ValidationException
    at: api
    status: 400
    when: [{ field: Type, equals: ValidationException }]
    meaning: bad_request
  - code: AuthorizationUnsuccessful
    at: api
    status: 403
    when:
      - { field: Title, equals: Forbidden }
      - { field: Detail, starts_with: AuthorizationUnsuccessful }
    meaning: access_denied
grants:
  authorization_code: {}
"#;

/// `from: request` (Xero's `GET /connections`): served at its path with the access token, in
/// the shape `select` reads; the API then wants it in `xero-tenant-id`, answering with the
/// spec's errors when it is absent or not the token's.
#[tokio::test]
async fn request_values_are_served_and_api_headers_checked() {
    let sim = sim(XERO);
    sim.register_client("id", "secret", [REDIRECT]);
    let c = code(&sim, "id", &[]).await;
    let (_, body) = exchange(&sim, &c).await;
    let token = raw::s(&body, "access_token").to_string();

    let (status, _) = send(http().get(url(&sim, "connections"))).await;
    assert_eq!(status, 401, "no token");
    let (status, connections) =
        send(http().get(url(&sim, "connections")).bearer_auth(&token)).await;
    assert_eq!(status, 200, "{connections}");
    let tenant = connections[0]["tenantId"]
        .as_str()
        .expect("tenantId")
        .to_string();
    assert_eq!(tenant.len(), 36, "{tenant}");
    assert_eq!(tenant.matches('-').count(), 4, "{tenant}");

    let call = |tenant: Option<String>| {
        let sim = &sim;
        let token = token.clone();
        async move {
            let mut rb = http().get(url(sim, "api")).bearer_auth(token);
            if let Some(t) = tenant {
                rb = rb.header("xero-tenant-id", t);
            }
            send(rb).await
        }
    };
    let (status, err) = call(None).await;
    assert_eq!(
        (status, raw::s(&err, "Type")),
        (400, "ValidationException"),
        "{err}"
    );
    let (status, err) = call(Some("00000000-0000-0000-0000-000000000000".into())).await;
    assert_eq!((status, raw::s(&err, "Title")), (403, "Forbidden"), "{err}");
    assert!(
        raw::s(&err, "Detail").starts_with("AuthorizationUnsuccessful"),
        "{err}"
    );
    let (status, me) = call(Some(tenant)).await;
    assert_eq!(status, 200, "{me}");
}

/// A value set by the test is handed out instead of a drawn one, if it matches the format.
#[tokio::test]
async fn connection_values_can_be_chosen_within_their_format() {
    let sim = sim(XERO);
    sim.register_client("id", "secret", [REDIRECT]);
    let chosen = "1f0e7a5e-8c9d-4b3a-9e2f-0123456789ab";
    assert!(sim
        .set_connection_value("tenant_id", "not-a-tenant")
        .is_err());
    assert!(sim.set_connection_value("realm_id", "1").is_err());
    sim.set_connection_value("tenant_id", chosen)
        .expect("matches");
    let c = code(&sim, "id", &[]).await;
    let (_, body) = exchange(&sim, &c).await;
    let (_, connections) = send(
        http()
            .get(url(&sim, "connections"))
            .bearer_auth(raw::s(&body, "access_token")),
    )
    .await;
    assert_eq!(connections, serde_json::json!([{"tenantId": chosen}]));
}
