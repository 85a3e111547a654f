//! Bodies as the def's field tests see them: dotted paths into JSON (`errors.*.code`) and the
//! scalar values tests compare with.

use oauth_model::{FieldOp, ScalarDef};
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
}
