// Typed Zoho CRM scopes, written as Zoho writes them, including multi-segment ones.
use oauth_providers::providers::zoho_crm::{scopes, AccessType, ZohoCRM};
use oauth_providers::{scope, Credentials};

pub fn main() {
    assert_eq!(
        scope!(ZohoCRM.modules.leads.ALL),
        scopes::modules::leads::ALL
    );
    assert_eq!(
        scope!(ZohoCRM.modules.leads.ALL).as_str(),
        "ZohoCRM.modules.leads.ALL"
    );
    assert_eq!(scope!(ZohoCRM.modules.ALL).as_str(), "ZohoCRM.modules.ALL");
    assert_eq!(
        scope!(ZohoCRM.bulk.backup.ALL).as_str(),
        "ZohoCRM.bulk.backup.ALL"
    );
    assert_eq!(
        scope!(ZohoCRM.mass_convert.Quotes.CREATE).as_str(),
        "ZohoCRM.mass_convert.Quotes.CREATE"
    );
    assert!(scopes::Scope::all().any(|s| s == scopes::coql::READ));
    assert_eq!(
        scopes::Scope::find("ZohoCRM.coql.READ"),
        Some(scopes::coql::READ)
    );
    assert_eq!(scopes::Scope::all().count(), scopes::Scope::COUNT);

    let client = ZohoCRM::builder(Credentials::new("id", "secret"))
        .redirect_uri("https://app.example.com/callback".parse().unwrap())
        .build()
        .unwrap();
    let (url, _pending) = client
        .authorize()
        .scopes([
            scope!(ZohoCRM.modules.leads.ALL),
            scope!(ZohoCRM.users.READ),
        ])
        .access_type(AccessType::Offline)
        .url()
        .unwrap();
    let query = url.query().unwrap_or_default();
    assert!(query.contains("ZohoCRM.modules.leads.ALL"), "{query}");
}
