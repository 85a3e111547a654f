//! OpenID Connect Discovery 1.0 (and RFC 8414 as a fallback): the provider's metadata, typed,
//! fetched from `<issuer>/.well-known/openid-configuration` and cached.
//!
//! The document's `issuer` must equal the configured issuer exactly (Discovery §4.3,
//! RFC 8414 §3.3), and every endpoint it names must be HTTPS (or HTTP on loopback). This
//! module must never trust a document that fails either check, never follow a redirect to
//! one, and never fall back to RFC 8414 after a *bad* OpenID document (only after a missing
//! one), so a failed check cannot be routed around.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwapOption;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use url::Url;

use crate::limits::{Clock, SystemClock};
use crate::oidc::cache::CachePolicy;
use crate::oidc::fetch::{self, FetchError, DEFAULT_TIMEOUT};

/// Authorization server metadata (OIDC Discovery §3, RFC 8414 §2, RFC 9126 §5, RFC 9449 §5.1,
/// RP-Initiated Logout §2.1). Lists a server leaves out are empty; flags default to `false`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProviderMetadata {
    /// The issuer identifier (checked against the configured one).
    pub issuer: String,
    /// Where the user is sent to authorize.
    #[serde(default)]
    pub authorization_endpoint: Option<Url>,
    /// The token endpoint.
    #[serde(default)]
    pub token_endpoint: Option<Url>,
    /// The UserInfo endpoint.
    #[serde(default)]
    pub userinfo_endpoint: Option<Url>,
    /// The provider's signing keys.
    #[serde(default)]
    pub jwks_uri: Option<Url>,
    /// Dynamic client registration.
    #[serde(default)]
    pub registration_endpoint: Option<Url>,
    /// Token revocation (RFC 7009).
    #[serde(default)]
    pub revocation_endpoint: Option<Url>,
    /// Token introspection (RFC 7662).
    #[serde(default)]
    pub introspection_endpoint: Option<Url>,
    /// Device authorization (RFC 8628).
    #[serde(default)]
    pub device_authorization_endpoint: Option<Url>,
    /// RP-initiated logout.
    #[serde(default)]
    pub end_session_endpoint: Option<Url>,
    /// Pushed authorization requests (RFC 9126).
    #[serde(default)]
    pub pushed_authorization_request_endpoint: Option<Url>,
    /// Whether every authorization request must be pushed first (RFC 9126 §5).
    #[serde(default)]
    pub require_pushed_authorization_requests: bool,
    /// Scopes.
    #[serde(default)]
    pub scopes_supported: Vec<String>,
    /// `response_type` values.
    #[serde(default)]
    pub response_types_supported: Vec<String>,
    /// `response_mode` values.
    #[serde(default)]
    pub response_modes_supported: Vec<String>,
    /// Grant types.
    #[serde(default)]
    pub grant_types_supported: Vec<String>,
    /// `public`, `pairwise`.
    #[serde(default)]
    pub subject_types_supported: Vec<String>,
    /// Algorithms the provider signs ID tokens with.
    #[serde(default)]
    pub id_token_signing_alg_values_supported: Vec<String>,
    /// Algorithms for signed UserInfo responses.
    #[serde(default)]
    pub userinfo_signing_alg_values_supported: Vec<String>,
    /// Algorithms for request objects.
    #[serde(default)]
    pub request_object_signing_alg_values_supported: Vec<String>,
    /// Client authentication methods at the token endpoint.
    #[serde(default)]
    pub token_endpoint_auth_methods_supported: Vec<String>,
    /// Algorithms for `private_key_jwt` / `client_secret_jwt` assertions.
    #[serde(default)]
    pub token_endpoint_auth_signing_alg_values_supported: Vec<String>,
    /// PKCE methods.
    #[serde(default)]
    pub code_challenge_methods_supported: Vec<String>,
    /// DPoP proof algorithms (RFC 9449 §5.1).
    #[serde(default)]
    pub dpop_signing_alg_values_supported: Vec<String>,
    /// Claims the provider may supply.
    #[serde(default)]
    pub claims_supported: Vec<String>,
    /// Whether the `claims` parameter is supported.
    #[serde(default)]
    pub claims_parameter_supported: bool,
    /// Whether `request` is supported.
    #[serde(default)]
    pub request_parameter_supported: bool,
    /// Whether the authorization response carries `iss` (RFC 9207).
    #[serde(default)]
    pub authorization_response_iss_parameter_supported: bool,
    /// Everything else the document holds.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ProviderMetadata {
    /// The endpoint fields, by name, for the HTTPS check.
    fn endpoints(&self) -> [(&'static str, Option<&Url>); 10] {
        [
            (
                "authorization_endpoint",
                self.authorization_endpoint.as_ref(),
            ),
            ("token_endpoint", self.token_endpoint.as_ref()),
            ("userinfo_endpoint", self.userinfo_endpoint.as_ref()),
            ("jwks_uri", self.jwks_uri.as_ref()),
            ("registration_endpoint", self.registration_endpoint.as_ref()),
            ("revocation_endpoint", self.revocation_endpoint.as_ref()),
            (
                "introspection_endpoint",
                self.introspection_endpoint.as_ref(),
            ),
            (
                "device_authorization_endpoint",
                self.device_authorization_endpoint.as_ref(),
            ),
            ("end_session_endpoint", self.end_session_endpoint.as_ref()),
            (
                "pushed_authorization_request_endpoint",
                self.pushed_authorization_request_endpoint.as_ref(),
            ),
        ]
    }

    /// Parses a document and checks it against `expected_issuer`.
    pub fn from_json(
        body: &[u8],
        expected_issuer: &str,
    ) -> Result<ProviderMetadata, DiscoveryError> {
        let metadata: ProviderMetadata =
            serde_json::from_slice(body).map_err(|e| DiscoveryError::Document {
                reason: shape_reason(&e),
            })?;
        if metadata.issuer != expected_issuer {
            return Err(DiscoveryError::IssuerMismatch {
                expected: expected_issuer.to_string(),
                found: clip(&metadata.issuer),
            });
        }
        for (field, url) in metadata.endpoints() {
            if url.is_some_and(|u| !fetch::is_secure(u)) {
                return Err(DiscoveryError::InsecureEndpoint { field });
            }
        }
        Ok(metadata)
    }
}

