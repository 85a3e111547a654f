//! Zoho Projects beyond the quickstart: one token source shared by many tasks, Zoho's limits
//! (4 authorization codes a minute, 30 access tokens per refresh token, 20 refresh tokens per
//! user) and what to do when a refresh token is gone.
//!
//! Offline, against the embedded simulator (built from the same `specs/zoho_projects.yaml` as
//! the client; no account, no network beyond 127.0.0.1):
//!
//! ```text
//! cargo run --example zoho_projects
//! ```
//!
//! it narrates: the authorize URL and consent; the code exchange; the
//! client refusing a 5th authorization URL within a minute with a typed
//! `Error::LimitReached` and its retry time (and Zoho's 10-minute block when that is ignored);
//! eight tasks sharing one [`TokenSource`] through an [`AuthorizedClient`]; the access token
//! expiring and the source refreshing **once** for all eight; the 30-access-tokens cap deleting
//! a still-valid token, watched with [`TokenSource::minted`] and
//! [`TokenSource::live_tokens`]; and a revoked refresh token
//! ending in `invalid_code`, which only a new authorization cures.
//!
//! Against the real Zoho, set (all three required; any `ZOHO_*` variable selects this mode):
//!
//! - `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET`: a "Server-based Applications" client from
//!   <https://api-console.zoho.com>;
//! - `ZOHO_REDIRECT_URI`: its authorized redirect URI, exactly as registered;
//! - `ZOHO_DATA_CENTER` (optional, default `us`): `us`, `eu`, `in`, `au`, `jp`, `ca`, `sa`,
//!   `uk` or `cn`.
//!
//! The example prints the authorize URL; after consent, paste the URL the browser was sent to
//! (or just its query string) on stdin. There is deliberately no variable for it: the redirect
//! must carry the `state` this very run generated, which is checked before the code is used.
//!
//! The real run asks for `ZohoProjects.portals.READ`, lists the user's portals, refreshes
//! once, shows a typed error (the code exchanged twice) and revokes its refresh token. It
//! never prints a secret, code or token: tokens appear only as their redacted `Debug` form.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use oauth_providers::limits::Clock;
use oauth_providers::model::Counted;
use oauth_providers::providers::zoho_projects::{
    self, AccessType, DataCenter, ErrorCode, Prompt, ZohoProjects,
};
use oauth_providers::{
    scope, AuthorizationCode, AuthorizedClient, Credentials, Error, RateLimiter,
};
use oauth_sim::{Consent, Simulator};
use url::Url;

#[path = "support/mod.rs"]
mod support;

use support::*;

const SIM_CLIENT_ID: &str = "1000.PROJECTSEXAMPLE";
const SIM_CLIENT_SECRET: &str = "projects-example-secret";
const SIM_REDIRECT: &str = "http://127.0.0.1/callback";
/// Tasks sharing one token source.
const TASKS: usize = 8;

const REQUIRED_VARS: [&str; 3] = ["ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REDIRECT_URI"];
const OPTIONAL_VARS: [&str; 1] = ["ZOHO_DATA_CENTER"];

/// Where the example sends its requests.
#[derive(Debug)]
pub enum Mode {
    /// The embedded simulator.
    Simulator,
    /// The real Zoho Accounts and Zoho Projects API.
    Zoho(ZohoConfig),
}

/// What the real mode needs, from the environment.
#[derive(Debug)]
pub struct ZohoConfig {
    /// `ZOHO_CLIENT_ID` and `ZOHO_CLIENT_SECRET`.
    pub credentials: Credentials,
    /// `ZOHO_REDIRECT_URI`.
    pub redirect_uri: Url,
    /// `ZOHO_DATA_CENTER`, `us` unless set.
    pub data_center: DataCenter,
}

impl Mode {
    /// The simulator when no `ZOHO_*` variable is set; the real Zoho when the required ones
    /// are; an error naming what is missing otherwise.
    pub fn from_env() -> Result<Mode, BoxError> {
        Mode::from_vars(env_var)
    }

