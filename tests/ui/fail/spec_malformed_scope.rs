// A broken spec: a scope segment that is not an identifier.
mod provider {
    oauth_providers::provider!("tests/ui/specs/malformed_scope.yaml");
}

fn main() {}
