// A broken spec: an unbalanced `{` in a URL template.
mod provider {
    oauth_providers::provider!("tests/ui/specs/unbalanced_template.yaml");
}

fn main() {}
