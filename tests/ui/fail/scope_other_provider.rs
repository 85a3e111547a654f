// A Zoho CRM scope cannot be asked of Zoho Projects: each provider has its own `Scope` type.
use oauth_providers::providers::zoho_crm::ZohoCRM;
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::{scope, Credentials};

fn main() {
    let client = ZohoProjects::new(Credentials::new("id", "secret")).unwrap();
    let _ = client.authorize().scope(scope!(ZohoCRM.modules.leads.ALL));
}
