// `extends:` cannot name a file outside the crate: the build never reads it, and the error
// never shows what it holds.
mod provider {
    oauth_providers::provider!("tests/ui/specs/extends_outside.yaml");
}

fn main() {}
