// A spec of the user's own, next to their code.
mod example {
    oauth_providers::provider!("tests/ui/specs/example.yaml");
}

use example::{scopes, Example, Region};
use oauth_providers::{scope, Credentials};

pub fn main() {
    assert_eq!(scope!(Example:files:write).as_str(), "ex:files:write");
    assert_eq!(scopes::users::read.as_str(), "ex:users:read");
    let client = Example::builder(Credentials::new("id", "secret"))
        .region(Region::Eu)
        .redirect_uri("https://app.example.com/callback".parse().unwrap())
        .build()
        .unwrap();
    let (url, _pending) = client.authorize().scope(scopes::files::read).url().unwrap();
    assert_eq!(url.host_str(), Some("accounts.example.eu"));
}
