// A deprecated grant still compiles where the user allows it.
use oauth_providers::providers::zoho_crm::ZohoCRM;
use oauth_providers::Password;

#[allow(deprecated)]
async fn legacy(client: &ZohoCRM) {
    let _ = client
        .legacy_authtoken("ann@example.com", Password::new("pw"), "My App")
        .await;
}

pub fn main() {
    let _ = legacy;
}
