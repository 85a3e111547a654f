//! What the provider examples share: reading their settings from the environment, the exit
//! code, reading a line the user pastes, and one-line renderings for the narration.
//!
//! Each example pulls this in with `#[path = "support/mod.rs"] mod support;` (it is not an
//! example itself: cargo only discovers `examples/*.rs` and `examples/*/main.rs`).
#![allow(dead_code)] // each example uses part of it

use std::io::Write;
use std::process::ExitCode;
use std::time::SystemTime;

use oauth_providers::TokenSet;

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

/// What is left of a token's life: `3599 s`, `3649 days`, or `never`.
pub fn expires_in(tokens: &TokenSet) -> String {
    match tokens.remaining(SystemTime::now()) {
        Some(left) if left.as_secs() >= 2 * 86_400 => {
            format!("{} days", left.as_secs() / 86_400)
        }
        Some(left) => format!("{} s", left.as_secs()),
        None => "never".to_string(),
    }
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
        _ => format!("HTTP {statuses:?}"),
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
