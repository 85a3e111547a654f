//! Sign in with OpenID Connect: a login whose ID token is verified (signature against the
//! provider's published keys, `iss`, `aud`, `exp`/`iat`, the nonce sent, `at_hash`) before its
//! claims are handed over, typed.
//!
//! Runs offline against the embedded provider simulator, built from `specs/openid.yaml`: it
//! publishes its discovery document and JWKS and signs an ID token with every `openid` login.
//!
//! ```text
//! cargo run --example sign_in
//! ```
//!
//! With a real provider, the client is built the same way minus `origin_override`, and the
//! redirect's query comes from the browser instead of the simulator's scripted consent.

use std::io::Write;

use oauth_providers::providers::openid::{scopes, OpenId};
use oauth_providers::Credentials;
use oauth_sim::{Consent, Simulator};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    run(&mut std::io::stdout()).await
}

/// Signs Alice in against a fresh simulator, narrating into `out`.
pub async fn run(out: &mut impl Write) -> Result<(), BoxError> {
    let sim = Simulator::from_spec_file(concat!(env!("CARGO_MANIFEST_DIR"), "/specs/openid.yaml"))?;
    let redirect = "http://127.0.0.1/callback";
    sim.register_client("my-app", "my-secret", [redirect]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    let issuer = sim.issuer().ok_or("openid.yaml is an OpenID provider")?;

    // --- What an application writes (the README's "Sign in with ..." example).
    let client = OpenId::builder(Credentials::new("my-app", "my-secret"), issuer)
        .redirect_uri(redirect.parse()?)
        .origin_override(sim.origin()) // a real provider: leave this out
        .build()?;
    let (url, pending) = client
        .authorize()
        .scopes([scopes::openid, scopes::email])
        .start() // discovery first; pushed (PAR) where the provider requires it
        .await?;
    let query = browser_returns_from(&url).await?; // the redirect's query string
    let login = client.login(pending, &query).await?; // every ID token check passed
    writeln!(
        out,
        "Signed in: sub={} iss={}",
        login.claims.sub, login.claims.iss
    )?;
    // ---

    writeln!(out, "Audience: {:?}", login.claims.aud)?;
    writeln!(out, "Tokens (redacted): {:?}", login.tokens.access_token)?;
    Ok(())
}

/// What the user's browser does: follows the authorization URL (the simulator approves at
/// once) and comes back to the redirect URI with a query string.
async fn browser_returns_from(url: &url::Url) -> Result<String, BoxError> {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let consent = browser.get(url.clone()).send().await?;
    let location = consent
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .ok_or("the simulator did not redirect")?;
    Ok(location
        .split_once('?')
        .map(|(_, q)| q)
        .unwrap_or("")
        .to_string())
}
