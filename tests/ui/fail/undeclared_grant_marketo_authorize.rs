// Marketo supports only client credentials: there is no authorization code flow.
use oauth_providers::providers::marketo::Marketo;
use oauth_providers::Credentials;

fn main() {
    let client = Marketo::new(Credentials::new("id", "secret"), "284-RPR-133").unwrap();
    let _ = client.authorize();
}