    /// [`Mode::from_env`] reading each variable through `var` (set and non-empty, or `None`).
    pub fn from_vars(
        var: impl Fn(&str) -> Result<Option<String>, BoxError>,
    ) -> Result<Mode, BoxError> {
        let [id, secret, redirect] = REQUIRED_VARS.map(&var);
        let (id, secret, redirect) = (id?, secret?, redirect?);
        let [data_center] = OPTIONAL_VARS.map(&var);
        let data_center = data_center?;
        let given = [&id, &secret, &redirect, &data_center];
        if given.iter().all(|v| v.is_none()) {
            return Ok(Mode::Simulator);
        }
        let absent = [id.is_none(), secret.is_none(), redirect.is_none()];
        let (Some(id), Some(secret), Some(redirect)) = (id, secret, redirect) else {
            return Err(missing_vars("Zoho", "ZOHO_", &REQUIRED_VARS, &absent));
        };
        let redirect_uri = Url::parse(&redirect)
            .map_err(|e| format!("ZOHO_REDIRECT_URI is not an absolute URL: {e}"))?;
        let data_center = match data_center {
            None => DataCenter::default(),
            Some(key) => DataCenter::from_key(&key.to_ascii_lowercase()).ok_or_else(|| {
                let keys: Vec<&str> = DataCenter::ALL.iter().map(|d| d.key()).collect();
                format!(
                    "ZOHO_DATA_CENTER `{key}` is not a Zoho data centre; expected one of {}",
                    keys.join(", ")
                )
            })?,
        };
        Ok(Mode::Zoho(ZohoConfig {
            credentials: Credentials::new(id, secret),
            redirect_uri,
            data_center,
        }))
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
        Mode::Zoho(config) => real(out, config).await,
    }
}

