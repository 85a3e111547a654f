//! What a spec says about lifetimes and limits.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::either::{Short, ShortOrLong};
use super::{Capped, Counted, LimitKey, OnExceed, Sp};

/// Documented lifetimes, as durations (`2m`, `1h`, `48h`, `3600s`) or `never`, each short or
/// long (`{ value: 1h, source: ... }`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Lifetimes {
    /// Authorization (grant) code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_code: Option<Sp<ShortOrLong<LifetimeSpec>>>,
    /// PIN code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_code: Option<Sp<ShortOrLong<LifetimeSpec>>>,
    /// Device code (RFC 8628).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_code: Option<Sp<ShortOrLong<LifetimeSpec>>>,
    /// Access token; also the longest lifetime a token response is believed to give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<Sp<ShortOrLong<LifetimeSpec>>>,
    /// Refresh token (`never`: valid until revoked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<Sp<ShortOrLong<LifetimeSpec>>>,
    /// How long before expiry the runtime refreshes; `60s` unless given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_skew: Option<Sp<ShortOrLong<LifetimeSpec>>>,
}

/// A lifetime, long form.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LifetimeSpec {
    /// `2m`, `1h`, `30d`, or `never`.
    pub value: Sp<String>,
    /// The public page this fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Sp<String>>,
    /// Which page the spec follows where pages disagree, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Short for LifetimeSpec {
    const EXPECTING: &'static str = "a duration (`2m`, `1h`) or `never`";

    fn from_short(s: &str) -> Result<Self, String> {
        Ok(LifetimeSpec {
            value: Sp::unplaced(s.to_string()),
            source: None,
            note: None,
        })
    }
}

/// A documented limit.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Limit {
    /// At most `max` events per `per`, counted per `key`; past it, blocked for `block_for`.
    Rate {
        /// Names the limit, so that a spec extending this one can replace it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<Sp<String>>,
        /// What is counted.
        counts: Sp<Counted>,
        /// How many are allowed in the window.
        max: Sp<i64>,
        /// The window (`1m`, `20s`, `1d`).
        per: Sp<String>,
        /// What the count is kept per.
        #[serde(default = "per_client")]
        key: LimitKey,
        /// How long the provider blocks the key after the limit is passed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        block_for: Option<Sp<String>>,
        /// The `code` of the error rule the provider answers with past the limit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<Sp<String>>,
        /// The provider's words (rustdoc).
        description: String,
        /// The public page this fact comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Sp<String>>,
        /// Which page the spec follows where pages disagree, and why.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// At most `max` live objects per `key`; past it, `on_exceed` happens.
    Cap {
        /// Names the limit, so that a spec extending this one can replace it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<Sp<String>>,
        /// What is capped.
        counts: Sp<Capped>,
        /// How many may be live.
        max: Sp<i64>,
        /// What the cap is kept per.
        key: LimitKey,
        /// What the provider does when one more is minted.
        on_exceed: OnExceed,
        /// The `code` of the error rule the provider answers with past the cap.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        error: Option<Sp<String>>,
        /// The provider's words (rustdoc).
        description: String,
        /// The public page this fact comes from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<Sp<String>>,
        /// Which page the spec follows where pages disagree, and why.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
}

impl Limit {
    /// The limit's `id`, if it has one.
    pub fn id(&self) -> Option<&Sp<String>> {
        match self {
            Limit::Rate { id, .. } | Limit::Cap { id, .. } => id.as_ref(),
        }
    }
}

fn per_client() -> LimitKey {
    LimitKey::Client
}
