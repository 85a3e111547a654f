//! Bodies as the def's field tests see them: dotted paths into JSON (`errors.*.code`, `*` any
//! array element), the scalar values tests compare with, whether a test holds for a body
//! (the same reading the runtime makes), and values built to pass (or fail) a set of tests.
//!
//! Synthesising error bodies from rules and checking them with [`holds`] are two halves of one
//! promise: every body the simulator builds for a rule is one that the rule matches.

use oauth_model::{FieldOp, FieldTest, ScalarDef};
use serde_json::{Map, Value};

/// Sets the value at a dotted path, creating objects (and one-element arrays for `*`).
pub(crate) fn set_path(node: &mut Value, segs: &[&str], value: Value) {
    let Some((first, rest)) = segs.split_first() else {
        *node = value;
        return;
    };
    if *first == "*" {
        if !node.is_array() {
            *node = Value::Array(Vec::new());
        }
        if let Value::Array(items) = node {
            if items.is_empty() {
                items.push(Value::Null);
            }
            if let Some(item) = items.first_mut() {
                set_path(item, rest, value);
            }
        }
    } else {
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        if let Value::Object(map) = node {
            let child = map.entry(first.to_string()).or_insert(Value::Null);
            set_path(child, rest, value);
        }
    }
}

/// [`set_path`] with the path written dotted.
pub(crate) fn put(node: &mut Value, path: &str, value: Value) {
    let segs: Vec<&str> = path.split('.').collect();
    set_path(node, &segs, value);
}

/// Every value at a dotted path (`*` expands to each array element), `null`s left out.
pub(crate) fn get_all<'v>(node: &'v Value, path: &str) -> Vec<&'v Value> {
    let mut found = Vec::new();
    let segs: Vec<&str> = path.split('.').collect();
    collect(node, &segs, &mut found);
    found
}

fn collect<'v>(node: &'v Value, segs: &[&str], out: &mut Vec<&'v Value>) {
    let Some((first, rest)) = segs.split_first() else {
        if !node.is_null() {
            out.push(node);
        }
        return;
    };
    match (node, *first) {
        (Value::Array(items), "*") => {
            for item in items {
                collect(item, rest, out);
            }
        }
        (Value::Object(map), key) => {
            if let Some(child) = map.get(key) {
                collect(child, rest, out);
            }
        }
        _ => {}
    }
}

/// Whether `test` holds for a JSON body.
pub(crate) fn holds(body: &Value, test: &FieldTest) -> bool {
    let found = get_all(body, &test.path);
    match &test.op {
        FieldOp::Absent => found.is_empty(),
        op => found.iter().any(|v| op_accepts(op, v)),
    }
}

/// Whether `test` holds for properties text (`KEY=value` lines; `#` comments).
pub(crate) fn holds_in_properties(text: &str, test: &FieldTest) -> bool {
    let value = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .find(|(k, _)| *k == test.path)
        .map(|(_, v)| Value::String(v.to_string()));
    match (&test.op, value) {
        (FieldOp::Absent, v) => v.is_none(),
        (_, None) => false,
        (op, Some(v)) => op_accepts(op, &v),
    }
}

/// Whether one value passes `op` (never called for [`FieldOp::Absent`]).
fn op_accepts(op: &FieldOp, v: &Value) -> bool {
    let text = match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    match op {
        FieldOp::OneOf(values) => values.iter().any(|s| match (s, v) {
            (ScalarDef::Bool(b), Value::Bool(x)) => b == x,
            (ScalarDef::Int(i), Value::Number(n)) => n.as_i64() == Some(*i),
            (ScalarDef::Str(s), _) => text.as_deref() == Some(s.as_ref()),
            _ => false,
        }),
        FieldOp::StartsWith(p) => {
            matches!(v, Value::String(s) if s.starts_with(p.as_ref()))
        }
        FieldOp::Contains(c) => matches!(v, Value::String(s) if s.contains(c.as_ref())),
        FieldOp::Between(lo, hi) => {
            let n = match v {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse::<f64>().ok(),
                _ => None,
            };
            // Bounds as f64: exact for every bound a spec would write (|x| < 2^53).
            let (lo, hi) = (*lo as f64, *hi as f64);
            n.is_some_and(|n| lo <= n && n <= hi)
        }
        FieldOp::Absent => false,
    }
}

