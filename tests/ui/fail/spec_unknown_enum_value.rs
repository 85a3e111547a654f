// A broken spec: an unknown enum value, listing the valid ones.
mod provider {
    oauth_providers::provider!("tests/ui/specs/unknown_enum_value.yaml");
}

fn main() {}
