//! The simulator's memory: clients, users, codes, tokens and counters, plus the clock.
//!
//! Plain data and small helpers only. Nothing here knows HTTP or response formats (that is
//! [`crate::routes`] and [`crate::render`]) or limit policy (that is [`crate::limits`]).

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
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
    /// Device authorizations started (RFC 8628 §3.2 responses).
    pub device_codes_issued: u64,
}

/// A request the simulator answered, with its answer: what a test inspects to prove what a
/// client sent (method, where the credentials went, how the token was presented) and what the
/// provider said back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The endpoint it was routed to, by spec name (`token`, `api`, ...); `None` when it
    /// matched none.
    pub endpoint: Option<String>,
    /// HTTP method.
    pub method: String,
    /// Path, without the query.
    pub path: String,
    /// Decoded query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Decoded `application/x-www-form-urlencoded` body pairs, in order.
    pub form: Vec<(String, String)>,
    /// The `Authorization` header as sent.
    pub authorization: Option<String>,
    /// Status of the answer.
    pub status: u16,
    /// Body of the answer.
    pub body: String,
}

impl RecordedRequest {
    /// The first query value named `name`.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first form value named `name`.
    pub fn form_value(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
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

/// Where a device authorization (RFC 8628) stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DeviceStatus {
    /// The user has not decided yet.
    Pending,
    /// The user approved; the next poll gets the tokens.
    Approved { user: String },
    /// The user denied; the next poll gets `access_denied`.
    Denied,
}

/// A device authorization in progress, keyed by its device code.
#[derive(Debug, Clone)]
pub(crate) struct DeviceRec {
    pub client_id: String,
    /// As shown to the user (`BCDF-GHJK`).
    pub user_code: String,
    pub scopes: Vec<String>,
    pub expires_at_ms: u64,
    /// The polling interval now in force (grows by 5 s at each `slow_down`).
    pub interval_ms: u64,
    pub last_poll_ms: Option<u64>,
    pub status: DeviceStatus,
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
    /// Users whose account registration is not confirmed: password-based custom grants
    /// should refuse them with `ACCOUNT_REGISTRATION_NOT_CONFIRMED` (Zoho's legacy authtoken).
    pub unconfirmed_users: HashSet<String>,
    pub consent: Consent,
    pub codes: HashMap<String, CodeRec>,
    pub access: HashMap<String, AccessRec>,
    pub refresh: HashMap<String, RefreshRec>,
    /// Client-credentials tokens handed out again until they expire, by client id.
    pub cc_tokens: HashMap<String, String>,
    /// Device authorizations by device code.
    pub devices: HashMap<String, DeviceRec>,
    /// The owner of each client (Marketo's API-only user), sent as a client-credentials
    /// token's `scope` when the def has no scopes.
    pub owners: HashMap<String, String>,
    /// Per client: the company name users see and how many users may connect.
    pub user_quotas: HashMap<String, (String, usize)>,
    /// How long the sample API takes to answer (real time; calls stay in flight meanwhile).
    pub api_latency: Duration,
    /// The latest requests answered, oldest first (at most [`MAX_RECORDED`]).
    pub requests: VecDeque<RecordedRequest>,
    pub limits: Limits,
    pub stats: Stats,
}

/// How many answered requests the simulator remembers.
pub(crate) const MAX_RECORDED: usize = 10_000;

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

/// A random user code (RFC 8628 §6.1): eight consonants, shown as `BCDF-GHJK`.
pub(crate) fn random_user_code() -> String {
    const CHARS: &[u8] = b"BCDFGHJKLMNPQRSTVWXZ";
    let mut rng = rand::rng();
    let mut code = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            code.push('-');
        }
        code.push(char::from(CHARS[rng.random_range(0..CHARS.len())]));
    }
    code
}

/// A random PIN of `len` upper-case letters and digits (easy to read off a page).
pub(crate) fn random_pin(len: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(CHARS[rng.random_range(0..CHARS.len())]))
        .collect()
}
