//! Prints the code `provider!` generates for a spec file, pretty-printed: a `cargo expand`
//! that needs no nightly toolchain and no crate around the spec.
//!
//! ```text
//! cargo run -p oauth-codegen --example expand -- specs/zoho_projects.yaml
//! ```
//!
//! On a broken spec it prints the same diagnostics the macro would and exits with status 1.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: expand <spec.yaml>");
        return ExitCode::from(2);
    };
    let loaded = match oauth_codegen::load::load_file(std::path::Path::new(&path)) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let def = match oauth_codegen::validate::validate(&loaded) {
        Ok(def) => def,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let tokens = oauth_codegen::codegen::generate(&def, &Default::default());
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => {
            print!("{}", prettyplease::unparse(&file));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("the generated code does not parse (a bug in oauth-codegen): {e}");
            ExitCode::FAILURE
        }
    }
}
