// A CRM scope written against the Zoho Projects client type.
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::scope;

fn main() {
    let _ = scope!(ZohoProjects.modules.leads.ALL);
}
