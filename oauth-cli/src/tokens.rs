//! The commands on stored token sets: `token` (print a valid access token, renewing it
//! first when due), `status` (what is stored, without any token), `revoke` (at the provider,
//! then forget) and `logout` (forget here only).
//!
//! Each finds its login in the index ([`crate::config`]) by provider, subject and, when
//! several clients logged in, client id; rebuilds the client the login used (spec,
//! variables, client id, the stored client secret, origin) and reads the set through a
//! [`TokenSource`], so a renewal takes the store's refresh lock (one refresh for every
//! process sharing the store) and saves the new set before it is printed.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use oauth_runtime::__private::engine::Client;
use oauth_runtime::store::FileStore;
use oauth_runtime::{Credentials, TokenSet, TokenSource, TokenStore};
use serde::Serialize;

use crate::cli::{Format, StatusArgs, SubjectArgs, TokenArgs};
use crate::config::{self, Config, Index, Login, SpecRef};
use crate::fail::{self, Fail};
use crate::progress;
use crate::provider;
use crate::term;

/// Runs `oauth token`.
pub(crate) fn token(args: &TokenArgs) -> ExitCode {
    fail::run(crate::runtime().and_then(|rt| rt.block_on(print_token(args))))
}

/// Runs `oauth status`.
pub(crate) fn status(args: &StatusArgs) -> ExitCode {
    fail::run(crate::runtime().and_then(|rt| rt.block_on(show_status(args))))
}

/// Runs `oauth revoke`.
pub(crate) fn revoke(args: &SubjectArgs) -> ExitCode {
    fail::run(crate::runtime().and_then(|rt| rt.block_on(revoke_set(args))))
}

/// Runs `oauth logout`.
pub(crate) fn logout(args: &SubjectArgs) -> ExitCode {
    fail::run(crate::runtime().and_then(|rt| rt.block_on(forget(args))))
}

/// `oauth login ...` for a login, to quote in a help.
fn login_command(login: &Login) -> String {
    let mut cmd = format!("oauth login {}", login.provider);
    if login.subject != "default" {
        cmd.push_str(&format!(" --subject {}", login.subject));
    }
    cmd
}

/// The login `provider` / `subject` (/ `client_id`) names.
fn find<'a>(
    index: &'a Index,
    provider: &str,
    subject: &str,
    client_id: Option<&str>,
) -> Result<&'a Login, Fail> {
    let spec = provider::spec_ref(provider)?;
    let matching: Vec<&Login> = index
        .logins
        .iter()
        .filter(|l| {
            l.spec == spec && l.subject == subject && client_id.is_none_or(|c| l.client_id == c)
        })
        .collect();
    match matching.as_slice() {
        [one] => Ok(one),
        [] => {
            let others: Vec<String> = index
                .logins
                .iter()
                .filter(|l| l.spec == spec)
                .map(|l| format!("`{}`", l.subject))
                .collect();
            let hint = if others.is_empty() {
                String::new()
            } else {
                format!(" (stored subjects: {})", others.join(", "))
            };
            let name = match &spec {
                SpecRef::Bundled(id) => id.clone(),
                SpecRef::File(_) => provider.to_owned(),
            };
            let mut cmd = format!("oauth login {provider}");
            if subject != "default" {
                cmd.push_str(&format!(" --subject {subject}"));
            }
            Err(Fail::new(
                format!("no token set is stored for {name} as subject `{subject}`{hint}"),
                format!("run `{cmd}` first; `oauth status` lists what is stored"),
            ))
        }
        many => {
            let ids: Vec<String> = many.iter().map(|l| format!("`{}`", l.client_id)).collect();
            Err(Fail::new(
                format!(
                    "several clients logged in to {provider} as `{subject}`: {}",
                    ids.join(", ")
                ),
                "choose one with --client-id ID",
            ))
        }
    }
}

