// A broken spec: a word where a number is expected.
mod provider {
    oauth_providers::provider!("tests/ui/specs/wrong_type_number.yaml");
}

fn main() {}
