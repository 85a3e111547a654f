// Marketo needs the instance's Munchkin id: `Marketo::new(credentials, munchkin_id)`.
use oauth_providers::providers::marketo::Marketo;
use oauth_providers::Credentials;

fn main() {
    let _ = Marketo::new(Credentials::new("id", "secret"));
}
