//! The built `oauth` binary against `oauth serve`, both started here on 127.0.0.1: a login
//! through the loopback redirect (the "browser" is an HTTP client following the authorize
//! URL `login --no-browser` prints), `token` for scripts, a refresh once the simulator's
//! clock has moved, `status`, `revoke` and `logout`, a sealed store, and a denied consent.
//! The simulator is driven only through its admin HTTP API, as a test suite in another
//! language would drive it.

mod support;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use support::{login_with, oauth, run, scratch, Ran, Serve};

/// A browser that follows redirects: the authorize URL answers (auto-approved) with a
/// redirect to the loopback listener, which answers with its page.
fn follow(url: &str) -> String {
    reqwest::blocking::get(url).unwrap().text().unwrap()
}

fn login(store: &Path, serve: &Serve, extra: &[&str]) -> Ran {
    login_with(store, serve, extra, |url| {
        let page = follow(url);
        assert!(page.contains("Signed in to"), "{page}");
    })
}

/// The files of the token store, concatenated.
fn store_text(store: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(store.join("tokens")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            text.push_str(&std::fs::read_to_string(path).unwrap_or_default());
        }
    }
    text
}

#[test]
fn login_stores_a_token_set_that_token_prints_and_the_provider_accepts() {
    let serve = Serve::start("openid", &["--consent", "approve:alice"]);
    let store = scratch("login").join("store");
    let ran = login(&store, &serve, &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout, "", "login prints nothing on stdout");
    assert!(ran
        .stderr
        .contains("Logged in to Generic OpenID Connect provider as `default`"));
    assert!(ran.stderr.contains("`oauth token openid` prints it"));

    let token = run(oauth(&store).args(["token", "openid"]));
    assert_eq!(token.code, 0, "{}", token.stderr);
    let access = token.stdout.trim_end_matches('\n');
    assert!(!access.is_empty() && !access.contains('\n'));
    assert!(serve.api_accepts(access));
    // Nothing secret in what people read.
    for secret in [access, "oauth-cli-secret"] {
        assert!(!ran.stderr.contains(secret), "{}", ran.stderr);
    }
    // The code went through PKCE and state (RFC 8252 §8.1, RFC 7636).
    let requests = serve.admin(reqwest::Method::GET, "/requests?endpoint=authorize", None);
    let query = requests[0]["query"].to_string();
    assert!(
        query.contains("code_challenge") && query.contains("S256"),
        "{query}"
    );
    assert!(query.contains("\"state\""), "{query}");
    assert!(query.contains("http://127.0.0.1:"), "{query}");

    let status = run(oauth(&store).args(["status", "--format", "json"]));
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(!status.stdout.contains(access));
    let rows: Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(rows[0]["provider"], "openid");
    assert_eq!(rows[0]["refresh_token"], true);
    assert_eq!(rows[0]["scopes"], json!(["openid"]));
    assert!(rows[0]["expires_in"].as_i64().unwrap() > 3000);
}

#[test]
fn token_refreshes_once_the_simulator_clock_has_moved_past_expiry() {
    let serve = Serve::start("openid", &["--consent", "approve:alice"]);
    let store = scratch("refresh").join("store");
    assert_eq!(login(&store, &serve, &[]).code, 0);
    let first = run(oauth(&store).args(["token", "openid"])).stdout;
    let again = run(oauth(&store).args(["token", "openid"])).stdout;
    assert_eq!(first, again, "a valid token is reused");
    assert_eq!(serve.stats()["refreshes"], 0);

    serve.advance(3600);
    assert!(!serve.api_accepts(first.trim()), "the old token expired");
    let renewed = run(oauth(&store).args(["token", "openid"]));
    assert_eq!(renewed.code, 0, "{}", renewed.stderr);
    assert_ne!(renewed.stdout, first);
    assert_eq!(serve.stats()["refreshes"], 1);
    assert!(serve.api_accepts(renewed.stdout.trim()));
    // The renewed set was stored: the next call needs no refresh.
    let stored = run(oauth(&store).args(["token", "openid"]));
    assert_eq!(stored.stdout, renewed.stdout);
    assert_eq!(serve.stats()["refreshes"], 1);
}

#[test]
fn revoke_tells_the_provider_and_forgets_while_logout_only_forgets() {
    let serve = Serve::start("openid", &["--consent", "approve:alice"]);
    let store = scratch("revoke").join("store");
    assert_eq!(login(&store, &serve, &[]).code, 0);
    let access = run(oauth(&store).args(["token", "openid"])).stdout;
    let revoked = run(oauth(&store).args(["revoke", "openid"]));
    assert_eq!(revoked.code, 0, "{}", revoked.stderr);
    assert!(revoked
        .stderr
        .contains("Revoked at Generic OpenID Connect provider"));
    assert_eq!(serve.stats()["revocations"], 1);
    assert!(
        !serve.api_accepts(access.trim()),
        "the provider no longer takes it"
    );
    let after = run(oauth(&store).args(["token", "openid"]));
    assert_eq!(after.code, 1);
    assert!(
        after.stderr.contains("run `oauth login openid` first"),
        "{}",
        after.stderr
    );
    assert!(!store_text(&store).contains(access.trim()));

    assert_eq!(login(&store, &serve, &["--subject", "bob"]).code, 0);
    let logout = run(oauth(&store).args(["logout", "openid", "--subject", "bob"]));
    assert_eq!(logout.code, 0, "{}", logout.stderr);
    assert!(logout.stderr.contains("The provider was not told"));
    assert_eq!(serve.stats()["revocations"], 1, "logout revokes nothing");
    let status = run(oauth(&store).arg("status"));
    assert!(
        status.stderr.contains("No token sets are stored"),
        "{}",
        status.stderr
    );
}

