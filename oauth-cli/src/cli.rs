//! The command tree: every subcommand, argument and help text, as clap derive types.
//!
//! Nothing here does any work: the commands are in their own modules.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Work with OAuth providers from the shell: check specs, see the code they generate, browse
/// the bundled providers and their scopes, log in and print tokens, serve a local provider.
#[derive(Debug, Parser)]
#[command(
    name = "oauth",
    version,
    propagate_version = true,
    after_help = "Exit status: 0 on success, 1 when a spec has errors, nothing was found or \
                  a command failed, 2 on a usage error, 130 when cancelled."
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

    /// Authorize a provider in the browser (or with --device) and keep its tokens.
    #[command(
        long_about = "Authorize a provider and keep its tokens.\n\n\
                      Opens the authorize URL in the system browser (or prints it, with \
                      --no-browser or when there is no browser), receives the redirect on \
                      http://127.0.0.1:PORT/callback (an ephemeral port unless --port), checks \
                      its `state`, exchanges the code with its PKCE verifier and stores the \
                      token set for SUBJECT. With --device, uses the device grant: a code to \
                      enter on another device. Nothing secret is printed.\n\n\
                      The client id and secret come from --client-id / --client-secret or \
                      OAUTH_CLIENT_ID / OAUTH_CLIENT_SECRET (prefer the environment: a flag \
                      shows in the process list). Token sets are stored under --store (0700), \
                      sealed when a key is configured (OAUTH_SEALING_KEY or --key-file).",
        after_help = "Examples:\n  \
                      OAUTH_CLIENT_ID=... OAUTH_CLIENT_SECRET=... oauth login zoho_crm --var data_center=eu\n  \
                      oauth login ./specs/acme.yaml --scope files:read --port 8085\n  \
                      oauth login openid --var issuer=http://127.0.0.1:8080 --device\n\n\
                      Exit status: 0 when the token set is stored, 1 when the login failed, 2 \
                      on a usage error, 130 when cancelled with Ctrl-C."
    )]
    Login(LoginArgs),

    /// Print a valid access token for scripts, renewing it first when needed.
    #[command(
        long_about = "Print a valid access token on stdout, nothing else, for scripts: \
                      `curl -H \"Authorization: Bearer $(oauth token zoho_crm)\" ...`.\n\n\
                      A token that is due for renewal (by the provider's refresh skew, or \
                      --min-valid) is renewed with the refresh token first and the new set \
                      stored, one refresh for every process sharing the store.",
        after_help = "Examples:\n  oauth token zoho_crm\n  oauth token openid --subject ci --min-valid 10m"
    )]
    Token(TokenArgs),

    /// Show the stored token sets: provider, subject, issuer, expiry, scopes, refresh token.
    Status(StatusArgs),

    /// Revoke a stored token set at the provider, then forget it.
    Revoke(SubjectArgs),

    /// Forget a stored token set without telling the provider.
    Logout(SubjectArgs),

    /// Serve a spec's provider on 127.0.0.1 until Ctrl-C: consent page and admin API included.
    #[command(
        long_about = "Serve a spec's provider locally until Ctrl-C: the authorize, token, \
                      revoke, device and API endpoints the spec describes, with its lifetimes, \
                      limits and error bodies, on 127.0.0.1.\n\n\
                      Users sign in and approve on an HTML consent page (PIN and device pages \
                      too) unless --consent scripts the answer. The admin HTTP API under \
                      /sim/admin (JSON) registers clients and keys, scripts consent, moves the \
                      clock and reads stats and recorded requests, for test suites in any \
                      language (see the README).\n\n\
                      Without --client, one client is registered: id `oauth-cli`, secret \
                      `oauth-cli-secret`, redirect URIs http://127.0.0.1/callback and \
                      http://[::1]/callback (any port, RFC 8252) unless --redirect-uri.",
        after_help = "Examples:\n  oauth serve openid --port 8080\n  \
                      oauth serve ./specs/acme.yaml --client app:s3cret --redirect-uri https://app.example/cb\n  \
                      oauth serve zoho_crm --consent approve:alice --format json"
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

/// Where token sets are kept, and the key that seals them.
#[derive(Debug, Args, Clone)]
pub(crate) struct StoreArgs {
    /// The directory token sets are kept in (created 0700). Default: `oauth-providers` in the
    /// user's configuration directory ($XDG_CONFIG_HOME or ~/.config; ~/Library/Application
    /// Support on macOS; %APPDATA% on Windows).
    #[arg(long = "store", value_name = "DIR", env = "OAUTH_STORE")]
    pub(crate) dir: Option<PathBuf>,