async fn simulated(out: &mut impl Write) -> Result<(), BoxError> {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/zoho_projects.yaml");
    let sim = Simulator::from_spec_file(spec)?;
    sim.register_client(SIM_CLIENT_ID, SIM_CLIENT_SECRET, [SIM_REDIRECT]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    writeln!(
        out,
        "1. Started the Zoho Projects simulator at {} (set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET \
         and ZOHO_REDIRECT_URI to use the real Zoho)",
        sim.origin()
    )?;

    // Zoho allows 4 authorization codes a minute per client id, then blocks it for 10 minutes.
    // The client checks the spec's limits before it hands out an authorization URL, and
    // refuses the 5th on this side. Its limiter runs on the simulator's clock here only so the
    // example need not wait a minute; a real program keeps the default.
    let sim_clock = sim.clock().clone();
    let base = Instant::now();
    let on_sim_clock: Arc<dyn Clock> = Arc::new(move || base + sim_clock.now());
    let client = ZohoProjects::builder(Credentials::new(SIM_CLIENT_ID, SIM_CLIENT_SECRET))
        .redirect_uri(SIM_REDIRECT.parse()?)
        .origin_override(sim.origin())
        .rate_limiter(Arc::new(RateLimiter::with_clock(
            &zoho_projects::PROVIDER,
            on_sim_clock,
        )))
        .build()?;

    let (url, pending) = client
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .scope(scope!(ZohoProjects.tasks.ALL))
        .access_type(AccessType::Offline)
        .url()?;
    writeln!(
        out,
        "2. Authorization code 1 of the 4 Zoho allows a minute. Send the user to:\n   {url}"
    )?;
    let query = query_of(&follow_consent(&url).await?);
    let (client, tokens) = client.exchange_callback(pending, &query).await?;
    writeln!(
        out,
        "3. Alice approved and the code was exchanged: access token {}, refresh token: {}, \
         expires in {}",
        token_shown(&tokens),
        yes_no(tokens.refresh_token.is_some()),
        expires_in(&tokens)
    )?;

    writeln!(
        out,
        "4. Alice clicks \"Connect\" three more times within the minute: codes 2, 3 and 4."
    )?;
    for _ in 2..=4 {
        let (url, _) = client
            .authorize()
            .scope(scope!(ZohoProjects.portals.READ))
            .url()?;
        follow_consent(&url).await?;
    }
    let fifth = client
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .url();
    let wait = match fifth {
        Err(Error::LimitReached { limit, retry_after }) => {
            writeln!(
                out,
                "   The 5th never leaves the process: `url()` returns Error::LimitReached, retry \
                 after {}\n   ({limit})",
                duration(retry_after)
            )?;
            retry_after
        }
        other => {
            return Err(format!("the client let a 5th code through: {}", outcome(&other)).into())
        }
    };
    // The same client id without the client-side limit, to show what it prevents.
    let unlimited = ZohoProjects::builder(Credentials::new(SIM_CLIENT_ID, SIM_CLIENT_SECRET))
        .redirect_uri(SIM_REDIRECT.parse()?)
        .origin_override(sim.origin())
        .rate_limiter(Arc::new(RateLimiter::unlimited()))
        .build()?;
    let (url, pending5) = unlimited
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .url()?;
    let query5 = query_of(&follow_consent(&url).await?);
    match unlimited.exchange_callback(pending5, &query5).await {
        Err(e) => writeln!(
            out,
            "   Sent anyway (a client built with `RateLimiter::unlimited()`), Zoho refuses it in \
             the redirect and blocks the client id for 10 minutes:\n   {e}\n   Waiting the \
             {} instead would have avoided the block.",
            duration(wait)
        )?,
        Ok(_) => return Err("the simulator issued a 5th code within a minute".into()),
    }
    sim.clock().advance(wait);
    writeln!(
        out,
        "   {} later the client allows {} more codes.",
        duration(wait),
        client.rate_limiter().remaining(Counted::AuthorizationCodes)
    )?;

    // One source per process (per user), whatever the number of tasks: it is the only place
    // that refreshes, so tasks never race each other into several refreshes.
    let source = client.token_source("alice").build();
    source.set(tokens.clone()).await?;
    let api = client.authorized(source.clone());
    let me = format!(
        "{}/sim/me",
        client.endpoint_url("api")?.as_str().trim_end_matches('/')
    );
    let statuses = fan_out(&api, &me).await?;
    writeln!(
        out,
        "5. One TokenSource (key `{}`) shared by {TASKS} tasks through an AuthorizedClient: {}; \
         token sets minted by the source: {} (it was seeded with the exchanged set)",
        source.key(),
        summarize(&statuses),
        source.minted()
    )?;

    sim.clock().advance(Duration::from_secs(3601));
    let request = client.http().get(&me);
    match client.send_api(request, &tokens).await {
        Err(e) => writeln!(
            out,
            "6. An hour later (the simulator's clock jumped 3601 s) the access token has expired; \
             Zoho says so inside HTTP 200:\n   {e}\n   -> {}, meaning `{}`",
            code_of(&e),
            meaning_of(&e)
        )?,
        Ok(r) => return Err(format!("the expired token was accepted: HTTP {}", r.status).into()),
    }
    let statuses = fan_out(&api, &me).await?;
    writeln!(
        out,
        "   All {TASKS} tasks hit that error at once. Each invalidated the token and asked the \
         source again; the source refreshed once for all of them and each retried: {}.\n   \
         Token sets minted by the source: {}; refreshes the simulator served: {}",
        summarize(&statuses),
        source.minted(),
        sim.stats().refreshes
    )?;

    let current = source.cached().ok_or("the token source holds no token")?;
    for _ in 0..30 {
        client.refresh(&tokens).await?;
    }
    writeln!(
        out,
        "7. Zoho keeps at most 30 access tokens per refresh token and deletes the oldest when \
         a 31st is minted, valid or not. A second worker that refreshes on its own (no shared \
         source) has just minted 30:"
    )?;
    let request = client.http().get(&me);
    match client.send_api(request, &current).await {
        Err(e) => writeln!(
            out,
            "   the source's access token, valid for most of another hour, was deleted:\n   {e}\n   -> {}",
            code_of(&e)
        )?,
        Ok(_) => return Err("the 31st access token did not evict the oldest".into()),
    }
    let response = api.send(|http| http.get(me.as_str())).await?;
    let (live, cap) = source.live_tokens().ok_or("the source counts no mints")?;
    writeln!(
        out,
        "   The AuthorizedClient saw that, renewed once and retried: HTTP {}. The source has \
         minted {} sets in all, the lone worker 30. The source knows only its own: {live} of \
         the {cap} live tokens its refresh token may have (`TokenSource::live_tokens()`); it \
         refuses the renewal that would mint one past the cap with a typed `LimitReached`. \
         Share one source (or one store) instead of one per task.",
        response.status,
        source.minted()
    )?;

    client.revoke(&tokens).await?;
    writeln!(
        out,
        "8. Revoking the refresh token (do it for tokens you no longer need: a user holds at \
         most 20) ends every access token minted from it. The next call:"
    )?;
    match api.send(|http| http.get(me.as_str())).await {
        Err(e) => writeln!(
            out,
            "   the API rejected the token, the source tried to refresh, and Zoho answered:\n   {e}\n   \
             -> {}, meaning `{}`: Zoho's answer for a revoked refresh token too. No refresh can \
             cure it; the user must authorize again (step 2).",
            code_of(&e),
            meaning_of(&e)
        )?,
        Ok(r) => {
            return Err(format!("a revoked refresh token still worked: HTTP {}", r.status).into())
        }
    }

    writeln!(out, "9. The simulator saw: {}", stats(&sim.stats()))?;
    sim.shutdown().await;
    Ok(())
}

async fn real(out: &mut impl Write, config: ZohoConfig) -> Result<(), BoxError> {
    let client = ZohoProjects::builder(config.credentials)
        .data_center(config.data_center)
        .redirect_uri(config.redirect_uri)
        .build()?;
    // Zoho blocks a client id for 10 minutes after a 5th authorization code in a minute; the
    // client refuses a 5th URL within the minute itself. Keep one client (its clones share the
    // count) for all of a program's authorizations.
    let (url, pending) = client
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .access_type(AccessType::Offline)
        .prompt(Prompt::Consent)
        .url()?;
    writeln!(
        out,
        "1. Open this URL in a browser, sign in to Zoho (data centre `{}`) and approve:\n   {url}",
        config.data_center.key()
    )?;
    let query = callback_query(out).await?;
    let (client, tokens) = client.exchange_callback(pending, &query).await?;
    writeln!(
        out,
        "2. Exchanged the code (state checked): access token {}, refresh token: {}, expires \
         in {}; the account lives in data centre `{}`",
        token_shown(&tokens),
        yes_no(tokens.refresh_token.is_some()),
        expires_in(&tokens),
        data_center_of(&client).map_or("?", DataCenter::key)
    )?;

    let source = client.token_source("example").build();
    source.set(tokens.clone()).await?;
    let api = client.authorized(source);
    let portals = format!(
        "{}/restapi/portals/",
        client.endpoint_url("api")?.as_str().trim_end_matches('/')
    );
    let response = api.send(|http| http.get(portals.as_str())).await?;
    writeln!(
        out,
        "3. GET /restapi/portals/ with `Authorization: Zoho-oauthtoken ...`: HTTP {} {}",
        response.status,
        preview(&response.body)
    )?;

    let refreshed = client.refresh(&tokens).await?;
    writeln!(
        out,
        "4. Access tokens live an hour; rather than wait, refreshed now: access token {}, \
         expires in {}, refresh token kept (Zoho does not rotate it): {}",
        token_shown(&refreshed),
        expires_in(&refreshed),
        yes_no(refreshed.refresh_token.is_some())
    )?;

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
            "5. Errors are typed. The same code exchanged again:\n   {e}\n   -> {}, meaning `{}`",
            code_of(&e),
            meaning_of(&e)
        )?,
        Ok(_) => writeln!(out, "5. Zoho accepted the same code twice (unexpected)")?,
    }

    client.revoke(&tokens).await?;
    writeln!(
        out,
        "6. Revoked the refresh token and its access tokens (a user may hold at most 20 refresh \
         tokens; this example keeps none)."
    )?;
    Ok(())
}

/// `TASKS` concurrent API calls through `api`; their statuses.
async fn fan_out(api: &AuthorizedClient, url: &str) -> Result<Vec<u16>, BoxError> {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..TASKS {
        let api = api.clone();
        let url = url.to_string();
        tasks.spawn(async move {
            api.send(|http| http.get(url.as_str()))
                .await
                .map(|r| r.status)
        });
    }
    let mut statuses = Vec::with_capacity(TASKS);
    while let Some(joined) = tasks.join_next().await {
        statuses.push(joined??);
    }
    Ok(statuses)
}

/// The data centre a client is pinned to (after a redirect, the one Zoho named).
fn data_center_of(client: &ZohoProjects) -> Option<DataCenter> {
    Some(client.data_center())
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
