//! `oauth validate SPEC...`: every mistake of every spec, each with its snippet, then a
//! summary; or, with `--format json`, one JSON array of them on stdout.
//!
//! The diagnostics are the result of the command, so they go to stdout (as a linter's do);
//! stderr is kept for the CLI's own failures. A spec that cannot be read at all is one error
//! of that spec, in the same list, so editors and CI see it like any other. A mistake in a
//! base file shared by several of the specs is shown once.

use std::process::ExitCode;

use oauth_codegen::Diagnostic;

use crate::cli::{Format, ValidateArgs};
use crate::report::{self, JsonDiagnostic, Texts};
use crate::term;

/// Runs `oauth validate`.
pub(crate) fn run(args: &ValidateArgs) -> ExitCode {
    let mut texts = Texts::new();
    let mut all: Vec<Diagnostic> = Vec::new();
    for path in &args.specs {
        if let Err(diags) = crate::source::check(path, &mut texts) {
            for d in diags.0 {
                if !all.contains(&d) {
                    all.push(d);
                }
            }
        }
    }

    match args.format {
        Format::Json => {
            let json: Vec<JsonDiagnostic> = all.iter().map(JsonDiagnostic::from).collect();
            match serde_json::to_string_pretty(&json) {
                Ok(text) => term::out(&format!("{text}\n")),
                Err(e) => {
                    term::err(&report::render_error(
                        &format!("cannot write the diagnostics as JSON: {e}"),
                        Some("this is a bug in oauth-cli; please report it"),
                    ));
                    return ExitCode::FAILURE;
                }
            }
        }
        Format::Human => {
            let mut text = String::new();
            for d in &all {
                text.push_str(&report::render_diagnostic(d, &texts));
                text.push_str("\n\n");
            }
            let summary = report::summary(args.specs.len(), all.len());
            let style = if all.is_empty() { term::OK } else { term::BAD };
            text.push_str(&term::paint(style, &summary));
            text.push('\n');
            term::out(&text);
        }
    }
    if all.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
