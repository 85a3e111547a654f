// Every bundled client builds, each with exactly its required variables.
#![allow(deprecated)] // Works with Nest is retired; allowing that is the user's choice.

use oauth_providers::providers::marketo::Marketo;
use oauth_providers::providers::nest::Nest;
use oauth_providers::providers::openid::OpenId;
use oauth_providers::providers::zoho_crm::ZohoCRM;
use oauth_providers::providers::zoho_projects::ZohoProjects;
use oauth_providers::Credentials;

fn creds() -> Credentials {
    Credentials::new("id", "secret")
}

pub fn main() {
    let _ = ZohoProjects::new(creds()).unwrap();
    let _ = ZohoCRM::new(creds()).unwrap();
    let marketo = Marketo::new(creds(), "284-RPR-133").unwrap();
    assert_eq!(
        marketo.endpoint_url("token").unwrap().as_str(),
        // Hosts are case-insensitive; `url` writes them in lowercase.
        "https://284-rpr-133.mktorest.com/identity/oauth/token"
    );
    let _ = Marketo::builder(creds(), "284-RPR-133").build().unwrap();
    let _ = Nest::new(creds()).unwrap();
    let _ = OpenId::new(creds(), "https://id.example.com").unwrap();
}
