// A spec that is not UTF-8 is one error, naming the file as the crate sees it.
mod provider {
    oauth_providers::provider!("tests/ui/specs/not_utf8.yaml");
}

fn main() {}
