//! The providers bundled with the binary: the spec files of the repository's `specs/`
//! directory, embedded by the facade crate (`oauth_providers::bundled`), so the binary works
//! from anywhere.
//!
//! A bundled provider's id is its file name without `.yaml` (`zoho_crm`): what the cargo
//! features and module paths of the facade are named after. Base files (`*.base.yaml`) are
//! embedded for the providers that `extends:` them, but are not providers. Embedded specs
//! are loaded under the virtual path `specs/<file>`, and `extends:` is resolved among the
//! embedded files only: nothing is read from disk.

use std::path::{Component, Path, PathBuf};

use oauth_codegen::load::{load_str, Loaded};
use oauth_codegen::Diagnostics;
use oauth_model::ProviderDef;

use crate::report::Texts;

use oauth_providers::bundled::FILES;

/// The directory embedded specs are named under in diagnostics.
const DIR: &str = "specs";

/// One bundled provider's spec.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bundled {
    /// The file name (`zoho_crm.yaml`).
    pub(crate) file: &'static str,
    /// Its text.
    pub(crate) text: &'static str,
}

impl Bundled {
    /// The id people type: the file name without its extension (`zoho_crm`).
    pub(crate) fn id(&self) -> &'static str {
        self.file
            .strip_suffix(".yaml")
            .or_else(|| self.file.strip_suffix(".yml"))
            .unwrap_or(self.file)
    }

    /// The virtual path diagnostics name it by (`specs/zoho_crm.yaml`).
    pub(crate) fn path(&self) -> PathBuf {
        Path::new(DIR).join(self.file)
    }

    /// Loads the spec, resolving `extends:` among the embedded files.
    pub(crate) fn load(&self) -> Result<Loaded, Diagnostics> {
        load_str(&self.path(), self.text, |base| {
            embedded(base).map(str::to_owned).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "it is not one of the bundled spec files",
                )
            })
        })
    }

    /// Loads and validates the spec.
    pub(crate) fn def(&self) -> Result<ProviderDef, Diagnostics> {
        oauth_codegen::validate::validate(&self.load()?)
    }
}

/// Whether a spec file is a base for others rather than a provider.
fn is_base(file: &str) -> bool {
    file.ends_with(".base.yaml") || file.ends_with(".base.yml")
}

/// Every bundled provider, sorted by file name.
pub(crate) fn providers() -> impl Iterator<Item = Bundled> {
    FILES
        .iter()
        .filter(|(file, _)| !is_base(file))
        .map(|&(file, text)| Bundled { file, text })
}

/// The text of the embedded file at virtual path `path` (`specs/x.yaml`, `specs/./x.yaml`).
fn embedded(path: &Path) -> Option<&'static str> {
    let wanted = normalise(path)?;
    FILES
        .iter()
        .find(|(file, _)| Path::new(DIR).join(file) == wanted)
        .map(|&(_, text)| text)
}

/// Every embedded file's text under its virtual path, for rendering diagnostics.
pub(crate) fn texts() -> Texts {
    FILES
        .iter()
        .map(|&(file, text)| (Path::new(DIR).join(file), text.to_owned()))
        .collect()
}

/// `path` with `.` dropped and `..` applied; `None` when `..` climbs above the start.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    Some(out)
}

/// A name reduced to what matters when people type it: letters and digits, lowercase
/// (`Zoho CRM`, `zoho_crm`, `ZohoCRM` and `zoho-crm` are all `zohocrm`).
fn squash(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What a lookup by name found.
pub(crate) enum Found {
    /// The provider, validated.
    Provider(Bundled, Box<ProviderDef>),
    /// The provider, whose bundled spec does not validate (a bug of this build).
    Broken(Bundled, Diagnostics),
    /// No provider has that name; the closest, if any is close.
    Unknown { suggestion: Option<String> },
}

/// The bundled provider called `name`: its id, its Rust type name or its display name, in any
/// case, with or without `_`, `-` and spaces.
pub(crate) fn find(name: &str) -> Found {
    let wanted = squash(name);
    let mut candidates: Vec<String> = Vec::new();
    let mut by_def = None;
    for b in providers() {
        if squash(b.id()) == wanted {
            return match b.def() {
                Ok(def) => Found::Provider(b, Box::new(def)),
                Err(d) => Found::Broken(b, d),
            };
        }
        candidates.push(b.id().to_owned());
        if let Ok(def) = b.def() {
            if by_def.is_none()
                && (squash(&def.name) == wanted || squash(&def.display_name) == wanted)
            {
                by_def = Some((b, def));
            }
        }
    }
    if let Some((b, def)) = by_def {
        return Found::Provider(b, Box::new(def));
    }
    let suggestion =
        oauth_codegen::diagnostics::did_you_mean(name, candidates.iter().map(String::as_str))
            .map(str::to_owned);
    Found::Unknown { suggestion }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_files_are_embedded_but_are_not_providers() {
        assert!(FILES.iter().any(|(f, _)| is_base(f)));
        assert!(providers().all(|b| !is_base(b.file)));
        assert!(providers().count() >= 1);
    }

    #[test]
    fn every_bundled_spec_validates_with_its_base() {
        for b in providers() {
            if let Err(d) = b.def() {
                panic!("{}: {d}", b.file);
            }
        }
    }

    #[test]
    fn names_match_in_any_spelling() {
        for name in ["zoho_crm", "ZohoCRM", "Zoho CRM", "zoho-crm", "ZOHO_CRM"] {
            assert!(
                matches!(find(name), Found::Provider(b, _) if b.id() == "zoho_crm"),
                "{name}"
            );
        }
        assert!(matches!(
            find("zoho_crn"),
            Found::Unknown { suggestion: Some(s) } if s == "zoho_crm"
        ));
    }

    #[test]
    fn extends_paths_are_normalised() {
        assert!(embedded(Path::new("specs/./zoho_accounts.base.yaml")).is_some());
        assert!(embedded(Path::new("specs/../specs/zoho_accounts.base.yaml")).is_some());
        assert!(embedded(Path::new("../etc/passwd")).is_none());
    }
}
