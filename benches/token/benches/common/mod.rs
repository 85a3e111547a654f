//! The peers (yup-oauth2 and oauth2-rs, dev-dependencies) as [`Contender`]s, and the setup both
//! bench targets share. Ours lives in the library (`oauth_bench::ours`).
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use oauth2::basic::BasicClient;
use oauth2::{EndpointNotSet, EndpointSet, TokenResponse, TokenUrl};
use oauth_bench::endpoint::EndpointProcess;
use oauth_bench::ours::{Ours, OursLent};
use oauth_bench::{BenchError, Contender, CLIENT_ID, CLIENT_SECRET};
use yup_oauth2::authenticator::Authenticator;
use yup_oauth2::{DefaultHyperClientBuilder, HyperClientBuilder};
use yup_oauth2::{ServiceAccountAuthenticator, ServiceAccountKey};

/// How long the endpoint takes to answer a token request in the stampede: long enough that a
/// cache which does not deduplicate cannot look perfect by luck.
pub const ENDPOINT_DELAY: Duration = Duration::from_millis(50);

/// The stampede sizes.
pub const CALLERS: [usize; 2] = [1_000, 10_000];

/// The throwaway key yup-oauth2 signs its JWT assertions with (see `fixtures/README.md`).
const SERVICE_ACCOUNT_KEY: &str = include_str!("../../fixtures/service_account_key.pem");

/// The scope yup-oauth2 asks for (its cache is keyed by scopes).
const SCOPES: &[&str] = &["https://bench.invalid/auth/all"];

/// The runtime the endpoint admin client, the contenders' HTTP clients and the stampedes run
/// on: two workers, one per core.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime (setup)")
}

/// The local token endpoint, in its own process.
pub fn endpoint() -> EndpointProcess {
    EndpointProcess::start(
        Path::new(env!("CARGO_BIN_EXE_token-endpoint")),
        ENDPOINT_DELAY,
    )
    .expect("the local token endpoint (setup)")
}

type YupConnector = <DefaultHyperClientBuilder as HyperClientBuilder>::Connector;

/// yup-oauth2's service account authenticator with its default (in-memory) token storage,
/// built from a key whose `token_uri` is the local endpoint. It renews a token one minute
/// before it expires (fixed in yup-oauth2).
pub struct Yup {
    auth: Authenticator<YupConnector>,
}

impl Yup {
    /// The authenticator for `token_url`.
    pub async fn new(token_url: &str) -> Result<Yup, BenchError> {
        let key = ServiceAccountKey {
            key_type: Some("service_account".into()),
            project_id: Some("oauth-bench".into()),
            private_key_id: Some("bench-key".into()),
            private_key: SERVICE_ACCOUNT_KEY.into(),
            client_email: "bench@oauth-bench.invalid".into(),
            client_id: Some(CLIENT_ID.into()),
            auth_uri: None,
            token_uri: token_url.into(),
            auth_provider_x509_cert_url: None,
            client_x509_cert_url: None,
        };
        let auth = ServiceAccountAuthenticator::builder(key)
            .build()
            .await
            .map_err(|e| BenchError::new("building the yup-oauth2 authenticator", e))?;
        Ok(Yup { auth })
    }
}

impl Contender for Yup {
    type Token = yup_oauth2::AccessToken;

    fn name(&self) -> &'static str {
        "yup-oauth2 12 service account"
    }

    fn stale_expires_in(&self) -> u64 {
        60
    }

    async fn token(&self) -> Result<yup_oauth2::AccessToken, BenchError> {
        self.auth
            .token(SCOPES)
            .await
            .map_err(|e| BenchError::new("yup-oauth2 token()", e))
    }
}

type Oauth2Client =
    BasicClient<EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// What the user's cache holds: the token and when it stops being usable.
type Cached = Option<(oauth2::AccessToken, Instant)>;

/// An oauth2-rs client as its docs set one up, with a `reqwest::Client` that follows no
/// redirects.
fn oauth2_client(token_url: &str) -> Result<(Oauth2Client, reqwest::Client), BenchError> {
    let url = TokenUrl::new(token_url.to_string())
        .map_err(|e| BenchError::new("the oauth2-rs token URL", e))?;
    let client = BasicClient::new(oauth2::ClientId::new(CLIENT_ID.into()))
        .set_client_secret(oauth2::ClientSecret::new(CLIENT_SECRET.into()))
        .set_token_uri(url);
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| BenchError::new("building the oauth2-rs HTTP client", e))?;
    Ok((client, http))
}

/// One client credentials request, and the entry the user's cache keeps for it (`expires_in`
/// from now; an hour when the response has none).
async fn oauth2_fetch(
    client: &Oauth2Client,
    http: &reqwest::Client,
) -> Result<(oauth2::AccessToken, Instant), BenchError> {
    let response = client
        .exchange_client_credentials()
        .request_async(http)
        .await
        .map_err(|e| BenchError::new("oauth2-rs exchange_client_credentials", e))?;
    let lifetime = response.expires_in().unwrap_or(Duration::from_secs(3600));
    Ok((response.access_token().clone(), Instant::now() + lifetime))
}

