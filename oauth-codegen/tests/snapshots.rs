//! The generated code of every bundled spec, pretty-printed and checked in.
//!
//! This is the product users read through rustdoc and `cargo expand`: a change to it must be
//! a reviewed diff. Run with `UPDATE_SNAPSHOTS=1` to rewrite the files after an intended
//! change, then read the diff. (The facade crate compiles the same code, so a snapshot that
//! stops compiling fails the build there.)

use std::path::{Path, PathBuf};

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

fn generate(name: &str) -> String {
    let path = specs_dir().join(format!("{name}.yaml"));
    let loaded = oauth_codegen::load::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let def = oauth_codegen::validate::validate(&loaded).unwrap_or_else(|e| panic!("{e}"));
    // No tracked files: absolute paths would make the snapshot machine-specific.
    let tokens = oauth_codegen::codegen::generate(&def, &Default::default());
    let file: syn::File =
        syn::parse2(tokens).unwrap_or_else(|e| panic!("generated code does not parse: {e}"));
    format!(
        "// Generated from specs/{name}.yaml by oauth-codegen. Do not edit: run\n\
         // `UPDATE_SNAPSHOTS=1 cargo test -p oauth-codegen --test snapshots` and review the diff.\n\n{}",
        prettyplease::unparse(&file)
    )
}

fn check(name: &str) {
    let actual = generate(name);
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.rs"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&file, &actual).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        return;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_default();
    if expected != actual {
        let first_diff = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()) + 1);
        panic!(
            "generated code for specs/{name}.yaml differs from {} (first difference at line \
             {first_diff}); if the change is intended, run `UPDATE_SNAPSHOTS=1 cargo test -p \
             oauth-codegen --test snapshots` and review the diff",
            file.display()
        );
    }
}

#[test]
fn zoho_projects() {
    check("zoho_projects");
}

#[test]
fn zoho_crm() {
    check("zoho_crm");
}

#[test]
fn marketo() {
    check("marketo");
}

#[test]
fn nest() {
    check("nest");
}

#[test]
fn openid() {
    check("openid");
}
