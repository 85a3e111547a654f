//! The command tree: every subcommand, argument and help text, as clap derive types.
//!
//! The whole tree is designed now, including the commands that need `oauth-runtime` and
//! `oauth-sim` (`login`, `token`, `status`, `revoke`, `logout`, `serve`), so their names and
//! arguments are settled before they are built; until then they parse their arguments and
//! stop with a "not built yet" error (see [`crate::phase2`]). Nothing here does any work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Work with OAuth provider specs: check them, see the code they generate, browse the bundled
/// providers and their scopes.
#[derive(Debug, Parser)]
#[command(
    name = "oauth",
    version,
    propagate_version = true,
    after_help = "Exit status: 0 on success, 1 when a spec has errors or nothing was found, \
                  2 on a usage error or a command that is not built yet."
)]
pub(crate) struct Cli {
    /// When to colour the output: `auto` (on a terminal, unless `NO_COLOR` is set), `always`
    /// or `never`.
    #[arg(
        long,
        value_enum,
        global = true,
        default_value_t = ColorWhen::Auto,
        value_name = "WHEN",
        hide_possible_values = true
    )]
    pub(crate) color: ColorWhen,

    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// When output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always, even into a pipe or file.
    Always,
    /// Never.
    Never,
}

/// How a command writes its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum Format {
    /// Text for people.
    #[default]
    Human,
    /// JSON on stdout, for editors, CI and scripts.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check spec files and show every mistake with its place in the file.
    #[command(
        long_about = "Check spec files and show every mistake with its place in the file.\n\n\
                      Each error is shown with the line it is on, a caret under the place and, \
                      when the checker can tell, what would be right. Mistakes in a base file \
                      named by `extends:` are shown in that file.",
        after_help = "Exit status: 0 when every spec validates, 1 when any has an error."
    )]
    Validate(ValidateArgs),

    /// Print the Rust code `provider!` generates for a spec, pretty-printed.
    #[command(
        long_about = "Print the Rust code `provider!` generates for a spec, pretty-printed: a \
                      `cargo expand` that needs no crate around the spec. A spec with errors \
                      prints them as `oauth validate` does, on stderr."
    )]
    Expand(ExpandArgs),

    /// List the providers bundled with this binary.
    Providers(ProvidersArgs),

    /// Search a provider's scope catalogue.
    #[command(
        long_about = "Search a provider's scope catalogue: each scope with its Rust path (the \
                      constant below the generated `scopes` module) and the authorize \
                      parameter it is sent in.\n\n\
                      PATTERN matches the scope strings and their Rust paths, ignoring case: a \
                      plain word matches anywhere in them, `*` stands for any run of \
                      characters and anchors the pattern at both ends.",
        after_help = "Examples:\n  oauth scopes zoho_crm\n  oauth scopes zoho_crm settings\n  \
                      oauth scopes ZohoProjects '*.READ'\n  oauth scopes ./my_spec.yaml"
    )]
    Scopes(ScopesArgs),

    /// Authorize a provider and keep its tokens [not built yet].
    #[command(
        long_about = "Authorize a provider and keep its tokens: opens the authorize URL in a \
                      browser (or prints it), receives the redirect on a local port, exchanges \
                      the code and stores the token set for SUBJECT. With --device, uses the \
                      device code grant instead.\n\n\
                      Not built yet: it comes with oauth-runtime."
    )]
    Login(LoginArgs),

    /// Print a valid access token, renewing it when it is about to expire [not built yet].
    Token(TokenArgs),

    /// Show the stored token sets and when each expires [not built yet].
    Status(StatusArgs),

    /// Revoke a stored token set at the provider and forget it [not built yet].
    Revoke(SubjectArgs),

    /// Forget a stored token set without telling the provider [not built yet].
    Logout(SubjectArgs),

    /// Serve a spec's provider locally, for testing clients [not built yet].
    #[command(
        long_about = "Serve a spec's provider locally: the authorize, token and API endpoints \
                      the spec describes, with its errors and limits, on 127.0.0.1.\n\n\
                      Not built yet: it comes with oauth-sim."
    )]
    Serve(ServeArgs),
}

