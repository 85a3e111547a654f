// Typed Zoho Projects scopes: the path form and `scope!`, asked for in an authorize request
// with a typed `AccessType`.
use oauth_providers::providers::zoho_projects::{scopes, AccessType, DataCenter, ZohoProjects};
use oauth_providers::{scope, Credentials};

pub fn main() {
    // Both forms name the same constant.
    assert_eq!(scopes::portals::READ, scope!(ZohoProjects.portals.READ));
    assert_eq!(ZohoProjects::SCOPES.portals.READ, scopes::portals::READ);
    assert_eq!(
        scope!(ZohoProjects.custom_fields.READ).as_str(),
        "ZohoProjects.custom_fields.READ"
    );
    // Keywords and every written separator work.
    let _ = scope!(ZohoProjects::tasks::ALL);
    let _ = scope!(ZohoProjects / documents / CREATE);

    let client = ZohoProjects::builder(Credentials::new("id", "secret"))
        .data_center(DataCenter::Eu)
        .redirect_uri("https://app.example.com/callback".parse().unwrap())
        .build()
        .unwrap();
    let (url, _pending) = client
        .authorize()
        .scope(scope!(ZohoProjects.portals.READ))
        .scopes([scopes::projects::ALL, scopes::tasks::READ])
        .access_type(AccessType::Offline)
        .url()
        .unwrap();
    assert_eq!(url.host_str(), Some("accounts.zoho.eu"));
    let query = url.query().unwrap_or_default();
    assert!(query.contains("access_type=offline"), "{query}");
    assert!(query.contains("ZohoProjects.portals.READ"), "{query}");
}
