//! Compile-time guarantees, proven by compiling code a user would write: typed scopes, grants
//! and variables (`tests/ui/pass`, `tests/ui/fail`), and broken spec files
//! (`tests/ui/specs`), each failing with an error at the user's token or the YAML line.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test --test ui`, then read
//! every changed `.stderr` as a user would.
//!
//! The cases use the five seed providers (the default features). trybuild builds the facade
//! again, with the features of this run, for every case's crate; with `all-providers` (and
//! the stores' `redis` and `postgres`) that build costs minutes and tests nothing more, so
//! under `--all-features` this file compiles to nothing and `.ci/run` runs it on its own:
//! `cargo test -p oauth-providers --test ui` (default features).
#![cfg(all(
    feature = "zoho-projects",
    feature = "zoho-crm",
    feature = "marketo",
    feature = "nest",
    feature = "openid",
    not(feature = "all-providers")
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
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fail/*.rs");
}
