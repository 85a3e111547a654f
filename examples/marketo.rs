//! Marketo: two-legged OAuth (client credentials) for a "custom service", with Marketo's quirks.
//!
//! Offline, against the embedded simulator (built from the same `specs/marketo.yaml` as the
//! client; no instance, no network beyond 127.0.0.1):
//!
//! ```text
//! cargo run --example marketo
//! ```
//!
//! it narrates: the Munchkin id that picks the instance (and the configuration error a
//! malformed one is); a [`TokenSource`] keyed by the client id, since each custom service's
//! token expires on its own; API calls through an [`AuthorizedClient`] with one token request;
//! the identity endpoint handing back **the same token** with its remaining lifetime when
//! asked again before expiry; the token expiring and Marketo saying so with error `602`
//! inside an HTTP 200 body, after which the client renews once and retries; and typed errors
//! (`invalid_client` for a wrong secret, `601` for a token Marketo does not know).
//!
//! Against a real instance, set all three (Admin > Integration > Web Services and LaunchPoint):
//!
//! - `MARKETO_MUNCHKIN_ID`: the instance's Munchkin id, `123-ABC-456`, as in its identity URL
//!   `https://123-ABC-456.mktorest.com/identity`;
//! - `MARKETO_CLIENT_ID`, `MARKETO_CLIENT_SECRET`: the custom service's credentials.
//!
//! The real run gets a token, reads today's API usage (`GET /rest/v1/stats/usage.json`), asks
//! the identity endpoint again to show the reused token, and shows a typed `601`. It never
//! prints the secret or a token: tokens appear only as their redacted `Debug` form.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use oauth_providers::providers::marketo::{ErrorCode, Marketo};
use oauth_providers::{ClientId, Credentials, Error, TokenSet, TokenSource};
use oauth_sim::Simulator;

#[path = "support/mod.rs"]
mod support;

use support::*;

const SIM_MUNCHKIN_ID: &str = "284-RPR-133";
const SIM_CLIENT_ID: &str = "3b2c1d0e-1111-2222-3333-444455556666";
const SIM_CLIENT_SECRET: &str = "marketo-example-secret";
const API_CALLS: usize = 3;

const REQUIRED_VARS: [&str; 3] = [
    "MARKETO_MUNCHKIN_ID",
    "MARKETO_CLIENT_ID",
    "MARKETO_CLIENT_SECRET",
];

/// Where the example sends its requests.
#[derive(Debug)]
pub enum Mode {
    /// The embedded simulator.
    Simulator,
    /// A real Marketo instance.
    Marketo(MarketoConfig),
}

/// What the real mode needs, from the environment.
#[derive(Debug)]
pub struct MarketoConfig {
    /// `MARKETO_MUNCHKIN_ID`.
    pub munchkin_id: String,
    /// `MARKETO_CLIENT_ID` and `MARKETO_CLIENT_SECRET`.
    pub credentials: Credentials,
}

impl Mode {
    /// The simulator when no `MARKETO_*` variable is set; the real instance when all are; an
    /// error naming what is missing otherwise.
    pub fn from_env() -> Result<Mode, BoxError> {
        Mode::from_vars(env_var)
    }

