//! Zoho CRM: data centres, CRM scopes, and the retired v1 authtoken some integrations still
//! carry.
//!
//! Offline, against the embedded simulator (built from the same `specs/zoho_crm.yaml` as the
//! client; no account, no network beyond 127.0.0.1):
//!
//! ```text
//! cargo run --example zoho_crm
//! ```
//!
//! it narrates: how the data centre (a [`DataCenter`] enum, so one Zoho lacks does not compile)
//! decides every host; an authorization asking for `scope!(ZohoCRM.modules.leads.ALL)` and
//! `scope!(ZohoCRM.users.READ)` from a client that guessed the wrong data centre, and the
//! redirect's `location` / `accounts-server` pinning the right one; an API call; expiry and
//! refresh; then the v1 authtoken, a `#[deprecated]` call whose answer is Java-properties text,
//! presented as `?authtoken=...&scope=crmapi`, and its typed failures (`INVALID_PASSWORD`,
//! `ACCOUNT_REGISTRATION_NOT_CONFIRMED`).
//!
//! Against the real Zoho, set (all three required; any `ZOHO_*` variable selects this mode):
//!
//! - `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET`: a "Server-based Applications" client from
//!   <https://api-console.zoho.com>;
//! - `ZOHO_REDIRECT_URI`: its authorized redirect URI, exactly as registered;
//! - `ZOHO_DATA_CENTER` (optional, default `us`): `us`, `eu`, `in`, `au`, `jp`, `ca`, `sa`,
//!   `uk` or `cn`: where to send the user first (the redirect names the account's own).
//!
//! The example prints the authorize URL; after consent, paste the URL the browser was sent to
//! (or just its query string) on stdin. There is deliberately no variable for it: the redirect
//! must carry the `state` this very run generated, which is checked before the code is used.
//!
//! The real run asks for `ZohoCRM.modules.leads.READ` and `ZohoCRM.users.READ`, reads the
//! current user, refreshes once, shows a typed error (the code exchanged twice) and revokes its
//! refresh token. It does not try the v1 authtoken: Zoho retired it on 2018-12-31. It never
//! prints a secret, code or token: tokens appear only as their redacted `Debug` form.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use oauth_providers::providers::zoho_crm::{
    scopes, AccessType, DataCenter, ErrorCode, Prompt, ZohoCRM,
};
use oauth_providers::{scope, AuthorizationCode, Credentials, Error, Password, TokenSet};
use oauth_sim::{Consent, Simulator};
use url::Url;

#[path = "support/mod.rs"]
mod support;

use support::*;

const SIM_CLIENT_ID: &str = "1000.CRMEXAMPLE";
const SIM_CLIENT_SECRET: &str = "crm-example-secret";
const SIM_REDIRECT: &str = "http://127.0.0.1/crm/callback";
const SIM_EMAIL: &str = "alice@example.com";
const SIM_APP_PASSWORD: &str = "abcd1234efgh5678";

const REQUIRED_VARS: [&str; 3] = ["ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REDIRECT_URI"];
const OPTIONAL_VARS: [&str; 1] = ["ZOHO_DATA_CENTER"];

