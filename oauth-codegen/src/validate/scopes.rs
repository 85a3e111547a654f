//! `scopes:`: the syntax (`ZohoProjects.{module}.{operation}`), the catalogue with its
//! `{a,b,c}` alternatives expanded, and the default scopes.

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::{ScopesDef, Str};

use super::templates::{split_placeholders, Piece};
use super::{in_order, owned, unknown_help, Ctx};
use crate::spec::{CatalogueEntry, Pos, Scopes, ShortOrLong, Sp};

/// How many scopes one catalogue entry may expand to (a guard against typos such as a
/// pattern with ten large groups, not a real limit of providers).
const MAX_EXPANSION: usize = 10_000;

/// Expands `{a,b,c}` alternatives into every combination, in the order written (the
/// cartesian product of the groups, the last group varying fastest).
///
/// ```
/// use oauth_codegen::validate::expand_alternatives;
///
/// assert_eq!(
///     expand_alternatives("Z.{a,b}.{READ,ALL}").unwrap(),
///     ["Z.a.READ", "Z.a.ALL", "Z.b.READ", "Z.b.ALL"],
/// );
/// assert!(expand_alternatives("Z.{a,b").is_err());
/// ```
pub fn expand_alternatives(pattern: &str) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = pattern;
    while !rest.is_empty() {
        let next = rest.find(['{', '}']).unwrap_or(rest.len());
        let (lit, tail) = rest.split_at(next);
        for s in &mut out {
            s.push_str(lit);
        }
        let Some(after) = tail.strip_prefix('{') else {
            if tail.starts_with('}') {
                return Err("unbalanced `}`".to_string());
            }
            break;
        };
        let end = after.find('}').ok_or("unbalanced `{`")?;
        let group = &after[..end];
        if group.contains('{') {
            return Err("nested `{` in alternatives".to_string());
        }
        let alternatives: Vec<&str> = group.split(',').collect();
        // One empty alternative is "nothing here" (`repo{,:status}`: `repo`, `repo:status`);
        // a group of nothing but empties is a typo.
        if alternatives.iter().all(|a| a.is_empty()) {
            return Err(format!("empty alternatives in `{{{group}}}`"));
        }
        if out.len().saturating_mul(alternatives.len()) > MAX_EXPANSION {
            return Err(format!("expands to more than {MAX_EXPANSION} scopes"));
        }
        out = out
            .iter()
            .flat_map(|s| alternatives.iter().map(move |a| format!("{s}{a}")))
            .collect();
        rest = &after[end + 1..];
    }
    Ok(out)
}

/// The shape every scope has: a fixed prefix, then segments joined by a separator.
struct Syntax<'a> {
    prefix: &'a str,
    segment_separator: &'a str,
}

/// `Z.{module}.{operation}` -> prefix `Z.`, separator `.`, placeholders `module, operation`.
fn syntax(text: &str) -> Result<Syntax<'_>, String> {
    // Scopes are joined with a separator in requests and kept newline-joined in the model's
    // catalogue, so no scope may contain whitespace; the prefix is the only place it could
    // come from (segments are identifiers).
    if let Some(c) = text.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "contains {c:?}: a scope cannot contain whitespace or control characters"
        ));
    }
    let pieces = split_placeholders(text)?;
    let placeholders: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Hole(h) => Some(*h),
            Piece::Lit(_) => None,
        })
        .collect();
    if placeholders.is_empty() {
        return Err("has no `{placeholder}`".to_string());
    }
    let prefix = match pieces.first() {
        Some(Piece::Lit(l)) => l,
        _ => "",
    };
    // The literal right after the first placeholder, if a second placeholder follows it.
    let first_hole = pieces
        .iter()
        .position(|p| matches!(p, Piece::Hole(_)))
        .unwrap_or(0);
    let segment_separator = match (pieces.get(first_hole + 1), pieces.get(first_hole + 2)) {
        (Some(Piece::Lit(l)), Some(Piece::Hole(_))) => l,
        _ => "",
    };
    Ok(Syntax {
        prefix,
        segment_separator,
    })
}

/// The Rust identifier text code generation uses for one path segment (see [`rust_path`]):
/// a keyword becomes raw (`r#type`); `self`, `Self`, `super` and `crate`, which cannot be
/// raw, get a trailing `_`.
pub fn rust_ident_text(segment: &str) -> String {
    match segment {
        "self" | "Self" | "super" | "crate" | "_" => format!("{segment}_"),
        s if super::is_keyword(s) => format!("r#{s}"),
        s => s.to_string(),
    }
}

