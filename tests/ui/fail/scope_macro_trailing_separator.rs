use oauth_providers::scope;

fn main() {
    let _ = scope!(ZohoProjects.portals.);
}
