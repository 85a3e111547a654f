// A broken spec: an error rule with an unknown meaning.
mod provider {
    oauth_providers::provider!("tests/ui/specs/error_rule_unknown_meaning.yaml");
}

fn main() {}
