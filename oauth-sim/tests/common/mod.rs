//! Helpers shared by the simulator's integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use oauth_sim::Simulator;
use url::Url;

pub const REDIRECT: &str = "http://localhost:8080/callback";

/// A seed spec from the workspace's `specs/` directory.
pub fn spec(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../specs")
        .join(name)
}

/// Starts the simulator on a seed spec with client `id` / `secret` registered.
pub fn start(name: &str) -> Simulator {
    let sim = match Simulator::from_spec_file(spec(name)) {
        Ok(sim) => sim,
        Err(e) => panic!("{name}: {e}"),
    };
    sim.register_client("id", "secret", [REDIRECT]);
    sim
}

/// An HTTP client that does not follow redirects.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// The URL of endpoint `name` on the simulator.
pub fn url(sim: &Simulator, name: &str) -> Url {
    sim.endpoint_url(name)
        .unwrap_or_else(|| panic!("no endpoint {name}"))
}

/// Calls the authorize endpoint and returns the redirect target.
pub async fn authorize(sim: &Simulator, extra: &[(&str, &str)]) -> Url {
    let mut u = url(sim, "authorize");
    {
        let mut q = u.query_pairs_mut();
        q.append_pair("client_id", "id");
        q.append_pair("response_type", "code");
        q.append_pair("redirect_uri", REDIRECT);
        q.append_pair("state", "xyz");
        for (k, v) in extra {
            q.append_pair(k, v);
        }
    }
    let resp = http().get(u).send().await.expect("authorize");
    assert_eq!(resp.status(), 302, "authorize should redirect");
    let loc = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_string();
    Url::parse(&loc).expect("redirect URL")
}

/// A query parameter of a URL.
pub fn param(u: &Url, name: &str) -> Option<String> {
    u.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// Status and body text of a response.
pub async fn text(resp: reqwest::Response) -> (u16, String) {
    let status = resp.status().as_u16();
    (status, resp.text().await.expect("body"))
}

/// Status and JSON body of a response.
pub async fn json(resp: reqwest::Response) -> (u16, serde_json::Value) {
    let (status, body) = text(resp).await;
    let v = serde_json::from_str(&body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
    (status, v)
}