/// The client a login used, and the store its set is in.
async fn rebuild(config: &Config, login: &Login) -> Result<(Client, Arc<dyn TokenStore>), Fail> {
    let again = login_command(login);
    let def = provider::load_ref(&login.spec, &login.provider)?;
    let store = config.store_for(login)?;
    let credentials = if login.has_secret {
        match config::load_secret(store.as_ref(), &login.key).await {
            Ok(Some(secret)) => Credentials::new(login.client_id.clone(), secret),
            Ok(None) => {
                return Err(Fail::new(
                    format!(
                        "the client secret of {} is missing from the store",
                        config::describe(login)
                    ),
                    format!("run `{again}` to store it again"),
                ))
            }
            Err(e) => {
                return Err(fail::from_runtime(
                    &e,
                    "reading the client secret",
                    &login.provider,
                    &again,
                ))
            }
        }
    } else {
        Credentials::public(login.client_id.clone())
    };
    let mut builder = Client::builder(def, credentials)
        .user_agent(concat!("oauth-cli/", env!("CARGO_PKG_VERSION")));
    for (i, v) in provider::vars_from_names(def, &login.vars)? {
        builder = builder.var_at(i, v);
    }
    if let Some(origin) = &login.origin {
        if let Ok(url) = url::Url::parse(origin) {
            if let Some(ahead) = crate::simclock::offset(&url).await {
                builder = builder.clock(Arc::new(crate::simclock::Ahead(ahead)));
            }
            builder = builder.origin_override(url);
        }
    }
    let client = builder
        .build()
        .map_err(|e| fail::from_runtime(&e, "setting up the client", &login.provider, &again))?;
    Ok((client, store))
}

/// A source over the login's stored set; refuses a spec that now names another issuer.
fn source(client: &Client, login: &Login, store: Arc<dyn TokenStore>) -> Result<TokenSource, Fail> {
    let source = TokenSource::refreshing(client, &login.subject)
        .store(store)
        .build();
    if source.key() != login.key {
        return Err(Fail::new(
            format!(
                "the spec of {} now names another token endpoint than at login",
                config::describe(login)
            ),
            format!("run `{}` to log in again", login_command(login)),
        ));
    }
    Ok(source)
}

fn remaining_secs(t: &TokenSet, now: SystemTime) -> Option<i64> {
    t.expires_at.map(|at| match at.duration_since(now) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
    })
}

async fn print_token(args: &TokenArgs) -> Result<(), Fail> {
    let config = Config::from_args(&args.store)?;
    let index = config.index()?;
    let login = find(
        &index,
        &args.provider,
        &args.subject,
        args.client_id.as_deref(),
    )?;
    let again = login_command(login);
    let (client, store) = rebuild(&config, login).await?;
    let source = source(&client, login, store)?;
    let renewal = |e: oauth_runtime::Error| {
        fail::from_runtime(&e, "renewing the access token", &login.provider, &again)
    };
    let mut tokens = match source.token().await {
        Ok(t) => t,
        Err(oauth_runtime::Error::NoToken(_)) if !has_refresh(&source) => {
            return Err(Fail::new(
                format!(
                    "the access token of {} has expired, and there is no refresh token",
                    config::describe(login)
                ),
                format!("run `{again}` to log in again"),
            ))
        }
        Err(e) => return Err(renewal(e)),
    };
    if let Some(min) = args.min_valid {
        let now = now_for(login).await;
        let short = |t: &TokenSet| {
            t.expires_at
                .is_some_and(|at| at.duration_since(now).unwrap_or_default() < min)
        };
        if short(&tokens) {
            if tokens.refresh_token.is_none() {
                return Err(Fail::new(
                    format!(
                        "the access token of {} is valid for less than {} and cannot be renewed \
                         (no refresh token)",
                        config::describe(login),
                        progress::clock(min)
                    ),
                    format!("run `{again}` to log in again"),
                ));
            }
            source.invalidate(&tokens);
            tokens = source.token().await.map_err(renewal)?;
            if short(&tokens) {
                return Err(Fail::new(
                    format!(
                        "{} issues access tokens valid for less than {}",
                        login.display_name,
                        progress::clock(min)
                    ),
                    "ask for less with --min-valid",
                ));
            }
        }
    }
    term::out(&format!("{}\n", tokens.access_token.secret()));
    Ok(())
}

/// Now, as the login's provider sees it: ahead of the system clock for a simulator whose
/// clock was moved ([`crate::simclock`]).
async fn now_for(login: &Login) -> SystemTime {
    crate::simclock::now_at(login.origin.as_deref()).await
}

