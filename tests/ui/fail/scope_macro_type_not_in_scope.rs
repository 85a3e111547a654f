// The client type must be in scope (imported) for `scope!` to find it.
use oauth_providers::scope;

fn main() {
    let _ = scope!(ZohoProjects.portals.READ);
}
