// `REED` is not an operation (READ, CREATE, UPDATE, DELETE, ALL are).
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::scope;

fn main() {
    let _ = scope!(ZohoProjects.portals.REED);
}
