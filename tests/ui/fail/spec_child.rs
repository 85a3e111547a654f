// A broken spec: a problem in a base spec, reported in the base file.
mod provider {
    oauth_providers::provider!("tests/ui/specs/child.yaml");
}

fn main() {}
