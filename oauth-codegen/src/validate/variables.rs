//! `variables:`: choice variables (a fixed set of values with properties) and free variables
//! (a string matching a regular expression).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use oauth_model::{ChoiceDef, Str, VariableDef, VariableKind};

use super::{check_snake_case, in_order, owned, unknown_help, Ctx};
use crate::spec::{Sp, Variable};

/// Every variable, in the order written (templates refer to them by that index).
pub(super) fn variables(
    cx: &mut Ctx<'_>,
    vars: &BTreeMap<Sp<String>, Variable>,
) -> Vec<VariableDef> {
    in_order(vars)
        .into_iter()
        .map(|(name, var)| variable(cx, name, var))
        .collect()
}

fn variable(cx: &mut Ctx<'_>, name: &Sp<String>, var: &Variable) -> VariableDef {
    check_snake_case(cx, "variable", name);
    cx.fact(
        format!("variables.{}", name.value),
        var.source.as_ref(),
        var.note.as_deref(),
    );
    for (key, value) in in_order(&var.values) {
        if value.source.is_some() || value.note.is_some() {
            cx.fact(
                format!("variables.{}.{}", name.value, key.value),
                value.source.as_ref(),
                value.note.as_deref(),
            );
        }
    }
    let kind = match &var.format {
        Some(format) if !var.values.is_empty() => {
            cx.error_help(
                format.pos,
                format!("variable `{}` has both `values` and `format`", name.value),
                "a choice variable lists `values`; a free variable gives a `format` instead",
            );
            choice(cx, name, var)
        }
        Some(format) => free(cx, name, var, format),
        None if var.values.is_empty() => {
            cx.error_help(
                name.pos,
                format!("variable `{}` has no `values` and no `format`", name.value),
                "a choice variable lists at least one value under `values`; a free variable \
                 gives a `format` regular expression",
            );
            choice(cx, name, var)
        }
        None => choice(cx, name, var),
    };
    VariableDef {
        name: owned(name),
        description: owned(&var.description),
        kind,
    }
}

/// A choice: every value defines the properties the first one does, and the default and
/// example name one of the values.
fn choice(cx: &mut Ctx<'_>, name: &Sp<String>, var: &Variable) -> VariableKind {
    let values = in_order(&var.values);
    let properties: Vec<&str> = values
        .first()
        .map(|(_, first)| {
            in_order(&first.properties)
                .into_iter()
                .map(|(p, _)| p.as_str())
                .collect()
        })
        .unwrap_or_default();
    let expected: BTreeSet<&str> = properties.iter().copied().collect();

    let mut choices = Vec::with_capacity(values.len());
    for (i, (key, value)) in values.iter().enumerate() {
        let have: BTreeSet<&str> = value.properties.keys().map(|k| k.as_str()).collect();
        let missing: Vec<&str> = expected.difference(&have).copied().collect();
        let extra: Vec<&str> = have.difference(&expected).copied().collect();
        if i > 0 && (!missing.is_empty() || !extra.is_empty()) {
            let first = values.first().map_or("", |(k, _)| k.as_str());
            let mut problems = Vec::new();
            if !missing.is_empty() {
                problems.push(format!("lacks {}", backticked(&missing)));
            }
            if !extra.is_empty() {
                problems.push(format!("has extra {}", backticked(&extra)));
            }
            cx.error_help(
                key.pos,
                format!(
                    "value `{}` of variable `{}` {}",
                    key.value,
                    name.value,
                    problems.join(" and ")
                ),
                format!(
                    "every value must define the same properties as the first value `{first}`: \
                     {}",
                    if properties.is_empty() {
                        "none".to_string()
                    } else {
                        properties.join(", ")
                    }
                ),
            );
        }
        let prop_values: Vec<Str> = properties
            .iter()
            .map(|p| {
                value
                    .properties
                    .iter()
                    .find(|(k, _)| k.as_str() == *p)
                    .map_or(Cow::Borrowed(""), |(_, v)| owned(v))
            })
            .collect();
        choices.push(ChoiceDef {
            key: owned(key),
            label: value.label.as_deref().map(owned),
            values: Cow::Owned(prop_values),
        });
    }

    let keys: Vec<&str> = values.iter().map(|(k, _)| k.as_str()).collect();
    let mut check_member = |what: &str, given: &Option<Sp<String>>| -> Option<usize> {
        let given = given.as_ref()?;
        let found = keys.iter().position(|k| *k == given.as_str());
        if found.is_none() && !keys.is_empty() {
            cx.error_help(
                given.pos,
                format!(
                    "{what} `{}` is not a value of variable `{}`",
                    given.value, name.value
                ),
                unknown_help(given, &keys, &format!("the values of `{}`", name.value)),
            );
        }
        found
    };
    check_member("example", &var.example);
    let default = check_member("default", &var.default);
    VariableKind::Choice {
        properties: Cow::Owned(properties.into_iter().map(owned).collect()),
        choices: Cow::Owned(choices),
        default,
    }
}

/// Compiles `format` anchored; reports what is wrong with it (for `what`, e.g. "variable
/// `munchkin_id`") otherwise.
pub(super) fn compile_format(
    cx: &mut Ctx<'_>,
    what: &str,
    format: &Sp<String>,
) -> Option<regex_lite::Regex> {
    match regex_lite::Regex::new(&format!("^(?:{})$", format.value)) {
        Ok(re) => Some(re),
        Err(e) => {
            // Compiled bare so the message describes what the user wrote.
            let detail = regex_lite::Regex::new(format)
                .err()
                .unwrap_or(e)
                .to_string();
            cx.error_help(
                format.pos,
                format!(
                    "invalid regular expression `{}` in {what}: {}",
                    format.value,
                    detail.lines().next().unwrap_or("").trim()
                ),
                "`format` is a regular expression (Rust `regex` syntax, without Unicode \
                 classes) that the whole value must match",
            );
            None
        }
    }
}

/// A free value: `format` compiles, and the example and default match it.
fn free(cx: &mut Ctx<'_>, name: &Sp<String>, var: &Variable, format: &Sp<String>) -> VariableKind {
    if let Some(re) = compile_format(cx, &format!("variable `{}`", name.value), format) {
        for (what, given) in [("example", &var.example), ("default", &var.default)] {
            if let Some(given) = given.as_ref().filter(|g| !re.is_match(g)) {
                cx.error_help(
                    given.pos,
                    format!(
                        "{what} `{}` does not match the format of variable `{}`",
                        given.value, name.value
                    ),
                    format!("the whole value must match `{}`", format.value),
                );
            }
        }
    }
    VariableKind::Free {
        format: owned(format),
        example: var.example.as_ref().map(|e| owned(e)),
        default: var.default.as_ref().map(|d| owned(d)),
    }
}

/// `["a", "b"]` -> "property `a`" / "properties `a`, `b`".
fn backticked(names: &[&str]) -> String {
    let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let noun = if names.len() == 1 {
        "property"
    } else {
        "properties"
    };
    format!("{noun} {}", list.join(", "))
}
