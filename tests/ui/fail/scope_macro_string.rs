// The scope is written as tokens, not as a string.
use oauth_providers::scope;

fn main() {
    let _ = scope!("ZohoProjects.portals.READ");
}
