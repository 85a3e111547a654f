//! Lifetimes: the device code lives the spec's `device_code` lifetime, not the authorization
//! code's.

mod raw;

use std::time::Duration;

use raw::{http, send, sim, url};

const SPEC: &str = r#"
provider: { name: Device, display_name: Device flow }
endpoints:
  token: { url: "https://auth.example/token" }
  device_authorization: { url: "https://auth.example/device" }
client_auth: request_body
lifetimes: { authorization_code: 10m, device_code: 3m }
grants:
  device_code: { poll_interval: 5s }
"#;

#[tokio::test]
async fn the_device_code_lives_its_own_lifetime() {
    let sim = sim(SPEC);
    sim.register_client("id", "secret", Vec::<String>::new());
    let (status, body) = send(
        http()
            .post(url(&sim, "device_authorization"))
            .form(&[("client_id", "id"), ("client_secret", "secret")]),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["expires_in"], 180, "{body}");
    let poll = || {
        let sim = &sim;
        let device_code = raw::s(&body, "device_code").to_string();
        async move {
            send(http().post(url(sim, "token")).form(&[
                ("client_id", "id"),
                ("client_secret", "secret"),
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("device_code", device_code.as_str()),
            ]))
            .await
        }
    };
    sim.clock().advance(Duration::from_secs(179));
    let (_, pending) = poll().await;
    assert_eq!(
        raw::s(&pending, "error"),
        "authorization_pending",
        "{pending}"
    );
    sim.clock().advance(Duration::from_secs(2));
    let (_, expired) = poll().await;
    assert_eq!(raw::s(&expired, "error"), "expired_token", "{expired}");
}