fn has_refresh(source: &TokenSource) -> bool {
    source.cached().is_some_and(|t| t.refresh_token.is_some())
}

/// One stored set as `status --format json` writes it. No token.
#[derive(Debug, Serialize)]
struct StatusRow {
    provider: String,
    display_name: String,
    subject: String,
    client_id: String,
    issuer: Option<String>,
    expires_at: Option<u64>,
    expires_in: Option<i64>,
    scopes: Option<Vec<String>>,
    refresh_token: bool,
    sealed_with: Option<String>,
    grant: String,
    /// The provider's cap on live access tokens per refresh token: `[live, max]`.
    live_access_tokens: Option<[u32; 2]>,
    /// Why the set could not be read, when it could not.
    problem: Option<String>,
}

async fn show_status(args: &StatusArgs) -> Result<(), Fail> {
    let config = Config::from_args(&args.store)?;
    let index = config.index()?;
    let wanted = match &args.provider {
        Some(p) => Some(provider::spec_ref(p)?),
        None => None,
    };
    let mut rows = Vec::new();
    for login in &index.logins {
        if wanted.as_ref().is_some_and(|w| *w != login.spec) {
            continue;
        }
        let now = now_for(login).await;
        let mut row = StatusRow {
            provider: login.provider.clone(),
            display_name: login.display_name.clone(),
            subject: login.subject.clone(),
            client_id: login.client_id.clone(),
            issuer: None,
            expires_at: None,
            expires_in: None,
            scopes: None,
            refresh_token: false,
            sealed_with: login.sealed_with.clone(),
            grant: login.grant.clone(),
            live_access_tokens: None,
            problem: None,
        };
        let loaded = match config.store_for(login) {
            Ok(store) => store.load(&login.key).await.map_err(|e| e.to_string()),
            Err(f) => Err(format!("{}; {}", f.message, f.help)),
        };
        match loaded {
            Ok(Some(t)) => {
                row.issuer = t.issuer.clone();
                row.expires_at = t
                    .expires_at
                    .and_then(|at| at.duration_since(UNIX_EPOCH).ok())
                    .map(|d| d.as_secs());
                row.expires_in = remaining_secs(&t, now);
                row.scopes = t.scopes.clone();
                row.refresh_token = t.refresh_token.is_some();
                if let Ok(def) = provider::load_ref(&login.spec, &login.provider) {
                    if let Some(cap) = oauth_runtime::TokenCap::from_def(def) {
                        let live = t
                            .mints
                            .iter()
                            .filter(|m| {
                                cap.live_for.is_none_or(|life| {
                                    now.duration_since(**m).unwrap_or_default() < life
                                })
                            })
                            .count();
                        row.live_access_tokens =
                            Some([u32::try_from(live).unwrap_or(u32::MAX), cap.max]);
                    }
                }
            }
            Ok(None) => row.problem = Some("nothing is stored under its key any more".into()),
            Err(why) => row.problem = Some(why),
        }
        rows.push(row);
    }
    match args.format {
        Format::Json => match serde_json::to_string_pretty(&rows) {
            Ok(text) => term::out(&format!("{text}\n")),
            Err(e) => {
                return Err(Fail::new(
                    format!("cannot write the status as JSON: {e}"),
                    "this is a bug in oauth-cli; please report it",
                ))
            }
        },
        Format::Human if rows.is_empty() => {
            term::err(&format!(
                "No token sets are stored in {}. `oauth login PROVIDER` stores one.\n",
                config.dir.display()
            ));
        }
        Format::Human => {
            let mut out = String::new();
            for (i, r) in rows.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&format!(
                    "{} ({}), subject {}\n",
                    term::paint(term::NAME, &r.provider),
                    r.display_name,
                    term::paint(term::HEADER_PLAIN, &r.subject)
                ));
                let mut line = |k: &str, v: String| out.push_str(&format!("  {k:<10} {v}\n"));
                line("client", r.client_id.clone());
                if let Some(problem) = &r.problem {
                    line("problem", term::paint(term::BAD, problem));
                    continue;
                }
                line("issued by", r.issuer.clone().unwrap_or_else(|| "-".into()));
                line(
                    "expires",
                    match (r.expires_in, r.expires_at) {
                        (Some(secs), Some(at)) if secs <= 0 => term::paint(
                            term::BAD,
                            &format!("{} ({})", progress::relative(secs), progress::utc(at)),
                        ),
                        (Some(secs), Some(at)) => {
                            format!("{} ({})", progress::relative(secs), progress::utc(at))
                        }
                        _ => "never".into(),
                    },
                );
                line(
                    "scopes",
                    match &r.scopes {
                        Some(s) if !s.is_empty() => s.join(" "),
                        _ => "(not said)".into(),
                    },
                );
                line(
                    "refresh",
                    if r.refresh_token { "yes" } else { "no" }.to_owned(),
                );
                line(
                    "limits",
                    match r.live_access_tokens {
                        Some([live, max]) => {
                            format!("{live} of {max} live access tokens per refresh token")
                        }
                        None => "none documented".into(),
                    },
                );
                line(
                    "stored",
                    match &r.sealed_with {
                        Some(id) => format!("sealed (key `{id}`)"),
                        None => "plain file (0600)".into(),
                    },
                );
            }
            term::out(&out);
        }
    }
    Ok(())
}

