// A broken spec: a template that renders to an invalid URL.
mod provider {
    oauth_providers::provider!("tests/ui/specs/invalid_url.yaml");
}

fn main() {}
