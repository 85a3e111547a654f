// A broken spec: a default scope missing from the catalogue.
mod provider {
    oauth_providers::provider!("tests/ui/specs/default_scope_unknown.yaml");
}

fn main() {}