    /// A file holding the sealing key (`[ID:]KEY`, the key 32 bytes in base64url, the file
    /// readable by you only). OAUTH_SEALING_KEY holds the same text without a file. With a
    /// key, new token sets are sealed (XChaCha20-Poly1305): the files hold no token.
    #[arg(long, value_name = "PATH", env = "OAUTH_SEALING_KEY_FILE")]
    pub(crate) key_file: Option<PathBuf>,
}

/// `oauth login`.
#[derive(Debug, Args)]
pub(crate) struct LoginArgs {
    /// A bundled provider (`oauth providers` lists them) or a spec file's path.
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: String,

    /// Use the device grant (RFC 8628): a code to enter on another device, for machines
    /// without a browser.
    #[arg(long, conflicts_with_all = ["pin", "port"])]
    pub(crate) device: bool,

    /// Use the PIN grant: the provider's page shows a PIN to type in here.
    #[arg(long, conflicts_with = "port")]
    pub(crate) pin: bool,

    /// Print the URL to open instead of opening a browser.
    #[arg(long)]
    pub(crate) no_browser: bool,

    /// Whose tokens these are: a name of your choosing, for several accounts of one provider.
    #[arg(long, value_name = "SUBJECT", default_value = "default")]
    pub(crate) subject: String,

    /// A value of one of the spec's variables (`--var data_center=eu`); repeatable. Required
    /// variables left out are asked for on a terminal.
    #[arg(long = "var", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub(crate) vars: Vec<(String, String)>,

    /// A scope to ask for; repeatable (the spec's default scopes when none is given).
    #[arg(long = "scope", value_name = "SCOPE")]
    pub(crate) scopes: Vec<String>,

    /// One of the grant's optional authorize parameters (`--param prompt=consent`).
    #[arg(long = "param", value_name = "NAME=VALUE", value_parser = parse_var)]
    pub(crate) params: Vec<(String, String)>,

    /// The client id registered with the provider.
    #[arg(
        long,
        value_name = "ID",
        env = "OAUTH_CLIENT_ID",
        hide_env_values = true
    )]
    pub(crate) client_id: Option<String>,

    /// The client secret (leave out for a public client). Prefer OAUTH_CLIENT_SECRET: a flag
    /// shows in the process list. Never printed; stored with the token set for renewals.
    #[arg(
        long,
        value_name = "SECRET",
        env = "OAUTH_CLIENT_SECRET",
        hide_env_values = true
    )]
    pub(crate) client_secret: Option<SecretArg>,

    /// The loopback port of the redirect URI, when the provider has one port registered;
    /// 0 (the default) takes a free one (RFC 8252).
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub(crate) port: u16,

    /// How long to wait for the browser or the device (`90s`, `5m`, `1h`).
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = parse_duration)]
    pub(crate) timeout: std::time::Duration,

    /// Sends every request to this origin instead of the spec's hosts, keeping the paths: for
    /// a local simulator (`oauth serve`). HTTPS, or HTTP on a loopback address. Required
    /// variables left out then take the spec's examples, as the simulator does, and the
    /// simulator's clock is followed when its admin API moves it. `token`, `status` and
    /// `revoke` reuse the origin of the login.
    #[arg(long, value_name = "URL", visible_alias = "base-url")]
    pub(crate) origin: Option<String>,

    #[command(flatten)]
    pub(crate) store: StoreArgs,
}

/// A secret given on the command line: its `Debug` shows no character of it, so a parsed
/// command line can be dumped without leaking it.
#[derive(Clone)]
pub(crate) struct SecretArg(pub(crate) String);

impl std::fmt::Debug for SecretArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretArg([REDACTED])")
    }
}

impl std::str::FromStr for SecretArg {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(SecretArg(s.to_owned()))
    }
}

/// `oauth token`.
#[derive(Debug, Args)]
pub(crate) struct TokenArgs {
    /// A bundled provider or a spec file's path, as given to `oauth login`.
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: String,

    /// Whose token to print.
    #[arg(long, value_name = "SUBJECT", default_value = "default")]
    pub(crate) subject: String,

    /// Which client's login, when several clients logged in as SUBJECT.
    #[arg(long, value_name = "ID")]
    pub(crate) client_id: Option<String>,

    /// Renew first unless the token is still valid for this long (`10m`), for a job that
    /// must not see it expire.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub(crate) min_valid: Option<std::time::Duration>,

    #[command(flatten)]
    pub(crate) store: StoreArgs,
}

/// `oauth status`.
#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// Only this provider's token sets.
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: Option<String>,

    /// `human`, or `json`: an array of token sets (provider, subject, client_id, issuer,
    /// expires_at, scopes, refresh_token, sealed, limits) on stdout; no token in it.
    #[arg(long, value_enum, default_value_t, hide_possible_values = true)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) store: StoreArgs,
}

/// `oauth revoke` and `oauth logout`.
#[derive(Debug, Args)]
pub(crate) struct SubjectArgs {
    /// A bundled provider or a spec file's path, as given to `oauth login`.
    #[arg(value_name = "PROVIDER")]
    pub(crate) provider: String,