/// A value that passes every test in `ops` (tests on one path), preferring `words` (a
/// description) where free text is allowed. `None` when a test wants the field absent.
pub(crate) fn satisfying(ops: &[&FieldOp], words: &str) -> Option<ScalarDef> {
    if ops.iter().any(|op| matches!(op, FieldOp::Absent)) {
        return None;
    }
    let all_accept = |candidate: &ScalarDef| {
        let v = scalar_json(Some(candidate));
        ops.iter().all(|op| op_accepts(op, &v))
    };
    // A listed value, preferably one that the other tests on the path accept too.
    let listed: Vec<&ScalarDef> = ops.iter().flat_map(|op| values(op)).collect();
    if let Some(v) = listed.iter().find(|v| all_accept(v)).or(listed.first()) {
        return Some((*v).clone());
    }
    if let Some((lo, _)) = ops.iter().find_map(|op| match op {
        FieldOp::Between(lo, hi) => Some((*lo, *hi)),
        _ => None,
    }) {
        return Some(ScalarDef::Int(lo));
    }
    let words = ScalarDef::Str(words.to_string().into());
    if !words_empty(&words) && all_accept(&words) {
        return Some(words);
    }
    let mut text = ops
        .iter()
        .find_map(|op| match op {
            FieldOp::StartsWith(p) => Some(p.to_string()),
            _ => None,
        })
        .unwrap_or_default();
    for op in ops {
        if let FieldOp::Contains(c) = op {
            if !text.contains(c.as_ref()) {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(c);
            }
        }
    }
    Some(ScalarDef::Str(text.into()))
}

fn words_empty(s: &ScalarDef) -> bool {
    matches!(s, ScalarDef::Str(s) if s.is_empty())
}

/// A value that fails `op`: what a success field holds in an error body (`TRUE` becomes
/// `FALSE`, `true` `false`). For [`FieldOp::Absent`] (success means the field is absent), a
/// value to put there.
pub(crate) fn failing(op: &FieldOp) -> ScalarDef {
    match op {
        FieldOp::OneOf(values) => {
            let candidate = negate(values.first());
            if values.contains(&candidate) {
                ScalarDef::Str("error".into())
            } else {
                candidate
            }
        }
        FieldOp::StartsWith(p) if p.starts_with('!') => ScalarDef::Str("error".into()),
        FieldOp::StartsWith(p) => ScalarDef::Str(format!("!{p}").into()),
        FieldOp::Contains(_) => ScalarDef::Str(String::new().into()),
        FieldOp::Between(lo, hi) => ScalarDef::Int(match lo.checked_sub(1) {
            Some(below) => below,
            None => hi.saturating_add(1),
        }),
        FieldOp::Absent => ScalarDef::Str("error".into()),
    }
}

/// A value that differs from `s` the way a failed success flag does.
fn negate(s: Option<&ScalarDef>) -> ScalarDef {
    match s {
        Some(ScalarDef::Bool(b)) => ScalarDef::Bool(!b),
        Some(ScalarDef::Int(i)) => ScalarDef::Int(if *i == 0 { 1 } else { 0 }),
        Some(ScalarDef::Str(s)) if s.eq_ignore_ascii_case("true") => {
            let lower = s.chars().all(|c| c.is_ascii_lowercase());
            ScalarDef::Str(if lower { "false" } else { "FALSE" }.into())
        }
        Some(ScalarDef::Str(s)) if s.eq_ignore_ascii_case("success") => {
            ScalarDef::Str("failure".into())
        }
        _ => ScalarDef::Str("FALSE".into()),
    }
}

/// The values a `one_of` test accepts (none for the other tests).
pub(crate) fn values(op: &FieldOp) -> &[ScalarDef] {
    match op {
        FieldOp::OneOf(v) => v,
        _ => &[],
    }
}

/// The first value a `one_of` test accepts.
pub(crate) fn first(op: &FieldOp) -> Option<&ScalarDef> {
    values(op).first()
}

pub(crate) fn scalar_json(s: Option<&ScalarDef>) -> Value {
    match s {
        Some(ScalarDef::Bool(b)) => Value::Bool(*b),
        Some(ScalarDef::Int(i)) => Value::from(*i),
        Some(ScalarDef::Str(s)) => Value::String(s.to_string()),
        None => Value::Null,
    }
}

