//! [`TokenCap`]: the cap on access tokens one refresh token may have live (Zoho's 30),
//! enforced before a renewal would pass it.

use std::time::{Duration, SystemTime};

use oauth_model::{Capped, Lifetime, LimitDef, LimitKey, ProviderDef};

use crate::error::Error;

/// A cap on the access tokens one refresh token may have live at once, enforced before a
/// renewal would pass it.
///
/// Zoho allows 30 live access tokens per refresh token and deletes the oldest when a 31st is
/// minted, whether or not another process is still using it. A [`TokenSource`](super::TokenSource) reuses its
/// token until it is due, so normal use never comes near; what does is a loop of renewals (an
/// API rejecting every token) or many processes each renewing with its own memory store. With
/// a cap, the source counts the mints of its refresh token (in [`TokenSet::mints`](crate::TokenSet::mints), stored
/// with the set, so processes sharing a store count together) and refuses the renewal that
/// would pass it with [`Error::LimitReached`], saying when the oldest live token expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenCap {
    /// Access tokens allowed live per refresh token.
    pub max: u32,
    /// How long a minted access token stays live (the access-token lifetime); `None` when
    /// tokens never expire, so every mint counts for ever.
    pub live_for: Option<Duration>,
    /// The limit in the provider's words, for [`Error::LimitReached`].
    pub description: String,
}

impl TokenCap {
    /// The spec's cap on access tokens per refresh token, if it documents one, with the
    /// documented access-token lifetime.
    pub fn from_def(def: &ProviderDef) -> Option<TokenCap> {
        def.limits.iter().find_map(|l| match l {
            LimitDef::Cap {
                counts: Capped::AccessTokens,
                max,
                key: LimitKey::RefreshToken,
                description,
                ..
            } => Some(TokenCap {
                max: *max,
                live_for: match def.lifetimes.access_token {
                    Some(Lifetime::Secs(s)) => Some(crate::time::secs(s)),
                    Some(Lifetime::Never) | None => None,
                },
                description: description.to_string(),
            }),
            _ => None,
        })
    }

    /// The mints among `mints` still live at `now`, oldest first.
    pub(super) fn live(&self, mints: &[SystemTime], now: SystemTime) -> Vec<SystemTime> {
        mints
            .iter()
            .copied()
            .filter(|m| {
                self.live_for
                    .is_none_or(|life| crate::time::later(*m, life) > now)
            })
            .collect()
    }

    /// Refuses a mint at `now` that would make more than `max` live tokens.
    pub(super) fn check(&self, mints: &[SystemTime], now: SystemTime) -> Result<(), Error> {
        let live = self.live(mints, now);
        if live.len() < usize::try_from(self.max).unwrap_or(usize::MAX) {
            return Ok(());
        }
        // The oldest live token must expire before a mint stops evicting or being refused.
        let retry_after = match (live.first(), self.live_for) {
            (Some(oldest), Some(life)) => crate::time::later(*oldest, life)
                .duration_since(now)
                .unwrap_or(Duration::ZERO),
            _ => NEVER,
        };
        Err(Error::LimitReached {
            limit: self.description.clone(),
            retry_after,
        })
    }
}

/// The wait reported for a cap no wait can lift (tokens that never expire): a year.
pub(super) const NEVER: Duration = Duration::from_secs(365 * 24 * 3600);
