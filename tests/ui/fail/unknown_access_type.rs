use oauth_providers::providers::zoho_projects::{AccessType, ZohoProjects};
use oauth_providers::Credentials;

fn main() {
    let client = ZohoProjects::new(Credentials::new("id", "secret")).unwrap();
    let _ = client.authorize().access_type(AccessType::Offlien);
}
