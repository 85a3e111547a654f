// `portal` is not a Zoho Projects scope module (`portals` is).
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::scope;

fn main() {
    let _ = scope!(ZohoProjects.portal.READ);
}
