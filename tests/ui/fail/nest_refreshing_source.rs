// Works with Nest has no refresh grant, so it has no refreshing token source: asking for one
// does not compile, and the error lists what Nest can do.
#![allow(deprecated)]
use oauth_providers::providers::nest::Nest;
use oauth_providers::Credentials;

fn main() {
    let nest = Nest::new(Credentials::new("id", "secret")).unwrap();
    let _source = nest.token_source("user-1");
}
