use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::scope;

fn main() {
    let _ = scope!(ZohoProjects.portals.);
}