/// The documented mapping from a scope to its path below `scopes::` (before the family's
/// module): strip `prefix`; split the rest at each character of `split`; drop empty segments;
/// in each segment, turn every run of characters other than `A-Z a-z 0-9 _` into one `_`,
/// drop leading and trailing `_`, and put `_` before a leading digit.
///
/// ```
/// use oauth_codegen::validate::rust_path;
///
/// let google = "https://www.googleapis.com/auth/";
/// assert_eq!(rust_path("https://www.googleapis.com/auth/drive.readonly", google, ".:/").unwrap(),
///            ["drive", "readonly"]);
/// assert_eq!(rust_path("user-read-email", "", ".:/").unwrap(), ["user_read_email"]);
/// assert_eq!(rust_path("chat:write.public", "", ".:/").unwrap(), ["chat", "write", "public"]);
/// assert_eq!(rust_path(".default", "", ".:/").unwrap(), ["default"]);
/// assert_eq!(rust_path("ZohoProjects.portals.READ", "ZohoProjects.", ".:/").unwrap(),
///            ["portals", "READ"]);
/// assert!(rust_path("https://mail.google.com/", "https://mail.google.com/", ".:/").is_err());
/// ```
pub fn rust_path(scope: &str, prefix: &str, split: &str) -> Result<Vec<String>, String> {
    let rest = scope
        .strip_prefix(prefix)
        .ok_or_else(|| format!("does not start with the family's prefix `{prefix}`"))?;
    let segments: Vec<String> = rest
        .split(|c: char| split.contains(c))
        .filter(|s| !s.is_empty())
        .map(|seg| {
            let mut out = String::with_capacity(seg.len());
            let mut gap = false;
            for c in seg.chars() {
                if c.is_ascii_alphanumeric() || c == '_' {
                    if gap && !out.is_empty() {
                        out.push('_');
                    }
                    gap = false;
                    out.push(c);
                } else {
                    gap = true;
                }
            }
            let trimmed = out.trim_matches('_').to_string();
            if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                format!("_{trimmed}")
            } else {
                trimmed
            }
        })
        .filter(|s| !s.is_empty())
        .collect();
    if segments.is_empty() {
        return Err("maps to an empty name".to_string());
    }
    Ok(segments)
}

/// A scope's generated name: its path (the family's module first) and its parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeName {
    /// Identifier texts, outermost first.
    pub path: Vec<String>,
    /// Index into [`oauth_model::ScopesDef::params`].
    pub param: usize,
}

/// Names code generation emits in every scope module; no scope segment may take them.
const RESERVED_SEGMENTS: &[&str] = &[
    "Scope",
    "Tree",
    "TREE",
    "this",
    "IntoScope",
    "Unknown",
    "CATALOGUE",
    "PARAM_OF",
    "PARAMS",
];

/// The default segment separators of the naming rule.
const DEFAULT_SPLIT: &str = ".:/";

/// One family, as written (inline or under `families`).
struct Family<'s> {
    module: Option<&'s Sp<String>>,
    prefix: Option<&'s Sp<String>>,
    split: Option<&'s Sp<String>>,
    syntax: Option<&'s Sp<String>>,
    param: Option<&'s Sp<String>>,
    catalogue: &'s [Sp<ShortOrLong<CatalogueEntry>>],
    path: String,
    source: Option<&'s Sp<String>>,
    note: Option<&'s str>,
}

