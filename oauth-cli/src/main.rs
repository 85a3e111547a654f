//! `oauth`: the command line of oauth-providers.
//!
//! Phase 1 works on specs without any HTTP: `validate` (every mistake with a snippet, or
//! JSON for editors and CI), `expand` (the generated Rust), `providers` (the specs bundled at
//! build time) and `scopes` (search a catalogue). The commands that need tokens or a server
//! (`login`, `token`, `status`, `revoke`, `logout`, `serve`) are in the command tree with
//! their final arguments and answer "not built yet" (see [`phase2`]); they will be built on
//! `oauth-runtime` and `oauth-sim`, which this crate deliberately does not depend on yet.
//!
//! One module per command, plus the shared parts: [`cli`] (the clap tree), [`source`]
//! (reading specs and keeping their text), [`bundled`] (the embedded specs), [`report`]
//! (diagnostics rendered and as JSON), [`table`] and [`term`] (output for people).
//!
//! Exit status: 0 on success, 1 when a spec has errors or a search found nothing, 2 on a
//! usage error (clap's own status) or a command not built yet.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::process::ExitCode;

use clap::Parser;

mod bundled;
mod cli;
mod expand;
mod phase2;
mod providers;
mod report;
mod scopes;
mod source;
mod table;
mod term;
mod validate;

use cli::{Cli, Command};
use phase2::Needs;

fn main() -> ExitCode {
    let cli = Cli::parse();
    term::set_color(cli.color);
    match &cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Expand(args) => expand::run(args),
        Command::Providers(args) => providers::run(args),
        Command::Scopes(args) => scopes::run(args),
        Command::Login(_) => phase2::not_built("login", Needs::Runtime),
        Command::Token(_) => phase2::not_built("token", Needs::Runtime),
        Command::Status(_) => phase2::not_built("status", Needs::Runtime),
        Command::Revoke(_) => phase2::not_built("revoke", Needs::Runtime),
        Command::Logout(_) => phase2::not_built("logout", Needs::Runtime),
        Command::Serve(_) => phase2::not_built("serve", Needs::Simulator),
    }
}
