//! Token requests as the provider takes them: a JSON body and declared headers
//! (`token_request`), and standard parameters under the provider's names (`param_names`).

mod raw;

use raw::{authorize, code, http, param, send, sim, url, REDIRECT};
use serde_json::json;

const NOTION: &str = r#"
provider: { name: Notionish, display_name: Notion-like }
endpoints:
  authorize: { url: "https://api.notion.example/v1/oauth/authorize" }
  token: { url: "https://api.notion.example/v1/oauth/token" }
client_auth: basic
token_request:
  body: json
  headers: { Notion-Version: "2022-06-28" }
grants:
  authorization_code: {}
"#;

/// `token_request.body: json` and `headers`: the JSON body is read, a form body is refused, and
/// the declared header must be sent with its value.
#[tokio::test]
async fn json_token_bodies_are_required_and_declared_headers_too() {
    let sim = sim(NOTION);
    sim.register_client("id", "secret", [REDIRECT]);
    let code = code(&sim, "id", &[]).await;
    let body = json!({"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT});
    let token = || {
        http()
            .post(url(&sim, "token"))
            .basic_auth("id", Some("secret"))
    };

    // The same parameters as a form: not what the provider reads.
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
    ];
    let (status, err) = send(token().header("notion-version", "2022-06-28").form(&form)).await;
    assert_eq!(status, 400, "{err}");
    assert_eq!(err["error"], "invalid_request");

    // JSON without the version header, then with another version.
    let (status, err) = send(token().json(&body)).await;
    assert_eq!(status, 400, "{err}");
    assert!(
        raw::s(&err, "error_description").contains("Notion-Version"),
        "{err}"
    );
    let (status, _) = send(token().header("Notion-Version", "2021-05-13").json(&body)).await;
    assert_eq!(status, 400);

    // A JSON body that is not an object of strings.
    let (status, _) = send(
        token()
            .header("Notion-Version", "2022-06-28")
            .header("content-type", "application/json")
            .body("[1, 2]"),
    )
    .await;
    assert_eq!(status, 400);

    let (status, ok) = send(token().header("Notion-Version", "2022-06-28").json(&body)).await;
    assert_eq!(status, 200, "{ok}");
    assert!(!raw::s(&ok, "access_token").is_empty(), "{ok}");
    let recorded = sim.requests().into_iter().last().expect("recorded");
    assert_eq!(recorded.param("grant_type"), Some("authorization_code"));
    assert_eq!(recorded.header("notion-version"), Some("2022-06-28"));
}

const TIKTOK: &str = r#"
provider: { name: TikTokish, display_name: TikTok-like }
endpoints:
  authorize: { url: "https://www.tiktok.example/v2/auth/authorize/" }
  token: { url: "https://open.tiktokapis.example/v2/oauth/token/" }
client_auth: request_body
param_names:
  client_id: client_key
grants:
  authorization_code: {}
"#;

/// `param_names`: the provider's spelling (`client_key`) is read at authorize and at the token
/// endpoint; the standard name it renamed is not.
#[tokio::test]
async fn renamed_parameters_are_read_under_the_providers_name_only() {
    let sim = sim(TIKTOK);
    sim.register_client("key", "secret", [REDIRECT]);
    let (status, err) = send(
        http()
            .get(url(&sim, "authorize"))
            .query(&raw::code_request("key", &[])),
    )
    .await;
    assert_eq!(status, 400, "client_id is not TikTok's name: {err}");
    assert!(
        raw::s(&err, "error_description").contains("client_key"),
        "{err}"
    );

    let to = authorize(
        &sim,
        &[
            ("client_key", "key"),
            ("response_type", "code"),
            ("redirect_uri", REDIRECT),
            ("state", "s"),
        ],
    )
    .await;
    let code = param(&to, "code").expect("code");
    let exchange = |id_name: &'static str| {
        let code = code.clone();
        let sim = &sim;
        async move {
            send(http().post(url(sim, "token")).form(&[
                (id_name, "key"),
                ("client_secret", "secret"),
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
            ]))
            .await
        }
    };
    let (status, err) = exchange("client_id").await;
    assert_eq!(status, 400, "{err}");
    let (status, ok) = exchange("client_key").await;
    assert_eq!(status, 200, "{ok}");
}

/// `response_type: null`: the provider takes no `response_type`, so none is required; where
/// the provider has it, `response_type=code` is.
#[tokio::test]
async fn response_type_is_required_unless_the_provider_leaves_it_out() {
    let monday = TIKTOK.replace("client_id: client_key", "response_type: null");
    let sim_without = sim(&monday);
    sim_without.register_client("id", "secret", [REDIRECT]);
    let pairs = [
        ("client_id", "id"),
        ("redirect_uri", REDIRECT),
        ("state", "s"),
    ];
    let to = authorize(&sim_without, &pairs).await;
    assert!(param(&to, "code").is_some(), "{to}");

    let sim_with = sim(&TIKTOK.replace("client_id: client_key", "{}"));
    sim_with.register_client("id", "secret", [REDIRECT]);
    let to = authorize(&sim_with, &pairs).await;
    assert_eq!(
        param(&to, "error").as_deref(),
        Some("invalid_request"),
        "{to}"
    );
    let mut token = pairs.to_vec();
    token.push(("response_type", "token"));
    let to = authorize(&sim_with, &token).await;
    assert_eq!(
        param(&to, "error").as_deref(),
        Some("unsupported_response_type"),
        "{to}"
    );
}
