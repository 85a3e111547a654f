//! `oauth login PROVIDER`: obtain a token set and store it.
//!
//! The authorization code grant (the default) follows RFC 8252 for native apps: the redirect
//! goes to `http://127.0.0.1:PORT/callback` ([`crate::loopback`]; an ephemeral port unless
//! `--port`), `state` and PKCE are the spec's (the engine sends both wherever the provider
//! takes them), and the redirect is checked (`state` first, in constant time) before its code
//! is exchanged; a redirect that fails the check is answered and ignored, so a stray request
//! to the port cannot end the login. `--device` runs the device grant (RFC 8628), `--pin` the
//! PIN grant. The set is saved through a [`TokenSource`] (the store key, the issuer, the
//! provider's cap bookkeeping), sealed when a key is configured, with the client secret
//! beside it for renewals; the index of logins records the rest ([`crate::config`]).
//!
//! Progress goes to stderr; stdout stays empty. No secret (client secret, code, verifier,
//! token) is ever printed.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use oauth_model::ResponseMode;
use oauth_runtime::__private::engine::{AuthorizeParams, Client};
use oauth_runtime::{AuthorizationCode, Credentials, Error, TokenSet, TokenSource};

use crate::cli::LoginArgs;
use crate::config::{self, Config, Login};
use crate::fail::{self, Fail};
use crate::loopback::{self, Page};
use crate::progress;
use crate::provider::{self, Provider};
use crate::term;

/// Runs `oauth login`.
pub(crate) fn run(args: &LoginArgs) -> ExitCode {
    fail::run(crate::runtime().and_then(|rt| rt.block_on(login(args))))
}

/// What `oauth login` is, for "run `...` again".
fn again(args: &LoginArgs) -> String {
    let mut cmd = format!("oauth login {}", args.provider);
    if args.device {
        cmd.push_str(" --device");
    }
    if args.subject != "default" {
        cmd.push_str(&format!(" --subject {}", args.subject));
    }
    cmd
}

async fn login(args: &LoginArgs) -> Result<(), Fail> {
    let provider = provider::load(&args.provider)?;
    let def = provider.def;
    let config = Config::from_args(&args.store)?;
    let Some(client_id) = args.client_id.clone().filter(|s| !s.is_empty()) else {
        return Err(Fail::new(
            format!("no client id for {}", def.display_name),
            "pass --client-id ID or set OAUTH_CLIENT_ID (and OAUTH_CLIENT_SECRET for a \
             confidential client), as registered with the provider",
        )
        .code(2));
    };
    let secret = args
        .client_secret
        .as_ref()
        .map(|s| s.0.clone())
        .filter(|s| !s.is_empty());
    let grant = if args.device {
        "device_code"
    } else if args.pin {
        "pin"
    } else {
        "authorization_code"
    };
    let has_grant = match grant {
        "device_code" => def.grants.device_code.is_some(),
        "pin" => def.grants.pin.is_some(),
        _ => def.grants.authorization_code.is_some(),
    };
    if !has_grant {
        let grants = crate::providers::grants(def).join(", ");
        return Err(Fail::new(
            format!("{} has no {grant} grant", def.display_name),
            match (def.grants.device_code.is_some(), def.grants.pin.is_some()) {
                (true, _) if !args.device => format!("try `--device`; its grants: {grants}"),
                (_, true) if !args.pin => format!("try `--pin`; its grants: {grants}"),
                _ => format!("its grants: {grants}; `oauth login` runs the authorization code, device and PIN grants"),
            },
        )
        .code(2));
    }
    let vars = provider::vars_from_flags(&provider, &args.vars, args.origin.is_some())?;
    let credentials = match &secret {
        Some(s) => Credentials::new(client_id.clone(), s.clone()),
        None => Credentials::public(client_id.clone()),
    };
    let mut builder = Client::builder(def, credentials)
        .user_agent(concat!("oauth-cli/", env!("CARGO_PKG_VERSION")));
    for (i, v) in vars {
        builder = builder.var_at(i, v);
    }
    if let Some(origin) = &args.origin {
        let url = url::Url::parse(origin).map_err(|_| {
            Fail::new(
                format!("--origin `{origin}` is not a URL"),
                "give scheme, host and port, such as http://127.0.0.1:8080",
            )
            .code(2)
        })?;
        if let Some(clock) = crate::simclock::for_origin(Some(&url)).await {
            builder = builder.clock(clock);
        }
        builder = builder.origin_override(url);
    }
    let again = again(args);
    let name = provider.name.clone();
    let built = |b: oauth_runtime::__private::engine::ClientBuilder| {
        b.build()
            .map_err(|e| fail::from_runtime(&e, "setting up the client", &name, &again))
    };
    let started = SystemTime::now();
    let (client, tokens) = match grant {
        "device_code" => device(args, &provider, built(builder)?, &again).await?,
        "pin" => pin(args, &provider, built(builder)?, &again).await?,
        _ => {
            let mut receiver = loopback::Receiver::bind(args.port).await.map_err(|e| {
                Fail::new(
                    format!(
                        "cannot listen on 127.0.0.1:{} for the redirect: {}",
                        args.port,
                        config::plain_io(&e)
                    ),
                    if args.port == 0 {
                        "check that this machine allows listening on the loopback interface"
                            .to_owned()
                    } else {
                        format!(
                            "free port {} or choose the port registered with the provider \
                             with --port",
                            args.port
                        )
                    },
                )
            })?;
            let client = built(builder.redirect_uri(receiver.redirect_uri.clone()))?;
            let result = code(
                args,
                &provider,
                client,
                &mut receiver,
                &config,
                secret,
                &again,
                started,
            )
            .await;
            receiver.finish().await;
            return result;
        }
    };
    save(
        &config,
        args,
        &provider,
        &client,
        tokens,
        secret.as_deref(),
        grant,
        started,
    )
    .await
    .map(|_| ())
}

