//! Reading spec files: YAML text to [`Spec`], with `extends:` resolved.
//!
//! YAML is read with `serde-saphyr` (maintained, panic-free, and its `Spanned<T>` gives every
//! value a line and column; `serde_yaml` is archived and gives none). Syntax errors, unknown
//! keys and wrong types become [`Diagnostic`]s with the file's position; unknown keys get a
//! did-you-mean.
//!
//! `extends:` is resolved *after* each file is deserialised, by merging [`Spec`] values
//! section by section, so every value keeps the position in the file it was written in.
//! This module never judges whether a spec makes sense: that is [`crate::validate`]'s job.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics};
use crate::spec::{self, Pos, Spec};

/// A spec with its base files merged in.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The merged spec.
    pub spec: Spec,
    /// The files read, indexed by [`Pos::file`]; index 0 is the spec itself.
    pub files: Vec<PathBuf>,
}

impl Loaded {
    /// A diagnostic at `pos`, naming the file it belongs to.
    pub fn diag(&self, pos: Pos, message: impl Into<String>) -> Diagnostic {
        let file = self
            .files
            .get(usize::from(pos.file))
            .cloned()
            .unwrap_or_default();
        Diagnostic::new(file, pos, message)
    }
}

/// How deep `extends:` chains may go (a guard against runaway chains, not a real need).
const MAX_DEPTH: usize = 8;

/// Reads and merges the spec at `path` from the file system. `extends:` may name any file;
/// [`load_file_in`] confines it.
pub fn load_file(path: &Path) -> Result<Loaded, Diagnostics> {
    load_file_with(path, None)
}

/// Reads and merges the spec at `path`, refusing an `extends:` that names a file outside
/// `root` (absolute paths, `..` or symlinks leading out) unless the file that names it says
/// `extends_outside_crate: true`. `provider!` passes the invoking crate's directory, so a
/// spec cannot make the build read, or a compile error echo, a file from elsewhere.
pub fn load_file_in(path: &Path, root: &Path) -> Result<Loaded, Diagnostics> {
    load_file_with(path, Some(root))
}

fn load_file_with(path: &Path, root: Option<&Path>) -> Result<Loaded, Diagnostics> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let (message, help) = match e.kind() {
            std::io::ErrorKind::NotFound => (
                "spec file not found".to_string(),
                "the path is relative to the root of the crate that invokes `provider!` (the \
                 directory of its Cargo.toml)",
            ),
            std::io::ErrorKind::InvalidData => (
                "the spec file is not UTF-8 text".to_string(),
                "save the spec as UTF-8 (YAML files are UTF-8)",
            ),
            _ => (
                format!("cannot read spec file: {e}"),
                "the path is relative to the root of the crate that invokes `provider!` (the \
                 directory of its Cargo.toml)",
            ),
        };
        Diagnostics(vec![
            Diagnostic::new(path, Pos::default(), message).with_help(help)
        ])
    })?;
    load_str_in(path, &text, root, |p| std::fs::read_to_string(p))
}

/// Reads and merges a spec given as text; `read` fetches the files named by `extends:`
/// (paths relative to the directory of `path`).
pub fn load_str(
    path: &Path,
    text: &str,
    read: impl Fn(&Path) -> std::io::Result<String>,
) -> Result<Loaded, Diagnostics> {
    load_str_in(path, text, None, read)
}

