//! What obtains a new token set: the [`TokenFetcher`] trait, and the two fetchers generated
//! clients use (a refresh of the stored set, the client credentials grant).

use futures::future::BoxFuture;

use crate::engine::Client;
use crate::error::Error;
use crate::token::TokenSet;

/// Obtains a new token set: a refresh, a client-credentials request, a custom grant.
pub trait TokenFetcher: Send + Sync + 'static {
    /// Fetches a new set. `current` is the set stored now (its refresh token is what a
    /// refresh uses), `None` when nothing is stored.
    fn fetch<'a>(&'a self, current: Option<&'a TokenSet>)
        -> BoxFuture<'a, Result<TokenSet, Error>>;

    /// Whether a fetch whose outcome is unknown ([`Error::outcome_unknown`]: it timed out or
    /// lost its connection after sending) may be sent again. `true` unless sending it twice
    /// can do harm: a refresh at a provider that rotates refresh tokens has perhaps already
    /// consumed the one it sent, and sending it again is a reuse, which such providers answer
    /// with `invalid_grant` and may punish by revoking every token of the grant.
    fn replayable(&self) -> bool {
        true
    }
}

/// Renews with the refresh token of the stored set.
///
/// Where the spec says the provider rotates refresh tokens (`refresh_token.rotates`), a
/// refresh that timed out or lost its connection after sending is not repeated (see
/// [`TokenFetcher::replayable`]): the error is returned, and the stored set is kept.
#[derive(Debug, Clone)]
pub struct RefreshFetcher {
    client: Client,
    scopes: Vec<String>,
    rotates: bool,
}

impl RefreshFetcher {
    /// Refreshes through `client`, asking for the set's own scopes.
    #[doc(hidden)]
    pub fn new(client: Client) -> RefreshFetcher {
        let rotates = client
            .def()
            .grants
            .refresh_token
            .as_ref()
            .is_some_and(|r| r.rotates);
        RefreshFetcher {
            client,
            scopes: Vec::new(),
            rotates,
        }
    }

    /// Asks for `scopes` on refresh (where the spec sends scope).
    pub fn with_scopes(mut self, scopes: Vec<String>) -> RefreshFetcher {
        self.scopes = scopes;
        self
    }
}

impl TokenFetcher for RefreshFetcher {
    fn fetch<'a>(
        &'a self,
        current: Option<&'a TokenSet>,
    ) -> BoxFuture<'a, Result<TokenSet, Error>> {
        Box::pin(async move {
            let current = current.ok_or_else(|| {
                Error::NoToken(
                    "no token set is stored for this source: the user must authorize".into(),
                )
            })?;
            let scopes = (!self.scopes.is_empty()).then_some(self.scopes.as_slice());
            self.client.refresh_with(current, scopes).await
        })
    }

    fn replayable(&self) -> bool {
        !self.rotates
    }
}

/// Obtains tokens with the client credentials grant.
#[derive(Debug, Clone)]
pub struct ClientCredentialsFetcher {
    client: Client,
    scopes: Vec<String>,
}

impl ClientCredentialsFetcher {
    /// Client credentials through `client` for `scopes`.
    #[doc(hidden)]
    pub fn new(client: Client, scopes: Vec<String>) -> ClientCredentialsFetcher {
        ClientCredentialsFetcher { client, scopes }
    }
}

impl TokenFetcher for ClientCredentialsFetcher {
    fn fetch<'a>(
        &'a self,
        _current: Option<&'a TokenSet>,
    ) -> BoxFuture<'a, Result<TokenSet, Error>> {
        Box::pin(async move { self.client.client_credentials(&self.scopes).await })
    }
}
