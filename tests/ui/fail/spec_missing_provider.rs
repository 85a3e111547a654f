// A broken spec: a spec without a `provider` section.
mod provider {
    oauth_providers::provider!("tests/ui/specs/missing_provider.yaml");
}

fn main() {}
