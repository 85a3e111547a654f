//! The consent page in a real browser: headless Chromium (Debian's `chromium` and
//! `chromium-driver`; `.ci/run` installs them) driven through WebDriver on 127.0.0.1 opens the
//! URL `oauth login --no-browser` prints, signs in on the simulator's page and approves;
//! `login` receives the loopback redirect and stores the tokens, and `oauth token` prints one
//! the provider accepts.
//!
//! `OAUTH_CLI_SCREENSHOT=path.png` saves a screenshot of the consent page (the one in
//! `docs/images/consent.png` was taken so). Without Chromium the test fails with what to
//! install, unless `OAUTH_CLI_SKIP_CHROMIUM` is set.

mod support;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{ClientBuilder, Locator};
use serde_json::{json, Value};
use support::{login_with, oauth, run, scratch, Serve};

/// A program: `$env` when set, else the first of `candidates` that exists.
fn program(env: &str, candidates: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p));
    }
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

/// chromedriver listening on 127.0.0.1; killed when dropped.
struct Driver(Child, u16);

impl Driver {
    fn start(chromedriver: &PathBuf) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let driver = Driver(child, port);
        for _ in 0..100 {
            let ready = reqwest::blocking::get(format!("http://127.0.0.1:{port}/status"))
                .ok()
                .and_then(|r| r.json::<Value>().ok())
                .is_some_and(|v| v["value"]["ready"] == true);
            if ready {
                return driver;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not get ready on 127.0.0.1:{port}");
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Opens `url` in headless Chromium, signs in as alice with her password and approves;
/// returns the title of the page the browser ends on (the loopback listener's).
async fn approve_in_chromium(
    driver_port: u16,
    chromium: &std::path::Path,
    url: &str,
) -> Result<String, fantoccini::error::CmdError> {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-proxy-server", "--window-size=900,760", "--lang=en"],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let browser = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .expect("a WebDriver session with headless Chromium");
    let result = async {
        browser.goto(url).await?;
        let user = browser.wait().for_element(Locator::Id("user")).await?;
        let heading = browser.find(Locator::Css("h1")).await?.text().await?;
        assert!(
            heading.contains("Generic OpenID Connect provider"),
            "{heading}"
        );
        let scopes = browser.find(Locator::Id("scopes")).await?.text().await?;
        assert!(scopes.contains("openid"), "{scopes}");
        user.clear().await?;
        user.send_keys("alice").await?;
        browser
            .find(Locator::Id("password"))
            .await?
            .send_keys("wonderland")
            .await?;
        if let Some(path) = std::env::var_os("OAUTH_CLI_SCREENSHOT") {
            let png = browser.screenshot().await?;
            std::fs::write(&path, png).unwrap();
        }
        browser.find(Locator::Id("approve")).await?.click().await?;
        let title = browser.wait().for_element(Locator::Id("title")).await?;
        title.text().await
    }
    .await;
    let _ = browser.close().await;
    result
}

#[test]
fn login_through_the_consent_page_in_headless_chromium() {
    let chromium = program(
        "CHROMIUM",
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
    );
    let chromedriver = program(
        "CHROMEDRIVER",
        &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"],
    );
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        if std::env::var_os("OAUTH_CLI_SKIP_CHROMIUM").is_some() {
            eprintln!("skipped: no chromium or chromedriver, and OAUTH_CLI_SKIP_CHROMIUM is set");
            return;
        }
        panic!(
            "this test needs headless Chromium and its WebDriver: `apt-get install chromium \
             chromium-driver` (.ci/run does), or CHROMIUM and CHROMEDRIVER naming them; \
             OAUTH_CLI_SKIP_CHROMIUM=1 skips it"
        );
    };
    // The consent page asks (the default of `oauth serve`); alice has a password.
    let serve = Serve::start("openid", &[]);
    serve.admin(
        reqwest::Method::POST,
        "/users",
        Some(json!({ "user": "alice", "password": "wonderland" })),
    );
    let driver = Driver::start(&chromedriver);
    let store = scratch("chromium").join("store");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let ran = login_with(&store, &serve, &[], |url| {
        let title = runtime
            .block_on(approve_in_chromium(driver.1, &chromium, url))
            .expect("the consent page works in Chromium");
        assert_eq!(title, "Signed in to Generic OpenID Connect provider");
    });
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran
        .stderr
        .contains("Logged in to Generic OpenID Connect provider"));
    let token = run(oauth(&store).args(["token", "openid"]));
    assert_eq!(token.code, 0, "{}", token.stderr);
    assert!(serve.api_accepts(token.stdout.trim()));
    let requests = serve.admin(reqwest::Method::GET, "/requests?endpoint=consent", None);
    assert_eq!(
        requests.as_array().map(Vec::len),
        Some(1),
        "one consent answer"
    );
}
