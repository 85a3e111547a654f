//! `oauth serve SPEC`: a spec's provider as a standalone local HTTP server ([`oauth_sim`]),
//! with its HTML consent page and the admin API under `/sim/admin`, until Ctrl-C.
//!
//! Once listening it says where (for people on stderr; `--format json` writes one line of
//! JSON on stdout for test harnesses, which read it to learn the port) and which clients are
//! registered. A client secret given with `--client` is never printed; the default client's
//! is, because it is a documented constant of this command and the reader needs it.

use std::process::ExitCode;

use oauth_sim::{ServeOptions, Simulator};
use serde_json::json;

use crate::cli::{Format, ServeArgs};
use crate::fail::{self, Fail};
use crate::provider;
use crate::term;

/// The client registered when `--client` is not given.
pub(crate) const DEFAULT_CLIENT_ID: &str = "oauth-cli";
/// Its secret: a constant of this command, printed and documented (a local fixture).
pub(crate) const DEFAULT_CLIENT_SECRET: &str = "oauth-cli-secret";
/// The redirect URIs registered when `--redirect-uri` is not given: any loopback port.
const DEFAULT_REDIRECT_URIS: [&str; 2] = ["http://127.0.0.1/callback", "http://[::1]/callback"];

/// Runs `oauth serve`.
pub(crate) fn run(args: &ServeArgs) -> ExitCode {
    fail::run(crate::runtime().and_then(|rt| rt.block_on(serve(args))))
}

/// One `--client` value: id and secret (empty for a public client).
fn parse_client(text: &str) -> Result<(String, String), Fail> {
    let (id, secret) = text.split_once(':').unwrap_or((text, ""));
    if id.is_empty() {
        return Err(Fail::new(
            "a --client without an id",
            "give `--client ID:SECRET`, or `--client ID` for a public client",
        )
        .code(2));
    }
    Ok((id.to_owned(), secret.to_owned()))
}

async fn serve(args: &ServeArgs) -> Result<(), Fail> {
    let provider = provider::load(&args.spec)?;
    let def = provider.def;
    let clients: Vec<(String, String, bool)> = if args.clients.is_empty() {
        vec![(
            DEFAULT_CLIENT_ID.to_owned(),
            DEFAULT_CLIENT_SECRET.to_owned(),
            true,
        )]
    } else {
        args.clients
            .iter()
            .map(|c| parse_client(c).map(|(id, secret)| (id, secret, false)))
            .collect::<Result<_, _>>()?
    };
    let redirect_uris: Vec<String> = if args.redirect_uris.is_empty() {
        DEFAULT_REDIRECT_URIS
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    } else {
        for uri in &args.redirect_uris {
            if url::Url::parse(uri).is_err() {
                return Err(Fail::new(
                    format!("--redirect-uri `{uri}` is not a URL"),
                    "give an absolute URL, such as http://127.0.0.1/callback",
                )
                .code(2));
            }
        }
        args.redirect_uris.clone()
    };
    let options = ServeOptions::new()
        .ip(args.bind)
        .port(args.port)
        .admin_api(true);
    let sim = Simulator::serve(def.clone(), options).map_err(|e| match e {
        oauth_sim::SimError::Io(io) => Fail::new(
            format!(
                "cannot listen on {}:{}: {}",
                args.bind,
                args.port,
                crate::config::plain_io(&io)
            ),
            if args.port == 0 {
                "check that this machine allows listening on that address".to_owned()
            } else {
                format!(
                    "another program may hold port {}; choose another with --port, or 0 for \
                     a free one",
                    args.port
                )
            },
        ),
        other => Fail::new(
            format!("cannot serve {}: {other}", def.display_name),
            "check the spec with `oauth validate`",
        ),
    })?;
    for (id, secret, _) in &clients {
        sim.register_client(id, secret, redirect_uris.iter().cloned());
    }
    sim.consent(args.consent.clone());
    let origin = sim.origin();
    let origin_text = origin.as_str().trim_end_matches('/').to_owned();
    let admin = format!("{origin_text}/sim/admin");
    match args.format {
        Format::Json => {
            let endpoints: serde_json::Map<String, serde_json::Value> = sim
                .endpoints()
                .into_iter()
                .map(|(name, url)| (name, json!(url.as_str())))
                .collect();
            let line = json!({
                "origin": origin_text,
                "admin": admin,
                "provider": provider.name,
                "display_name": def.display_name.as_ref(),
                "endpoints": endpoints,
                "clients": clients.iter().map(|(id, secret, default)| json!({
                    "client_id": id,
                    "public": secret.is_empty(),
                    // Only the documented default's secret; a given one stays unsaid.
                    "client_secret": if *default { Some(secret.as_str()) } else { None },
                })).collect::<Vec<_>>(),
                "redirect_uris": redirect_uris,
            });
            term::out(&format!("{line}\n"));
        }
        Format::Human => {
            let mut text = format!(
                "{} Serving {} at {}\n\n",
                term::paint(term::OK, "✓"),
                def.display_name,
                term::paint(term::NAME, &origin_text)
            );
            for (name, url) in sim.endpoints() {
                text.push_str(&format!("  {name:<20} {url}\n"));
            }
            text.push_str(&format!(
                "  {:<20} {admin}  (see the README)\n\n",
                "admin API"
            ));
            for (id, secret, default) in &clients {
                let secret_shown = if secret.is_empty() {
                    "none (public client)".to_owned()
                } else if *default {
                    secret.clone()
                } else {
                    "as given with --client".to_owned()
                };
                text.push_str(&format!("  client {id}, secret {secret_shown}\n"));
            }
            text.push_str(&format!("  redirect URIs {}\n", redirect_uris.join(" ")));
            if clients.iter().any(|(_, _, d)| *d) {
                text.push_str(&format!(
                    "\nLog in from another terminal:\n\n  \
                     OAUTH_CLIENT_ID={DEFAULT_CLIENT_ID} OAUTH_CLIENT_SECRET={DEFAULT_CLIENT_SECRET} \\\n    \
                     oauth login {} --origin {origin_text}\n  oauth token {}\n",
                    crate::login::shell_word(&provider.name),
                    crate::login::shell_word(&provider.name),
                ));
            }
            text.push_str("\nCtrl-C stops the server.\n");
            term::err(&text);
        }
    }
    if tokio::signal::ctrl_c().await.is_err() {
        // No signal handling on this platform: serve until killed.
        futures::future::pending::<()>().await;
    }
    sim.shutdown().await;
    if args.format == Format::Human {
        term::err("Stopped.\n");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clients_split_at_the_first_colon() {
        assert_eq!(
            parse_client("app:s3:cret").ok(),
            Some(("app".to_owned(), "s3:cret".to_owned()))
        );
        assert_eq!(
            parse_client("public").ok(),
            Some(("public".to_owned(), String::new()))
        );
        assert!(parse_client(":x").is_err());
    }
}