pub(super) fn scopes(cx: &mut Ctx<'_>, s: &Scopes) -> ScopesDef {
    let separator = s.separator.as_ref().map_or(" ", |s| s.value.as_str());
    let section = s.separator.as_ref().map(|s| s.pos).unwrap_or_default();
    if separator.is_empty() {
        cx.error_help(
            section,
            "scope separator is empty",
            "RFC 6749 joins scopes with a space: `separator: \" \"`",
        );
    }
    cx.fact("scopes", s.source.as_ref(), s.note.as_deref());
    let mut params: Vec<Str> = vec![Cow::Borrowed("scope")];
    for (name, _) in in_order(&s.params) {
        super::check_snake_case(cx, "scope parameter", name);
        if name.as_str() == "scope" {
            cx.error(name.pos, "`scope` is the scope parameter already");
        }
        params.push(owned(name));
    }
    let inline = !s.catalogue.is_empty() || s.syntax.is_some() || s.prefix.is_some();
    let mut families = Vec::new();
    if inline {
        families.push(Family {
            module: None,
            prefix: s.prefix.as_ref(),
            split: s.split.as_ref(),
            syntax: s.syntax.as_ref(),
            param: None,
            catalogue: &s.catalogue,
            path: "scopes".into(),
            source: None,
            note: None,
        });
    }
    for (i, f) in s.families.iter().enumerate() {
        families.push(Family {
            module: f.module.as_ref(),
            prefix: f.prefix.as_ref(),
            split: f.split.as_ref(),
            syntax: f.syntax.as_ref(),
            param: f.param.as_ref(),
            catalogue: &f.catalogue,
            path: format!(
                "scopes.families.{}",
                f.module
                    .as_ref()
                    .map_or_else(|| i.to_string(), |m| m.value.clone())
            ),
            source: f.source.as_ref(),
            note: f.note.as_deref(),
        });
    }
    if families.is_empty() && !s.open {
        cx.error_help(
            section,
            "the scopes section lists no scope",
            "a provider without scopes has no `scopes:` section; otherwise list them under \
             `catalogue:` (or `families:`), or say `open: true` for a provider whose scopes \
             are configured per tenant",
        );
    }

    // (scope, param) -> (name, where it was listed); path -> (scope, where).
    let mut by_scope: BTreeMap<(String, usize), (ScopeName, Pos)> = BTreeMap::new();
    let mut by_path: BTreeMap<Vec<String>, (String, Pos)> = BTreeMap::new();
    for fam in &families {
        if fam.source.is_some() || fam.note.is_some() {
            cx.fact(fam.path.clone(), fam.source, fam.note);
        }
        family(cx, fam, &params, &mut by_scope, &mut by_path);
    }

    let catalogue: Vec<&str> = by_scope.keys().map(|(s, _)| s.as_str()).collect();
    if !s.open {
        for d in &s.default {
            if !catalogue.contains(&d.as_str()) {
                cx.error_help(
                    d.pos,
                    format!("default scope `{}` is not in the catalogue", d.value),
                    unknown_help(d, &catalogue, "the catalogue"),
                );
            }
        }
    }
    let names: Vec<String> = by_scope.values().map(|(n, _)| n.path.join("::")).collect();
    let param_of: String = by_scope
        .values()
        .map(|(n, _)| char::from_digit(u32::try_from(n.param).unwrap_or(0), 36).unwrap_or('0'))
        .collect();
    ScopesDef {
        required: s.required,
        separator: owned(separator),
        params: Cow::Owned(params),
        // A BTreeMap's keys: sorted and unique.
        catalogue: by_scope.keys().map(|(s, _)| s.as_str()).collect(),
        names: names.iter().collect(),
        param_of: Cow::Owned(param_of),
        default: Cow::Owned(s.default.iter().map(|d| owned(d)).collect()),
        open: s.open,
    }
}