/// [`load_str`], with `extends:` confined to `root` as [`load_file_in`] does.
pub fn load_str_in(
    path: &Path,
    text: &str,
    root: Option<&Path>,
    read: impl Fn(&Path) -> std::io::Result<String>,
) -> Result<Loaded, Diagnostics> {
    let mut files = vec![path.to_path_buf()];
    let mut spec = parse(path, text, 0)?;
    let mut chain = vec![spec.clone()];
    let mut current_path = path.to_path_buf();
    while let Some(ext) = chain.last().and_then(|s| s.extends.clone()) {
        let base_path = current_path
            .parent()
            .unwrap_or_else(|| Path::new(""))
            .join(&ext.value);
        let file_of_ext = files
            .get(usize::from(ext.pos.file))
            .cloned()
            .unwrap_or_default();
        if files.contains(&base_path) {
            return Err(Diagnostics(vec![Diagnostic::new(
                file_of_ext,
                ext.pos,
                format!("`extends` forms a cycle through `{}`", ext.value),
            )
            .with_help("a base spec must not extend the spec that extends it")]));
        }
        if files.len() > MAX_DEPTH {
            return Err(Diagnostics(vec![Diagnostic::new(
                file_of_ext,
                ext.pos,
                format!("`extends` chain is deeper than {MAX_DEPTH} files"),
            )]));
        }
        let allowed_outside = chain.last().is_some_and(|s| s.extends_outside_crate);
        if let Some(root) = root.filter(|_| !allowed_outside) {
            if !inside(root, &base_path) {
                return Err(Diagnostics(vec![Diagnostic::new(
                    file_of_ext,
                    ext.pos,
                    format!(
                        "`extends` names `{}`, which is outside the crate that invokes \
                         `provider!`",
                        ext.value
                    ),
                )
                .with_help(
                    "copy the base spec into the crate, or say `extends_outside_crate: true` \
                     in this spec to allow it",
                )]));
            }
        }
        let base_text = read(&base_path).map_err(|e| {
            Diagnostics(vec![Diagnostic::new(
                file_of_ext.clone(),
                ext.pos,
                format!("cannot read base spec `{}`: {e}", ext.value),
            )
            .with_help(
                "`extends` takes a path relative to the spec file that names it",
            )])
        })?;
        let index = u16::try_from(files.len()).unwrap_or(u16::MAX);
        files.push(base_path.clone());
        let base = parse(&base_path, &base_text, index)?;
        chain.push(base);
        current_path = base_path;
    }
    // Merge from the deepest base up, each file overriding what it extends.
    if let Some(mut merged) = chain.pop() {
        while let Some(child) = chain.pop() {
            merged = merge(merged, child);
        }
        spec = merged;
    }
    Ok(Loaded { spec, files })
}

/// Whether `path` lies inside `root`: lexically (no `..` climbing out, not absolute
/// elsewhere) and, for files that exist, once symlinks are resolved.
fn inside(root: &Path, path: &Path) -> bool {
    let lexical = |p: &Path| {
        let mut out = PathBuf::new();
        for c in p.components() {
            match c {
                std::path::Component::ParentDir => {
                    if !out.pop() {
                        return None;
                    }
                }
                std::path::Component::CurDir => {}
                other => out.push(other.as_os_str()),
            }
        }
        Some(out)
    };
    let (Some(r), Some(p)) = (lexical(root), lexical(path)) else {
        return false;
    };
    if !p.starts_with(&r) {
        return false;
    }
    match (root.canonicalize(), path.canonicalize()) {
        (Ok(r), Ok(p)) => p.starts_with(r),
        // A file that does not exist is reported as missing by the read that follows.
        _ => true,
    }
}

fn parse(path: &Path, text: &str, index: u16) -> Result<Spec, Diagnostics> {
    spec::with_file(index, || serde_saphyr::from_str::<Spec>(text)).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| {
                (
                    u32::try_from(l.line()).unwrap_or(0),
                    u32::try_from(l.column()).unwrap_or(0),
                )
            })
            .unwrap_or((0, 0));
        Diagnostics(vec![serde_diagnostic(path, text, line, column, &e)])
    })
}

