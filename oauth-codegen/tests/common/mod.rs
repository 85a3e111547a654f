//! What the broken-spec tests (`bad_specs*.rs`) share: loading and validating a spec as
//! `specs/bad.yaml` (no other file can be read), and asserting on its diagnostics.
// Each test crate includes this module and uses a part of it.
#![allow(dead_code)]

use std::path::Path;

use oauth_codegen::load::load_str;
use oauth_codegen::validate::validate;
use oauth_codegen::{Diagnostic, Diagnostics};
use oauth_model::ProviderDef;

/// Loads and validates `yaml` as `specs/bad.yaml`.
pub fn check(yaml: &str) -> Result<ProviderDef, Diagnostics> {
    let loaded = load_str(Path::new("specs/bad.yaml"), yaml, |p| {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{} is not there", p.display()),
        ))
    })?;
    validate(&loaded)
}

/// Every problem of `yaml`; fails if it is valid.
#[track_caller]
pub fn errors(yaml: &str) -> Vec<Diagnostic> {
    match check(yaml) {
        Ok(def) => panic!("expected errors, got a valid spec for {}", def.name),
        Err(d) => d.0,
    }
}

/// The one problem of `yaml`; fails if there are more or none.
#[track_caller]
pub fn only_error(yaml: &str) -> Diagnostic {
    let mut all = errors(yaml);
    assert_eq!(
        all.len(),
        1,
        "expected exactly one error:\n{}",
        Diagnostics(all.clone())
    );
    all.remove(0)
}

/// `d` is at `location`, says `message` and offers `help`.
#[track_caller]
pub fn assert_diag(d: &Diagnostic, location: &str, message: &str, help: Option<&str>) {
    assert_eq!(
        (d.location().as_str(), d.message.as_str(), d.help.as_deref()),
        (location, message, help),
        "\n{d}"
    );
}
