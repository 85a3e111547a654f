// The path form: `custom_fields` has only READ.
use oauth_providers::providers::zoho_projects::scopes;

fn main() {
    let _ = scopes::custom_fields::ALL;
}
