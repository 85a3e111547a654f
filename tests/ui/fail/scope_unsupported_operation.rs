// `documents` supports only READ and CREATE: DELETE exists for other modules, not this one.
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::scope;

fn main() {
    let _ = scope!(ZohoProjects.documents.DELETE);
}