/// Why the metadata could not be had.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiscoveryError {
    /// The configured issuer is not an HTTPS (or loopback HTTP) URL without query or fragment.
    #[error("the issuer must be an https URL (or http on loopback) without query or fragment")]
    InvalidIssuer,
    /// The document could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// Neither well-known location had a document.
    #[error("no metadata document: the server answered HTTP {status}")]
    NotFound {
        /// The last status.
        status: u16,
    },
    /// The document is not metadata (not JSON, a field of the wrong type).
    #[error("the metadata document is malformed: {reason}")]
    Document {
        /// Which rule it broke.
        reason: String,
    },
    /// The document names another issuer (Discovery §4.3): it must not be used.
    #[error("the metadata names issuer `{found}`, not the configured `{expected}`")]
    IssuerMismatch {
        /// The configured issuer.
        expected: String,
        /// The document's (clipped to 200 characters).
        found: String,
    },
    /// An endpoint is neither HTTPS nor HTTP on loopback.
    #[error("the metadata's `{field}` must use https, or http on a loopback address")]
    InsecureEndpoint {
        /// The field.
        field: &'static str,
    },
}

/// A serde error's reason without the value that caused it (bodies are the server's text).
pub(crate) fn shape_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if text.starts_with("missing field") || text.starts_with("duplicate field") {
        text
    } else if e.is_syntax() || e.is_eof() {
        format!("not JSON (line {}, column {})", e.line(), e.column())
    } else {
        format!(
            "a field has the wrong type or form (line {}, column {})",
            e.line(),
            e.column()
        )
    }
}

/// At most 200 characters of a value a server chose, for an error message.
pub(crate) fn clip(s: &str) -> String {
    s.chars().take(200).collect()
}

struct Cached {
    metadata: Arc<ProviderMetadata>,
    fresh_until: Instant,
}