/// Turns a serde-saphyr error into one diagnostic: its message without the snippet (the
/// position already says where), plus a did-you-mean for unknown keys and variants.
fn serde_diagnostic(
    path: &Path,
    text: &str,
    line: u32,
    column: u32,
    e: &serde_saphyr::Error,
) -> Diagnostic {
    let full = e.to_string();
    // serde-saphyr renders "error: line L column C: <message>\n --> snippet"; keep the message.
    let first = full.lines().next().unwrap_or("").trim();
    let message = first
        .strip_prefix("error: ")
        .unwrap_or(first)
        .split_once(": ")
        .filter(|(head, _)| head.starts_with("line "))
        .map(|(_, m)| m)
        .unwrap_or(first)
        .to_string();
    let message = plain_type_error(&message, found_at(text, line, column)).unwrap_or(message);
    // "duplicate mapping key: note, set DuplicateKeyPolicy in Options if acceptable" gives
    // library advice; a spec writer needs to know the key is written twice.
    let duplicate = message
        .strip_prefix("duplicate mapping key: ")
        .map(|rest| rest.split(',').next().unwrap_or(rest).trim().to_string());
    let message = match &duplicate {
        Some(key) => format!("`{key}` is written twice in this mapping"),
        None => message,
    };
    let mut d = Diagnostic::new(
        path,
        Pos {
            file: 0,
            line,
            column,
        },
        message.clone(),
    );
    if duplicate.is_some() {
        d = d.with_help("keep one of the two");
    } else if let Some(help) = suggest_from_serde(&message) {
        d = d.with_help(help);
    } else if message == "mapping values are not allowed in this context" {
        d = d.with_help("a plain value cannot contain `: `; put it in quotes: `\"...\"`");
    }
    d
}

/// The YAML value written at `line:column` (1-based), up to the end of the line or a comment.
fn found_at(text: &str, line: u32, column: u32) -> Option<&str> {
    let l = text
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let start = l
        .char_indices()
        .nth(usize::try_from(column).ok()?.checked_sub(1)?)
        .map(|(i, _)| i)?;
    let rest = &l[start..];
    let rest = rest.split(" #").next().unwrap_or(rest).trim();
    (!rest.is_empty()).then_some(rest)
}

/// serde-saphyr's terse type errors ("invalid u32", "expected mapping start") in the words of
/// the spec, naming the value that was found.
fn plain_type_error(message: &str, found: Option<&str>) -> Option<String> {
    let expected = match message {
        "invalid u8" | "invalid u16" | "invalid u32" | "invalid u64" | "invalid usize" => {
            "a whole number (such as `6`)"
        }
        "invalid i8" | "invalid i16" | "invalid i32" | "invalid i64" | "invalid isize" => {
            "a whole number"
        }
        "invalid f32" | "invalid f64" => "a number",
        m if m.starts_with("invalid bool") => "`true` or `false`",
        "expected mapping start" => "a mapping (indented `key: value` lines, or `{}` for none)",
        "expected sequence start" => "a list (`- item` lines, or `[a, b]`)",
        _ => return None,
    };
    Some(match found {
        Some(found) => format!("expected {expected}, found `{found}`"),
        None => format!("expected {expected}"),
    })
}

/// "unknown field `display_nam`, expected one of name, display_name" -> "did you mean ...".
fn suggest_from_serde(message: &str) -> Option<String> {
    if !message.starts_with("unknown field") && !message.starts_with("unknown variant") {
        return None;
    }
    let bad = message.split('`').nth(1)?;
    let expected = message
        .split_once("expected one of ")
        .or_else(|| message.split_once("expected "))?
        .1;
    let candidates: Vec<&str> = expected
        .split(',')
        .map(|c| c.trim().trim_matches('`'))
        .filter(|c| !c.is_empty())
        .collect();
    // Without a close match there is no help: the message already lists the valid ones.
    did_you_mean(bad, candidates.iter().copied()).map(|best| format!("did you mean `{best}`?"))
}

