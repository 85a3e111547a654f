//! The UserInfo endpoint (OIDC Core §5.3): a GET with the access token (Bearer, or DPoP with a
//! proof), claims typed, and `sub` checked against the ID token's (§5.3.2: a mismatch means
//! the response must not be used, as it may be a token substitution).
//!
//! This module must never return claims whose `sub` differs from the expected one, never put
//! the access token in an error, and never follow a redirect with the token attached.

use std::time::Duration;

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use url::Url;

use crate::oidc::claims::UserInfoClaims;
use crate::oidc::discovery::{clip, ProviderMetadata};
use crate::oidc::dpop::{server_nonce, DpopError, DpopKey};
use crate::oidc::fetch::{self, FetchError, DEFAULT_TIMEOUT};
use crate::secret::AccessToken;

/// Why UserInfo could not be had.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UserInfoError {
    /// The metadata names no `userinfo_endpoint`.
    #[error("the provider has no userinfo_endpoint")]
    NoEndpoint,
    /// The request failed (transport, timeout, redirect, size, insecure URL).
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// 401 or 403: the token was refused (`error` from `WWW-Authenticate`, RFC 6750 §3).
    #[error("UserInfo refused the access token (HTTP {status}{})",
        error.as_deref().map(|e| format!(", `{e}`")).unwrap_or_default())]
    Unauthorized {
        /// 401 or 403.
        status: u16,
        /// `invalid_token`, `insufficient_scope`, `invalid_dpop_proof`, ...
        error: Option<String>,
    },
    /// Another non-success status.
    #[error("UserInfo answered HTTP {status}")]
    Status {
        /// The status.
        status: u16,
    },
    /// A signed (`application/jwt`) response, which this crate does not verify.
    #[error("UserInfo answered a signed JWT, which is not supported")]
    SignedResponse,
    /// The body is not UserInfo JSON.
    #[error("the UserInfo response is malformed: {0}")]
    Malformed(String),
    /// `sub` is not the ID token's.
    #[error("the UserInfo `sub` is not the ID token's")]
    SubjectMismatch,
    /// The DPoP proof could not be made.
    #[error(transparent)]
    Dpop(#[from] DpopError),
}

/// A provider's UserInfo endpoint.
#[derive(Debug, Clone)]
pub struct UserInfo {
    endpoint: Url,
    http: reqwest::Client,
    timeout: Duration,
}

impl UserInfo {
    /// The endpoint at `endpoint` (HTTPS, or HTTP on loopback).
    pub fn new(endpoint: Url) -> Result<UserInfo, UserInfoError> {
        if !fetch::is_secure(&endpoint) {
            return Err(FetchError::Insecure { what: "UserInfo" }.into());
        }
        Ok(UserInfo {
            endpoint,
            http: fetch::default_client()?,
            timeout: DEFAULT_TIMEOUT,
        })
    }

    /// The endpoint the metadata names.
    pub fn from_metadata(metadata: &ProviderMetadata) -> Result<UserInfo, UserInfoError> {
        let endpoint = metadata
            .userinfo_endpoint
            .clone()
            .ok_or(UserInfoError::NoEndpoint)?;
        UserInfo::new(endpoint)
    }

    /// Uses `http` (it should not follow redirects; one that does is caught).
    pub fn with_http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// The timeout of one request (default 10 s).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The claims for a Bearer `access_token`, whose `sub` must be `expected_sub` (the ID
    /// token's).
    pub async fn fetch(
        &self,
        access_token: &AccessToken,
        expected_sub: &str,
    ) -> Result<UserInfoClaims, UserInfoError> {
        let request = self
            .http
            .get(self.endpoint.clone())
            .header(AUTHORIZATION, format!("Bearer {}", access_token.secret()));
        self.finish(request, expected_sub)
            .await
            .map_err(Attempt::into_error)
    }

