// A string is not a scope: only the provider's constants are.
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::Credentials;

fn main() {
    let client = ZohoProjects::new(Credentials::new("id", "secret")).unwrap();
    let _ = client.authorize().scope("ZohoProjects.portals.READ");
}
