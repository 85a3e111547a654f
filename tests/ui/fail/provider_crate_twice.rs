mod provider {
    oauth_providers::provider!(
        "tests/ui/specs/example.yaml",
        crate = oauth_providers,
        crate = oauth_providers
    );
}

fn main() {}
