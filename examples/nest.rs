//! Works with Nest: a web flow with a required `state`, a PIN flow for clients without a
//! redirect URI, and access tokens that never expire because there are no refresh tokens.
//!
//! Works with Nest has taken no new connections since 2019-08-31 (the generated `Nest` type is
//! `#[deprecated]`, pointing at Google's Smart Device Management API); it is a seed provider
//! because its rules are unlike the others'.
//!
//! Offline, against the embedded simulator (built from the same `specs/nest.yaml` as the
//! client; no account, no network beyond 127.0.0.1):
//!
//! ```text
//! cargo run --example nest
//! ```
//!
//! it narrates: the authorize URL with its unguessable `state`; a forged redirect refused as
//! `Error::StateMismatch` before any token request; the code exchange (no refresh token, and
//! `Nest` has no `refresh()` method at all); an API call; the same token still working a year
//! later on the simulator's clock; the PIN flow (the user reads an 8-character PIN off Nest's
//! page); typed errors (a PIN used twice, a web code past its 10 minutes, a deactivated client's
//! `403 client_not_active`); and a revoked token, which only a new authorization replaces.
//!
//! Against the real Works with Nest (PIN flow), set:
//!
//! - `NEST_CLIENT_ID`, `NEST_CLIENT_SECRET` (both required): a client registered without a
//!   redirect URI;
//! - `NEST_PIN` (optional): the PIN Nest showed after consent. Without it the example prints
//!   the PIN page's URL and reads the PIN from stdin.
//!
//! It never prints the secret, the PIN or a token: tokens appear only as their redacted
//! `Debug` form.
#![allow(deprecated)] // Works with Nest is retired; the generated client says so.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use oauth_providers::providers::nest::{ErrorCode, Nest};
use oauth_providers::{Credentials, Error};
use oauth_sim::{Consent, Simulator};
use url::Url;

#[path = "support/mod.rs"]
mod support;

use support::*;

const SIM_CLIENT_ID: &str = "4f1e2d3c-nest-web-client";
const SIM_PIN_CLIENT_ID: &str = "9a8b7c6d-nest-pin-client";
const SIM_CLIENT_SECRET: &str = "nest-example-secret";
const SIM_REDIRECT: &str = "http://127.0.0.1/nest/callback";

const REQUIRED_VARS: [&str; 2] = ["NEST_CLIENT_ID", "NEST_CLIENT_SECRET"];

/// Where the example sends its requests.
#[derive(Debug)]
pub enum Mode {
    /// The embedded simulator.
    Simulator,
    /// The real Works with Nest.
    Nest(NestConfig),
}

/// What the real mode needs, from the environment.
#[derive(Debug)]
pub struct NestConfig {
    /// `NEST_CLIENT_ID` and `NEST_CLIENT_SECRET`.
    pub credentials: Credentials,
    /// `NEST_PIN`; read from stdin when absent.
    pub pin: Option<String>,
}

impl Mode {
    /// The simulator when no `NEST_*` variable is set; the real Nest when the client id and
    /// secret are; an error naming what is missing otherwise.
    pub fn from_env() -> Result<Mode, BoxError> {
        Mode::from_vars(env_var)
    }