/// `child` over `base`, section by section.
fn merge(base: Spec, child: Spec) -> Spec {
    Spec {
        schema: child.schema.or(base.schema),
        extends: child.extends,
        extends_outside_crate: child.extends_outside_crate,
        provider: child.provider.or(base.provider),
        variables: merge_map(base.variables, child.variables),
        connection: merge_map(base.connection, child.connection),
        endpoints: merge_map(base.endpoints, child.endpoints),
        client_auth: child.client_auth.or(base.client_auth),
        token_request: child.token_request.or(base.token_request),
        param_names: merge_map(base.param_names, child.param_names),
        token_presentation: child.token_presentation.or(base.token_presentation),
        api: child.api.or(base.api),
        token_response: child.token_response.or(base.token_response),
        grants: spec::Grants {
            authorization_code: child
                .grants
                .authorization_code
                .or(base.grants.authorization_code),
            pin: child.grants.pin.or(base.grants.pin),
            refresh_token: child.grants.refresh_token.or(base.grants.refresh_token),
            client_credentials: child
                .grants
                .client_credentials
                .or(base.grants.client_credentials),
            device_code: child.grants.device_code.or(base.grants.device_code),
            custom: merge_map(base.grants.custom, child.grants.custom),
        },
        lifetimes: spec::Lifetimes {
            authorization_code: child
                .lifetimes
                .authorization_code
                .or(base.lifetimes.authorization_code),
            pin_code: child.lifetimes.pin_code.or(base.lifetimes.pin_code),
            device_code: child.lifetimes.device_code.or(base.lifetimes.device_code),
            access_token: child.lifetimes.access_token.or(base.lifetimes.access_token),
            refresh_token: child
                .lifetimes
                .refresh_token
                .or(base.lifetimes.refresh_token),
            refresh_skew: child.lifetimes.refresh_skew.or(base.lifetimes.refresh_skew),
        },
        limits: merge_limits(base.limits, child.limits),
        scopes: child.scopes.or(base.scopes),
        // The product's own rules are tried before the shared ones.
        errors: child.errors.into_iter().chain(base.errors).collect(),
        oidc: child.oidc.or(base.oidc),
    }
}

/// A product adds its own limits to those of the platform it shares; a limit with the `id`
/// of a base limit replaces it (in the base's place).
fn merge_limits(base: Vec<spec::Limit>, child: Vec<spec::Limit>) -> Vec<spec::Limit> {
    let mut replaced: Vec<bool> = vec![false; child.len()];
    let mut out: Vec<spec::Limit> = base
        .into_iter()
        .map(|b| {
            let by_id = b.id().and_then(|id| {
                child
                    .iter()
                    .position(|c| c.id().is_some_and(|cid| cid.value == id.value))
            });
            match by_id {
                Some(i) => {
                    if let Some(slot) = replaced.get_mut(i) {
                        *slot = true;
                    }
                    child.get(i).cloned().unwrap_or(b)
                }
                None => b,
            }
        })
        .collect();
    out.extend(
        child
            .into_iter()
            .zip(replaced)
            .filter(|(_, r)| !r)
            .map(|(c, _)| c),
    );
    out
}

