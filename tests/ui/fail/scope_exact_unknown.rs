// The provider's exact string is checked at compile time, with the closest scope.
mod docs {
    oauth_providers::provider!("tests/ui/specs/url_scopes.yaml");
}

use docs::Docs;
use oauth_providers::scope;

fn main() {
    let _ = scope!(Docs, "https://www.googleapis.com/auth/drive.readonyl");
}
