// Works with Nest issues no refresh tokens.
#![allow(deprecated)]
use oauth_providers::providers::nest::Nest;
use oauth_providers::TokenSet;

async fn renew(client: &Nest, tokens: &TokenSet) {
    let _ = client.refresh(tokens).await;
}

fn main() {
    let _ = renew;
}
