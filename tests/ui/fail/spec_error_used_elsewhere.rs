// A broken spec is reported once, at the spec, however much code uses the client.
mod provider {
    oauth_providers::provider!("tests/ui/specs/unknown_key.yaml");
}

use provider::{scopes, Example, Region};

struct App {
    client: Example,
}

fn build(credentials: oauth_providers::Credentials) -> Example {
    Example::builder(credentials).region(Region::Eu).build().unwrap()
}

impl App {
    fn scopes(&self) -> Vec<scopes::Scope> {
        let _ = &self.client;
        scopes::Scope::all().collect()
    }
}

fn main() {
    let app = App { client: build(oauth_providers::Credentials::new("id", "secret")) };
    let _ = app.scopes();
}
