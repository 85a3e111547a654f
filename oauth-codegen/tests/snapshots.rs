//! The generated code of every bundled spec, pretty-printed and checked in with `insta`.
//!
//! This is the product users read through rustdoc and `expand`: a change to it must be a
//! reviewed diff. After an intended change, run `cargo insta test -p oauth-codegen --test
//! snapshots --review` (or `INSTA_UPDATE=always cargo test ...` and read `git diff`). The
//! facade crate compiles the same code, so a snapshot that stops compiling fails there.

use std::path::Path;

fn generate(path: &Path) -> String {
    let loaded = oauth_codegen::load::load_file(path).unwrap_or_else(|e| panic!("{e}"));
    let def = oauth_codegen::validate::validate(&loaded).unwrap_or_else(|e| panic!("{e}"));
    // No tracked files: absolute paths would make the snapshot machine-specific.
    let tokens = oauth_codegen::codegen::generate(&def, &Default::default());
    let file: syn::File =
        syn::parse2(tokens).unwrap_or_else(|e| panic!("generated code does not parse: {e}"));
    prettyplease::unparse(&file)
}

#[test]
fn generated_code_of_every_bundled_spec() {
    insta::glob!("../../specs", "*.yaml", |path| {
        // A base spec (`*.base.yaml`) names no provider; the specs extending it are checked.
        if path.to_string_lossy().ends_with(".base.yaml") {
            return;
        }
        insta::assert_snapshot!(generate(path));
    });
}
