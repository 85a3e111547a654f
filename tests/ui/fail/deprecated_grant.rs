// The retired v1 authtoken is deprecated: denied here.
#![deny(deprecated)]
use oauth_providers::providers::zoho_crm::ZohoCRM;
use oauth_providers::Password;

async fn legacy(client: &ZohoCRM) {
    let _ = client
        .legacy_authtoken("ann@example.com", Password::new("pw"), "My App")
        .await;
}

fn main() {
    let _ = legacy;
}
