// A broken spec: plain http to a host that is not loopback.
mod provider {
    oauth_providers::provider!("tests/ui/specs/plain_http.yaml");
}

fn main() {}
