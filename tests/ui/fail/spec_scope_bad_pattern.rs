// A broken spec: a malformed `{a,b}` alternatives pattern.
mod provider {
    oauth_providers::provider!("tests/ui/specs/scope_bad_pattern.yaml");
}

fn main() {}