/// `oauth validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// Spec files to check.
    #[arg(required = true, value_name = "SPEC")]
    pub(crate) specs: Vec<PathBuf>,

    /// `human`, or `json`: one object per error (file, line, column, message, help,
    /// severity) in a JSON array on stdout.
    #[arg(long, value_enum, default_value_t, hide_possible_values = true)]
    pub(crate) format: Format,
}

/// `oauth expand`.
#[derive(Debug, Args)]
pub(crate) struct ExpandArgs {
    /// The spec file.
    #[arg(value_name = "SPEC")]
    pub(crate) spec: PathBuf,
}

/// `oauth providers`.
#[derive(Debug, Args)]
pub(crate) struct ProvidersArgs {
    /// `human`, or `json`: an array of providers (name, type_name, display_name, grants,
    /// scopes, deprecated) on stdout.
    #[arg(long, value_enum, default_value_t, hide_possible_values = true)]
    pub(crate) format: Format,
}

/// `oauth scopes`.
#[derive(Debug, Args)]
pub(crate) struct ScopesArgs {
    /// A bundled provider (`zoho_crm`, `ZohoCRM`, `"Zoho CRM"`; any case) or a spec file's
    /// path (one with a `/` or ending in `.yaml`).
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: String,

    /// What to look for; every scope when left out.
    #[arg(value_name = "PATTERN")]
    pub(crate) pattern: Option<String>,

    /// `human`, or `json`: an array of scopes (scope, rust_path, param) on stdout.
    #[arg(long, value_enum, default_value_t, hide_possible_values = true)]
    pub(crate) format: Format,
}

/// `oauth login`.
#[derive(Debug, Args)]
pub(crate) struct LoginArgs {
    /// A bundled provider or a spec file's path.
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: String,

    /// Use the device code grant: print a code to enter on another device.
    #[arg(long)]
    pub(crate) device: bool,

    /// Print the authorize URL instead of opening a browser.
    #[arg(long)]
    pub(crate) no_browser: bool,

    /// Whose tokens these are.
    #[arg(long, value_name = "SUBJECT", default_value = "default")]
    pub(crate) subject: String,

    /// A value of one of the spec's variables (`--var data_center=eu`); repeatable.
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub(crate) vars: Vec<(String, String)>,
}

/// `oauth token`.
#[derive(Debug, Args)]
pub(crate) struct TokenArgs {
    /// A bundled provider or a spec file's path.
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: String,

    /// Whose token to print.
    #[arg(long, value_name = "SUBJECT", default_value = "default")]
    pub(crate) subject: String,
}

/// `oauth status`.
#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// Only this provider's token sets.
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: Option<String>,
}

/// `oauth revoke` and `oauth logout`.
#[derive(Debug, Args)]
pub(crate) struct SubjectArgs {
    /// A bundled provider or a spec file's path.
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: String,

    /// Whose token set.
    #[arg(long, value_name = "SUBJECT", default_value = "default")]
    pub(crate) subject: String,
}

/// `oauth serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The spec whose provider to serve.
    #[arg(value_name = "SPEC")]
    pub(crate) spec: PathBuf,

    /// The port on 127.0.0.1; 0 picks a free one and prints it.
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub(crate) port: u16,
}

/// `NAME=VALUE`, split at the first `=`.
fn parse_var(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name.to_owned(), value.to_owned())),
        _ => Err(format!(
            "expected NAME=VALUE (such as `data_center=eu`), found `{s}`"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn var_splits_at_the_first_equals_sign() {
        assert_eq!(parse_var("a=b=c"), Ok(("a".to_owned(), "b=c".to_owned())));
        assert!(parse_var("novalue").is_err());
        assert!(parse_var("=x").is_err());
    }
}
