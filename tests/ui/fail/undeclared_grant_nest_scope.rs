// Works with Nest has no scopes: its authorize request has no `scope`.
#![allow(deprecated)]
use oauth_providers::providers::nest::Nest;
use oauth_providers::Credentials;

fn main() {
    let client = Nest::new(Credentials::new("id", "secret")).unwrap();
    let _ = client.authorize().scope("thermostat");
}
