// A broken spec: YAML syntax error: a plain value containing `: `.
mod provider {
    oauth_providers::provider!("tests/ui/specs/syntax_error.yaml");
}

fn main() {}
