//! Failures of the commands that talk to providers, written for people: what went wrong and
//! what to do next, never a `Debug` dump. Runtime errors are turned into one here
//! ([`from_runtime`]); their own messages name no secret (the runtime's rule), and nothing
//! here adds one.

use std::process::ExitCode;

use oauth_runtime::{Error, ErrorMeaning};

use crate::report;
use crate::term;

/// A failure to report: a message, what to do next, and the exit status.
#[derive(Debug)]
pub(crate) struct Fail {
    pub(crate) message: String,
    pub(crate) help: String,
    pub(crate) code: u8,
    /// Text already rendered (diagnostics with their snippets), printed instead.
    rendered: Option<String>,
}

impl Fail {
    /// A failure with exit status 1.
    pub(crate) fn new(message: impl Into<String>, help: impl Into<String>) -> Fail {
        Fail {
            message: message.into(),
            help: help.into(),
            code: 1,
            rendered: None,
        }
    }

    /// A failure whose text is already rendered (diagnostics), exit status 1.
    pub(crate) fn rendered(text: String) -> Fail {
        Fail {
            rendered: Some(text),
            ..Fail::new("", "")
        }
    }

    /// The same failure with another exit status.
    pub(crate) fn code(mut self, code: u8) -> Fail {
        self.code = code;
        self
    }

    /// Prints it on stderr and gives its exit status.
    pub(crate) fn report(&self) -> ExitCode {
        if let Some(text) = &self.rendered {
            term::err(text);
            return ExitCode::from(self.code);
        }
        term::err(&format!(
            "{}\n",
            report::render_error(&self.message, Some(&self.help))
        ));
        ExitCode::from(self.code)
    }
}

/// Runs a command's body, printing its failure if it fails.
pub(crate) fn run(result: Result<(), Fail>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => f.report(),
    }
}

/// What the user can do about a runtime error met while `doing` (`"exchanging the code"`)
/// with `provider`; `again` is the command that starts over (`oauth login zoho_crm`).
pub(crate) fn from_runtime(e: &Error, doing: &str, provider: &str, again: &str) -> Fail {
    let message = format!("{doing} failed: {e}");
    let help = match e {
        Error::Provider(p) => match p.meaning {
            ErrorMeaning::AccessDenied => {
                format!("the authorization was denied; run `{again}` and approve it")
            }
            ErrorMeaning::RefreshTokenInvalid => format!(
                "{provider} no longer accepts the stored refresh token; run `{again}` to log in \
                 again"
            ),
            ErrorMeaning::ClientInvalid | ErrorMeaning::ClientDisabled => {
                "check the client id and secret (--client-id, OAUTH_CLIENT_ID, \
                 OAUTH_CLIENT_SECRET) and that the client is active at the provider"
                    .to_owned()
            }
            ErrorMeaning::CodeExpired | ErrorMeaning::CodeInvalid => {
                format!("the code expired or was used; run `{again}` and finish sooner")
            }
            ErrorMeaning::RateLimited => match p.retry_after {
                Some(wait) => format!(
                    "{provider} limits requests; wait {} and try again",
                    crate::progress::clock(wait)
                ),
                None => format!("{provider} limits requests; wait a while and try again"),
            },
            ErrorMeaning::InsufficientScope => {
                "ask for scopes the provider grants to this client (`oauth scopes` lists the \
                 catalogue)"
                    .to_owned()
            }
            _ => format!(
                "{provider} refused the request{}; check the client's configuration at the \
                 provider",
                p.description
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            ),
        },
        Error::Transport { .. } | Error::Timeout { .. } => {
            "check the network, and --origin or the spec's variables if the host is wrong; \
             then try again"
                .to_owned()
        }
        Error::Http { .. } | Error::InvalidResponse { .. } => {
            format!("{provider} answered something unexpected; try again, and check the spec if it persists")
        }
        Error::Config(_) => {
            "check the flags (--var, --scope, --param, --origin) against the spec; `oauth \
             scopes` lists the scopes"
                .to_owned()
        }
        Error::StateMismatch | Error::CallbackSignature => {
            format!("the redirect did not come from this login; run `{again}` again")
        }
        Error::LimitReached { .. } => {
            "the provider's documented limit would be passed; wait and try again".to_owned()
        }
        Error::Store(_) | Error::StoreRefused(_) => {
            "fix the store directory as the message says (--store DIR to use another)".to_owned()
        }
        Error::IssuerMismatch => format!(
            "the stored set was issued by another server than the spec names now; run \
             `{again}` to log in again"
        ),
        Error::NoToken(_) | Error::TokenRejected { .. } => {
            format!("run `{again}` to log in again")
        }
        _ => format!("run `{again}` to start over"),
    };
    Fail::new(message, help)
}
