//! What the provider examples share: reading their settings from the environment, the exit
//! code, reading a line the user pastes, and one-line renderings for the narration.
//!
//! Each example pulls this in with `#[path = "support/mod.rs"] mod support;` (it is not an
//! example itself: cargo only discovers `examples/*.rs` and `examples/*/main.rs`).
#![allow(dead_code)] // each example uses part of it

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use oauth_providers::TokenSet;
use url::Url;

/// Any error an example reports.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A set, non-empty environment variable, trimmed.
pub fn env_var(name: &str) -> Result<Option<String>, BoxError> {
    match std::env::var(name) {
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => Ok(Some(v.trim().to_string())),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(format!("environment variable {name} is not valid UTF-8").into())
        }
    }
}

/// The error for a partial real-provider configuration: which of `required` are `absent`.
/// `provider` names the mode (`Zoho`), `prefix` the variables (`ZOHO_`).
pub fn missing_vars(provider: &str, prefix: &str, required: &[&str], absent: &[bool]) -> BoxError {
    let missing: Vec<&str> = required
        .iter()
        .zip(absent)
        .filter_map(|(name, absent)| absent.then_some(*name))
        .collect();
    format!(
        "missing environment variable{} {}: the real-{provider} mode needs {} (unset every \
         {prefix}* variable to run against the simulator)",
        if missing.len() == 1 { "" } else { "s" },
        missing.join(", "),
        required.join(", ")
    )
    .into()
}

/// `main`'s exit: success, or the error on stderr and a failure code.
pub fn exit(result: Result<(), BoxError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One line from stdin, read off the async runtime's threads.
pub async fn read_stdin_line() -> Result<String, BoxError> {
    let line = tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map(|_| line)
    })
    .await??;
    Ok(line)
}

/// Asks the user for the URL the browser was redirected to and returns its query.
pub async fn callback_query(out: &mut impl Write) -> Result<String, BoxError> {
    writeln!(
        out,
        "   Then paste the URL your browser was redirected to and press Enter:"
    )?;
    out.flush()?;
    let raw = read_stdin_line().await?;
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("no redirect given: paste the URL the browser was redirected to".into());
    }
    Ok(raw.split_once('?').map_or(raw, |(_, q)| q).to_string())
}

/// The query of `url` (empty without one).
pub fn query_of(url: &str) -> String {
    url.split_once('?')
        .map(|(_, q)| q.to_string())
        .unwrap_or_default()
}

/// What is left of a token's life: `59 min 59 s`, `3649 days`, or `never`.
pub fn expires_in(tokens: &TokenSet) -> String {
    match tokens.remaining(SystemTime::now()) {
        Some(left) => duration(left),
        None => "never".to_string(),
    }
}

/// A duration as people say it: `45 s`, `10 min`, `59 min 59 s`, `2 h 5 min`, `3649 days`.
pub fn duration(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..120 => format!("{s} s"),
        120..7200 if s.is_multiple_of(60) => format!("{} min", s / 60),
        120..7200 => format!("{} min {} s", s / 60, s % 60),
        7200..172_800 if s % 3600 / 60 == 0 => format!("{} h", s / 3600),
        7200..172_800 => format!("{} h {} min", s / 3600, s % 3600 / 60),
        _ => format!("{} days", s / 86_400),
    }
}

/// A token as the narration shows it: that it came and how long it is, never its text.
pub fn token_shown(tokens: &TokenSet) -> String {
    format!(
        "received ({} characters, not shown)",
        tokens.access_token.secret().len()
    )
}

/// What an attempt that should have failed did instead, without dumping its value.
pub fn outcome<T, E: std::fmt::Display>(result: &Result<T, E>) -> String {
    match result {
        Ok(_) => "it succeeded".to_string(),
        Err(e) => format!("it failed another way: {e}"),
    }
}

/// The simulator's counters, one line: `issued 1 code, 2 access tokens, 1 refresh token;
/// served 1 refresh; token requests: authorization_code 1, refresh_token 1; 3 API calls`.
pub fn stats(s: &oauth_sim::Stats) -> String {
    let n = |count: u64, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let mut issued = vec![
        n(s.codes_issued, "code", "codes"),
        n(s.access_tokens_issued, "access token", "access tokens"),
        n(s.refresh_tokens_issued, "refresh token", "refresh tokens"),
    ];
    if s.pins_issued > 0 {
        issued.push(n(s.pins_issued, "PIN", "PINs"));
    }
    if s.device_codes_issued > 0 {
        issued.push(n(s.device_codes_issued, "device code", "device codes"));
    }
    let mut served = vec![n(s.refreshes, "refresh", "refreshes")];
    if s.revocations > 0 {
        served.push(n(s.revocations, "revocation", "revocations"));
    }
    let requests: Vec<String> = s
        .token_requests
        .iter()
        .map(|(grant, count)| format!("{grant} {count}"))
        .collect();
    format!(
        "issued {}; served {}; token requests: {}; {}",
        issued.join(", "),
        served.join(", "),
        if requests.is_empty() {
            "none".to_string()
        } else {
            requests.join(", ")
        },
        n(s.api_calls, "API call", "API calls")
    )
}

/// `yes` or `no`.
pub fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// `8 x HTTP 200`, or each status when they differ.
pub fn summarize(statuses: &[u16]) -> String {
    match statuses {
        [first, rest @ ..] if rest.iter().all(|s| s == first) => {
            format!("{} x HTTP {first}", statuses.len())
        }
        _ => {
            let each: Vec<String> = statuses.iter().map(u16::to_string).collect();
            format!("HTTP {}", each.join(", "))
        }
    }
}

/// The start of a response body, on one line.
pub fn preview(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(200) {
        Some((cut, _)) => format!("{}...", &one_line[..cut]),
        None => one_line,
    }
}

/// Plays the browser against the simulator: follows the authorize URL once (scripted consent)
/// and returns the redirect target.
pub async fn follow_consent(url: &Url) -> Result<String, BoxError> {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let response = browser.get(url.as_str()).send().await?;
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .ok_or_else(|| {
            format!(
                "the authorize endpoint answered HTTP {} without a redirect",
                response.status()
            )
        })?;
    Ok(location.to_string())
}
