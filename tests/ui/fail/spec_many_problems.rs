// A broken spec: several problems, all reported at once in file order.
mod provider {
    oauth_providers::provider!("tests/ui/specs/many_problems.yaml");
}

fn main() {}
