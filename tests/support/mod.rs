//! Helpers of the provider integration tests: the test kit's scripted, recording server
//! (`oauth_testkit::Server`: each test starts its own on `127.0.0.1:0`; once its script is
//! used up it answers 599, so an unexpected extra request cannot pass silently), and the
//! browser and assertion helpers the flows share. [`conformance`] holds the other kind of
//! server: the real one the conformance tests run.
#![allow(dead_code)]

pub mod conformance;

use std::time::{Duration, SystemTime};

#[allow(unused_imports)]
pub use oauth_testkit::server::{pairs, Recorded, Reply, Server};
use url::Url;

/// Asserts `at` lies within `[before + lifetime, after + lifetime]` (a lifetime counted
/// from when the request was sent).
pub fn assert_expires_within(
    at: Option<SystemTime>,
    before: SystemTime,
    after: SystemTime,
    lifetime: Duration,
) {
    let at = at.expect("an expiry");
    assert!(
        at >= before + lifetime && at <= after + lifetime,
        "expires_at {at:?} not within [{:?}, {:?}]",
        before + lifetime,
        after + lifetime
    );
}

/// A plain HTTP client for API calls (the generated client attaches the token).
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("reqwest client")
}

/// An HTTP client that, like a test browser, does not follow redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("HTTP client")
}

/// Sends the user to `url` and returns where the provider redirected the browser.
pub async fn follow(url: Url) -> Url {
    let resp = browser().get(url).send().await.expect("authorize request");
    assert_eq!(resp.status(), 302, "the authorize endpoint should redirect");
    let location = resp
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .expect("a Location header");
    Url::parse(location).expect("redirect URL")
}

/// Follows an authorize URL the way a browser would, to the provider's answer (the
/// simulator's scripted consent), without following its redirect.
pub async fn consent(url: Url) -> reqwest::Response {
    browser()
        .get(url)
        .send()
        .await
        .expect("the simulator answers")
}

/// The query of the redirect the provider answered `url` with (the callback's parameters);
/// fails with the status and the body when it did not redirect.
pub async fn callback(url: Url) -> String {
    let answer = consent(url.clone()).await;
    let location = answer
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .map(str::to_string);
    match location {
        Some(location) => location
            .split_once('?')
            .map(|(_, q)| q.to_string())
            .unwrap_or_default(),
        None => {
            let status = answer.status();
            let body = answer.text().await.unwrap_or_default();
            panic!("{url}: no redirect: HTTP {status}: {body}")
        }
    }
}

/// The first value of the query parameter `name` of `url`.
pub fn param(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The provider error inside `err`; fails the test with `err` when it is something else.
pub fn provider_error(err: &oauth_providers::Error) -> &oauth_providers::ProviderError {
    err.provider()
        .unwrap_or_else(|| panic!("expected a provider error, got {err:?}"))
}
