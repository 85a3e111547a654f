//! `oauth scopes PROVIDER [PATTERN]`: search a provider's scope catalogue.
//!
//! PROVIDER is a bundled provider (by id, Rust type name or display name, any case) or a spec
//! file (an argument with a `/` or ending in `.yaml`/`.yml`), so a spec being written can be
//! searched before it is bundled. Each scope is shown with its Rust path (from
//! `ProviderDef::scopes.names`: the constant code generation emits below `scopes::`) and the
//! authorize parameter it is sent in (`scope`, or a further one such as Slack's
//! `user_scope`).
//!
//! PATTERN matches the scope string or its Rust path, ignoring case: a plain word anywhere in
//! them; with `*`, the whole string, `*` standing for any run of characters. Like `grep`, a
//! pattern that matches nothing exits with status 1.

use std::path::Path;
use std::process::ExitCode;

use oauth_model::ProviderDef;
use serde::Serialize;

use crate::bundled::{self, Found};
use crate::cli::{Format, ScopesArgs};
use crate::report::{self, Texts};
use crate::term;

/// One scope as `--format json` writes it.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub(crate) struct ScopeRow {
    /// The provider's string (`ZohoCRM.modules.ALL`).
    pub(crate) scope: String,
    /// The generated constant (`scopes::modules::ALL`).
    pub(crate) rust_path: String,
    /// The authorize parameter it is sent in (`scope`).
    pub(crate) param: String,
}

/// Every scope of `def`'s catalogue, in catalogue order.
pub(crate) fn rows(def: &ProviderDef) -> Vec<ScopeRow> {
    let Some(s) = &def.scopes else {
        return Vec::new();
    };
    let mut params = s.param_of.chars();
    s.catalogue
        .iter()
        .zip(s.names.iter())
        .map(|(scope, name)| {
            let index = params
                .next()
                .and_then(|c| c.to_digit(36))
                .and_then(|d| usize::try_from(d).ok())
                .unwrap_or(0);
            ScopeRow {
                scope: scope.to_owned(),
                rust_path: format!("scopes::{name}"),
                param: s
                    .params
                    .get(index)
                    .map_or_else(|| "scope".to_owned(), |p| p.to_string()),
            }
        })
        .collect()
}

/// Whether `row` matches `pattern` (see the module docs).
pub(crate) fn matches(row: &ScopeRow, pattern: &str) -> bool {
    let pattern = pattern.to_lowercase();
    [&row.scope, &row.rust_path].iter().any(|text| {
        let text = text.to_lowercase();
        if pattern.contains('*') {
            glob(&pattern, &text)
        } else {
            text.contains(&pattern)
        }
    })
}

/// Whether `text` is `pattern` with each `*` standing for any run of characters.
fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    // The last `*` seen, and the text position it was tried from.
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == t[ti] => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                // Let the last `*` swallow one more character and retry.
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Whether a PROVIDER argument names a spec file rather than a bundled provider.
pub(crate) fn is_path(arg: &str) -> bool {
    arg.contains('/')
        || arg.contains(std::path::MAIN_SEPARATOR)
        || arg.ends_with(".yaml")
        || arg.ends_with(".yml")
}

