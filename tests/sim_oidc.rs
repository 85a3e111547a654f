//! The ID token checks of the generated client's OpenID face against the simulator, for a
//! spec without a real server: the simulator serves the spec's discovery document and its
//! own JWKS, signs an ES256 ID token with every `openid` login, and breaks the next one on
//! request ([`IdTokenTamper`]); each broken token is refused with the check that failed.

use oauth_providers::providers::openid::{scopes, OpenId, OpenIdLogin};
use oauth_providers::{Credentials, Error};
use oauth_runtime::oidc::IdTokenError;
use oauth_sim::{Consent, IdTokenTamper, Simulator, JWKS_PATH};

mod support;
use support::callback;

const REDIRECT: &str = "http://127.0.0.1/callback";

/// An Entra-like spec: a tenant in the issuer, a claim of the provider's own of each type.
mod tenant {
    oauth_providers::provider!("tests/specs/oidc/tenant_like.yaml");
}

fn start() -> (Simulator, OpenId) {
    let sim = Simulator::from_spec_file(concat!(env!("CARGO_MANIFEST_DIR"), "/specs/openid.yaml"))
        .expect("simulator");
    sim.register_client("app", "app-secret", [REDIRECT]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    let issuer = sim.issuer().expect("an OpenID provider").to_string();
    let client = OpenId::builder(Credentials::new("app", "app-secret"), issuer)
        .redirect_uri(REDIRECT.parse().unwrap())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    (sim, client)
}

async fn sign_in(client: &OpenId) -> Result<OpenIdLogin, Error> {
    let (url, pending) = client
        .authorize()
        .scopes([scopes::openid, scopes::email])
        .url()
        .expect("URL");
    let query = callback(url).await;
    client.login(pending, &query).await
}

fn fetches(sim: &Simulator, path: &str) -> usize {
    sim.requests().iter().filter(|r| r.path == path).count()
}

#[tokio::test]
async fn the_simulators_id_tokens_pass_every_check_and_come_out_as_claims() {
    let (sim, client) = start();
    let login = sign_in(&client).await.expect("login");
    assert_eq!(login.claims.sub, "alice");
    assert_eq!(Some(login.claims.iss.as_str()), sim.issuer());
    assert_eq!(login.claims.aud, ["app"]);
    assert!(login.claims.nonce.is_some() && login.claims.at_hash.is_some());
    // A second login reuses the metadata and the keys.
    sign_in(&client).await.expect("second login");
    assert_eq!(fetches(&sim, "/.well-known/openid-configuration"), 1);
    assert_eq!(fetches(&sim, JWKS_PATH), 1);
}

#[tokio::test]
async fn every_tampered_id_token_is_refused_with_the_check_that_failed() {
    let (sim, client) = start();
    type Check = fn(&IdTokenError) -> bool;
    let cases: [(IdTokenTamper, Check); 8] = [
        (IdTokenTamper::Signature, |e| {
            matches!(e, IdTokenError::Signature)
        }),
        (IdTokenTamper::Audience, |e| {
            matches!(e, IdTokenError::Audience { .. })
        }),
        (IdTokenTamper::Issuer, |e| {
            matches!(e, IdTokenError::Issuer { .. })
        }),
        (IdTokenTamper::Expired, |e| {
            matches!(e, IdTokenError::Expired { .. })
        }),
        (IdTokenTamper::WrongNonce, |e| {
            matches!(e, IdTokenError::Nonce { missing: false })
        }),
        (IdTokenTamper::NoNonce, |e| {
            matches!(e, IdTokenError::Nonce { missing: true })
        }),
        (
            IdTokenTamper::AlgNone,
            |e| matches!(e, IdTokenError::Algorithm { alg } if alg == "none"),
        ),
        (
            IdTokenTamper::Hs256,
            |e| matches!(e, IdTokenError::Algorithm { alg } if alg == "HS256"),
        ),
    ];
    for (tamper, check) in cases {
        sim.tamper_next_id_token(tamper);
        match sign_in(&client).await {
            Err(Error::IdToken(e)) => {
                assert!(check(&e), "{tamper:?} refused for the wrong reason: {e:?}")
            }
            Err(other) => panic!("{tamper:?}: expected an ID token error, got {other:?}"),
            Ok(_) => panic!("{tamper:?}: the tampered ID token was accepted"),
        }
    }
    // The tampering was one token each: the next login passes.
    sign_in(&client).await.expect("an untampered login");
}

#[tokio::test]
async fn a_plain_oauth_spec_serves_no_openid_metadata() {
    let sim = Simulator::from_spec_file(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/specs/zoho_projects.yaml"
    ))
    .expect("simulator");
    assert_eq!(sim.issuer(), None);
    let status = reqwest::get(format!(
        "{}{}",
        sim.origin().as_str().trim_end_matches('/'),
        JWKS_PATH
    ))
    .await
    .unwrap()
    .status();
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_specs_own_claims_come_out_through_typed_getters() {
    use tenant::{scopes, Directory};

    let sim = Simulator::from_spec_file(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/specs/oidc/tenant_like.yaml"
    ))
    .expect("simulator");
    sim.register_client("app", "app-secret", [REDIRECT]);
    sim.consent(Consent::Approve { user: "bob".into() });
    assert_eq!(
        sim.issuer(),
        Some("https://login.tenant.example/contoso/v2.0")
    );
    let client = Directory::builder(Credentials::new("app", "app-secret"), "contoso")
        .redirect_uri(REDIRECT.parse().unwrap())
        .origin_override(sim.origin())
        .build()
        .expect("client");
    assert_eq!(
        client.issuer_id(),
        "https://login.tenant.example/contoso/v2.0"
    );
    let (url, pending) = client
        .authorize()
        .scopes([scopes::openid, scopes::email])
        .start()
        .await
        .expect("URL");
    let query = callback(url).await;
    let login = client.login(pending, &query).await.expect("login");
    assert_eq!(login.claims.sub, "bob");
    assert_eq!(login.claims.tid(), Some("sim-tid"));
    assert_eq!(login.claims.groups(), Some(vec!["sim-groups"]));
    assert_eq!(login.claims.xms_pl_verified(), Some(true));
    assert_eq!(login.claims.acct(), Some(1));
}
