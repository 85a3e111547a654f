//! Documented lifetimes of codes and tokens.

/// A lifetime: a number of seconds, or `Never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// Lives this many seconds.
    Secs(u64),
    /// Does not expire (valid until revoked).
    Never,
}

/// Documented lifetimes.
#[derive(Debug, Clone)]
pub struct LifetimesDef {
    /// Authorization code.
    pub authorization_code: Option<Lifetime>,
    /// PIN code.
    pub pin_code: Option<Lifetime>,
    /// Device code (RFC 8628), when the provider documents it.
    pub device_code: Option<Lifetime>,
    /// Access token; also the longest lifetime a token response is believed to give.
    pub access_token: Option<Lifetime>,
    /// Refresh token.
    pub refresh_token: Option<Lifetime>,
    /// Refresh this many seconds ahead of expiry.
    pub refresh_skew_secs: u64,
}
