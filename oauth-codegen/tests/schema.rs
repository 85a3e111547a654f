//! The checked-in JSON Schema (`schema/provider-spec.schema.json`) matches the spec model.
//!
//! After changing `spec.rs`, regenerate it with
//! `UPDATE_SCHEMA=1 cargo test -p oauth-codegen --test schema`.

use std::path::Path;

const SCHEMA_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../schema/provider-spec.schema.json"
);

#[test]
fn checked_in_schema_matches_the_spec_model() {
    let generated = oauth_codegen::schema::json_schema();
    let path = Path::new(SCHEMA_FILE);
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create schema/");
        }
        std::fs::write(path, &generated).expect("write the schema file");
        return;
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is out of date with oauth-codegen/src/spec.rs; regenerate it with\n\n    \
         UPDATE_SCHEMA=1 cargo test -p oauth-codegen --test schema\n\nand commit the result",
        path.display()
    );
}

#[test]
fn schema_is_titled_and_identified() {
    let schema: serde_json::Value =
        serde_json::from_str(&oauth_codegen::schema::json_schema()).expect("valid JSON");
    assert_eq!(schema["title"], "OAuth provider spec");
    assert_eq!(schema["$id"], "provider-spec.schema.json");
    // Spot checks that the model, not just a shell, is in it.
    assert!(schema["properties"]["provider"].is_object(), "{schema:#}");
    assert!(schema["properties"]["grants"].is_object(), "{schema:#}");
}
