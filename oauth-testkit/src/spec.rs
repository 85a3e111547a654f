//! Provider definitions for tests, from YAML files or text.
//!
//! Each definition goes through `oauth_codegen::load` and `oauth_codegen::validate`, exactly as
//! `provider!` and the simulator read specs, and is leaked to `'static` (what the runtime's
//! `Client::builder` takes); a test process builds a handful, so the leak is bounded.

use std::path::{Path, PathBuf};

use oauth_model::ProviderDef;

/// The repository root (the directory holding `specs/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The definition of the spec at `path` (relative to the repository root, or absolute).
///
/// # Panics
/// When the spec does not load or validate, with every diagnostic.
pub fn def_from_file(path: impl AsRef<Path>) -> &'static ProviderDef {
    let path = repo_root().join(path);
    let loaded = oauth_codegen::load::load_file(&path)
        .unwrap_or_else(|d| panic!("{} does not load:\n{d}", path.display()));
    let def = oauth_codegen::validate::validate(&loaded)
        .unwrap_or_else(|d| panic!("{} does not validate:\n{d}", path.display()));
    Box::leak(Box::new(def))
}

/// The definition of a spec given as text; `extends:` is resolved against the repository
/// root, so `extends: specs/x.yaml` names a bundled spec.
///
/// # Panics
/// When the spec does not load or validate, with every diagnostic.
pub fn def_from_yaml(name: &str, yaml: &str) -> &'static ProviderDef {
    let path = repo_root().join(format!("{name}.yaml"));
    let loaded = oauth_codegen::load::load_str(&path, yaml, |p| std::fs::read_to_string(p))
        .unwrap_or_else(|d| panic!("{name} does not load:\n{d}"));
    let def = oauth_codegen::validate::validate(&loaded)
        .unwrap_or_else(|d| panic!("{name} does not validate:\n{d}"));
    Box::leak(Box::new(def))
}
