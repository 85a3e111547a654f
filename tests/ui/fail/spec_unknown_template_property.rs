// A broken spec: an unknown property of a choice variable.
mod provider {
    oauth_providers::provider!("tests/ui/specs/unknown_template_property.yaml");
}

fn main() {}