/// The metadata of one issuer, fetched on first use and kept for as long as the server's
/// `Cache-Control` says (within the [`CachePolicy`] bounds). Concurrent callers share one
/// fetch; a cached read takes no lock.
pub struct Discovery {
    issuer: String,
    openid_url: Url,
    oauth_url: Url,
    http: reqwest::Client,
    clock: Arc<dyn Clock>,
    policy: CachePolicy,
    timeout: Duration,
    cached: ArcSwapOption<Cached>,
    fetching: tokio::sync::Mutex<()>,
    fetches: AtomicU64,
}

impl std::fmt::Debug for Discovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Discovery")
            .field("issuer", &self.issuer)
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Discovery`].
pub struct DiscoveryBuilder {
    issuer: String,
    origin: Option<Url>,
    http: Option<reqwest::Client>,
    clock: Arc<dyn Clock>,
    policy: CachePolicy,
    timeout: Duration,
}

impl DiscoveryBuilder {
    /// The HTTP client (default: rustls, no redirects). A client that follows redirects is
    /// still caught: an answer from another URL is refused.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// The clock the cache goes by (tests).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Fetches the documents from `origin` (scheme, host and port) instead of the issuer's,
    /// keeping their paths: for a simulator or a test server standing in for the issuer. The
    /// document's `issuer` is still compared with the configured issuer.
    pub fn origin_override(mut self, origin: Url) -> Self {
        self.origin = Some(origin);
        self
    }

    /// Cache bounds.
    pub fn cache_policy(mut self, policy: CachePolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The timeout of one fetch (default 10 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Checks the issuer URL and builds.
    pub fn build(self) -> Result<Discovery, DiscoveryError> {
        let (mut openid_url, mut oauth_url) = well_known_urls(&self.issuer)?;
        if let Some(origin) = &self.origin {
            for url in [&mut openid_url, &mut oauth_url] {
                move_to(url, origin).map_err(|()| DiscoveryError::InvalidIssuer)?;
            }
            if !fetch::is_secure(&openid_url) {
                return Err(DiscoveryError::InvalidIssuer);
            }
        }
        let http = match self.http {
            Some(http) => http,
            None => fetch::default_client()?,
        };
        Ok(Discovery {
            issuer: self.issuer,
            openid_url,
            oauth_url,
            http,
            clock: self.clock,
            policy: self.policy,
            timeout: self.timeout,
            cached: ArcSwapOption::empty(),
            fetching: tokio::sync::Mutex::new(()),
            fetches: AtomicU64::new(0),
        })
    }
}

/// `url` with the scheme, host and port of `origin`.
pub(crate) fn move_to(url: &mut Url, origin: &Url) -> Result<(), ()> {
    url.set_scheme(origin.scheme())?;
    url.set_host(origin.host_str()).map_err(|_| ())?;
    url.set_port(origin.port())
}

/// `<issuer>/.well-known/openid-configuration` (Discovery §4) and RFC 8414 §3's
/// `<origin>/.well-known/oauth-authorization-server<path>`.
fn well_known_urls(issuer: &str) -> Result<(Url, Url), DiscoveryError> {
    let url = Url::parse(issuer).map_err(|_| DiscoveryError::InvalidIssuer)?;
    if !fetch::is_secure(&url)
        || url.query().is_some()
        || url.fragment().is_some()
        || issuer.contains(['?', '#'])
        || url.cannot_be_a_base()
    {
        return Err(DiscoveryError::InvalidIssuer);
    }
    let trimmed = issuer.trim_end_matches('/');
    let openid = Url::parse(&format!("{trimmed}/.well-known/openid-configuration"))
        .map_err(|_| DiscoveryError::InvalidIssuer)?;
    let path = url.path().trim_end_matches('/');
    let mut oauth = url.clone();
    oauth.set_path(&format!("/.well-known/oauth-authorization-server{path}"));
    Ok((openid, oauth))
}

impl Discovery {
    /// Discovery for `issuer`, with the defaults.
    pub fn new(issuer: impl Into<String>) -> Result<Discovery, DiscoveryError> {
        Discovery::builder(issuer).build()
    }

    /// Starts a builder for `issuer` (compared byte for byte with the document's `issuer`).
    pub fn builder(issuer: impl Into<String>) -> DiscoveryBuilder {
        DiscoveryBuilder {
            issuer: issuer.into(),
            origin: None,
            http: None,
            clock: Arc::new(SystemClock),
            policy: CachePolicy::default(),
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// The configured issuer.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// How many documents have been fetched (both well-known locations count).
    pub fn fetch_count(&self) -> u64 {
        self.fetches.load(Ordering::Relaxed)
    }

    /// The metadata: the cached document while it is fresh, a new one otherwise.
    pub async fn metadata(&self) -> Result<Arc<ProviderMetadata>, DiscoveryError> {
        if let Some(fresh) = self.fresh() {
            return Ok(fresh);
        }
        let _one_fetch = self.fetching.lock().await;
        if let Some(fresh) = self.fresh() {
            return Ok(fresh);
        }
        let (metadata, ttl) = self.fetch().await?;
        let metadata = Arc::new(metadata);
        self.cached.store(Some(Arc::new(Cached {
            metadata: Arc::clone(&metadata),
            fresh_until: self.clock.now() + ttl,
        })));
        Ok(metadata)
    }

    fn fresh(&self) -> Option<Arc<ProviderMetadata>> {
        let cached = self.cached.load();
        let cached = cached.as_ref()?;
        (self.clock.now() < cached.fresh_until).then(|| Arc::clone(&cached.metadata))
    }

    async fn fetch(&self) -> Result<(ProviderMetadata, Duration), DiscoveryError> {
        let mut status = 0;
        for url in [&self.openid_url, &self.oauth_url] {
            self.fetches.fetch_add(1, Ordering::Relaxed);
            let request = self
                .http
                .get(url.clone())
                .header(reqwest::header::ACCEPT, "application/json");
            let got = fetch::send(request, url, "discovery document", self.timeout).await?;
            if (200..300).contains(&got.status) {
                let metadata = ProviderMetadata::from_json(&got.body, &self.issuer)?;
                return Ok((metadata, self.policy.ttl(&got.headers)));
            }
            status = got.status;
            // Only a missing document sends us to the next location.
            if !(400..500).contains(&got.status) {
                break;
            }
        }
        Err(DiscoveryError::NotFound { status })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_locations() {
        let (o, a) = well_known_urls("https://id.example.com").unwrap();
        assert_eq!(
            o.as_str(),
            "https://id.example.com/.well-known/openid-configuration"
        );
        assert_eq!(
            a.as_str(),
            "https://id.example.com/.well-known/oauth-authorization-server"
        );
        let (o, a) = well_known_urls("https://id.example.com/tenant/1/").unwrap();
        assert_eq!(
            o.as_str(),
            "https://id.example.com/tenant/1/.well-known/openid-configuration"
        );
        assert_eq!(
            a.as_str(),
            "https://id.example.com/.well-known/oauth-authorization-server/tenant/1"
        );
    }

    #[test]
    fn issuers_that_are_refused() {
        for bad in [
            "http://id.example.com",
            "https://id.example.com/?x=1",
            "https://id.example.com/#f",
            "mailto:a@b",
            "not a url",
        ] {
            assert!(
                matches!(well_known_urls(bad), Err(DiscoveryError::InvalidIssuer)),
                "{bad}"
            );
        }
    }

    #[test]
    fn document_checks() {
        let doc = br#"{"issuer":"https://a.example","jwks_uri":"https://a.example/jwks",
            "require_pushed_authorization_requests":true,"x_custom":1}"#;
        let m = ProviderMetadata::from_json(doc, "https://a.example").unwrap();
        assert!(m.require_pushed_authorization_requests);
        assert_eq!(m.extra.get("x_custom"), Some(&Value::from(1)));
        assert!(matches!(
            ProviderMetadata::from_json(doc, "https://a.example/"),
            Err(DiscoveryError::IssuerMismatch { .. })
        ));
        let insecure = br#"{"issuer":"https://a.example","token_endpoint":"http://a.example/t"}"#;
        assert!(matches!(
            ProviderMetadata::from_json(insecure, "https://a.example"),
            Err(DiscoveryError::InsecureEndpoint {
                field: "token_endpoint"
            })
        ));
    }
}
