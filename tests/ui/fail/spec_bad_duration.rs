// A broken spec: a duration in words.
mod provider {
    oauth_providers::provider!("tests/ui/specs/bad_duration.yaml");
}

fn main() {}
