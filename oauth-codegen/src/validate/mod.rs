//! Semantic checks on a loaded spec, and its resolution into [`oauth_model::ProviderDef`].
//!
//! [`crate::load`] guarantees the YAML has the right shape; this module decides whether it
//! makes sense: names refer to things that exist, templates parse, URLs are https, durations
//! and scopes are well-formed. Every problem is collected with its file position before
//! anything is returned, so one run shows them all. Defaults are filled in here too, so the
//! resolved model carries no `Option` that merely means "unspecified".
//!
//! It never reads files (that is [`crate::load`]'s job) and never emits tokens (that is
//! [`crate::codegen`]'s): it only judges and resolves.
//!
//! Each section of a spec has one function (grouped in submodules by concern); each returns
//! its resolved part even after reporting an error, filling gaps with placeholders, so later
//! sections can still be checked. The placeholders never escape: [`validate`] returns the
//! model only when no problem was found.

use std::borrow::Cow;
use std::collections::BTreeMap;

use heck::{ToSnakeCase, ToUpperCamelCase};
use oauth_model::{ClientAuth, Deprecation, ProviderDef, Str};

use crate::diagnostics::{did_you_mean, Diagnostics};
use crate::load::Loaded;
use crate::spec::{self, Pos, Sp};

mod durations;
mod error_rules;
mod grants;
mod scopes;
mod templates;
mod tokens;
mod variables;

pub use durations::parse_duration;
pub use scopes::expand_alternatives;

/// Checks a loaded spec and resolves it into the model the runtime and code generator share.
///
/// Returns every problem found, sorted by position, when there is any.
///
/// ```
/// use std::path::Path;
/// use oauth_codegen::{load::load_str, validate::validate};
///
/// let yaml = "\
/// provider: { name: Example, display_name: Example }
/// endpoints:
///   authorize: { url: https://example.com/authorize }
///   token: { url: https://example.com/token }
/// grants:
///   authorization_code: {}
/// ";
/// let loaded = load_str(Path::new("example.yaml"), yaml, |_| {
///     Err(std::io::ErrorKind::NotFound.into())
/// })?;
/// let def = validate(&loaded)?;
/// assert_eq!(def.name, "Example");
/// assert_eq!(def.endpoint("token").map(|e| e.method), Some(oauth_model::Method::Post));
/// # Ok::<(), oauth_codegen::Diagnostics>(())
/// ```
pub fn validate(loaded: &Loaded) -> Result<ProviderDef, Diagnostics> {
    let mut cx = Ctx {
        loaded,
        diags: Diagnostics::default(),
    };
    let spec = &loaded.spec;

    let identity = provider(&mut cx, spec.provider.as_ref());
    let variables = variables::variables(&mut cx, &spec.variables);
    let endpoints = templates::endpoints(&mut cx, &spec.endpoints, &variables);
    let client_auth = spec
        .client_auth
        .as_ref()
        .map_or(ClientAuth::Basic, |c| c.value);
    let token_presentation = tokens::presentation(&mut cx, spec.token_presentation.as_ref());
    let scope_separator = spec
        .scopes
        .as_ref()
        .map_or(" ", |s| s.separator.value.as_str());
    let token_response = tokens::response(&mut cx, spec.token_response.as_ref(), scope_separator);
    let grants = grants::grants(
        &mut cx,
        &grants::Inputs {
            spec: &spec.grants,
            variables: &variables,
            endpoints: &endpoints,
            response: &token_response,
            presentation: &token_presentation,
            scope_separator,
        },
    );
    let lifetimes = durations::lifetimes(&mut cx, &spec.lifetimes);
    let limits = spec
        .limits
        .iter()
        .map(|l| durations::limit(&mut cx, l))
        .collect();
    let scopes = spec.scopes.as_ref().map(|s| scopes::scopes(&mut cx, s));
    let errors = error_rules::error_rules(&mut cx, &spec.errors);

    let def = ProviderDef {
        name: identity.name,
        display_name: identity.display_name,
        docs_url: identity.docs_url,
        description: identity.description,
        deprecated: identity.deprecated,
        variables: Cow::Owned(variables),
        endpoints: Cow::Owned(endpoints),
        client_auth,
        token_presentation,
        token_response,
        grants,
        lifetimes,
        limits: Cow::Owned(limits),
        scopes,
        errors: Cow::Owned(errors),
    };
    cx.diags.finish(def)
}
/// The validation run: the spec's files (for positions) and the problems found so far.
struct Ctx<'a> {
    loaded: &'a Loaded,
    diags: Diagnostics,
}

impl Ctx<'_> {
    /// Records a problem at `pos`.
    fn error(&mut self, pos: Pos, message: impl Into<String>) {
        let d = self.loaded.diag(pos, message);
        self.diags.push(d);
    }

    /// Records a problem at `pos` with what would be right.
    fn error_help(&mut self, pos: Pos, message: impl Into<String>, help: impl Into<String>) {
        let d = self.loaded.diag(pos, message).with_help(help);
        self.diags.push(d);
    }

    /// `on line N` when `pos` is in the spec itself, `at file:line:column` otherwise (a base
    /// file), for messages that point back at an earlier occurrence.
    fn describe(&self, pos: Pos) -> String {
        if pos.file == 0 {
            format!("on line {}", pos.line)
        } else {
            format!("at {}", self.loaded.diag(pos, "").location())
        }
    }
}

