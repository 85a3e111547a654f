// A data centre is a `DataCenter`, not a string.
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::Credentials;

fn main() {
    let _ = ZohoProjects::builder(Credentials::new("id", "secret"))
        .data_center("eu")
        .build();
}
