// A broken spec: a scope that does not have the syntax prefix.
mod provider {
    oauth_providers::provider!("tests/ui/specs/scope_prefix.yaml");
}

fn main() {}