pub(crate) fn scalar_text(s: Option<&ScalarDef>) -> String {
    match s {
        Some(ScalarDef::Bool(b)) => b.to_string(),
        Some(ScalarDef::Int(i)) => i.to_string(),
        Some(ScalarDef::Str(s)) => s.to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(path: &'static str, op: FieldOp) -> FieldTest {
        FieldTest {
            path: path.into(),
            op,
        }
    }

    #[test]
    fn wildcard_paths_build_arrays() {
        let mut v = Value::Object(Map::new());
        set_path(&mut v, &["success"], Value::Bool(false));
        set_path(&mut v, &["errors", "*", "code"], Value::from("602"));
        set_path(&mut v, &["errors", "*", "message"], Value::from("expired"));
        assert_eq!(
            v,
            serde_json::json!({"success": false, "errors": [{"code": "602", "message": "expired"}]})
        );
    }

    #[test]
    fn every_op_is_read_as_the_runtime_reads_it() {
        let body = serde_json::json!({
            "error": "invalid_grant", "n": 604, "s": "42", "ok": false,
            "errors": [{"code": "601"}, {"code": "602"}], "msg": "Token expired now"
        });
        let one_of = |v: Vec<ScalarDef>| FieldOp::OneOf(v.into());
        assert!(holds(
            &body,
            &test(
                "error",
                one_of(vec![ScalarDef::Str("invalid_grant".into())])
            )
        ));
        assert!(holds(
            &body,
            &test("n", one_of(vec![ScalarDef::Str("604".into())]))
        ));
        assert!(holds(
            &body,
            &test("ok", one_of(vec![ScalarDef::Bool(false)]))
        ));
        assert!(!holds(
            &body,
            &test("ok", one_of(vec![ScalarDef::Bool(true)]))
        ));
        assert!(holds(
            &body,
            &test("errors.*.code", one_of(vec![ScalarDef::Str("602".into())]))
        ));
        assert!(holds(
            &body,
            &test("msg", FieldOp::StartsWith("Token".into()))
        ));
        assert!(!holds(
            &body,
            &test("msg", FieldOp::StartsWith("expired".into()))
        ));
        assert!(holds(
            &body,
            &test("msg", FieldOp::Contains("expired".into()))
        ));
        assert!(holds(&body, &test("n", FieldOp::Between(600, 699))));
        assert!(holds(&body, &test("s", FieldOp::Between(0, 42))));
        assert!(!holds(&body, &test("n", FieldOp::Between(0, 10))));
        assert!(holds(&body, &test("access_token", FieldOp::Absent)));
        assert!(!holds(&body, &test("error", FieldOp::Absent)));
    }

    #[test]
    fn satisfying_values_pass_every_test_on_their_path() {
        let ops = [
            FieldOp::StartsWith("Invalid".into()),
            FieldOp::Contains("expired".into()),
        ];
        let refs: Vec<&FieldOp> = ops.iter().collect();
        let v = scalar_json(satisfying(&refs, "something else").as_ref());
        assert!(ops.iter().all(|op| op_accepts(op, &v)), "{v}");
        let v = scalar_json(satisfying(&refs, "Invalid token: expired").as_ref());
        assert_eq!(v, "Invalid token: expired");
        let between = [FieldOp::Between(600, 699)];
        let refs: Vec<&FieldOp> = between.iter().collect();
        assert_eq!(satisfying(&refs, ""), Some(ScalarDef::Int(600)));
        let absent = [FieldOp::Absent];
        let refs: Vec<&FieldOp> = absent.iter().collect();
        assert_eq!(satisfying(&refs, "x"), None);
    }

    #[test]
    fn failing_values_fail() {
        for op in [
            FieldOp::OneOf(vec![ScalarDef::Str("TRUE".into())].into()),
            FieldOp::OneOf(vec![ScalarDef::Bool(true)].into()),
            FieldOp::StartsWith("ok".into()),
            FieldOp::Contains("ok".into()),
            FieldOp::Between(1, 5),
            FieldOp::Between(i64::MIN, 5),
        ] {
            let v = scalar_json(Some(&failing(&op)));
            assert!(!op_accepts(&op, &v), "{op:?} accepts {v}");
        }
    }
}
