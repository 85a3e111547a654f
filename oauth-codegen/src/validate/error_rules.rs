//! `errors:`: each rule says what it means, can actually tell responses apart, and has a
//! code of its own at its site (codes name the generated error variants).

use std::borrow::Cow;
use std::collections::BTreeMap;

use oauth_model::{ErrorMeaning, ErrorRuleDef, ErrorSite, FieldTest, ScalarDef};

use super::{owned, Ctx};
use crate::spec::{ErrorRule, FieldEquals, Pos, Scalar};

pub(super) fn error_rules(cx: &mut Ctx<'_>, rules: &[ErrorRule]) -> Vec<ErrorRuleDef> {
    let mut first_seen: BTreeMap<(ErrorSite, &str), Pos> = BTreeMap::new();
    rules
        .iter()
        .map(|rule| {
            let code = &rule.code;
            if code.trim().is_empty() {
                cx.error(code.pos, "error rule has an empty `code`");
            }
            match first_seen.get(&(rule.at, code.as_str())) {
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
                    first_seen.insert((rule.at, code.as_str()), code.pos);
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
            if let Some(status) = rule.status.filter(|s| !(100..=599).contains(s)) {
                cx.error_help(
                    code.pos,
                    format!(
                        "error rule `{}` has HTTP status {status}, which does not exist",
                        code.value
                    ),
                    "HTTP statuses are 100 to 599",
                );
            }
            ErrorRuleDef {
                code: owned(code),
                at: rule.at,
                status: rule.status,
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

/// A `field` test with exactly one of `equals` and `one_of`.
pub(super) fn field_test(cx: &mut Ctx<'_>, t: &FieldEquals) -> FieldTest {
    let field = &t.field;
    if field.trim().is_empty() {
        cx.error_help(
            field.pos,
            "field test has an empty `field`",
            "name a field of the body, such as `error` or `errors.*.code`",
        );
    }
    match (&t.equals, t.one_of.is_empty()) {
        (None, true) => cx.error_help(
            field.pos,
            format!(
                "field test on `{}` has neither `equals` nor `one_of`",
                field.value
            ),
            "give `equals: <value>` or `one_of: [<value>, ...]`",
        ),
        (Some(_), false) => cx.error_help(
            field.pos,
            format!(
                "field test on `{}` has both `equals` and `one_of`",
                field.value
            ),
            "keep one: `equals` for a single value, `one_of` for several",
        ),
        _ => {}
    }
    FieldTest {
        path: owned(field),
        values: Cow::Owned(t.equals.iter().chain(&t.one_of).map(scalar).collect()),
    }
}

fn scalar(s: &Scalar) -> ScalarDef {
    match s {
        Scalar::Bool(b) => ScalarDef::Bool(*b),
        Scalar::Int(i) => ScalarDef::Int(*i),
        Scalar::Str(s) => ScalarDef::Str(owned(s)),
    }
}
