// A broken spec: a scalar where a mapping is expected.
mod provider {
    oauth_providers::provider!("tests/ui/specs/wrong_type.yaml");
}

fn main() {}