fn owned(s: &str) -> Str {
    Cow::Owned(s.to_string())
}

/// A map's entries in the order they were written (file, line, column), so that enums,
/// arguments and lists generated from them follow the spec rather than the alphabet.
fn in_order<K, V>(map: &BTreeMap<Sp<K>, V>) -> Vec<(&Sp<K>, &V)> {
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort_by_key(|(k, _)| k.pos);
    entries
}

/// Help for an unknown name: the closest candidate, or the list of them.
fn unknown_help(word: &str, candidates: &[&str], listing: &str) -> String {
    match did_you_mean(word, candidates.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if candidates.is_empty() => format!("{listing}: none"),
        None => format!("{listing}: {}", candidates.join(", ")),
    }
}

/// Strict and reserved keywords of Rust 2021 and 2024 (weak keywords such as `union` are
/// usable as identifiers and are left out).
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

fn is_keyword(s: &str) -> bool {
    RUST_KEYWORDS.contains(&s)
}

fn is_snake_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !is_keyword(s)
}

fn is_upper_camel_ident(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && !is_keyword(s)
}

/// Checks that `name` (of a `what`: "variable", "custom grant", ...) is a snake_case Rust
/// identifier, since code generation turns it into a field, argument or method name.
fn check_snake_case(cx: &mut Ctx<'_>, what: &str, name: &Sp<String>) {
    if is_snake_ident(name) {
        return;
    }
    if is_keyword(name) {
        cx.error_help(
            name.pos,
            format!("{what} name `{}` is a Rust keyword", name.value),
            format!("choose another name, such as `{}_`", name.value),
        );
        return;
    }
    let fixed = name.to_snake_case();
    let help = if is_snake_ident(&fixed) {
        format!("did you mean `{fixed}`?")
    } else {
        "use lowercase letters, digits and `_`, starting with a letter".to_string()
    };
    cx.error_help(
        name.pos,
        format!(
            "{what} name `{}` is not a snake_case identifier",
            name.value
        ),
        help,
    );
}

/// The `provider` section, resolved.
struct Identity {
    name: Str,
    display_name: Str,
    docs_url: Option<Str>,
    description: Option<Str>,
    deprecated: Option<Deprecation>,
}

fn provider(cx: &mut Ctx<'_>, info: Option<&spec::ProviderInfo>) -> Identity {
    let Some(info) = info else {
        cx.error_help(
            Pos::default(),
            "missing `provider` section",
            "add `provider:` with `name` (the Rust type name) and `display_name`, here or in \
             the spec this one `extends`",
        );
        return Identity {
            name: Cow::Borrowed(""),
            display_name: Cow::Borrowed(""),
            docs_url: None,
            description: None,
            deprecated: None,
        };
    };
    let name = &info.name;
    if is_keyword(name) {
        cx.error_help(
            name.pos,
            format!("provider name `{}` is a Rust keyword", name.value),
            "the name becomes the client's type name; choose another",
        );
    } else if !is_upper_camel_ident(name) {
        let fixed = name.to_upper_camel_case();
        let help = if is_upper_camel_ident(&fixed) {
            format!("did you mean `{fixed}`?")
        } else {
            "use letters and digits, starting with an uppercase letter (`ZohoProjects`)".to_string()
        };
        cx.error_help(
            name.pos,
            format!(
                "provider name `{}` is not an UpperCamelCase Rust identifier",
                name.value
            ),
            help,
        );
    }
    if info.display_name.trim().is_empty() {
        cx.error(info.display_name.pos, "provider `display_name` is empty");
    }
    if let Some(docs) = &info.docs_url {
        if !matches!(url::Url::parse(docs), Ok(u) if u.scheme() == "https" || u.scheme() == "http")
        {
            cx.error_help(
                docs.pos,
                format!("invalid docs URL `{}`", docs.value),
                "give an absolute http(s) URL",
            );
        }
    }
    Identity {
        name: owned(name),
        display_name: owned(&info.display_name),
        docs_url: info.docs_url.as_ref().map(|d| owned(d)),
        description: info.description.as_deref().map(owned),
        deprecated: info.deprecated.as_ref().map(|d| deprecation(cx, d)),
    }
}

/// A deprecation notice; `since` must be a `YYYY-MM-DD` date.
fn deprecation(cx: &mut Ctx<'_>, d: &spec::Deprecation) -> Deprecation {
    let b = d.since.as_bytes();
    let is_date = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !is_date {
        cx.error_help(
            d.since.pos,
            format!("deprecation date `{}` is not a date", d.since.value),
            "write it as `YYYY-MM-DD`",
        );
    }
    Deprecation {
        since: owned(&d.since),
        note: owned(&d.note),
        replacement: d.replacement.as_deref().map(owned),
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_cases() {
        assert!(is_snake_ident("data_center"));
        assert!(is_snake_ident("v2"));
        assert!(!is_snake_ident("dataCenter"));
        assert!(!is_snake_ident("_x"));
        assert!(!is_snake_ident("2x"));
        assert!(!is_snake_ident("type"));
        assert!(is_upper_camel_ident("ZohoCRM"));
        assert!(is_upper_camel_ident("Nest"));
        assert!(!is_upper_camel_ident("zoho"));
        assert!(!is_upper_camel_ident("Zoho_Crm"));
        assert!(!is_upper_camel_ident("Self"));
    }
}
