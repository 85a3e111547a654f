// The path form of another provider's scope, in a list.
use oauth_providers::providers::zoho_crm::scopes as crm;
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::Credentials;

fn main() {
    let client = ZohoProjects::new(Credentials::new("id", "secret")).unwrap();
    let _ = client.authorize().scopes([crm::users::READ]);
}