/// Key-by-key merge; a key in `child` replaces the same key in `base` (compared by value, not
/// position).
fn merge_map<K: Ord + Clone, V>(
    base: BTreeMap<spec::Sp<K>, V>,
    child: BTreeMap<spec::Sp<K>, V>,
) -> BTreeMap<spec::Sp<K>, V> {
    let mut by_value: BTreeMap<K, (spec::Sp<K>, V)> = base
        .into_iter()
        .map(|(k, v)| (k.value.clone(), (k, v)))
        .collect();
    for (k, v) in child {
        by_value.insert(k.value.clone(), (k, v));
    }
    by_value.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_files(_: &Path) -> std::io::Result<String> {
        Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no such file",
        ))
    }

    #[test]
    fn unknown_key_suggests_the_closest_valid_one() {
        let err = load_str(
            Path::new("specs/x.yaml"),
            "provider:\n  name: X\n  display_nam: X\n",
            no_files,
        )
        .unwrap_err();
        let d = &err.0[0];
        assert_eq!(d.location(), "specs/x.yaml:3:3");
        assert!(
            d.message.starts_with("unknown field `display_nam`"),
            "{}",
            d.message
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `display_name`?"));
    }

    #[test]
    fn extends_merges_sections_and_keeps_each_files_positions() {
        let base = "endpoints:\n  token:\n    url: https://a/token\n  authorize:\n    url: https://a/auth\nerrors:\n  - code: base\n    meaning: server_error\n";
        let child = "extends: base.yaml\nendpoints:\n  token:\n    url: https://b/token\nerrors:\n  - code: child\n    meaning: bad_request\n";
        let loaded = load_str(Path::new("specs/child.yaml"), child, |p| {
            assert_eq!(p, Path::new("specs/base.yaml"));
            Ok(base.to_string())
        })
        .unwrap();
        let token = loaded
            .spec
            .endpoints
            .iter()
            .find(|(k, _)| k.value == "token")
            .unwrap();
        assert_eq!(token.1.url.value, "https://b/token");
        assert_eq!(token.1.url.pos.file, 0);
        let auth = loaded
            .spec
            .endpoints
            .iter()
            .find(|(k, _)| k.value == "authorize")
            .unwrap();
        assert_eq!(auth.1.url.pos.file, 1);
        assert_eq!(loaded.files[1], Path::new("specs/base.yaml"));
        let codes: Vec<_> = loaded
            .spec
            .errors
            .iter()
            .map(|e| e.code.value.as_str())
            .collect();
        assert_eq!(codes, ["child", "base"]);
    }

    #[test]
    fn extends_cycle_is_reported_at_the_extends_line() {
        let err = load_str(Path::new("a.yaml"), "extends: a.yaml\n", |_| {
            Ok("extends: a.yaml\n".to_string())
        })
        .unwrap_err();
        assert!(err.0[0].message.contains("cycle"), "{}", err);
    }

    fn never_read(p: &Path) -> std::io::Result<String> {
        panic!("{} was read", p.display())
    }

    #[test]
    fn extends_outside_the_crate_is_refused_before_anything_is_read() {
        let root = Path::new("/crate");
        for target in [
            "../../etc/passwd",
            "/etc/passwd",
            "../../../crate-other/x.yaml",
        ] {
            let text = format!("extends: {target}\n");
            let err = load_str_in(
                Path::new("/crate/specs/a.yaml"),
                &text,
                Some(root),
                never_read,
            )
            .unwrap_err();
            let d = &err.0[0];
            assert!(d.message.contains("outside the crate"), "{target}: {d}");
            assert_eq!(d.location(), "/crate/specs/a.yaml:1:10");
        }
    }

    #[test]
    fn extends_inside_the_crate_or_opted_out_is_read() {
        let root = Path::new("/crate");
        let base = |p: &Path| -> std::io::Result<String> {
            assert!(p.ends_with("base.yaml"), "{}", p.display());
            Ok("errors: []\n".to_string())
        };
        load_str_in(
            Path::new("/crate/specs/a.yaml"),
            "extends: ../base.yaml\n",
            Some(root),
            base,
        )
        .unwrap();
        load_str_in(
            Path::new("/crate/specs/a.yaml"),
            "extends: /elsewhere/base.yaml\nextends_outside_crate: true\n",
            Some(root),
            base,
        )
        .unwrap();
    }

    #[test]
    fn a_file_outside_the_crate_is_never_echoed() {
        let dir = std::env::temp_dir().join(format!("oauth-load-{}", std::process::id()));
        let root = dir.join("crate");
        std::fs::create_dir_all(root.join("specs")).unwrap();
        std::fs::write(dir.join("secret.yaml"), "provider: SECRET-FIRST-LINE\n").unwrap();
        let spec = root.join("specs/a.yaml");
        std::fs::write(&spec, "extends: ../../secret.yaml\n").unwrap();
        let err = load_file_in(&spec, &root).unwrap_err();
        let shown = err.to_string();
        assert!(!shown.contains("SECRET"), "{shown}");
        assert!(shown.contains("outside the crate"), "{shown}");
        // Through a symlink inside the crate, too.
        #[cfg(unix)]
        {
            let link = root.join("specs/link.yaml");
            let _ = std::fs::remove_file(&link);
            std::os::unix::fs::symlink(dir.join("secret.yaml"), &link).unwrap();
            std::fs::write(&spec, "extends: link.yaml\n").unwrap();
            let shown = load_file_in(&spec, &root).unwrap_err().to_string();
            assert!(!shown.contains("SECRET"), "{shown}");
            assert!(shown.contains("outside the crate"), "{shown}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_base_names_the_extends_value() {
        let err =
            load_str(Path::new("specs/a.yaml"), "extends: nope.yaml\n", no_files).unwrap_err();
        assert_eq!(err.0[0].location(), "specs/a.yaml:1:10");
        assert!(err.0[0].message.contains("nope.yaml"));
    }
}
