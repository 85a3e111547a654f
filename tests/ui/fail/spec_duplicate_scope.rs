// A broken spec: a scope listed twice.
mod provider {
    oauth_providers::provider!("tests/ui/specs/duplicate_scope.yaml");
}

fn main() {}