/// The provider named by a PROVIDER argument (with the name to show for it), or the error
/// to print.
pub(crate) fn resolve(arg: &str) -> Result<(String, ProviderDef), String> {
    if is_path(arg) {
        let mut texts = Texts::new();
        return match crate::source::check(Path::new(arg), &mut texts) {
            Ok(def) => Ok((arg.to_owned(), def)),
            Err(diags) => Err(report::render_failure(
                &diags,
                &texts,
                &format!(
                    "cannot read the scopes of `{arg}`: {}",
                    report::count(diags.0.len(), "error")
                ),
                "fix the errors above (`oauth validate` shows them too)",
            )),
        };
    }
    match bundled::find(arg) {
        Found::Provider(b, def) => Ok((b.id().to_owned(), *def)),
        Found::Broken(b, diags) => Err(report::render_failure(
            &diags,
            &bundled::texts(),
            &format!("the bundled spec `{}` does not validate", b.file),
            "this build of oauth is broken; rebuild it from a commit whose specs validate",
        )),
        Found::Unknown { suggestion } => {
            let list = "`oauth providers` lists them; a spec file works too (`./my_spec.yaml`)";
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`? {list}"),
                None => list.to_owned(),
            };
            Err(format!(
                "{}\n",
                report::render_error(
                    &format!("no bundled provider is called `{arg}`"),
                    Some(&help),
                )
            ))
        }
    }
}

/// Runs `oauth scopes`.
pub(crate) fn run(args: &ScopesArgs) -> ExitCode {
    let (id, def) = match resolve(&args.provider) {
        Ok(found) => found,
        Err(text) => {
            term::err(&text);
            return ExitCode::FAILURE;
        }
    };
    let all = rows(&def);
    let total = all.len();
    let found: Vec<ScopeRow> = match &args.pattern {
        Some(p) => all.into_iter().filter(|r| matches(r, p)).collect(),
        None => all,
    };

    match args.format {
        Format::Json => match serde_json::to_string_pretty(&found) {
            Ok(text) => term::out(&format!("{text}\n")),
            Err(e) => {
                term::err(&report::render_error(
                    &format!("cannot write the scopes as JSON: {e}"),
                    Some("this is a bug in oauth-cli; please report it"),
                ));
                return ExitCode::FAILURE;
            }
        },
        Format::Human if !found.is_empty() => {
            let cells: Vec<[String; 3]> = found
                .iter()
                .map(|r| [r.scope.clone(), r.rust_path.clone(), r.param.clone()])
                .collect();
            term::out(&crate::table::render(
                &["SCOPE", "RUST PATH", "PARAMETER"],
                &cells,
                &[term::NAME],
            ));
            if def.scopes.as_ref().is_some_and(|s| s.open) {
                term::err(&format!(
                    "note: {}'s catalogue is open: scope strings outside it may be asked for \
                     too (`Scope::other`)\n",
                    def.display_name
                ));
            }
        }
        Format::Human => {}
    }

    if !found.is_empty() {
        return ExitCode::SUCCESS;
    }
    match &args.pattern {
        None => {
            if args.format == Format::Human {
                term::err(&format!(
                    "{} has no scopes: its spec has no `scopes:` catalogue\n",
                    def.display_name
                ));
            }
            ExitCode::SUCCESS
        }
        Some(p) => {
            if args.format == Format::Human {
                let (message, help) = if total == 0 {
                    (
                        format!("{} has no scopes, so none matches `{p}`", def.display_name),
                        "`oauth providers` shows how many scopes each provider has".to_owned(),
                    )
                } else {
                    (
                        format!("no scope of {} matches `{p}`", def.display_name),
                        format!(
                            "`oauth scopes {id}` lists all {total}; a plain word matches \
                             anywhere, `*` any run of characters (`'*.read'`)"
                        ),
                    )
                };
                term::err(&format!(
                    "{}\n",
                    report::render_error(&message, Some(&help))
                ));
            }
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_stars_match_any_run() {
        assert!(glob("*.read", "zohoprojects.portals.read"));
        assert!(glob("zoho*portals*", "zohoprojects.portals.read"));
        assert!(glob("*", ""));
        assert!(glob("a*b*c", "aXbYbc"));
        assert!(!glob("*.read", "zohoprojects.portals.readx"));
        assert!(!glob("a*", "ba"));
    }

    #[test]
    fn a_pattern_matches_the_scope_or_its_rust_path_in_any_case() {
        let row = ScopeRow {
            scope: "https://www.googleapis.com/auth/drive.readonly".to_owned(),
            rust_path: "scopes::drive::readonly".to_owned(),
            param: "scope".to_owned(),
        };
        assert!(matches(&row, "DRIVE.read"));
        assert!(matches(&row, "drive::readonly"));
        assert!(matches(&row, "scopes::*::readonly"));
        assert!(matches(&row, "https://*"));
        assert!(!matches(&row, "gmail"));
        assert!(!matches(&row, "drive*"));
    }

    #[test]
    fn paths_and_names_are_told_apart() {
        assert!(is_path("specs/x.yaml"));
        assert!(is_path("x.yml"));
        assert!(is_path("./x"));
        assert!(!is_path("zoho_crm"));
        assert!(!is_path("Zoho CRM"));
    }
}
