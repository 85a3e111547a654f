// `access_type` takes the typed `AccessType`, not a string.
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::Credentials;

fn main() {
    let client = ZohoProjects::new(Credentials::new("id", "secret")).unwrap();
    let _ = client.authorize().access_type("offline");
}