/// The authorization code grant through the loopback receiver; answers the browser once the
/// set is saved.
#[allow(clippy::too_many_arguments)]
async fn code(
    args: &LoginArgs,
    provider: &Provider,
    client: Client,
    receiver: &mut loopback::Receiver,
    config: &Config,
    secret: Option<String>,
    again: &str,
    started: SystemTime,
) -> Result<(), Fail> {
    let def = provider.def;
    let params = authorize_params(args, provider)?;
    let (url, pending) = client.authorize_url(&params).map_err(|e| {
        fail::from_runtime(&e, "building the authorization URL", &provider.name, again)
    })?;
    show_url(
        args,
        &format!(
            "To sign in to {}, open this URL in a browser:",
            def.display_name
        ),
        url.as_str(),
    );
    let waiting = progress::start("Waiting for the browser to come back", args.timeout);
    let deadline = tokio::time::Instant::now() + args.timeout;
    let form_post = def
        .grants
        .authorization_code
        .as_ref()
        .is_some_and(|a| a.response_mode == ResponseMode::FormPost);
    let mut pending = Some(pending);
    let outcome = loop {
        let arrival = tokio::select! {
            a = receiver.next() => a,
            () = tokio::time::sleep_until(deadline) => {
                waiting.done().await;
                return Err(Fail::new(
                    format!("no sign-in came back within {}", progress::clock(args.timeout)),
                    format!("run `{again}` again (--timeout gives more time)"),
                ));
            }
            _ = tokio::signal::ctrl_c() => {
                waiting.done().await;
                return Err(cancelled(again));
            }
        };
        let Some(arrival) = arrival else {
            waiting.done().await;
            return Err(Fail::new(
                "the redirect listener stopped",
                format!("run `{again}` again"),
            ));
        };
        let Some(p) = pending.take() else {
            break Err((
                Fail::new("the login is already over", again.to_owned()),
                arrival,
            ));
        };
        match client.parse_callback(&p, &arrival.params) {
            Err(Error::StateMismatch | Error::CallbackSignature) => {
                pending = Some(p);
                let _ = arrival.reply.send(Page {
                    status: 400,
                    title: "Not this sign-in".into(),
                    text: "This redirect does not belong to the login in progress; it was \
                           ignored. Finish the sign-in you started from the terminal."
                        .into(),
                });
                continue;
            }
            Err(e) => {
                break Err((
                    fail::from_runtime(&e, "the authorization", &provider.name, again),
                    arrival,
                ))
            }
            Ok(_) => {}
        }
        let exchanged = if form_post || arrival.posted {
            client.exchange_form_post(p, &arrival.params).await
        } else {
            client.exchange_callback(p, &arrival.params).await
        };
        match exchanged {
            Ok(pair) => break Ok((pair, arrival)),
            Err(e) => {
                break Err((
                    fail::from_runtime(&e, "exchanging the code", &provider.name, again),
                    arrival,
                ))
            }
        }
    };
    waiting.done().await;
    match outcome {
        Err((fail, arrival)) => {
            let _ = arrival.reply.send(Page {
                status: 400,
                title: "Sign-in failed".into(),
                text: format!("{} See the terminal for what to do next.", fail.message),
            });
            Err(fail)
        }
        Ok(((client, tokens), arrival)) => {
            let saved = save(
                config,
                args,
                provider,
                &client,
                tokens,
                secret.as_deref(),
                "authorization_code",
                started,
            )
            .await;
            let page = match &saved {
                Ok(()) => Page {
                    status: 200,
                    title: format!("Signed in to {}", def.display_name),
                    text: "The token set is stored. You can close this tab and return to the \
                           terminal."
                        .into(),
                },
                Err(f) => Page {
                    status: 500,
                    title: "Signed in, but not stored".into(),
                    text: format!("{} See the terminal.", f.message),
                },
            };
            let _ = arrival.reply.send(page);
            saved
        }
    }
}

