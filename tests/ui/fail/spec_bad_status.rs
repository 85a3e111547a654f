// A broken spec: an HTTP status that does not exist.
mod provider {
    oauth_providers::provider!("tests/ui/specs/bad_status.yaml");
}

fn main() {}