/// Forgets a login: its set, its client secret, its index entry. Works without the sealing
/// key (deleting needs none).
async fn drop_login(config: &Config, login: &Login) -> Result<(), Fail> {
    let files = FileStore::new(config.dir.join("tokens"));
    let delete = |key: String| {
        let files = files.clone();
        async move { files.delete(&key).await }
    };
    let again = login_command(login);
    delete(login.key.clone())
        .await
        .map_err(|e| fail::from_runtime(&e, "deleting the token set", &login.provider, &again))?;
    delete(config::secret_key(&login.key)).await.map_err(|e| {
        fail::from_runtime(&e, "deleting the client secret", &login.provider, &again)
    })?;
    let mut index = config.index()?;
    index.logins.retain(|l| l.key != login.key);
    config.save_index(&index)
}

/// The store `args` names, and the login in it for their provider and subject.
fn located(args: &SubjectArgs) -> Result<(Config, Login), Fail> {
    let config = Config::from_args(&args.store)?;
    let index = config.index()?;
    let login = find(
        &index,
        &args.provider,
        &args.subject,
        args.client_id.as_deref(),
    )?
    .clone();
    Ok((config, login))
}

async fn revoke_set(args: &SubjectArgs) -> Result<(), Fail> {
    let (config, login) = located(args)?;
    let (client, store) = rebuild(&config, &login).await?;
    let def = client.def();
    if def.endpoint("revoke").is_none() {
        return Err(Fail::new(
            format!("{} has no revocation endpoint", def.display_name),
            format!(
                "`oauth logout {}` forgets the set here; revoke the access in your {} \
                 account's settings",
                args.provider, def.display_name
            ),
        ));
    }
    let again = login_command(&login);
    match store.load(&login.key).await {
        Ok(Some(tokens)) => client.revoke(&tokens).await.map_err(|e| {
            let mut f = fail::from_runtime(&e, "revoking the token set", &login.provider, &again);
            f.help = format!(
                "{}; the set is kept, so `oauth revoke` can be run again (or `oauth logout` \
                 forgets it)",
                f.help
            );
            f
        })?,
        Ok(None) => {}
        Err(e) => {
            return Err(fail::from_runtime(
                &e,
                "reading the token set",
                &login.provider,
                &again,
            ))
        }
    }
    drop_login(&config, &login).await?;
    term::err(&format!(
        "{} Revoked at {} and forgot the token set of `{}`.\n",
        term::paint(term::OK, "✓"),
        login.display_name,
        login.subject
    ));
    Ok(())
}

async fn forget(args: &SubjectArgs) -> Result<(), Fail> {
    let (config, login) = located(args)?;
    drop_login(&config, &login).await?;
    term::err(&format!(
        "{} Forgot the token set of {} here. The provider was not told: `oauth revoke` does \
         that.\n",
        term::paint(term::OK, "✓"),
        config::describe(&login)
    ));
    Ok(())
}
