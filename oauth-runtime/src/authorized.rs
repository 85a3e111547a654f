//! Authorized API requests: a [`Client`] plus a [`TokenSource`].
//!
//! [`AuthorizedClient::send`] attaches the current token the way the spec says, and when the
//! provider answers with a token error (expired or invalid, including the ones inside an HTTP
//! 200 body that the spec declares) it invalidates that token, gets a fresh one and retries
//! exactly once. It must never retry more than once, never retry other errors, and never log
//! a token. Behind the `middleware` feature, [`TokenMiddleware`] does the same for a
//! `reqwest_middleware` stack (recognising HTTP 401 only, since it does not read bodies).

use oauth_model::Counted;

use crate::api_response::ApiResponse;
use crate::engine::Client;
use crate::error::Error;
use crate::limits::RateLimiter;
use crate::source::TokenSource;
use std::sync::Arc;
use std::time::Duration;

/// A client whose API requests carry a token from a [`TokenSource`].
#[derive(Debug, Clone)]
pub struct AuthorizedClient {
    client: Client,
    source: TokenSource,
    limiter: Arc<RateLimiter>,
}

impl AuthorizedClient {
    /// Sends requests through `client` with tokens from `source` (what generated code calls),
    /// checking the client's rate
    /// limiter (the client's `rate_limiter`: the spec's limits, such as Marketo's 100 calls per
    /// 20 s) for [`Counted::ApiCalls`] before every request sent.
    #[doc(hidden)]
    pub fn new(client: Client, source: TokenSource) -> AuthorizedClient {
        let limiter = Arc::clone(client.rate_limiter());
        AuthorizedClient {
            client,
            source,
            limiter,
        }
    }

    /// Checks `limiter` (for [`Counted::ApiCalls`]) before every request sent, instead of the
    /// client's ([`RateLimiter::unlimited`] to check nothing).
    pub fn with_limiter(mut self, limiter: Arc<RateLimiter>) -> AuthorizedClient {
        self.limiter = limiter;
        self
    }

    /// The engine client (for generated code).
    #[doc(hidden)]
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The token source.
    pub fn source(&self) -> &TokenSource {
        &self.source
    }

    /// Builds a request with `build` (called once per attempt), sends it with the current
    /// token, and on a token error renews the token and sends it once more.
    pub async fn send(
        &self,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Result<ApiResponse, Error> {
        let token = self.source.token().await?;
        self.check_limit()?;
        match self
            .client
            .send_api(build(self.client.http()), &token)
            .await
        {
            Err(e) if e.is_token_error() => {
                if let Some(ago) = self.source.rejected_replacement(&token) {
                    return Err(rejected(ago, e));
                }
                self.source.invalidate(&token);
                let fresh = self.source.token().await?;
                self.check_limit()?;
                let again = self
                    .client
                    .send_api(build(self.client.http()), &fresh)
                    .await;
                match again {
                    Ok(response) => {
                        self.source.accepted(&fresh);
                        Ok(response)
                    }
                    // The fresh token is rejected too: it stays cached (not invalidated), and
                    // the next call that sees it rejected answers `TokenRejected` instead of
                    // renewing again.
                    Err(e) if e.is_token_error() => Err(rejected(Duration::ZERO, e)),
                    Err(e) => Err(e),
                }
            }
            other => {
                if other.is_ok() {
                    self.source.accepted(&token);
                }
                other
            }
        }
    }

    fn check_limit(&self) -> Result<(), Error> {
        self.limiter.check(Counted::ApiCalls)
    }
}

/// The error for a fresh token an API rejected, keeping the provider's own.
fn rejected(obtained_ago: Duration, e: Error) -> Error {
    Error::TokenRejected {
        obtained_ago,
        provider: e.provider().cloned(),
    }
}

#[cfg(feature = "middleware")]
pub use mw::TokenMiddleware;

#[cfg(feature = "middleware")]
mod mw {
    use super::*;
    use http::Extensions;
    use reqwest_middleware::{Middleware, Next};

    /// A `reqwest_middleware` layer that authorizes every request with a [`TokenSource`] and,
    /// on HTTP 401, renews the token and retries once (when the request can be cloned).
    ///
    /// It sees only statuses: a provider that reports token errors inside a 200 body (Zoho,
    /// Marketo) needs [`AuthorizedClient::send`], which reads the body. Like it, it checks the
    /// client's rate limiter for [`Counted::ApiCalls`] before every request sent; past a
    /// limit the request fails with [`Error::LimitReached`] and is not sent.
    #[derive(Debug, Clone)]
    pub struct TokenMiddleware {
        client: Client,
        source: TokenSource,
    }

    impl TokenMiddleware {
        /// Authorizes through `client`'s presentation rules with tokens from `source`.
        #[doc(hidden)]
        pub fn new(client: Client, source: TokenSource) -> TokenMiddleware {
            TokenMiddleware { client, source }
        }

        fn authorize(
            &self,
            req: reqwest::Request,
            token: &crate::token::TokenSet,
        ) -> reqwest_middleware::Result<reqwest::Request> {
            let builder = reqwest::RequestBuilder::from_parts(self.client.http().clone(), req);
            self.client
                .authorize_request(builder, token)
                .map_err(mw_err)?
                .build()
                .map_err(reqwest_middleware::Error::Reqwest)
        }
    }

    fn mw_err(e: Error) -> reqwest_middleware::Error {
        reqwest_middleware::Error::Middleware(e.into())
    }

    #[async_trait::async_trait]
    impl Middleware for TokenMiddleware {
        async fn handle(
            &self,
            req: reqwest::Request,
            extensions: &mut Extensions,
            next: Next<'_>,
        ) -> reqwest_middleware::Result<reqwest::Response> {
            let limiter = self.client.rate_limiter();
            let spare = req.try_clone();
            let token = self.source.token().await.map_err(mw_err)?;
            limiter.check(Counted::ApiCalls).map_err(mw_err)?;
            let first = self.authorize(req, &token)?;
            let resp = next.clone().run(first, extensions).await?;
            if resp.status() != reqwest::StatusCode::UNAUTHORIZED {
                self.source.accepted(&token);
                return Ok(resp);
            }
            let Some(again) = spare else {
                return Ok(resp);
            };
            self.source.invalidate(&token);
            let fresh = self.source.token().await.map_err(mw_err)?;
            limiter.check(Counted::ApiCalls).map_err(mw_err)?;
            let second = self.authorize(again, &fresh)?;
            let resp = next.run(second, extensions).await?;
            if resp.status() == reqwest::StatusCode::UNAUTHORIZED {
                self.source.invalidate(&fresh);
            } else {
                self.source.accepted(&fresh);
            }
            Ok(resp)
        }
    }
}