    /// [`Mode::from_env`] reading each variable through `var` (set and non-empty, or `None`).
    pub fn from_vars(
        var: impl Fn(&str) -> Result<Option<String>, BoxError>,
    ) -> Result<Mode, BoxError> {
        let [munchkin, id, secret] = REQUIRED_VARS.map(&var);
        let (munchkin, id, secret) = (munchkin?, id?, secret?);
        match (munchkin, id, secret) {
            (None, None, None) => Ok(Mode::Simulator),
            (Some(munchkin_id), Some(id), Some(secret)) => Ok(Mode::Marketo(MarketoConfig {
                munchkin_id,
                credentials: Credentials::new(id, secret),
            })),
            (munchkin, id, secret) => Err(missing_vars(
                "Marketo",
                "MARKETO_",
                &REQUIRED_VARS,
                &[munchkin.is_none(), id.is_none(), secret.is_none()],
            )),
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    support::exit(match Mode::from_env() {
        Ok(mode) => run(&mut std::io::stdout(), mode).await,
        Err(e) => Err(e),
    })
}

/// Runs the example in `mode`, narrating into `out`.
pub async fn run(out: &mut impl Write, mode: Mode) -> Result<(), BoxError> {
    match mode {
        Mode::Simulator => simulated(out).await,
        Mode::Marketo(config) => real(out, config).await,
    }
}

async fn simulated(out: &mut impl Write) -> Result<(), BoxError> {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/marketo.yaml");
    let sim = Simulator::from_spec_file(spec)?;
    sim.register_client(SIM_CLIENT_ID, SIM_CLIENT_SECRET, Vec::<String>::new());
    writeln!(
        out,
        "1. Started the Marketo simulator at {} (set MARKETO_MUNCHKIN_ID, MARKETO_CLIENT_ID and \
         MARKETO_CLIENT_SECRET to use a real instance)",
        sim.origin()
    )?;

    let credentials = || Credentials::new(SIM_CLIENT_ID, SIM_CLIENT_SECRET);
    // `Marketo::new` cannot be called without a Munchkin id: it is part of every URL.
    let real_urls = Marketo::new(credentials(), SIM_MUNCHKIN_ID)?;
    writeln!(
        out,
        "2. The Munchkin id picks the instance: identity endpoint {} (the simulator stands in \
         for it)",
        real_urls.endpoint_url("token")?
    )?;
    match Marketo::new(credentials(), "284-rpr-133.evil.example") {
        Err(e @ Error::Config(_)) => writeln!(
            out,
            "   A malformed one is refused before any request is made: {e}"
        )?,
        other => {
            return Err(format!("a malformed Munchkin id was accepted: {}", outcome(&other)).into())
        }
    }

    let mkto = Marketo::builder(credentials(), SIM_MUNCHKIN_ID)
        .origin_override(sim.origin())
        .build()?;
    // One source per custom service. Its key holds the instance (the issuer) and the client
    // id: two services' tokens expire independently and must never share a cache entry.
    let source = mkto.client_credentials_source(SIM_MUNCHKIN_ID).build();
    let issuer = mkto.authorization_server()?;
    let other_service = TokenSource::key_for(
        Marketo::def(),
        Some(&issuer),
        &ClientId::new("another-custom-service"),
        SIM_MUNCHKIN_ID,
    );
    writeln!(
        out,
        "3. One TokenSource per custom service, keyed by its instance and client id: `{}` (another service \
         would use `{other_service}`).",
        source.key()
    )?;

    // Marketo allows 100 calls per 20 s per instance (then error 606); the client's limiter,
    // built from the spec, refuses the 101st on this side (AuthorizedClient checks it).
    let api = mkto.authorized(source.clone());
    let me = format!(
        "{}/sim/me",
        mkto.endpoint_url("api")?.as_str().trim_end_matches('/')
    );
    let mut statuses = Vec::new();
    for _ in 0..API_CALLS {
        statuses.push(api.send(|http| http.get(me.as_str())).await?.status);
    }
    let first = source.cached().ok_or("the token source holds no token")?;
    writeln!(
        out,
        "4. {API_CALLS} API calls with `Authorization: Bearer ...`: {}. Token: {}, expires in \
         {}, {}.\n   Token requests made by the source so far: {}",
        summarize(&statuses),
        token_shown(&first),
        expires_in(&first),
        if first.refresh_token.is_none() {
            "no refresh token (client credentials need none)"
        } else {
            "with a refresh token (unexpected)"
        },
        source.fetch_attempts()
    )?;

    sim.clock().advance(Duration::from_secs(20 * 60));
    let again = mkto.client_credentials().await?;
    writeln!(
        out,
        "5. 20 minutes later (the simulator's clock jumped) another process asks the identity \
         endpoint. Marketo hands back the same token: {}, expiring in {}, not a new one: \
         `expires_in` is the remaining lifetime.",
        yes_no(again.access_token == first.access_token),
        expires_in(&again)
    )?;

    sim.clock().advance(Duration::from_secs(40 * 60));
    let request = mkto.http().get(&me);
    match mkto.send_api(request, &first).await {
        Err(e) => writeln!(
            out,
            "6. At 60 minutes the token has expired. Marketo says so inside HTTP 200, with \
             `success: false`:\n   {e}\n   -> {}, meaning `{}`",
            code_of(&e),
            meaning_of(&e)
        )?,
        Ok(r) => return Err(format!("the expired token was accepted: HTTP {}", r.status).into()),
    }
    let response = api.send(|http| http.get(me.as_str())).await?;
    let renewed = source.cached().ok_or("the token source holds no token")?;
    writeln!(
        out,
        "   The AuthorizedClient read that body, renewed the token once and retried: HTTP {}; new \
         token: {}.\n   Token requests made by the source so far: {}",
        response.status,
        yes_no(renewed.access_token != first.access_token),
        source.fetch_attempts()
    )?;

    writeln!(out, "7. Errors are typed:")?;
    let wrong = Marketo::builder(
        Credentials::new(SIM_CLIENT_ID, "not-the-secret"),
        SIM_MUNCHKIN_ID,
    )
    .origin_override(sim.origin())
    .build()?;
    match wrong.client_credentials().await {
        Err(e) => writeln!(
            out,
            "   a wrong client secret: {e}\n   -> {}, meaning `{}`: not retried, fix the \
             credentials",
            code_of(&e),
            meaning_of(&e)
        )?,
        Ok(_) => return Err("a wrong client secret was accepted".into()),
    }
    let unknown = TokenSet::bearer("not-a-marketo-token", Some(Duration::from_secs(3600)));
    let request = mkto.http().get(&me);
    match mkto.send_api(request, &unknown).await {
        Err(e) => writeln!(
            out,
            "   a token Marketo does not know: {e}\n   -> {}, meaning `{}`: a token error, so an \
             AuthorizedClient would get a new token and retry once",
            code_of(&e),
            meaning_of(&e)
        )?,
        Ok(r) => return Err(format!("an unknown token was accepted: HTTP {}", r.status).into()),
    }

    writeln!(out, "8. The simulator saw: {}", stats(&sim.stats()))?;
    sim.shutdown().await;
    Ok(())
}

async fn real(out: &mut impl Write, config: MarketoConfig) -> Result<(), BoxError> {
    let mkto = Marketo::new(config.credentials, &config.munchkin_id)
        .map_err(|e| format!("MARKETO_MUNCHKIN_ID: {e}"))?;
    writeln!(
        out,
        "1. Munchkin id `{}`: identity endpoint {}",
        config.munchkin_id,
        mkto.endpoint_url("token")?
    )?;

    let source = mkto.client_credentials_source(&config.munchkin_id).build();
    let api = mkto.authorized(source.clone());
    let usage = format!(
        "{}/rest/v1/stats/usage.json",
        mkto.endpoint_url("api")?.as_str().trim_end_matches('/')
    );
    let response = api.send(|http| http.get(usage.as_str())).await?;
    let token = source.cached().ok_or("the token source holds no token")?;
    writeln!(
        out,
        "2. Token from the identity endpoint (source key `{}`): {}, expires in {}, owned by \
         {}",
        source.key(),
        token_shown(&token),
        expires_in(&token),
        token
            .scopes
            .as_ref()
            .map_or_else(|| "?".to_string(), |s| s.join(" "))
    )?;
    writeln!(
        out,
        "3. GET /rest/v1/stats/usage.json with `Authorization: Bearer ...`: HTTP {} {}",
        response.status,
        preview(&response.body)
    )?;

    let again = mkto.client_credentials().await?;
    writeln!(
        out,
        "4. Asked the identity endpoint again: the same token: {}, expires in {} (Marketo hands \
         a token back until it expires)",
        yes_no(again.access_token == token.access_token),
        expires_in(&again)
    )?;

    let unknown = TokenSet::bearer("not-a-marketo-token", Some(Duration::from_secs(3600)));
    let request = mkto.http().get(usage.as_str());
    match mkto.send_api(request, &unknown).await {
        Err(e) => writeln!(
            out,
            "5. Errors are typed. A made-up token:\n   {e}\n   -> {}, meaning `{}`",
            code_of(&e),
            meaning_of(&e)
        )?,
        Ok(r) => writeln!(
            out,
            "5. Marketo accepted a made-up token (unexpected): HTTP {}",
            r.status
        )?,
    }
    Ok(())
}

fn code_of(e: &Error) -> String {
    ErrorCode::of(e).map_or_else(
        || "not one of the spec's codes".to_string(),
        |c| format!("ErrorCode::{c:?}"),
    )
}

fn meaning_of(e: &Error) -> &'static str {
    e.meaning().map_or("?", |m| m.as_str())
}
