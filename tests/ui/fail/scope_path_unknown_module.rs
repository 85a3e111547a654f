// The path form: `scopes::portal` does not exist.
use oauth_providers::providers::zoho_projects::scopes;

fn main() {
    let _ = scopes::portal::READ;
}