/// oauth2-rs behind the cache most users write first, holding the lock across the fetch:
///
/// ```text
/// let mut cache = self.cache.lock().await;          // tokio::sync::Mutex<Option<(token, expires_at)>>
/// if let Some((token, expires_at)) = &*cache {
///     if Instant::now() < *expires_at { return Ok(token.clone()); }
/// }
/// let response = client.exchange_client_credentials().request_async(&http).await?;
/// *cache = Some((response.access_token().clone(), Instant::now() + expires_in));
/// ```
///
/// Concurrent callers queue on the lock while one fetches, so a renewal is one request; every
/// cached read takes the lock.
pub struct Oauth2LockHeld {
    client: Oauth2Client,
    http: reqwest::Client,
    cache: tokio::sync::Mutex<Cached>,
}

impl Oauth2LockHeld {
    /// The client and an empty cache for `token_url`.
    pub fn new(token_url: &str) -> Result<Oauth2LockHeld, BenchError> {
        let (client, http) = oauth2_client(token_url)?;
        Ok(Oauth2LockHeld {
            client,
            http,
            cache: tokio::sync::Mutex::new(None),
        })
    }
}

impl Contender for Oauth2LockHeld {
    type Token = oauth2::AccessToken;

    fn name(&self) -> &'static str {
        "oauth2-rs 5 + Mutex, lock held across fetch"
    }

    fn stale_expires_in(&self) -> u64 {
        0
    }

    async fn token(&self) -> Result<oauth2::AccessToken, BenchError> {
        let mut cache = self.cache.lock().await;
        if let Some((token, expires_at)) = &*cache {
            if Instant::now() < *expires_at {
                return Ok(token.clone());
            }
        }
        let (token, expires_at) = oauth2_fetch(&self.client, &self.http).await?;
        *cache = Some((token.clone(), expires_at));
        Ok(token)
    }
}

/// oauth2-rs behind the other common cache: check under the lock, release it, fetch, then
/// store (so a slow token endpoint never blocks readers):
///
/// ```text
/// if let Some((token, expires_at)) = &*self.cache.lock().await {   // guard dropped here
///     if Instant::now() < *expires_at { return Ok(token.clone()); }
/// }
/// let response = client.exchange_client_credentials().request_async(&http).await?;
/// *self.cache.lock().await = Some((response.access_token().clone(), Instant::now() + expires_in));
/// ```
///
/// Every caller that finds the token expired fetches its own.
pub struct Oauth2CheckRelease {
    client: Oauth2Client,
    http: reqwest::Client,
    cache: tokio::sync::Mutex<Cached>,
}

impl Oauth2CheckRelease {
    /// The client and an empty cache for `token_url`.
    pub fn new(token_url: &str) -> Result<Oauth2CheckRelease, BenchError> {
        let (client, http) = oauth2_client(token_url)?;
        Ok(Oauth2CheckRelease {
            client,
            http,
            cache: tokio::sync::Mutex::new(None),
        })
    }
}

impl Contender for Oauth2CheckRelease {
    type Token = oauth2::AccessToken;

    fn name(&self) -> &'static str {
        "oauth2-rs 5 + Mutex, check-release-fetch-store"
    }

    fn stale_expires_in(&self) -> u64 {
        0
    }

    async fn token(&self) -> Result<oauth2::AccessToken, BenchError> {
        {
            let cache = self.cache.lock().await;
            if let Some((token, expires_at)) = &*cache {
                if Instant::now() < *expires_at {
                    return Ok(token.clone());
                }
            }
        }
        let (token, expires_at) = oauth2_fetch(&self.client, &self.http).await?;
        *self.cache.lock().await = Some((token.clone(), expires_at));
        Ok(token)
    }
}

/// Every contender, built against `endpoint`.
pub struct Contenders {
    /// Ours.
    pub ours: Arc<Ours>,
    /// Ours, the set lent to a closure (`with_token`).
    pub ours_lent: Arc<OursLent>,
    /// yup-oauth2.
    pub yup: Arc<Yup>,
    /// oauth2-rs, lock held across the fetch.
    pub oauth2_held: Arc<Oauth2LockHeld>,
    /// oauth2-rs, check-release-fetch-store.
    pub oauth2_release: Arc<Oauth2CheckRelease>,
}

impl Contenders {
    /// All five, each with an empty cache.
    pub async fn new(endpoint: &EndpointProcess) -> Result<Contenders, BenchError> {
        Ok(Contenders {
            ours: Arc::new(Ours::new(&endpoint.origin())?),
            ours_lent: Arc::new(OursLent::new(&endpoint.origin())?),
            yup: Arc::new(Yup::new(&endpoint.token_url()).await?),
            oauth2_held: Arc::new(Oauth2LockHeld::new(&endpoint.token_url())?),
            oauth2_release: Arc::new(Oauth2CheckRelease::new(&endpoint.token_url())?),
        })
    }
}
