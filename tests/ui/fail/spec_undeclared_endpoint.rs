// A broken spec: a grant naming an endpoint that is not declared.
mod provider {
    oauth_providers::provider!("tests/ui/specs/undeclared_endpoint.yaml");
}

fn main() {}
