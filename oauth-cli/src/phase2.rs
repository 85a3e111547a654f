//! The commands that need `oauth-runtime` (`login`, `token`, `status`, `revoke`, `logout`)
//! and `oauth-sim` (`serve`). Their arguments are final and parsed now, so scripts and docs
//! can be written against them; running one says it is not built yet and exits with status
//! 2, the status of a usage error, because no input could make it succeed.

use std::process::ExitCode;

use crate::report;
use crate::term;

/// What a stubbed command is waiting for.
pub(crate) enum Needs {
    /// The token runtime (`oauth-runtime`): login, token, status, revoke, logout.
    Runtime,
    /// The provider simulator (`oauth-sim`): serve.
    Simulator,
}

/// Says that `oauth <command>` is not built yet; exit status 2.
pub(crate) fn not_built(command: &str, needs: Needs) -> ExitCode {
    let waits_for = match needs {
        Needs::Runtime => "oauth-runtime (tokens, their store and renewal)",
        Needs::Simulator => "oauth-sim (the local provider simulator)",
    };
    let message = format!("`oauth {command}` is not built yet");
    let help = format!(
        "it comes in phase 2 of the CLI, once {waits_for} lands; today's commands are \
         `validate`, `expand`, `providers` and `scopes` (see `oauth --help`)"
    );
    term::err(&format!(
        "{}\n",
        report::render_error(&message, Some(&help))
    ));
    ExitCode::from(2)
}