/// Where the example sends its requests.
#[derive(Debug)]
pub enum Mode {
    /// The embedded simulator.
    Simulator,
    /// The real Zoho Accounts and Zoho CRM API.
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
    let credentials = || Credentials::new(SIM_CLIENT_ID, SIM_CLIENT_SECRET);
    writeln!(
        out,
        "1. The account's data centre decides every host (token endpoint, then API):"
    )?;
    for dc in DataCenter::ALL {
        let crm = ZohoCRM::builder(credentials()).data_center(*dc).build()?;
        writeln!(
            out,
            "   {:<3} {:<44} {}",
            dc.key(),
            crm.endpoint_url("token")?.as_str(),
            crm.endpoint_url("api")?.as_str()
        )?;
    }

    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/zoho_crm.yaml");
    let sim = Simulator::from_spec_file(spec)?;
    sim.register_client(SIM_CLIENT_ID, SIM_CLIENT_SECRET, [SIM_REDIRECT]);
    sim.consent(Consent::Approve {
        user: "alice".into(),
    });
    // A guess: the application does not know where Alice's account lives until Zoho says.
    let crm = ZohoCRM::builder(credentials())
        .data_center(DataCenter::Eu)
        .redirect_uri(SIM_REDIRECT.parse()?)
        .origin_override(sim.origin())
        .build()?;
    let (url, pending) = crm
        .authorize()
        .scope(scope!(ZohoCRM.modules.leads.ALL))
        .scope(scopes::users::READ)
        .access_type(AccessType::Offline)
        .url()?;
    writeln!(
        out,
        "2. Started the Zoho CRM simulator at {} (set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and \
         ZOHO_REDIRECT_URI to use the real Zoho).\n   The client guessed data centre `{}`; \
         scopes are typed (`ZohoCRM.modules.leeds.ALL` would not compile). Send the user to:\n   \
         {url}",
        sim.origin(),
        data_center_of(&crm).map_or("?", DataCenter::key)
    )?;
    let redirect = follow_consent(&url).await?;
    let query = query_of(&redirect);
    writeln!(out, "3. Alice approved; Zoho redirected to:\n   {redirect}")?;
    let (crm, tokens) = crm.exchange_callback(pending, &query).await?;
    writeln!(
        out,
        "   `location` and `accounts-server` name her data centre: the client is now pinned to \
         `{}` (a host the spec does not declare would be refused) and exchanged the code there.\n   \
         Access token {}, refresh token: {}, expires {}, api_domain {}",
        data_center_of(&crm).map_or("?", DataCenter::key),
        token_shown(&tokens),
        yes_no(tokens.refresh_token.is_some()),
        expires_in(&tokens),
        tokens.extra.get("api_domain").map_or("?", String::as_str)
    )?;

    let me = format!(
        "{}/sim/me",
        crm.endpoint_url("api")?.as_str().trim_end_matches('/')
    );
    let response = crm.send_api(crm.http().get(&me), &tokens).await?;
    writeln!(
        out,
        "4. API call with `Authorization: Zoho-oauthtoken ...`: HTTP {} {}",
        response.status,
        String::from_utf8_lossy(&response.body)
    )?;

    sim.clock().advance(Duration::from_secs(3601));
    match crm.send_api(crm.http().get(&me), &tokens).await {
        Err(e) => writeln!(
            out,
            "5. An hour later (the simulator's clock jumped 3601 s): {}",
            describe(&e)
        )?,
        Ok(r) => return Err(format!("the expired token was accepted: HTTP {}", r.status).into()),
    }
    let refreshed = crm.refresh(&tokens).await?;
    let response = crm.send_api(crm.http().get(&me), &refreshed).await?;
    writeln!(
        out,
        "   Refreshed (the refresh token is kept: {}) and retried: HTTP {}",
        yes_no(refreshed.refresh_token == tokens.refresh_token),
        response.status
    )?;

    sim.register_user(SIM_EMAIL, SIM_APP_PASSWORD);
    let authtoken = legacy_authtoken(&crm, SIM_APP_PASSWORD).await?;
    writeln!(
        out,
        "6. The retired v1 authtoken (`legacy_authtoken` is #[deprecated]: API v1.0 was retired \
         on 2018-12-31).\n   From the user's e-mail and an application-specific password: {}, \
         expires {}, issued by `{}`",
        token_shown(&authtoken),
        expires_in(&authtoken),
        authtoken.issued_by.as_deref().unwrap_or("?")
    )?;
    let response = crm.send_api(crm.http().get(&me), &authtoken).await?;
    writeln!(
        out,
        "   Presented as `?authtoken=...&scope=crmapi`, not a header: HTTP {} {}",
        response.status,
        String::from_utf8_lossy(&response.body)
    )?;

    let endpoint = crm.endpoint_url("legacy_authtoken")?;
    let raw = reqwest::Client::new()
        .post(endpoint.as_str())
        .query(&[
            ("SCOPE", "ZohoCRM/crmapi"),
            ("EMAIL_ID", SIM_EMAIL),
            ("PASSWORD", "not-the-password"),
            ("DISPLAY_NAME", "oauth-providers example"),
        ])
        .send()
        .await?
        .text()
        .await?;
    writeln!(
        out,
        "7. Its answers are Java-properties text, not JSON. A wrong password, as Zoho sends it:"
    )?;
    for line in raw.lines() {
        writeln!(out, "   | {line}")?;
    }
    match legacy_authtoken(&crm, "not-the-password").await {
        Err(e) => writeln!(out, "   typed: {}", describe(&e))?,
        Ok(_) => return Err("a wrong password got an authtoken".into()),
    }

