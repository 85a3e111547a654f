//! The `tests/ui/pass` cases: code a user would write against the facade compiles and does
//! what it says. This test crate is downstream of the facade, as a user's crate is, so a
//! case's `oauth_providers::provider!` and `scope!` expand exactly as they would there; each
//! case's `main` runs as a test. (The compile-fail cases stay with trybuild: `tests/ui.rs`.)
#![cfg(all(
    feature = "zoho-projects",
    feature = "zoho-crm",
    feature = "marketo",
    feature = "nest",
    feature = "openid"
))]

#[path = "ui/pass/build_every_client.rs"]
mod build_every_client;

#[path = "ui/pass/deprecated_allowed.rs"]
mod deprecated_allowed;

#[path = "ui/pass/own_spec.rs"]
mod own_spec;

#[path = "ui/pass/scopes_as_providers_write_them.rs"]
mod scopes_as_providers_write_them;

#[path = "ui/pass/scopes_named_like_bindings.rs"]
mod scopes_named_like_bindings;

#[path = "ui/pass/zoho_crm_scopes.rs"]
mod zoho_crm_scopes;

#[path = "ui/pass/zoho_projects_scopes.rs"]
mod zoho_projects_scopes;

#[test]
fn build_every_client() {
    build_every_client::main();
}

#[test]
fn deprecated_allowed() {
    deprecated_allowed::main();
}

#[test]
fn own_spec() {
    own_spec::main();
}

#[test]
fn scopes_as_providers_write_them() {
    scopes_as_providers_write_them::main();
}

#[test]
fn scopes_named_like_bindings() {
    scopes_named_like_bindings::main();
}

#[test]
fn zoho_crm_scopes() {
    zoho_crm_scopes::main();
}

#[test]
fn zoho_projects_scopes() {
    zoho_projects_scopes::main();
}
