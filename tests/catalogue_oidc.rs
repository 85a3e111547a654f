//! Sign in with each bundled OpenID provider against the simulator built from its spec: the
//! login yields an ID token that passed every check (signature against the published key,
//! algorithm, issuer, audience, expiry, nonce), as typed claims. The simulator renders a
//! templated issuer with the spec's example values, so the clients are built with those.

use oauth_providers::Credentials;
use oauth_sim::{Consent, Simulator};

mod support;
use support::callback;

const CLIENT_ID: &str = "catalogue-oidc-client";
const CLIENT_SECRET: &str = "catalogue-oidc-secret";
const REDIRECT: &str = "http://127.0.0.1/callback";

fn sim(file: &str) -> Simulator {
    let sim = Simulator::from_spec_file(format!("{}/specs/{file}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{file}: the simulator starts: {e}"));
    sim.register_client(CLIENT_ID, CLIENT_SECRET, [REDIRECT]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    sim
}

macro_rules! sign_in {
    ($name:ident, $module:ident, $ty:ident, $file:literal, [$($arg:expr),*]) => {
        #[tokio::test]
        async fn $name() {
            use oauth_providers::providers::$module::{scopes, $ty};
            let sim = sim($file);
            let client = $ty::builder(Credentials::new(CLIENT_ID, CLIENT_SECRET) $(, $arg)*)
                .redirect_uri(REDIRECT.parse().expect("redirect URI"))
                .origin_override(sim.origin())
                .build()
                .expect("client");
            let (url, pending) = client
                .authorize()
                .scopes([scopes::openid])
                .url()
                .expect("authorize URL");
            assert!(url.query().is_some_and(|q| q.contains("nonce=")), "{url}");
            let query = callback(url).await;
            let login = client.login(pending, &query).await.expect("a verified login");
            assert_eq!(login.claims.sub, "alice");
            assert_eq!(login.claims.aud, [CLIENT_ID]);
            assert!(login.claims.nonce.is_some());
        }
    };
}

sign_in!(google, google, Google, "google.yaml", []);
sign_in!(gitlab, gitlab, GitLab, "gitlab.yaml", []);
sign_in!(okta, okta, Okta, "okta.yaml", ["dev-123456.okta.com"]);
sign_in!(
    auth0,
    auth0,
    Auth0,
    "auth0.yaml",
    ["example.us.auth0.com", "https://api.example.com"]
);
sign_in!(
    keycloak,
    keycloak,
    Keycloak,
    "keycloak.yaml",
    ["https://keycloak.example.com", "myrealm"]
);
