//! `oauth`: the command line of oauth-providers.
//!
//! On specs, without any HTTP: `validate` (every mistake with a snippet, or JSON for editors
//! and CI), `expand` (the generated Rust), `providers` (the specs bundled at build time) and
//! `scopes` (search a catalogue). With tokens, on `oauth-runtime`: `login` ([`login`]: the
//! browser and a loopback redirect, or the device or PIN grant), `token`, `status`, `revoke`
//! and `logout` ([`tokens`]), over the store [`config`] describes. With `oauth-sim`: `serve`
//! ([`serve`]), a spec's provider as a local server with its consent page and admin API;
//! the token commands follow such a simulator's clock ([`simclock`]).
//!
//! One module per command, plus the shared parts: [`cli`] (the clap tree), [`source`]
//! (reading specs and keeping their text), [`bundled`] (the embedded specs), [`provider`]
//! (a PROVIDER argument loaded, and its variables), [`report`] and [`fail`] (diagnostics and
//! failures for people), [`progress`], [`table`] and [`term`] (output for people).
//!
//! Exit status: 0 on success, 1 when a spec has errors, a search found nothing or a command
//! failed, 2 on a usage error, 130 when cancelled.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::process::ExitCode;

use clap::Parser;

mod browser;
mod bundled;
mod cli;
mod config;
mod expand;
mod fail;
mod login;
mod loopback;
mod progress;
mod provider;
mod providers;
mod report;
mod scopes;
mod serve;
mod simclock;
mod source;
mod table;
mod term;
mod tokens;
mod validate;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    term::set_color(cli.color);
    match &cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Expand(args) => expand::run(args),
        Command::Providers(args) => providers::run(args),
        Command::Scopes(args) => scopes::run(args),
        Command::Login(args) => login::run(args),
        Command::Token(args) => tokens::token(args),
        Command::Status(args) => tokens::status(args),
        Command::Revoke(args) => tokens::revoke(args),
        Command::Logout(args) => tokens::logout(args),
        Command::Serve(args) => serve::run(args),
    }
}

/// A Tokio runtime for one command (one thread: a command waits on one thing at a time).
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, fail::Fail> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            fail::Fail::new(
                format!("cannot start the async runtime: {}", config::plain_io(&e)),
                "the system is short of resources (threads, file descriptors); try again",
            )
        })
}
