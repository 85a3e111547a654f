// Marketo issues no refresh tokens: renew with `client_credentials`.
use oauth_providers::providers::marketo::Marketo;
use oauth_providers::TokenSet;

async fn renew(client: &Marketo, tokens: &TokenSet) {
    let _ = client.refresh(tokens).await;
}

fn main() {
    let _ = renew;
}
