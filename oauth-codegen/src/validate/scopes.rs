//! `scopes:`: the syntax (`ZohoProjects.{module}.{operation}`), the catalogue with its
//! `{a,b,c}` alternatives expanded, and the default scopes.

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::ScopesDef;

use super::templates::{split_placeholders, Piece};
use super::{owned, unknown_help, Ctx};
use crate::spec::{Pos, Scopes};

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
        if alternatives.iter().any(|a| a.is_empty()) {
            return Err(format!("empty alternative in `{{{group}}}`"));
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
    placeholders: Vec<&'a str>,
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
        placeholders,
    })
}

pub(super) fn scopes(cx: &mut Ctx<'_>, s: &Scopes) -> ScopesDef {
    if s.separator.is_empty() {
        cx.error_help(
            s.separator.pos,
            "scope separator is empty",
            "RFC 6749 joins scopes with a space: `separator: \" \"`",
        );
    }
    let syn = match syntax(&s.syntax) {
        Ok(syn) => Some(syn),
        Err(e) => {
            cx.error_help(
                s.syntax.pos,
                format!("scope syntax `{}` {e}", s.syntax.value),
                "write the shape of one scope with a `{placeholder}` per part, such as \
                 `Zoho.{module}.{operation}`",
            );
            None
        }
    };

    let mut first_seen: BTreeMap<String, Pos> = BTreeMap::new();
    for entry in &s.catalogue {
        let expanded = match expand_alternatives(entry) {
            Ok(e) => e,
            Err(e) => {
                cx.error_help(
                    entry.pos,
                    format!("invalid scope pattern `{}`: {e}", entry.value),
                    "alternatives are written `{a,b,c}`, not nested",
                );
                continue;
            }
        };
        for scope in expanded {
            if let Some(syn) = &syn {
                if let Err((message, help)) = check_scope(&scope, syn, &s.syntax) {
                    cx.error_help(entry.pos, message, help);
                }
            }
            match first_seen.get(&scope) {
                Some(first) => {
                    let first = if *first == entry.pos {
                        format!("`{}` produces it twice", entry.value)
                    } else if first.file == entry.pos.file && first.line == entry.pos.line {
                        format!("first listed at column {} of the same line", first.column)
                    } else {
                        format!("first listed {}", cx.describe(*first))
                    };
                    cx.error_help(
                        entry.pos,
                        format!("duplicate scope `{scope}`; {first}"),
                        "list each scope once",
                    );
                }
                None => {
                    first_seen.insert(scope, entry.pos);
                }
            }
        }
    }

    let catalogue: Vec<&str> = first_seen.keys().map(String::as_str).collect();
    for d in &s.default {
        if !first_seen.contains_key(d.as_str()) {
            cx.error_help(
                d.pos,
                format!("default scope `{}` is not in the catalogue", d.value),
                unknown_help(d, &catalogue, "the catalogue"),
            );
        }
    }

    ScopesDef {
        required: s.required,
        separator: owned(&s.separator),
        syntax: owned(&s.syntax),
        placeholders: Cow::Owned(
            syn.map(|syn| syn.placeholders.into_iter().map(owned).collect())
                .unwrap_or_default(),
        ),
        // A BTreeMap's keys: sorted and unique.
        catalogue: first_seen.keys().collect(),
        default: Cow::Owned(s.default.iter().map(|d| owned(d)).collect()),
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
            expand_alternatives("a.{b,}"),
            Err("empty alternative in `{b,}`".into())
        );
        assert_eq!(
            expand_alternatives("a.{}"),
            Err("empty alternative in `{}`".into())
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
        assert_eq!(s.placeholders, ["module", "operation"]);
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
