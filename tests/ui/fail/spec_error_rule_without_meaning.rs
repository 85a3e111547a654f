// A broken spec: an error rule without `meaning`.
mod provider {
    oauth_providers::provider!("tests/ui/specs/error_rule_without_meaning.yaml");
}

fn main() {}