    /// [`Mode::from_env`] reading each variable through `var` (set and non-empty, or `None`).
    pub fn from_vars(
        var: impl Fn(&str) -> Result<Option<String>, BoxError>,
    ) -> Result<Mode, BoxError> {
        let [id, secret] = REQUIRED_VARS.map(&var);
        let (id, secret, pin) = (id?, secret?, var("NEST_PIN")?);
        match (id, secret) {
            (None, None) if pin.is_none() => Ok(Mode::Simulator),
            (Some(id), Some(secret)) => Ok(Mode::Nest(NestConfig {
                credentials: Credentials::new(id, secret),
                pin,
            })),
            (id, secret) => Err(missing_vars(
                "Nest",
                "NEST_",
                &REQUIRED_VARS,
                &[id.is_none(), secret.is_none()],
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
        Mode::Nest(config) => real(out, config).await,
    }
}

async fn simulated(out: &mut impl Write) -> Result<(), BoxError> {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/nest.yaml");
    let sim = Simulator::from_spec_file(spec)?;
    sim.register_client(SIM_CLIENT_ID, SIM_CLIENT_SECRET, [SIM_REDIRECT]);
    sim.register_client(SIM_PIN_CLIENT_ID, SIM_CLIENT_SECRET, Vec::<String>::new());
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    writeln!(
        out,
        "1. Started the Works with Nest simulator at {} (set NEST_CLIENT_ID and \
         NEST_CLIENT_SECRET to use the real Nest)",
        sim.origin()
    )?;

    let nest = Nest::builder(Credentials::new(SIM_CLIENT_ID, SIM_CLIENT_SECRET))
        .redirect_uri(SIM_REDIRECT.parse()?)
        .origin_override(sim.origin())
        .build()?;
    let (url, pending) = nest.authorize().url()?;
    writeln!(
        out,
        "2. Web flow. Nest requires `state` (an unguessable value against CSRF; the runtime \
         makes 256 random bits). Send the user to:\n   {url}"
    )?;
    let redirect = follow_consent(&url).await?;
    let query = query_of(&redirect);
    writeln!(out, "3. Alice approved; Nest redirected to:\n   {redirect}")?;
    // An attacker's redirect carries the state of another authorization (here: one this app
    // started too); it is refused before any token request.
    let (_, other) = nest.authorize().url()?;
    match nest.exchange_callback(other, &query).await {
        Err(e @ Error::StateMismatch) => writeln!(
            out,
            "   The same redirect checked against another authorization's `state` (what an \
             attacker's code looks like) is refused before any token request:\n   \
             Error::StateMismatch: {e}"
        )?,
        other => return Err(format!("a forged state was accepted: {}", outcome(&other)).into()),
    }

    let (nest, tokens) = nest.exchange_callback(pending, &query).await?;
    writeln!(
        out,
        "4. Exchanged the code: access token {}, refresh token: {}, expires in {} (Nest's way \
         of saying never; `Nest` has no `refresh()` method)",
        token_shown(&tokens),
        if tokens.refresh_token.is_none() {
            "none"
        } else {
            "yes (unexpected)"
        },
        expires_in(&tokens)
    )?;

    let me = format!(
        "{}/sim/me",
        nest.endpoint_url("api")?.as_str().trim_end_matches('/')
    );
    let response = nest.send_api(nest.http().get(&me), &tokens).await?;
    writeln!(
        out,
        "5. API call with `Authorization: Bearer ...`: HTTP {} {}",
        response.status,
        String::from_utf8_lossy(&response.body)
    )?;

    sim.clock().advance(Duration::from_secs(365 * 24 * 3600));
    let response = nest.send_api(nest.http().get(&me), &tokens).await?;
    writeln!(
        out,
        "6. A year later (the simulator's clock jumped 365 days) the same token: HTTP {}. It \
         survived: nothing to refresh, nothing to store but the one token.",
        response.status
    )?;

    let pin_nest = Nest::builder(Credentials::new(SIM_PIN_CLIENT_ID, SIM_CLIENT_SECRET))
        .origin_override(sim.origin())
        .build()?;
    let (pin_page, _) = pin_nest.pin_url()?;
    let pin = read_pin_page(&pin_page).await?;
    writeln!(
        out,
        "7. PIN flow, for a client registered without a redirect URI. The user opens\n   \
         {pin_page}\n   approves, and reads a PIN off the page: {pin} ({} characters; it lives 48 \
         hours, a web code 10 minutes)",
        pin.chars().count()
    )?;
    let pin_tokens = pin_nest.exchange_pin(&pin).await?;
    let response = pin_nest
        .send_api(pin_nest.http().get(&me), &pin_tokens)
        .await?;
    writeln!(
        out,
        "   The application exchanges what the user typed: access token {}; API call: HTTP {}",
        token_shown(&pin_tokens),
        response.status
    )?;

    writeln!(out, "8. Errors are typed:")?;
    match pin_nest.exchange_pin(&pin).await {
        Err(e) => writeln!(out, "   the PIN typed in again: {}", describe(&e))?,
        Ok(_) => return Err("a PIN was exchanged twice".into()),
    }
    let (url, pending) = nest.authorize().url()?;
    let late = query_of(&follow_consent(&url).await?);
    sim.clock().advance(Duration::from_secs(11 * 60));
    match nest.exchange_callback(pending, &late).await {
        Err(e) => writeln!(
            out,
            "   a web code exchanged 11 minutes late: {}",
            describe(&e)
        )?,
        Ok(_) => return Err("an expired code was accepted".into()),
    }
    let (url, pending) = nest.authorize().url()?;
    let fresh = query_of(&follow_consent(&url).await?);
    sim.set_client_active(SIM_CLIENT_ID, false);
    match nest.exchange_callback(pending, &fresh).await {
        Err(e) => writeln!(
            out,
            "   a client Nest deactivated: {}\n   (none of these is retried: a new code or a \
             working client is needed)",
            describe(&e)
        )?,
        Ok(_) => return Err("an inactive client got a token".into()),
    }

    pin_nest.revoke(&pin_tokens).await?;
    match pin_nest
        .send_api(pin_nest.http().get(&me), &pin_tokens)
        .await
    {
        Err(e) => writeln!(
            out,
            "9. The user removed the connection (the token was revoked with DELETE). The next \
             call:\n   {e}\n   With no refresh token, the only way back is a new authorization \
             (step 2 or 7)."
        )?,
        Ok(r) => {
            return Err(format!("a revoked token still worked: HTTP {}", r.status).into());
        }
    }

    writeln!(out, "10. The simulator saw: {}", stats(&sim.stats()))?;
    sim.shutdown().await;
    Ok(())
}

async fn real(out: &mut impl Write, config: NestConfig) -> Result<(), BoxError> {
    let nest = Nest::new(config.credentials)?;
    let (pin_page, _) = nest.pin_url()?;
    writeln!(
        out,
        "1. Open this page in a browser, sign in to Nest and approve; Nest shows a PIN:\n   \
         {pin_page}"
    )?;
    let pin = match config.pin {
        Some(pin) => pin,
        None => {
            writeln!(out, "   Type the PIN (or set NEST_PIN) and press Enter:")?;
            out.flush()?;
            read_stdin_line().await?
        }
    };
    let pin = pin.trim();
    if pin.is_empty() {
        return Err("no PIN given: type it on stdin, or set NEST_PIN".into());
    }
    let tokens = nest.exchange_pin(pin).await?;
    writeln!(
        out,
        "2. Exchanged the PIN: access token {}, expires in {}, refresh token: {}",
        token_shown(&tokens),
        expires_in(&tokens),
        if tokens.refresh_token.is_none() {
            "none (Nest issues none)"
        } else {
            "yes (unexpected)"
        }
    )?;

    let root = nest.endpoint_url("api")?;
    let mut response = nest
        .send_api(nest.http().get(root.as_str()), &tokens)
        .await?;
    // Nest's data API may answer 307 with another host; the token must be sent again there
    // (reqwest drops `Authorization` on a cross-host redirect, so the runtime never follows).
    if response.status == 307 {
        let location = response
            .headers
            .get(reqwest::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .ok_or("Nest answered 307 without a Location")?;
        let moved = root.join(location)?;
        if moved.scheme() != "https" {
            return Err(format!("Nest redirected to a non-https URL ({})", moved.scheme()).into());
        }
        writeln!(
            out,
            "   Nest redirected the data API to {}; sending the request there",
            moved.host_str().unwrap_or("?")
        )?;
        response = nest
            .send_api(nest.http().get(moved.as_str()), &tokens)
            .await?;
    }
    writeln!(
        out,
        "3. GET {root} with `Authorization: Bearer ...`: HTTP {} {}",
        response.status,
        preview(&response.body)
    )?;

    match nest.exchange_pin(pin).await {
        Err(e) => writeln!(
            out,
            "4. Errors are typed. The same PIN again: {}",
            describe(&e)
        )?,
        Ok(_) => writeln!(out, "4. Nest accepted the same PIN twice (unexpected)")?,
    }
    writeln!(
        out,
        "5. The token does not expire: keep it (in a secret store) and revoke it when the user \
         disconnects; this example leaves it in place."
    )?;
    Ok(())
}

/// Plays the user on the PIN page: opens it and reads the PIN shown.
async fn read_pin_page(page: &Url) -> Result<String, BoxError> {
    let html = reqwest::get(page.as_str()).await?.text().await?;
    let pin = html
        .split_once("id=\"pin\">")
        .and_then(|(_, rest)| rest.split_once('<'))
        .map(|(pin, _)| pin.trim().to_string())
        .filter(|pin| !pin.is_empty())
        .ok_or("the PIN page shows no PIN")?;
    Ok(pin)
}

/// The error, its spec code and its meaning, on one line.
fn describe(e: &Error) -> String {
    format!(
        "{e} -> {}, meaning `{}`",
        ErrorCode::of(e).map_or_else(
            || "not one of the spec's codes".to_string(),
            |c| format!("ErrorCode::{c:?}")
        ),
        e.meaning().map_or("?", |m| m.as_str())
    )
}
