//! Entry points for the fuzz targets (feature `fuzzing`; not a stable API).
//!
//! The runtime's parsers of what a server sends are private; the fuzz targets in the
//! `oauth-fuzz` crate reach them through these functions, which run exactly the code a real
//! response or redirect goes through: the body parser of each format (JSON, form, Java
//! properties), the spec's error rules and RFC 6749's codes, the token-set reader with its
//! lifetimes and secondary sets, and the redirect checks (`state`, a Shopify-style HMAC,
//! provider errors, variables the redirect selects).
//!
//! Each function returns a short description of the outcome's *shape* (never a token or a
//! body), which the stable fuzz driver uses to tell inputs apart, and asserts the invariants
//! that hold for every input: nothing panics, and an error's `Display` is one bounded line
//! (a server's text never reaches a log with CR/LF in it).

use std::time::{Duration, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE};

use crate::classify::{classify, Grant, Seen};
use crate::engine::redirect::Redirect;
use crate::error::{Error, ErrorSite};
use crate::model::{ProviderDef, ResponseFormat};
use crate::response::{parse_body, token_set};
use crate::secret::{ClientSecret, CsrfToken};

/// The `state` a fuzzed redirect must carry to get past the state check.
pub const STATE: &str = "fuzz-state";
/// The client secret a fuzzed redirect's HMAC is checked with.
pub const CLIENT_SECRET: &str = "fuzz-secret";

/// The longest error line the invariants allow (a bounded provider description plus the
/// runtime's own words).
const LONGEST_ERROR_LINE: usize = 4096;

/// A token-endpoint or API response: `body` with `content_type` and HTTP `status`, parsed as
/// `format` and read with the spec's token-response definition (its format replaced by
/// `format`), classified at each site. Returns the outcome's shape.
pub fn token_response(
    def: &ProviderDef,
    format: ResponseFormat,
    status: u16,
    content_type: &str,
    body: &[u8],
) -> String {
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        headers.insert(CONTENT_TYPE, v);
    }
    let parsed = parse_body(format, &headers, body);
    let mut shape = String::new();
    for (site, grant) in [
        (ErrorSite::TokenEndpoint, Grant::Code),
        (ErrorSite::TokenEndpoint, Grant::Refresh),
        (ErrorSite::Api, Grant::None),
    ] {
        let seen = Seen {
            site,
            status,
            headers: Some(&headers),
            body: parsed.as_ref().ok(),
            grant,
        };
        match classify(def, &seen) {
            Ok(()) => shape.push_str("pass;"),
            Err(e) => shape.push_str(&error_shape(&e)),
        }
    }
    let value = match parsed {
        Ok(v) => v,
        Err(reason) => {
            check_line(&reason);
            return format!("{shape}unparsed:{}", reason.len());
        }
    };
    let sent_at = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    // The standard token response, then each custom grant's (Zoho's v1 authtoken is read
    // with its own field names), each with the body's format.
    let responses =
        std::iter::once(&def.token_response).chain(def.grants.custom.iter().map(|g| &g.response));
    for (i, response) in responses.enumerate() {
        let mut response = response.clone();
        response.format = format;
        let fallback = if i == 0 {
            def.lifetimes.access_token
        } else {
            None
        };
        match token_set(&response, &value, sent_at, fallback, None) {
            Ok(set) => shape.push_str(&format!(
                "set:refresh={},expires={},scopes={},extra={},secondary={};",
                set.refresh_token.is_some(),
                set.expires_at.is_some(),
                set.scopes.as_ref().map_or(0, Vec::len),
                set.extra.len(),
                set.secondary.len(),
            )),
            Err(reason) => {
                check_line(&reason);
                shape.push_str("refused;");
            }
        }
    }
    shape
}

/// An authorization redirect's query (or form-post body): the state check against
/// [`STATE`], the spec's HMAC keyed with [`CLIENT_SECRET`] where it declares one, the
/// provider's error, and the variables the redirect selects. Returns the outcome's shape.
pub fn callback(def: &ProviderDef, query: &str) -> String {
    let redirect = Redirect::parse(query);
    let mut shape = String::new();
    match redirect.check_state(Some(&CsrfToken::new(STATE))) {
        Ok(()) => shape.push_str("state;"),
        Err(e) => shape.push_str(&error_shape(&e)),
    }
    if let Some(hmac) = def
        .grants
        .authorization_code
        .as_ref()
        .and_then(|a| a.hmac.as_ref())
    {
        match redirect.check_hmac(hmac, Some(&ClientSecret::new(CLIENT_SECRET))) {
            Ok(()) => shape.push_str("signed;"),
            Err(e) => shape.push_str(&error_shape(&e)),
        }
    }
    if let Some(e) = redirect.provider_error(def) {
        shape.push_str(&error_shape(&e));
    }
    match redirect.selected(def) {
        Ok(selected) => shape.push_str(&format!("selected={}", selected.len())),
        Err(e) => shape.push_str(&error_shape(&e)),
    }
    shape
}

/// An error's variant and meaning, after checking its `Display` is one bounded line.
fn error_shape(e: &Error) -> String {
    let shown = e.to_string();
    check_line(&shown);
    match e {
        Error::Provider(p) => format!("provider:{:?}:{};", p.meaning, p.code.len()),
        other => {
            let debug = format!("{other:?}");
            let variant = debug.split(['(', ' ', '{']).next().unwrap_or("");
            format!("{variant};")
        }
    }
}

/// The invariant every message a server can influence keeps: one line, bounded.
fn check_line(shown: &str) {
    assert!(
        !shown.contains(['\r', '\n']),
        "an error message spans lines: {shown:?}"
    );
    assert!(
        shown.len() <= LONGEST_ERROR_LINE,
        "an error message is {} bytes long",
        shown.len()
    );
}
