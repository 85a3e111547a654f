// Zoho Projects declares no device flow.
use oauth_providers::providers::zoho_projects::ZohoProjects;

async fn start(client: &ZohoProjects) {
    let _ = client.device_authorization([]).await;
}

fn main() {
    let _ = start;
}
