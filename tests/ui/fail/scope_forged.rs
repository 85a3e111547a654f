// A `Scope` cannot be made from an arbitrary string outside the generated code.
use oauth_providers::providers::zoho_projects::scopes::Scope;

fn main() {
    let _ = Scope("ZohoProjects.everything.ALL");
}
