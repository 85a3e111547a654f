// Marketo declares no scopes, so it has no `SCOPES`.
use oauth_providers::providers::marketo::Marketo;
use oauth_providers::scope;

fn main() {
    let _ = scope!(Marketo.users.READ);
}