fn cancelled(again: &str) -> Fail {
    Fail::new(
        "cancelled",
        format!("nothing was stored; run `{again}` to start again"),
    )
    .code(130)
}

/// The scopes and optional parameters asked for.
fn authorize_params(args: &LoginArgs, provider: &Provider) -> Result<AuthorizeParams, Fail> {
    let def = provider.def;
    let mut params = AuthorizeParams {
        scopes: args.scopes.iter().map(|s| (0, s.clone())).collect(),
        extra: Vec::new(),
    };
    let extras = def
        .grants
        .authorization_code
        .as_ref()
        .map(|a| &a.extra_params[..])
        .unwrap_or(&[]);
    for (name, value) in &args.params {
        let Some(i) = extras.iter().position(|p| p.name.as_ref() == name) else {
            let names: Vec<&str> = extras.iter().map(|p| p.name.as_ref()).collect();
            return Err(Fail::new(
                format!(
                    "{} has no optional authorize parameter `{name}`",
                    def.display_name
                ),
                if names.is_empty() {
                    "it takes none".to_owned()
                } else {
                    format!("it takes: {}", names.join(", "))
                },
            )
            .code(2));
        };
        params.extra.push((i, value.clone()));
    }
    Ok(params)
}

/// Prints `url` under `heading` on stderr and opens it unless `--no-browser`.
fn show_url(args: &LoginArgs, heading: &str, url: &str) {
    term::err(&format!(
        "{heading}\n\n  {}\n\n",
        term::paint(term::NAME, url)
    ));
    if args.no_browser {
        return;
    }
    match crate::browser::open(url) {
        Ok(()) => term::err("(opened in your browser)\n"),
        Err(why) => term::err(&format!(
            "(no browser opened: {why}; open the URL yourself)\n"
        )),
    }
}

/// The device grant: show the code, poll until the user approves.
async fn device(
    args: &LoginArgs,
    provider: &Provider,
    client: Client,
    again: &str,
) -> Result<(Client, TokenSet), Fail> {
    let def = provider.def;
    let device = client
        .device_authorization(&args.scopes)
        .await
        .map_err(|e| {
            fail::from_runtime(
                &e,
                "starting the device authorization",
                &provider.name,
                again,
            )
        })?;
    term::err(&format!(
        "To sign in to {}, open\n\n  {}\n\nand enter the code  {}\n\n",
        def.display_name,
        term::paint(term::NAME, &device.verification_uri),
        term::paint(term::OK, &device.user_code)
    ));
    if let Some(complete) = &device.verification_uri_complete {
        term::err(&format!("(or open {complete}, which has the code in it)\n"));
        if !args.no_browser {
            match crate::browser::open(complete) {
                Ok(()) => term::err("(opened in your browser)\n"),
                Err(_) => term::err("(no browser here: use another device)\n"),
            }
        }
    }
    let left = device
        .expires_at
        .duration_since(SystemTime::now())
        .unwrap_or_default();
    let limit = args.timeout.min(left.max(Duration::from_secs(1)));
    let waiting = progress::start("Waiting for the code to be approved", limit);
    let result = tokio::select! {
        r = client.poll_device_token(&device) => r.map_err(|e| fail::from_runtime(&e, "the device authorization", &provider.name, again)),
        () = tokio::time::sleep(limit) => Err(Fail::new(
            format!("the code was not approved within {}", progress::clock(limit)),
            format!("run `{again}` again (--timeout gives more time, up to the code's lifetime)"),
        )),
        _ = tokio::signal::ctrl_c() => Err(cancelled(again)),
    };
    waiting.done().await;
    Ok((client, result?))
}

