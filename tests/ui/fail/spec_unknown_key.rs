// A broken spec: an unknown key, with a did-you-mean.
mod provider {
    oauth_providers::provider!("tests/ui/specs/unknown_key.yaml");
}

fn main() {}
