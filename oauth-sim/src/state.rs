//! The simulator's memory: clients, users, codes, tokens and counters, plus the clock.
//!
//! Plain data and small helpers only. Nothing here knows HTTP or response formats (that is
//! [`crate::routes`] and [`crate::render`]) or limit policy (that is [`crate::limits`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rand::distr::{Alphanumeric, SampleString};
use rand::Rng;

use crate::limits::Limits;

/// The simulator's clock. It starts at zero and only moves when [`Clock::advance`] is called,
/// so every lifetime, rate window and block is deterministic in tests.
#[derive(Debug, Clone, Default)]
pub struct Clock(Arc<AtomicU64>);

impl Clock {
    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let ms = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.0.fetch_add(ms, Ordering::SeqCst);
    }

    /// Time elapsed on the simulated clock since the simulator started.
    pub fn now(&self) -> Duration {
        Duration::from_millis(self.0.load(Ordering::SeqCst))
    }

    pub(crate) fn now_ms(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// What the authorize endpoint does with the next authorization requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Consent {
    /// The user signs in and approves: a code is issued for this user.
    Approve {
        /// The user who approves.
        user: String,
    },
    /// The user denies access: the redirect carries `error=access_denied`.
    Deny,
    /// The provider fails: the redirect carries `error=server_error`.
    ServerError,
}

impl Default for Consent {
    fn default() -> Self {
        Consent::Approve {
            user: "alice".to_string(),
        }
    }
}

/// Counters of what the simulator has served.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Token-endpoint requests by `grant_type` (custom grants by their name), whether they
    /// succeeded or not.
    pub token_requests: BTreeMap<String, u64>,
    /// Authorization codes issued by the authorize endpoint.
    pub codes_issued: u64,
    /// PINs issued.
    pub pins_issued: u64,
    /// Successful refreshes.
    pub refreshes: u64,
    /// Access tokens minted (a reused client-credentials token is not counted again).
    pub access_tokens_issued: u64,
    /// Refresh tokens minted.
    pub refresh_tokens_issued: u64,
    /// Calls to the sample protected API.
    pub api_calls: u64,
    /// Successful revocations.
    pub revocations: u64,
}

/// A registered client.
#[derive(Debug, Clone)]
pub(crate) struct Client {
    pub secret: String,
    pub active: bool,
    pub redirect_uris: Vec<String>,
}

/// How a code was issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeKind {
    Web,
    Pin,
}

/// An authorization code or PIN.
#[derive(Debug, Clone)]
pub(crate) struct CodeRec {
    pub kind: CodeKind,
    /// `None` for PINs, which any registered client may exchange.
    pub client_id: Option<String>,
    /// The redirect URI the authorize request named explicitly (it must be repeated).
    pub redirect_uri: Option<String>,
    pub user: String,
    pub scopes: Vec<String>,
    pub expires_at_ms: Option<u64>,
    pub pkce: Option<(String, String)>,
    pub offline: bool,
    pub used: bool,
}

/// A live access token.
#[derive(Debug, Clone)]
pub(crate) struct AccessRec {
    pub user: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    pub issued_at_ms: u64,
    pub expires_at_ms: Option<u64>,
    /// The refresh token it was minted with (or alongside).
    pub refresh: Option<String>,
    /// Index of the custom grant that minted it (its presentation applies), if any.
    pub custom: Option<usize>,
}

/// A live refresh token.
#[derive(Debug, Clone)]
pub(crate) struct RefreshRec {
    pub user: String,
    pub client_id: String,
    pub scopes: Vec<String>,
    pub expires_at_ms: Option<u64>,
}

/// Everything the simulator remembers.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub clients: HashMap<String, Client>,
    /// Users of password-based custom grants: user -> password.
    pub users: HashMap<String, String>,
    pub consent: Consent,
    pub codes: HashMap<String, CodeRec>,
    pub access: HashMap<String, AccessRec>,
    pub refresh: HashMap<String, RefreshRec>,
    /// Client-credentials tokens handed out again until they expire, by client id.
    pub cc_tokens: HashMap<String, String>,
    pub limits: Limits,
    pub stats: Stats,
}

impl State {
    /// Counts a token request for `grant`.
    pub fn count_request(&mut self, grant: &str) {
        *self
            .stats
            .token_requests
            .entry(grant.to_string())
            .or_default() += 1;
    }

    /// Whether the access token is live at `now_ms` (`Err(true)`: expired, `Err(false)`:
    /// unknown, revoked or evicted).
    pub fn check_access(&self, token: &str, now_ms: u64) -> Result<&AccessRec, bool> {
        match self.access.get(token) {
            None => Err(false),
            Some(rec) if rec.expires_at_ms.is_some_and(|e| now_ms >= e) => Err(true),
            Some(rec) => Ok(rec),
        }
    }

    /// Removes a refresh token and every access token minted from it.
    pub fn revoke_refresh(&mut self, token: &str) -> bool {
        if self.refresh.remove(token).is_none() {
            return false;
        }
        self.access
            .retain(|_, rec| rec.refresh.as_deref() != Some(token));
        self.limits.forget_refresh(token);
        true
    }
}

/// A random token of `len` ASCII letters and digits.
pub(crate) fn random_token(len: usize) -> String {
    Alphanumeric.sample_string(&mut rand::rng(), len)
}

/// A random PIN of `len` upper-case letters and digits (easy to read off a page).
pub(crate) fn random_pin(len: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(CHARS[rng.random_range(0..CHARS.len())]))
        .collect()
}
