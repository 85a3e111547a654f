// A broken spec: a spec without grants.
mod provider {
    oauth_providers::provider!("tests/ui/specs/no_grants.yaml");
}

fn main() {}
