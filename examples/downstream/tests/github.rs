//! The provider this crate added by YAML behaves like a bundled one.

use downstream_example::github::{scopes, GitHub};
use downstream_example::{authorize_url, wanted_scopes};
use oauth_providers::{scope, Credentials};

#[test]
fn scopes_are_typed_and_spelled_as_github_spells_them() {
    assert_eq!(scope!(GitHub:repo:status).as_str(), "repo:status");
    assert_eq!(scopes::repo.as_str(), "repo");
    assert_eq!(scopes::read::org, scope!(GitHub:read:org));
    assert_eq!(scopes::public_repo.as_str(), "public_repo");
    assert_eq!(
        scopes::Scope::join(&wanted_scopes()),
        "repo:status read:org user:email"
    );
    assert!(scopes::Scope::all().any(|s| s == scopes::write::packages));
}

#[test]
fn the_authorize_url_carries_the_scopes_state_and_pkce() {
    let url = authorize_url("Iv1.example", "secret").expect("builds");
    assert_eq!(url.host_str(), Some("github.com"));
    assert_eq!(url.path(), "/login/oauth/authorize");
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    let get = |k: &str| {
        query
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("client_id"), Some("Iv1.example"));
    assert_eq!(get("scope"), Some("repo:status read:org user:email repo"));
    assert!(get("state").is_some());
    assert_eq!(get("code_challenge_method"), Some("S256"));
}

#[test]
fn the_client_has_the_device_flow_and_no_refresh() {
    let client = GitHub::new(Credentials::new("Iv1.example", "secret")).expect("builds");
    assert_eq!(
        client
            .endpoint_url("device_authorization")
            .expect("declared")
            .as_str(),
        "https://github.com/login/device/code"
    );
    // `client.refresh(..)` does not exist: GitHub OAuth apps issue no refresh tokens (a
    // compile error, not a runtime one). The device flow does:
    let _start = |c: &GitHub| {
        let c = c.clone();
        async move { c.device_authorization([scopes::repo]).await }
    };
}
