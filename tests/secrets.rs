//! No secret ever reaches `Debug`, `Display` or a log line: client secrets, access and refresh
//! tokens, authorization codes, PINs, passwords and the v1 authtoken, across succeeding and
//! failing flows of all four seed providers; ID tokens, nonces, DPoP keys and proofs across the
//! OpenID face (against the simulator, which signs ID tokens) (including transport failures and timeouts on
//! requests whose URL carries a secret: Zoho's and Marketo's token URLs, the CRM authtoken
//! query, Nest's revoke path).
//!
//! Logs are captured with a small hand-written `tracing::Subscriber` installed as the thread's
//! default (the tests run on tokio's current-thread runtime, so every event the client emits
//! lands on this thread). Events sent through the `log` crate (reqwest's own) are not seen.
#![allow(deprecated)] // Nest and the CRM authtoken are deprecated.

mod support;

use std::fmt::{Debug, Write as _};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use oauth_providers::providers::marketo::Marketo;
use oauth_providers::providers::nest::Nest;
use oauth_providers::providers::zoho_crm::{scopes as crm_scopes, ZohoCRM};
use oauth_providers::providers::zoho_projects::{scopes, AccessType, ZohoProjects};
use oauth_providers::{AuthorizationCode, Credentials, Error, Password, TokenSet};
use support::{callback, http, Reply, Server};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use url::Url;

const CLIENT_SECRET: &str = "CLIENTSECRETzz91x";
const ACCESS: &str = "ACCESSTOKENqq42y";
const ACCESS_2: &str = "ACCESSTOKENTWOpp17";
const REFRESH: &str = "REFRESHTOKENww63v";
const CODE: &str = "GRANTCODEkk28u";
const PIN: &str = "PINCODE7";
const PASSWORD: &str = "APPPASSWORDjj55t";
const AUTHTOKEN: &str = "AUTHTOKENhh84s";

const SECRETS: &[&str] = &[
    CLIENT_SECRET,
    ACCESS,
    ACCESS_2,
    REFRESH,
    CODE,
    PIN,
    PASSWORD,
    AUTHTOKEN,
];

// ---------------------------------------------------------------------------------------
// Log capture.

#[derive(Clone, Default)]
struct Capture {
    lines: Arc<Mutex<Vec<String>>>,
    next_id: Arc<AtomicU64>,
}

struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        let _ = write!(self.0, " {}={}", field.name(), value);
    }
}

impl Capture {
    fn push(&self, meta: &Metadata<'_>, fields: Fields) {
        let line = format!("{} {}{}", meta.level(), meta.target(), fields.0);
        self.lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(line);
    }

    fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::TRACE)
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut fields = Fields(String::from(" new_span"));
        span.record(&mut fields);
        self.push(span.metadata(), fields);
        Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed) + 1)
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut fields = Fields(String::from(" record"));
        values.record(&mut fields);
        self.lines
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(fields.0);
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields(String::new());
        event.record(&mut fields);
        self.push(event.metadata(), fields);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

// ---------------------------------------------------------------------------------------
// What was formatted.

#[derive(Default)]
struct Shown(Vec<(String, String)>);

impl Shown {
    fn debug(&mut self, label: &str, value: &impl Debug) {
        self.0
            .push((format!("{label} (Debug)"), format!("{value:?}")));
        self.0
            .push((format!("{label} (Debug, alternate)"), format!("{value:#?}")));
    }

    fn error(&mut self, label: &str, err: &Error) {
        self.debug(label, err);
        self.0.push((format!("{label} (Display)"), err.to_string()));
        let mut source = std::error::Error::source(err);
        while let Some(s) = source {
            self.0
                .push((format!("{label} (source chain)"), format!("{s} / {s:?}")));
            source = s.source();
        }
    }

    fn result<T: Debug>(&mut self, label: &str, r: &Result<T, Error>) {
        match r {
            Ok(v) => self.debug(label, v),
            Err(e) => self.error(label, e),
        }
    }

    fn assert_clean(&self, capture: &Capture) {
        self.assert_clean_of(capture, &[]);
    }