#[test]
fn a_sealed_store_holds_no_token_and_needs_its_key() {
    let serve = Serve::start("openid", &["--consent", "approve:alice"]);
    let store = scratch("sealed").join("store");
    // 32 bytes in base64url, no padding.
    let key = "ci:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    let ran = login_with_key(&store, &serve, key);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("sealed with key `ci`"),
        "{}",
        ran.stderr
    );
    let token = run(oauth(&store)
        .env("OAUTH_SEALING_KEY", key)
        .args(["token", "openid"]));
    assert_eq!(token.code, 0, "{}", token.stderr);
    let text = store_text(&store);
    assert!(!text.is_empty());
    assert!(
        !text.contains(token.stdout.trim()),
        "the file holds the token"
    );
    assert!(
        !text.contains("oauth-cli-secret"),
        "the file holds the client secret"
    );

    let keyless = run(oauth(&store).args(["token", "openid"]));
    assert_eq!(keyless.code, 1);
    assert!(keyless
        .stderr
        .contains("sealed, and no sealing key is configured"));
    assert!(keyless
        .stderr
        .contains("set OAUTH_SEALING_KEY (or --key-file) to key `ci`"));
    assert!(!keyless.stderr.contains(key));
}

/// A login with the sealing key in the environment, as a user would give it.
fn login_with_key(store: &Path, serve: &Serve, key: &str) -> Ran {
    login_with_env(store, serve, &[("OAUTH_SEALING_KEY", key)])
}

fn login_with_env(store: &Path, serve: &Serve, env: &[(&str, &str)]) -> Ran {
    let mut child = oauth(store);
    child
        .args(["login", "openid", "--no-browser", "--timeout", "60s"])
        .args(["--origin", &serve.origin]);
    for (k, v) in env {
        child.env(k, v);
    }
    drive(child, serve)
}

/// Runs a prepared login command, following the URL it prints.
fn drive(mut cmd: Command, serve: &Serve) -> Ran {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 {
            break;
        }
        seen.push_str(&line);
        if line.trim().starts_with(&format!("{}/auth?", serve.origin)) {
            follow(line.trim());
        }
    }
    let status = child.wait().unwrap();
    Ran {
        code: status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: seen,
    }
}

#[test]
fn a_denied_consent_fails_the_login_and_says_to_approve() {
    let serve = Serve::start("openid", &[]);
    serve.admin(
        reqwest::Method::PUT,
        "/consent",
        Some(json!({ "mode": "deny" })),
    );
    let store = scratch("denied").join("store");
    let ran = login_with(&store, &serve, &[], |url| {
        let page = follow(url);
        assert!(page.contains("Sign-in failed"), "{page}");
    });
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(
        ran.stderr.contains("the authorization was denied"),
        "{}",
        ran.stderr
    );
    assert!(ran
        .stderr
        .contains("run `oauth login openid` and approve it"));
    let status = run(oauth(&store).arg("status"));
    assert!(status.stderr.contains("No token sets are stored"));
}

#[test]
fn a_redirect_with_another_state_is_ignored_and_the_real_one_completes() {
    let serve = Serve::start("openid", &["--consent", "approve:alice"]);
    let store = scratch("state").join("store");
    let ran = login_with(&store, &serve, &[], |url| {
        let parsed = url::Url::parse(url).unwrap();
        let redirect = parsed
            .query_pairs()
            .find(|(k, _)| k == "redirect_uri")
            .map(|(_, v)| v.into_owned())
            .unwrap();
        let forged =
            reqwest::blocking::get(format!("{redirect}?code=forged&state=forged")).unwrap();
        assert_eq!(forged.status().as_u16(), 400);
        assert!(forged.text().unwrap().contains("Not this sign-in"));
        assert!(follow(url).contains("Signed in to"));
    });
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(serve.stats()["token_requests"]["authorization_code"], 1);
}

#[test]
fn device_login_waits_for_the_code_to_be_approved_through_the_admin_api() {
    let serve = Serve::start("openid", &[]);
    let store = scratch("device").join("store");
    let mut child = oauth(&store)
        .args([
            "login",
            "openid",
            "--device",
            "--no-browser",
            "--timeout",
            "60s",
        ])
        .args(["--origin", &serve.origin])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    let code = loop {
        let mut line = String::new();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "no code shown:\n{seen}"
        );
        seen.push_str(&line);
        if let Some(code) = line.trim().strip_prefix("and enter the code") {
            break code.trim().to_owned();
        }
    };
    let decided = serve.admin(
        reqwest::Method::POST,
        &format!("/devices/{code}/approve"),
        Some(json!({ "user": "alice" })),
    );
    assert_eq!(decided["decided"], true);
    let status = child.wait().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    assert!(status.success(), "{seen}{rest}");
    assert!(
        rest.contains("Logged in to Generic OpenID Connect provider"),
        "{rest}"
    );
    assert_eq!(serve.stats()["device_codes_issued"], 1);
    let token = run(oauth(&store).args(["token", "openid"]));
    assert!(serve.api_accepts(token.stdout.trim()));
}
