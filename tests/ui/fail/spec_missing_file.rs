// A broken spec: a spec path that does not exist.
mod provider {
    oauth_providers::provider!("tests/ui/specs/missing_file.yaml");
}

fn main() {}
