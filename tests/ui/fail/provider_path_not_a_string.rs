mod provider {
    oauth_providers::provider!(specs::zoho_projects);
}

fn main() {}
