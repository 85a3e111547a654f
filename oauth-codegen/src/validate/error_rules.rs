//! `errors:`: each rule says what it means, can actually tell responses apart, and has a
//! code of its own at its site (codes name the generated error variants); and the field
//! tests rules and success checks make.

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::{
    ErrorMeaning, ErrorRuleDef, ErrorSite, FieldOp, FieldTest, GrantKind, ScalarDef,
};

use super::{in_range, owned, Ctx};
use crate::spec::{ErrorRule, FieldTestSpec, Pos, Scalar};

pub(super) fn error_rules(cx: &mut Ctx<'_>, rules: &[ErrorRule]) -> Vec<ErrorRuleDef> {
    let mut first_seen: BTreeMap<(ErrorSite, Option<GrantKind>, &str), Pos> = BTreeMap::new();
    rules
        .iter()
        .map(|rule| {
            let code = &rule.code;
            if code.trim().is_empty() {
                cx.error(code.pos, "error rule has an empty `code`");
            }
            let grant = rule.grant.as_ref().map(|g| g.value);
            cx.fact(
                format!("errors.{}@{}", code.value, rule.at),
                rule.source.as_ref(),
                rule.note.as_deref(),
            );
            match first_seen.get(&(rule.at, grant, code.as_str())) {
                Some(first) => {
                    let first = cx.describe(*first);
                    cx.error_help(
                        code.pos,
                        format!(
                            "duplicate error rule `{}` at `{}`; first declared {first}",
                            code.value, rule.at
                        ),
                        "a code names one rule per site; merge the two rules or rename one",
                    );
                }
                None => {
                    first_seen.insert((rule.at, grant, code.as_str()), code.pos);
                }
            }
            if let Some(g) = &rule.grant {
                if !matches!(rule.at, ErrorSite::TokenEndpoint | ErrorSite::Any) {
                    cx.error_help(
                        g.pos,
                        format!(
                            "error rule `{}` names a grant but applies `at: {}`",
                            code.value, rule.at
                        ),
                        "a grant's responses come from the token endpoint: `at: token_endpoint`",
                    );
                }
            }
            if rule.meaning.is_none() {
                let all: Vec<&str> = ErrorMeaning::ALL.iter().map(|m| m.as_str()).collect();
                cx.error_help(
                    code.pos,
                    format!(
                        "error rule `{}` has no meaning; expected one of {}",
                        code.value,
                        all.join(", ")
                    ),
                    "add `meaning:` with the one the runtime should act on",
                );
            }
            if rule.status.is_none() && rule.when.is_empty() {
                cx.error_help(
                    code.pos,
                    format!(
                        "error rule `{}` has neither `status` nor `when`",
                        code.value
                    ),
                    "a rule without either would match every response; give it a `status`, a \
                     `when` test, or both",
                );
            }
            let status = rule
                .status
                .as_ref()
                .and_then(|s| in_range(cx, "HTTP status", s, 100..=599))
                .and_then(|s| u16::try_from(s).ok());
            ErrorRuleDef {
                code: owned(code),
                at: rule.at,
                grant,
                status,
                when: Cow::Owned(rule.when.iter().map(|t| field_test(cx, t)).collect()),
                meaning: rule
                    .meaning
                    .as_ref()
                    .map_or(ErrorMeaning::ServerError, |m| m.value),
                description: rule.description.as_deref().map(owned),
            }
        })
        .collect()
}

/// A `field` test with exactly one check.
pub(super) fn field_test(cx: &mut Ctx<'_>, t: &FieldTestSpec) -> FieldTest {
    let field = &t.field;
    if field.trim().is_empty() {
        cx.error_help(
            field.pos,
            "field test has an empty `field`",
            "name a field of the body, such as `error` or `errors.*.code`",
        );
    }
    let given = [
        t.equals.is_some(),
        !t.one_of.is_empty(),
        t.starts_with.is_some(),
        t.contains.is_some(),
        t.between.is_some(),
        t.absent.is_some(),
    ]
    .iter()
    .filter(|g| **g)
    .count();
    if given != 1 {
        cx.error_help(
            field.pos,
            if given == 0 {
                format!("field test on `{}` checks nothing", field.value)
            } else {
                format!("field test on `{}` has more than one check", field.value)
            },
            "give exactly one of `equals`, `one_of`, `starts_with`, `contains`, `between` and \
             `absent: true`",
        );
    }
    let op = if let Some(s) = &t.starts_with {
        FieldOp::StartsWith(owned(s))
    } else if let Some(s) = &t.contains {
        FieldOp::Contains(owned(s))
    } else if let Some(b) = &t.between {
        let (lo, hi) = b.value;
        if lo > hi {
            cx.error(b.pos, format!("`between: [{lo}, {hi}]` is empty"));
        }
        FieldOp::Between(lo, hi)
    } else if let Some(a) = &t.absent {
        if !a.value {
            cx.error_help(
                a.pos,
                "`absent: false` checks nothing",
                "test the value instead (`equals`, `one_of`, ...)",
            );
        }
        FieldOp::Absent
    } else {
        FieldOp::OneOf(Cow::Owned(
            t.equals.iter().chain(&t.one_of).map(scalar).collect(),
        ))
    };
    FieldTest {
        path: owned(field),
        op,
    }
}

fn scalar(s: &Scalar) -> ScalarDef {
    match s {
        Scalar::Bool(b) => ScalarDef::Bool(*b),
        Scalar::Int(i) => ScalarDef::Int(*i),
        Scalar::Str(s) => ScalarDef::Str(owned(s)),
    }
}
