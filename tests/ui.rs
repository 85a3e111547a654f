//! Compile-time guarantees, proven by compiling code a user would write: typed scopes, grants
//! and variables misused (`tests/ui/fail`), and broken spec files (`tests/ui/specs`), each
//! failing with an error at the user's token or the YAML line. The cases that must compile,
//! and run, are `tests/ui/pass`, built as modules of `tests/ui_pass.rs`.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test --test ui`, then read
//! every changed `.stderr` as a user would.
//!
//! The cases use the five seed providers (the default features). trybuild checks them in a
//! crate of its own, against the facade with the features of this run; compile-fail cases
//! are only checked (`cargo check`), so dependencies are never code-generated for it.
#![cfg(all(
    feature = "zoho-projects",
    feature = "zoho-crm",
    feature = "marketo",
    feature = "nest",
    feature = "openid"
))]

use std::path::{Path, PathBuf};

/// trybuild compiles each case in a crate of its own, at
/// `<target>/tests/trybuild/oauth-providers/`, and that directory is the
/// `CARGO_MANIFEST_DIR` `provider!` resolves spec paths against. Copying the fixtures there
/// lets a case write `provider!("tests/ui/specs/x.yaml")`, exactly as it would from this
/// repository's root, and keeps the YAML lines in the expected errors meaningful.
fn install_spec_fixtures() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is <target>/tmp");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/specs");
    let to: PathBuf = target.join("tests/trybuild/oauth-providers/tests/ui/specs");
    std::fs::create_dir_all(&to).expect("create the fixture directory");
    for entry in std::fs::read_dir(&from).expect("tests/ui/specs") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let dest = to.join(path.file_name().expect("a file name"));
            std::fs::copy(&path, &dest).expect("copy a spec fixture");
        }
    }
}

#[test]
fn ui() {
    install_spec_fixtures();
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/fail/*.rs");
}