    /// The claims for a DPoP-bound `access_token`, with a proof from `key`. When the server
    /// asks for a nonce (`use_dpop_nonce`), the request is repeated once with it.
    pub async fn fetch_with_dpop(
        &self,
        access_token: &AccessToken,
        key: &DpopKey,
        expected_sub: &str,
    ) -> Result<UserInfoClaims, UserInfoError> {
        let mut nonce = None;
        for _ in 0..2 {
            let mut proof = key
                .proof(&http::Method::GET, &self.endpoint)?
                .access_token(access_token);
            if let Some(n) = nonce.take() {
                proof = proof.nonce(n);
            }
            let request = self
                .http
                .get(self.endpoint.clone())
                .header(AUTHORIZATION, format!("DPoP {}", access_token.secret()))
                .header("DPoP", proof.sign()?.as_str());
            match self.finish(request, expected_sub).await {
                Err(Attempt::NeedsNonce(n)) => nonce = Some(n),
                other => return other.map_err(Attempt::into_error),
            }
        }
        Err(UserInfoError::Unauthorized {
            status: 401,
            error: Some("use_dpop_nonce".into()),
        })
    }

    async fn finish(
        &self,
        request: reqwest::RequestBuilder,
        expected_sub: &str,
    ) -> Result<UserInfoClaims, Attempt> {
        let got = fetch::send(request, &self.endpoint, "UserInfo", self.timeout)
            .await
            .map_err(|e| Attempt::Failed(e.into()))?;
        if got.status == 401 || got.status == 403 {
            let error = auth_error(&got.headers);
            if error.as_deref() == Some("use_dpop_nonce") {
                if let Some(nonce) = server_nonce(&got.headers) {
                    return Err(Attempt::NeedsNonce(nonce));
                }
            }
            return Err(Attempt::Failed(UserInfoError::Unauthorized {
                status: got.status,
                error,
            }));
        }
        if !(200..300).contains(&got.status) {
            return Err(Attempt::Failed(UserInfoError::Status {
                status: got.status,
            }));
        }
        let signed = got
            .headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| {
                ct.trim_start()
                    .to_ascii_lowercase()
                    .starts_with("application/jwt")
            });
        if signed {
            return Err(Attempt::Failed(UserInfoError::SignedResponse));
        }
        let claims = UserInfoClaims::from_json(&got.body)
            .map_err(|r| Attempt::Failed(UserInfoError::Malformed(r)))?;
        if claims.sub != expected_sub {
            return Err(Attempt::Failed(UserInfoError::SubjectMismatch));
        }
        Ok(claims)
    }
}

/// One request's outcome, before the DPoP nonce retry is decided.
enum Attempt {
    NeedsNonce(String),
    Failed(UserInfoError),
}

impl Attempt {
    fn into_error(self) -> UserInfoError {
        match self {
            Attempt::Failed(e) => e,
            Attempt::NeedsNonce(_) => UserInfoError::Unauthorized {
                status: 401,
                error: Some("use_dpop_nonce".into()),
            },
        }
    }
}

/// The `error` auth-param of `WWW-Authenticate` (RFC 6750 §3, RFC 9449 §7.1).
fn auth_error(headers: &reqwest::header::HeaderMap) -> Option<String> {
    headers.get_all(WWW_AUTHENTICATE).iter().find_map(|v| {
        let v = v.to_str().ok()?;
        let mut rest = v;
        while let Some(at) = rest.find("error=") {
            let before = rest[..at].chars().next_back();
            let value = &rest[at + "error=".len()..];
            if before.is_none_or(|c| c == ' ' || c == ',') {
                let value = value.strip_prefix('"').unwrap_or(value);
                let end = value.find(['"', ',', ' ']).unwrap_or(value.len());
                return Some(clip(&value[..end]));
            }
            rest = value;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    #[test]
    fn www_authenticate_error_code() {
        let mut h = HeaderMap::new();
        h.insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static(
                r#"DPoP error_description="nonce needed", error="use_dpop_nonce", algs="ES256""#,
            ),
        );
        assert_eq!(auth_error(&h).as_deref(), Some("use_dpop_nonce"));
        h.insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"Bearer realm="x", error=invalid_token"#),
        );
        assert_eq!(auth_error(&h).as_deref(), Some("invalid_token"));
        h.insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static(r#"Bearer realm="x""#),
        );
        assert_eq!(auth_error(&h), None);
    }
}
