// A broken spec: a provider name that is not an UpperCamelCase identifier.
mod provider {
    oauth_providers::provider!("tests/ui/specs/provider_name.yaml");
}

fn main() {}
