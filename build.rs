//! Embeds the bundled spec files (`specs/`) as text in `oauth_providers::bundled::FILES`, so
//! that the `oauth` command (`providers`, `scopes`, `serve`) and programs serving a bundled
//! spec with the simulator work from any directory and after `cargo install`.
//!
//! Every `*.yaml` / `*.yml` file directly in `specs/` becomes one `(file name, text)` entry
//! of `$OUT_DIR/bundled_specs.rs` through `include_str!`, sorted by name. Base files
//! (`*.base.yaml`) are embedded too, because the providers that `extends:` them need their
//! text; `src/bundled.rs` decides which files are providers. Nothing here lists providers by
//! name: a spec added to `specs/` is picked up by the next build (cargo re-runs this script
//! whenever a file in the directory changes).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let specs = manifest_dir.join("specs");
    println!("cargo:rerun-if-changed={}", specs.display());

    let mut files = spec_files(&specs);
    files.sort();

    let mut out = String::from(
        "/// Every bundled spec file (`specs/`): `(file name, text)`, sorted by file name; base \
         files (`*.base.yaml`) included.\n\
         pub static FILES: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        // Debug-formatting a str yields a valid Rust string literal (quotes and backslashes
        // escaped), whatever the checkout's path.
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let target = out_dir.join("bundled_specs.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}

/// The spec files directly in `dir`, each as (file name, path); the text of each is checked
/// to be UTF-8 here so a bad file fails the build with its name rather than inside
/// `include_str!`.
fn spec_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => panic!(
            "cannot read the bundled specs directory {}: {e}",
            dir.display()
        ),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => panic!("cannot list {}: {e}", dir.display()),
        };
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            println!(
                "cargo:warning=skipping {}: its file name is not UTF-8",
                path.display()
            );
            continue;
        };
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) || !path.is_file() {
            continue;
        }
        if let Err(e) = std::fs::read_to_string(&path) {
            panic!("cannot read bundled spec {}: {e}", path.display());
        }
        files.push((name, path));
    }
    files
}
