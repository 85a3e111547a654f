//! Every bundled spec in `specs/` loads (YAML syntax, known keys, `extends:` resolved).

use std::path::{Path, PathBuf};

use oauth_codegen::load::load_file;

fn spec_path(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../specs")).join(name)
}

fn load(name: &str) -> oauth_codegen::load::Loaded {
    let path = spec_path(name);
    match load_file(&path) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{} does not load:\n{e}", path.display()),
    }
}

#[test]
fn zoho_accounts_base_loads() {
    let loaded = load("zoho_accounts.base.yaml");
    assert!(loaded.spec.provider.is_none(), "the base names no provider");
    assert_eq!(loaded.spec.variables.len(), 1);
}

#[test]
fn zoho_projects_loads_and_inherits_the_base() {
    let loaded = load("zoho_projects.yaml");
    assert_eq!(loaded.files.len(), 2);
    let provider = loaded.spec.provider.as_ref().expect("provider");
    assert_eq!(provider.name.value, "ZohoProjects");
    // Inherited from the base.
    assert!(loaded.spec.endpoints.keys().any(|k| k.value == "token"));
    assert!(loaded.spec.grants.authorization_code.is_some());
    // Base caps (2) plus the product's code rate (1).
    assert_eq!(loaded.spec.limits.len(), 3);
    assert!(loaded.spec.scopes.is_some());
}

#[test]
fn zoho_crm_loads_and_inherits_the_base() {
    let loaded = load("zoho_crm.yaml");
    assert_eq!(loaded.files.len(), 2);
    let provider = loaded.spec.provider.as_ref().expect("provider");
    assert_eq!(provider.name.value, "ZohoCRM");
    assert!(loaded
        .spec
        .grants
        .custom
        .keys()
        .any(|k| k.value == "legacy_authtoken"));
    // The product's rules come before the shared ones.
    let codes: Vec<_> = loaded
        .spec
        .errors
        .iter()
        .map(|e| e.code.value.as_str())
        .collect();
    let crm = codes.iter().position(|c| *c == "NO_SUCH_USER").unwrap();
    let base = codes.iter().position(|c| *c == "invalid_code").unwrap();
    assert!(crm < base, "{codes:?}");
}

#[test]
fn marketo_loads() {
    let loaded = load("marketo.yaml");
    assert!(loaded.spec.scopes.is_none());
    assert!(loaded.spec.grants.client_credentials.is_some());
    assert!(loaded.spec.grants.authorization_code.is_none());
    assert!(loaded.spec.grants.refresh_token.is_none());
}

#[test]
fn nest_loads() {
    let loaded = load("nest.yaml");
    assert!(loaded.spec.scopes.is_none());
    assert!(loaded.spec.grants.refresh_token.is_none());
    assert!(loaded.spec.grants.pin.is_some());
    let codes: Vec<_> = loaded
        .spec
        .errors
        .iter()
        .map(|e| e.code.value.as_str())
        .collect();
    let mut unique = codes.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        codes.len(),
        "error codes must be unique: {codes:?}"
    );
}

#[test]
fn openid_loads() {
    let loaded = load("openid.yaml");
    assert!(loaded.spec.grants.device_code.is_some());
    assert!(loaded.spec.scopes.is_some());
}

/// Every `*.yaml` in `specs/` loads, including ones added after this test was written.
#[test]
fn every_spec_file_loads() {
    let dir = spec_path("");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("specs/ exists") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            if let Err(e) = load_file(&path) {
                panic!("{} does not load:\n{e}", path.display());
            }
            n += 1;
        }
    }
    assert!(n >= 6, "expected the seed specs in {}", dir.display());
}

/// Every product spec (not the `*.base.yaml` files, which name no provider) passes
/// validation, including ones added after this test was written.
#[test]
fn every_product_spec_validates() {
    let dir = spec_path("");
    for entry in std::fs::read_dir(&dir).expect("specs/ exists") {
        let path = entry.expect("dir entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.ends_with(".yaml") || name.ends_with(".base.yaml") {
            continue;
        }
        let loaded =
            load_file(&path).unwrap_or_else(|e| panic!("{} does not load:\n{e}", path.display()));
        if let Err(e) = oauth_codegen::validate::validate(&loaded) {
            panic!("{} does not validate:\n{e}", path.display());
        }
    }
}