/// Expands and names the scopes of one family.
fn family(
    cx: &mut Ctx<'_>,
    fam: &Family<'_>,
    params: &[Str],
    by_scope: &mut BTreeMap<(String, usize), (ScopeName, Pos)>,
    by_path: &mut BTreeMap<Vec<String>, (String, Pos)>,
) {
    let syn = fam.syntax.and_then(|text| match syntax(text) {
        Ok(syn) => Some(syn),
        Err(e) => {
            cx.error_help(
                text.pos,
                format!("scope syntax `{}` {e}", text.value),
                "write the shape of one scope with a `{placeholder}` per part, such as \
                 `Zoho.{module}.{operation}`",
            );
            None
        }
    });
    let prefix = fam
        .prefix
        .map(|p| p.as_str())
        .or(syn.as_ref().map(|s| s.prefix))
        .unwrap_or("");
    let split = fam.split.map_or(DEFAULT_SPLIT, |s| s.as_str());
    let module: Vec<String> = match fam.module {
        Some(m) => {
            super::check_snake_case(cx, "scope module", m);
            vec![m.value.clone()]
        }
        None => Vec::new(),
    };
    let param = match fam.param {
        None => 0,
        Some(p) => match params.iter().position(|n| n == p.as_str()) {
            Some(i) => i,
            None => {
                let names: Vec<&str> = params.iter().map(|p| p.as_ref()).collect();
                cx.error_help(
                    p.pos,
                    format!("unknown scope parameter `{}`", p.value),
                    format!(
                        "declare it under `scopes.params`; the scope parameters are: {}",
                        names.join(", ")
                    ),
                );
                0
            }
        },
    };
    if fam.syntax.is_some() && syn.is_none() {
        // The syntax is wrong; checking each scope against it would repeat that error.
        return;
    }
    for entry in fam.catalogue {
        let e = &entry.value.0;
        let pos = if e.scope.pos == Pos::default() {
            entry.pos
        } else {
            e.scope.pos
        };
        let expanded = match expand_alternatives(&e.scope) {
            Ok(x) => x,
            Err(err) => {
                cx.error_help(
                    pos,
                    format!("invalid scope pattern `{}`: {err}", e.scope.value),
                    "alternatives are written `{a,b,c}`, not nested",
                );
                continue;
            }
        };
        if e.name.is_some() && expanded.len() != 1 {
            cx.error_help(
                pos,
                format!(
                    "`name` is given for `{}`, which expands to {} scopes",
                    e.scope.value,
                    expanded.len()
                ),
                "give a `name` to one scope at a time",
            );
        }
        for scope in expanded {
            if let Some(c) = scope.chars().find(|c| c.is_whitespace() || c.is_control()) {
                cx.error_help(
                    pos,
                    format!("scope `{scope}` contains {c:?}"),
                    "a scope cannot contain whitespace or control characters",
                );
                continue;
            }
            if scope.is_empty() {
                cx.error(pos, "empty scope");
                continue;
            }
            if let (Some(syn), Some(text)) = (&syn, fam.syntax) {
                if let Err((message, help)) = check_scope(&scope, syn, text) {
                    // One error per scope: its naming would fail for the same reason.
                    cx.error_help(pos, message, help);
                    continue;
                }
            }
            let path = match &e.name {
                Some(n) => {
                    let segs: Vec<String> = n.split("::").map(str::to_string).collect();
                    if segs.iter().any(|s| !is_identifier(s)) {
                        cx.error_help(
                            n.pos,
                            format!("scope name `{}` is not a Rust path", n.value),
                            "write identifiers joined by `::`, such as `drive::all`",
                        );
                        continue;
                    }
                    segs
                }
                None => match rust_path(&scope, prefix, split) {
                    Ok(p) => p,
                    Err(why) => {
                        cx.error_help(
                            pos,
                            format!("scope `{scope}` {why}"),
                            "give it a Rust name: `{ scope: \"...\", name: some_name }`",
                        );
                        continue;
                    }
                },
            };
            let mut full: Vec<String> = module.clone();
            full.extend(path.iter().map(|s| rust_ident_text(s)));
            if let Some(bad) = path
                .iter()
                .find(|s| RESERVED_SEGMENTS.contains(&s.as_str()))
            {
                cx.error_help(
                    pos,
                    format!(
                        "scope `{scope}` would be named `{bad}`, a name the generated code uses"
                    ),
                    "give it another Rust name: `{ scope: \"...\", name: some_name }`",
                );
                continue;
            }
            if let Some((_, first)) = by_scope.get(&(scope.clone(), param)) {
                let first = if *first == pos {
                    format!("`{}` produces it twice", e.scope.value)
                } else if first.file == pos.file && first.line == pos.line {
                    format!("first listed at column {} of the same line", first.column)
                } else {
                    format!("first listed {}", cx.describe(*first))
                };
                cx.error_help(
                    pos,
                    format!("duplicate scope `{scope}`; {first}"),
                    "list each scope once",
                );
                continue;
            }
            if let Some((other, first)) = by_path.get(&full) {
                let first = cx.describe(*first);
                cx.error_help(
                    pos,
                    format!(
                        "scopes `{other}` ({first}) and `{scope}` both map to the Rust name \
                         `scopes::{}`",
                        full.join("::")
                    ),
                    "give one of them another name: `{ scope: \"...\", name: some_name }`",
                );
                continue;
            }
            by_path.insert(full.clone(), (scope.clone(), pos));
            by_scope.insert((scope, param), (ScopeName { path: full, param }, pos));
        }
    }
}

