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
use oauth_model::{Deprecation, FactDef, ProviderDef, Str};

use crate::diagnostics::{did_you_mean, Diagnostics};
use crate::load::Loaded;
use crate::spec::{self, Pos, Sp};

mod auth;
mod connection;
mod durations;
mod error_rules;
mod grants;
mod names;
mod oidc;
mod presentation;
mod response;
mod scopes;
mod templates;
mod variables;

pub use durations::{parse_duration, MAX_DURATION_SECS};
pub use oidc::{ID_TOKEN_ALGORITHMS, MAX_CLOCK_SKEW_SECS};
pub use scopes::expand_alternatives;
pub use scopes::{rust_path, ScopeName};

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
        facts: Vec::new(),
    };
    let spec = &loaded.spec;

    let identity = provider(&mut cx, spec.provider.as_ref());
    let variables = variables::variables(&mut cx, &spec.variables);
    let connection = connection::connection(&mut cx, &spec.connection);
    let names = templates::Names {
        variables: &variables,
        connection: &connection,
    };
    let endpoints = templates::endpoints(&mut cx, &spec.endpoints, &names);
    let client_auth = auth::client_auth(&mut cx, spec.client_auth.as_ref(), &names);
    let token_request = auth::token_request(&mut cx, spec.token_request.as_ref(), &names);
    let param_names = auth::param_names(&mut cx, &spec.param_names);
    let token_presentation = presentation::presentation(
        &mut cx,
        spec.token_presentation.as_ref(),
        "token_presentation",
    );
    let api = presentation::api(&mut cx, spec.api.as_ref(), &names);
    let scope_separator = spec
        .scopes
        .as_ref()
        .and_then(|s| s.separator.as_ref())
        .map_or(" ", |s| s.value.as_str());
    let token_response = response::response(
        &mut cx,
        spec.token_response.as_ref(),
        scope_separator,
        "token_response",
    );
    let grants = grants::grants(
        &mut cx,
        &grants::Inputs {
            spec: &spec.grants,
            names: &names,
            endpoints: &endpoints,
            response: &token_response,
            presentation: &token_presentation,
            scope_separator,
        },
    );
    let lifetimes = durations::lifetimes(&mut cx, &spec.lifetimes);
    let scopes = spec.scopes.as_ref().map(|s| scopes::scopes(&mut cx, s));
    let errors = error_rules::error_rules(&mut cx, &spec.errors);
    let oidc = spec.oidc.as_ref().map(|o| oidc::oidc(&mut cx, o, &names));
    let limits = spec
        .limits
        .iter()
        .map(|l| durations::limit(&mut cx, l, &errors))
        .collect();

    let mut def = ProviderDef {
        name: identity.name,
        display_name: identity.display_name,
        docs_url: identity.docs_url,
        description: identity.description,
        deprecated: identity.deprecated,
        variables: Cow::Owned(variables),
        connection: Cow::Owned(connection),
        endpoints: Cow::Owned(endpoints),
        client_auth,
        token_request,
        param_names: Cow::Owned(param_names),
        token_presentation,
        api,
        token_response,
        grants,
        lifetimes,
        limits: Cow::Owned(limits),
        scopes,
        errors: Cow::Owned(errors),
        oidc,
        facts: Cow::Owned(Vec::new()),
    };
    connection::check_requests(&mut cx, &spec.connection, &def);
    templates::check_connection_use(&mut cx, &spec.endpoints, &def);
    names::check(&mut cx, spec, &def);
    def.facts = Cow::Owned(std::mem::take(&mut cx.facts));
    cx.diags.finish(def)
}
/// The validation run: the spec's files (for positions), the problems found so far, and the
/// facts with their sources.
struct Ctx<'a> {
    loaded: &'a Loaded,
    diags: Diagnostics,
    facts: Vec<FactDef>,
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

    /// Records the fact at `path` with its source (checked: an absolute public URL) and
    /// note.
    fn fact(&mut self, path: impl Into<String>, source: Option<&Sp<String>>, note: Option<&str>) {
        if let Some(src) = source {
            check_source(self, src);
        }
        self.facts.push(FactDef {
            path: Cow::Owned(path.into()),
            source: source.map(|s| owned(s)),
            note: note.map(owned),
        });
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

/// A `source:` must be a public page: an absolute `https://` URL (`http://` is accepted for
/// old pages and RFC mirrors), never a local path.
fn check_source(cx: &mut Ctx<'_>, src: &Sp<String>) {
    let ok = matches!(
        url::Url::parse(src),
        Ok(u) if (u.scheme() == "https" || u.scheme() == "http") && u.host_str().is_some_and(|h| h.contains('.'))
    );
    if !ok {
        cx.error_help(
            src.pos,
            format!("source `{}` is not a public web page", src.value),
            "cite the vendor's page as an absolute https:// URL",
        );
    }
}

/// A whole number in `range`, or a message that says the range.
fn in_range(
    cx: &mut Ctx<'_>,
    what: &str,
    value: &Sp<i64>,
    range: std::ops::RangeInclusive<i64>,
) -> Option<i64> {
    if range.contains(&value.value) {
        return Some(value.value);
    }
    cx.error(
        value.pos,
        format!(
            "{what} {} is out of range {}..={}",
            value.value,
            range.start(),
            range.end()
        ),
    );
    None
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
    // `docs_url` was checked above; only a separate `source` needs the source check.
    match &info.source {
        Some(src) => cx.fact("provider", Some(src), info.note.as_deref()),
        None => {
            let docs = info.docs_url.clone().filter(|d| d.starts_with("http"));
            cx.facts.push(FactDef {
                path: Cow::Borrowed("provider"),
                source: docs.as_ref().map(|d| owned(d)),
                note: info.note.as_deref().map(owned),
            });
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
