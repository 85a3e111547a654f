// A broken spec: authorization_code without an authorize endpoint.
mod provider {
    oauth_providers::provider!("tests/ui/specs/no_authorize_endpoint.yaml");
}

fn main() {}