/// The PIN grant: show the page, read the PIN.
async fn pin(
    args: &LoginArgs,
    provider: &Provider,
    client: Client,
    again: &str,
) -> Result<(Client, TokenSet), Fail> {
    let (url, _pending) = client
        .pin_url()
        .map_err(|e| fail::from_runtime(&e, "building the PIN page URL", &provider.name, again))?;
    show_url(
        args,
        &format!(
            "To sign in to {}, open this URL, approve, and type the PIN it shows:",
            provider.def.display_name
        ),
        url.as_str(),
    );
    let text = tokio::task::spawn_blocking(|| provider::prompt_line("PIN: "))
        .await
        .map_err(|_| Fail::new("reading the PIN failed", again.to_owned()))??;
    if text.is_empty() {
        return Err(Fail::new(
            "no PIN was given",
            format!("run `{again}` and type the PIN the page shows"),
        ));
    }
    let tokens = client
        .exchange_pin(&AuthorizationCode::new(text))
        .await
        .map_err(|e| fail::from_runtime(&e, "exchanging the PIN", &provider.name, again))?;
    Ok((client, tokens))
}

/// Saves the set (and the client secret) and records the login; tells the user.
#[allow(clippy::too_many_arguments)]
async fn save(
    config: &Config,
    args: &LoginArgs,
    provider: &Provider,
    client: &Client,
    tokens: TokenSet,
    secret: Option<&str>,
    grant: &str,
    started: SystemTime,
) -> Result<(), Fail> {
    let def = provider.def;
    config.ensure_dir()?;
    let store = config.store_for_new();
    let source = TokenSource::refreshing(client, &args.subject)
        .store(Arc::clone(&store))
        .build();
    let again = again(args);
    let saved = source
        .set(tokens)
        .await
        .map_err(|e| fail::from_runtime(&e, "storing the token set", &provider.name, &again))?;
    let key = source.key().to_owned();
    match secret {
        Some(s) => config::save_secret(store.as_ref(), &key, s).await,
        None => store.delete(&config::secret_key(&key)).await,
    }
    .map_err(|e| fail::from_runtime(&e, "storing the client secret", &provider.name, &again))?;
    let mut index = config.index()?;
    index.version = 1;
    index.logins.retain(|l| l.key != key);
    index.logins.push(Login {
        provider: provider.name.clone(),
        spec: provider.spec.clone(),
        display_name: def.display_name.to_string(),
        subject: args.subject.clone(),
        client_id: client.credentials().client_id.as_str().to_owned(),
        has_secret: secret.is_some(),
        vars: provider::vars_by_name(def, client.vars()),
        origin: args.origin.clone(),
        key,
        sealed_with: config.key_id().map(str::to_owned),
        grant: grant.to_owned(),
        logged_in_at: started
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
    });
    config.save_index(&index)?;
    let now = crate::simclock::now_at(args.origin.as_deref()).await;
    let expiry = match saved.expires_at {
        None => "does not expire".to_owned(),
        Some(at) => {
            let secs = at
                .duration_since(now)
                .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
                .unwrap_or(0);
            format!("expires {}", progress::relative(secs))
        }
    };
    let refresh = if saved.refresh_token.is_some() {
        "a refresh token renews it"
    } else {
        "no refresh token: log in again when it expires"
    };
    let sealed = match config.key_id() {
        Some(id) => format!(", sealed with key `{id}`"),
        None => String::new(),
    };
    term::err(&format!(
        "{} Logged in to {} as `{}`: the access token {expiry}; {refresh}.\n  Stored in {}{sealed}. `oauth token {}` prints it.\n",
        term::paint(term::OK, "✓"),
        def.display_name,
        args.subject,
        config.dir.display(),
        shell_word(&provider.name),
    ));
    Ok(())
}

/// `name` as typed in a shell (quoted when it has a space).
pub(crate) fn shell_word(name: &str) -> String {
    if name.contains(char::is_whitespace) {
        format!("'{name}'")
    } else {
        name.to_owned()
    }
}
