//! `oauth expand SPEC`: the Rust code `provider!` generates for a spec, pretty-printed with
//! `prettyplease` (what `oauth-codegen/examples/expand.rs` does, as a command). The code goes
//! to stdout; a spec with errors prints them to stderr as `oauth validate` renders them, so
//! `oauth expand x.yaml > x.rs` never writes diagnostics into the file.

use std::process::ExitCode;

use crate::cli::ExpandArgs;
use crate::report::{self, Texts};
use crate::term;

/// Runs `oauth expand`.
pub(crate) fn run(args: &ExpandArgs) -> ExitCode {
    let mut texts = Texts::new();
    let def = match crate::source::check(&args.spec, &mut texts) {
        Ok(def) => def,
        Err(diags) => {
            term::err(&report::render_failure(
                &diags,
                &texts,
                &format!(
                    "cannot expand `{}`: {}",
                    args.spec.display(),
                    report::count(diags.0.len(), "error")
                ),
                "fix the errors above; `oauth validate` checks a spec without expanding it",
            ));
            return ExitCode::FAILURE;
        }
    };
    let tokens = oauth_codegen::codegen::generate(&def, &Default::default());
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => {
            term::out(&prettyplease::unparse(&file));
            ExitCode::SUCCESS
        }
        Err(e) => {
            term::err(&report::render_error(
                &format!("the generated code does not parse: {e}"),
                Some("this is a bug in oauth-codegen; please report it with the spec"),
            ));
            term::err("\n");
            ExitCode::FAILURE
        }
    }
}