    sim.set_user_confirmed(SIM_EMAIL, false);
    let result = legacy_authtoken(&crm, SIM_APP_PASSWORD).await;
    sim.set_user_confirmed(SIM_EMAIL, true);
    match result {
        Err(e) => writeln!(
            out,
            "   an account whose registration is not confirmed (the simulator's \
             `set_user_confirmed(.., false)`):\n   typed: {}",
            describe(&e)
        )?,
        Ok(_) => return Err("an unconfirmed account got an authtoken".into()),
    }

    writeln!(out, "8. The simulator saw: {}", stats(&sim.stats()))?;
    sim.shutdown().await;
    Ok(())
}

/// The v1 authtoken for the example user. Retired by Zoho; kept for the integrations that
/// still carry one.
#[allow(deprecated)]
async fn legacy_authtoken(crm: &ZohoCRM, password: &str) -> Result<TokenSet, Error> {
    crm.legacy_authtoken(
        SIM_EMAIL,
        Password::new(password),
        "oauth-providers example",
    )
    .await
}

async fn real(out: &mut impl Write, config: ZohoConfig) -> Result<(), BoxError> {
    let crm = ZohoCRM::builder(config.credentials)
        .data_center(config.data_center)
        .redirect_uri(config.redirect_uri)
        .build()?;
    let (url, pending) = crm
        .authorize()
        .scope(scope!(ZohoCRM.modules.leads.READ))
        .scope(scope!(ZohoCRM.users.READ))
        .access_type(AccessType::Offline)
        .prompt(Prompt::Consent)
        .url()?;
    writeln!(
        out,
        "1. Open this URL in a browser, sign in to Zoho (data centre `{}`) and approve:\n   {url}",
        config.data_center.key()
    )?;
    let query = callback_query(out).await?;
    let (crm, tokens) = crm.exchange_callback(pending, &query).await?;
    writeln!(
        out,
        "2. Exchanged the code (state checked): the account lives in data centre `{}`; access \
         token {}, refresh token: {}, expires {}, api_domain {}",
        data_center_of(&crm).map_or("?", DataCenter::key),
        token_shown(&tokens),
        yes_no(tokens.refresh_token.is_some()),
        expires_in(&tokens),
        tokens.extra.get("api_domain").map_or("?", String::as_str)
    )?;

    let current_user = format!(
        "{}/users?type=CurrentUser",
        crm.endpoint_url("api")?.as_str().trim_end_matches('/')
    );
    let response = crm.send_api(crm.http().get(&current_user), &tokens).await?;
    writeln!(
        out,
        "3. GET /crm/v8/users?type=CurrentUser with `Authorization: Zoho-oauthtoken ...`: HTTP {} \
         {}",
        response.status,
        preview(&response.body)
    )?;

    let refreshed = crm.refresh(&tokens).await?;
    writeln!(
        out,
        "4. Access tokens live an hour; rather than wait, refreshed now: access token {}, \
         expires {}",
        token_shown(&refreshed),
        expires_in(&refreshed)
    )?;

    // The callback consumed its pending authorization (a `state` is good once), so the replay
    // goes through `exchange_code` with the code taken from the redirect.
    let code = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "code")
        .map(|(_, v)| AuthorizationCode::new(v))
        .ok_or("the redirect has no code")?;
    let (_, replay) = crm.authorize().scope(scope!(ZohoCRM.modules.ALL)).url()?;
    match crm.exchange_code(&replay, &code).await {
        Err(e) => writeln!(
            out,
            "5. Errors are typed. The same code exchanged again: {}",
            describe(&e)
        )?,
        Ok(_) => writeln!(out, "5. Zoho accepted the same code twice (unexpected)")?,
    }

    crm.revoke(&tokens).await?;
    writeln!(
        out,
        "6. Revoked the refresh token and its access tokens (a user may hold at most 20 refresh \
         tokens; this example keeps none). The v1 authtoken is not tried: Zoho retired it."
    )?;
    Ok(())
}

/// The data centre a client is pinned to (after a redirect, the one Zoho named).
fn data_center_of(crm: &ZohoCRM) -> Option<DataCenter> {
    Some(crm.data_center())
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

fn expires_in(tokens: &TokenSet) -> String {
    match tokens.remaining(SystemTime::now()) {
        Some(left) => format!("in {} s", left.as_secs()),
        None => "never".to_string(),
    }
}
