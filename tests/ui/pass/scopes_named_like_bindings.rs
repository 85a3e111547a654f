// Scopes named like the bindings of generated code still compile (OpenID's `name` scope).
mod bindings {
    oauth_providers::provider!("tests/ui/specs/binding_names.yaml");
}

use bindings::{scopes, Bindings};
use oauth_providers::scope;

pub fn main() {
    assert_eq!(scopes::name.as_str(), "name");
    assert_eq!(scope!(Bindings.f).as_str(), "f");
    assert_eq!(scopes::Scope::find("wanted"), Some(scopes::wanted));
    assert_eq!(
        scopes::Scope::join(&[scopes::s, scopes::p, scopes::d, scopes::index]),
        "s p d index"
    );
    assert_eq!(scopes::Scope::all().count(), 12);
    assert_eq!(scopes::scopes.to_string(), "scopes");
}
