//! A crate outside `oauth-providers` adding its own provider from YAML: a GitHub OAuth app
//! described in `specs/github.yaml`, with typed scopes, an authorize request and the device
//! flow, and no bundled provider enabled.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// GitHub OAuth apps, generated from `specs/github.yaml`.
pub mod github {
    oauth_providers::provider!("specs/github.yaml");
}

use github::GitHub;
use oauth_providers::{scope, Credentials, Error};

/// The scopes this application asks for: written in GitHub's own syntax, checked at compile
/// time.
pub fn wanted_scopes() -> [github::scopes::Scope; 3] {
    [
        scope!(GitHub:repo:status),
        scope!(GitHub:read:org),
        github::scopes::user::email,
    ]
}

/// The URL that asks the user to authorize this application.
pub fn authorize_url(client_id: &str, client_secret: &str) -> Result<url::Url, Error> {
    let client = GitHub::builder(Credentials::new(client_id, client_secret))
        .redirect_uri(
            "https://app.example.com/callback"
                .parse()
                .expect("a static URL"),
        )
        .build()?;
    let (url, _pending) = client
        .authorize()
        .scopes(wanted_scopes())
        .scope(scope!(GitHub:repo))
        .url()?;
    Ok(url)
}
