// URL, hyphenated and colon scopes: by path (`-` for `_`), by the provider's exact string
// (checked at compile time), and routed to their own authorize parameter.
mod docs {
    oauth_providers::provider!("tests/ui/specs/url_scopes.yaml");
}

use docs::{scopes, Docs};
use oauth_providers::{scope, Credentials};

pub fn main() {
    let readonly = scope!(Docs, "https://www.googleapis.com/auth/drive.readonly");
    assert_eq!(readonly, scope!(Docs.drive.readonly));
    assert_eq!(readonly, scopes::drive::readonly);
    assert_eq!(scope!(Docs.user - read - email).as_str(), "user-read-email");
    assert_eq!(scope!(Docs.chat.write.public).as_str(), "chat:write.public");
    assert_eq!(scope!(Docs.user.chat.write).param(), "user_scope");
    assert_eq!(scopes::Scope::find("openid"), Some(scopes::openid));
    let client = Docs::builder(Credentials::new("id", "secret"))
        .redirect_uri("https://app.example.com/callback".parse().unwrap())
        .build()
        .unwrap();
    let (url, _pending) = client
        .authorize()
        .scope(scope!(Docs.drive))
        .scope(readonly)
        .scope(scope!(Docs.user.chat.write))
        .url()
        .unwrap();
    let query: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(query.contains(&(
        "scope".into(),
        "https://www.googleapis.com/auth/drive https://www.googleapis.com/auth/drive.readonly"
            .into()
    )));
    assert!(query.contains(&("user_scope".into(), "chat:write".into())));
}
