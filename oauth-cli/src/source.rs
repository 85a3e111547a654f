//! Loading spec files from disk, keeping the text of every file read (the spec and the base
//! files its `extends:` names) so diagnostics can show a snippet of the file they are in.
//!
//! The files are read here rather than by `oauth_codegen::load::load_file` so that a path
//! that is missing, a directory or not UTF-8 gets a message and a help written for the
//! command line (the loader's speak of the crate that invokes `provider!`), and so the texts
//! are kept. Paths are used as the user wrote them: nothing is made absolute.

use std::cell::RefCell;
use std::io;
use std::path::{Path, PathBuf};

use oauth_codegen::load::{load_str, Loaded};
use oauth_codegen::spec::Pos;
use oauth_codegen::{Diagnostic, Diagnostics};
use oauth_model::ProviderDef;

use crate::report::Texts;

/// Why a file could not be read as a spec.
#[derive(Debug)]
enum Unreadable {
    /// Nothing at the path.
    NotFound,
    /// The path is a directory.
    Directory,
    /// The bytes are not UTF-8; the first bad one is at this 1-based line and column.
    NotUtf8 { line: u32, column: u32 },
    /// Anything else the system refused (permissions, ...).
    Other(io::Error),
}

impl Unreadable {
    fn message(&self) -> String {
        match self {
            Unreadable::NotFound => "spec file not found".to_owned(),
            Unreadable::Directory => "this is a directory, not a spec file".to_owned(),
            Unreadable::NotUtf8 { .. } => "spec file is not UTF-8 text".to_owned(),
            Unreadable::Other(e) => format!("cannot read spec file: {}", plain_io(e)),
        }
    }

    fn help(&self, path: &Path) -> String {
        match self {
            Unreadable::NotFound => {
                "check the spelling; a relative path starts at the current directory".to_owned()
            }
            Unreadable::Directory => format!(
                "name the spec files inside it, such as `{}`",
                path.join("*.yaml").display()
            ),
            Unreadable::NotUtf8 { .. } => {
                "save the file as UTF-8 (YAML specs are UTF-8 text)".to_owned()
            }
            Unreadable::Other(_) => "check that you may read the file".to_owned(),
        }
    }

    fn pos(&self) -> Pos {
        match self {
            Unreadable::NotUtf8 { line, column } => Pos {
                file: 0,
                line: *line,
                column: *column,
            },
            _ => Pos::default(),
        }
    }

    /// For a base file, whose error the loader words as "cannot read base spec `x`: {e}".
    fn into_io(self) -> io::Error {
        match self {
            Unreadable::NotFound => io::Error::new(io::ErrorKind::NotFound, "no such file"),
            Unreadable::Directory => {
                io::Error::new(io::ErrorKind::InvalidInput, "it is a directory")
            }
            Unreadable::NotUtf8 { line, column } => io::Error::new(
                io::ErrorKind::InvalidData,
                format!("it is not UTF-8 text (a bad byte on line {line}, column {column})"),
            ),
            Unreadable::Other(e) => io::Error::new(e.kind(), plain_io(&e)),
        }
    }
}

/// An I/O error's words without the `(os error N)` suffix.
fn plain_io(e: &io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    // "Permission denied" -> "permission denied", as the rest of the messages read.
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn read_text(path: &Path) -> Result<String, Unreadable> {
    if path.is_dir() {
        return Err(Unreadable::Directory);
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Unreadable::NotFound,
        io::ErrorKind::IsADirectory => Unreadable::Directory,
        _ => Unreadable::Other(e),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // `good` is valid UTF-8 by definition of `valid_up_to`.
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Unreadable::NotUtf8 {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    })
}

/// Loads the spec at `path` and the base files it extends, adding the text of each file read
/// to `texts` (under the path its diagnostics name it by).
pub(crate) fn load_path(path: &Path, texts: &mut Texts) -> Result<Loaded, Diagnostics> {
    let text = read_text(path).map_err(|why| {
        Diagnostics(vec![
            Diagnostic::new(path, why.pos(), why.message()).with_help(why.help(path))
        ])
    })?;
    let read: RefCell<Vec<(PathBuf, String)>> = RefCell::new(Vec::new());
    let loaded = load_str(path, &text, |base| {
        let base_text = read_text(base).map_err(Unreadable::into_io)?;
        read.borrow_mut()
            .push((base.to_path_buf(), base_text.clone()));
        Ok(base_text)
    });
    texts.insert(path.to_path_buf(), text);
    texts.extend(read.into_inner());
    loaded
}

/// Loads and validates the spec at `path` (see [`load_path`]). The diagnostics come in the
/// order of the files read (the spec's own first, then each base file's), each file's by
/// line and column.
pub(crate) fn check(path: &Path, texts: &mut Texts) -> Result<ProviderDef, Diagnostics> {
    let loaded = load_path(path, texts)?;
    oauth_codegen::validate::validate(&loaded).map_err(|diags| {
        let mut all = diags.sorted().0;
        let rank = |d: &Diagnostic| {
            loaded
                .files
                .iter()
                .position(|f| *f == d.file)
                .unwrap_or(usize::MAX)
        };
        all.sort_by_key(rank);
        Diagnostics(all)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_lose_their_os_code_and_capital() {
        let e = io::Error::from_raw_os_error(13);
        assert_eq!(plain_io(&e), "permission denied");
    }
}
