//! The one way this layer reads a document from a provider: a GET that follows no redirect,
//! goes only to HTTPS (or HTTP on a loopback address), and stops reading at 1 MiB.
//!
//! It must never follow a redirect (a discovery document or key set served from wherever a
//! `Location` points would let that place choose our keys), never read a body without the cap,
//! and never put a URL's query, a token or a body into an error.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::HeaderMap;
use url::{Host, Url};

/// The largest body read (golang oauth2's cap, as the rest of the runtime).
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// The default timeout of one request, body included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a document could not be fetched. `what` names the document (`discovery document`,
/// `JWKS`, `UserInfo`), never its URL.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The URL is neither HTTPS nor HTTP on a loopback address.
    #[error("the {what} URL must use https, or http on a loopback address")]
    Insecure {
        /// The document.
        what: &'static str,
    },
    /// The HTTP client could not be built (TLS backend).
    #[error("the HTTP client could not be built: {0}")]
    Client(#[source] reqwest::Error),
    /// Connection refused or reset, TLS, DNS.
    #[error("the {what} could not be fetched: {source}")]
    Transport {
        /// The document.
        what: &'static str,
        /// The cause, with its URL removed.
        #[source]
        source: reqwest::Error,
    },
    /// No complete answer within the timeout.
    #[error("the {what} did not arrive within {after:?}")]
    Timeout {
        /// The document.
        what: &'static str,
        /// The timeout.
        after: Duration,
    },
    /// A 3xx answer: redirects are refused, not followed.
    #[error("the {what} answered a redirect (HTTP {status}), which is not followed")]
    Redirect {
        /// The document.
        what: &'static str,
        /// The status.
        status: u16,
    },
    /// The body passed [`MAX_BODY_BYTES`].
    #[error("the {what} is larger than {MAX_BODY_BYTES} bytes")]
    TooLarge {
        /// The document.
        what: &'static str,
    },
    /// The body ended early or could not be read.
    #[error("the {what} body could not be read to its end")]
    Truncated {
        /// The document.
        what: &'static str,
    },
}

/// HTTPS, or HTTP on a loopback address (127.0.0.0/8, ::1, localhost).
pub(crate) fn is_secure(url: &Url) -> bool {
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => match url.host() {
            Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
            Some(Host::Ipv4(a)) => a.is_loopback(),
            Some(Host::Ipv6(a)) => a.is_loopback(),
            None => false,
        },
        _ => false,
    }
}

/// The default HTTP client of this layer: rustls, no redirects, the default timeout.
pub(crate) fn default_client() -> Result<reqwest::Client, FetchError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(DEFAULT_TIMEOUT)
        .build()
        .map_err(|e| FetchError::Client(e.without_url()))
}

/// A response read to its end.
pub(crate) struct Fetched {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

/// Sends `request` (built for `url`) and reads the answer within `timeout`. Any status but a
/// redirect comes back for the caller to judge. A caller-supplied client that follows
/// redirects is caught too: the answer must come from `url` itself.
pub(crate) async fn send(
    request: reqwest::RequestBuilder,
    url: &Url,
    what: &'static str,
    timeout: Duration,
) -> Result<Fetched, FetchError> {
    if !is_secure(url) {
        return Err(FetchError::Insecure { what });
    }
    let exchange = async {
        let response = request.send().await.map_err(|e| transport(what, e))?;
        let status = response.status();
        if status.is_redirection() || response.url() != url {
            return Err(FetchError::Redirect {
                what,
                status: status.as_u16(),
            });
        }
        read_capped(response, what).await
    };
    match tokio::time::timeout(timeout, exchange).await {
        Ok(result) => result,
        Err(_) => Err(FetchError::Timeout {
            what,
            after: timeout,
        }),
    }
}

fn transport(what: &'static str, e: reqwest::Error) -> FetchError {
    FetchError::Transport {
        what,
        source: e.without_url(),
    }
}

async fn read_capped(
    mut response: reqwest::Response,
    what: &'static str,
) -> Result<Fetched, FetchError> {
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BODY_BYTES as u64)
    {
        return Err(FetchError::TooLarge { what });
    }
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let mut body = BytesMut::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len().saturating_add(chunk.len()) > MAX_BODY_BYTES {
                    return Err(FetchError::TooLarge { what });
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(_) => return Err(FetchError::Truncated { what }),
        }
    }
    Ok(Fetched {
        status,
        headers,
        body: body.freeze(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_or_loopback_only() {
        for ok in [
            "https://id.example.com",
            "http://127.0.0.1:8080/x",
            "http://127.3.4.5/",
            "http://[::1]:9/",
            "http://localhost/",
        ] {
            assert!(is_secure(&ok.parse().unwrap()), "{ok}");
        }
        for bad in [
            "http://id.example.com",
            "http://10.0.0.1/",
            "ftp://id.example.com",
            "file:///etc/passwd",
        ] {
            assert!(!is_secure(&bad.parse().unwrap()), "{bad}");
        }
    }
}
