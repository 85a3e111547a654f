// A broken spec: a variable name that is not snake_case.
mod provider {
    oauth_providers::provider!("tests/ui/specs/variable_name.yaml");
}

fn main() {}