/// A scope is the prefix followed by identifier segments joined by the segment separator
/// (keywords are fine: code generation uses raw identifiers).
fn check_scope(scope: &str, syn: &Syntax<'_>, written: &str) -> Result<(), (String, String)> {
    let Some(rest) = scope.strip_prefix(syn.prefix) else {
        return Err((
            format!(
                "scope `{scope}` does not start with `{}`, the prefix of the scope syntax",
                syn.prefix
            ),
            format!("every scope has the shape `{written}`"),
        ));
    };
    let segments: Vec<&str> = if syn.segment_separator.is_empty() {
        vec![rest]
    } else {
        rest.split(syn.segment_separator).collect()
    };
    match segments.iter().find(|s| !is_identifier(s)) {
        None => Ok(()),
        Some(bad) => {
            let joined = if syn.segment_separator.is_empty() {
                String::new()
            } else {
                format!(" separated by `{}`", syn.segment_separator)
            };
            Err((
                format!("malformed scope `{scope}`: `{bad}` is not an identifier"),
                format!(
                    "after the prefix `{}`, a scope is segments{joined}, each made of letters, \
                     digits and `_` and not starting with a digit",
                    syn.prefix
                ),
            ))
        }
    }
}

/// An ASCII identifier (a lone `_` is not one, even raw).
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s != "_"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_without_alternatives_is_itself() {
        assert_eq!(
            expand_alternatives("ZohoCRM.users.ALL").unwrap(),
            ["ZohoCRM.users.ALL"]
        );
        assert_eq!(expand_alternatives("").unwrap(), [""]);
    }

    #[test]
    fn alternatives_expand_to_the_cartesian_product_in_written_order() {
        assert_eq!(
            expand_alternatives("P.{b,a}.{X,Y,Z}").unwrap(),
            ["P.b.X", "P.b.Y", "P.b.Z", "P.a.X", "P.a.Y", "P.a.Z"]
        );
        assert_eq!(
            expand_alternatives("{x,y}-{1,2}-{p}").unwrap(),
            ["x-1-p", "x-2-p", "y-1-p", "y-2-p"]
        );
        assert_eq!(expand_alternatives("a{b,c}d").unwrap(), ["abd", "acd"]);
    }

    #[test]
    fn malformed_alternatives_are_errors() {
        assert_eq!(expand_alternatives("a.{b,c"), Err("unbalanced `{`".into()));
        assert_eq!(expand_alternatives("a.b}"), Err("unbalanced `}`".into()));
        assert_eq!(
            expand_alternatives("a.{b,{c,d}}"),
            Err("nested `{` in alternatives".into())
        );
        assert_eq!(
            expand_alternatives("a.{}"),
            Err("empty alternatives in `{}`".into())
        );
        assert_eq!(
            expand_alternatives("a.{,}"),
            Err("empty alternatives in `{,}`".into())
        );
    }

    #[test]
    fn runaway_expansion_is_refused() {
        let group = format!(
            "{{{}}}",
            (0..10).map(|i| i.to_string()).collect::<Vec<_>>().join(",")
        );
        let pattern = group.repeat(5);
        assert!(expand_alternatives(&pattern)
            .unwrap_err()
            .contains("more than"));
    }

    #[test]
    fn syntax_gives_prefix_separator_and_placeholders() {
        let s = syntax("ZohoProjects.{module}.{operation}").unwrap();
        assert_eq!(s.prefix, "ZohoProjects.");
        assert_eq!(s.segment_separator, ".");
        let s = syntax("{scope}").unwrap();
        assert_eq!((s.prefix, s.segment_separator), ("", ""));
        let s = syntax("https://www.googleapis.com/auth/{api}").unwrap();
        assert_eq!(s.prefix, "https://www.googleapis.com/auth/");
        assert!(syntax("no.placeholders").is_err());
    }

    #[test]
    fn scope_segments_are_identifiers_and_keywords_are_allowed() {
        let syn = syntax("Z.{module}.{operation}").unwrap();
        assert!(check_scope("Z.type.READ", &syn, "").is_ok());
        assert!(check_scope("Z.custom_fields.ALL", &syn, "").is_ok());
        assert!(check_scope("Z.2fa.READ", &syn, "").is_err());
        assert!(check_scope("Z.a-b.READ", &syn, "").is_err());
        assert!(check_scope("Z..READ", &syn, "").is_err());
        assert!(check_scope("Z._.READ", &syn, "").is_err());
        assert!(check_scope("Y.a.READ", &syn, "").is_err());
    }
}
