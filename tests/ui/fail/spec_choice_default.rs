// A broken spec: a default that is not one of the values.
mod provider {
    oauth_providers::provider!("tests/ui/specs/choice_default.yaml");
}

fn main() {}
