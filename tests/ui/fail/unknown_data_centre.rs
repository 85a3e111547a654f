// There is no Zoho data centre `Mars`.
use oauth_providers::providers::zoho_projects::{DataCenter, ZohoProjects};
use oauth_providers::Credentials;

fn main() {
    let _ = ZohoProjects::builder(Credentials::new("id", "secret"))
        .data_center(DataCenter::Mars)
        .build();
}
