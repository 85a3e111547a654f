// Works with Nest is retired: its client type is deprecated.
#![deny(deprecated)]
use oauth_providers::providers::nest::Nest;
use oauth_providers::Credentials;

fn main() {
    let _ = Nest::new(Credentials::new("id", "secret"));
}