    /// [`Shown::assert_clean`], also for `more`: secrets made during the test (ID tokens,
    /// nonces, DPoP keys and proofs).
    fn assert_clean_of(&self, capture: &Capture, more: &[String]) {
        let more: Vec<&str> = more.iter().map(String::as_str).collect();
        let secrets: Vec<&str> = SECRETS.iter().copied().chain(more).collect();
        let logs = capture.lines();
        assert!(
            logs.iter().any(|l| l.contains("sending request")),
            "the log capture saw the runtime's events: {logs:#?}"
        );
        let mut leaks = Vec::new();
        for (label, text) in &self.0 {
            for secret in &secrets {
                if text.contains(secret) {
                    leaks.push(format!("{label} shows {secret}: {text}"));
                }
            }
        }
        for line in &logs {
            for secret in &secrets {
                if line.contains(secret) {
                    leaks.push(format!("log line shows {secret}: {line}"));
                }
            }
        }
        assert!(leaks.is_empty(), "secrets leaked:\n{}", leaks.join("\n"));
        assert!(!self.0.is_empty());
    }
}

fn zoho_tokens() -> TokenSet {
    let mut t = TokenSet::bearer(ACCESS, Some(Duration::from_secs(3600)));
    t.refresh_token = Some(REFRESH.into());
    t
}

/// An origin on which nothing listens (connection refused).
async fn dead_origin() -> Url {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    Url::parse(&format!("http://{addr}")).expect("URL")
}

const ZOHO_TOKEN_OK: &str = r#"{"access_token":"ACCESSTOKENqq42y","refresh_token":"REFRESHTOKENww63v","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}"#;

// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn zoho_projects_flows_never_show_secrets() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let mut shown = Shown::default();
    let creds = Credentials::new("1000.SECRETSTEST", CLIENT_SECRET);
    shown.debug("credentials", &creds);

    let server = Server::start(vec![
        Reply::json(200, ZOHO_TOKEN_OK),
        Reply::json(
            200,
            r#"{"access_token":"ACCESSTOKENTWOpp17","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}"#,
        ),
        Reply::json(200, r#"{"portals":[]}"#),
        Reply::json(200, r#"{"error":"invalid_code"}"#),
        Reply::json(401, r#"{"error":"invalid_oauth_token"}"#),
        Reply::json(200, r#"{"error":"invalid_client_secret"}"#),
        Reply::json(200, r#"{"status":"success"}"#),
        Reply::new(200, "text/html", "<html>maintenance</html>"),
        Reply::json(502, r#"{"unexpected":true}"#),
    ])
    .await;
    let zp = ZohoProjects::builder(creds.clone())
        .redirect_uri("https://app.example.com/cb".parse().expect("URI"))
        .origin_override(server.origin.clone())
        .build()
        .expect("builds");
    shown.debug("client", &zp);
    let (url, pending) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .access_type(AccessType::Offline)
        .url()
        .expect("URL");
    shown.debug("authorize URL", &url);
    shown.debug("pending", &pending);

    let code = AuthorizationCode::new(CODE);
    shown.debug("code", &code);
    let tokens = zp.exchange_code(&pending, &code).await;
    shown.result("exchange", &tokens);
    let tokens = tokens.expect("exchange");
    let refreshed = zp.refresh(&tokens).await;
    shown.result("refresh", &refreshed);
    let api = zp
        .send_api(http().get(server.url("/restapi/portals/")), &tokens)
        .await;
    shown.result("API success", &api);
    shown.result(
        "exchange invalid_code",
        &zp.exchange_code(&pending, &code).await,
    );
    shown.result(
        "API invalid_oauth_token",
        &zp.send_api(http().get(server.url("/restapi/portals/")), &tokens)
            .await,
    );
    shown.result("refresh invalid_client_secret", &zp.refresh(&tokens).await);
    shown.result("revoke", &zp.revoke(&tokens).await);
    shown.result(
        "exchange answered with HTML",
        &zp.exchange_code(&pending, &code).await,
    );
    shown.result("refresh answered 502", &zp.refresh(&tokens).await);
    let (_, mismatched) = zp
        .authorize()
        .scope(scopes::portals::READ)
        .url()
        .expect("URL");
    shown.result(
        "state mismatch",
        &zp.exchange_callback(mismatched, &format!("state=x&code={CODE}"))
            .await
            .map(|(_, t)| t),
    );

    // The token URL carries the client secret in its query: a transport error must not.
    let dead = ZohoProjects::builder(creds.clone())
        .redirect_uri("https://app.example.com/cb".parse().expect("URI"))
        .origin_override(dead_origin().await)
        .build()
        .expect("builds");
    shown.result(
        "exchange, refused",
        &dead.exchange_code(&pending, &code).await,
    );
    shown.result("refresh, refused", &dead.refresh(&tokens).await);
    shown.result("revoke, refused", &dead.revoke(&tokens).await);

    // And a timeout on the same URL.
    let slow = Server::start(vec![
        Reply::json(200, ZOHO_TOKEN_OK).delayed(Duration::from_secs(3)),
        Reply::json(200, ZOHO_TOKEN_OK).delayed(Duration::from_secs(3)),
    ])
    .await;
    let slow_client = ZohoProjects::builder(creds)
        .redirect_uri("https://app.example.com/cb".parse().expect("URI"))
        .origin_override(slow.origin.clone())
        .timeout(Duration::from_millis(200))
        .build()
        .expect("builds");
    let timed_out = slow_client.refresh(&tokens).await;
    assert!(
        matches!(timed_out, Err(Error::Timeout { .. })),
        "{timed_out:?}"
    );
    shown.result("refresh, timed out", &timed_out);
    shown.result(
        "API, timed out",
        &slow_client
            .send_api(http().get(slow.url("/restapi/portals/")), &tokens)
            .await,
    );

    shown.assert_clean(&capture);
}

#[tokio::test]
async fn zoho_crm_authtoken_flows_never_show_the_password_or_authtoken() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let mut shown = Shown::default();
    let server = Server::start(vec![
        Reply::text(
            200,
            "#\n#Wed Feb 29 03:07:33 PST 2012\nAUTHTOKEN=AUTHTOKENhh84s\nRESULT=TRUE\n",
        ),
        Reply::json(
            200,
            r#"{"response":{"error":{"code":"4834","message":"Invalid Ticket Id"}}}"#,
        ),
        Reply::text(200, "#\nCAUSE=INVALID_PASSWORD\nRESULT=FALSE\n"),
        Reply::text(200, "#\nCAUSE=ACCOUNT_REGISTRATION_NOT_CONFIRMED\nRESULT=FALSE\n"),
        Reply::text(200, "#\nRESULT=FALSE\n"),
        Reply::json(
            401,
            r#"{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"#,
        ),
    ])
    .await;
    let crm = ZohoCRM::builder(Credentials::new("1000.CRM", CLIENT_SECRET))
        .redirect_uri("https://crm.example.com/cb".parse().expect("URI"))
        .origin_override(server.origin.clone())
        .build()
        .expect("builds");
    shown.debug("client", &crm);
    let password = Password::new(PASSWORD);
    shown.debug("password", &password);

    let authtoken = crm
        .legacy_authtoken("alice@example.com", password.clone(), "Sync")
        .await;
    shown.result("authtoken", &authtoken);
    let authtoken = authtoken.expect("authtoken");
    shown.result(
        "v1 API 4834",
        &crm.send_api(
            http().get(server.url("/crm/private/json/Leads/getRecords")),
            &authtoken,
        )
        .await,
    );
    for label in [
        "authtoken INVALID_PASSWORD",
        "authtoken ACCOUNT_REGISTRATION_NOT_CONFIRMED",
        "authtoken RESULT=FALSE",
    ] {
        shown.result(
            label,
            &crm.legacy_authtoken("alice@example.com", password.clone(), "Sync")
                .await,
        );
    }
    shown.result(
        "API INVALID_TOKEN",
        &crm.send_api(http().get(server.url("/crm/v8/Leads")), &zoho_tokens())
            .await,
    );
    let (_, pending) = crm
        .authorize()
        .scope(crm_scopes::modules::ALL)
        .url()
        .expect("URL");
    shown.debug("pending", &pending);

    // The authtoken request carries the password in its URL, the v1 API call the authtoken.
    let dead = ZohoCRM::builder(Credentials::new("1000.CRM", CLIENT_SECRET))
        .origin_override(dead_origin().await)
        .build()
        .expect("builds");
    shown.result(
        "authtoken, refused",
        &dead
            .legacy_authtoken("alice@example.com", password.clone(), "Sync")
            .await,
    );
    let dead_api = dead.endpoint_url("api").expect("api");
    shown.result(
        "v1 API, refused",
        &dead
            .send_api(http().get(format!("{dead_api}/Leads")), &authtoken)
            .await,
    );
    let slow = Server::start(vec![
        Reply::text(200, "RESULT=TRUE").delayed(Duration::from_secs(3))
    ])
    .await;
    let slow_client = ZohoCRM::builder(Credentials::new("1000.CRM", CLIENT_SECRET))
        .origin_override(slow.origin.clone())
        .timeout(Duration::from_millis(200))
        .build()
        .expect("builds");
    shown.result(
        "authtoken, timed out",
        &slow_client
            .legacy_authtoken("alice@example.com", password, "Sync")
            .await,
    );

    shown.assert_clean(&capture);
}

#[tokio::test]
async fn marketo_flows_never_show_secrets() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let mut shown = Shown::default();
    let server = Server::start(vec![
        Reply::json(
            200,
            r#"{"access_token":"ACCESSTOKENqq42y","token_type":"bearer","expires_in":3599,"scope":"apis@acmeinc.com"}"#,
        ),
        Reply::json(
            200,
            r#"{"requestId":"e42b#14272d07d78","success":false,"errors":[{"code":"601","message":"Unauthorized"}]}"#,
        ),
        Reply::json(
            200,
            r#"{"requestId":"e42b#14272d07d78","success":false,"errors":[{"code":"602","message":"Access token expired"}]}"#,
        ),
        Reply::json(
            401,
            r#"{"error":"invalid_client","error_description":"Bad client credentials"}"#,
        ),
    ])
    .await;
    let creds = Credentials::new("mkto-client", CLIENT_SECRET);
    let mkto = Marketo::builder(creds.clone(), "284-RPR-133")
        .origin_override(server.origin.clone())
        .build()
        .expect("builds");
    shown.debug("client", &mkto);
    let tokens = mkto.client_credentials().await;
    shown.result("identity", &tokens);
    let tokens = tokens.expect("token");
    for label in ["API 601", "API 602"] {
        shown.result(
            label,
            &mkto
                .send_api(http().get(server.url("/rest/v1/leads.json")), &tokens)
                .await,
        );
    }
    shown.result("identity invalid_client", &mkto.client_credentials().await);
    match Marketo::new(creds.clone(), "not-a-munchkin") {
        Ok(_) => panic!("a bad munchkin id must not build"),
        Err(e) => shown.error("bad munchkin id", &e),
    }

    // The identity call is a GET with the client secret in its query.
    let dead = Marketo::builder(creds.clone(), "284-RPR-133")
        .origin_override(dead_origin().await)
        .build()
        .expect("builds");
    shown.result("identity, refused", &dead.client_credentials().await);
    let slow = Server::start(vec![Reply::json(200, "{}").delayed(Duration::from_secs(3))]).await;
    let slow_client = Marketo::builder(creds, "284-RPR-133")
        .origin_override(slow.origin.clone())
        .timeout(Duration::from_millis(200))
        .build()
        .expect("builds");
    shown.result(
        "identity, timed out",
        &slow_client.client_credentials().await,
    );

    shown.assert_clean(&capture);
}

#[tokio::test]
async fn nest_flows_never_show_secrets() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let mut shown = Shown::default();
    let server = Server::start(vec![
        Reply::json(
            200,
            r#"{"access_token":"ACCESSTOKENqq42y","expires_in":315360000}"#,
        ),
        Reply::json(
            400,
            r#"{"error":"oauth2_error","error_description":"authorization code expired"}"#,
        ),
        Reply::json(
            403,
            r#"{"error":"client_not_active","error_description":"client is not active"}"#,
        ),
        Reply::json(
            400,
            r#"{"error":"oauth2_error","error_description":"client secret not found"}"#,
        ),
        Reply::empty(404),
        Reply::empty(500),
    ])
    .await;
    let creds = Credentials::new("nest-client", CLIENT_SECRET);
    let nest = Nest::builder(creds.clone())
        .origin_override(server.origin.clone())
        .build()
        .expect("builds");
    shown.debug("client", &nest);
    let (_, pending) = nest.pin_url().expect("PIN URL");
    shown.debug("pending", &pending);
    let tokens = nest.exchange_pin(PIN).await;
    shown.result("PIN exchange", &tokens);
    let tokens = tokens.expect("token");
    let (_, pending) = nest.authorize().url().expect("URL");
    shown.result(
        "code expired",
        &nest
            .exchange_code(&pending, &AuthorizationCode::new(CODE))
            .await,
    );
    shown.result("client not active", &nest.exchange_pin(PIN).await);
    shown.result("client secret not found", &nest.exchange_pin(PIN).await);
    shown.result("revoke 404", &nest.revoke(&tokens).await);
    shown.result("revoke 500", &nest.revoke(&tokens).await);

    // Revoke puts the access token in the URL path.
    let dead = Nest::builder(creds)
        .origin_override(dead_origin().await)
        .build()
        .expect("builds");
    shown.result("revoke, refused", &dead.revoke(&tokens).await);
    shown.result("PIN, refused", &dead.exchange_pin(PIN).await);

    shown.assert_clean(&capture);
}

/// The detector itself: a formatted secret is reported.
#[test]
#[should_panic(expected = "secrets leaked")]
fn the_leak_detector_catches_a_formatted_secret() {
    let capture = Capture::default();
    capture
        .lines
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push("sending request".into());
    let mut shown = Shown::default();
    shown.debug("a raw token", &format!("Bearer {ACCESS}"));
    shown.assert_clean(&capture);
}

#[tokio::test]
async fn openid_flows_never_show_id_tokens_nonces_or_dpop_keys() {
    use oauth_providers::providers::openid::{scopes, OpenId};
    use oauth_runtime::oidc::{DpopKey, Nonce};
    use oauth_runtime::token::StoredTokenSet;
    use oauth_sim::{Consent, IdTokenTamper, Simulator};

    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());
    let mut shown = Shown::default();
    let mut made = Vec::new();
    let sim = Simulator::from_spec_file(concat!(env!("CARGO_MANIFEST_DIR"), "/specs/openid.yaml"))
        .expect("simulator");
    let redirect = "http://127.0.0.1/callback";
    sim.register_client("oidc-app", CLIENT_SECRET, [redirect]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    let issuer = sim.issuer().expect("OpenID").to_string();
    let client = OpenId::builder(Credentials::new("oidc-app", CLIENT_SECRET), issuer)
        .redirect_uri(redirect.parse().expect("URL"))
        .origin_override(sim.origin())
        .build()
        .expect("builds");
    shown.debug("client", &client);

    let (url, pending) = client
        .authorize()
        .scopes([scopes::openid])
        .url()
        .expect("URL");
    made.push(pending.nonce.as_ref().expect("nonce").secret().to_string());
    shown.debug("pending", &pending);
    let login = client.login(pending, &callback(url).await).await;
    shown.result("login", &login);
    let login = login.expect("login");
    made.push(login.tokens.extra["id_token"].clone());
    made.push(login.tokens.access_token.secret().to_string());
    shown.debug("claims", &login.claims);
    shown.debug("claims, untyped", &*login.claims);
    shown.debug("tokens", &login.tokens);
    shown.debug("stored tokens", &StoredTokenSet::from(&login.tokens));
    shown.result("userinfo", &login.client.userinfo(&login.tokens).await);
    shown.result(
        "end session",
        &login
            .client
            .end_session_url(&login.tokens, None, None)
            .await,
    );

    // A refused login: the error names the check, not the token.
    for tamper in [IdTokenTamper::WrongNonce, IdTokenTamper::Signature] {
        sim.tamper_next_id_token(tamper);
        let (url, pending) = client
            .authorize()
            .scopes([scopes::openid])
            .url()
            .expect("URL");
        made.push(pending.nonce.as_ref().expect("nonce").secret().to_string());
        let refused = client.login(pending, &callback(url).await).await;
        assert!(matches!(refused, Err(Error::IdToken(_))), "{refused:?}");
        shown.result("tampered login", &refused);
    }

    // DPoP: the private key, exported for storage, kept with a bound set; a proof.
    let key = DpopKey::generate().expect("key");
    let exported = key.export();
    let private: serde_json::Value = serde_json::from_str(exported.secret()).expect("JWK");
    made.push(private["d"].as_str().expect("`d`").to_string());
    shown.debug("DPoP key", &key);
    shown.debug("exported DPoP key", &exported);
    let proof = key
        .proof(&reqwest::Method::POST, &sim.origin())
        .expect("proof")
        .nonce("SERVERDPOPNONCEmm31")
        .sign()
        .expect("signed");
    made.push(proof.as_str().to_string());
    shown.debug("DPoP proof", &proof);
    let mut bound = login.tokens.clone();
    bound.token_type = Some("DPoP".into());
    bound.dpop_key = Some(exported.clone());
    shown.debug("bound tokens", &bound);
    shown.debug("bound tokens, stored", &StoredTokenSet::from(&bound));
    let nonce = Nonce::random();
    made.push(nonce.secret().to_string());
    shown.debug("nonce", &nonce);

    shown.result(
        "logout",
        &login.client.logout(login.tokens, None, None).await,
    );
    shown.assert_clean_of(&capture, &made);
}
