// A broken spec: an unknown variable in a URL template.
mod provider {
    oauth_providers::provider!("tests/ui/specs/unknown_template_variable.yaml");
}

fn main() {}
