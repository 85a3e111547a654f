//! The JSON Schema of the spec format, generated from [`crate::spec::Spec`].
//!
//! Editors (through `# yaml-language-server: $schema=...`) use it to complete and check specs
//! as they are typed. The checked-in copy, `schema/provider-spec.schema.json`, is compared
//! with this output by the `schema` test, which rewrites it when `UPDATE_SCHEMA=1` is set.
//! The schema describes shape only; the rules of [`crate::validate`] are not in it.

use serde_json::{Map, Value};

/// The title given to the schema.
pub const TITLE: &str = "OAuth provider spec";

/// The schema's `$id`: its file name, so that it resolves next to wherever it is served.
pub const ID: &str = "provider-spec.schema.json";

/// The JSON Schema of a provider spec file, pretty-printed with sorted keys and a final
/// newline (so the checked-in file diffs cleanly).
///
/// ```
/// let schema = oauth_codegen::schema::json_schema();
/// assert!(schema.contains("\"title\": \"OAuth provider spec\""));
/// ```
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(crate::spec::Spec);
    schema.insert("$id".to_string(), Value::from(ID));
    schema.insert("title".to_string(), Value::from(TITLE));
    // Sorted whatever serde_json's `preserve_order` feature says: another crate in the build
    // may switch it on, and the output must not change with that.
    let value = sort_keys(schema.to_value());
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

fn sort_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sort_keys(v)))
                    .collect::<Map<String, Value>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}