    /// Whose token set.
    #[arg(long, value_name = "SUBJECT", default_value = "default")]
    pub(crate) subject: String,

    /// Which client's login, when several clients logged in as SUBJECT.
    #[arg(long, value_name = "ID")]
    pub(crate) client_id: Option<String>,

    #[command(flatten)]
    pub(crate) store: StoreArgs,
}

/// `oauth serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The provider to serve: a bundled provider or a spec file's path.
    #[arg(value_name = "SPEC")]
    pub(crate) spec: String,

    /// The port; 0 (the default) picks a free one and prints it.
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub(crate) port: u16,

    /// The address to listen on. The simulator authenticates no one: keep it on loopback
    /// unless the network around it is yours (a container's).
    #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
    pub(crate) bind: std::net::IpAddr,

    /// A client to register, `ID:SECRET` (or `ID` for a public one); repeatable. Without
    /// it: `oauth-cli:oauth-cli-secret`.
    #[arg(long = "client", value_name = "ID[:SECRET]")]
    pub(crate) clients: Vec<String>,

    /// A redirect URI for the clients; repeatable. A loopback IP URI without a port
    /// (`http://127.0.0.1/callback`) allows any port.
    #[arg(long = "redirect-uri", value_name = "URI")]
    pub(crate) redirect_uris: Vec<String>,

    /// How authorizations are answered: `ask` (the consent page, the default),
    /// `approve:USER`, `deny` or `error`. The admin API changes it while serving.
    #[arg(long, value_name = "MODE", default_value = "ask", value_parser = parse_consent)]
    pub(crate) consent: oauth_sim::Consent,

    /// `human`, or `json`: one line `{origin, admin, provider, endpoints, clients}` on
    /// stdout once listening, for test harnesses.
    #[arg(long, value_enum, default_value_t, hide_possible_values = true)]
    pub(crate) format: Format,
}

/// `ask`, `approve[:USER]`, `deny` or `error`.
fn parse_consent(s: &str) -> Result<oauth_sim::Consent, String> {
    use oauth_sim::Consent;
    match s.split_once(':') {
        Some(("approve", user)) if !user.is_empty() => Ok(Consent::Approve {
            user: user.to_owned(),
        }),
        None if s == "approve" => Ok(Consent::Approve {
            user: "alice".to_owned(),
        }),
        None if s == "ask" => Ok(Consent::Ask),
        None if s == "deny" => Ok(Consent::Deny),
        None if s == "error" => Ok(Consent::ServerError),
        _ => Err(format!(
            "expected `ask`, `approve:USER`, `deny` or `error`, found `{s}`"
        )),
    }
}

/// A duration: a number and `s`, `m`, `h` or `d` (`90s`, `5m`); a bare number is seconds.
pub(crate) fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let t = s.trim();
    let (number, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t, "s"),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| format!("expected a duration such as `90s`, `5m` or `1h`, found `{s}`"))?;
    let secs = match unit.trim() {
        "s" => Some(n),
        "m" => n.checked_mul(60),
        "h" => n.checked_mul(3600),
        "d" => n.checked_mul(86_400),
        _ => None,
    }
    .ok_or_else(|| format!("expected a duration such as `90s`, `5m` or `1h`, found `{s}`"))?;
    Ok(std::time::Duration::from_secs(secs))
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
    fn a_parsed_command_line_does_not_show_the_client_secret() {
        let cli = Cli::parse_from([
            "oauth",
            "login",
            "openid",
            "--client-id",
            "app",
            "--client-secret",
            "s3cret-value",
        ]);
        let shown = format!("{cli:?}");
        assert!(shown.contains("app"), "{shown}");
        assert!(!shown.contains("s3cret-value"), "{shown}");
    }

    #[test]
    fn durations_take_a_unit() {
        use std::time::Duration;
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_duration("12"), Ok(Duration::from_secs(12)));
        assert!(parse_duration("5 fortnights").is_err());
        assert!(parse_duration("m").is_err());
    }

    #[test]
    fn consent_modes_parse() {
        use oauth_sim::Consent;
        assert_eq!(parse_consent("ask"), Ok(Consent::Ask));
        assert_eq!(
            parse_consent("approve:bob"),
            Ok(Consent::Approve { user: "bob".into() })
        );
        assert!(parse_consent("approve:").is_err());
        assert!(parse_consent("maybe").is_err());
    }

    #[test]
    fn var_splits_at_the_first_equals_sign() {
        assert_eq!(parse_var("a=b=c"), Ok(("a".to_owned(), "b=c".to_owned())));
        assert!(parse_var("novalue").is_err());
        assert!(parse_var("=x").is_err());
    }
}
