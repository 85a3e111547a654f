// The builder demands the same required variables as `new`.
use oauth_providers::providers::marketo::Marketo;
use oauth_providers::Credentials;

fn main() {
    let _ = Marketo::builder(Credentials::new("id", "secret")).build();
}
