//! Quickstart: the whole Zoho Projects authorization-code lifecycle, offline.
//!
//! Runs against the embedded provider simulator (built from the same `specs/zoho_projects.yaml`
//! that generated the client), so it needs no Zoho account and no network beyond 127.0.0.1:
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! It narrates each step: the authorize URL, consent, the code exchange, an API call, what
//! happens when the access token expires (refresh), and a typed error (a reused code).
//!
//! The flow is [`run`], which writes the narration to any [`std::io::Write`]; `main` only
//! points it at stdout (`tests/examples.rs` runs it too, so a broken quickstart fails CI).

use std::io::Write;
use std::time::Duration;

use oauth_providers::providers::zoho_projects::{AccessType, ErrorCode, ZohoProjects};
use oauth_providers::{scope, AuthorizationCode, Credentials, ErrorMeaning};
use oauth_sim::{Consent, Simulator};

type BoxError = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    run(&mut std::io::stdout()).await
}

/// Runs the whole flow against a fresh simulator, narrating into `out`.
pub async fn run(out: &mut impl Write) -> Result<(), BoxError> {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/zoho_projects.yaml");
    let sim = Simulator::from_spec_file(spec)?;
    let redirect = "http://127.0.0.1/callback";
    sim.register_client("1000.QUICKSTART", "quickstart-secret", [redirect]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    writeln!(
        out,
        "1. Started the Zoho Projects simulator at {}",
        sim.origin()
    )?;

    let client = ZohoProjects::builder(Credentials::new("1000.QUICKSTART", "quickstart-secret"))
        .redirect_uri(redirect.parse()?)
        .origin_override(sim.origin())
        .build()?;

    let (url, pending) = client
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .scope(scope!(ZohoProjects.projects.ALL))
        .access_type(AccessType::Offline)
        .url()?;
    writeln!(out, "2. Send the user to:\n   {url}")?;

    // A browser would follow this; the simulator approves at once (scripted consent).
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let consent = no_redirects.get(url).send().await?;
    let location = consent
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .ok_or("the simulator did not redirect")?
        .to_string();
    let query = location.split_once('?').map(|(_, q)| q).unwrap_or("");
    writeln!(out, "3. Alice approved; Zoho redirected to:\n   {location}")?;

    let (client, tokens) = client.exchange_callback(pending, query).await?;
    writeln!(
        out,
        "4. Exchanged the code (state checked, `accounts-server` checked against the spec's data centres).\n   \
         Got an access token ({} characters, not shown), a refresh token: {}, expiring in {}",
        tokens.access_token.secret().len(),
        if tokens.refresh_token.is_some() { "yes" } else { "no" },
        match tokens.remaining(std::time::SystemTime::now()) {
            Some(left) => format!("{} min {} s", left.as_secs() / 60, left.as_secs() % 60),
            None => "never".to_string(),
        },
    )?;

    let me = format!(
        "{}/sim/me",
        client.endpoint_url("api")?.as_str().trim_end_matches('/')
    );
    let api = client.http().get(&me);
    let response = client.send_api(api, &tokens).await?;
    writeln!(
        out,
        "5. API call with `Authorization: Zoho-oauthtoken ...`: HTTP {} {}",
        response.status,
        String::from_utf8_lossy(&response.body)
    )?;

    sim.clock().advance(Duration::from_secs(3601));
    writeln!(
        out,
        "6. One hour later (the simulator's clock jumped), the access token has expired:"
    )?;
    let api = client.http().get(&me);
    match client.send_api(api, &tokens).await {
        Err(e) if e.meaning() == Some(ErrorMeaning::AccessTokenExpired) => {
            writeln!(out, "   the API said: {e}")?;
        }
        Err(e) => writeln!(out, "   unexpected: {e}")?,
        Ok(_) => writeln!(out, "   unexpected: the API still took the expired token")?,
    }
    let refreshed = client.refresh(&tokens).await?;
    let api = client.http().get(&me);
    let response = client.send_api(api, &refreshed).await?;
    writeln!(
        out,
        "   so we refreshed (the refresh token is kept: Zoho does not rotate it) and retried: HTTP {}",
        response.status
    )?;

    writeln!(out, "7. Errors are typed. Exchanging the same code twice:")?;
    // The callback consumed its pending authorization (a `state` is good once), so the replay
    // goes through `exchange_code` with the code taken from the redirect.
    let code = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "code")
        .map(|(_, v)| AuthorizationCode::new(v))
        .ok_or("the redirect has no code")?;
    let (_, replay) = client
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .url()?;
    match client.exchange_code(&replay, &code).await {
        Err(e) => writeln!(
            out,
            "   {e}\n   -> {}, meaning `{}`: Zoho sent it inside HTTP 200 and the spec's rule caught it",
            ErrorCode::of(&e).map_or("not a spec error".into(), |c| format!("ErrorCode::{c:?}")),
            e.meaning().map(|m| m.as_str()).unwrap_or("?")
        )?,
        Ok(_) => writeln!(out, "   unexpectedly accepted")?,
    }

    let stats = sim.stats();
    writeln!(
        out,
        "8. The simulator saw: {} code, {} access tokens, {} refresh; token requests: {}",
        stats.codes_issued,
        stats.access_tokens_issued,
        stats.refreshes,
        stats
            .token_requests
            .iter()
            .map(|(grant, n)| format!("{grant} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    sim.shutdown().await;
    Ok(())
}
